"""Menu actions that write files: quarterly report, supervision notice, Excel ledger, fill-in forms."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from desktop.domain import ProgressCallback
from desktop.services import reporting
from desktop.ui.report_dialogs import ReportOptionsDialog, ReportPreview
from desktop.ui.tasks import BackgroundOp

if TYPE_CHECKING:
    from desktop.services import fillin
    from desktop.ui.main_window import MainWindow


class ReportActions(QObject):
    """生成季度报告…, 生成督办单…, 导出台账…, and the department fill-in workbooks."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("reportActions")
        self.window = window
        self.report_action = QAction(
            self.tr("生成季度报告(&R)…"), window, shortcut=QKeySequence("Ctrl+P")
        )
        self.report_action.triggered.connect(self.make_report)
        self.notice_action = QAction(self.tr("生成督办单(&N)…"), window)
        self.notice_action.triggered.connect(self.make_notice)
        self.export_action = QAction(self.tr("导出台账（Excel）(&E)…"), window)
        self.export_action.triggered.connect(self.export_ledger)
        self.fillin_export_action = QAction(self.tr("导出部门填报表(&D)…"), window)
        self.fillin_export_action.triggered.connect(self.export_fillin)
        self.fillin_import_action = QAction(self.tr("导入部门填报表(&B)…"), window)
        self.fillin_import_action.triggered.connect(self.import_fillin)

    # -- quarterly report ---------------------------------------------------------------------
    def make_report(self) -> None:
        w = self.window
        quarter = w.quarter
        dialog = ReportOptionsDialog(reporting.report_scope(w.ws), w.current_plan_id(), w)
        if not w.ask_report_options(dialog):
            return
        choice = dialog.choice()
        suffix, file_filter = (
            (".docx", self.tr("Word 文档 (*.docx)"))
            if choice.word
            else (".pdf", self.tr("PDF 文件 (*.pdf)"))
        )
        suggested = w.ws.paths.reports / (self.tr("季度报告-%s") % quarter + suffix)
        out = w.ask_save_file(self.tr("保存季度报告"), suggested, file_filter, suffix)
        if out is None:
            return
        ws, today = w.ws, w.today
        plans = list(choice.plan_ids)

        def work(report_progress: ProgressCallback) -> int:
            return reporting.write_pdf_report(
                ws, quarter, out, plans, report_progress, choice.options, choice.only, today
            )

        def done(pages: int) -> None:
            if out.suffix.lower() == ".docx":
                w.inform(self.tr("Word 报告已生成：%s") % out)
                w.open_external(out)
                return
            w.inform(self.tr("报告已生成：%s（%d 页）") % (out, pages))
            self.show_preview(out)

        BackgroundOp(w, work, self.tr("正在生成季度报告…")).success(done).run()

    def show_preview(self, pdf: Path) -> ReportPreview:
        w = self.window
        preview = ReportPreview(pdf, w)
        preview.open_externally.connect(w.open_external)
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        preview.show()
        w.preview = preview
        return preview

    # -- supervision notice -------------------------------------------------------------------
    def make_notice(self) -> None:
        w = self.window
        quarter = w.quarter
        plan_id = w.current_plan_id()
        suggested = w.ws.paths.reports / (self.tr("督办单-%s") % quarter + ".pdf")
        out = w.ask_save_file(self.tr("保存督办单"), suggested, self.tr("PDF 文件 (*.pdf)"), ".pdf")
        if out is None:
            return
        ws, today = w.ws, w.today
        plans = [plan_id] if plan_id is not None else None

        def work(_progress: ProgressCallback) -> int:
            return reporting.write_supervision_notice(ws, quarter, out, plans, today)

        def done(pages: int) -> None:
            w.inform(self.tr("督办单已生成：%s（%d 页）") % (out, pages))
            self.show_preview(out)

        BackgroundOp(w, work, self.tr("正在生成督办单…")).success(done).run()

    # -- Excel ledger -------------------------------------------------------------------------
    def export_ledger(self) -> None:
        w = self.window
        quarter = w.quarter
        plan_id = w.current_plan_id()
        suggested = w.ws.paths.reports / (self.tr("落实台账-%s") % quarter + ".xlsx")
        out = w.ask_save_file(
            self.tr("导出台账"), suggested, self.tr("Excel 工作簿 (*.xlsx)"), ".xlsx"
        )
        if out is None:
            return
        ws, today = w.ws, w.today
        plans = [plan_id] if plan_id is not None else None

        def work(report_progress: ProgressCallback) -> int:
            return reporting.write_ledger_xlsx(
                ws, quarter, out, plans, report_progress, today=today
            )

        def done(rows: int) -> None:
            w.inform(self.tr("台账已导出：%s（%d 项措施）") % (out, rows))
            w.open_external(out)

        BackgroundOp(w, work, self.tr("正在导出台账…")).success(done).run()

    # -- department fill-in workbooks ---------------------------------------------------------
    def export_fillin(self) -> None:
        from desktop.services import fillin  # openpyxl: loaded when first needed, not at start

        w = self.window
        quarter = w.quarter
        plan_id = w.current_plan_id()
        folder = w.ask_directory(self.tr("选择填报表的保存位置"), w.ws.paths.reports)
        if folder is None:
            return
        ws = w.ws
        plans = [plan_id] if plan_id is not None else None

        def work(report_progress: ProgressCallback) -> list[tuple[str, Path, int]]:
            return fillin.export_workbooks(ws, quarter, folder, None, plans, report_progress)

        def done(written: list[tuple[str, Path, int]]) -> None:
            w.inform(self.tr("已生成 %d 个单位的填报表：%s") % (len(written), folder))
            w.open_external(folder)

        BackgroundOp(w, work, self.tr("正在生成部门填报表…")).success(done).run()

    def import_fillin(self) -> None:
        from desktop.services import fillin
        from desktop.ui.fillin_dialog import FillinReviewDialog

        w = self.window
        path = w.ask_open_file(self.tr("选择部门交回的填报表"), self.tr("Excel 工作簿 (*.xlsx)"))
        if path is None:
            return
        ws = w.ws

        def read(_progress: ProgressCallback) -> fillin.FillinReview:
            return fillin.review(ws, path)

        def confirm(review: fillin.FillinReview) -> None:
            dialog = FillinReviewDialog(review, w)
            if not w.ask_fillin(dialog):
                w.inform(self.tr("已取消，数据未改变"))
                return
            take = dialog.take_incoming()

            def write(_progress: ProgressCallback) -> int:
                return fillin.apply(ws, review, take)

            def done(count: int) -> None:
                w.refresh_measures()
                w.inform(self.tr("已写入 %d 处（填报人：%s）") % (count, review.author))

            BackgroundOp(w, write, self.tr("正在写入…")).success(done).run()

        BackgroundOp(w, read, self.tr("正在读取填报表…")).success(confirm).run()
