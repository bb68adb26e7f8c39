"""The measures as a tree by section (一、 › （一） › measure), sharing the table's rows and filters."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont

from desktop.ui.item_models import MeasureTableModel
from desktop.ui.measure_filter import MeasureFilter

Index = QModelIndex | QPersistentModelIndex


@dataclass(eq=False)
class _Node:
    title: str = ""
    row: int = -1  # row in the table model for a measure; -1 for a heading
    parent: _Node | None = None
    children: list[_Node] = field(default_factory=list)

    def index_in_parent(self) -> int:
        return self.parent.children.index(self) if self.parent else 0


class MeasureTreeModel(QAbstractItemModel):
    """Headings as parents, measures as leaves; the measure columns come from the table model."""

    def __init__(self, table: MeasureTableModel) -> None:
        super().__init__()
        self.table = table
        self.root = _Node()
        table.modelReset.connect(self.rebuild)
        table.dataChanged.connect(self._table_changed)
        self._leaf_by_row: dict[int, _Node] = {}
        self.rebuild()

    def rebuild(self) -> None:
        self.beginResetModel()
        self.root = _Node()
        self._leaf_by_row = {}
        groups: dict[tuple[str, ...], _Node] = {(): self.root}
        for i, r in enumerate(self.table.rows()):
            parent = self.root
            for depth in range(1, len(r.sections) + 1):
                key = r.sections[:depth]
                if key not in groups:
                    node = _Node(title=key[-1], parent=parent)
                    parent.children.append(node)
                    groups[key] = node
                parent = groups[key]
            leaf = _Node(row=i, parent=parent)
            parent.children.append(leaf)
            self._leaf_by_row[i] = leaf
        self.endResetModel()

    def _table_changed(self, top_left: QModelIndex, bottom_right: QModelIndex) -> None:
        for row in range(top_left.row(), bottom_right.row() + 1):
            leaf = self._leaf_by_row.get(row)
            if leaf is not None:
                first = self.createIndex(leaf.index_in_parent(), 0, leaf)
                last = self.createIndex(leaf.index_in_parent(), self.columnCount() - 1, leaf)
                self.dataChanged.emit(first, last)

    def node(self, index: Index) -> _Node:
        if not index.isValid():
            return self.root
        node: _Node = index.internalPointer()
        return node

    def table_row(self, index: Index) -> int:
        return self.node(index).row

    def index_of_row(self, row: int) -> QModelIndex:
        leaf = self._leaf_by_row.get(row)
        return self.createIndex(leaf.index_in_parent(), 0, leaf) if leaf else QModelIndex()

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        node = self.node(parent)
        if not 0 <= row < len(node.children):
            return QModelIndex()
        return self.createIndex(row, column, node.children[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        node = self.node(index).parent
        if node is None or node is self.root:
            return QModelIndex()
        return self.createIndex(node.index_in_parent(), 0, node)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self.node(parent).children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return self.table.columnCount()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return self.table.headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self.node(index)
        if node.row < 0:
            # Headings sit in the first column, spanned across the row by the view.
            if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
                return node.title
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return None
        return self.table.data(self.table.index(node.row, index.column()), role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class MeasureTreeProxy(QSortFilterProxyModel):
    """Shows a heading when any measure under it passes the filters."""

    def __init__(self) -> None:
        super().__init__()
        self.criteria = MeasureFilter()
        self.setRecursiveFilteringEnabled(True)

    def set_criteria(self, criteria: MeasureFilter) -> None:
        self.beginFilterChange()
        self.criteria = criteria
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, MeasureTreeModel)
        node = model.node(model.index(source_row, 0, source_parent))
        if node.row < 0:
            return False  # headings are shown through their accepted children
        return self.criteria.accepts(model.table.row_at(node.row))
