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
from desktop.ui.delegates import PLAN_ROLE, dot_icon
from desktop.ui.vocabulary import LONG_TERM, OVERDUE, column_label, light_label, status_label, tr

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
            return f"{plan.title}\n{plan.done_count}/{plan.measure_count} 项已完成"
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [plan.title, plan.doc_number or "", plan.issuer or "", f"第 {plan.version} 版"]
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
    COLUMNS = ("灯", "序号", "措施", "牵头单位", "责任单位", "完成时限", "状态", "最近进展", "佐证")
    LIGHT, NUMBER, TITLE, LEAD, RESPONSIBLE, DEADLINE, STATUS, LAST, EVIDENCE = range(9)

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[MeasureRow] = []

    def set_rows(self, rows: list[MeasureRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rows(self) -> list[MeasureRow]:
        return list(self._rows)

    def update_row(self, row: MeasureRow) -> None:
        for i, existing in enumerate(self._rows):
            if existing.id == row.id:
                self._rows[i] = row
                self.dataChanged.emit(self.index(i, 0), self.index(i, self.columnCount() - 1))
                return

    def row_at(self, row: int) -> MeasureRow:
        return self._rows[row]

    def row_of(self, measure_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == measure_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

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
            if col == self.NUMBER:
                return index.row()
            if col == self.LIGHT:
                return {Light.RED: 0, Light.YELLOW: 1, Light.GREEN: 2}[r.light]
            if col == self.DEADLINE:
                return r.deadline.isoformat() if r.deadline else "9999"
            if col == self.EVIDENCE:
                return r.evidence_count
            return self._display(r, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.LIGHT:
                return light_label(r.light)
            if col in (self.TITLE, self.LEAD, self.RESPONSIBLE):
                units = "、".join(r.responsible_units)
                return f"{r.section_title}\n{r.title}\n责任单位：{units or '—'}"
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

    def _display(self, r: MeasureRow, col: int) -> Any:
        if col == self.LIGHT:
            return light_label(r.light)
        if col == self.NUMBER:
            return r.number
        if col == self.TITLE:
            return r.title
        if col == self.LEAD:
            return "、".join(r.lead_units)
        if col == self.RESPONSIBLE:
            return "、".join(r.responsible_units)
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
    return r.deadline_text or ""
