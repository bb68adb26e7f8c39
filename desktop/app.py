"""Application bootstrap: Qt application, bundled font, translations, data directory, main window."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QLockFile,
    QSize,
    Qt,
    QTimer,
    QTranslator,
)
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import APP_NAME, APP_TITLE
from desktop.config import resources_dir

if TYPE_CHECKING:
    from desktop.config import DataPaths
    from desktop.services.workspace import Workspace
    from desktop.ui.main_window import MainWindow

BUNDLED_FONT = "fonts/wqy-microhei.ttc"


def load_fonts(app: QApplication) -> str | None:
    """Load the bundled CJK font so Chinese shows on a machine without Chinese fonts."""
    font_id = QFontDatabase.addApplicationFont(str(resources_dir() / BUNDLED_FONT))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        return None
    font = QFont(app.font())
    # Prefer the system's own UI font and fall back to the bundled one for CJK glyphs.
    font.setFamilies([*QFont(app.font()).families(), families[0]])
    app.setFont(font)
    return families[0]


def install_translations(app: QApplication, language: str = "zh_CN") -> list[QTranslator]:
    """Qt's own strings and ours. Source strings are Chinese, so zh_CN needs only Qt's file."""
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    installed = []
    for name, folder in (
        (f"qtbase_{language}", qt_dir),
        (f"qtbase_{language}", str(resources_dir() / "i18n")),
        (f"luoshi_{language}", str(resources_dir() / "i18n")),
    ):
        translator = QTranslator(app)
        if translator.load(name, folder) and app.installTranslator(translator):
            installed.append(translator)
    QLocale.setDefault(QLocale(language))
    return installed


def create_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_TITLE)
    app.setWindowIcon(app_icon())
    load_fonts(app)
    return app


class Session:
    """What one start of the window holds: the data directory lock, the workspace, the window."""

    def __init__(
        self, lock: QLockFile, ws: Workspace, window: MainWindow, translators: list[QTranslator]
    ) -> None:
        self.lock = lock
        self.ws = ws
        self.window = window
        self.translators = translators

    def close(self) -> None:
        from desktop.services import backup
        from desktop.services.errors import UserError
        from desktop.ui.tasks import wait_for_background

        self.window.close()
        wait_for_background()
        try:
            result = backup.auto_backup_if_changed(self.ws)
        except UserError as exc:
            QMessageBox.warning(
                None,
                QCoreApplication.translate("Application", "落实台账"),
                QCoreApplication.translate(
                    "Application",
                    "自动备份失败：%s\n数据本身未受影响，请稍后用“文件 → 备份数据”手动备份。",
                )
                % exc.message,
            )
        else:
            if result is not None and result.warnings:
                QMessageBox.warning(
                    None,
                    QCoreApplication.translate("Application", "落实台账"),
                    QCoreApplication.translate("Application", "自动备份已完成，但有提示：")
                    + "\n"
                    + "\n".join(result.warnings),
                )
        self.ws.close()
        self.lock.unlock()
        app = QApplication.instance()
        for translator in self.translators:
            if app is not None:
                app.removeTranslator(translator)


def start(data_dir: str | Path | None = None, backup_file: Path | None = None) -> Session | None:
    """Open the data directory (one instance only), load the sample on first start, show the window.

    `backup_file` (a double-clicked .lsbak) is offered for restoring once the window is open.
    """
    from desktop import config, logfile
    from desktop.models import DatabaseError
    from desktop.services import samples
    from desktop.services.errors import UserError
    from desktop.ui.main_window import MainWindow

    try:
        paths = config.resolve(data_dir).ensure()
    except config.DataDirError as exc:
        QMessageBox.critical(
            None, QCoreApplication.translate("Application", "落实台账"), exc.message
        )
        return None
    logfile.start(paths)
    lock = QLockFile(str(paths.lock_file))
    lock.setStaleLockTime(0)
    if not lock.tryLock(100):
        text = (
            QCoreApplication.translate(
                "Application",
                "落实台账已经在使用数据目录 %s。\n请切换到已打开的窗口，不要重复启动。",
            )
            % paths.root
        )
        if backup_file is not None:
            text = QCoreApplication.translate(
                "Application",
                "落实台账已经在使用数据目录 %s，不能在这里恢复备份。\n请在已打开的窗口中使用 文件 > 恢复备份，选择“%s”。",
            ) % (paths.root, backup_file)
        QMessageBox.warning(None, QCoreApplication.translate("Application", "落实台账"), text)
        return None
    try:
        ws = _open_workspace(paths)
    except DatabaseError as exc:
        lock.unlock()
        QMessageBox.critical(
            None, QCoreApplication.translate("Application", "落实台账"), exc.message
        )
        return None
    if ws is None:
        lock.unlock()
        return None
    try:
        samples.ensure_sample(ws)
    except UserError as exc:
        QMessageBox.warning(
            None,
            QCoreApplication.translate("Application", "落实台账"),
            QCoreApplication.translate("Application", "示例数据未能导入：%s") % exc.message,
        )
    from desktop.services import settings

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translations(app, settings.get(ws.db, "language") or "zh_CN")
    window = MainWindow(ws)
    window.setWindowIcon(app_icon())
    window.show()
    if backup_file is not None:
        offer_restore(window, backup_file)
    return Session(lock, ws, window, translators)


def _open_workspace(paths: DataPaths) -> Workspace | None:
    """The workspace; a damaged database offers a restore from a backup before giving up."""
    from desktop.models import DatabaseError
    from desktop.services.workspace import Workspace

    while True:
        try:
            return Workspace.open(paths.root)
        except DatabaseError as exc:
            if not exc.damaged:
                raise
            if not _restore_at_start(paths, exc.message):
                return None  # the officer chose to quit, having been told what is wrong


def _restore_at_start(paths: DataPaths, problem: str) -> bool:
    """Ask to restore a backup over a damaged database; True when one was restored."""
    from PySide6.QtWidgets import QFileDialog

    from desktop.services import backup
    from desktop.services.errors import UserError

    box = QMessageBox(
        QMessageBox.Icon.Critical, QCoreApplication.translate("Application", "落实台账"), problem
    )
    box.setObjectName("damagedDatabase")
    restore = box.addButton(
        QCoreApplication.translate("Application", "从备份恢复…"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(
        QCoreApplication.translate("Application", "退出"), QMessageBox.ButtonRole.RejectRole
    )
    box.exec()
    if box.clickedButton() is not restore:
        return False
    name, _ = QFileDialog.getOpenFileName(
        None,
        QCoreApplication.translate("Application", "选择要恢复的备份文件"),
        str(paths.backups),
        QCoreApplication.translate("Application", "落实台账备份 (*.lsbak);;所有文件 (*)"),
    )
    if not name:
        return False
    try:
        info = backup.describe_backup(Path(name))
        question = "\n".join(
            [
                *info.lines(),
                "",
                QCoreApplication.translate(
                    "Application", "损坏的数据文件会先复制到 backups 文件夹保存。确定恢复吗？"
                ),
            ]
        )
        if (
            QMessageBox.question(
                None, QCoreApplication.translate("Application", "落实台账"), question
            )
            != QMessageBox.StandardButton.Yes
        ):
            return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            backup.restore_backup(paths.root, Path(name))
        finally:
            QApplication.restoreOverrideCursor()
    except UserError as exc:
        QMessageBox.warning(
            None, QCoreApplication.translate("Application", "落实台账"), exc.message
        )
        return False
    return True


def offer_restore(window: MainWindow, backup_file: Path) -> None:
    """Once the window shows: describe the double-clicked backup and ask before restoring it."""
    from desktop.ui.backup_actions import BackupActions

    actions = window.findChild(BackupActions, "backupActions")
    if actions is not None:
        QTimer.singleShot(0, lambda: actions.restore_file(backup_file))


def app_icon() -> QIcon:
    """The program's icon (a red seal with 台账), drawn at several sizes in resources/icons."""
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        path = resources_dir() / "icons" / f"luoshi-{size}.png"
        if path.is_file():
            icon.addFile(str(path), QSize(size, size))
    return icon


def run_gui(data_dir: str | None = None, backup_file: Path | None = None) -> int:
    app = create_app()
    session = start(data_dir, backup_file)
    if session is None:
        return 1
    code = app.exec()
    session.close()
    return int(code)


def main() -> int:  # pragma: no cover
    return run_gui(None)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
