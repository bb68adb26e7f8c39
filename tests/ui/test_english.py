"""English interface: no Chinese left in the window's own texts, and nothing cut off at 1366×768."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCharts import QChartView
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTabWidget,
    QTextBrowser,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.app import install_translations
from desktop.domain import Quarter, Status
from desktop.parsing import ParsedDocument, ParsedMeasure, ParsedSection
from desktop.services import evidence, progress
from desktop.services.workspace import Workspace
from desktop.ui.main_window import MainWindow
from desktop.ui.settings_dialog import SettingsDialog
from tests.factories import import_document

TODAY = date(2023, 6, 20)
Q = Quarter(2023, 2)
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


def latin_document() -> ParsedDocument:
    """A plan written in English, so any Chinese on screen can only come from the interface."""
    sections = [ParsedSection(["I"], "I", "Reform"), ParsedSection(["II"], "II", "Services")]
    measures = []
    for i in range(1, 9):
        deadline = [date(2023, 5, 31), date(2023, 6, 30), date(2023, 12, 31), None][i % 4]
        measures.append(
            ParsedMeasure(
                path=["I" if i <= 4 else "II", str(i)],
                number=str(i),
                title=f"Task {i}",
                text=f"Task {i}. Improve the service and report on it.",
                lead_units=["Finance Bureau"],
                responsible_units=["Tax Office", "Town governments"],
                deadline_text=f"by {deadline.isoformat()}" if deadline else "ongoing",
                deadline=deadline,
                long_term=deadline is None,
                deadlines=[deadline] if deadline else [],
            )
        )
    return ParsedDocument(
        title="County action plan",
        doc_number="No. 1",
        issuer="County office",
        date=date(2023, 1, 10),
        measures=measures,
        sections=sections,
    )


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    translators = install_translations(qapp, "en")
    assert translators, "the English translation did not load"
    yield
    for t in translators:
        qapp.removeTranslator(t)


@pytest.fixture
def window(qtbot: QtBot, ws: Workspace, tmp_path: Path, english: None) -> Iterator[MainWindow]:
    ws.author = "Wang"
    plan_id = import_document(ws, latin_document())
    from desktop.services import ledger

    rows = ledger.list_measures(ws.db, plan_id, Q, TODAY)
    progress.set_status(ws, rows[1].id, Status.IN_PROGRESS)
    for q in (Quarter(2023, 1), Q):
        progress.save_progress(
            ws, rows[1].id, q, progress_text="Met twice", problems="", next_steps="Go on"
        )
    note = tmp_path / "minutes.pdf"
    note.write_bytes(b"%PDF-1.4")
    evidence.attach(ws, rows[1].id, note, quarter=Q, description="Second meeting")
    w = MainWindow(ws, today=TODAY)
    qtbot.addWidget(w)
    w.set_quarter(Q)
    w.resize(1366, 768)
    w.show()
    w.select_measure(rows[1].id)
    yield w
    w.close()


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for what a user can read: labels, buttons, tabs, lists, headers, charts."""
    out: list[tuple[str, str]] = []

    def add(widget: QWidget, text: str) -> None:
        if text:
            out.append((f"{type(widget).__name__}[{widget.objectName()}]", text))

    widgets = [root, *root.findChildren(QWidget)]
    combo_models = {id(w.model()) for w in widgets if isinstance(w, QComboBox)}
    for w in widgets:
        add(w, w.toolTip())
        if isinstance(w, (QLabel, QAbstractButton)):
            add(w, w.text())
        elif isinstance(w, QGroupBox):
            add(w, w.title())
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                add(w, w.tabText(i))
        elif isinstance(w, QComboBox) and w.objectName() != "setting_language":
            for i in range(w.count()):
                add(w, w.itemText(i))
        elif isinstance(w, QLineEdit):
            add(w, w.placeholderText())
        elif isinstance(w, QTextBrowser):
            add(w, w.toPlainText())
        elif isinstance(w, QPlainTextEdit):
            add(w, w.placeholderText())
        if isinstance(w, QListWidget):
            for i in range(w.count()):
                add(w, w.item(i).text())
        elif (
            isinstance(w, QAbstractItemView)
            and w.model() is not None
            and id(w.model()) not in combo_models  # a combo's list: its items are checked above
        ):
            model = w.model()
            try:
                columns = model.columnCount(QModelIndex())
            except TypeError:  # a list model, whose columnCount Qt keeps private
                columns = 1
            for c in range(columns):
                add(w, str(model.headerData(c, Qt.Orientation.Horizontal) or ""))
                for r in range(min(model.rowCount(QModelIndex()), 20)):
                    add(w, str(model.index(r, c).data() or ""))
                    add(w, str(model.index(r, c).data(Qt.ItemDataRole.ToolTipRole) or ""))
        if isinstance(w, QChartView) and w.chart() is not None:
            chart = w.chart()
            add(w, chart.title())
            for axis in chart.axes():
                for category in getattr(axis, "categories", list)():
                    add(w, category)
            for marker in chart.legend().markers():
                add(w, marker.label())
    return out


def chinese(texts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(where, text) for where, text in texts if CJK.search(text)]


def test_no_chinese_in_the_main_window_detail_panel_and_dashboard(window: MainWindow) -> None:
    assert window.quarter_combo.currentText() == "Q2 2023"
    found = chinese(visible_texts(window))
    for menu_action in window.menuBar().actions():
        found += chinese([("menu", menu_action.text())])
        for action in menu_action.menu().actions():
            found += chinese([("menu item", action.text()), ("tip", action.toolTip())])
    found += chinese([("window title", window.windowTitle())])
    for tab in range(window.detail.tabs.count()):
        window.detail.tabs.setCurrentIndex(tab)
        found += chinese(visible_texts(window.detail))
    window.tabs.setCurrentWidget(window.dashboard)
    found += chinese(visible_texts(window.dashboard))
    window.group_toggle.setChecked(True)
    found += chinese(visible_texts(window.tree))
    assert not found, found


def test_no_chinese_in_settings(window: MainWindow, ws: Workspace, qtbot: QtBot) -> None:
    dialog = SettingsDialog(ws, [str(Quarter(2023, 1)), str(Q)], window)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = visible_texts(dialog)
    assert ("QComboBox[setting_default_quarter]", "Q1 2023") in texts
    assert not chinese(texts), chinese(texts)


def test_english_layout_fits_1366_by_768(window: MainWindow, qtbot: QtBot) -> None:
    hint = window.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 768
    header = window.table.horizontalHeader()
    metrics = header.fontMetrics()
    for col in range(window.measure_model.columnCount()):
        if col == window.measure_model.TITLE or header.isSectionHidden(col):
            continue
        label = str(window.measure_model.headerData(col, Qt.Orientation.Horizontal))
        assert header.sectionSize(col) >= metrics.horizontalAdvance(label), label
    # the longest status text fits its column
    status_col = window.measure_model.STATUS
    texts = [
        window.measure_model.index(r, status_col).data()
        for r in range(window.measure_model.rowCount())
    ]
    assert any("overdue" in t for t in texts)
    cell = window.table.fontMetrics()
    assert header.sectionSize(status_col) >= max(cell.horizontalAdvance(t) for t in texts) + 6
    # every detail-panel button shows its whole label, and the panel is not clipped
    detail = window.detail
    assert detail.width() >= detail.minimumSizeHint().width()
    for button in detail.findChildren(QAbstractButton):
        if button.isVisible() and button.text():
            text = button.text().replace("&", "")
            assert button.width() >= button.fontMetrics().horizontalAdvance(text), text


def test_no_chinese_in_versions_archived_and_update_dialogs(
    window: MainWindow, ws: Workspace, qtbot: QtBot
) -> None:
    from desktop.parsing import ParseResult
    from desktop.services import importing, updating
    from desktop.ui.update_dialog import UpdateDialog

    plan_id = window.current_plan_id()
    assert plan_id is not None
    revised = latin_document()
    revised.measures[2].title = "Task 3, revised"
    revised.measures[2].text = "Task 3, revised. Improve the service twice and report on it."
    del revised.measures[5]
    preview = importing.ImportPreview(Path("plan-v2.txt"), "f" * 64, ParseResult([revised]))
    proposal = updating.UpdateProposal(
        plan_id, "County action plan", 1, preview, revised, *_match(ws, plan_id, revised)
    )
    dialog = UpdateDialog(proposal, window)
    qtbot.addWidget(dialog)
    dialog.show()
    found = chinese(visible_texts(dialog))
    updating.apply_update(ws, proposal)
    window.refresh_plans(select_id=plan_id)
    window.plan_actions.versions_action.trigger()
    window.plan_actions.archived_action.trigger()
    for shown in (window.plan_actions.versions_dialog, window.plan_actions.archived_dialog):
        assert shown is not None and shown.model.rowCount() >= 1
        found += chinese(visible_texts(shown))
        found += chinese([("title", shown.windowTitle())])
    assert not found, found


def _match(ws: Workspace, plan_id: int, doc: ParsedDocument) -> tuple[object, ...]:
    """(result, old keys, facts) as propose_update builds them, for a document in memory."""
    from desktop.models import Plan
    from desktop.parsing.matching import keys_for_document, match_measures
    from desktop.services.updating import _old_key

    with ws.db.session() as s:
        plan = s.get(Plan, plan_id)
        assert plan is not None
        old = {m.id: _old_key(s, m) for m in plan.measures if not m.archived}
    return match_measures(list(old.values()), keys_for_document(doc)), old, []
