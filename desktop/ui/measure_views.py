"""The measures of the selected plan as a flat table or a tree by section, one visible at a time."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QByteArray, QEvent, QItemSelection, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMenu,
    QStackedWidget,
    QTableView,
    QTreeView,
    QWidget,
)

from desktop.domain import Status
from desktop.services.ledger import MeasureRow
from desktop.ui.criteria import MeasureFilter
from desktop.ui.item_models import SORT_ROLE, MeasureTableModel
from desktop.ui.measure_filter import MeasureFilterProxy
from desktop.ui.measure_tree import MeasureTreeModel
from desktop.ui.vocabulary import OVERDUE, column_label, status_label, tr
from desktop.ui.widgets import named

M = MeasureTableModel
HIDDEN_AT_FIRST = (M.RESPONSIBLE, M.LAST)
TITLE_MIN = 200  # the measure title stays readable however many columns are shown


def default_widths(metrics: QFontMetrics) -> dict[int, int]:
    """Column widths that fit their header and their longest usual value in this language."""

    def fit(*texts: str, pad: int = 18) -> int:
        return max(metrics.horizontalAdvance(t) for t in texts) + pad

    def header(col: int) -> str:
        return column_label(col) + "  "  # room for the sort arrow beside the text

    statuses = [f"{status_label(s)} · {tr(OVERDUE)}" for s in Status]
    return {
        M.LIGHT: max(30, fit(header(M.LIGHT))),
        M.NUMBER: fit(header(M.NUMBER), "（二十一）"),
        M.LEAD: 120,
        M.RESPONSIBLE: 150,
        M.DEADLINE: fit(header(M.DEADLINE), "2023-06-30"),
        M.STATUS: fit(header(M.STATUS), *statuses),
        M.LAST: fit(header(M.LAST), "2023-06-30"),
        M.EVIDENCE: fit(header(M.EVIDENCE), "99"),
    }


class MeasureViews(QStackedWidget):
    """Table and tree over one model; filters are applied to the visible one only.

    The hidden view is refiltered when it is shown, so typing in the search box costs one view.
    """

    measure_selected = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fitting = False
        self.model = MeasureTableModel()
        self.proxy = MeasureFilterProxy()
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = named(QTableView(), "measureTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        # Document order (一、（一）1.) until the officer clicks a header.
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.setWordWrap(False)

        self.tree_model = MeasureTreeModel(self.model)
        self.tree = named(QTreeView(), "measureTree")
        self.tree.setModel(self.tree_model)
        self.tree.setUniformRowHeights(True)  # 10,000 rows: no per-row height queries
        self.tree.setIndentation(16)
        # The branch lines go in the number column, so the light dots keep their own column.
        self.tree.setTreePosition(M.NUMBER)

        for view in (self.table, self.tree):
            view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            view.setAlternatingRowColors(True)
            view.setTabKeyNavigation(False)  # Tab leaves the list for the detail panel
            header = self._header(view)
            header.setSectionsMovable(True)
            header.setStretchLastSection(False)
            header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            header.customContextMenuRequested.connect(lambda pos, v=view: self._header_menu(v, pos))
            for col, width in default_widths(view.fontMetrics()).items():
                header.resizeSection(col, width)
            for col in HIDDEN_AT_FIRST:
                header.setSectionHidden(col, True)
            header.sectionResized.connect(lambda *_a, v=view: self._fit_title(v))
            view.viewport().installEventFilter(self)
        # Room for the indentation of three levels of headings before the number.
        self.tree.header().resizeSection(M.NUMBER, self.tree.header().sectionSize(M.NUMBER) + 48)
        self.tree.header().setSortIndicatorShown(False)

        self.table.selectionModel().selectionChanged.connect(self._table_selected)
        self.tree.selectionModel().selectionChanged.connect(self._tree_selected)
        self.model.modelReset.connect(self._rows_reset)
        self.tree_model.modelAboutToBeReset.connect(self._tree_about_to_reset)
        self.tree_model.modelReset.connect(self._tree_reset)
        self._tree_keep: int | None = None
        self.addWidget(self.table)
        self.addWidget(self.tree)
        self._stale: dict[QAbstractItemView, bool] = {self.table: False, self.tree: False}
        self._quiet = 0

    # -- which view -----------------------------------------------------------------------------
    @property
    def grouped(self) -> bool:
        return self.currentWidget() is self.tree

    def current_view(self) -> QAbstractItemView:
        view = self.currentWidget()
        assert isinstance(view, QAbstractItemView)
        return view

    def set_grouped(self, grouped: bool) -> None:
        keep = self.selected_id()
        view = self.tree if grouped else self.table
        if view is self.currentWidget():
            return
        self.setCurrentWidget(view)
        if self._stale[view]:
            self._refilter(view)
        if keep is not None:
            with self.quiet():
                self.select_measure(keep)

    # -- rows and filters -------------------------------------------------------------------------
    def set_rows(self, rows: list[MeasureRow], criteria: MeasureFilter | None = None) -> None:
        """New rows (another plan); with the criteria they are filtered once, during the reset."""
        if criteria is not None:
            self.model.criteria = criteria
        self.model.set_rows(rows)

    def set_criteria(self, criteria: MeasureFilter) -> None:
        self.model.set_criteria(criteria)
        current = self.current_view()
        self._refilter(current)
        self._mark_stale(self.tree if current is self.table else self.table)

    def shown_count(self) -> int:
        return self.model.accepted_count()

    def _refilter(self, view: QAbstractItemView) -> None:
        if view is self.tree:
            self.tree_model.rebuild()
        else:
            self.proxy.refilter()
        self._stale[view] = False

    def _mark_stale(self, view: QAbstractItemView) -> None:
        self._stale[view] = True
        if view is self.tree:
            self.tree_model.stale = True

    def replace_rows(self, rows: list[MeasureRow], criteria: MeasureFilter) -> None:
        """The same measures with new values (another quarter), refiltered once."""
        # The proxy would otherwise re-test every row on the model's dataChanged, then again.
        self.proxy.setDynamicSortFilter(False)
        try:
            self.model.replace_rows(rows)
            self.set_criteria(criteria)
        finally:
            self.proxy.setDynamicSortFilter(True)

    def _rows_reset(self) -> None:
        if self.grouped:
            self.tree_model.rebuild()
        else:
            self._mark_stale(self.tree)

    def _tree_about_to_reset(self) -> None:
        self._tree_keep = self.selected_id() if self.grouped else None

    def _tree_reset(self) -> None:
        """Headings start expanded; the selection is kept."""
        tree, model = self.tree, self.tree_model
        for node in model.headings:
            tree.setExpanded(model.index_of_node(node), True)
        if self._tree_keep is not None:
            index = model.index_of_row(self.model.row_of(self._tree_keep))
            if index.isValid():
                with self.quiet():
                    tree.setCurrentIndex(index)
        self._tree_keep = None

    # -- selection --------------------------------------------------------------------------------
    @contextmanager
    def quiet(self) -> Iterator[None]:
        """Selection changes made by the program (not the officer) do not switch the detail panel."""
        self._quiet += 1
        try:
            yield
        finally:
            self._quiet -= 1

    def selected_id(self) -> int | None:
        if self.grouped:
            rows = self.tree.selectionModel().selectedRows()
            row = self.tree_model.table_row(rows[0]) if rows else -1
        else:
            rows = self.table.selectionModel().selectedRows()
            row = self.proxy.mapToSource(rows[0]).row() if rows else -1
        return self.model.row_at(row).id if row >= 0 else None

    def is_shown(self, measure_id: int) -> bool:
        row = self.model.row_of(measure_id)
        return row >= 0 and self.model.accepted(row)

    def select_measure(self, measure_id: int) -> bool:
        row = self.model.row_of(measure_id)
        if row < 0:
            return False
        if self.grouped:
            index = self.tree_model.index_of_row(row)
            if not index.isValid():
                return False
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)
            return True
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True

    def clear_selection(self) -> None:
        with self.quiet():
            self.current_view().clearSelection()

    def _table_selected(self, *_: QItemSelection) -> None:
        if self._quiet or self.grouped:
            return
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.measure_selected.emit(self.model.row_at(self.proxy.mapToSource(rows[0]).row()).id)

    def _tree_selected(self, *_: QItemSelection) -> None:
        if self._quiet or not self.grouped:
            return
        rows = self.tree.selectionModel().selectedRows()
        if not rows:
            return
        row = self.tree_model.table_row(rows[0])
        if row >= 0:
            self.measure_selected.emit(self.model.row_at(row).id)

    # -- columns ----------------------------------------------------------------------------------
    @staticmethod
    def _header(view: QAbstractItemView) -> QHeaderView:
        return view.header() if isinstance(view, QTreeView) else view.horizontalHeader()  # type: ignore[attr-defined]

    def column_hidden(self, view: QAbstractItemView, column: int) -> bool:
        return self._header(view).isSectionHidden(column)

    def set_column_hidden(self, view: QAbstractItemView, column: int, hidden: bool) -> None:
        self._header(view).setSectionHidden(column, hidden)
        self._fit_title(view)

    def _header_menu(self, view: QAbstractItemView, pos: QPoint) -> None:
        self.column_menu(view).exec(self._header(view).mapToGlobal(pos))

    def column_menu(self, view: QAbstractItemView) -> QMenu:
        menu = QMenu(self)
        menu.setObjectName("columnMenu")
        for col in range(M.COLUMN_COUNT):
            if col == M.TITLE:
                continue
            action = menu.addAction(column_label(col))
            action.setCheckable(True)
            action.setChecked(not self.column_hidden(view, col))
            action.toggled.connect(lambda on, c=col, v=view: self.set_column_hidden(v, c, not on))
        return menu

    def _fit_title(self, view: QAbstractItemView) -> None:
        """The title column takes the room the others leave, but never less than TITLE_MIN."""
        header = self._header(view)
        others = sum(
            header.sectionSize(c)
            for c in range(M.COLUMN_COUNT)
            if c != M.TITLE and not header.isSectionHidden(c)
        )
        width = max(TITLE_MIN, view.viewport().width() - others)
        if self._fitting or header.sectionSize(M.TITLE) == width:
            return
        self._fitting = True
        try:
            header.resizeSection(M.TITLE, width)
        finally:
            self._fitting = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            for view in (self.table, self.tree):
                if watched is view.viewport():
                    self._fit_title(view)
        return super().eventFilter(watched, event)

    def header_states(self) -> dict[str, QByteArray]:
        return {
            "columns": self.table.horizontalHeader().saveState(),
            "tree_columns": self.tree.header().saveState(),
        }

    def restore_header(self, key: str, state: QByteArray) -> None:
        header = self.table.horizontalHeader() if key == "columns" else self.tree.header()
        header.restoreState(state)
