"""Evidence of the selected measure: attach (also by dropping files), describe, open, remove."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from desktop.domain import ProgressCallback
from desktop.services import evidence, ledger
from desktop.ui.errors import show_error
from desktop.ui.tasks import BackgroundOp

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


class EvidenceActions(QObject):
    """Answers the detail panel's evidence buttons; copying runs in the background."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("evidenceActions")
        self.window = window
        d = window.detail
        d.attach_requested.connect(self.attach_evidence)
        d.open_evidence_requested.connect(self.open_evidence)
        d.remove_evidence_requested.connect(self.remove_evidence)
        d.describe_evidence_requested.connect(self.describe_evidence)
        d.files_dropped.connect(self.attach_files)
        d.evidence_path = window.ws.store.path_for

    def attach_evidence(self, measure_id: int) -> None:
        path = self.window.ask_open_file(self.tr("选择佐证材料"), self.tr("所有文件 (*)"))
        if path is not None:
            self.attach_files(measure_id, [path])

    def attach_files(self, measure_id: int, paths: list[Path]) -> None:
        """Copy files into the evidence store in the background (they may be large)."""
        w = self.window
        ws, quarter = w.ws, w.quarter

        def work(report_progress: ProgressCallback) -> list[str]:
            names = []
            for i, path in enumerate(paths):
                if not report_progress(i, len(paths)):
                    break
                evidence.attach(ws, measure_id, path, quarter=quarter)
                names.append(path.name)
            return names

        def done(names: list[str]) -> None:
            w.show_measure(measure_id)
            w.inform(self.tr("已添加佐证材料：%s") % "、".join(names))

        def failed(exc: BaseException) -> None:
            w.show_measure(measure_id)
            show_error(w, exc)

        BackgroundOp(w, work, self.tr("正在保存佐证材料…")).success(done).failure(failed).run()

    def describe_evidence(self, evidence_id: int) -> None:
        w = self.window
        measure_id = w.detail.measure_id
        if measure_id is None:
            return
        current = next(
            (
                e.description
                for e in ledger.measure_detail(w.ws.db, measure_id, w.quarter).evidence
                if e.id == evidence_id
            ),
            "",
        )
        text = w.ask_text(self.tr("佐证材料说明"), self.tr("说明："), current)
        if text is None:
            return
        try:
            evidence.describe(w.ws, evidence_id, text.strip())
        except Exception as exc:
            show_error(w, exc)
        w.show_measure(measure_id)

    def open_evidence(self, evidence_id: int) -> None:
        w = self.window
        try:
            # The store's file has no extension; the viewer gets a copy under the original name.
            path = evidence.viewable_copy(w.ws, evidence_id)
        except Exception as exc:
            show_error(w, exc)
            return
        w.open_external(path)

    def remove_evidence(self, evidence_id: int) -> None:
        w = self.window
        if not w.confirm(self.tr("确定移除该佐证材料吗？")):
            return
        measure_id = w.detail.measure_id
        try:
            evidence.remove(w.ws, evidence_id)
        except Exception as exc:
            show_error(w, exc)
        if measure_id is not None:
            w.show_measure(measure_id)
