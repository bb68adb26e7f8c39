"""Detail of the selected measure: text, units, status buttons, this quarter's progress, evidence."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QIcon, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import Quarter, Status
from desktop.services.ledger import MeasureDetail
from desktop.ui.vocabulary import status_label
from desktop.ui.widgets import named


def _human_size(size: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024  # type: ignore[assignment]
    return ""


def numbered(number: str) -> str:
    """'1' -> '1. ', '（二）' and '一、' stay as written: the way the document numbers them."""
    if not number:
        return ""
    if number[-1] in "）)、.．":
        return number + " "
    return f"{number}. "


def _history_html(detail: MeasureDetail, quarter: Quarter) -> str:
    parts: list[str] = []
    for key in sorted(detail.progress, reverse=True):
        p = detail.progress[key]
        if key == str(quarter):
            continue
        q = Quarter.parse(key)
        parts.append(
            f"<p><b>{q.label}</b>（{escape(p.status.label)}，{escape(p.author)}）<br>"
            f"进展：{escape(p.progress_text) or '—'}<br>问题：{escape(p.problems) or '—'}<br>"
            f"打算：{escape(p.next_steps) or '—'}</p>"
        )
    for change in reversed(detail.status_history):
        old = status_label(change.old) if change.old else "—"
        parts.append(
            f"<p style='color:#4b5563'>{change.at.astimezone():%Y-%m-%d %H:%M} "
            f"{escape(change.author)}：{old} → {status_label(change.new)}</p>"
        )
    return "".join(parts) or "<p style='color:#6b7280'>暂无往期进展和状态变更。</p>"


class DetailPanel(QScrollArea):
    status_requested = Signal(int, object)  # measure id, Status
    save_requested = Signal(
        int, str, str, str, str
    )  # measure id, quarter, progress, problems, next
    attach_requested = Signal(int)
    open_evidence_requested = Signal(int)
    remove_evidence_requested = Signal(int)
    describe_evidence_requested = Signal(int)
    files_dropped = Signal(int, list)  # measure id, [Path]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setObjectName("detailPanel")
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._measure_id: int | None = None
        self._quarter: Quarter | None = None
        body = QWidget()
        layout = QVBoxLayout(body)

        self.heading = QLabel(self.tr("请在台账中选择一项措施"))
        self.heading.setWordWrap(True)
        self.heading.setObjectName("measureHeading")
        self.heading.setStyleSheet("font-size: 15px; font-weight: bold;")
        layout.addWidget(self.heading)

        info = QFormLayout()
        self.section_label = QLabel()
        self.lead_label = QLabel()
        self.resp_label = QLabel()
        self.deadline_label = QLabel()
        for label in (self.section_label, self.lead_label, self.resp_label, self.deadline_label):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        info.addRow(self.tr("所属部分："), self.section_label)
        info.addRow(self.tr("牵头单位："), self.lead_label)
        info.addRow(self.tr("责任单位："), self.resp_label)
        info.addRow(self.tr("完成时限："), self.deadline_label)
        layout.addLayout(info)

        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setStyleSheet("color: #374151;")
        layout.addWidget(self.text)

        status_box = QGroupBox(self.tr("落实状态"))
        status_row = QGridLayout(status_box)
        self.status_group = QButtonGroup(self)
        self.status_buttons: dict[Status, QPushButton] = {}
        for i, status in enumerate(Status):
            button = QPushButton(f"{status_label(status)} (&{i + 1})")
            button.setToolTip(self.tr("快捷键 Ctrl+%d") % (i + 1))
            button.setCheckable(True)
            button.setObjectName(f"status_{status.value}")
            self.status_group.addButton(button)
            self.status_buttons[status] = button
            status_row.addWidget(button, i // 2, i % 2)
            button.clicked.connect(lambda _=False, s=status: self._status_clicked(s))
        layout.addWidget(status_box)

        self.progress_box = QGroupBox(self.tr("本季度进展"))
        form = QFormLayout(self.progress_box)
        self.progress_edit = named(QPlainTextEdit(), "progressEdit")
        self.problems_edit = named(QPlainTextEdit(), "problemsEdit")
        self.next_edit = named(QPlainTextEdit(), "nextStepsEdit")
        for edit, height in (
            (self.progress_edit, 110),
            (self.problems_edit, 60),
            (self.next_edit, 60),
        ):
            edit.setMinimumHeight(height)
            edit.setTabChangesFocus(True)
        form.addRow(self.tr("进展情况"), self.progress_edit)
        form.addRow(self.tr("存在问题"), self.problems_edit)
        form.addRow(self.tr("下步打算"), self.next_edit)
        self.save_button = named(QPushButton(self.tr("保存进展 (Ctrl+S)")), "saveProgress")
        self.save_button.clicked.connect(self._save_clicked)
        self.saved_label = QLabel()
        save_row = QHBoxLayout()
        save_row.addWidget(self.saved_label, 1)
        save_row.addWidget(self.save_button)
        form.addRow(save_row)
        layout.addWidget(self.progress_box)

        evidence_box = QGroupBox(self.tr("佐证材料"))
        ev_layout = QVBoxLayout(evidence_box)
        self.evidence_list = named(QListWidget(), "evidenceList")
        self.evidence_list.setMinimumHeight(80)
        self.evidence_list.setIconSize(QSize(48, 48))
        self.evidence_list.setToolTip(self.tr("可将文件直接拖到这里添加"))
        drop_hint = QLabel(self.tr("提示：可把文件拖到此处添加佐证材料。"))
        drop_hint.setStyleSheet("color: #6b7280;")
        self.setAcceptDrops(True)
        # Where a stored file lives, for thumbnails; the window sets it (the panel knows no store).
        self.evidence_path: Callable[[str], Path] | None = None
        self.evidence_list.itemDoubleClicked.connect(
            lambda item: self.open_evidence_requested.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        ev_layout.addWidget(self.evidence_list)
        ev_buttons = QHBoxLayout()
        self.attach_button = named(QPushButton(self.tr("添加佐证材料…")), "attachEvidence")
        self.attach_button.clicked.connect(self._attach_clicked)
        self.open_button = QPushButton(self.tr("打开"))
        self.open_button.clicked.connect(self._open_clicked)
        self.remove_button = QPushButton(self.tr("移除"))
        self.remove_button.clicked.connect(self._remove_clicked)
        self.describe_button = QPushButton(self.tr("说明…"))
        self.describe_button.clicked.connect(self._describe_clicked)
        for b in (self.attach_button, self.open_button, self.describe_button, self.remove_button):
            ev_buttons.addWidget(b)
        ev_buttons.addStretch(1)
        ev_layout.addLayout(ev_buttons)
        ev_layout.addWidget(drop_hint)
        layout.addWidget(evidence_box)

        history_box = QGroupBox(self.tr("历史记录"))
        history_layout = QVBoxLayout(history_box)
        self.history = named(QTextBrowser(), "historyView")
        self.history.setMinimumHeight(90)
        self.history.setOpenLinks(False)
        history_layout.addWidget(self.history)
        layout.addWidget(history_box)
        layout.addStretch(1)

        # Autosave: a pause in typing saves, and so does leaving the measure.
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(1500)
        self._autosave.timeout.connect(self.flush)
        self._loading = False
        self._dirty = False
        for edit in (self.progress_edit, self.problems_edit, self.next_edit):
            edit.textChanged.connect(self._edited)
        self.setWidget(body)
        self.show_detail(None, None)

    @property
    def measure_id(self) -> int | None:
        return self._measure_id

    def _edited(self) -> None:
        if self._loading or self._measure_id is None:
            return
        self._dirty = True
        self.saved_label.setText(self.tr("未保存…"))
        self._autosave.start()

    def flush(self) -> None:
        """Save pending edits now (before switching measure or quarter, and at close)."""
        self._autosave.stop()
        if self._dirty:
            self._save_clicked()

    def show_detail(self, detail: MeasureDetail | None, quarter: Quarter | None) -> None:
        if detail is None or detail.row.id != self._measure_id or quarter != self._quarter:
            self.flush()
        self._loading = True
        try:
            self._show(detail, quarter)
        finally:
            self._loading = False
            self._dirty = False

    def _show(self, detail: MeasureDetail | None, quarter: Quarter | None) -> None:
        enabled = detail is not None
        for w in (
            self.progress_box,
            self.attach_button,
            self.open_button,
            self.remove_button,
            self.describe_button,
        ):
            w.setEnabled(enabled)
        for button in self.status_buttons.values():
            button.setEnabled(enabled)
        self.saved_label.clear()
        if detail is None or quarter is None:
            self._measure_id = None
            self.heading.setText(self.tr("请在台账中选择一项措施"))
            for label in (
                self.section_label,
                self.lead_label,
                self.resp_label,
                self.deadline_label,
                self.text,
            ):
                label.clear()
            for edit in (self.progress_edit, self.problems_edit, self.next_edit):
                edit.clear()
            self.evidence_list.clear()
            self.history.clear()
            return
        self._measure_id = detail.row.id
        self._quarter = quarter
        row = detail.row
        self.heading.setText(f"{numbered(row.number)}{row.title}")
        self.section_label.setText(" › ".join(detail.sections) or "—")
        self.lead_label.setText("、".join(row.lead_units) or "—")
        self.resp_label.setText("、".join(row.responsible_units) or "—")
        deadline = (
            row.deadline.isoformat() if row.deadline else ("长期坚持" if row.long_term else "—")
        )
        if row.deadline_text and row.deadline_text != deadline:
            deadline = f"{deadline}（{row.deadline_text}）"
        if row.overdue:
            deadline += self.tr("  ⚠ 已逾期")
        self.deadline_label.setText(deadline)
        self.text.setText(detail.text)
        self.set_status(row.status)
        self.progress_box.setTitle(self.tr("本季度进展（%s）") % quarter.label)
        current = detail.progress.get(str(quarter))
        self.progress_edit.setPlainText(current.progress_text if current else "")
        self.problems_edit.setPlainText(current.problems if current else "")
        self.next_edit.setPlainText(current.next_steps if current else "")
        self.evidence_list.clear()
        for ev in detail.evidence:
            text = f"{ev.original_name}  ·  {_human_size(ev.size)}  ·  {ev.added_at.astimezone():%Y-%m-%d}"
            if ev.description:
                text += f"\n{ev.description}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, ev.id)
            item.setToolTip(f"SHA-256: {ev.sha256}")
            if ev.mime_type.startswith("image/") and self.evidence_path is not None:
                pixmap = QPixmap(str(self.evidence_path(ev.sha256)))
                if not pixmap.isNull():
                    item.setIcon(
                        QIcon(
                            pixmap.scaled(
                                96,
                                96,
                                Qt.AspectRatioMode.KeepAspectRatio,
                                Qt.TransformationMode.SmoothTransformation,
                            )
                        )
                    )
            self.evidence_list.addItem(item)
        self.history.setHtml(_history_html(detail, quarter))

    def set_status(self, status: Status) -> None:
        self.status_buttons[status].setChecked(True)

    def show_saved(self, text: str) -> None:
        self.saved_label.setText(text)

    def request_save(self) -> None:
        self._save_clicked()

    def _status_clicked(self, status: Status) -> None:
        if self._measure_id is not None:
            self.status_requested.emit(self._measure_id, status)

    def _save_clicked(self) -> None:
        self._autosave.stop()
        self._dirty = False
        if self._measure_id is not None:
            self.save_requested.emit(
                self._measure_id,
                str(self._quarter),
                self.progress_edit.toPlainText(),
                self.problems_edit.toPlainText(),
                self.next_edit.toPlainText(),
            )

    def _attach_clicked(self) -> None:
        if self._measure_id is not None:
            self.attach_requested.emit(self._measure_id)

    def _selected_evidence(self) -> int | None:
        item = self.evidence_list.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def _open_clicked(self) -> None:
        ev = self._selected_evidence()
        if ev is not None:
            self.open_evidence_requested.emit(ev)

    def _describe_clicked(self) -> None:
        ev = self._selected_evidence()
        if ev is not None:
            self.describe_evidence_requested.emit(ev)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._measure_id is not None and event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if self._measure_id is not None and paths:
            self.files_dropped.emit(self._measure_id, paths)
            event.acceptProposedAction()

    def _remove_clicked(self) -> None:
        ev = self._selected_evidence()
        if ev is not None:
            self.remove_evidence_requested.emit(ev)
