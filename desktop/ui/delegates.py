"""Painting helpers: the plan list with a progress bar, and the warning-light dots."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop.services.ledger import PlanSummary
from desktop.ui.vocabulary import plan_caption

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


# Label and colour of the badge on a file's icon, by extension (what officers attach most).
_FILE_BADGES = {
    "pdf": ("PDF", "#dc2626"),
    "doc": ("DOC", "#2563eb"),
    "docx": ("DOC", "#2563eb"),
    "wps": ("WPS", "#2563eb"),
    "xls": ("XLS", "#16a34a"),
    "xlsx": ("XLS", "#16a34a"),
    "et": ("XLS", "#16a34a"),
    "ppt": ("PPT", "#ea580c"),
    "pptx": ("PPT", "#ea580c"),
    "txt": ("TXT", "#6b7280"),
    "zip": ("ZIP", "#7c3aed"),
    "rar": ("RAR", "#7c3aed"),
    "mp4": ("MP4", "#0891b2"),
    "mov": ("MOV", "#0891b2"),
    "mp3": ("MP3", "#0891b2"),
}


@cache
def _badge_icon(label: str, color: str) -> QIcon:
    size = 48
    pixmap = QPixmap(size * 2, size * 2)
    pixmap.setDevicePixelRatio(2.0)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor("#9ca3af"))
    painter.setBrush(QColor("#ffffff"))
    painter.drawRoundedRect(8, 2, 32, 44, 3, 3)  # the page
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(color))
    painter.drawRoundedRect(4, 24, 40, 16, 2, 2)  # the badge
    font = painter.font()
    font.setPixelSize(11)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("#ffffff"))
    painter.drawText(QRect(4, 24, 40, 16), int(Qt.AlignmentFlag.AlignCenter), label)
    painter.end()
    return QIcon(pixmap)


def file_type_icon(name: str, mime_type: str = "") -> QIcon:
    """An icon that says at a glance what kind of file a piece of evidence is."""
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if ext in _FILE_BADGES:
        return _badge_icon(*_FILE_BADGES[ext])
    if mime_type.startswith("image/"):
        return _badge_icon("IMG", "#0d9488")
    return _badge_icon((ext[:4] or "FILE").upper(), "#6b7280")


class PlanDelegate(QStyledItemDelegate):
    """Title (two lines at most), then '12/59 项已完成' beside a thin progress bar."""

    PADDING = 6
    BAR = 6

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        line = option.fontMetrics.height()
        return QSize(150, self.PADDING * 3 + line * 3 + self.BAR)

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
        painter.setPen(text_color)
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        elided = option.fontMetrics.elidedText(
            plan.title, Qt.TextElideMode.ElideRight, rect.width() * 2 - 20
        )
        # A one-line title keeps the caption right under it (no blank line between them).
        wrapped = painter.fontMetrics().boundingRect(
            QRect(rect.left(), rect.top(), rect.width(), line * 2),
            int(Qt.TextFlag.TextWordWrap),
            elided,
        )
        title_rect = QRect(rect.left(), rect.top(), rect.width(), min(wrapped.height(), line * 2))
        painter.drawText(title_rect, int(Qt.TextFlag.TextWordWrap), elided)
        font.setBold(False)
        painter.setFont(font)
        ratio = plan.done_count / plan.measure_count if plan.measure_count else 0.0
        caption = plan_caption(plan)
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
