"""Quarter overview: figures by status and warning light, charts, overdue and due-soon lists."""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import Light, Status
from desktop.services.dashboard import Dashboard
from desktop.services.ledger import MeasureRow
from desktop.ui.item_models import LIGHT_COLORS, STATUS_COLORS
from desktop.ui.vocabulary import status_label
from desktop.ui.widgets import named

TOP_UNITS = 10


class _Card(QFrame):
    def __init__(self, title: str, color: str) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(f"QFrame {{ border-left: 4px solid {color}; background: #ffffff; }}")
        layout = QVBoxLayout(self)
        self.setMinimumWidth(96)
        self.value = QLabel("0")
        self.value.setStyleSheet(
            f"font-size: 26px; font-weight: bold; color: {color}; border: none;"
        )
        caption = QLabel(title)
        caption.setWordWrap(True)
        caption.setStyleSheet("color: #4b5563; border: none;")
        layout.addWidget(self.value)
        layout.addWidget(caption)


class DashboardView(QScrollArea):
    measure_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setObjectName("dashboard")
        body = QWidget()
        layout = QVBoxLayout(body)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.heading.setWordWrap(True)
        self.notice_button = named(QPushButton(self.tr("打印督办单…")), "noticeButton")
        self.notice_button.setToolTip(self.tr("为每个牵头单位生成一页督办单，列出其红灯和黄灯措施"))
        head = QHBoxLayout()
        head.addWidget(self.heading, 1)
        head.addWidget(self.notice_button)
        layout.addLayout(head)

        cards = QHBoxLayout()
        self.cards = {
            "total": _Card(self.tr("措施总数"), "#374151"),
            Status.DONE: _Card(self.tr("已完成"), STATUS_COLORS[Status.DONE].name()),
            Status.IN_PROGRESS: _Card(self.tr("推进中"), STATUS_COLORS[Status.IN_PROGRESS].name()),
            Status.NOT_STARTED: _Card(self.tr("未启动"), STATUS_COLORS[Status.NOT_STARTED].name()),
            Light.RED: _Card(self.tr("红灯（逾期）"), LIGHT_COLORS[Light.RED].name()),
            Light.YELLOW: _Card(self.tr("黄灯（临期）"), LIGHT_COLORS[Light.YELLOW].name()),
            "no_progress": _Card(self.tr("本季度未填报"), "#6b7280"),
        }
        for card in self.cards.values():
            cards.addWidget(card)
        layout.addLayout(cards)

        charts = QGridLayout()
        self.status_chart = named(QChartView(), "statusChart")
        self.unit_chart = named(QChartView(), "unitChart")
        for view in (self.status_chart, self.unit_chart):
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(260)
        self.status_chart.setMinimumWidth(340)
        self.unit_chart.setMinimumHeight(300)
        charts.addWidget(self.status_chart, 0, 0)
        charts.addWidget(self.unit_chart, 0, 1)
        charts.setColumnStretch(0, 1)
        charts.setColumnStretch(1, 2)
        layout.addLayout(charts)

        lists = QHBoxLayout()
        self.overdue_list = named(QListWidget(), "overdueList")
        self.due_list = named(QListWidget(), "dueSoonList")
        for title, widget in (
            (self.tr("逾期措施"), self.overdue_list),
            (self.tr("即将到期"), self.due_list),
        ):
            box = QGroupBox(title)
            box_layout = QVBoxLayout(box)
            box_layout.addWidget(widget)
            widget.itemActivated.connect(
                lambda item: self.measure_activated.emit(item.data(Qt.ItemDataRole.UserRole))
            )
            lists.addWidget(box)
        layout.addLayout(lists)
        self.setWidget(body)

    def show_dashboard(self, data: Dashboard, scope: str) -> None:
        self.heading.setText(f"{data.quarter.label} 工作总览 — {scope}")
        self.cards["total"].value.setText(str(data.total))
        for key in (Status.DONE, Status.IN_PROGRESS, Status.NOT_STARTED):
            self.cards[key].value.setText(str(data.by_status[key]))
        for light in (Light.RED, Light.YELLOW):
            self.cards[light].value.setText(str(data.by_light[light]))
        self.cards["no_progress"].value.setText(str(data.without_progress))
        self._status_pie(data)
        self._unit_bars(data)
        self._fill(self.overdue_list, data.overdue, self.tr("没有逾期措施"))
        self._fill(self.due_list, data.due_soon, self.tr("近期没有到期措施"))

    def _status_pie(self, data: Dashboard) -> None:
        series = QPieSeries()
        for status in Status:
            count = data.by_status[status]
            if count:
                slice_ = series.append(f"{status_label(status)} {count}", count)
                slice_.setColor(STATUS_COLORS[status])
        chart = QChart()
        chart.addSeries(series)
        chart.setTitle(self.tr("按落实状态"))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        chart.setMargins(QMargins(4, 4, 4, 4))
        self.status_chart.setChart(chart)

    def _unit_bars(self, data: Dashboard) -> None:
        units = list(reversed(data.units[:TOP_UNITS]))
        done = QBarSet(self.tr("已完成"))
        open_ = QBarSet(self.tr("未完成"))
        overdue = QBarSet(self.tr("其中逾期"))
        done.setColor(STATUS_COLORS[Status.DONE])
        open_.setColor(QColor("#93c5fd"))
        overdue.setColor(LIGHT_COLORS[Light.RED])
        for u in units:
            done.append(u.done)
            open_.append(u.total - u.done - u.overdue)
            overdue.append(u.overdue)
        series = QHorizontalStackedBarSeries()
        for bar_set in (done, open_, overdue):
            series.append(bar_set)
        chart = QChart()
        chart.addSeries(series)
        chart.setTitle(self.tr("各单位落实情况（措施数最多的 %d 个单位）") % TOP_UNITS)
        axis_y = QBarCategoryAxis()
        axis_y.setTruncateLabels(False)
        axis_y.append([u.unit if len(u.unit) <= 12 else u.unit[:11] + "…" for u in units])
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_y)
        axis_x = QValueAxis()
        axis_x.setLabelFormat("%d")
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_x)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setMargins(QMargins(4, 4, 4, 4))
        self.unit_chart.setChart(chart)

    @staticmethod
    def _fill(widget: QListWidget, rows: list[MeasureRow], empty: str) -> None:
        widget.clear()
        if not rows:
            placeholder = QListWidgetItem(empty)
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            widget.addItem(placeholder)
            return
        for r in rows:
            deadline = r.deadline.isoformat() if r.deadline else ""
            lead = "、".join(r.lead_units[:2])
            item = QListWidgetItem(f"{deadline}  {r.number} {r.title}  〔{lead}〕")
            item.setData(Qt.ItemDataRole.UserRole, r.id)
            item.setToolTip(r.text[:300])
            widget.addItem(item)
