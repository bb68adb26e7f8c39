"""Ledger queries: what a row and a measure's detail show, and the warning light they carry."""

from __future__ import annotations

from datetime import date

from desktop.domain import Light, Quarter
from desktop.parsing import ParsedDocument, ParsedMeasure
from desktop.services import ledger, progress
from desktop.services.workspace import Workspace
from tests.factories import import_document

Q2 = Quarter(2023, 2)
MID_QUARTER = date(2023, 5, 20)  # past the middle of Q2, far from the deadlines below


def _plan(ws: Workspace) -> dict[str, int]:
    doc = ParsedDocument(
        title="某县优化营商环境重点任务",
        date=date(2023, 1, 10),
        measures=[
            ParsedMeasure(
                path=["1"],
                number="1",
                title="调度重点项目审批进展",
                text="每季度调度重点项目审批进展，2024年底前全部办结。",
                lead_units=["县发改局"],
                deadline_text="2024年底前",
                deadline=date(2024, 12, 31),
                recurring="每季度",
                start=date(2023, 1, 1),
                remarks="省考事项",
            ),
            ParsedMeasure(
                path=["2"],
                number="2",
                title="建成政务服务大厅",
                text="建成县政务服务大厅，2024年底前投入使用。",
                lead_units=["县政务服务中心"],
                deadline_text="2024年底前",
                deadline=date(2024, 12, 31),
            ),
        ],
    )
    import_document(ws, doc)
    return {r.title: r.id for r in ledger.list_measures(ws.db, None, Q2, MID_QUARTER)}


def test_a_recurring_task_without_progress_this_quarter_is_yellow(ws: Workspace) -> None:
    ids = _plan(ws)
    lights = {r.title: r.light for r in ledger.list_measures(ws.db, None, Q2, MID_QUARTER)}
    # Both are far from their deadline; only the quarterly task owes a report this quarter.
    assert lights == {"调度重点项目审批进展": Light.YELLOW, "建成政务服务大厅": Light.GREEN}
    detail = ledger.measure_detail(ws.db, ids["调度重点项目审批进展"], Q2, MID_QUARTER)
    assert detail.row.light is Light.YELLOW

    progress.save_progress(
        ws, ids["调度重点项目审批进展"], Q2, progress_text="已调度。", problems="", next_steps=""
    )
    rows = ledger.list_measures(ws.db, None, Q2, MID_QUARTER)
    assert {r.light for r in rows} == {Light.GREEN}
    # Seen from the next quarter, where nothing is reported yet, it is due again.
    q3 = ledger.rows_for_quarter(ws.db, rows, None, Quarter(2023, 3), date(2023, 8, 20))
    assert {r.title: r.light for r in q3}["调度重点项目审批进展"] is Light.YELLOW


def test_rows_and_detail_carry_start_date_schedule_and_remarks(ws: Workspace) -> None:
    ids = _plan(ws)
    rows = {r.title: r for r in ledger.list_measures(ws.db, None, Q2, MID_QUARTER)}
    assert (rows["调度重点项目审批进展"].start_date, rows["调度重点项目审批进展"].recurring) == (
        date(2023, 1, 1),
        "每季度",
    )
    assert (rows["建成政务服务大厅"].start_date, rows["建成政务服务大厅"].recurring) == (None, None)
    detail = ledger.measure_detail(ws.db, ids["调度重点项目审批进展"], Q2, MID_QUARTER)
    assert (detail.row.start_date, detail.row.recurring) == (date(2023, 1, 1), "每季度")
    assert detail.remarks == "省考事项"
