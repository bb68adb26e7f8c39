"""Filters officers use on the measure table, as a proxy model and the bar that drives it."""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import Light, Status
from desktop.ui.criteria import OVERDUE, MeasureFilter, section_key
from desktop.ui.item_models import MeasureTableModel
from desktop.ui.vocabulary import light_label, status_label
from desktop.ui.widgets import named

__all__ = ["OVERDUE", "FilterBar", "MeasureFilter", "MeasureFilterProxy"]

Index = QModelIndex | QPersistentModelIndex


class MeasureFilterProxy(QSortFilterProxyModel):
    """The table's rows: the model has already decided which pass, this only looks it up."""

    def refilter(self) -> None:
        self.beginFilterChange()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def _model(self) -> MeasureTableModel:
        model = self.sourceModel()
        assert isinstance(model, MeasureTableModel)
        return model

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        return self._model().accepted(source_row)

    def lessThan(self, left: Index, right: Index) -> bool:
        # One Python call per comparison with cached keys, instead of two data() round trips.
        model = self._model()
        col = left.column()
        return bool(model.sort_key(left.row(), col) < model.sort_key(right.row(), col))


class FilterBar(QWidget):
    changed = Signal(object)  # MeasureFilter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Two rows, so the bar fits the ledger's share of a 1366-pixel screen in either language.
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 2)
        rows.setSpacing(3)
        top, bottom = QHBoxLayout(), QHBoxLayout()
        for row in (top, bottom):
            row.setSpacing(4)
            rows.addLayout(row)
        self._layout = bottom
        self.search = named(QLineEdit(), "searchEdit")
        self.search.setPlaceholderText(self.tr("搜索标题、正文或单位（Ctrl+F）"))
        self.search.setToolTip(self.tr("输入几个字即可筛选，空格分隔的多个词须同时出现"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(self.search.fontMetrics().horizontalAdvance("搜" * 18))
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
        self.section = named(QComboBox(), "sectionFilter")
        for combo, chars in ((self.unit, 6), (self.section, 8)):
            combo.setMinimumContentsLength(chars)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
        self.section.setToolTip(self.tr("只看文件某一部分（一、……）下的措施"))
        self.no_progress = named(QCheckBox(self.tr("本季度未填报")), "noProgressFilter")
        self.due_label = QLabel(self.tr("到期："))
        self.due = named(QSpinBox(), "dueWithinFilter")
        self.due.setRange(0, 365)
        self.due.setSpecialValueText(self.tr("不限"))
        self.due.setPrefix(self.tr("未来 "))
        self.due.setSuffix(self.tr(" 天内"))
        self.due.setToolTip(
            self.tr("只显示这么多天内到期、尚未逾期的未完成措施；0 表示不限（逾期的请用“已逾期”）")
        )
        self.due_label.setBuddy(self.due)
        self.count = named(QLabel(), "filterCount")
        top.addWidget(self.search, 1)
        top.addWidget(self.due_label)
        top.addWidget(self.due)
        top.addWidget(self.count)
        for w in (self.status, self.light, self.unit, self.section):
            bottom.addWidget(w, 1)
        bottom.addWidget(self.no_progress)
        self.search.textChanged.connect(self._emit)
        for combo in (self.status, self.light, self.unit, self.section):
            combo.currentIndexChanged.connect(self._emit)
        self.no_progress.toggled.connect(self._emit)
        self.due.valueChanged.connect(self._emit)
        self.set_units([])
        self.set_sections([])

    def inputs(self) -> list[QWidget]:
        """The filter widgets in tab order."""
        return [
            self.search,
            self.status,
            self.light,
            self.unit,
            self.section,
            self.no_progress,
            self.due,
        ]

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

    def set_sections(self, paths: list[tuple[str, ...]]) -> None:
        """Headings of the plan (outermost first); the second level is indented under the first."""
        current = self.section.currentData()
        self.section.blockSignals(True)
        self.section.clear()
        self.section.addItem(self.tr("全部部分"), "")
        for path in paths:
            self.section.addItem("　" * (len(path) - 1) + path[-1], section_key(path))
            self.section.setItemData(
                self.section.count() - 1, " › ".join(path), Qt.ItemDataRole.ToolTipRole
            )
        index = self.section.findData(current) if current else 0
        self.section.setCurrentIndex(max(index, 0))
        self.section.blockSignals(False)

    def reset(self) -> None:
        """Clear every filter (e.g. before jumping to a measure the filters might hide)."""
        widgets = self.inputs()
        for w in widgets:
            w.blockSignals(True)
        self.search.clear()
        for combo in (self.status, self.light, self.unit, self.section):
            combo.setCurrentIndex(0)
        self.no_progress.setChecked(False)
        self.due.setValue(0)
        for w in widgets:
            w.blockSignals(False)
        self._emit()

    def criteria(self) -> MeasureFilter:
        return MeasureFilter(
            text=self.search.text().strip(),
            status=self.status.currentData() or "",
            light=self.light.currentData() or "",
            unit=self.unit.currentData() or "",
            section=self.section.currentData() or "",
            no_progress=self.no_progress.isChecked(),
            due_within=self.due.value(),
        )

    def show_count(self, shown: int, total: int) -> None:
        self.count.setText(self.tr("显示 %d / %d 项") % (shown, total))

    def _emit(self, *_: object) -> None:
        self.changed.emit(self.criteria())
