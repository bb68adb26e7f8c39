"""Filters officers use on the measure table, as a proxy model and the bar that drives it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from desktop.domain import Light, Status
from desktop.services.ledger import MeasureRow
from desktop.ui.item_models import MeasureTableModel
from desktop.ui.vocabulary import light_label, status_label
from desktop.ui.widgets import named

OVERDUE = "overdue"


@dataclass
class MeasureFilter:
    text: str = ""
    status: str = ""  # a Status value, OVERDUE, or "" for all
    light: str = ""
    unit: str = ""
    no_progress: bool = False
    due_within: int = 0  # days; 0 = no limit
    today: date = field(default_factory=date.today)

    def accepts(self, r: MeasureRow) -> bool:
        if self.status == OVERDUE:
            if not r.overdue:
                return False
        elif self.status and r.status.value != self.status:
            return False
        if self.light and r.light.value != self.light:
            return False
        if self.unit and self.unit not in r.lead_units and self.unit not in r.responsible_units:
            return False
        if self.no_progress and r.has_progress:
            return False
        if self.due_within:
            if r.deadline is None or r.status == Status.DONE:
                return False
            if (r.deadline - self.today).days > self.due_within:
                return False
        if self.text:
            words = self.text.split()
            haystack = f"{r.number} {r.title} {r.text} {' '.join(r.lead_units)}"
            if not all(w in haystack for w in words):
                return False
        return True


class MeasureFilterProxy(QSortFilterProxyModel):
    def __init__(self) -> None:
        super().__init__()
        self.criteria = MeasureFilter()

    def set_criteria(self, criteria: MeasureFilter) -> None:
        self.beginFilterChange()
        self.criteria = criteria
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        model = self.sourceModel()
        assert isinstance(model, MeasureTableModel)
        return self.criteria.accepts(model.row_at(source_row))


class FilterBar(QWidget):
    changed = Signal(object)  # MeasureFilter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._layout = layout
        self.search = named(QLineEdit(), "searchEdit")
        self.search.setPlaceholderText(self.tr("搜索序号、标题、正文或单位（Ctrl+F）"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(150)
        self.status = named(QComboBox(), "statusFilter")
        self.status.addItem(self.tr("全部状态"), "")
        for s in Status:
            self.status.addItem(status_label(s), s.value)
        self.status.addItem(self.tr("已逾期"), OVERDUE)
        self.light = named(QComboBox(), "lightFilter")
        self.light.addItem(self.tr("全部灯色"), "")
        for light in Light:
            self.light.addItem(light_label(light), light.value)
        self.unit = named(QComboBox(), "unitFilter")
        self.unit.setMinimumContentsLength(8)
        self.unit.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.no_progress = named(QCheckBox(self.tr("本季度未填报")), "noProgressFilter")
        self.due = named(QSpinBox(), "dueWithinFilter")
        self.due.setRange(0, 365)
        self.due.setSpecialValueText(self.tr("不限"))
        self.due.setSuffix(self.tr(" 天内到期"))
        self.due.setToolTip(self.tr("只显示这么多天内到期的未完成措施；0 表示不限"))
        self.count = QLabel()
        layout.addWidget(self.search, 3)
        for w in (self.status, self.light, self.unit, self.no_progress, self.due, self.count):
            layout.addWidget(w)
        self.search.textChanged.connect(self._emit)
        for combo in (self.status, self.light, self.unit):
            combo.currentIndexChanged.connect(self._emit)
        self.no_progress.toggled.connect(self._emit)
        self.due.valueChanged.connect(self._emit)
        self.set_units([])

    def add_widget(self, widget: QWidget) -> None:
        self._layout.addWidget(widget)

    def set_units(self, units: list[str]) -> None:
        current = self.unit.currentData()
        self.unit.blockSignals(True)
        self.unit.clear()
        self.unit.addItem(self.tr("全部单位"), "")
        for u in units:
            self.unit.addItem(u, u)
        index = self.unit.findData(current) if current else 0
        self.unit.setCurrentIndex(max(index, 0))
        self.unit.blockSignals(False)

    def reset(self) -> None:
        """Clear every filter (e.g. before jumping to a measure the filters might hide)."""
        for w in (self.search, self.status, self.light, self.unit, self.no_progress, self.due):
            w.blockSignals(True)
        self.search.clear()
        for combo in (self.status, self.light, self.unit):
            combo.setCurrentIndex(0)
        self.no_progress.setChecked(False)
        self.due.setValue(0)
        for w in (self.search, self.status, self.light, self.unit, self.no_progress, self.due):
            w.blockSignals(False)
        self._emit()

    def criteria(self) -> MeasureFilter:
        return MeasureFilter(
            text=self.search.text().strip(),
            status=self.status.currentData() or "",
            light=self.light.currentData() or "",
            unit=self.unit.currentData() or "",
            no_progress=self.no_progress.isChecked(),
            due_within=self.due.value(),
        )

    def show_count(self, shown: int, total: int) -> None:
        self.count.setText(self.tr("显示 %d / %d 项") % (shown, total))

    def _emit(self, *_: object) -> None:
        self.changed.emit(self.criteria())
