"""Updating a plan from a new version of its Excel task list: the confirmed columns are used,
changed units and deadlines are reported, and removed measures stay visible with their history."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook, load_workbook
from sqlalchemy import select

from desktop.domain import Quarter
from desktop.models import AuditLog, Measure, Plan
from desktop.parsing.matching import MatchKind
from desktop.services import importing, ledger, progress, reporting, tasklists, updating
from desktop.services.workspace import Workspace

Q1, Q2 = Quarter(2023, 1), Quarter(2023, 2)
HEADER = ["序号", "重点任务", "承担单位", "配合单位", "完成时限"]
ROWS = [
    ["一、优化政务服务"],
    [1, "推行企业开办一网通办", "县行政审批局", "县市场监管局", "长期坚持"],
    [2, "压缩工程建设项目审批时间至60个工作日", "县住建局", "县自然资源局", "2023年9月底前"],
    ["二、扩大有效投资"],
    [3, "新签约亿元以上项目20个", "县商务局", None, "2023年6月底前"],
    [4, "争取专项债券资金5亿元", "县财政局", "县发改局", "2023年10月底前"],
]


def _book(path: Path, title: str, rows: list[list[object]]) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "重点任务"
    ws.append([title])
    ws.merge_cells("A1:E1")
    ws.append(["（2023年3月修订）填报单位：县政府办"])
    ws.merge_cells("A2:E2")
    ws.append(HEADER)
    for r, row in enumerate(rows, start=4):
        ws.append(row)
        if len(row) == 1:
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=5)
    wb.save(path)
    return path


def _import_confirmed(ws: Workspace, path: Path) -> int:
    """As the window does it: the officer points 牵头单位 at 承担单位 (C), which is remembered."""
    choice = tasklists.choose_mappings(ws.db, path)
    mapping = choice.mappings["重点任务"]
    assert "lead_units" not in mapping.columns  # '承担单位' is not a name the detector knows
    mapping.columns["lead_units"] = 3
    tasklists.remember(ws.db, choice.mappings, ws.author)
    preview = importing.preview_file(path, choice.mappings)
    return importing.import_preview(ws, preview).plan_ids[0]


def test_excel_update_uses_the_confirmed_columns_and_reports_unit_and_deadline_changes(
    ws: Workspace, tmp_path: Path
) -> None:
    v1 = _book(tmp_path / "任务台账.xlsx", "XX县2023年重点任务台账", ROWS)
    plan_id = _import_confirmed(ws, v1)
    rows = {r.number: r for r in ledger.list_measures(ws.db, plan_id, Q2)}
    assert rows["1"].lead_units == ("县行政审批局",)
    first, third = rows["1"].id, rows["3"].id
    progress.save_progress(ws, first, Q2, progress_text="已上线", problems="", next_steps="")
    progress.save_progress(ws, third, Q1, progress_text="已签约8个", problems="", next_steps="")

    v2_rows = [list(r) for r in ROWS]
    v2_rows[1][2] = "县政务服务中心"  # new lead unit, same words
    v2_rows[1][4] = "2023年12月底前"  # 长期坚持 -> a deadline
    del v2_rows[4]  # 3 is dropped
    v2_rows.append([5, "建设数字经济产业园1个", "县工信局", "县科技局", "2023年11月底前"])
    v2 = _book(tmp_path / "任务台账（修订）.xlsx", "XX县2023年重点任务台账（修订版）", v2_rows)

    proposal = updating.propose_update(ws, plan_id, v2)
    counts = proposal.counts()
    assert (counts[MatchKind.CHANGED], counts[MatchKind.ADDED], counts[MatchKind.REMOVED]) == (
        1,
        1,
        1,
    )
    [changed] = proposal.result.changed
    assert changed.old is not None and changed.old.key == first
    assert [(c.label, c.old, c.new) for c in changed.changes] == [
        ("牵头单位", "县行政审批局", "县政务服务中心"),
        ("完成时限", "长期坚持", "2023年12月底前"),
    ]
    assert [(f.label, f.new) for f in proposal.facts] == [
        ("标题", "XX县2023年重点任务台账（修订版）")
    ]

    outcome = updating.apply_update(ws, proposal)
    assert (outcome.version, outcome.kept, outcome.added, outcome.archived) == (2, 3, 1, 1)
    detail = ledger.measure_detail(ws.db, first, Q2)
    assert detail.row.lead_units == ("县政务服务中心",)  # read from column C, as confirmed
    assert detail.row.deadline is not None and detail.row.deadline.isoformat() == "2023-12-31"
    assert detail.progress["2023Q2"].progress_text == "已上线"
    with ws.db.session() as s:
        plan = s.get(Plan, plan_id)
        assert plan is not None and plan.title == "XX县2023年重点任务台账（修订版）"
        fact_log = s.scalars(
            select(AuditLog).where(AuditLog.entity == "plan", AuditLog.action == "update")
        ).all()
        assert any(isinstance(a.new_value, dict) and "title" in a.new_value for a in fact_log)

    versions = updating.plan_versions(ws, plan_id)
    assert [(v.version, v.source_name, v.measures, v.current) for v in versions] == [
        (1, "任务台账.xlsx", 4, False),
        (2, "任务台账（修订）.xlsx", 4, True),
    ]
    assert (versions[1].kept, versions[1].added, versions[1].archived) == (3, 1, 1)

    # The removed measure is archived with its history and its heading.
    [gone] = updating.archived_measures(ws, plan_id)
    assert (gone.id, gone.number, gone.last_version) == (third, "3", 1)
    assert gone.sections == ("二、扩大有效投资",)
    assert [(p.quarter, p.progress) for p in gone.progress] == [("2023Q1", "已签约8个")]
    with ws.db.session() as s:
        m = s.get(Measure, third)
        assert m is not None and m.archived and m.section is not None

    # The quarter it reported in still lists it, marked; a quarter without its progress not.
    q1 = tmp_path / "q1.xlsx"
    q2 = tmp_path / "q2.xlsx"
    reporting.write_ledger_xlsx(ws, Q1, q1)
    reporting.write_ledger_xlsx(ws, Q2, q2)
    q1_text = [str(c) for row in load_workbook(q1).active.iter_rows(values_only=True) for c in row]
    q2_text = [str(c) for row in load_workbook(q2).active.iter_rows(values_only=True) for c in row]
    assert "已签约8个" in q1_text and any("已归档" in t for t in q1_text)
    assert not any("新签约亿元以上项目20个" in t for t in q2_text)


def test_a_new_version_without_a_title_row_keeps_the_plan_title(
    ws: Workspace, tmp_path: Path
) -> None:
    plan_id = _import_confirmed(ws, _book(tmp_path / "v1.xlsx", "XX县2023年重点任务台账", ROWS))
    rows = [list(r) for r in ROWS]
    rows[2][4] = "2023年10月底前"
    proposal = updating.propose_update(ws, plan_id, _book(tmp_path / "v2.xlsx", "", rows))
    assert proposal.document.title == "重点任务"  # named after its sheet
    assert proposal.facts == []
    updating.apply_update(ws, proposal)
    with ws.db.session() as s:
        plan = s.get(Plan, plan_id)
        assert plan is not None and plan.title == "XX县2023年重点任务台账"
