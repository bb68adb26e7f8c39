"""Report options before rendering, and the preview window with printing and saving."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRect, QRectF, QSize, QSizeF, Qt, Signal
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import Status
from desktop.reports.options import ReportOptions
from desktop.services.reporting import ReportFilter
from desktop.ui.vocabulary import status_label
from desktop.ui.widgets import named

MAX_DPI = 600  # finer than office printers resolve; a whole A4 page at 1200 dpi is 560 MB
BAND_PIXELS = 512  # rows rendered at a time: a band of an A4 page at 600 dpi is about 10 MB


def _on_white(image: QImage) -> QImage:
    """The rendered band on white paper: without alpha the printer gets a plain image."""
    flat = QImage(image.size(), QImage.Format.Format_RGB32)
    flat.fill(Qt.GlobalColor.white)
    p = QPainter(flat)
    p.drawImage(0, 0, image)
    p.end()
    return flat


@dataclass(frozen=True)
class ReportChoice:
    all_plans: bool
    only: ReportFilter
    options: ReportOptions
    word: bool  # editable .docx instead of PDF


class ReportOptionsDialog(QDialog):
    def __init__(
        self,
        plan_title: str | None,
        units: list[str],
        sections: list[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("生成季度报告"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.scope = named(QComboBox(), "reportScope")
        if plan_title:
            self.scope.addItem(self.tr("当前计划：%s") % plan_title, False)
        self.scope.addItem(self.tr("全部计划"), True)
        form.addRow(self.tr("范围："), self.scope)
        self.unit = named(QComboBox(), "reportUnit")
        self.unit.addItem(self.tr("全部单位"), "")
        for u in units:
            self.unit.addItem(u, u)
        form.addRow(self.tr("单位："), self.unit)
        self.section = named(QComboBox(), "reportSection")
        self.section.addItem(self.tr("全部部分"), "")
        for s in sections:
            self.section.addItem(s, s.split("、", 1)[0])
        form.addRow(self.tr("部分："), self.section)
        layout.addLayout(form)
        status_box = QGroupBox(self.tr("包含的状态"))
        status_row = QHBoxLayout(status_box)
        self.statuses: dict[Status, QCheckBox] = {}
        for status in Status:
            box = named(QCheckBox(status_label(status)), f"reportStatus_{status.value}")
            box.setChecked(True)
            self.statuses[status] = box
            status_row.addWidget(box)
        layout.addWidget(status_box)
        layout_box = QGroupBox(self.tr("版式"))
        layout_form = QVBoxLayout(layout_box)
        self.full_text = named(
            QCheckBox(self.tr("措施表列出全文（不勾选则只列标题）")), "reportFullText"
        )
        self.full_text.setChecked(True)
        self.landscape = named(QCheckBox(self.tr("措施表用横向页面")), "reportLandscape")
        self.landscape.setChecked(True)
        self.annex = named(QCheckBox(self.tr("附佐证材料清单")), "reportAnnex")
        self.annex.setChecked(True)
        for w in (self.full_text, self.landscape, self.annex):
            layout_form.addWidget(w)
        fmt_row = QHBoxLayout()
        self.pdf = QRadioButton(self.tr("PDF（用于打印报送）"))
        self.word = named(QRadioButton(self.tr("Word（可修改文字）")), "reportWord")
        self.pdf.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.pdf)
        group.addButton(self.word)
        fmt_row.addWidget(self.pdf)
        fmt_row.addWidget(self.word)
        layout_form.addLayout(fmt_row)
        layout.addWidget(layout_box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("生成"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def choice(self) -> ReportChoice:
        statuses = frozenset(s for s, box in self.statuses.items() if box.isChecked())
        only = ReportFilter(
            statuses=frozenset() if len(statuses) == len(Status) else statuses,
            units=frozenset({self.unit.currentData()}) if self.unit.currentData() else frozenset(),
            sections=frozenset({self.section.currentData()})
            if self.section.currentData()
            else frozenset(),
        )
        options = ReportOptions(
            full_text=self.full_text.isChecked(),
            landscape_table=self.landscape.isChecked(),
            include_evidence_annex=self.annex.isChecked(),
        )
        return ReportChoice(bool(self.scope.currentData()), only, options, self.word.isChecked())


class ReportPreview(QDialog):
    """The PDF as it will print: page view, 打印…, 另存为…, 用系统查看器打开."""

    open_externally = Signal(Path)

    def __init__(self, pdf: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pdf = pdf
        self.setWindowTitle(self.tr("打印预览 — %s") % pdf.name)
        self.resize(900, 760)
        self.document = QPdfDocument(self)
        self.document.load(str(pdf))
        self.view = named(QPdfView(self), "pdfView")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pages = QLabel(self.tr("共 %d 页") % self.document.pageCount())
        self.print_button = named(QPushButton(self.tr("打印…")), "printButton")
        self.print_button.clicked.connect(self.print_dialog)
        self.save_button = QPushButton(self.tr("另存为…"))
        self.save_button.clicked.connect(self.save_as)
        self.external_button = named(QPushButton(self.tr("用系统查看器打开")), "openExternal")
        self.external_button.clicked.connect(lambda: self.open_externally.emit(self.pdf))
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.close)
        bar = QHBoxLayout()
        bar.addWidget(self.pages, 1)
        for b in (self.print_button, self.save_button, self.external_button, close):
            bar.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(bar)

    def pages_to_print(self, printer: QPrinter) -> list[int]:
        """0-based pages the dialog asked for: all, a range such as 1-3,7, or the current one."""
        count = self.document.pageCount()
        mode = printer.printRange()
        if mode == QPrinter.PrintRange.CurrentPage:
            return [min(max(self.view.pageNavigator().currentPage(), 0), count - 1)]
        ranges = printer.pageRanges()
        if mode == QPrinter.PrintRange.PageRange and not ranges.isEmpty():
            return [p for p in range(count) if ranges.contains(p + 1)]
        return list(range(count))

    def print_to(self, printer: QPrinter) -> int:
        """Print the pages asked for at true size; returns the pages sent.

        Pages are drawn on the full sheet (no driver margins added, so the GB/T 9704 margins
        stay where the PDF puts them), a page shown turned (/Rotate) goes back onto the sheet
        the way it was laid out, and each page is rendered in bands at no more than MAX_DPI.
        """
        pages = self.pages_to_print(printer) if self.document.pageCount() else []
        if not pages:
            return 0
        printer.setFullPage(True)
        painter = QPainter()
        if not painter.begin(printer):
            return 0
        sent = 0
        try:
            for i, page in enumerate(pages):
                if i:
                    printer.newPage()
                self._print_page(painter, printer, page)
                sent += 1
        finally:
            painter.end()
        return sent

    def _print_page(self, painter: QPainter, printer: QPrinter, page: int) -> None:
        shown = self.document.pagePointSize(page)  # as a viewer shows it, /Rotate applied
        res = printer.resolution()
        paper = printer.pageLayout().fullRectPoints()
        turn = (shown.width() > shown.height()) != (paper.width() > paper.height())
        sheet = QSizeF(shown.height(), shown.width()) if turn else shown
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.scale(res / 72.0, res / 72.0)  # from here on in points
        # A sheet that differs from the paper (A4 on Letter) is centred, never scaled.
        painter.translate(
            (paper.width() - sheet.width()) / 2, (paper.height() - sheet.height()) / 2
        )
        if turn:
            # The viewer turned the sheet a quarter clockwise; turn it back.
            painter.translate(0, sheet.height())
            painter.rotate(-90)
        dpi = min(res, MAX_DPI)
        width = max(1, round(shown.width() * dpi / 72))
        height = max(1, round(shown.height() * dpi / 72))
        options = QPdfDocumentRenderOptions()
        options.setScaledSize(QSize(width, height))
        for top in range(0, height, BAND_PIXELS):
            rows = min(BAND_PIXELS, height - top)
            options.setScaledClipRect(QRect(0, top, width, rows))
            band = self.document.render(page, QSize(width, rows), options)
            target = QRectF(0, top * 72 / dpi, shown.width(), rows * 72 / dpi)
            painter.drawImage(target, _on_white(band))
        painter.restore()

    def print_dialog(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.pdf.stem)
        printer.setFullPage(True)
        printer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                QMarginsF(0, 0, 0, 0),
            )
        )
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, max(1, self.document.pageCount()))
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintCurrentPage, True)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def save_as(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getSaveFileName(self, self.tr("另存为"), str(self.pdf), "PDF (*.pdf)")
        if name:
            shutil.copyfile(self.pdf, name)

    def closeEvent(self, event: object) -> None:
        self.document.close()
        super().closeEvent(event)  # type: ignore[arg-type]
