"""Excel import and export timings against a same-run baseline of plain openpyxl read-only iteration."""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from openpyxl import Workbook, load_workbook

from desktop.readers.xlsx import detect_tables, read_task_list

UNITS = ["县发改局", "县财政局", "县市场监管局", "县税务局", "县自然资源局", "县农业农村局"]
DEADLINES = ["2023年6月底前", "长期坚持", "2023.12.31", "每季度", "2024年3月"]


def make_workbook(path: Path, rows: int) -> None:
    """A ledger shaped like real ones: title, sections every 50 rows, leads merged in 5s."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["XX县2023年重点任务台账"])
    ws.merge_cells("A1:G1")
    ws.append(["序号", "重点任务", "牵头单位", "责任单位", "完成时限", "进展情况", "备注"])
    r = 2
    for i in range(1, rows + 1):
        if i % 50 == 1:
            r += 1
            ws.append([f"第{i // 50 + 1}部分 重点领域{i // 50 + 1}"])
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=7)
        r += 1
        deadline: object = DEADLINES[i % len(DEADLINES)]
        if i % 7 == 0:
            deadline = datetime(2023, 1 + i % 12, 1)
        lead = UNITS[i % len(UNITS)] if i % 5 == 1 else None
        ws.append(
            [
                float(i),
                f"第{i}项任务：推进重点项目建设，完善工作机制，确保按期完成年度目标第{i}号",
                lead,
                "、".join(UNITS[(i + k) % len(UNITS)] for k in range(1, 3)),
                deadline,
                "",
                None,
            ]
        )
        if i % 5 == 1:
            ws.merge_cells(
                start_row=r, start_column=3, end_row=min(r + 4, r + rows - i), end_column=3
            )
    wb.save(path)


def baseline(path: Path) -> float:
    t = time.perf_counter()
    wb = load_workbook(path, read_only=True, data_only=True)
    n = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            n += len(row)
    wb.close()
    return time.perf_counter() - t


def import_once(path: Path, data_dir: Path) -> tuple[dict[str, float], int]:
    """The whole import as `python main.py import FILE.xlsx` runs it, step by step, into a fresh
    data directory (opened before the clock starts: creating the database is not importing)."""
    from desktop.services import importing, tasklists
    from desktop.services.workspace import Workspace

    ws = Workspace.open(data_dir)
    try:
        timings: dict[str, float] = {}
        t = time.perf_counter()
        choice = tasklists.choose_mappings(ws.db, path)  # detect_tables + remembered mappings
        timings["detect (choose_mappings)"] = time.perf_counter() - t
        t = time.perf_counter()
        preview = importing.preview_file(path, choice.mappings)  # read_task_list + SHA-256
        timings["read (preview_file)"] = time.perf_counter() - t
        t = time.perf_counter()
        outcome = importing.import_preview(ws, preview)  # one transaction
        timings["store (import_preview)"] = time.perf_counter() - t
        timings["whole import (detect + read + store)"] = sum(timings.values())
        return timings, outcome.measure_count
    finally:
        ws.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rows", type=int, default=10_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.xlsx"
        t = time.perf_counter()
        make_workbook(path, args.rows)
        print(
            f"generated {args.rows} rows in {time.perf_counter() - t:.2f} s ({path.stat().st_size // 1024} KB)"
        )
        best: dict[str, float] = {}
        measures = 0
        for k in range(args.repeat):
            timings: dict[str, float] = {"baseline (openpyxl read-only iteration)": baseline(path)}
            t = time.perf_counter()
            scan = detect_tables(path)
            timings["detect_tables"] = time.perf_counter() - t
            t = time.perf_counter()
            result = read_task_list(path, scan.mappings)
            timings["read_task_list"] = time.perf_counter() - t
            steps, measures = import_once(path, Path(tmp) / f"data{k}")
            timings.update(steps)
            for name, v in timings.items():
                best[name] = min(best.get(name, v), v)
        print(f"measures imported: {measures} (read: {result.measure_count})")
        base = best["baseline (openpyxl read-only iteration)"]
        for name, v in best.items():
            print(f"{name:42s} {v:6.3f} s   x{v / base:4.2f} of baseline")
        whole = best["whole import (detect + read + store)"]
        print(f"whole import {'within' if whole < 3.0 else 'OVER'} the 3 s target ({whole:.2f} s)")
        export_bench(result, Path(tmp), args.rows)


def export_bench(result: object, tmp: Path, rows: int) -> None:
    from desktop.reports.data import QuarterReportData, ReportMeasure, ReportPlan
    from desktop.reports.excel_ledger import export_ledger

    measures = tuple(
        ReportMeasure(
            sections=("重点领域",),
            number=str(i),
            title=f"任务{i}",
            text=f"第{i}项任务：推进重点项目建设，完善工作机制",
            lead_units=("县发改局",),
            responsible_units=("县财政局", "县税务局"),
            deadline_text="2023年6月底前",
            deadline=date(2023, 6, 30),
            long_term=False,
            status="in_progress",
            status_label="推进中",
            overdue=i % 3 == 0,
            progress="已完成年度目标的60%，正在推进" * 3,
            measure_id=i,
        )
        for i in range(1, rows + 1)
    )
    data = QuarterReportData(
        quarter="2023Q2",
        quarter_label="2023年第二季度",
        title="XX县重点任务落实情况",
        unit_name="XX县人民政府办公室",
        officer="张三",
        reviewer="李四",
        phone="0930-1234567",
        plans=(ReportPlan("XX县2023年重点任务台账", None, None, 2, measures),),
        generated_at=datetime(2023, 7, 1, 9, 0),
        data_version="v1",
    )
    t = time.perf_counter()
    export_ledger(data, tmp / "ledger.xlsx")
    print(f"{'export_ledger (' + str(rows) + ' measures)':42s} {time.perf_counter() - t:6.3f} s")


if __name__ == "__main__":
    main()
