"""Reports and exports from the window: they describe the window's day, and a file name typed
without its ending still gets one."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.domain import Quarter, Status
from desktop.models import StatusChange
from desktop.services import importing, ledger, progress
from desktop.services.workspace import Workspace
from desktop.ui.main_window import MainWindow
from desktop.ui.report_dialogs import ReportOptionsDialog
from desktop.ui.widgets import with_suffix
from tests.conftest import SAMPLE_43

TODAY = date(2023, 6, 20)
Q2 = Quarter(2023, 2)


def save_as(folder: Path, typed: str) -> object:
    """Answers the save dialog as an officer who types a bare name: the dialog's default suffix
    (what QFileDialog.setDefaultSuffix adds) comes from the caller."""

    def ask(_title: str, _suggested: Path, _filter: str, suffix: str = "") -> Path:
        return with_suffix(folder / typed, suffix)

    return ask


@pytest.fixture
def window(qtbot: QtBot, ws: Workspace) -> MainWindow:
    plan_id = importing.import_file(ws, SAMPLE_43).plan_ids[0]
    first = ledger.list_measures(ws.db, plan_id, Q2, TODAY)[0]
    progress.set_status(ws, first.id, Status.DONE)
    with ws.db.transaction() as s:  # done on 25 June: after the window's day
        for change in s.scalars(select(StatusChange)):
            change.at = datetime(2023, 6, 25, 2, tzinfo=UTC)
    w = MainWindow(ws, today=TODAY)
    qtbot.addWidget(w)
    w.set_quarter(Q2)
    return w


def test_report_is_as_of_the_window_day_and_a_bare_name_becomes_a_pdf(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(window, "ask_report_options", lambda _dialog: True)
    monkeypatch.setattr(window, "ask_save_file", save_as(tmp_path, "二季度报告"))
    window.report_action.trigger()
    qtbot.waitUntil(lambda: getattr(window, "preview", None) is not None, timeout=30000)
    out = tmp_path / "二季度报告.pdf"
    text = "".join(p.extract_text() for p in PdfReader(out).pages)
    assert "截至2023年6月20日" in text
    window.preview.close()


def test_word_report_gets_docx(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[Path] = []

    def word(dialog: ReportOptionsDialog) -> bool:
        dialog.word.setChecked(True)
        return True

    monkeypatch.setattr(window, "ask_report_options", word)
    monkeypatch.setattr(window, "ask_save_file", save_as(tmp_path, "二季度报告"))
    monkeypatch.setattr(window, "open_external", opened.append)
    window.report_action.trigger()
    qtbot.waitUntil(lambda: bool(opened), timeout=30000)
    assert opened == [tmp_path / "二季度报告.docx"]


def test_ledger_export_shows_statuses_of_the_window_day(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[Path] = []
    monkeypatch.setattr(window, "ask_save_file", save_as(tmp_path, "台账"))
    monkeypatch.setattr(window, "open_external", opened.append)
    window.export_action.trigger()
    qtbot.waitUntil(lambda: bool(opened), timeout=30000)
    out = tmp_path / "台账.xlsx"
    assert opened == [out]
    cells = [str(c) for row in load_workbook(out).active.iter_rows(values_only=True) for c in row]
    # The measure done on 25 June was not done yet on the 20th, the day the window stands on.
    assert "已完成" not in cells and "未启动" in cells


def test_with_suffix_adds_only_a_missing_ending() -> None:
    assert with_suffix(Path("/r/报告"), ".pdf") == Path("/r/报告.pdf")
    assert with_suffix(Path("/r/报告.pdf"), ".pdf") == Path("/r/报告.pdf")
    assert with_suffix(Path("/r/报告.docx"), ".pdf") == Path("/r/报告.docx")  # refused later
    assert with_suffix(Path("/r/报告"), "") == Path("/r/报告")
