"""Undoable user actions (Ctrl+Z): status changes and progress edits, for the session."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from desktop.domain import Quarter, Status
from desktop.services import progress
from desktop.services.workspace import Workspace
from desktop.ui.vocabulary import status_label


@dataclass(frozen=True)
class ProgressTexts:
    progress_text: str
    problems: str
    next_steps: str


class StatusCommand(QUndoCommand):
    def __init__(
        self,
        ws: Workspace,
        measure_id: int,
        old: Status,
        new: Status,
        refresh: Callable[[int], None],
    ) -> None:
        # Shown in the Edit menu as 撤销/重做 + this text.
        super().__init__(QCoreApplication.translate("Commands", "状态改为“%s”") % status_label(new))
        self.ws, self.measure_id, self.old, self.new, self.refresh = (
            ws,
            measure_id,
            old,
            new,
            refresh,
        )

    def redo(self) -> None:
        progress.set_status(self.ws, self.measure_id, self.new)
        self.refresh(self.measure_id)

    def undo(self) -> None:
        progress.set_status(self.ws, self.measure_id, self.old)
        self.refresh(self.measure_id)


class ProgressCommand(QUndoCommand):
    def __init__(
        self,
        ws: Workspace,
        measure_id: int,
        quarter: Quarter,
        old: ProgressTexts,
        new: ProgressTexts,
        refresh: Callable[[int], None],
    ) -> None:
        super().__init__(QCoreApplication.translate("Commands", "修改季度进展"))
        self.ws, self.measure_id, self.quarter = ws, measure_id, quarter
        self.old, self.new, self.refresh = old, new, refresh
        self.changed = False
        self._first = True

    def _write(self, texts: ProgressTexts) -> bool:
        return progress.save_progress(
            self.ws,
            self.measure_id,
            self.quarter,
            progress_text=texts.progress_text,
            problems=texts.problems,
            next_steps=texts.next_steps,
        )

    def redo(self) -> None:
        self.changed = self._write(self.new)
        if not self._first:
            self.refresh(self.measure_id)
        self._first = False

    def undo(self) -> None:
        self._write(self.old)
        self.refresh(self.measure_id)
