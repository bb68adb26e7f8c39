"""Backup menu actions wired onto a MainWindow: back up, restore, verify, audit log with filter."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.domain import Status
from desktop.services import progress
from desktop.services.workspace import Workspace
from desktop.storage import backup as archive
from desktop.ui.audit_dialog import AuditDialog, AuditTableModel
from desktop.ui.backup_actions import BackupActions, install_backup_actions
from desktop.ui.main_window import MainWindow
from tests.factories import import_document, make_document


@pytest.fixture
def window(qtbot: QtBot, ws: Workspace, tmp_path: Path) -> Iterator[MainWindow]:
    import_document(ws, make_document(4))
    proof = tmp_path / "纪要.pdf"
    proof.write_bytes(b"%PDF-1.4 minutes")
    from desktop.services import evidence

    evidence.attach(ws, 1, proof, quarter=None)
    w = MainWindow(ws)
    qtbot.addWidget(w)
    menu = QMenu("文件", w)
    install_backup_actions(w, menu)
    yield w
    w.close()


def _actions(w: MainWindow) -> BackupActions:
    found = w.findChild(BackupActions, "backupActions")
    assert found is not None
    return found


def test_menu_gets_five_actions(window: MainWindow) -> None:
    menu = window.findChild(QMenu)
    assert menu is not None
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == [
        "备份数据(&B)…",
        "恢复备份(&R)…",
        "第二备份位置(&M)…",
        "校验佐证材料(&V)",
        "操作日志(&L)…",
    ]


def test_second_backup_folder_is_chosen_in_its_dialog(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog, QPushButton

    from desktop.services import backup, settings
    from desktop.ui.backup_actions import MirrorDialog

    usb = tmp_path / "U盘"
    usb.mkdir()
    informed: list[str] = []
    monkeypatch.setattr(window, "inform", informed.append)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a: str(usb))
    _actions(window).mirror_action.trigger()
    dialog = window.findChild(MirrorDialog, "mirrorDialog")
    assert dialog is not None and dialog.folder() == ""
    browse = dialog.findChild(QPushButton, "mirrorBrowse")
    assert browse is not None
    browse.click()
    dialog.accept()
    assert settings.get(window.ws.db, backup.MIRROR_SETTING) == str(usb)
    assert str(usb) in informed[-1]
    result = backup.create_backup(window.ws, tmp_path / "b.lsbak")
    assert result.mirror is not None and result.mirror.is_file()


def test_backup_then_restore_from_the_menu(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    acts = _actions(window)
    out = tmp_path / "u盘" / "台账.lsbak"
    out.parent.mkdir()
    informed: list[str] = []
    monkeypatch.setattr(window, "ask_save_file", lambda *_: out)
    monkeypatch.setattr(window, "inform", informed.append)
    acts.backup_action.trigger()
    qtbot.waitUntil(lambda: any("已备份到" in t for t in informed), timeout=20000)
    assert out.is_file()

    progress.set_status(window.ws, 1, Status.DONE)
    questions: list[str] = []
    monkeypatch.setattr(window, "ask_open_file", lambda *_: out)

    def confirm(text: str) -> bool:
        questions.append(text)
        return True

    monkeypatch.setattr(window, "confirm", confirm)
    acts.restore_action.trigger()
    qtbot.waitUntil(lambda: any("已恢复" in t for t in informed), timeout=20000)
    assert "措施 4 项" in questions[0] and "确定恢复吗" in questions[0]
    from desktop.models import Measure

    with window.ws.db.session() as s:
        assert s.get(Measure, 1).status == Status.NOT_STARTED.value  # type: ignore[union-attr]
    assert list(window.ws.paths.backups.glob("pre-restore-*.lsbak"))
    assert window.plan_model.rowCount() == 1


def test_restore_of_a_bad_file_shows_a_chinese_error(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "坏的.lsbak"
    bad.write_bytes(b"not a zip")
    shown: list[str] = []
    monkeypatch.setattr(window, "ask_open_file", lambda *_: bad)
    monkeypatch.setattr(
        "desktop.ui.backup_actions.show_error", lambda _p, exc: shown.append(exc.message)
    )
    _actions(window).restore_action.trigger()
    assert "不是有效的落实台账备份文件" in shown[0]


def test_verify_reports_a_missing_file(window: MainWindow, qtbot: QtBot) -> None:
    acts = _actions(window)
    acts.verify_action.trigger()
    qtbot.waitUntil(lambda: acts.last_report is not None, timeout=10000)
    assert acts.last_report is not None and acts.last_report.ok
    for f in archive.store_files(window.ws.paths.evidence):
        f.unlink()
    acts.last_report = None
    acts.verify_action.trigger()
    qtbot.waitUntil(lambda: acts.last_report is not None, timeout=10000)
    report = acts.last_report
    assert report is not None and not report.ok
    box = window.findChild(QMessageBox, "verifyReport")
    assert box is not None and "缺失 1 个文件" in box.text()
    box.close()


def test_audit_dialog_filters_and_exports(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    progress.set_status(window.ws, 2, Status.IN_PROGRESS)
    out = tmp_path / "日志.csv"
    monkeypatch.setattr(window, "ask_save_file", lambda *_: out)
    acts = _actions(window)
    acts.audit_action.trigger()
    dialog = acts.audit_dialog
    assert isinstance(dialog, AuditDialog)
    total = dialog.model.rowCount()
    assert total == 3  # import, attach, status
    assert dialog.proxy.index(0, 2).data() == "修改状态"
    dialog.filter_edit.setText("推进中")
    assert dialog.proxy.rowCount() == 1
    assert "显示 1 条" in dialog.count_label.text()
    dialog.export_button.click()
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == 2 and "推进中" in lines[1]
    dialog.close()


def test_audit_model_passes_the_model_tester(qtmodeltester: object, ws: Workspace) -> None:
    import_document(ws, make_document(2))
    from desktop.services import auditlog

    model = AuditTableModel()
    model.set_entries(auditlog.list_entries(ws.db))
    qtmodeltester.check(model)  # type: ignore[attr-defined]
