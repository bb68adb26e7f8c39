"""Application bootstrap: Qt application, bundled font, translations, data directory, main window."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QLockFile, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import APP_NAME, APP_TITLE
from desktop.config import resources_dir

if TYPE_CHECKING:
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
            backup.auto_backup_if_changed(self.ws)
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
        self.ws.close()
        self.lock.unlock()
        app = QApplication.instance()
        for translator in self.translators:
            if app is not None:
                app.removeTranslator(translator)


def start(data_dir: str | Path | None = None) -> Session | None:
    """Open the data directory (one instance only), load the sample on first start, show the window."""
    from desktop import config
    from desktop.models import DatabaseError
    from desktop.services import samples
    from desktop.services.errors import UserError
    from desktop.services.workspace import Workspace
    from desktop.ui.main_window import MainWindow

    paths = config.resolve(data_dir).ensure()
    lock = QLockFile(str(paths.lock_file))
    lock.setStaleLockTime(0)
    if not lock.tryLock(100):
        QMessageBox.warning(
            None,
            QCoreApplication.translate("Application", "落实台账"),
            QCoreApplication.translate(
                "Application",
                "落实台账已经在使用数据目录 %s。\n请切换到已打开的窗口，不要重复启动。",
            )
            % paths.root,
        )
        return None
    try:
        ws = Workspace.open(paths.root)
    except DatabaseError as exc:
        lock.unlock()
        QMessageBox.critical(
            None, QCoreApplication.translate("Application", "落实台账"), exc.message
        )
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
    window.show()
    return Session(lock, ws, window, translators)


def run_gui(data_dir: str | None = None) -> int:
    app = create_app()
    session = start(data_dir)
    if session is None:
        return 1
    code = app.exec()
    session.close()
    return int(code)


def main() -> int:  # pragma: no cover
    return run_gui(None)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
