"""Report options, the in-app preview, printing to a printer, and the supervision notice."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from desktop.domain import Status
from desktop.services import importing
from desktop.services.workspace import Workspace
from desktop.ui.main_window import MainWindow
from desktop.ui.report_dialogs import ReportOptionsDialog
from tests.conftest import SAMPLE_43


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
        dialog.unit.setCurrentIndex(dialog.unit.findData("省民政厅"))
        dialog.statuses[Status.DONE].setChecked(False)
        dialog.full_text.setChecked(False)
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
