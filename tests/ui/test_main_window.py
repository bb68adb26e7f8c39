"""Daily work in the main window: filters, warning lights, dashboard, settings, undo, autosave."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.domain import Light, Quarter, Status
from desktop.services import ledger, progress
from desktop.services.workspace import Workspace
from desktop.ui.main_window import MainWindow
from tests.factories import import_document, make_document

TODAY = date(2023, 6, 20)


@pytest.fixture
def window(qtbot: QtBot, ws: Workspace) -> Iterator[MainWindow]:
    import_document(ws, make_document(12))
    w = MainWindow(ws, today=TODAY)
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close()


def visible_titles(w: MainWindow) -> list[str]:
    model = w.table.model()
    return [model.index(r, w.measure_model.TITLE).data() for r in range(model.rowCount())]


def test_search_filters_as_you_type_and_counts_update(window: MainWindow, qtbot: QtBot) -> None:
    assert len(visible_titles(window)) == 12
    window.filter_bar.search.setText("第1")
    assert visible_titles(window) == [
        "第1项重点任务",
        "第10项重点任务",
        "第11项重点任务",
        "第12项重点任务",
    ]
    assert window.filter_bar.count.text() == "显示 4 / 12 项"
    window.filter_bar.search.clear()
    assert len(visible_titles(window)) == 12


def test_status_unit_light_and_no_progress_filters(window: MainWindow, ws: Workspace) -> None:
    rows = window.measure_model.rows()
    progress.set_status(ws, rows[0].id, Status.DONE)
    window.refresh_measures()
    bar = window.filter_bar
    bar.status.setCurrentIndex(bar.status.findData(Status.DONE.value))
    assert visible_titles(window) == [rows[0].title]
    bar.reset()
    bar.unit.setCurrentIndex(bar.unit.findData("省人社厅"))
    shown = visible_titles(window)
    expected = [r.title for r in rows if "省人社厅" in r.lead_units + r.responsible_units]
    assert shown == expected and 0 < len(shown) < 12
    bar.reset()
    bar.light.setCurrentIndex(bar.light.findData(Light.RED.value))
    overdue = [r.title for r in window.measure_model.rows() if r.overdue]
    assert visible_titles(window) == overdue and overdue
    bar.reset()
    progress.save_progress(
        ws, rows[1].id, Quarter(2023, 2), progress_text="已推进", problems="", next_steps=""
    )
    window.refresh_measures()
    bar.no_progress.setChecked(True)
    assert rows[1].title not in visible_titles(window)
    assert len(visible_titles(window)) == 11


def test_light_column_is_red_for_overdue_measures(window: MainWindow) -> None:
    model = window.measure_model
    for r in range(model.rowCount()):
        row = model.row_at(r)
        tooltip = model.index(r, model.LIGHT).data(Qt.ItemDataRole.ToolTipRole)
        assert (tooltip == "红灯") == row.overdue


def test_status_change_with_one_click_and_undo(
    window: MainWindow, ws: Workspace, qtbot: QtBot
) -> None:
    window.table.selectRow(0)
    measure_id = window.detail.measure_id
    assert measure_id is not None
    qtbot.mouseClick(window.detail.status_buttons[Status.DONE], Qt.MouseButton.LeftButton)
    detail = ledger.measure_detail(ws.db, measure_id, Quarter(2023, 2), TODAY)
    assert detail.row.status is Status.DONE
    assert [c.new for c in detail.status_history] == [Status.DONE]
    window.undo_action.trigger()
    detail = ledger.measure_detail(ws.db, measure_id, Quarter(2023, 2), TODAY)
    assert detail.row.status is Status.NOT_STARTED
    assert window.detail.status_buttons[Status.NOT_STARTED].isChecked()
    window.redo_action.trigger()
    assert (
        ledger.measure_detail(ws.db, measure_id, Quarter(2023, 2), TODAY).row.status is Status.DONE
    )


def test_progress_autosaves_when_switching_measure_and_can_be_undone(
    window: MainWindow, ws: Workspace, qtbot: QtBot
) -> None:
    window.table.selectRow(0)
    first = window.detail.measure_id
    assert first is not None
    window.detail.progress_edit.insertPlainText("完成调研")
    window.table.selectRow(1)
    stored = ledger.measure_detail(ws.db, first, Quarter(2023, 2), TODAY).progress["2023Q2"]
    assert stored.progress_text == "完成调研"
    window.undo_action.trigger()
    after = ledger.measure_detail(ws.db, first, Quarter(2023, 2), TODAY).progress["2023Q2"]
    assert after.progress_text == ""


def test_progress_typed_for_one_quarter_is_not_saved_into_the_next(
    window: MainWindow, ws: Workspace, qtbot: QtBot
) -> None:
    window.table.selectRow(0)
    measure_id = window.detail.measure_id
    assert measure_id is not None
    window.detail.progress_edit.insertPlainText("二季度进展")
    window.set_quarter(Quarter(2023, 3))
    detail = ledger.measure_detail(ws.db, measure_id, Quarter(2023, 3), TODAY)
    assert detail.progress["2023Q2"].progress_text == "二季度进展"
    assert "2023Q3" not in detail.progress
    assert window.detail.progress_edit.toPlainText() == ""
    assert "二季度进展" in window.detail.history.toPlainText()


def test_dashboard_shows_quarter_figures_and_jumps_to_a_measure(window: MainWindow) -> None:
    window.tabs.setCurrentWidget(window.dashboard)
    rows = window.measure_model.rows()
    assert window.dashboard.cards["total"].value.text() == "12"
    red = sum(r.light is Light.RED for r in rows)
    assert window.dashboard.cards[Light.RED].value.text() == str(red)
    assert window.dashboard.overdue_list.count() == red
    item = window.dashboard.overdue_list.item(0)
    window.dashboard.overdue_list.itemActivated.emit(item)
    assert window.tabs.currentIndex() == 0
    assert window.detail.measure_id == item.data(Qt.ItemDataRole.UserRole)


def test_settings_are_stored_in_the_database(
    window: MainWindow, ws: Workspace, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.services import settings
    from desktop.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(ws, ["2023Q2"], window)
    qtbot.addWidget(dialog)
    dialog.edits["unit_name"].setText("平凉市崆峒区人民政府办公室")
    dialog.edits["officer"].setText("张三")
    dialog.due_days.setValue(30)
    dialog.save()
    values = settings.get_all(ws.db)
    assert values["unit_name"] == "平凉市崆峒区人民政府办公室"
    assert values["due_soon_days"] == "30"
    dialog = SettingsDialog(ws, ["2023Q2"], window)
    qtbot.addWidget(dialog)
    shown: list[str] = []
    monkeypatch.setattr(
        "desktop.ui.settings_dialog.show_error", lambda _p, exc: shown.append(exc.message)
    )
    dialog.edits["report_title_template"].setText("{unknown}报告")
    dialog.save()
    assert "占位符" in shown[0]
    assert settings.get(ws.db, "report_title_template") != "{unknown}报告"


def test_layout_is_remembered(qtbot: QtBot, ws: Workspace, tmp_path: Path) -> None:
    w = MainWindow(ws, today=TODAY)
    qtbot.addWidget(w)
    w.table.setColumnHidden(w.measure_model.LEAD, True)
    w.close()
    w2 = MainWindow(ws, today=TODAY)
    qtbot.addWidget(w2)
    assert w2.table.isColumnHidden(w2.measure_model.LEAD)
    w2.close()


def test_measure_models_pass_qt_model_tester(window: MainWindow, qtmodeltester: object) -> None:
    qtmodeltester.check(window.measure_model)  # type: ignore[attr-defined]
    qtmodeltester.check(window.proxy)  # type: ignore[attr-defined]
    qtmodeltester.check(window.plan_model)  # type: ignore[attr-defined]


def test_tree_by_section_follows_filters_and_selects_measures(
    window: MainWindow, qtmodeltester: object
) -> None:
    window.group_toggle.setChecked(True)
    proxy = window.tree_model
    title = window.measure_model.TITLE
    headings = [proxy.index(r, title).data() for r in range(proxy.rowCount())]
    assert headings == ["一、深化改革开放", "二、优化政务服务"]
    first_group = proxy.index(0, 0)
    assert proxy.rowCount(first_group) == 6
    window.filter_bar.search.setText("第12项")
    assert proxy.rowCount() == 1
    leaf = proxy.index(0, 0, proxy.index(0, 0))
    window.tree.setCurrentIndex(leaf)
    assert window.detail.heading.text().endswith("第12项重点任务")
    window.filter_bar.search.clear()
    qtmodeltester.check(window.tree_model)  # type: ignore[attr-defined]


def test_keyboard_shortcut_sets_status(window: MainWindow, ws: Workspace, qtbot: QtBot) -> None:
    from PySide6.QtGui import QKeySequence

    window.table.selectRow(2)
    measure_id = window.detail.measure_id
    assert measure_id is not None
    action = window.status_actions[Status.IN_PROGRESS]
    assert action.shortcut() == QKeySequence("Ctrl+2")
    action.trigger()
    assert (
        ledger.measure_detail(ws.db, measure_id, Quarter(2023, 2), TODAY).row.status
        is Status.IN_PROGRESS
    )
