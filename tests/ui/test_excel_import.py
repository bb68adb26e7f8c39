"""Importing an Excel task list from the window: confirm the columns, preview, store, remember."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from pytestqt.qtbot import QtBot

from desktop.domain import Quarter
from desktop.services import ledger, tasklists
from desktop.services.workspace import Workspace
from desktop.ui.main_window import MainWindow
from desktop.ui.mapping_dialog import MappingDialog


def workbook(path: Path) -> Path:
    """Headers a detector cannot know: '承担单位' for the lead, '要求' for the deadline."""
    wb = Workbook()
    sheet = wb.active
    assert sheet is not None
    sheet.title = "任务清单"
    sheet.append(["XX县2023年民生实事任务清单"])
    sheet.merge_cells("A1:E1")
    sheet.append(["序号", "重点任务", "承担单位", "配合单位", "完成时限"])
    sheet.append([1, "新建城区幼儿园2所", "县教育局", "县住建局", "2023年8月底前"])
    sheet.append([2, "改造老旧小区12个", "县住建局", "各乡镇", "年底前"])
    wb.save(path)
    return path


def test_officer_confirms_columns_and_the_mapping_is_remembered(
    qtbot: QtBot, ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = workbook(tmp_path / "任务清单.xlsx")
    w = MainWindow(ws)
    qtbot.addWidget(w)
    dialogs: list[MappingDialog] = []

    def confirm(dialog: MappingDialog) -> bool:
        dialogs.append(dialog)
        page = dialog.pages["任务清单"]
        combo = page.combos["lead_units"]
        combo.setCurrentIndex(combo.findData(3))  # C: 承担单位
        return True

    monkeypatch.setattr(w, "ask_open_file", lambda *_: path)
    monkeypatch.setattr(w, "ask_mapping", confirm)
    monkeypatch.setattr(w, "ask_preview", lambda dialog: True)
    w.import_action.trigger()
    qtbot.waitUntil(lambda: w.plan_model.rowCount() == 1, timeout=20000)
    rows = ledger.list_measures(ws.db, w.plan_model.plan_at(0).id, Quarter(2023, 3))
    assert [r.lead_units for r in rows] == [("县教育局",), ("县住建局",)]
    assert rows[0].deadline is not None and rows[0].deadline.isoformat() == "2023-08-31"
    # The next workbook with the same header row gets the confirmed column without asking twice.
    again = tasklists.scan(workbook(tmp_path / "任务清单2.xlsx"))
    assert tasklists.apply_remembered(ws.db, again) == ["任务清单"]
    assert again.mappings["任务清单"].columns["lead_units"] == 3
    w.close()


def test_dialog_refuses_a_sheet_without_task_column(qtbot: QtBot, tmp_path: Path) -> None:
    found = tasklists.scan(workbook(tmp_path / "a.xlsx"))
    dialog = MappingDialog(found, "a.xlsx")
    qtbot.addWidget(dialog)
    page = dialog.pages["任务清单"]
    for field in ("title", "text"):
        page.combos[field].setCurrentIndex(0)
    assert not dialog.ok_button.isEnabled()
    assert "任务内容" in dialog.problem.text()


def test_sheet_without_a_recognised_header_can_be_mapped_by_hand(
    qtbot: QtBot, ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "督查.xlsx"
    wb = Workbook()
    sheet = wb.active
    assert sheet is not None
    sheet.title = "督查事项"
    sheet.append(["督查事项清单"])
    sheet.append(["项", "内容", "谁办", "何时"])
    sheet.append([1, "完善督查制度", "督查科", "9月底前"])
    wb.save(path)
    w = MainWindow(ws)
    qtbot.addWidget(w)

    def confirm(dialog: MappingDialog) -> bool:
        page = dialog.pages["督查事项"]  # a tab even though no header was recognised
        assert not page.include.isChecked() and not dialog.ok_button.isEnabled()
        page.preview.cellClicked.emit(1, 0)  # the officer clicks the header row in the preview
        assert page.header_row.value() == 2 and page.include.isChecked()
        assert "任务内容" in dialog.problem.text()
        for field, column in (("title", 2), ("responsible_units", 3), ("deadline", 4)):
            page.combos[field].setCurrentIndex(page.combos[field].findData(column))
        page.year.setValue(2023)  # '9月底前' names no year
        assert dialog.ok_button.isEnabled()
        return True

    monkeypatch.setattr(w, "ask_open_file", lambda *_: path)
    monkeypatch.setattr(w, "ask_mapping", confirm)
    monkeypatch.setattr(w, "ask_preview", lambda dialog: True)
    w.import_action.trigger()
    qtbot.waitUntil(lambda: w.plan_model.rowCount() == 1, timeout=20000)
    [row] = ledger.list_measures(ws.db, w.plan_model.plan_at(0).id, Quarter(2023, 3))
    assert row.responsible_units == ("督查科",)
    assert row.deadline is not None and row.deadline.isoformat() == "2023-09-30"
    # Remembered: the same layout is read the same way next time without asking.
    again = tasklists.scan(path)
    assert tasklists.apply_remembered(ws.db, again) == ["督查事项"]
    assert again.mappings["督查事项"].columns["responsible_units"] == 3
    w.close()
