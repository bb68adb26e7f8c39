"""A day's work in the ledger: keyboard, filters, counts after edits, columns, quarters, workers."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from desktop.domain import Cancelled, Light, ProgressCallback, Quarter, Status
from desktop.parsing import ParsedDocument, ParsedMeasure, ParsedSection
from desktop.services import dashboard, evidence, ledger, progress
from desktop.services.workspace import Workspace
from desktop.ui.main_window import MainWindow
from tests.conftest import SAMPLE_43
from tests.factories import import_document, make_document

TODAY = date(2023, 6, 20)  # Q2 2023 is past its middle (16 May)
Q = Quarter(2023, 2)


def open_window(qtbot: QtBot, ws: Workspace) -> MainWindow:
    w = MainWindow(ws, today=TODAY)
    qtbot.addWidget(w)
    w.set_quarter(Q)
    w.show()
    return w


@pytest.fixture
def window(qtbot: QtBot, ws: Workspace) -> Iterator[MainWindow]:
    import_document(ws, make_document(12))
    w = open_window(qtbot, ws)
    yield w
    w.close()


def shown_ids(w: MainWindow) -> list[int]:
    model = w.proxy
    return [model.index(r, 0).data(Qt.ItemDataRole.UserRole + 1) for r in range(model.rowCount())]


def deadlines_document() -> ParsedDocument:
    """Measures due at known distances from TODAY."""
    offsets = {"late": -10, "in 5 days": 5, "in 20 days": 20, "done in 5": 5, "today": 0}
    measures = [
        ParsedMeasure(
            path=["一", str(i)],
            number=str(i),
            title=title,
            text=title,
            lead_units=["省财政厅"],
            responsible_units=[],
            deadline_text=None,
            deadline=TODAY + timedelta(days=days),
            long_term=False,
            deadlines=[TODAY + timedelta(days=days)],
        )
        for i, (title, days) in enumerate(offsets.items(), start=1)
    ]
    measures.append(
        ParsedMeasure(
            ["一", "9"], "9", "undated", "undated", ["省财政厅"], [], None, None, False, []
        )
    )
    return ParsedDocument(
        title="时限测试",
        doc_number=None,
        issuer=None,
        date=None,
        measures=measures,
        sections=[ParsedSection(["一"], "一", "重点任务")],
    )


def test_tab_leaves_the_table_for_the_detail_panel(window: MainWindow, qtbot: QtBot) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.table.selectRow(0)
    window.table.setFocus()
    chain = []
    for _ in range(12):
        focus = QApplication.focusWidget()
        chain.append(focus.objectName())
        QTest.keyClick(focus, Qt.Key.Key_Tab)
    assert chain[1:9] == [
        "status_not_started",
        "status_in_progress",
        "status_done",
        "status_suspended",
        "progressEdit",
        "problemsEdit",
        "nextStepsEdit",
        "saveProgress",
    ], chain
    # Shift+Tab from the search box does not land in a hidden view; Tab from it reaches the table
    window.filter_bar.search.setFocus()
    names = []
    for _ in range(8):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        names.append(QApplication.focusWidget().objectName())
    assert names.index("measureTable") == 6 and "measureTree" not in names, names


def test_view_shortcuts_move_between_plans_ledger_dashboard_and_progress(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.table.selectRow(0)
    keys = {a: a.shortcut().toString() for a in window.view_actions.values()}
    assert sorted(keys.values()) == ["Ctrl+D", "Ctrl+E", "Ctrl+F", "Ctrl+G", "Ctrl+L", "Ctrl+T"]
    window.view_actions["dashboard"].trigger()
    assert window.tabs.currentWidget() is window.dashboard
    window.view_actions["plans"].trigger()
    assert QApplication.focusWidget() is window.plan_view
    window.view_actions["progress"].trigger()
    assert window.tabs.currentIndex() == 0
    assert QApplication.focusWidget() is window.detail.progress_edit
    window.view_actions["ledger"].trigger()
    assert QApplication.focusWidget() is window.table


def test_due_within_lists_what_the_dashboard_calls_due_soon(qtbot: QtBot, ws: Workspace) -> None:
    plan_id = import_document(ws, deadlines_document())
    rows = {r.title: r for r in ledger.list_measures(ws.db, plan_id, Q, TODAY)}
    progress.set_status(ws, rows["done in 5"].id, Status.DONE)
    w = open_window(qtbot, ws)
    w.filter_bar.due.setValue(15)
    shown = {
        w.measure_model.row_at(w.proxy.mapToSource(w.proxy.index(r, 0)).row()).title
        for r in range(w.proxy.rowCount())
    }
    assert shown == {"in 5 days", "today"}  # not the overdue one, not the done one
    data = dashboard.summarize(w.measure_model.rows(), Q, TODAY, 15)
    assert {r.title for r in data.due_soon} == shown
    w.filter_bar.due.setValue(30)
    assert w.proxy.rowCount() == 3
    w.close()


def test_section_filter_shows_one_part_of_the_document(window: MainWindow) -> None:
    bar = window.filter_bar
    items = [bar.section.itemText(i) for i in range(bar.section.count())]
    assert items == ["全部部分", "一、深化改革开放", "二、优化政务服务"]
    bar.section.setCurrentIndex(2)
    titles = [
        window.measure_model.row_at(
            window.proxy.mapToSource(window.proxy.index(r, 0)).row()
        ).sections[0]
        for r in range(window.proxy.rowCount())
    ]
    assert titles == ["二、优化政务服务"] * 6
    assert bar.count.text() == "显示 6 / 12 项"
    window.group_toggle.setChecked(True)  # the tree follows the same filter
    tree = window.tree_model
    title = window.measure_model.TITLE
    assert [tree.index(r, title).data() for r in range(tree.rowCount())] == ["二、优化政务服务"]


def test_counts_follow_an_edit_and_the_panel_stays_on_the_edited_measure(
    window: MainWindow,
) -> None:
    bar = window.filter_bar
    bar.status.setCurrentIndex(bar.status.findData(Status.NOT_STARTED.value))
    assert bar.count.text() == "显示 12 / 12 项"
    window.table.selectRow(0)
    edited = window.detail.measure_id
    assert edited is not None
    window.status_actions[Status.DONE].trigger()  # Ctrl+3
    assert bar.count.text() == "显示 11 / 12 项"
    assert "已完成 1 项" in window.status_label.text()
    assert window.plan_model.plan_at(0).done_count == 1
    # the panel still shows the measure just edited, and says it left the filter
    assert window.detail.measure_id == edited
    assert window.detail.status_buttons[Status.DONE].isChecked()
    assert window.detail.note.isVisibleTo(window) and "筛选" in window.detail.note.text()
    assert edited not in shown_ids(window)
    window.undo_action.trigger()
    assert bar.count.text() == "显示 12 / 12 项"
    assert "已完成 0 项" in window.status_label.text()
    assert window.detail.measure_id == edited and not window.detail.note.isVisibleTo(window)


def test_columns_order_visibility_and_grouping_are_remembered(qtbot: QtBot, ws: Workspace) -> None:
    import_document(ws, make_document(6))
    w = open_window(qtbot, ws)
    m = w.measure_model
    header = w.table.horizontalHeader()
    header.moveSection(header.visualIndex(m.DEADLINE), 1)  # deadline right after the light
    menu = w.views.column_menu(w.table)
    lead = next(a for a in menu.actions() if a.text() == "牵头单位")
    lead.trigger()  # unticked: hidden
    assert w.table.isColumnHidden(m.LEAD)
    w.group_toggle.setChecked(True)
    w.tree.setColumnHidden(m.EVIDENCE, True)
    w.close()
    w2 = open_window(qtbot, ws)
    assert w2.group_toggle.isChecked() and w2.views.grouped
    h2 = w2.table.horizontalHeader()
    assert h2.visualIndex(m.DEADLINE) == 1
    assert w2.table.isColumnHidden(m.LEAD) and not w2.table.isColumnHidden(m.EVIDENCE)
    assert w2.tree.isColumnHidden(m.EVIDENCE)
    w2.close()


def test_title_column_keeps_its_room_when_every_column_is_shown(window: MainWindow) -> None:
    window.resize(1366, 768)
    for col in range(window.measure_model.columnCount()):
        window.views.set_column_hidden(window.table, col, False)
    assert window.table.columnWidth(window.measure_model.TITLE) >= 200


def test_changing_the_quarter_updates_progress_flags_and_lights(
    window: MainWindow, ws: Workspace
) -> None:
    rows = window.measure_model.rows()
    undated = next(r for r in rows if r.deadline is None)
    progress.save_progress(
        ws, undated.id, Quarter(2023, 1), progress_text="一季度已推进", problems="", next_steps=""
    )
    window.refresh_measures()
    assert (
        window.measure_model.row_at(window.measure_model.row_of(undated.id)).light is Light.YELLOW
    )
    window.select_measure(undated.id)
    window.set_quarter(Quarter(2023, 1))
    row = window.measure_model.row_at(window.measure_model.row_of(undated.id))
    assert row.has_progress and row.light is Light.GREEN
    assert window.detail.measure_id == undated.id
    assert window.detail.progress_edit.toPlainText() == "一季度已推进"
    fresh = ledger.list_measures(ws.db, window.current_plan_id(), Quarter(2023, 1), TODAY)
    assert window.measure_model.rows() == fresh  # the quick path agrees with a full reload


def test_cancelling_an_import_in_its_progress_dialog(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    source = SAMPLE_43
    informed: list[str] = []
    monkeypatch.setattr(window, "inform", informed.append)
    monkeypatch.setattr(window, "ask_open_file", lambda *_: source)
    monkeypatch.setattr(window, "ask_preview", lambda _dialog: True)
    plans_before = window.plan_model.rowCount()

    started = threading.Event()

    def slow_import(_ws: Workspace, _preview: object, report: ProgressCallback) -> object:
        started.set()
        deadline = time.monotonic() + 20  # never outlive the test
        while report(1, 3) and time.monotonic() < deadline:
            time.sleep(0.02)
        raise Cancelled()

    monkeypatch.setattr("desktop.ui.plan_actions.importing.import_preview", slow_import)
    window.import_action.trigger()
    # Reading the file has a progress dialog of its own (shown when reading is slow, as under
    # load): the one to cancel is the import's, once the import runs.
    qtbot.waitUntil(started.is_set, timeout=10000)
    qtbot.waitUntil(
        lambda: any(d.isVisible() for d in window.findChildren(QProgressDialog)), timeout=10000
    )
    dialog = next(d for d in window.findChildren(QProgressDialog) if d.isVisible())
    [cancel] = dialog.findChildren(QPushButton)
    assert cancel.text() == "取消"
    cancel.click()
    qtbot.waitUntil(lambda: "已取消导入，数据未改变" in informed, timeout=10000)
    window.refresh_plans()
    assert window.plan_model.rowCount() == plans_before


def test_opening_evidence_hands_over_a_named_copy_and_explains_a_failure(
    window: MainWindow,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    ws: Workspace,
    tmp_path: Path,
) -> None:
    window.table.selectRow(0)
    measure_id = window.detail.measure_id
    assert measure_id is not None
    proof = tmp_path / "会议纪要.pdf"
    proof.write_bytes(b"%PDF-1.4 minutes")
    evidence.attach(ws, measure_id, proof, quarter=Q)
    window.show_measure(measure_id)
    asked: list[str] = []

    def refuse(url: QUrl) -> bool:
        asked.append(url.toLocalFile())
        return False

    monkeypatch.setattr("desktop.ui.main_window.QDesktopServices.openUrl", refuse)
    window.detail.evidence_list.setCurrentRow(0)
    window.detail.open_button.click()
    opened = Path(asked[0])
    assert opened.name == "会议纪要.pdf" and opened.read_bytes() == b"%PDF-1.4 minutes"
    box = window.findChild(QMessageBox, "openFailed")
    assert box is not None and str(opened) in box.text()
    folder_button = next(b for b in box.buttons() if b.text() == "打开所在文件夹")
    folder_button.click()
    assert asked[-1] == str(opened.parent)


def test_tree_model_passes_the_model_tester_while_filtered(
    window: MainWindow, qtmodeltester: object
) -> None:
    window.group_toggle.setChecked(True)
    window.filter_bar.search.setText("第1")
    qtmodeltester.check(window.tree_model)  # type: ignore[attr-defined]
    assert window.tree_model.rowCount() == 2  # both parts have a measure numbered 1x
