"""Excel column mapping: which column holds the task, the units, the deadline; confirmed per sheet."""

from __future__ import annotations

import copy

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.readers.xlsx import FIELD_LABELS, FIELDS, ColumnMapping, WorkbookScan
from desktop.ui.widgets import named


def column_letter(index: int) -> str:
    letters = ""
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(ord("A") + rem) + letters
    return letters


class _SheetPage(QWidget):
    def __init__(self, mapping: ColumnMapping, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mapping = copy.deepcopy(mapping)
        layout = QVBoxLayout(self)
        self.include = named(QCheckBox(self.tr("导入此工作表")), f"include_{mapping.sheet}")
        self.include.setChecked(True)
        layout.addWidget(self.include)
        info = self.tr("表头在第 %d 行，数据从第 %d 行开始。") % (
            mapping.header_row,
            mapping.first_data_row,
        )
        if mapping.title:
            info = self.tr("标题：%s。") % mapping.title + info
        note = QLabel(info)
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        self.combos: dict[str, QComboBox] = {}
        for field in FIELDS:
            combo = named(QComboBox(), f"map_{field}")
            combo.addItem(self.tr("（不导入）"), 0)
            for col in sorted(mapping.headers):
                combo.addItem(f"{column_letter(col)} 列：{mapping.headers[col]}", col)
            current = mapping.columns.get(field, 0)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            self.combos[field] = combo
            form.addRow(FIELD_LABELS[field] + "：", combo)
        layout.addLayout(form)
        layout.addStretch(1)

    def result(self) -> ColumnMapping | None:
        if not self.include.isChecked():
            return None
        columns = {f: int(c.currentData()) for f, c in self.combos.items() if c.currentData()}
        self.mapping.columns = columns
        return self.mapping


class MappingDialog(QDialog):
    def __init__(self, scan: WorkbookScan, file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("确认列对应关系 — %s") % file_name)
        self.resize(620, 520)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("请确认每一列的含义。确认后，同样表头的表格下次会自动使用这一设置。")
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.tabs = named(QTabWidget(), "sheetTabs")
        self.pages: dict[str, _SheetPage] = {}
        skipped = []
        for sheet in scan.sheets:
            if sheet.mapping is None:
                skipped.append(f"“{sheet.name}”：{sheet.reason or self.tr('未找到表头')}")
                continue
            page = _SheetPage(sheet.mapping)
            self.pages[sheet.name] = page
            self.tabs.addTab(page, sheet.name)
            page.include.toggled.connect(self._validate)
            for combo in page.combos.values():
                combo.currentIndexChanged.connect(self._validate)
        layout.addWidget(self.tabs, 1)
        if skipped:
            note = QLabel(self.tr("以下工作表不会导入：") + "；".join(skipped))
            note.setWordWrap(True)
            note.setStyleSheet("color: #92400e;")
            layout.addWidget(note)
        self.problem = QLabel()
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
        chosen = self.mappings()
        problem = ""
        if not chosen:
            problem = self.tr("至少要导入一个工作表。")
        for name, mapping in chosen.items():
            if not {"title", "text"} & set(mapping.columns):
                problem = (
                    self.tr("工作表“%s”还没有指定任务内容所在的列（重点任务或具体措施）。") % name
                )
                break
        self.problem.setText(problem)
        self.ok_button.setEnabled(not problem)
