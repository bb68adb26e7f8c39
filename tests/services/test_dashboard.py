"""The overview of a past quarter describes its last day, as its report does; the current
quarter's overview is today's."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import select

from desktop.domain import Light, Quarter, Status
from desktop.models import StatusChange
from desktop.services import dashboard, ledger, progress
from desktop.services.workspace import Workspace
from tests.factories import import_document, make_document

TODAY = date(2023, 8, 15)  # in Q3
Q1, Q2, Q3 = Quarter(2023, 1), Quarter(2023, 2), Quarter(2023, 3)


def set_status_on(ws: Workspace, measure_id: int, status: Status, at: datetime) -> None:
    """A status change dated as the officer made it (the clock would stamp the real today)."""
    progress.set_status(ws, measure_id, status)
    with ws.db.transaction() as s:
        change = s.scalars(
            select(StatusChange)
            .where(StatusChange.measure_id == measure_id)
            .order_by(StatusChange.id.desc())
        ).first()
        assert change is not None
        change.at = at


def test_a_past_quarter_counts_the_statuses_of_its_last_day(ws: Workspace) -> None:
    plan_id = import_document(ws, make_document(12))
    rows = {r.number: r for r in ledger.list_measures(ws.db, plan_id, Q2, TODAY)}
    late, early = rows["4"], rows["1"]  # due 2023-03-28 and 2023-06-28
    set_status_on(ws, early.id, Status.DONE, datetime(2023, 5, 10, 3, tzinfo=UTC))
    set_status_on(ws, late.id, Status.IN_PROGRESS, datetime(2023, 2, 1, 3, tzinfo=UTC))
    set_status_on(ws, late.id, Status.DONE, datetime(2023, 7, 10, 3, tzinfo=UTC))

    def overview(quarter: Quarter) -> dashboard.Dashboard:
        current = ledger.list_measures(ws.db, plan_id, quarter, TODAY)
        return dashboard.for_quarter(ws.db, current, plan_id, quarter, TODAY, 15)

    q1, q2, q3 = overview(Q1), overview(Q2), overview(Q3)
    assert q1.as_of == date(2023, 3, 31) and q2.as_of == date(2023, 6, 30) and q3.as_of == TODAY
    # Done on 10 July, while the second quarter was being reported: it counts for the second
    # quarter (statuses recorded until the end of the next quarter). The first quarter's
    # statuses were those recorded by 30 June: still in progress then, and overdue.
    assert q1.by_status[Status.DONE] == 1 and q2.by_status[Status.DONE] == 2
    assert q1.by_status[Status.IN_PROGRESS] == 1 and q2.by_status[Status.IN_PROGRESS] == 0
    assert q3.by_status == q2.by_status
    assert late.id in [r.id for r in q1.overdue]
    assert late.id not in [r.id for r in q2.overdue]
    [late_q1] = [r for r in q1.overdue if r.id == late.id]
    assert late_q1.light is Light.RED and late_q1.status is Status.IN_PROGRESS
    # Overdue as of 30 June: the measures due in March and June that were not done.
    assert {r.number for r in q2.overdue} == {"5", "8"}
    assert sum(q2.by_light.values()) == q2.total == 12


def test_the_current_quarter_is_as_of_today(ws: Workspace) -> None:
    plan_id = import_document(ws, make_document(12))
    rows = ledger.list_measures(ws.db, plan_id, Q3, TODAY)
    progress.set_status(ws, rows[0].id, Status.DONE)  # stamped with the real clock
    current = ledger.list_measures(ws.db, plan_id, Q3, TODAY)
    data = dashboard.for_quarter(ws.db, current, plan_id, Q3, TODAY, 15)
    assert data.as_of == TODAY and data.by_status[Status.DONE] == 1
