"""Review of a department's returned fill-in workbook: changes to apply, conflicts to decide."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services.fillin import FIELD_NAMES, FieldChange, FillinReview, field_value
from desktop.ui.vocabulary import tr
from desktop.ui.widgets import named

KEY_ROLE = Qt.ItemDataRole.UserRole + 20


class FillinReviewDialog(QDialog):
    def __init__(self, review: FillinReview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.review = review
        book = review.workbook
        self.setWindowTitle(self.tr("导入填报表 — %s") % book.unit)
        self.resize(960, 560)
        layout = QVBoxLayout(self)
        diff = review.diff
        summary = QLabel(
            self.tr("%s %s：改动 %d 处将写入；冲突 %d 处需要您决定（默认保留现有内容）。")
            % (book.unit, book.quarter, len(diff.changes), len(diff.conflicts))
        )
        summary.setWordWrap(True)
        layout.addWidget(summary)
        self.tree = named(QTreeWidget(), "fillinTree")
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(
            [self.tr("措施"), self.tr("项目"), self.tr("现有内容"), self.tr("部门填写")]
        )
        self.tree.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.tree.setColumnWidth(0, 220)
        self.tree.setWordWrap(True)
        changes = QTreeWidgetItem([self.tr("将写入的改动（%d）") % len(diff.changes)])
        conflicts = QTreeWidgetItem(
            [self.tr("冲突：勾选则采用部门填写（%d）") % len(diff.conflicts)]
        )
        self.tree.addTopLevelItem(changes)
        self.tree.addTopLevelItem(conflicts)
        for change in diff.changes:
            changes.addChild(self._item(change))
        self.conflict_items: list[QTreeWidgetItem] = []
        for change in diff.conflicts:
            item = self._item(change)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Unchecked)
            conflicts.addChild(item)
            self.conflict_items.append(item)
        self.tree.expandAll()
        layout.addWidget(self.tree, 1)
        notes = []
        if diff.unknown_ids:
            notes.append(self.tr("%d 行对应的措施已不存在，将被忽略。") % len(diff.unknown_ids))
        # What the reader left out of the workbook and why (formulas, unknown statuses, rows
        # missing): the officer decides whether to ask the department again.
        notes.extend(book.warnings)
        self.warnings = named(QLabel("\n".join(notes)), "fillinWarnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet("color: #92400e;")
        self.warnings.setVisible(bool(notes))
        layout.addWidget(self.warnings)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("写入"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _item(self, change: FieldChange) -> QTreeWidgetItem:
        title = self.review.titles.get(change.measure_id, str(change.measure_id))
        current = self._value(change, change.current)
        incoming = self._value(change, change.incoming)
        item = QTreeWidgetItem([title, tr(FIELD_NAMES[change.field]), current or "—", incoming])
        item.setData(0, KEY_ROLE, (change.measure_id, change.field))
        for col in (2, 3):
            item.setToolTip(col, item.text(col))
        return item

    @staticmethod
    def _value(change: FieldChange, value: str) -> str:
        # A status is stored as a code ('done'): shown by its label, in the interface language.
        return tr(field_value(change, value)) if change.field == "status" else value

    def take_incoming(self) -> dict[tuple[int, str], bool]:
        return {
            tuple(item.data(0, KEY_ROLE)): True
            for item in self.conflict_items
            if item.checkState(0) == Qt.CheckState.Checked
        }
