"""The audit log window: every change with time, author, old and new value; filter and export."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.services import auditlog
from desktop.services.workspace import Workspace
from desktop.ui.errors import show_error
from desktop.ui.widgets import named, with_suffix

_Index = QModelIndex | QPersistentModelIndex


class AuditTableModel(QAbstractTableModel):
    """Rows of the audit log (newest first) as the seven columns of `auditlog.COLUMNS`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries: list[auditlog.AuditEntry] = []
        self._rows: list[tuple[str, ...]] = []

    def set_entries(self, entries: list[auditlog.AuditEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self._rows = [e.row() for e in self._entries]
        self.endResetModel()

    def entry_at(self, row: int) -> auditlog.AuditEntry:
        return self._entries[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(auditlog.COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        text = self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return text if len(text) <= 120 else text[:118] + "…"
        if role == Qt.ItemDataRole.ToolTipRole and len(text) > 40:
            return text
        if role == Qt.ItemDataRole.UserRole:
            return text
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(auditlog.COLUMNS)
        ):
            return auditlog.COLUMNS[section]
        return None


class AuditDialog(QDialog):
    """Filter by any text (author, action, measure, value); export what is shown to CSV."""

    def __init__(
        self,
        ws: Workspace,
        parent: QWidget | None = None,
        ask_save_file: Callable[[str, Path, str, str], Path | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self._ask_save_file = ask_save_file
        self.setWindowTitle(self.tr("操作日志"))
        self.resize(1000, 600)
        self.model = AuditTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterRole(Qt.ItemDataRole.UserRole)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter_edit = named(QLineEdit(), "auditFilter")
        self.filter_edit.setPlaceholderText(self.tr("输入文字筛选：操作人、操作、措施编号、内容…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._filter)
        self.table = named(QTableView(), "auditTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for col, width in ((0, 150), (1, 80), (2, 100), (3, 70), (4, 50)):
            self.table.setColumnWidth(col, width)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.count_label = named(QLabel(), "auditCount")
        self.export_button = named(QPushButton(self.tr("导出 CSV…")), "auditExport")
        self.export_button.clicked.connect(self.export)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.export_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.reload()

    def reload(self) -> None:
        self.model.set_entries(auditlog.list_entries(self.ws.db))
        self._update_count()

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if shown == total:
            self.count_label.setText(self.tr("共 %d 条记录") % total)
        else:
            self.count_label.setText(self.tr("显示 %d 条，共 %d 条记录") % (shown, total))

    def export(self) -> None:
        suggested = self.ws.paths.reports / "操作日志.csv"
        title, filt = self.tr("导出操作日志"), self.tr("CSV 文件 (*.csv)")
        if self._ask_save_file is not None:
            out = self._ask_save_file(title, suggested, filt, ".csv")
        else:
            name, _ = QFileDialog.getSaveFileName(self, title, str(suggested), filt)
            out = with_suffix(Path(name), ".csv") if name else None
        if out is None:
            return
        try:
            n = auditlog.export_csv(self.ws.db, out, self.filter_edit.text())
        except Exception as exc:
            show_error(self, exc)
            return
        self.count_label.setText(self.tr("已导出 %d 条记录到 %s") % (n, out))
