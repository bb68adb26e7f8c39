"""Report options, the in-app preview, printing to a printer, and the supervision notice."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QListWidget
from pytestqt.qtbot import QtBot

from desktop.domain import Quarter, Status
from desktop.services import importing, ledger, progress, reporting
from desktop.services.workspace import Workspace
from desktop.ui.main_window import MainWindow
from desktop.ui.report_dialogs import ReportOptionsDialog
from tests.conftest import SAMPLE_43, SAMPLE_137
from tests.reports.conftest import pdf_text, squeeze


def items(widget: QListWidget) -> list[str]:
    return [widget.item(i).text().strip() for i in range(widget.count())]


def check(widget: QListWidget, text: str, on: bool = True) -> None:
    """Tick the one item whose text contains `text`, as a click on its box would."""
    [row] = [i for i, t in enumerate(items(widget)) if text in t]
    widget.item(row).setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)


@pytest.fixture
def window(qtbot: QtBot, ws: Workspace) -> MainWindow:
    importing.import_file(ws, SAMPLE_43)
    w = MainWindow(ws)
    qtbot.addWidget(w)
    return w


def test_options_filter_the_report_and_the_preview_prints(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "r.pdf"

    def choose(dialog: ReportOptionsDialog) -> bool:
        check(dialog.units, "省民政厅")
        dialog.statuses[Status.DONE].setChecked(False)
        dialog.title_only.setChecked(True)
        return True

    monkeypatch.setattr(window, "ask_report_options", choose)
    monkeypatch.setattr(window, "ask_save_file", lambda *_: out)
    window.report_action.trigger()
    qtbot.waitUntil(lambda: getattr(window, "preview", None) is not None, timeout=30000)
    text = "".join(p.extract_text() for p in PdfReader(out).pages)
    assert "创新养老服务" in text and "简化就业手续" not in text
    printed = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    pages = window.preview.print_to(printer)
    assert pages == window.preview.document.pageCount() == len(PdfReader(printed).pages)
    window.preview.close()


def test_word_report_is_opened_for_editing(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "r.docx"
    opened: list[Path] = []

    def choose(dialog: ReportOptionsDialog) -> bool:
        dialog.word.setChecked(True)
        return True

    monkeypatch.setattr(window, "ask_report_options", choose)
    monkeypatch.setattr(window, "ask_save_file", lambda *_: out)
    monkeypatch.setattr(window, "open_external", opened.append)
    window.report_action.trigger()
    qtbot.waitUntil(lambda: opened == [out], timeout=30000)
    from docx import Document

    assert any("季度" in p.text for p in Document(str(out)).paragraphs)


def test_supervision_notice_from_the_dashboard(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "督办单.pdf"
    monkeypatch.setattr(window, "ask_save_file", lambda *_: out)
    window.tabs.setCurrentWidget(window.dashboard)
    window.dashboard.notice_button.click()
    qtbot.waitUntil(lambda: getattr(window, "preview", None) is not None, timeout=30000)
    assert "督办" in "".join(p.extract_text() for p in PdfReader(out).pages)
    window.preview.close()


@pytest.fixture
def two_plans(qtbot: QtBot, ws: Workspace) -> tuple[MainWindow, int, int]:
    """Both samples imported, two measures under way, the window on the second plan."""
    first = importing.import_file(ws, SAMPLE_137).plan_ids[0]
    second = importing.import_file(ws, SAMPLE_43).plan_ids[0]
    for plan_id, title in ((second, "创新养老服务"), (first, "健全社会救助")):
        rows = ledger.list_measures(ws.db, plan_id, Quarter(2023, 2))
        match = [r.id for r in rows if title in r.title]
        if match:
            progress.set_status(ws, match[0], Status.IN_PROGRESS)
    w = MainWindow(ws)
    qtbot.addWidget(w)
    return w, first, second


def _report(
    window: MainWindow, qtbot: QtBot, out: Path, monkeypatch: pytest.MonkeyPatch, choose: object
) -> None:
    monkeypatch.setattr(window, "ask_report_options", choose)
    monkeypatch.setattr(window, "ask_save_file", lambda *_: out)
    monkeypatch.setattr(window, "open_external", lambda _p: None)
    window.report_action.trigger()
    from desktop.ui.tasks import pool

    qtbot.waitUntil(lambda: out.exists() and pool().activeThreadCount() == 0, timeout=60000)
    preview = getattr(window, "preview", None)
    if preview is not None:
        preview.close()


def test_several_plans_units_statuses_title_only_portrait_reach_the_report(
    two_plans: tuple[MainWindow, int, int],
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window, _first, _second = two_plans
    out = tmp_path / "r.pdf"
    seen: dict[str, object] = {}

    def choose(dialog: ReportOptionsDialog) -> bool:
        assert len(items(dialog.plans)) == 2
        _set(dialog.plans, True)
        # The unit list offers both plans' units and is searched by part of a name.
        dialog.unit_search.setText("民政")
        shown = [dialog.units.item(i) for i in range(dialog.units.count())]
        seen["shown"] = [i.text() for i in shown if not i.isHidden()]
        seen["count"] = dialog.unit_count.text()
        check(dialog.units, "省民政厅")
        for status in (Status.NOT_STARTED, Status.DONE, Status.SUSPENDED):
            dialog.statuses[status].setChecked(False)
        dialog.title_only.setChecked(True)
        dialog.portrait.setChecked(True)
        return True

    _report(window, qtbot, out, monkeypatch, choose)
    assert seen["shown"] and all("民政" in t for t in seen["shown"])  # type: ignore[attr-defined]
    assert str(seen["count"]).startswith(f"查到 {len(seen['shown'])} 个")  # type: ignore[arg-type]
    text = squeeze(pdf_text(out))
    assert "本报告仅含由省民政厅牵头或负责、状态为推进中的重点任务" in text
    assert "文件一" in text and "文件二" in text  # both plans
    assert "创新养老服务" in text and "简化就业手续" not in text
    # Title only: the rest of the measure's text is left out.
    assert "推进公办养老机构公建民营改革" not in text
    reader = PdfReader(out)
    assert all(int(page.get("/Rotate", 0)) == 0 for page in reader.pages)  # portrait table


def test_one_plans_parts_among_several_and_word(
    two_plans: tuple[MainWindow, int, int],
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two plans share the numbers 一、二、三: a part ticked is that plan's part only."""
    window, first, second = two_plans
    out = tmp_path / "r.docx"
    scope = {p.id: p for p in reporting.report_scope(window.ws)}
    wanted = dict(scope[second].sections)["四"]

    def choose(dialog: ReportOptionsDialog) -> bool:
        _set(dialog.plans, True)
        listed = items(dialog.sections)
        assert scope[first].sections[0][1] in listed and wanted in listed
        check(dialog.sections, scope[second].sections[0][1])  # 一、 of the second plan only
        dialog.word.setChecked(True)
        return True

    _report(window, qtbot, out, monkeypatch, choose)
    from docx import Document

    doc = Document(str(out))
    body = "".join(p.text for p in doc.paragraphs)
    assert "本报告仅含“" + scope[second].sections[0][1] + "”部分中的重点任务" in body
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "序号")
    tasks = [r.cells[1].text for r in table.rows[1:]]
    assert any("简化就业手续" in t for t in tasks)  # 一、 of the second plan
    assert not any("创新养老服务" in t for t in tasks)  # its 五、
    first_titles = {r.title for r in ledger.list_measures(window.ws.db, first, Quarter(2023, 2))}
    assert not any(t.startswith(tuple(first_titles)) for t in tasks)  # none of the first plan


def test_ok_needs_a_plan_and_a_status(two_plans: tuple[MainWindow, int, int]) -> None:
    window, _first, second = two_plans
    dialog = ReportOptionsDialog(reporting.report_scope(window.ws), second, window)
    assert dialog.choice().plan_ids == (second,)  # the current plan, by default
    assert dialog.ok.isEnabled()
    _set(dialog.plans, False)
    assert not dialog.ok.isEnabled() and "计划" in dialog.problem.text()
    assert dialog.units.count() == 0  # no plan, no units to offer
    _set(dialog.plans, True)
    for box in dialog.statuses.values():
        box.setChecked(False)
    assert not dialog.ok.isEnabled() and "状态" in dialog.problem.text()
    dialog.statuses[Status.DONE].setChecked(True)
    assert dialog.ok.isEnabled()
    dialog.close()


def _set(widget: QListWidget, on: bool) -> None:
    for i in range(widget.count()):
        widget.item(i).setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
