"""Times the quarterly report (PDF, Word) for 1,000 measures against same-run baselines.

Run from the repository root:  python bench/report_bench.py [--measures 1000] [--runs 3]
Baselines, on the same rows in the same run:
  * reportlab LongTable of plain strings (no wrapping, no CJK paragraph styling): the floor;
  * reportlab LongTable of CJK-wrapped Paragraphs, the usual way to set such a table;
  * LibreOffice converting an equivalent .xlsx to PDF, when `soffice` is installed.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, TableStyle

from desktop.reports.data import QuarterReportData
from desktop.reports.docx_report import render_quarter_docx
from desktop.reports.fonts import markup, report_fonts
from desktop.reports.pdf_report import render_quarter_pdf
from desktop.reports.sample_data import sample_quarter_data

WIDTHS = [w * mm for w in (10, 65, 21, 18, 50, 24, 24, 13)]


def _rows(data: QuarterReportData) -> list[list[str]]:
    return [
        [m.number, m.text, "、".join(m.lead_units), m.deadline_text or "", m.progress,
         m.problems, m.next_steps, m.status_label]
        for plan in data.plans
        for m in plan.measures
    ]  # fmt: skip


def plain_table(data: QuarterReportData, out: Path) -> int:
    font = report_fonts(use_system=False).body.name
    rows = [
        ["序号", "重点任务", "牵头单位", "完成时限", "进展情况", "存在问题", "下步打算", "状态"]
    ]
    rows += [[c[:20] for c in r] for r in _rows(data)]  # one line per cell: nothing wraps
    doc = SimpleDocTemplate(str(out), pagesize=landscape(A4))
    style = TableStyle([("FONTNAME", (0, 0), (-1, -1), font), ("FONTSIZE", (0, 0), (-1, -1), 9),
                        ("GRID", (0, 0), (-1, -1), 0.5, "black")])  # fmt: skip
    doc.build([LongTable(rows, colWidths=WIDTHS, repeatRows=1, style=style)])
    return doc.page


def paragraph_table(data: QuarterReportData, out: Path) -> int:
    fonts = report_fonts(use_system=False)
    st = ParagraphStyle("c", fontName=fonts.body.name, fontSize=10, leading=13.8, wordWrap="CJK")
    rows = [[Paragraph(h, st) for h in ("序号", "重点任务", "牵头单位", "完成时限", "进展情况",
                                        "存在问题", "下步打算", "状态")]]  # fmt: skip
    rows += [[Paragraph(markup(c, fonts.body), st) for c in r] for r in _rows(data)]
    doc = SimpleDocTemplate(str(out), pagesize=landscape(A4))
    style = TableStyle([("FONTNAME", (0, 0), (-1, -1), fonts.body.name),
                        ("GRID", (0, 0), (-1, -1), 0.5, "black")])  # fmt: skip
    doc.build([LongTable(rows, colWidths=WIDTHS, repeatRows=1, style=style)])
    return doc.page


def libreoffice_xlsx(data: QuarterReportData, work: Path) -> tuple[float, str] | None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    try:
        from openpyxl import Workbook
        from openpyxl.styles import Alignment
    except ImportError:
        return None
    wb = Workbook()
    ws = wb.active
    ws.append(
        ["序号", "重点任务", "牵头单位", "完成时限", "进展情况", "存在问题", "下步打算", "状态"]
    )
    for row in _rows(data):
        ws.append(row)
    for col, width in zip("ABCDEFGH", (5, 40, 12, 10, 30, 14, 14, 8), strict=True):
        ws.column_dimensions[col].width = width
    for row in ws.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="center")
    ws.page_setup.orientation = "landscape"
    ws.print_title_rows = "1:1"
    xlsx = work / "ledger.xlsx"
    wb.save(xlsx)
    profile = (work / "lo-profile").as_uri()
    start = time.perf_counter()
    done = subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(work), str(xlsx)],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    elapsed = time.perf_counter() - start
    pdf = work / "ledger.pdf"
    if done.returncode != 0 or not pdf.exists():
        return elapsed, f"failed: {done.stderr.strip()[:200]}"
    from pypdf import PdfReader

    return elapsed, f"{len(PdfReader(str(pdf)).pages)} pages (includes LibreOffice start-up)"


def timed(fn: Callable[[], object], runs: int) -> tuple[float, float, object]:
    times = []
    result: object = None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times), result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--measures", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    data = sample_quarter_data(args.measures)
    chars = sum(len("".join(r)) for r in _rows(data))
    print(f"data: {args.measures} measures, {chars:,} characters of cell text, 1 plan")
    report_fonts()  # font loading happens once per process; keep it out of the timings
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        calls = {"n": 0}

        def progress(done: int, total: int) -> bool:
            calls["n"] += 1
            return True

        rows = [
            ("quarter report PDF (render_quarter_pdf)",
             lambda: render_quarter_pdf(data, work / "r.pdf", progress=progress), "pages"),
            ("quarter report .docx (render_quarter_docx)",
             lambda: render_quarter_docx(data, work / "r.docx"), ""),
            ("baseline: LongTable, plain strings", lambda: plain_table(data, work / "p.pdf"),
             "pages"),
            ("baseline: LongTable, CJK Paragraphs",
             lambda: paragraph_table(data, work / "q.pdf"), "pages"),
        ]  # fmt: skip
        print(f"{'what':46} {'best s':>8} {'median s':>9}  result")
        for name, fn, unit in rows:
            best, median, result = timed(fn, args.runs)
            extra = f"{result} {unit}" if unit else ""
            print(f"{name:46} {best:8.2f} {median:9.2f}  {extra}")
        size = (work / "r.pdf").stat().st_size
        print(f"PDF size {size / 1024 / 1024:.1f} MB; progress called {calls['n'] // args.runs}x")
        lo = libreoffice_xlsx(data, work)
        if lo is None:
            print("baseline: LibreOffice .xlsx -> PDF skipped (soffice or openpyxl not installed)")
        else:
            print(f"{'baseline: LibreOffice .xlsx -> PDF (1 run)':46} {lo[0]:8.2f} {'':9}  {lo[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
