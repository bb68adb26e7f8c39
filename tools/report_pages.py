"""Renders docs/report-page1.png and docs/report-page2.png from a real data directory.

A fresh data directory gets both Gansu 放管服 documents imported and a quarter of progress
recorded through the services (tests/reports/realistic.py); the 2023Q2 report of all plans is
then made as the application makes it on 5 July 2023 (its 生成时间 set to that morning, not the
machine's clock, so the footer agrees with the date it is signed) and its first two pages
rendered with pdftoppm.

    python tools/report_pages.py [--keep DIR]   # --keep also leaves the PDF and the data there
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import replace
from datetime import datetime, time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop.reports import fonts  # noqa: E402
from desktop.reports.pdf_report import render_quarter_pdf  # noqa: E402
from desktop.services import reporting  # noqa: E402
from desktop.services.workspace import Workspace  # noqa: E402
from tests.reports.realistic import REPORT_DAY, Q, populate  # noqa: E402

DPI = 80  # 662 × 936 pixels for an A4 page


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="folder for the PDF and the data directory")
    args = parser.parse_args()
    if not shutil.which("pdftoppm"):
        print("pdftoppm (poppler-utils) is needed to render the pages.", file=sys.stderr)
        return 1
    work = args.keep or Path(tempfile.mkdtemp(prefix="report-pages-"))
    work.mkdir(parents=True, exist_ok=True)
    # The bundled fonts only, so the pictures do not depend on what this machine has installed.
    empty = work / "no-fonts"
    empty.mkdir(exist_ok=True)
    os.environ[fonts.FONT_DIRS_ENV] = str(empty)
    data = work / "data"
    if data.exists():
        shutil.rmtree(data)
    ws = Workspace.open(data)
    ws.author = "王丽"
    try:
        populate(ws, work / "files")
        pdf = work / "季度报告-2023Q2.pdf"
        data = reporting.report_data(ws, Q, None, REPORT_DAY)
        made = datetime.combine(REPORT_DAY, time(10, 30)).astimezone()
        pages = render_quarter_pdf(replace(data, generated_at=made), pdf)
    finally:
        ws.close()
    for page in (1, 2):
        target = ROOT / "docs" / f"report-page{page}"
        subprocess.run(
            ["pdftoppm", "-r", str(DPI), "-png", "-f", str(page), "-l", str(page),
             "-singlefile", str(pdf), str(target)],
            check=True,
        )  # fmt: skip
        print("wrote", target.with_suffix(".png"))
    print(f"from {pdf} ({pages} pages)")
    if args.keep is None:
        shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
