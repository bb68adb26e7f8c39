"""Background work: one database worker thread, results back by signal, cancellable progress."""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop.domain import Cancelled

# One thread for all database work, so writes never race (Anki's DB executor has one thread too).
_POOL: QThreadPool | None = None


def pool() -> QThreadPool:
    global _POOL
    if _POOL is None:
        _POOL = QThreadPool()
        _POOL.setMaxThreadCount(1)
    return _POOL


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    progress = Signal(int, int)


class _Task(QRunnable):
    def __init__(self, fn: Callable[..., Any], signals: _Signals, with_progress: bool) -> None:
        super().__init__()
        self.fn = fn
        self.signals = signals
        self.with_progress = with_progress
        self.cancel_requested = False
        self.setAutoDelete(True)

    def _report(self, done: int, total: int) -> bool:
        self.signals.progress.emit(done, total)
        return not self.cancel_requested

    @Slot()
    def run(self) -> None:
        try:
            result = self.fn(self._report) if self.with_progress else self.fn()
        except Cancelled:
            self.signals.cancelled.emit()
        except BaseException as exc:  # every failure reaches the one error dialog
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


class BackgroundOp(QObject):
    """A user action run off the UI thread: `BackgroundOp(parent, fn).success(cb).run()`.

    `fn` receives a progress callback `(done, total) -> keep_going` when a label is given, and
    plain data only — never a widget.
    """

    finished = Signal()

    def __init__(self, parent: QWidget, fn: Callable[..., Any], label: str | None = None) -> None:
        super().__init__(parent)
        self._parent = parent
        self._fn = fn
        self._label = label
        self._on_done: Callable[[Any], None] | None = None
        self._on_error: Callable[[BaseException], None] | None = None
        self._on_cancel: Callable[[], None] | None = None
        self._signals = _Signals()
        self._dialog: QProgressDialog | None = None
        self._task: _Task | None = None

    def success(self, cb: Callable[[Any], None]) -> BackgroundOp:
        self._on_done = cb
        return self

    def failure(self, cb: Callable[[BaseException], None]) -> BackgroundOp:
        self._on_error = cb
        return self

    def cancelled(self, cb: Callable[[], None]) -> BackgroundOp:
        self._on_cancel = cb
        return self

    def run(self) -> BackgroundOp:
        self._signals.done.connect(self._done, Qt.ConnectionType.QueuedConnection)
        self._signals.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)
        self._signals.cancelled.connect(self._cancelled, Qt.ConnectionType.QueuedConnection)
        self._task = _Task(self._fn, self._signals, self._label is not None)
        if self._label is not None:
            dialog = QProgressDialog(self._label, self.tr("取消"), 0, 0, self._parent)
            dialog.setWindowTitle(self.tr("请稍候"))
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(300)
            dialog.canceled.connect(self._request_cancel)
            # Starts the dialog's own timer: it appears after minimumDuration even when the work
            # reports no progress, or the same step over and over (Qt shows it only on a change).
            dialog.setValue(0)
            self._signals.progress.connect(self._progress, Qt.ConnectionType.QueuedConnection)
            self._dialog = dialog
        pool().start(self._task)
        return self

    def _request_cancel(self) -> None:
        if self._task is not None:
            self._task.cancel_requested = True

    def _progress(self, done: int, total: int) -> None:
        if self._dialog is not None and not self._dialog.wasCanceled():
            self._dialog.setMaximum(max(total, 1))
            self._dialog.setValue(min(done, max(total, 1)))

    def _close_dialog(self) -> None:
        if self._dialog is not None:
            self._dialog.canceled.disconnect(self._request_cancel)
            self._dialog.reset()
            self._dialog.deleteLater()
            self._dialog = None
        self._task = None

    def _done(self, result: Any) -> None:
        self._close_dialog()
        if self._on_done is not None:
            self._on_done(result)
        self._finish()

    def _failed(self, exc: BaseException) -> None:
        self._close_dialog()
        if self._on_error is not None:
            self._on_error(exc)
        else:
            from desktop.ui.errors import show_error

            show_error(self._parent, exc)
        self._finish()

    def _cancelled(self) -> None:
        self._close_dialog()
        if self._on_cancel is not None:
            self._on_cancel()
        self._finish()

    def _finish(self) -> None:
        self.finished.emit()
        self.deleteLater()


def wait_for_background(timeout_ms: int = 30000) -> bool:
    """For tests and shutdown: block until the worker is idle."""
    return pool().waitForDone(timeout_ms)
