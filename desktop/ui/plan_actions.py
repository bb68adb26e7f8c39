"""Menu actions that bring plans in: import a file or task list, import a new version of a plan."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog

from desktop.domain import ProgressCallback
from desktop.readers.xlsx import ColumnMapping, WorkbookScan, is_workbook
from desktop.services import importing, tasklists, updating
from desktop.ui.errors import show_error, show_notice
from desktop.ui.import_preview import ImportPreviewDialog
from desktop.ui.mapping_dialog import MappingDialog
from desktop.ui.plan_history import ArchivedDialog, VersionsDialog
from desktop.ui.tasks import BackgroundOp
from desktop.ui.update_dialog import UpdateDialog

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

D = TypeVar("D", bound=QDialog)


class PlanActions(QObject):
    """导入文件… and 导入新版本…; the window asks its questions (tests answer them there)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("planActions")
        self.window = window
        self.import_action = QAction(
            self.tr("导入文件(&I)…"), window, shortcut=QKeySequence(QKeySequence.StandardKey.Open)
        )
        self.import_action.triggered.connect(self.import_file)
        self.update_action = QAction(self.tr("导入新版本(&U)…"), window)
        self.update_action.setToolTip(self.tr("用修订后的文件或任务表更新所选计划，保留已有进展"))
        self.update_action.triggered.connect(self.update_plan)
        self.versions_action = QAction(self.tr("版本记录(&H)…"), window)
        self.versions_action.setToolTip(self.tr("所选计划的各个版本：导入时间、来源文件、变化"))
        self.versions_action.triggered.connect(self.show_versions)
        self.archived_action = QAction(self.tr("已归档措施(&A)…"), window)
        self.archived_action.setToolTip(self.tr("新版本中删去的措施，连同它们的进展记录（只读）"))
        self.archived_action.triggered.connect(self.show_archived)
        self.versions_dialog: VersionsDialog | None = None
        self.archived_dialog: ArchivedDialog | None = None

    def import_filter(self) -> str:
        # .xls is listed so that an old workbook can be picked and the reader says how to
        # convert it (or reads it, when it is an .xlsx under that name).
        return self.tr("政策文件或任务表 (*.txt *.docx *.pdf *.xlsx *.xlsm *.xls);;所有文件 (*)")

    # -- import -------------------------------------------------------------------------------
    def import_file(self) -> None:
        w = self.window
        path = w.ask_open_file(self.tr("导入政策文件或任务分解表"), self.import_filter())
        if path is None:
            return
        if is_workbook(path):
            self._import_workbook(path)
            return
        BackgroundOp(
            w,
            lambda _progress: importing.preview_file(path),
            self.tr("正在读取“%s”…") % path.name,
        ).success(self._confirm_import).run()

    def _import_workbook(self, path: Path) -> None:
        w = self.window

        def read(mappings: dict[str, ColumnMapping]) -> None:
            def work(report_progress: ProgressCallback) -> importing.ImportPreview:
                return importing.preview_file(path, mappings, report_progress)

            BackgroundOp(w, work, self.tr("正在读取“%s”…") % path.name).success(
                self._confirm_import
            ).run()

        self._ask_columns(path, self.tr("下一步：预览"), self.tr("已取消导入，数据未改变"), read)

    def _ask_columns(
        self,
        path: Path,
        next_step: str,
        cancelled: str,
        then: Callable[[dict[str, ColumnMapping]], None],
    ) -> None:
        """Scan the workbook, apply the remembered columns, let the officer confirm them in the
        mapping dialog, remember what was confirmed, then go on with `then`."""
        w = self.window
        ws = w.ws

        def scan(_progress: ProgressCallback) -> WorkbookScan:
            found = tasklists.scan(path)
            tasklists.apply_remembered(ws.db, found)
            return found

        def confirm(found: WorkbookScan) -> None:
            dialog = MappingDialog(found, path.name, w)
            dialog.ok_button.setText(next_step)
            if not w.ask_mapping(dialog):
                w.inform(cancelled)
                return
            mappings = dialog.mappings()
            tasklists.remember(ws.db, mappings, ws.author)
            then(mappings)

        BackgroundOp(w, scan, self.tr("正在识别“%s”的表头…") % path.name).success(confirm).run()

    def _confirm_import(self, preview: importing.ImportPreview) -> None:
        w = self.window
        dialog = ImportPreviewDialog(preview, w)
        if not w.ask_preview(dialog):
            w.inform(self.tr("已取消导入，数据未改变"))
            return
        edited = dialog.edited_preview()
        ws = w.ws

        def work(report_progress: ProgressCallback) -> importing.ImportOutcome:
            return importing.import_preview(ws, edited, report_progress)

        def done(outcome: importing.ImportOutcome) -> None:
            w.refresh_plans(select_id=outcome.plan_ids[0] if outcome.plan_ids else None)
            text = self.tr("已导入 %d 个计划，共 %d 项措施") % (
                len(outcome.plan_ids),
                outcome.measure_count,
            )
            w.inform(text)

        BackgroundOp(w, work, self.tr("正在导入“%s”…") % preview.source.name).success(
            done
        ).cancelled(lambda: w.inform(self.tr("已取消导入，数据未改变"))).run()

    # -- new version --------------------------------------------------------------------------
    def update_plan(self) -> None:
        w = self.window
        plan_id = w.current_plan_id()
        if plan_id is None:
            w.inform(self.tr("请先在左侧选择要更新的计划"))
            return
        path = w.ask_open_file(self.tr("选择新版本文件"), self.import_filter())
        if path is None:
            return
        if is_workbook(path):
            # The columns are confirmed as at import: a revised list may have moved or renamed one.
            self._ask_columns(
                path,
                self.tr("下一步：比对"),
                self.tr("已取消更新，数据未改变"),
                lambda mappings: self._propose(plan_id, path, mappings),
            )
            return
        self._propose(plan_id, path, None)

    def _propose(self, plan_id: int, path: Path, mappings: dict[str, ColumnMapping] | None) -> None:
        w = self.window
        ws = w.ws

        def propose(report_progress: ProgressCallback) -> updating.UpdateProposal:
            return updating.propose_update(ws, plan_id, path, mappings, report_progress)

        def confirm(proposal: updating.UpdateProposal) -> None:
            dialog = UpdateDialog(proposal, w)
            if not w.ask_update(dialog):
                w.inform(self.tr("已取消更新，数据未改变"))
                return
            corrections = dialog.corrections

            def apply(_progress: ProgressCallback) -> updating.UpdateOutcome:
                return updating.apply_update(ws, proposal, corrections)

            def done(outcome: updating.UpdateOutcome) -> None:
                w.refresh_plans(select_id=plan_id)
                w.inform(
                    self.tr("已更新为第 %d 版：保留 %d 项，新增 %d 项，归档 %d 项")
                    % (outcome.version, outcome.kept, outcome.added, outcome.archived)
                )
                if outcome.warnings:
                    # Progress the new list carried but that was not taken: say which and why.
                    show_notice(
                        w,
                        self.tr("已更新，但有提示"),
                        "\n".join(outcome.warnings[:5]),
                        "updateWarnings",
                        details="\n".join(outcome.warnings),
                    )

            BackgroundOp(w, apply, self.tr("正在更新计划…")).success(done).run()

        BackgroundOp(w, propose, self.tr("正在比对新版本…")).success(confirm).run()

    # -- versions and archived measures -----------------------------------------------------
    def _chosen_plan(self) -> tuple[int, str] | None:
        w = self.window
        plan_id = w.current_plan_id()
        if plan_id is None:
            w.inform(self.tr("请先在左侧选择一个计划"))
            return None
        return plan_id, w.plan_model.plan_at(w.plan_model.row_of(plan_id)).title

    def show_versions(self) -> None:
        chosen = self._chosen_plan()
        if chosen is None:
            return
        plan_id, title = chosen
        try:
            versions = updating.plan_versions(self.window.ws, plan_id)
        except Exception as exc:
            show_error(self.window, exc)
            return
        self.versions_dialog = self._replace(
            self.versions_dialog, VersionsDialog(title, versions, self.window)
        )

    def show_archived(self) -> None:
        chosen = self._chosen_plan()
        if chosen is None:
            return
        plan_id, title = chosen
        try:
            measures = updating.archived_measures(self.window.ws, plan_id)
        except Exception as exc:
            show_error(self.window, exc)
            return
        self.archived_dialog = self._replace(
            self.archived_dialog, ArchivedDialog(title, measures, self.window)
        )

    @staticmethod
    def _replace(old: QDialog | None, new: D) -> D:
        """Read-only views stay open beside the window; a second call shows the fresh one."""
        if old is not None:
            old.close()
            old.deleteLater()
        new.show()
        return new
