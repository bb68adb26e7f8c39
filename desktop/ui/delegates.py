"""Painting helpers: the plan list with a progress bar, and the warning-light dots."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop.services.ledger import PlanSummary

PLAN_ROLE = Qt.ItemDataRole.UserRole + 3


@cache
def dot_icon(color: str, size: int = 12) -> QIcon:
    pixmap = QPixmap(size * 2, size * 2)
    pixmap.setDevicePixelRatio(2.0)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(color))
    painter.setPen(QColor(color).darker(120))
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)


class PlanDelegate(QStyledItemDelegate):
    """Title (two lines at most), then '12/59 项已完成' beside a thin progress bar."""

    PADDING = 6
    BAR = 6

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        line = option.fontMetrics.height()
        return QSize(200, self.PADDING * 3 + line * 3 + self.BAR)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        plan = index.data(PLAN_ROLE)
        if not isinstance(plan, PlanSummary):
            super().paint(painter, option, index)
            return
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        if selected:
            painter.fillRect(option.rect, palette.highlight())
        text_color = palette.highlightedText().color() if selected else palette.text().color()
        rect = option.rect.adjusted(self.PADDING, self.PADDING, -self.PADDING, -self.PADDING)
        line = option.fontMetrics.height()
        title_rect = QRect(rect.left(), rect.top(), rect.width(), line * 2)
        painter.setPen(text_color)
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        elided = option.fontMetrics.elidedText(
            plan.title, Qt.TextElideMode.ElideRight, rect.width() * 2 - 20
        )
        painter.drawText(title_rect, int(Qt.TextFlag.TextWordWrap), elided)
        font.setBold(False)
        painter.setFont(font)
        ratio = plan.done_count / plan.measure_count if plan.measure_count else 0.0
        caption = f"{plan.done_count}/{plan.measure_count} 项已完成（{ratio:.0%}）"
        if plan.version > 1:
            caption += f" · 第{plan.version}版"
        caption_rect = QRect(rect.left(), title_rect.bottom() + 2, rect.width(), line)
        painter.drawText(caption_rect, int(Qt.AlignmentFlag.AlignLeft), caption)
        bar = QRect(rect.left(), caption_rect.bottom() + 4, rect.width(), self.BAR)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#e5e7eb"))
        painter.drawRoundedRect(bar, 3, 3)
        if ratio > 0:
            done = QRect(bar.left(), bar.top(), max(int(bar.width() * ratio), 6), bar.height())
            painter.setBrush(QColor("#16a34a"))
            painter.drawRoundedRect(done, 3, 3)
        painter.restore()
