"""The measures as a tree by section (一、 › （一） › measure), sharing the table's rows and filters."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QFont

from desktop.ui.item_models import MeasureTableModel

Index = QModelIndex | QPersistentModelIndex
_COLUMNS = MeasureTableModel.COLUMN_COUNT
TITLE = MeasureTableModel.TITLE
_ROW_SIZE = QSize(0, 24)


class _Node:
    """A heading (row -1, with children) or a measure (its row in the table model)."""

    __slots__ = ("children", "parent", "position", "row", "title")

    def __init__(self, title: str = "", row: int = -1) -> None:
        self.title = title
        self.row = row
        self.parent: _Node | None = None
        self.position = 0  # index among the parent's children, kept so parent() is O(1)
        self.children: list[_Node] = []

    def add(self, child: _Node) -> _Node:
        child.parent = self
        child.position = len(self.children)
        self.children.append(child)
        return child


class MeasureTreeModel(QAbstractItemModel):
    """Headings as parents, measures as leaves; the measure columns come from the table model.

    The tree holds only the measures that pass the filters (the table model decides) and the
    headings above them. It filters itself rather than sitting behind a QSortFilterProxyModel:
    a proxy over a Python tree model calls back into Python for every index and parent of every
    row on each keystroke, which at 10,000 measures took a third of a second.
    """

    def __init__(self, table: MeasureTableModel) -> None:
        super().__init__()
        self.table = table
        self.root = _Node()
        self._bold = QFont()
        self._bold.setBold(True)
        table.dataChanged.connect(self._table_changed)
        self._leaf_by_row: dict[int, _Node] = {}
        self.headings: list[_Node] = []
        # Set while the tree is hidden and the filters changed: it is rebuilt when shown, and
        # row edits meanwhile cost nothing.
        self.stale = False
        self._built: tuple[int, list[bool]] | None = None
        self._sections_of: tuple[int, list[tuple[str, ...]]] | None = None
        self._leaves: list[_Node] = []
        self.rebuild()

    def rebuild(self) -> None:
        """Regroup the accepted rows (after new rows or new filters)."""
        self.stale = False
        built = (self.table.generation, self.table.accepted_flags())
        if built == self._built:
            return  # same rows pass as before (e.g. a first letter every title has)
        generation, accepted = built
        if self._sections_of is None or self._sections_of[0] != generation:
            # Once per set of rows: each row's heading path, and a leaf node to reuse.
            rows = self.table.rows()
            self._sections_of = (generation, [r.sections for r in rows])
            self._leaves = [_Node("", i) for i in range(len(rows))]
        self._built = built
        self.beginResetModel()
        self.root = _Node()
        self._leaf_by_row = {}
        self.headings = []
        groups: dict[tuple[str, ...], _Node] = {(): self.root}
        leaves = self._leaf_by_row
        for i, sections in enumerate(self._sections_of[1]):
            if not accepted[i]:
                continue
            parent = groups.get(sections)
            if parent is None:
                parent = self.root
                for depth in range(1, len(sections) + 1):
                    key = sections[:depth]
                    node = groups.get(key)
                    if node is None:
                        node = groups[key] = parent.add(_Node(key[-1]))
                        self.headings.append(node)
                    parent = node
            leaf = self._leaves[i]
            leaf.parent = parent
            leaf.position = len(parent.children)
            parent.children.append(leaf)
            leaves[i] = leaf
        self.endResetModel()

    def _table_changed(self, top_left: QModelIndex, bottom_right: QModelIndex) -> None:
        if self.stale:
            return
        rows = range(top_left.row(), bottom_right.row() + 1)
        if len(rows) > 1:
            # A whole-table refresh (another quarter): one signal per heading is enough; the
            # caller refilters afterwards.
            for parent in [self.root, *self.headings]:
                if parent.children:
                    first = self.createIndex(0, 0, parent.children[0])
                    last = self.createIndex(
                        len(parent.children) - 1, self.columnCount() - 1, parent.children[-1]
                    )
                    self.dataChanged.emit(first, last)
            return
        for row in rows:
            leaf = self._leaf_by_row.get(row)
            if (leaf is not None) != self.table.accepted(row):
                self._built = None
                self.rebuild()  # an edit moved the measure into or out of the filter
                return
            if leaf is not None:
                first = self.createIndex(leaf.position, 0, leaf)
                last = self.createIndex(leaf.position, self.columnCount() - 1, leaf)
                self.dataChanged.emit(first, last)

    def node(self, index: Index) -> _Node:
        if not index.isValid():
            return self.root
        node: _Node = index.internalPointer()
        return node

    def table_row(self, index: Index) -> int:
        return self.node(index).row

    def index_of_row(self, row: int) -> QModelIndex:
        """Index of the table row's measure; invalid when the filters hide it."""
        leaf = self._leaf_by_row.get(row)
        return self.createIndex(leaf.position, 0, leaf) if leaf else QModelIndex()

    def index_of_node(self, node: _Node) -> QModelIndex:
        return QModelIndex() if node is self.root else self.createIndex(node.position, 0, node)

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        # Called for every row when the view lays out: kept lean.
        children = (parent.internalPointer() if parent.isValid() else self.root).children
        if 0 <= row < len(children) and 0 <= column < _COLUMNS:
            return self.createIndex(row, column, children[row])
        return QModelIndex()

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        node = self.node(index).parent
        if node is None or node is self.root:
            return QModelIndex()
        return self.createIndex(node.position, 0, node)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        # Asked for every row as the view lays out (Qt's own flags() keep the call in C++).
        if not parent.isValid():
            return len(self.root.children)
        return len(parent.internalPointer().children) if parent.column() == 0 else 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return self.table.COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return self.table.headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.SizeHintRole:
            return _ROW_SIZE  # rows as tall as the table's, so the light dots have room
        node = self.node(index)
        if node.row < 0:
            # A heading reads in the title column, beside the branch in the number column.
            # (Spanning it across the row cost a relayout per heading on every filter change.)
            if index.column() == TITLE and role in (
                Qt.ItemDataRole.DisplayRole,
                Qt.ItemDataRole.ToolTipRole,
            ):
                return node.title
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
            return None
        return self.table.data(self.table.index(node.row, index.column()), role)
