"""Start dates, schedules and 备注 in the detail panel and the table, as the plan states them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from desktop.domain import Quarter
from desktop.parsing import ParsedDocument, ParsedMeasure
from desktop.services.workspace import Workspace
from desktop.ui.main_window import MainWindow
from tests.factories import import_document

TODAY = date(2023, 6, 20)


def measure(number: str, **fields: object) -> ParsedMeasure:
    return ParsedMeasure(
        path=[number], number=number, title=f"任务{number}", text=f"任务{number}。", **fields
    )


@pytest.fixture
def window(qtbot: QtBot, ws: Workspace) -> Iterator[MainWindow]:
    doc = ParsedDocument(
        title="XX县2023年重点任务台账",
        measures=[
            measure("1", deadline_text="每季度", recurring="每季度"),
            measure(
                "2",
                deadline_text="2023年6月底前",
                deadline=date(2023, 6, 30),
                deadlines=[date(2023, 6, 30)],
                recurring="每月",
                start=date(2023, 1, 1),
                remarks="牵头领导：王副县长",
            ),
            measure("3", recurring="每月"),
            measure("4", deadline_text="长期坚持", long_term=True, start=date(2023, 3, 1)),
            measure("5"),
        ],
    )
    import_document(ws, doc)
    w = MainWindow(ws, today=TODAY)
    qtbot.addWidget(w)
    w.set_quarter(Quarter(2023, 2))
    yield w
    w.close()


def deadline_line(w: MainWindow, number: str) -> str:
    row = next(r for r in w.measure_model.rows() if r.number == number)
    assert w.select_measure(row.id)
    return w.detail.deadline_label.text()


def test_detail_names_the_schedule_and_the_start(window: MainWindow) -> None:
    assert deadline_line(window, "1") == "每季度"  # not '—（每季度）'
    assert deadline_line(window, "2") == "2023-06-30（2023年6月底前） · 自2023-01-01起 · 每月"
    assert deadline_line(window, "3") == "每月"
    assert deadline_line(window, "4") == "长期坚持 · 自2023-03-01起"
    assert deadline_line(window, "5") == "—"


def test_remarks_line_only_when_there_are_remarks(window: MainWindow) -> None:
    deadline_line(window, "2")
    assert window.detail.remarks_label.text() == "牵头领导：王副县长"
    assert window.detail.info.isRowVisible(window.detail.remarks_label)
    deadline_line(window, "1")
    assert not window.detail.info.isRowVisible(window.detail.remarks_label)


def test_table_shows_the_schedule_when_there_is_no_date(window: MainWindow) -> None:
    model = window.measure_model
    cells = {
        model.row_at(r).number: model.index(r, model.DEADLINE).data()
        for r in range(model.rowCount())
    }
    assert cells == {"1": "每季度", "2": "2023-06-30", "3": "每月", "4": "长期", "5": ""}
