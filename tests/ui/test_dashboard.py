"""The overview: cards that add up, readable axes, catch-all units kept out of the unit chart."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCharts import QBarCategoryAxis, QPieSeries, QValueAxis
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.domain import Light, Quarter, Status
from desktop.services import dashboard, progress
from desktop.services.workspace import Workspace
from desktop.ui.dashboard import nice_axis
from desktop.ui.main_window import MainWindow
from tests.factories import import_document, make_document
from tests.ui.test_ledger_work import TODAY


@pytest.fixture
def window(qtbot: QtBot, ws: Workspace) -> Iterator[MainWindow]:
    import_document(ws, make_document(12))
    w = MainWindow(ws, today=TODAY)
    qtbot.addWidget(w)
    w.set_quarter(Quarter(2023, 2))
    w.show()
    yield w
    w.close()


def card(w: MainWindow, key: object) -> int:
    return int(w.dashboard.cards[key].value.text())


def test_cards_by_status_and_by_light_each_add_up_to_the_total(
    window: MainWindow, ws: Workspace
) -> None:
    rows = window.measure_model.rows()
    progress.set_status(ws, rows[0].id, Status.DONE)
    progress.set_status(ws, rows[1].id, Status.SUSPENDED)
    window.refresh_measures()
    window.tabs.setCurrentWidget(window.dashboard)
    total = card(window, "total")
    assert total == 12
    assert sum(card(window, s) for s in Status) == total
    assert card(window, Status.SUSPENDED) == 1
    assert sum(card(window, light) for light in Light) == total
    assert card(window, Light.YELLOW) > 0 and card(window, Light.RED) > 0


def test_unit_chart_has_whole_ticks_and_leaves_out_catch_all_units(window: MainWindow) -> None:
    window.tabs.setCurrentWidget(window.dashboard)
    chart = window.dashboard.unit_chart.chart()
    [categories] = [a for a in chart.axes() if isinstance(a, QBarCategoryAxis)]
    assert "各县区政府" not in categories.categories()  # every measure names it: says nothing
    assert "各县区政府" in window.dashboard.group_note.text()
    [values] = [a for a in chart.axes() if isinstance(a, QValueAxis)]
    step = (values.max() - values.min()) / (values.tickCount() - 1)
    assert values.min() == 0 and step == int(step) and int(step) in (1, 2, 5, 10, 20, 50)


def test_a_single_status_pie_has_no_seam(window: MainWindow) -> None:
    window.tabs.setCurrentWidget(window.dashboard)
    [series] = [s for s in window.dashboard.status_chart.chart().series()]
    assert isinstance(series, QPieSeries)
    [only] = series.slices()  # every measure is still 未启动
    assert only.borderColor() == only.color()


def test_nice_axis() -> None:
    assert nice_axis(59) == (60, 4)  # 0 20 40 60, not 0/14/29/44/59
    assert nice_axis(21) == (25, 6)
    assert nice_axis(3) == (3, 4)
    assert nice_axis(0) == (1, 2)
    top, ticks = nice_axis(137)
    assert top >= 137 and (top / (ticks - 1)) in (20, 25, 50)


def test_group_unit_words() -> None:
    for unit in ("各地各有关部门", "各有关部门", "各县区", "省直有关部门", "相关单位"):
        assert dashboard.is_group_unit(unit), unit
    for unit in ("省财政厅", "兰州海关", "省政府办公厅", "中国人民银行兰州中心支行"):
        assert not dashboard.is_group_unit(unit), unit


def test_past_quarter_dashboard_shows_the_statuses_of_its_last_day(
    qtbot: QtBot, ws: Workspace
) -> None:
    from datetime import UTC, date, datetime

    from tests.services.test_dashboard import set_status_on

    import_document(ws, make_document(12))
    w = MainWindow(ws, today=date(2023, 11, 15))
    qtbot.addWidget(w)
    w.show()
    done_in_q3 = next(r for r in w.measure_model.rows() if r.number == "4")  # due 28 March
    # Done in October: after the second quarter's statuses were recorded (until 30 September).
    set_status_on(ws, done_in_q3.id, Status.DONE, datetime(2023, 10, 10, 3, tzinfo=UTC))
    w.refresh_measures()
    w.tabs.setCurrentWidget(w.dashboard)
    assert w.quarter == Quarter(2023, 4)
    assert card(w, Status.DONE) == 1 and w.dashboard.as_of_note.isHidden()
    w.set_quarter(Quarter(2023, 2))
    assert card(w, Status.DONE) == 0  # not done for the second quarter
    assert card(w, Status.NOT_STARTED) == 12
    overdue = [
        w.dashboard.overdue_list.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(w.dashboard.overdue_list.count())
    ]
    assert done_in_q3.id in overdue
    assert "2023-06-30" in w.dashboard.as_of_note.text()
    assert not w.dashboard.as_of_note.isHidden()
    # The ledger tab keeps today's status: that is what the officer edits.
    assert w.measure_model.row_at(w.measure_model.row_of(done_in_q3.id)).status is Status.DONE
    w.close()
