"""Excel column mapping: which row is the header, which column holds the task, the units, the
deadline; confirmed per sheet, for every visible sheet even when no header was recognised."""

from __future__ import annotations

import copy
from datetime import date

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import Quarter
from desktop.readers import ReadError
from desktop.readers.xlsx import (
    FIELD_LABELS,
    FIELDS,
    ColumnMapping,
    SheetScan,
    WorkbookScan,
    column_letter,
    mapping_at_row,
)
from desktop.ui.vocabulary import quarter_label, tr
from desktop.ui.widgets import named

__all__ = ["MappingDialog", "column_letter"]

_PREVIEW_ROWS = 8
_HEADER_BRUSH = QBrush(QColor("#dbeafe"))


class _SheetPage(QWidget):
    """One sheet: include it or not, its header row, its columns, year and progress quarter."""

    def __init__(self, sheet: SheetScan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sheet = sheet
        self.mapping: ColumnMapping | None = copy.deepcopy(sheet.mapping)
        layout = QVBoxLayout(self)
        self.include = named(QCheckBox(self.tr("导入此工作表")), f"include_{sheet.name}")
        self.include.setChecked(self.mapping is not None)
        layout.addWidget(self.include)
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout.addWidget(self.note)

        row_line = QHBoxLayout()
        row_line.addWidget(QLabel(self.tr("表头所在行：")))
        self.header_row = named(QSpinBox(), f"headerRow_{sheet.name}")
        rows = sorted(sheet.preview)
        self.header_row.setRange(rows[0] if rows else 1, rows[-1] if rows else 1)
        if self.mapping is not None:
            self.header_row.setValue(self.mapping.header_row)
        else:
            self.header_row.setSpecialValueText(self.tr("（请选择）"))
            self.header_row.setMinimum(0)
            self.header_row.setValue(0)
        row_line.addWidget(self.header_row)
        row_line.addStretch(1)
        layout.addLayout(row_line)

        self.preview = named(QTableWidget(), f"preview_{sheet.name}")
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.preview.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.preview.verticalHeader().setDefaultSectionSize(22)
        self.preview.setMinimumHeight(150)
        self.preview.setMaximumHeight(200)
        self._fill_preview()
        self.preview.cellClicked.connect(self._pick_row)
        layout.addWidget(self.preview)

        # Two fields a row: the whole list and the preview fit a 768-pixel-high screen.
        form = QGridLayout()
        form.setHorizontalSpacing(8)
        self.combos: dict[str, QComboBox] = {}
        for i, field in enumerate(FIELDS):
            combo = named(QComboBox(), f"map_{field}")
            self.combos[field] = combo
            label = QLabel(self.tr("%s：") % tr(FIELD_LABELS[field]))
            label.setBuddy(combo)
            form.addWidget(label, i // 2, (i % 2) * 2)
            form.addWidget(combo, i // 2, (i % 2) * 2 + 1)
        last = (len(FIELDS) + 1) // 2
        self.year = named(QSpinBox(), f"year_{sheet.name}")
        self.year.setRange(1999, 2100)
        self.year.setSpecialValueText(self.tr("（未指定）"))
        self.year.setSuffix(self.tr(" 年"))
        self.year.setMinimum(1999)
        year_label = QLabel(self.tr("无年份的时限按："))
        year_label.setBuddy(self.year)
        form.addWidget(year_label, last, 0)
        form.addWidget(self.year, last, 1)
        self.quarter = named(QComboBox(), f"quarter_{sheet.name}")
        into_label = QLabel(self.tr("进展情况记入："))
        into_label.setBuddy(self.quarter)
        form.addWidget(into_label, last, 2)
        form.addWidget(self.quarter, last, 3)
        form.setColumnStretch(1, 1)
        form.setColumnStretch(3, 1)
        layout.addLayout(form)
        self.unused = named(QLabel(), f"unused_{sheet.name}")
        self.unused.setWordWrap(True)
        self.unused.setStyleSheet("color: #92400e;")
        layout.addWidget(self.unused)
        layout.addStretch(1)
        self.header_row.valueChanged.connect(self._header_row_changed)
        self.combos["progress"].currentIndexChanged.connect(self._progress_changed)
        for combo in self.combos.values():
            combo.currentIndexChanged.connect(self._show_unused)
        self.include.toggled.connect(self._show_unused)
        self._load_mapping()

    # -- header row ---------------------------------------------------------------------------
    def _fill_preview(self) -> None:
        rows = sorted(self.sheet.preview)[:_PREVIEW_ROWS]
        if self.mapping is not None and self.mapping.header_row not in rows:
            rows.append(self.mapping.header_row)
        width = max((max(t) for t in self.sheet.preview.values() if t), default=1)
        self.preview.setRowCount(len(rows))
        self.preview.setColumnCount(width)
        self.preview.setHorizontalHeaderLabels([column_letter(c) for c in range(1, width + 1)])
        self.preview.setVerticalHeaderLabels([str(r) for r in rows])
        # A narrow sheet fills the preview; a wide one keeps readable columns and scrolls.
        self.preview.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Stretch if width <= 8 else QHeaderView.ResizeMode.Interactive
        )
        self._preview_rows = rows
        self.preview.clearSpans()
        for i, r in enumerate(rows):
            texts = self.sheet.preview.get(r, {})
            if len(texts) > 1 and len(set(texts.values())) == 1:
                # A title or section merged across the row comes back in every cell: show it
                # once, across the columns it covers, as the workbook does.
                first, last = min(texts), max(texts)
                texts = {first: texts[first]}
                self.preview.setSpan(i, first - 1, 1, last - first + 1)
            for c, text in texts.items():
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.preview.setItem(i, c - 1, item)
        self._mark_header()

    def _mark_header(self) -> None:
        current = self.mapping.header_row if self.mapping is not None else None
        for i, r in enumerate(self._preview_rows):
            for c in range(self.preview.columnCount()):
                item = self.preview.item(i, c)
                if item is not None:
                    item.setBackground(_HEADER_BRUSH if r == current else QBrush())

    def _pick_row(self, index: int, _column: int) -> None:
        self.header_row.setValue(self._preview_rows[index])

    def _header_row_changed(self, row: int) -> None:
        if row < 1:
            return
        try:
            self.mapping = mapping_at_row(self.sheet, row)
        except ReadError as exc:
            self.note.setText(exc.message)
            return
        self.include.setChecked(True)
        self._load_mapping()
        self._mark_header()

    # -- columns ------------------------------------------------------------------------------
    def _load_mapping(self) -> None:
        m = self.mapping
        if m is None:
            self.note.setText(
                self.tr(
                    "没有认出这个工作表的表头。如果它是任务表，请在下面的预览中点选表头（列名）"
                    "所在的行，再指定各列。"
                )
            )
        else:
            info = self.tr("表头在第 %d 行，数据从第 %d 行开始。") % (
                m.header_row,
                m.first_data_row,
            )
            if m.title:
                info = self.tr("标题：%s。") % m.title + info
            self.note.setText(info)
        for field, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("（不导入）"), 0)
            if m is not None:
                for col in sorted(m.headers):
                    combo.addItem(self.tr("%s 列：%s") % (column_letter(col), m.headers[col]), col)
                combo.setCurrentIndex(max(combo.findData(m.columns.get(field, 0)), 0))
            combo.setEnabled(m is not None)
            combo.blockSignals(False)
        self.year.setValue(m.year if m is not None and m.year else self.year.minimum())
        self.year.setEnabled(m is not None)
        self._fill_quarters()
        self._progress_changed()
        self._show_unused()

    def _fill_quarters(self) -> None:
        self.quarter.clear()
        today = Quarter.of(date.today())
        wanted = self.mapping.progress_quarter if self.mapping is not None else None
        year = self.year.value() if self.year.value() > self.year.minimum() else today.year
        choices = {str(Quarter(y, q)) for y in (year - 1, year, today.year) for q in (1, 2, 3, 4)}
        if wanted:
            choices.add(wanted)
        for q in sorted(choices, reverse=True):
            self.quarter.addItem(quarter_label(Quarter.parse(q)), q)
        self.quarter.setCurrentIndex(max(self.quarter.findData(wanted or str(today)), 0))

    def _show_unused(self, *_: object) -> None:
        """Name the header columns no field takes: a renamed column (承担单位 for 牵头单位)
        is easy to miss in the list of fields, and its contents would be dropped."""
        m = self.mapping
        if m is None or not self.include.isChecked():
            self.unused.clear()
            return
        taken = {c.currentData() for c in self.combos.values()}
        left = [
            self.tr("%s 列“%s”") % (column_letter(col), m.headers[col])
            for col in sorted(m.headers)
            if col not in taken and m.headers[col].strip()
        ]
        self.unused.setText(
            self.tr(
                "这些列没有对应任何项目，不会导入：%s。如果其中有需要的内容，请在上面为它选择。"
            )
            % self.tr("、").join(left)
            if left
            else ""
        )

    def _progress_changed(self, *_: object) -> None:
        self.quarter.setEnabled(bool(self.combos["progress"].currentData()))

    def result(self) -> ColumnMapping | None:
        if not self.include.isChecked() or self.mapping is None:
            return None
        m = self.mapping
        m.columns = {f: int(c.currentData()) for f, c in self.combos.items() if c.currentData()}
        m.year = self.year.value() if self.year.value() > self.year.minimum() else None
        m.progress_quarter = self.quarter.currentData() if "progress" in m.columns else None
        return m


class MappingDialog(QDialog):
    def __init__(self, scan: WorkbookScan, file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("确认列对应关系 — %s") % file_name)
        self.resize(900, 600)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "请确认表头所在的行和每一列的含义。确认后，同样表头的表格下次（包括导入新版本时）"
                "会自动使用这一设置。"
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.tabs = named(QTabWidget(), "sheetTabs")
        self.pages: dict[str, _SheetPage] = {}
        skipped = []
        for sheet in scan.sheets:
            if sheet.hidden or not sheet.preview:
                reason = sheet.reason or self.tr("工作表是空的。")
                skipped.append(self.tr("“%s”：%s") % (sheet.name, reason))
                continue
            page = _SheetPage(sheet)
            self.pages[sheet.name] = page
            label = (
                sheet.name if sheet.mapping is not None else sheet.name + self.tr("（未认出表头）")
            )
            self.tabs.addTab(page, label)
            page.include.toggled.connect(self._validate)
            page.header_row.valueChanged.connect(self._validate)
            for combo in page.combos.values():
                combo.currentIndexChanged.connect(self._validate)
        first_found = next((i for i, p in enumerate(self.pages.values()) if p.mapping), 0)
        self.tabs.setCurrentIndex(first_found)
        layout.addWidget(self.tabs, 1)
        if skipped:
            note = QLabel(self.tr("以下工作表不会导入：") + "；".join(skipped))
            note.setWordWrap(True)
            note.setStyleSheet("color: #92400e;")
            layout.addWidget(note)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b91c1c;")
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("下一步：预览"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._validate()

    def mappings(self) -> dict[str, ColumnMapping]:
        out = {}
        for name, page in self.pages.items():
            result = page.result()
            if result is not None:
                out[name] = result
        return out

    def _validate(self, *_: object) -> None:
        problem = ""
        for name, page in self.pages.items():
            if page.include.isChecked() and page.mapping is None:
                problem = self.tr("工作表“%s”还没有选择表头所在的行。") % name
                break
        chosen = self.mappings()
        if not problem and not chosen:
            problem = self.tr("至少要导入一个工作表。")
        for name, mapping in chosen.items():
            if problem:
                break
            if not {"title", "text"} & set(mapping.columns):
                problem = (
                    self.tr("工作表“%s”还没有指定任务内容所在的列（重点任务或具体措施）。") % name
                )
        self.problem.setText(problem)
        self.ok_button.setEnabled(not problem)
