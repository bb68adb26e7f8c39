"""Starting the window: a double-clicked backup, an unusable data folder, a damaged database."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

import main as entry
from desktop import app
from desktop.app import create_app, start
from desktop.services import backup
from desktop.services.workspace import Workspace
from desktop.storage.datalock import hold
from tests.factories import import_document, make_document


def _titles(window: object) -> list[str]:
    model = window.plan_model  # type: ignore[attr-defined]
    return [model.plan_at(i).title for i in range(model.rowCount())]


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    ws = Workspace.open(tmp_path / "src")
    import_document(ws, make_document(3, title="备份里的计划"))
    path = backup.create_backup(ws, tmp_path / "台账 备份.lsbak").path
    ws.close()
    return path


@pytest.mark.parametrize(
    ("argv", "gui", "cli"),
    [
        (["x.lsbak"], (None, Path("x.lsbak")), None),
        (["--data-dir", "d", "D:/备份/x.LSBAK"], ("d", Path("D:/备份/x.LSBAK")), None),
        (["restore", "x.lsbak"], None, ["restore", "x.lsbak"]),
        (
            ["--data-dir", "d", "restore", "x.lsbak"],
            None,
            ["--data-dir", "d", "restore", "x.lsbak"],
        ),
        ([], (None, None), None),
    ],
)
def test_a_double_clicked_backup_reaches_the_window(
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
    gui: tuple[str | None, Path | None] | None,
    cli: list[str] | None,
) -> None:
    calls: dict[str, object] = {}
    monkeypatch.setattr(sys, "argv", ["main.py", *argv])
    monkeypatch.setattr(app, "run_gui", lambda d, f: calls.setdefault("gui", (d, f)) and 0)
    monkeypatch.setattr("desktop.cli.main", lambda a: calls.setdefault("cli", list(a)) and 0)
    entry.main()
    assert calls.get("gui") == gui and calls.get("cli") == cli


def test_window_offers_to_restore_the_double_clicked_backup(
    qtbot: QtBot, tmp_path: Path, archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.ui.main_window import MainWindow

    asked: list[str] = []
    monkeypatch.setattr(MainWindow, "confirm", lambda self, text: asked.append(text) or False)
    create_app()
    session = start(tmp_path / "data", archive)
    assert session is not None
    qtbot.addWidget(session.window)
    qtbot.waitUntil(lambda: bool(asked), timeout=10000)
    assert "备份文件：台账 备份.lsbak" in asked[0] and "计划 1 个，措施 3 项" in asked[0]
    assert "确定恢复吗" in asked[0]
    # Declined: the data directory still holds only its own (sample) plan.
    assert "备份里的计划" not in _titles(session.window)
    session.close()


def test_backup_double_clicked_while_the_window_is_open_says_where_to_restore(
    qtbot: QtBot, tmp_path: Path, archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    data = tmp_path / "data"
    data.mkdir()
    create_app()
    with hold(data / "ledger.lock"):  # another start of the program holds the folder
        assert start(data, archive) is None
    assert "请在已打开的窗口中使用 文件 > 恢复备份" in shown[0] and str(archive) in shown[0]


def test_unusable_data_folder_shows_a_message_box(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    a_file = tmp_path / "data"
    a_file.write_text("not a folder")
    create_app()
    assert start(a_file) is None
    assert "是一个文件而不是文件夹" in shown[0]


def test_damaged_database_at_start_offers_a_restore(
    qtbot: QtBot, tmp_path: Path, archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "ledger.sqlite3").write_bytes(b"garbage" * 1000)
    problems: list[str] = []

    def click_restore(box: QMessageBox) -> int:
        problems.append(box.text())
        button = next(b for b in box.findChildren(QPushButton) if b.text() == "从备份恢复…")
        button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click_restore)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(archive), ""))
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    create_app()
    session = start(data)
    assert session is not None
    qtbot.addWidget(session.window)
    assert "已损坏或不是落实台账的数据库" in problems[0]
    assert "备份里的计划" in _titles(session.window)
    # The damaged file was kept aside, not thrown away.
    kept = list((data / "backups").glob("damaged-*/ledger.sqlite3"))
    assert kept and kept[0].read_bytes() == b"garbage" * 1000
    session.close()


def test_damaged_database_and_no_restore_quits_cleanly(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "ledger.sqlite3").write_bytes(b"garbage" * 1000)
    monkeypatch.setattr(app, "_restore_at_start", lambda _paths, _problem: False)
    create_app()
    assert start(data) is None
    assert not (data / "ledger.lock").exists()
    assert (data / "ledger.sqlite3").read_bytes() == b"garbage" * 1000
