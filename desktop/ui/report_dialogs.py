"""Report options before rendering, and the preview window with printing and saving."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF, QRect, QRectF, QSize, QSizeF, Qt, Signal
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import Status
from desktop.reports.options import ReportOptions
from desktop.reports.summary import document_name
from desktop.services.reporting import ReportFilter, ScopePlan
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
    plan_ids: tuple[int, ...]
    only: ReportFilter
    options: ReportOptions
    word: bool  # editable .docx instead of PDF


def _checkable(text: str, data: object, checked: bool, tip: str = "") -> QListWidgetItem:
    item = QListWidgetItem(text)
    item.setFlags(
        Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable
    )
    item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
    item.setData(Qt.ItemDataRole.UserRole, data)
    if tip:
        item.setToolTip(tip)
    return item


def _checked(items: QListWidget) -> list[Any]:
    out = []
    for i in range(items.count()):
        item = items.item(i)
        data = item.data(Qt.ItemDataRole.UserRole)
        if data is not None and item.checkState() == Qt.CheckState.Checked:
            out.append(data)
    return out


def _heading_item(text: str, tip: str) -> QListWidgetItem:
    """A plan's name above its parts: not checkable, only there to say whose parts follow."""
    item = QListWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled)
    font = item.font()
    font.setBold(True)
    item.setFont(font)
    item.setToolTip(tip)
    return item


def _eliding(items: QListWidget) -> QListWidget:
    """Long plan titles and unit names end in … (full text in the tooltip), no sideways scroll."""
    items.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    items.setTextElideMode(Qt.TextElideMode.ElideRight)
    items.setUniformItemSizes(True)
    return items


def _set_all(items: QListWidget, checked: bool, visible_only: bool = False) -> None:
    state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
    for i in range(items.count()):
        item = items.item(i)
        if item.flags() & Qt.ItemFlag.ItemIsUserCheckable and not (
            visible_only and item.isHidden()
        ):
            item.setCheckState(state)


class ReportOptionsDialog(QDialog):
    """What the report covers (plans, parts, units, statuses) and how it is laid out; the same
    choices as `python main.py report --plan/--section/--unit/--status`."""

    def __init__(
        self,
        scope: Sequence[ScopePlan],
        current_plan: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("生成季度报告"))
        self.scope = list(scope)
        several = len(self.scope) > 1
        outer = QVBoxLayout(self)
        columns = QHBoxLayout()
        outer.addLayout(columns, 1)

        left = QVBoxLayout()
        columns.addLayout(left, 1)
        plan_box = QGroupBox(self.tr("计划（可多选）"))
        plan_layout = QVBoxLayout(plan_box)
        self.plans = named(_eliding(QListWidget()), "reportPlans")
        for plan in self.scope:
            name = document_name(plan.title)
            if plan.id == current_plan:
                name = self.tr("（当前）%s") % name
            checked = current_plan is None or plan.id == current_plan
            self.plans.addItem(_checkable(name, plan.id, checked, plan.title))
        self.plans.setMaximumHeight(self._rows_height(self.plans, min(max(len(self.scope), 2), 5)))
        plan_layout.addWidget(self.plans)
        if several:
            plan_layout.addLayout(self._all_none(self.plans, "reportPlans"))
        left.addWidget(plan_box)
        section_box = QGroupBox(self.tr("部分（不勾选即全部）"))
        section_layout = QVBoxLayout(section_box)
        self.sections = named(_eliding(QListWidget()), "reportSections")
        section_layout.addWidget(self.sections)
        left.addWidget(section_box, 1)

        unit_box = QGroupBox(self.tr("牵头或责任单位（不勾选即全部）"))
        unit_layout = QVBoxLayout(unit_box)
        self.unit_search = named(QLineEdit(), "reportUnitSearch")
        self.unit_search.setPlaceholderText(self.tr("输入单位名称的一部分查找"))
        self.unit_search.setClearButtonEnabled(True)
        self.unit_search.textChanged.connect(self._filter_units)
        unit_layout.addWidget(self.unit_search)
        self.units = named(_eliding(QListWidget()), "reportUnits")
        unit_layout.addWidget(self.units, 1)
        unit_row = QHBoxLayout()
        self.unit_count = named(QLabel(), "reportUnitCount")
        unit_row.addWidget(self.unit_count, 1)
        shown = QPushButton(self.tr("勾选查到的"))
        shown.clicked.connect(lambda: _set_all(self.units, True, visible_only=True))
        none = QPushButton(self.tr("全不选"))
        none.clicked.connect(lambda: _set_all(self.units, False))
        unit_row.addWidget(shown)
        unit_row.addWidget(none)
        unit_layout.addLayout(unit_row)
        columns.addWidget(unit_box, 1)

        status_box = QGroupBox(self.tr("包含的状态"))
        status_row = QHBoxLayout(status_box)
        self.statuses: dict[Status, QCheckBox] = {}
        for status in Status:
            box = named(QCheckBox(status_label(status)), f"reportStatus_{status.value}")
            box.setChecked(True)
            box.toggled.connect(self._update_ok)
            self.statuses[status] = box
            status_row.addWidget(box)
        status_row.addStretch(1)
        outer.addWidget(status_box)

        layout_box = QGroupBox(self.tr("版式"))
        grid = QGridLayout(layout_box)
        self.full_text = named(QRadioButton(self.tr("全文")), "reportFullText")
        self.title_only = named(QRadioButton(self.tr("仅标题")), "reportTitleOnly")
        self.landscape = named(QRadioButton(self.tr("横向（宽表，适合全文）")), "reportLandscape")
        self.portrait = named(QRadioButton(self.tr("纵向")), "reportPortrait")
        self.pdf = named(QRadioButton(self.tr("PDF（用于打印报送）")), "reportPdf")
        self.word = named(QRadioButton(self.tr("Word（可修改文字）")), "reportWord")
        rows = (
            (self.tr("措施表内容："), self.full_text, self.title_only),
            (self.tr("措施表页面："), self.landscape, self.portrait),
            (self.tr("文件格式："), self.pdf, self.word),
        )
        for r, (label, first, second) in enumerate(rows):
            group = QButtonGroup(self)
            group.addButton(first)
            group.addButton(second)
            first.setChecked(True)
            grid.addWidget(QLabel(label), r, 0)
            grid.addWidget(first, r, 1)
            grid.addWidget(second, r, 2)
        self.annex = named(QCheckBox(self.tr("附佐证材料清单")), "reportAnnex")
        self.annex.setChecked(True)
        grid.addWidget(self.annex, len(rows), 1, 1, 2)
        grid.setColumnStretch(3, 1)
        outer.addWidget(layout_box)

        self.problem = named(QLabel(), "reportProblem")
        self.problem.setStyleSheet("color: #b00000;")
        outer.addWidget(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("生成"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)

        self.plans.itemChanged.connect(self._plans_changed)
        self.units.itemChanged.connect(self._count_units)
        self._plans_changed()
        # Fits a 1366×768 screen with the taskbar, and leaves room for long unit names.
        self.resize(920, 620)

    # -- helpers ------------------------------------------------------------------------------
    @staticmethod
    def _rows_height(items: QListWidget, rows: int) -> int:
        return items.fontMetrics().height() * rows + 8 * rows + 2 * items.frameWidth()

    def _all_none(self, items: QListWidget, name: str) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addStretch(1)
        every = named(QPushButton(self.tr("全选")), f"{name}All")
        every.clicked.connect(lambda: _set_all(items, True))
        none = QPushButton(self.tr("全不选"))
        none.clicked.connect(lambda: _set_all(items, False))
        row.addWidget(every)
        row.addWidget(none)
        return row

    def _chosen_plans(self) -> list[ScopePlan]:
        wanted = set(_checked(self.plans))
        return [p for p in self.scope if p.id in wanted]

    def _plans_changed(self, *_args: object) -> None:
        """Parts and units offered are those of the plans checked; checks already made stay."""
        plans = self._chosen_plans()
        kept_sections = set(_checked(self.sections))
        kept_units = set(_checked(self.units))
        self.sections.clear()
        several = len(plans) > 1
        for plan in plans:
            if several and plan.sections:
                self.sections.addItem(_heading_item(document_name(plan.title), plan.title))
            for number, heading in plan.sections:
                key = (plan.id, number)
                text = f"\u3000{heading}" if several else heading
                self.sections.addItem(_checkable(text, key, key in kept_sections, heading))
        self.units.blockSignals(True)
        self.units.clear()
        for unit in sorted({u for p in plans for u in p.units}):
            self.units.addItem(_checkable(unit, unit, unit in kept_units))
        self.units.blockSignals(False)
        self._filter_units(self.unit_search.text())
        self._update_ok()

    def _filter_units(self, text: str) -> None:
        needle = "".join(text.split())
        for i in range(self.units.count()):
            item = self.units.item(i)
            item.setHidden(bool(needle) and needle not in item.text())
        self._count_units()

    def _count_units(self, *_args: object) -> None:
        n = len(_checked(self.units))
        total = self.units.count()
        shown = sum(not self.units.item(i).isHidden() for i in range(total))
        text = (
            self.tr("已选 %d 个（共 %d 个）") % (n, total) if n else self.tr("全部 %d 个") % total
        )
        if shown < total:
            text = self.tr("查到 %d 个 · ") % shown + text
        self.unit_count.setText(text)

    def _update_ok(self, *_args: object) -> None:
        if not _checked(self.plans):
            problem = self.tr("请至少勾选一个计划。")
        elif not any(box.isChecked() for box in self.statuses.values()):
            problem = self.tr("请至少勾选一种状态。")
        else:
            problem = ""
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        self.ok.setEnabled(not problem)

    # -- result -------------------------------------------------------------------------------
    def choice(self) -> ReportChoice:
        statuses = frozenset(s for s, box in self.statuses.items() if box.isChecked())
        plan_ids = tuple(int(i) for i in _checked(self.plans))
        sections = frozenset((int(pid), str(num)) for pid, num in _checked(self.sections))
        only = ReportFilter(
            statuses=frozenset() if len(statuses) == len(Status) else statuses,
            units=frozenset(str(u) for u in _checked(self.units)),
            plan_sections=sections,
        )
        options = ReportOptions(
            full_text=self.full_text.isChecked(),
            landscape_table=self.landscape.isChecked(),
            include_evidence_annex=self.annex.isChecked(),
        )
        return ReportChoice(plan_ids, only, options, self.word.isChecked())


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
