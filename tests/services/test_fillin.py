"""Department round trip: export a fill-in workbook, a department fills it, conflicts are shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from desktop.domain import Quarter, Status
from desktop.models import AuditLog
from desktop.reports.excel_fillin import HEADER_ROW
from desktop.services import fillin, ledger, progress
from desktop.services.workspace import Workspace
from tests.factories import import_document, make_document

Q = Quarter(2023, 2)


def _fill(path: Path, values: dict[int, dict[str, str]]) -> None:
    """Write answers the way a department does: into the unlocked columns of each row."""
    wb = load_workbook(path)
    sheet = wb.worksheets[0]
    headers = {c.value: c.column for c in sheet[HEADER_ROW] if c.value}
    id_col = headers["任务编码（请勿修改）"]
    for r in range(HEADER_ROW + 1, sheet.max_row + 1):
        raw = sheet.cell(row=r, column=id_col).value
        if raw is None or not str(raw).strip().isdigit():
            continue
        for label, text in values.get(int(str(raw).strip()), {}).items():
            column = headers["本季度进展情况" if label == "进展情况" else label]
            sheet.cell(row=r, column=column).value = text
    wb.save(path)


def test_round_trip_records_department_answers_and_lists_conflicts(
    ws: Workspace, tmp_path: Path
) -> None:
    plan_id = import_document(ws, make_document(6))
    rows = ledger.list_measures(ws.db, plan_id, Q)
    unit = "省人社厅"
    mine = [r for r in rows if unit in r.lead_units + r.responsible_units]
    assert len(mine) >= 2
    first, second = mine[0].id, mine[1].id
    written = fillin.export_workbooks(ws, Q, tmp_path / "out", units=[unit])
    assert [(u, n) for u, _, n in written] == [(unit, len(mine))]
    path = written[0][1]
    # Meanwhile the officer writes progress for the second measure.
    progress.save_progress(ws, second, Q, progress_text="县里已推进", problems="", next_steps="")
    _fill(
        path,
        {
            first: {"进展情况": "已完成方案制定", "状态": "已完成"},
            second: {"进展情况": "部门说法不同"},
        },
    )
    review = fillin.review(ws, path)
    assert {(c.measure_id, c.field) for c in review.diff.changes} == {
        (first, "progress"),
        (first, "status"),
    }
    assert [(c.measure_id, c.field, c.current, c.incoming) for c in review.diff.conflicts] == [
        (second, "progress", "县里已推进", "部门说法不同")
    ]
    assert fillin.apply(ws, review) == 2
    detail = ledger.measure_detail(ws.db, first, Q)
    assert detail.row.status is Status.DONE
    assert detail.progress["2023Q2"].progress_text == "已完成方案制定"
    assert detail.progress["2023Q2"].author == f"{unit}（填报）"
    # The conflict was not taken: the officer's text stays.
    assert ledger.measure_detail(ws.db, second, Q).progress["2023Q2"].progress_text == "县里已推进"
    with ws.db.session() as s:
        authors = {a.author for a in s.scalars(select(AuditLog).where(AuditLog.action == "fillin"))}
    assert authors == {f"{unit}（填报）"}


def test_conflict_taken_when_the_officer_chooses_it(ws: Workspace, tmp_path: Path) -> None:
    plan_id = import_document(ws, make_document(6))
    unit = "省人社厅"
    mine = [
        r
        for r in ledger.list_measures(ws.db, plan_id, Q)
        if unit in r.lead_units + r.responsible_units
    ]
    target = mine[0].id
    path = fillin.export_workbooks(ws, Q, tmp_path, units=[unit])[0][1]
    progress.save_progress(ws, target, Q, progress_text="原有", problems="", next_steps="")
    _fill(path, {target: {"进展情况": "部门新写"}})
    review = fillin.review(ws, path)
    assert fillin.apply(ws, review, {(target, "progress"): True}) == 1
    assert ledger.measure_detail(ws.db, target, Q).progress["2023Q2"].progress_text == "部门新写"


def test_a_closed_quarter_refuses_returned_texts_and_stores_nothing(
    ws: Workspace, tmp_path: Path
) -> None:
    import pytest

    from desktop.services import snapshots
    from desktop.services.errors import UserError

    plan_id = import_document(ws, make_document(6))
    unit = "省人社厅"
    mine = [
        r
        for r in ledger.list_measures(ws.db, plan_id, Q)
        if unit in r.lead_units + r.responsible_units
    ]
    path = fillin.export_workbooks(ws, Q, tmp_path, units=[unit])[0][1]
    _fill(path, {mine[0].id: {"进展情况": "定稿后才交回"}})
    snapshots.freeze_quarter(ws, Q)
    review = fillin.review(ws, path)
    with pytest.raises(UserError, match="已定稿"):
        fillin.apply(ws, review)
    assert "2023Q2" not in ledger.measure_detail(ws.db, mine[0].id, Q).progress


def _unit_rows(ws: Workspace, plan_id: int, unit: str) -> list[int]:
    return [
        r.id
        for r in ledger.list_measures(ws.db, plan_id, Q)
        if unit in r.lead_units + r.responsible_units
    ]


def test_title_names_only_the_units_plans(ws: Workspace, tmp_path: Path) -> None:
    import_document(ws, make_document(6, title="优化营商环境方案"), "a.txt")
    other = make_document(2, title="乡村振兴方案")
    for m in other.measures:
        m.lead_units, m.responsible_units = ["县农业农村局"], []
    import_document(ws, other, "b.txt")
    [(_, path, _)] = fillin.export_workbooks(ws, Q, tmp_path, units=["省人社厅"])
    title = load_workbook(path).worksheets[0]["A1"].value
    assert title == "《优化营商环境方案》落实情况填报表（省人社厅，2023年第二季度）"


def test_kept_conflict_keeps_the_officer_as_an_author(ws: Workspace, tmp_path: Path) -> None:
    plan_id = import_document(ws, make_document(6))
    unit = "省人社厅"
    target = _unit_rows(ws, plan_id, unit)[0]
    path = fillin.export_workbooks(ws, Q, tmp_path, units=[unit])[0][1]
    progress.save_progress(
        ws,
        target,
        Q,
        progress_text="县里核实的进展",
        problems="",
        next_steps="",
        author="办公室小王",
    )
    _fill(path, {target: {"进展情况": "部门的说法", "存在问题": "资金不足"}})
    review = fillin.review(ws, path)
    assert [c.field for c in review.diff.conflicts] == ["progress"]
    fillin.apply(ws, review)  # the conflict is not taken
    row = ledger.measure_detail(ws.db, target, Q).progress["2023Q2"]
    assert (row.progress_text, row.problems) == ("县里核实的进展", "资金不足")
    assert row.author == f"办公室小王、{unit}（填报）"


def test_formula_answer_is_reported_not_dropped_silently(ws: Workspace, tmp_path: Path) -> None:
    plan_id = import_document(ws, make_document(6))
    unit = "省人社厅"
    target = _unit_rows(ws, plan_id, unit)[0]
    path = fillin.export_workbooks(ws, Q, tmp_path, units=[unit])[0][1]
    _fill(path, {target: {"进展情况": "已推进", "下步打算": "=继续扩面"}})
    review = fillin.review(ws, path)
    assert any("公式" in w and "=继续扩面" in w for w in review.workbook.warnings)
    assert {c.field for c in review.diff.changes} == {"progress"}


def test_cli_shows_status_labels(
    ws: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from desktop import cli

    plan_id = import_document(ws, make_document(6))
    unit = "省人社厅"
    target = _unit_rows(ws, plan_id, unit)[0]
    path = fillin.export_workbooks(ws, Q, tmp_path, units=[unit])[0][1]
    _fill(path, {target: {"状态": "已完成"}})
    data_dir = str(ws.paths.root)
    ws.db.close()  # the command opens the data directory itself
    assert cli.main(["--data-dir", data_dir, "fillin-import", str(path)]) == 0
    out = capsys.readouterr().out
    assert "状态：已完成" in out and "done" not in out
