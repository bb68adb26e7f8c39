"""Qt item models over the ledger's plain rows: the plan list and the measure table."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from desktop.domain import Light, Status
from desktop.services.ledger import MeasureRow, PlanSummary
from desktop.ui.criteria import MeasureFilter, haystack
from desktop.ui.delegates import PLAN_ROLE, dot_icon
from desktop.ui.vocabulary import (
    LONG_TERM,
    OVERDUE,
    RESPONSIBLE,
    column_label,
    join_units,
    light_label,
    plan_caption,
    status_label,
    tr,
    version_label,
)

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_COLORS = {
    Status.NOT_STARTED: QColor("#6b7280"),
    Status.IN_PROGRESS: QColor("#1d4ed8"),
    Status.DONE: QColor("#15803d"),
    Status.SUSPENDED: QColor("#a16207"),
}


class PlanListModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self._plans: list[PlanSummary] = []

    def set_plans(self, plans: list[PlanSummary]) -> None:
        self.beginResetModel()
        self._plans = plans
        self.endResetModel()

    def plan_at(self, row: int) -> PlanSummary:
        return self._plans[row]

    def row_of(self, plan_id: int) -> int:
        return next((i for i, p in enumerate(self._plans) if p.id == plan_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._plans)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._plans):
            return None
        plan = self._plans[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{plan.title}\n{plan_caption(plan)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [
                plan.title,
                plan.doc_number or "",
                plan.issuer or "",
                version_label(plan.version),
            ]
            return "\n".join(p for p in parts if p)
        if role == ID_ROLE:
            return plan.id
        if role == PLAN_ROLE:
            return plan
        return None


LIGHT_COLORS = {
    Light.RED: QColor("#dc2626"),
    Light.YELLOW: QColor("#d97706"),
    Light.GREEN: QColor("#16a34a"),
}
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


class MeasureTableModel(QAbstractTableModel):
    """The measures of the selected plan, with the filter's verdict kept per row.

    Filtering is decided here once per change of the criteria (a plain Python loop over the rows),
    so the proxies' filterAcceptsRow is a list lookup and a keystroke stays quick at 10,000 rows.
    """

    LIGHT, NUMBER, TITLE, LEAD, RESPONSIBLE, DEADLINE, STATUS, LAST, EVIDENCE = range(9)
    COLUMN_COUNT = 9

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[MeasureRow] = []
        self._folded: list[str] = []
        self._accepted: list[bool] = []
        self._row_by_id: dict[int, int] = {}
        self._sort_keys: dict[int, list[Any]] = {}
        self.criteria = MeasureFilter()
        self.generation = 0  # counts set_rows: views built on older rows must rebuild

    def set_rows(self, rows: list[MeasureRow]) -> None:
        self.beginResetModel()
        self.generation += 1
        self._rows = list(rows)
        self._folded = [haystack(r) for r in self._rows]
        self._row_by_id = {r.id: i for i, r in enumerate(self._rows)}
        self._sort_keys = {}
        self._refilter()
        self.endResetModel()

    def replace_rows(self, rows: list[MeasureRow]) -> None:
        """Same measures in the same order with new values (another quarter): no reset, so the
        selection and the scroll position survive."""
        if [r.id for r in rows] != [r.id for r in self._rows]:
            self.set_rows(rows)
            return
        self._rows = list(rows)
        self._sort_keys = {}
        self._refilter()
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(rows) - 1, self.COLUMN_COUNT - 1)
            )

    def set_criteria(self, criteria: MeasureFilter) -> None:
        """Decide every row; the caller then tells the visible proxy to refilter."""
        self.criteria = criteria
        self._refilter()

    def _refilter(self) -> None:
        c = self.criteria
        if c.is_empty():
            self._accepted = [True] * len(self._rows)
        else:
            self._accepted = [
                c.accepts(r, f) for r, f in zip(self._rows, self._folded, strict=True)
            ]

    def accepted(self, row: int) -> bool:
        return self._accepted[row]

    def accepted_flags(self) -> list[bool]:
        return list(self._accepted)

    def accepted_count(self) -> int:
        return sum(self._accepted)

    def rows(self) -> list[MeasureRow]:
        return list(self._rows)

    def update_row(self, row: MeasureRow) -> None:
        i = self._row_by_id.get(row.id)
        if i is None:
            return
        self._rows[i] = row
        self._folded[i] = haystack(row)
        self._accepted[i] = self.criteria.accepts(row, self._folded[i])
        self._sort_keys = {}
        self.dataChanged.emit(self.index(i, 0), self.index(i, self.COLUMN_COUNT - 1))

    def row_at(self, row: int) -> MeasureRow:
        return self._rows[row]

    def row_of(self, measure_id: int) -> int:
        return self._row_by_id.get(measure_id, -1)

    def sort_key(self, row: int, column: int) -> Any:
        keys = self._sort_keys.get(column)
        if keys is None:
            keys = self._sort_keys[column] = [
                self._sort_value(r, i, column) for i, r in enumerate(self._rows)
            ]
        return keys[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return column_label(section)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == ID_ROLE:
            return r.id
        if role == Qt.ItemDataRole.DisplayRole:
            return "" if col == self.LIGHT else self._display(r, col)
        if role == Qt.ItemDataRole.DecorationRole and col == self.LIGHT:
            return dot_icon(LIGHT_COLORS[r.light].name())
        if role == SORT_ROLE:
            return self.sort_key(index.row(), col)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.LIGHT:
                return light_label(r.light)
            if col == self.DEADLINE and r.deadline_text:
                return r.deadline_text
            if col in (self.TITLE, self.LEAD, self.RESPONSIBLE):
                units = join_units(r.responsible_units)
                return f"{r.section_title}\n{r.title}\n{tr(RESPONSIBLE)}{units or '—'}"
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == self.LIGHT:
                return QBrush(LIGHT_COLORS[r.light])
            if col == self.STATUS:
                return QBrush(QColor("#b91c1c") if r.overdue else STATUS_COLORS[r.status])
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (
            self.LIGHT,
            self.NUMBER,
            self.EVIDENCE,
        ):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _sort_value(self, r: MeasureRow, row: int, col: int) -> Any:
        if col == self.NUMBER:
            return row  # document order: 一、 › （一） › 1. sort as written, not as text
        if col == self.LIGHT:
            return {Light.RED: 0, Light.YELLOW: 1, Light.GREEN: 2}[r.light]
        if col == self.DEADLINE:
            return r.deadline.isoformat() if r.deadline else "9999"
        if col == self.EVIDENCE:
            return r.evidence_count
        return str(self._display(r, col) or "")

    def _display(self, r: MeasureRow, col: int) -> Any:
        if col == self.LIGHT:
            return light_label(r.light)
        if col == self.NUMBER:
            return r.number
        if col == self.TITLE:
            return r.title
        if col == self.LEAD:
            return join_units(r.lead_units)
        if col == self.RESPONSIBLE:
            return join_units(r.responsible_units)
        if col == self.DEADLINE:
            return _deadline_text(r)
        if col == self.STATUS:
            return status_label(r.status) + (f" · {tr(OVERDUE)}" if r.overdue else "")
        if col == self.LAST:
            return r.last_progress.astimezone().strftime("%Y-%m-%d") if r.last_progress else ""
        if col == self.EVIDENCE:
            return r.evidence_count or ""
        return None


def _deadline_text(r: MeasureRow) -> str:
    if r.deadline is not None:
        return r.deadline.isoformat()
    if r.long_term:
        return tr(LONG_TERM)
    # No date: what the plan says instead ('每季度', '每月', or the words as written).
    return r.deadline_text or r.recurring or ""
