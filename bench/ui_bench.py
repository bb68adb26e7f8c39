"""UI speed on a large ledger: start-up, search keystrokes, selection, tree, quarter, dashboard, memory.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/ui_bench.py [--measures 10000] [--runs 3]

Start-up is timed from process start: the bench launches a fresh interpreter that goes through the
real start-up path (desktop.app.start: lock, workspace, translations, main window) and reports the
moment the window has been shown. The same-run baseline is a fresh interpreter that shows an empty
QMainWindow the same way. Everything else runs in this process against the same data, with the
same operation on an empty QMainWindow-sized workload as its baseline where one makes sense.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

QUARTERS = ["2022Q3", "2022Q4", "2023Q1", "2023Q2"]
TODAY = date(2023, 6, 20)
_CN = "一二三四五六七八九十"


def _child(mode: str, data_dir: str) -> int:
    """Runs in the launched interpreter: show a window, print when it is on screen, leave."""
    from PySide6.QtWidgets import QApplication, QMainWindow

    if mode == "empty":
        app = QApplication(sys.argv[:1])
        w = QMainWindow()
        w.resize(1366, 768)
        w.show()
        app.processEvents()
    else:
        from desktop.app import create_app, start

        app = create_app(sys.argv[:1])
        session = start(data_dir)
        assert session is not None
        session.window.resize(1366, 768)
        app.processEvents()
        rows = session.window.measure_model.rowCount()
        assert rows > 0, "the bench plan was not shown"
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"SHOWN {time.time():.6f} {rss:.0f}", flush=True)
    os._exit(0)  # no auto-backup or clean-up: the figure is about start-up


def _launch(mode: str, data_dir: Path) -> tuple[float, float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    t0 = time.time()
    out = subprocess.run(
        [sys.executable, __file__, "--child", mode, str(data_dir)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout
    line = next(x for x in out.splitlines() if x.startswith("SHOWN "))
    _, shown, rss = line.split()
    return float(shown) - t0, float(rss)


def populate(ws: object, n: int) -> None:
    """A task list shaped like real ones: ten parts of ten sub-sections, 4 quarters of progress."""
    from sqlalchemy import select

    from desktop.models import Measure, Progress
    from desktop.parsing import ParsedDocument, ParsedMeasure, ParsedSection
    from desktop.services import settings
    from tests.factories import UNITS, import_document

    sections = []
    for i in range(10):
        sections.append(ParsedSection([_CN[i]], _CN[i], f"第{i + 1}部分重点工作"))
        for j in range(10):
            sections.append(
                ParsedSection(
                    [_CN[i], f"（{_CN[j]}）"], f"（{_CN[j]}）", f"第{i + 1}.{j + 1}组任务"
                )
            )
    measures = []
    for k in range(1, n + 1):
        i, j = (k - 1) * 10 // n, ((k - 1) * 100 // n) % 10
        deadline = date(2022 + k % 3, 3 * (k % 4) + 3, 28) if k % 3 else None
        measures.append(
            ParsedMeasure(
                path=[_CN[i], f"（{_CN[j]}）", str(k)],
                number=str(k),
                title=f"第{k}项重点任务",
                text=f"第{k}项重点任务。推进相关改革，完善配套措施，确保取得实效。" * 3,
                lead_units=[UNITS[k % len(UNITS)]],
                responsible_units=[UNITS[(k + 1) % len(UNITS)], "各县区政府"],
                deadline_text=f"{deadline.year}年{deadline.month}月底前"
                if deadline
                else "长期坚持",
                deadline=deadline,
                long_term=deadline is None,
                deadlines=[deadline] if deadline else [],
            )
        )
    doc = ParsedDocument(
        title="大型任务台账",
        doc_number="某政办发〔2023〕1号",
        issuer="某县人民政府办公室",
        date=date(2023, 1, 10),
        measures=measures,
        sections=sections,
    )
    import_document(ws, doc, "big.xlsx")  # type: ignore[arg-type]
    with ws.db.transaction() as s:  # type: ignore[attr-defined]
        for measure_id in list(s.scalars(select(Measure.id))):
            for q in QUARTERS:
                s.add(
                    Progress(
                        measure_id=measure_id,
                        quarter=q,
                        status="in_progress",
                        progress_text=f"{q}完成阶段任务，召开推进会。",
                        problems="",
                        next_steps="继续推进",
                    )
                )
    # A regular day, not the first start: no sample plan to import.
    settings.update(ws.db, {"sample_loaded": "1"}, author="bench")  # type: ignore[attr-defined]


def _ms(values: list[float]) -> str:
    return f"mean {statistics.mean(values) * 1000:.0f} ms, max {max(values) * 1000:.0f} ms"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--measures", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=3, help="start-up launches of each kind")
    parser.add_argument("--child", nargs=2, metavar=("MODE", "DATA_DIR"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return _child(*args.child)

    from PySide6.QtWidgets import QApplication, QMainWindow

    from desktop.app import create_app
    from desktop.domain import Quarter
    from desktop.services.workspace import Workspace
    from desktop.ui.main_window import MainWindow

    app = create_app(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        ws = Workspace.open(data)
        t = time.perf_counter()
        populate(ws, args.measures)
        print(
            f"setup: {args.measures} measures in 110 sections, "
            f"{args.measures * len(QUARTERS)} progress rows in {time.perf_counter() - t:.1f} s"
        )
        ws.close()

        # -- start-up from process start, alternating so machine load hits both alike --------
        empty_starts, main_starts, rss_child = [], [], []
        for _ in range(args.runs):
            empty_starts.append(_launch("empty", data)[0])
            shown, rss = _launch("main", data)
            main_starts.append(shown)
            rss_child.append(rss)

        # -- in this process ----------------------------------------------------------------
        ws = Workspace.open(data)

        def timed(fn: Callable[[], object]) -> float:
            start = time.perf_counter()
            fn()
            app.processEvents()
            return time.perf_counter() - start

        def empty_window() -> None:
            w = QMainWindow()
            w.resize(1366, 768)
            w.show()
            app.processEvents()
            w.close()

        baseline = timed(empty_window)
        holder: list[MainWindow] = []

        def build() -> None:
            w = MainWindow(ws, today=TODAY)
            w.resize(1366, 768)
            w.show()
            holder.append(w)

        built = timed(build)
        w = holder[0]
        w.set_quarter(Quarter(2023, 2))
        app.processEvents()
        assert w.measure_model.rowCount() == args.measures

        def type_and_clear(word: str) -> tuple[list[float], float]:
            keys, text = [], ""
            for ch in word:
                text += ch
                keys.append(timed(lambda t=text: w.filter_bar.search.setText(t)))
            return keys, timed(w.filter_bar.search.clear)

        def select_rows(select: Callable[[int], None]) -> list[float]:
            return [
                timed(lambda r=r: select(r))
                for r in (0, args.measures // 2, args.measures - 10, args.measures - 1)
            ]

        table_keys, table_clear = type_and_clear("第12项")
        table_select = select_rows(w.table.selectRow)
        to_tree = timed(lambda: w.group_toggle.setChecked(True))
        tree_keys, tree_clear = type_and_clear("第12项")

        def tree_select(row: int) -> None:
            w.tree.setCurrentIndex(w.tree_model.index_of_row(row))

        tree_select_times = select_rows(tree_select)
        # Worst case for the tree: a filter that keeps almost every row regroups all of them.
        status = w.filter_bar.status
        tree_refilter = [
            timed(lambda: status.setCurrentIndex(status.findData("in_progress"))),
            timed(lambda: status.setCurrentIndex(0)),
        ]
        to_table = timed(lambda: w.group_toggle.setChecked(False))
        quarter = [
            timed(lambda: w.set_quarter(Quarter(2023, 1))),
            timed(lambda: w.set_quarter(Quarter(2023, 2))),
        ]
        dashboard = timed(lambda: w.tabs.setCurrentWidget(w.dashboard))
        # A past quarter's overview reads the status history (statuses as of its last day).
        past_dashboard = timed(lambda: w.set_quarter(Quarter(2023, 1)))
        w.set_quarter(Quarter(2023, 2))
        w.tabs.setCurrentIndex(0)
        rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        w.close()
        ws.close()

    base = statistics.median(empty_starts)
    start = statistics.median(main_starts)
    print(
        f"start-up (process start -> window shown), median of {args.runs}: "
        f"empty QMainWindow {base * 1000:.0f} ms; main window with {args.measures} measures "
        f"{start * 1000:.0f} ms (+{(start - base) * 1000:.0f} ms over baseline; target < 2000 ms)"
    )
    print(
        f"  all runs: empty {[round(x * 1000) for x in empty_starts]} ms, "
        f"main {[round(x * 1000) for x in main_starts]} ms"
    )
    print(
        f"in-process: empty QMainWindow shown {baseline * 1000:.0f} ms; "
        f"main window built and shown {built * 1000:.0f} ms"
    )
    print(
        f"search keystroke, table: {_ms(table_keys)}; clearing {table_clear * 1000:.0f} ms "
        "(target < 100 ms)"
    )
    print(
        f"search keystroke, tree:  {_ms(tree_keys)}; clearing {tree_clear * 1000:.0f} ms "
        "(target < 100 ms)"
    )
    print(
        f"select a measure, table: {_ms(table_select)} (first {table_select[0] * 1000:.0f} ms; "
        "target < 50 ms)"
    )
    print(f"select a measure, tree:  {_ms(tree_select_times)} (target < 50 ms)")
    print(f"status filter on/off in the tree (regroups ~10,000 rows): {_ms(tree_refilter)}")
    print(f"switch to tree {to_tree * 1000:.0f} ms, back to table {to_table * 1000:.0f} ms")
    print(
        f"change quarter: {_ms(quarter)}; open dashboard {dashboard * 1000:.0f} ms; "
        f"dashboard switched to a past quarter {past_dashboard * 1000:.0f} ms"
    )
    print(
        f"peak resident memory: started app {max(rss_child):.0f} MB; this process (with set-up) "
        f"{rss_mb:.0f} MB (target < 400 MB)"
    )
    QApplication.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
