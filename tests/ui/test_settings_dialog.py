"""Settings an officer changes once: the report's addressee and the second backup folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop.domain import Quarter
from desktop.services import backup, importing, reporting, settings
from desktop.services.workspace import Workspace
from desktop.ui.settings_dialog import SettingsDialog
from tests.conftest import SAMPLE_43

Q2 = Quarter(2023, 2)


def dialog_for(qtbot: QtBot, ws: Workspace) -> SettingsDialog:
    dialog = SettingsDialog(ws, [str(Q2)])
    qtbot.addWidget(dialog)
    return dialog


def test_addressee_defaults_and_can_be_left_out(qtbot: QtBot, ws: Workspace) -> None:
    importing.import_file(ws, SAMPLE_43)
    dialog = dialog_for(qtbot, ws)
    assert dialog.edits["report_addressee"].text() == "XX县人民政府"
    dialog.edits["report_addressee"].setText("平凉市崆峒区人民政府")
    dialog.save()
    assert reporting.build_report_data(ws, Q2).addressee == "平凉市崆峒区人民政府"
    dialog = dialog_for(qtbot, ws)
    assert dialog.edits["report_addressee"].text() == "平凉市崆峒区人民政府"
    dialog.edits["report_addressee"].clear()  # no 主送机关 line at all
    dialog.save()
    assert settings.get(ws.db, "report_addressee") == ""
    assert reporting.build_report_data(ws, Q2).addressee == ""


def test_second_backup_folder_is_chosen_in_the_backup_menus_dialog(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    stick = tmp_path / "U盘"
    stick.mkdir()
    dialog = dialog_for(qtbot, ws)
    assert dialog.mirror.text() == "" and dialog.mirror.isReadOnly()
    dialog.findChild(QWidget, "setting_mirror_change").click()
    chooser = dialog.mirror_dialog
    assert chooser is not None and chooser.objectName() == "mirrorDialog"
    chooser.path_edit.setText(str(stick))
    chooser.accept()
    assert dialog.mirror.text() == str(stick)
    dialog.save()
    assert settings.get(ws.db, backup.MIRROR_SETTING) == str(stick)
    result = backup.create_backup(ws, tmp_path / "b.lsbak")
    assert result.mirror is not None and result.mirror.is_file()
    assert stick in result.mirror.parents


def test_a_missing_second_folder_does_not_block_other_settings(
    qtbot: QtBot, ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stick = tmp_path / "U盘"
    stick.mkdir()
    settings.update(ws.db, {backup.MIRROR_SETTING: str(stick)}, "测试员")
    stick.rmdir()  # the stick is not plugged in today
    dialog = dialog_for(qtbot, ws)
    errors: list[str] = []
    monkeypatch.setattr(
        "desktop.ui.settings_dialog.show_error", lambda _p, exc: errors.append(str(exc))
    )
    dialog.edits["officer"].setText("王丽")
    dialog.save()
    assert errors == [] and settings.get(ws.db, "officer") == "王丽"
    assert settings.get(ws.db, backup.MIRROR_SETTING) == str(stick)
    # Choosing a folder that does not exist is refused with the service's message.
    dialog = dialog_for(qtbot, ws)
    dialog.mirror.setText(str(tmp_path / "没有这个文件夹"))
    dialog.save()
    assert errors and "不存在" in errors[0]
