"""Quarter overview: figures by status and warning light, charts, overdue and due-soon lists."""

from __future__ import annotations

import math

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
from desktop.ui.vocabulary import join_units, light_label, quarter_label, status_label
from desktop.ui.widgets import named

TOP_UNITS = 10


def nice_axis(maximum: int, max_ticks: int = 6) -> tuple[int, int]:
    """(top, tick count) for a count axis: whole steps of 1, 2 or 5 × 10ⁿ from 0 — 0/5/10/15,
    not 0/14/29/44."""
    if maximum <= 0:
        return 1, 2
    raw = maximum / (max_ticks - 1)
    magnitude = 10 ** math.floor(math.log10(raw)) if raw >= 1 else 1
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw and m * magnitude >= 1)
    top = math.ceil(maximum / step) * step
    return int(top), int(top // step) + 1


class _Card(QFrame):
    def __init__(self, title: str, color: str, tooltip: str = "") -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(f"QFrame {{ border-left: 4px solid {color}; background: #ffffff; }}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.setMinimumWidth(84)
        self.value = QLabel("0")
        self.value.setStyleSheet(
            f"font-size: 24px; font-weight: bold; color: {color}; border: none;"
        )
        self.caption = QLabel(title)
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet("color: #4b5563; border: none;")
        layout.addWidget(self.value)
        layout.addWidget(self.caption)
        if tooltip:
            self.setToolTip(tooltip)


class DashboardView(QScrollArea):
    measure_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setObjectName("dashboard")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        body = QWidget()
        layout = QVBoxLayout(body)
        self.heading = named(QLabel(), "dashboardHeading")
        self.heading.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.heading.setWordWrap(True)
        self.notice_button = named(QPushButton(self.tr("打印督办单…")), "noticeButton")
        self.notice_button.setToolTip(self.tr("为每个牵头单位生成一页督办单，列出其红灯和黄灯措施"))
        self.as_of_note = named(QLabel(), "dashboardAsOf")
        self.as_of_note.setWordWrap(True)
        self.as_of_note.setStyleSheet("color: #6b7280;")
        self.as_of_note.hide()
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self.heading)
        titles.addWidget(self.as_of_note)
        head = QHBoxLayout()
        head.addLayout(titles, 1)
        head.addWidget(self.notice_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(head)

        # Two rows that each add up to the total: by status, and by warning light.
        self.cards: dict[object, _Card] = {
            "total": _Card(self.tr("措施总数"), "#374151"),
        }
        for status in (Status.DONE, Status.IN_PROGRESS, Status.NOT_STARTED, Status.SUSPENDED):
            self.cards[status] = _Card(status_label(status), STATUS_COLORS[status].name())
        self.cards[Light.RED] = _Card(
            self.tr("红灯（逾期）"), LIGHT_COLORS[Light.RED].name(), self.tr("已过完成时限仍未完成")
        )
        self.cards[Light.YELLOW] = _Card(
            self.tr("黄灯（临期或进展滞后）"),
            LIGHT_COLORS[Light.YELLOW].name(),
            self.tr("临近完成时限；或长期任务本季度过半仍未填报进展"),
        )
        self.cards[Light.GREEN] = _Card(self.tr("绿灯（正常）"), LIGHT_COLORS[Light.GREEN].name())
        self.cards["no_progress"] = _Card(
            self.tr("本季度未填报"), "#6b7280", self.tr("未完成、未暂缓且本季度还没有进展的措施")
        )
        cards = QGridLayout()
        cards.setHorizontalSpacing(6)
        cards.addWidget(self.cards["total"], 0, 0, 2, 1)
        by_status = QLabel(self.tr("按落实状态"))
        by_light = QLabel(self.tr("按警示灯"))
        for label in (by_status, by_light):
            label.setStyleSheet("color: #6b7280;")
        cards.addWidget(by_status, 0, 1, 1, 4)
        cards.addWidget(by_light, 0, 5, 1, 4)
        for col, key in enumerate(
            (
                Status.DONE,
                Status.IN_PROGRESS,
                Status.NOT_STARTED,
                Status.SUSPENDED,
                Light.RED,
                Light.YELLOW,
                Light.GREEN,
                "no_progress",
            ),
            start=1,
        ):
            cards.addWidget(self.cards[key], 1, col)
            cards.setColumnStretch(col, 1)
        layout.addLayout(cards)

        charts = QGridLayout()
        self.status_chart = named(QChartView(), "statusChart")
        self.unit_chart = named(QChartView(), "unitChart")
        for view in (self.status_chart, self.unit_chart):
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(260)
        self.status_chart.setMinimumWidth(300)
        self.unit_chart.setMinimumHeight(300)
        self.group_note = named(QLabel(), "groupUnitsNote")
        self.group_note.setWordWrap(True)
        self.group_note.setStyleSheet("color: #6b7280;")
        charts.addWidget(self.status_chart, 0, 0)
        charts.addWidget(self.unit_chart, 0, 1)
        charts.addWidget(self.group_note, 1, 1)
        charts.setColumnStretch(0, 1)
        charts.setColumnStretch(1, 2)
        layout.addLayout(charts)

        lists = QHBoxLayout()
        self.overdue_list = named(QListWidget(), "overdueList")
        self.due_list = named(QListWidget(), "dueSoonList")
        self.overdue_box = QGroupBox(self.tr("逾期措施"))
        self.due_box = QGroupBox(self.tr("即将到期"))
        for box, widget in ((self.overdue_box, self.overdue_list), (self.due_box, self.due_list)):
            box_layout = QVBoxLayout(box)
            box_layout.addWidget(widget)
            widget.setToolTip(self.tr("双击或回车打开这项措施"))
            widget.itemActivated.connect(
                lambda item: self.measure_activated.emit(item.data(Qt.ItemDataRole.UserRole))
            )
            lists.addWidget(box)
        layout.addLayout(lists)
        self.setWidget(body)

    def show_dashboard(self, data: Dashboard, scope: str) -> None:
        title = self.tr("%s 工作总览") % quarter_label(data.quarter)
        self.heading.setText(f"{title} — {scope}" if scope else title)
        past = data.as_of is not None and data.as_of >= data.quarter.end
        if past and data.as_of is not None:
            # The ledger tab shows today's statuses; say why the figures here may differ.
            self.as_of_note.setText(
                self.tr("截至季度末（%s）统计，与季度报告一致；台账页显示的是当前状态。")
                % data.as_of.isoformat()
            )
        self.as_of_note.setVisible(past)
        self.cards["total"].value.setText(str(data.total))
        for status in Status:
            self.cards[status].value.setText(str(data.by_status[status]))
        for light in Light:
            self.cards[light].value.setText(str(data.by_light[light]))
        self.cards["no_progress"].value.setText(str(data.without_progress))
        self._status_pie(data)
        self._unit_bars(data)
        self.overdue_box.setTitle(self.tr("逾期措施（%d）") % len(data.overdue))
        self.due_box.setTitle(self.tr("即将到期（%d）") % len(data.due_soon))
        self._fill(self.overdue_list, data.overdue, self.tr("没有逾期措施"))
        self._fill(self.due_list, data.due_soon, self.tr("近期没有到期措施"))

    def _status_pie(self, data: Dashboard) -> None:
        series = QPieSeries()
        for status in Status:
            count = data.by_status[status]
            if count:
                slice_ = series.append(f"{status_label(status)} {count}", count)
                slice_.setColor(STATUS_COLORS[status])
        if series.count() == 1:
            # A lone slice's white border would draw a seam from the centre to the edge.
            only = series.slices()[0]
            only.setBorderColor(only.color())
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
        top, ticks = nice_axis(max((u.total for u in units), default=0))
        axis_x.setRange(0, top)
        axis_x.setTickCount(ticks)
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_x)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setMargins(QMargins(4, 4, 4, 4))
        self.unit_chart.setChart(chart)
        if data.group_units:
            names = join_units([u.unit for u in data.group_units[:3]])
            if len(data.group_units) > 3:
                names += self.tr("等")
            self.group_note.setText(self.tr("“%s”是泛指多个单位的写法，未计入上图。") % names)
            self.group_note.setToolTip(
                "\n".join(self.tr("%s：%d 项") % (u.unit, u.total) for u in data.group_units)
            )
        else:
            self.group_note.clear()

    def _fill(self, widget: QListWidget, rows: list[MeasureRow], empty: str) -> None:
        widget.clear()
        if not rows:
            placeholder = QListWidgetItem(empty)
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            widget.addItem(placeholder)
            return
        for r in rows:
            deadline = r.deadline.isoformat() if r.deadline else ""
            lead = join_units(r.lead_units[:2])
            text = f"{deadline}  {r.number} {r.title}"
            if lead:
                text += self.tr("  〔%s〕") % lead
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, r.id)
            item.setToolTip(f"{light_label(r.light)} · {r.text[:300]}")
            widget.addItem(item)
