"""UI speed on a large ledger: window shown, search keystroke, measure selection, memory.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/ui_bench.py [--measures 10000]
Baseline in the same process: an empty QMainWindow shown the same way.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402
from sqlalchemy import select  # noqa: E402

from desktop.app import create_app  # noqa: E402
from desktop.domain import Quarter  # noqa: E402
from desktop.models import Measure, Progress  # noqa: E402
from desktop.services.workspace import Workspace  # noqa: E402
from desktop.ui.main_window import MainWindow  # noqa: E402
from tests.factories import import_document, make_document  # noqa: E402

QUARTERS = [Quarter(2022, 3), Quarter(2022, 4), Quarter(2023, 1), Quarter(2023, 2)]


def populate(ws: Workspace, n: int) -> None:
    import_document(ws, make_document(n, "大型任务台账"), "big.xlsx")
    with ws.db.transaction() as s:
        ids = list(s.scalars(select(Measure.id)))
        for measure_id in ids:
            for q in QUARTERS:
                s.add(
                    Progress(
                        measure_id=measure_id,
                        quarter=str(q),
                        status="in_progress",
                        progress_text=f"{q}完成阶段任务，召开推进会。",
                        problems="",
                        next_steps="继续推进",
                    )
                )


def timed(fn: object) -> float:
    start = time.perf_counter()
    fn()  # type: ignore[operator]
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--measures", type=int, default=10000)
    args = parser.parse_args()
    app = create_app(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        ws = Workspace.open(Path(tmp) / "data")
        t = time.perf_counter()
        populate(ws, args.measures)
        print(
            f"setup: {args.measures} measures, {args.measures * len(QUARTERS)} progress rows "
            f"in {time.perf_counter() - t:.1f} s"
        )

        def show_empty() -> None:
            w = QMainWindow()
            w.resize(1366, 768)
            w.show()
            app.processEvents()
            w.close()

        baseline = timed(show_empty)
        holder: list[MainWindow] = []

        def show_main() -> None:
            w = MainWindow(ws, today=date(2023, 6, 20))
            w.resize(1366, 768)
            w.show()
            app.processEvents()
            holder.append(w)

        shown = timed(show_main)
        w = holder[0]
        assert w.measure_model.rowCount() == args.measures
        keystrokes = []
        text = ""
        for ch in "第12项":
            text += ch
            keystrokes.append(
                timed(lambda t=text: (w.filter_bar.search.setText(t), app.processEvents()))
            )
        w.filter_bar.search.clear()
        app.processEvents()
        selections = []
        for row in (0, args.measures // 2, args.measures - 1):
            selections.append(timed(lambda r=row: (w.table.selectRow(r), app.processEvents())))
        rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        w.close()
        ws.close()
    print(f"baseline empty QMainWindow shown: {baseline * 1000:.0f} ms")
    print(
        f"main window shown with {args.measures} measures: {shown * 1000:.0f} ms "
        f"({shown / baseline:.1f}x baseline; target < 2000 ms)"
    )
    print(
        f"search keystroke: max {max(keystrokes) * 1000:.0f} ms, "
        f"mean {sum(keystrokes) / len(keystrokes) * 1000:.0f} ms (target < 100 ms)"
    )
    print(f"select a measure: max {max(selections) * 1000:.0f} ms (target < 50 ms)")
    print(f"peak resident memory: {rss_mb:.0f} MB (target < 400 MB)")
    QApplication.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
