"""Reports of a past quarter: statuses and overdue as of the quarter's last day, from the history."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from desktop.cli import main
from desktop.domain import Quarter, Status
from desktop.models import StatusChange
from desktop.services import history, ledger, progress, reporting, snapshots
from desktop.services.workspace import Workspace
from tests.factories import import_document, make_document

Q = Quarter(2023, 2)
LATER = date(2026, 12, 1)  # the day somebody reprints the 2023Q2 report


@dataclass
class Change:
    old_status: str | None
    new_status: str
    at: datetime


@pytest.fixture
def beijing_time() -> Iterator[None]:
    """The officer's clock: China Standard Time, eight hours ahead of UTC."""
    mp = pytest.MonkeyPatch()
    mp.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    mp.undo()
    time.tzset()


def test_as_of_is_the_quarter_end_once_it_is_over() -> None:
    assert history.as_of(Q, LATER) == date(2023, 6, 30)
    assert history.as_of(Q, date(2023, 5, 10)) == date(2023, 5, 10)
    assert history.as_of(Q, date(2023, 6, 30)) == date(2023, 6, 30)


def test_a_past_quarter_takes_the_statuses_recorded_until_the_next_quarter_ends() -> None:
    # Statuses are brought up to date while the report is written, after the quarter ends.
    assert history.status_day(Q, date(2023, 7, 5)) == date(2023, 7, 5)
    assert history.status_day(Q, LATER) == date(2023, 9, 30)
    assert history.status_day(Q, date(2023, 5, 10)) == date(2023, 5, 10)
    assert history.status_day(Quarter(2023, 4), LATER) == date(2024, 3, 31)


def test_a_status_set_while_writing_the_report_is_in_it(ws: Workspace, beijing_time: None) -> None:
    """The officer marks measures done on 3 July and prints the second quarter's report on
    5 July: the report shows them done, figures 截至 30 June; the first quarter's does not."""
    plan_id = import_document(ws, make_document(4))
    first = ledger.list_measures(ws.db, plan_id, Q)[0]
    progress.set_status(ws, first.id, Status.DONE)
    _backdate(ws, first.id, datetime(2023, 7, 3, 2, tzinfo=UTC))
    q2 = reporting.build_report_data(ws, Q, [plan_id], today=date(2023, 7, 5))
    assert q2.figures_as_of == date(2023, 6, 30)
    assert q2.plans[0].measures[0].status == "done"
    q1 = reporting.build_report_data(ws, Quarter(2023, 1), [plan_id], today=date(2023, 7, 5))
    assert q1.plans[0].measures[0].status == "not_started"


def test_status_on_a_day(beijing_time: None) -> None:
    changes = [
        Change("not_started", "in_progress", datetime(2023, 4, 3, 2, 0, tzinfo=UTC)),
        # 2023-06-30 20:00 UTC is already 1 July in Beijing: not part of the second quarter
        Change("in_progress", "done", datetime(2023, 6, 30, 20, 0, tzinfo=UTC)),
    ]
    assert history.status_on("done", changes, date(2023, 6, 30)) is Status.IN_PROGRESS
    assert history.status_on("done", changes, date(2023, 7, 1)) is Status.DONE
    # before any change: where the first change started from
    assert history.status_on("done", changes, date(2023, 3, 31)) is Status.NOT_STARTED
    # order of the records does not matter
    assert history.status_on("done", changes[::-1], date(2023, 6, 30)) is Status.IN_PROGRESS
    # no history: the current status
    assert history.status_on("suspended", [], date(2023, 6, 30)) is Status.SUSPENDED
    # 16:30 UTC on 30 June is 00:30 on 1 July in Beijing, 15:59 UTC is still 30 June
    late = [Change("in_progress", "done", datetime(2023, 6, 30, 16, 30, tzinfo=UTC))]
    assert history.status_on("done", late, date(2023, 6, 30)) is Status.IN_PROGRESS
    early = [Change("in_progress", "done", datetime(2023, 6, 30, 15, 59, tzinfo=UTC))]
    assert history.status_on("done", early, date(2023, 6, 30)) is Status.DONE


def _backdate(ws: Workspace, measure_id: int, *when: datetime) -> None:
    """Give a measure's status changes (oldest first) the times they would have had."""
    with ws.db.transaction() as s:
        rows = s.scalars(
            select(StatusChange)
            .where(StatusChange.measure_id == measure_id)
            .order_by(StatusChange.id)
        ).all()
        assert len(rows) == len(when)
        for row, at in zip(rows, when, strict=True):
            row.at = at


@pytest.fixture
def plan(ws: Workspace, beijing_time: None) -> int:
    """Eight measures; deadlines 6/28, 9/28, none, 3/28, 6/28, none, 12/28, 3/28 of 2023."""
    plan_id = import_document(ws, make_document(8))
    ids = [r.id for r in ledger.list_measures(ws.db, plan_id, Q)]
    # 1 (due 6/28): started in April, done only in October, after the second quarter's report
    # was due -> in progress and overdue in that report
    progress.set_status(ws, ids[0], Status.IN_PROGRESS)
    progress.set_status(ws, ids[0], Status.DONE)
    _backdate(ws, ids[0], datetime(2023, 4, 3, tzinfo=UTC), datetime(2023, 10, 9, tzinfo=UTC))
    # 4 (due 3/28): done in May -> not overdue
    progress.set_status(ws, ids[3], Status.DONE)
    _backdate(ws, ids[3], datetime(2023, 5, 20, tzinfo=UTC))
    # 5 (due 6/28): suspended in 2024 -> still overdue at the end of June 2023
    progress.set_status(ws, ids[4], Status.SUSPENDED)
    _backdate(ws, ids[4], datetime(2024, 2, 1, tzinfo=UTC))
    # 7 (due 12/28): never touched; not overdue in June whatever today is
    return plan_id


def test_past_quarter_report_data(ws: Workspace, plan: int) -> None:
    data = reporting.build_report_data(ws, Q, [plan], today=LATER)
    # figures as of the quarter's last day, the report dated the day it is made
    assert data.figures_as_of == date(2023, 6, 30) and data.report_date == LATER
    by_number = {m.number: m for m in data.plans[0].measures}
    assert by_number["1"].status == "in_progress" and by_number["1"].overdue
    assert by_number["4"].status == "done" and not by_number["4"].overdue
    assert by_number["5"].status == "not_started" and by_number["5"].overdue
    assert by_number["7"].deadline == date(2023, 12, 28) and not by_number["7"].overdue
    assert not by_number["2"].overdue  # due 9/28
    assert {m.number for m in data.plans[0].measures if m.overdue} == {"1", "5", "8"}
    # the status filter works on the reported status, not today's
    only = reporting.ReportFilter(statuses=frozenset({Status.DONE}))
    done = reporting.build_report_data(ws, Q, [plan], today=LATER, only=only)
    assert [m.number for m in done.plans[0].measures] == ["4"]
    # the running quarter is reported with today's statuses
    now = reporting.build_report_data(ws, Quarter(2026, 4), [plan], today=LATER)
    assert {m.number: m.status for m in now.plans[0].measures}["1"] == "done"


def test_snapshot_of_a_past_quarter_uses_the_history(ws: Workspace, plan: int) -> None:
    live = reporting.build_report_data(ws, Q, [plan], today=LATER)
    snapshots.freeze_quarter(ws, Q, [plan], today=LATER)
    frozen = snapshots.snapshot_report_data(ws, Q, [plan])
    assert tuple(replace(p, frozen_id=0) for p in frozen.plans) == live.plans
    assert frozen.figures_as_of == date(2023, 6, 30) and frozen.report_date == LATER


def test_ledger_notice_and_report_from_the_command_line(
    ws: Workspace, plan: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from desktop.reports import fonts
    from tests.reports.conftest import pdf_text, squeeze, stream_text

    data_dir = str(ws.paths.root)
    ws.close()
    mp = pytest.MonkeyPatch()
    empty = tmp_path / "no-fonts"
    empty.mkdir()
    mp.setenv(fonts.FONT_DIRS_ENV, str(empty))
    try:
        xlsx = tmp_path / "台账.xlsx"
        assert main(["--data-dir", data_dir, "export", "--quarter", "2023Q2",
                     "--out", str(xlsx), "--today", "2026-12-01"]) == 0  # fmt: skip
        sheet = load_workbook(xlsx).active
        assert sheet is not None
        values = [[c.value for c in row] for row in sheet.iter_rows()]
        flat = [str(v) for row in values for v in row if v is not None]
        assert "已完成" in flat and flat.count("是") == 3  # overdue rows: 1, 5 and 8

        pdf = tmp_path / "r.pdf"
        assert main(["--data-dir", data_dir, "report", "--quarter", "2023Q2",
                     "--out", str(pdf), "--today", "2026-12-01"]) == 0  # fmt: skip
        text = squeeze(pdf_text(pdf))
        assert "截至2023年6月30日" in text
        assert "逾期未完成3项" in text
        assert "日期：2026年12月1日" in text

        notice = tmp_path / "n.pdf"
        assert main(["--data-dir", data_dir, "notice", "--quarter", "2023Q2",
                     "--out", str(notice), "--today", "2026-12-01"]) == 0  # fmt: skip
        text = squeeze(pdf_text(notice))
        for number in ("1", "5", "8"):
            assert f"第{number}项：" in text
        cells = squeeze(stream_text(notice))
        assert "红灯逾期2天" in cells and "红灯逾期94天" in cells  # counted on 30 June
        assert "第7项" not in text and "第2项" not in text  # due in September and December
        assert "2023年12月底前" not in text and "2023年9月底前" not in text

        capsys.readouterr()
        with pytest.raises(SystemExit):
            main(["--data-dir", data_dir, "report", "--quarter", "2023Q2",
                  "--out", str(pdf), "--today", "2026-13-01"])  # fmt: skip
        assert "日期格式不正确" in capsys.readouterr().err
    finally:
        mp.undo()
