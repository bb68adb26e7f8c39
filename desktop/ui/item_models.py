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

from desktop.domain import Status
from desktop.services.ledger import MeasureRow, PlanSummary

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
        return None


class MeasureTableModel(QAbstractTableModel):
    COLUMNS = ("序号", "措施", "牵头单位", "完成时限", "状态", "佐证")

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[MeasureRow] = []

    def set_rows(self, rows: list[MeasureRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

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
            return self.COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == ID_ROLE:
            return r.id
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return r.number
            if col == 1:
                return r.title
            if col == 2:
                return "、".join(r.lead_units)
            if col == 3:
                return _deadline_text(r)
            if col == 4:
                return r.status.label + ("（逾期）" if r.overdue else "")
            if col == 5:
                return r.evidence_count or ""
        if role == Qt.ItemDataRole.ToolTipRole and col in (1, 2):
            units = "、".join(r.responsible_units)
            return f"{r.section_title}\n{r.title}\n责任单位：{units or '—'}"
        if role == Qt.ItemDataRole.ForegroundRole and col == 4:
            return QBrush(QColor("#b91c1c") if r.overdue else STATUS_COLORS[r.status])
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (0, 5):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


def _deadline_text(r: MeasureRow) -> str:
    if r.deadline is not None:
        return r.deadline.isoformat()
    if r.long_term:
        return "长期"
    return r.deadline_text or ""
