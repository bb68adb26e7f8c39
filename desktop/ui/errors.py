"""The one error dialog (user errors in plain Chinese, anything else with details to copy) and
the one notice box for results that need more than the status bar."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.models import DatabaseError
from desktop.parsing import ParseError
from desktop.readers import ReadError
from desktop.services.errors import UserError

USER_ERRORS = (UserError, ReadError, ParseError, DatabaseError)


def message_for(exc: BaseException) -> str:
    # Messages of user errors come from the services, which are written in Chinese only.
    if isinstance(exc, USER_ERRORS):
        return exc.message
    return (
        QCoreApplication.translate(
            "Errors", "操作未能完成：%s。数据未被修改。如问题反复出现，请将详细信息发给技术支持。"
        )
        % exc
    )


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title or QCoreApplication.translate("Errors", "出错了"))
    box.setText(message_for(exc))
    details = getattr(exc, "__traceback_text__", None)
    if details and not isinstance(exc, USER_ERRORS):
        box.setDetailedText(details)
    box.setObjectName("errorDialog")
    box.open()


def show_notice(
    parent: QWidget,
    title: str,
    text: str,
    name: str,
    details: str | None = None,
    warning: bool = False,
) -> QMessageBox:
    """A non-blocking message; an older box of the same `name` is replaced, not stacked."""
    old = parent.findChild(QMessageBox, name)
    if old is not None:
        old.setObjectName("")
        old.close()
        old.deleteLater()
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information)
    box.setWindowTitle(title)
    box.setText(text)
    if details:
        box.setDetailedText(details)
    box.setObjectName(name)
    box.open()
    return box
