"""Detail of the selected measure: text, units, status buttons, this quarter's progress, evidence.

Laid out for a 1366×768 screen without a scroll area: the header (title, units, deadline, status)
stays in view, and below it the measure text and the tabs 本季度进展 | 佐证材料 | 历史记录 share a
splitter, so the editors and the save button are always on screen.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QIcon, QPixmap
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import Quarter, Status, size_label
from desktop.services.ledger import EvidenceInfo, MeasureDetail, MeasureRow
from desktop.ui.delegates import file_type_icon
from desktop.ui.vocabulary import LONG_TERM_FULL, join_units, quarter_label, status_label, tr
from desktop.ui.widgets import named

THUMBNAIL_ROLE = Qt.ItemDataRole.UserRole + 1  # True when the icon is the picture itself


def numbered(number: str) -> str:
    """'1' -> '1. ', '（二）' and '一、' stay as written: the way the document numbers them."""
    if not number:
        return ""
    if number[-1] in "）)、.．":
        return number + " "
    return f"{number}. "


def progress_entry_html(
    quarter: str, status: Status, author: str, text: str, problems: str, next_steps: str
) -> str:
    """One quarter's progress as the history shows it: the quarter, status and author, then
    进展 / 问题 / 打算 (also used for archived measures)."""
    # Captions outside the f-strings: lupdate does not look inside them.
    translate = QCoreApplication.translate
    said = translate("DetailPanel", "进展：")
    issues = translate("DetailPanel", "问题：")
    plans = translate("DetailPanel", "打算：")
    who = (
        translate("DetailPanel", "（%s，%s）") % (status_label(status), author)
        if author
        else translate("DetailPanel", "（%s）") % status_label(status)
    )
    return (
        f"<p><b>{escape(quarter_label(Quarter.parse(quarter)))}</b>{escape(who)}<br>"
        f"<b>{escape(said)}</b>{escape(text) or '—'}<br>"
        f"<b>{escape(issues)}</b>{escape(problems) or '—'}<br>"
        f"<b>{escape(plans)}</b>{escape(next_steps) or '—'}</p>"
    )


class DetailPanel(QWidget):
    status_requested = Signal(int, object)  # measure id, Status
    save_requested = Signal(
        int, str, str, str, str
    )  # measure id, quarter, progress, problems, next
    attach_requested = Signal(int)
    open_evidence_requested = Signal(int)
    remove_evidence_requested = Signal(int)
    describe_evidence_requested = Signal(int)
    files_dropped = Signal(int, list)  # measure id, [Path]

    PROGRESS_TAB, EVIDENCE_TAB, HISTORY_TAB = range(3)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailPanel")
        self.setMinimumWidth(340)
        self._measure_id: int | None = None
        self._quarter: Quarter | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(4)

        self.note = named(QLabel(), "detailNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet(
            "background: #fef3c7; color: #92400e; border: 1px solid #fcd34d; padding: 3px;"
        )
        self.note.hide()
        layout.addWidget(self.note)

        self.heading = QLabel(self.tr("请在台账中选择一项措施"))
        self.heading.setWordWrap(True)
        self.heading.setObjectName("measureHeading")
        self.heading.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.heading)

        info = QFormLayout()
        info.setContentsMargins(0, 0, 0, 0)
        info.setVerticalSpacing(2)
        info.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.section_label = QLabel()
        self.lead_label = QLabel()
        self.resp_label = QLabel()
        self.deadline_label = QLabel()
        self.remarks_label = named(QLabel(), "remarksLabel")
        for label in (
            self.section_label,
            self.lead_label,
            self.resp_label,
            self.deadline_label,
            self.remarks_label,
        ):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        info.addRow(self.tr("所属部分："), self.section_label)
        info.addRow(self.tr("牵头单位："), self.lead_label)
        info.addRow(self.tr("责任单位："), self.resp_label)
        info.addRow(self.tr("完成时限："), self.deadline_label)
        info.addRow(self.tr("备注："), self.remarks_label)  # a task list's 备注, when it has one
        info.setRowVisible(self.remarks_label, False)
        self.info = info
        layout.addLayout(info)

        status_row = QHBoxLayout()
        status_row.setSpacing(4)
        self.status_caption = QLabel(self.tr("状态："))
        status_row.addWidget(self.status_caption)
        # No QButtonGroup: in one, Tab skips from the first button out of the group and arrow
        # keys move the check, changing the status as the officer moves the focus. Here Tab
        # visits each button, and set_status() keeps exactly one checked.
        self._status: Status | None = None
        self.status_buttons: dict[Status, QPushButton] = {}
        for i, status in enumerate(Status):
            button = QPushButton(f"{status_label(status)} (&{i + 1})")
            button.setToolTip(self.tr("快捷键 Ctrl+%d") % (i + 1))
            button.setCheckable(True)
            button.setObjectName(f"status_{status.value}")
            button.setMinimumWidth(40)
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            self.status_buttons[status] = button
            status_row.addWidget(button, 1)
            button.clicked.connect(lambda _=False, s=status: self._status_clicked(s))
        layout.addLayout(status_row)

        self.text = named(QTextBrowser(), "measureText")
        self.text.setOpenLinks(False)
        self.text.setMinimumHeight(48)
        self.text.setStyleSheet("color: #374151;")

        self.tabs = named(QTabWidget(), "detailTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._progress_page(), self.tr("本季度进展"))
        self.tabs.addTab(self._evidence_page(), self.tr("佐证材料"))
        self.tabs.addTab(self._history_page(), self.tr("历史记录"))

        self.splitter = named(QSplitter(Qt.Orientation.Vertical), "detailSplitter")
        self.splitter.addWidget(self.text)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(1, False)
        self.splitter.setSizes([96, 400])
        layout.addWidget(self.splitter, 1)

        self.setAcceptDrops(True)
        # Where a stored file lives, for thumbnails; the window sets it (the panel knows no store).
        self.evidence_path: Callable[[str], Path] | None = None

        # Autosave: a pause in typing saves, and so does leaving the measure.
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(1500)
        self._autosave.timeout.connect(self.flush)
        self._loading = False
        self._dirty = False
        for edit in (self.progress_edit, self.problems_edit, self.next_edit):
            edit.textChanged.connect(self._edited)
        self.show_detail(None, None)

    # -- pages ----------------------------------------------------------------------------------
    def _progress_page(self) -> QWidget:
        self.progress_box = QGroupBox(self.tr("本季度进展"))
        self.progress_box.setFlat(True)
        grid = QGridLayout(self.progress_box)
        grid.setContentsMargins(4, 4, 4, 4)
        grid.setVerticalSpacing(4)
        self.progress_edit = named(QPlainTextEdit(), "progressEdit")
        self.problems_edit = named(QPlainTextEdit(), "problemsEdit")
        self.next_edit = named(QPlainTextEdit(), "nextStepsEdit")
        # The editors share the height by how much officers usually write in each.
        for row, (edit, caption, stretch, hint) in enumerate(
            (
                (
                    self.progress_edit,
                    self.tr("进展情况"),
                    3,
                    self.tr("本季度做了什么、取得什么成效（写入季度报告）"),
                ),
                (
                    self.problems_edit,
                    self.tr("存在问题"),
                    2,
                    self.tr("遇到的困难和问题，没有可不填"),
                ),
                (self.next_edit, self.tr("下步打算"), 2, self.tr("下季度打算怎么推进")),
            )
        ):
            edit.setMinimumHeight(40)
            edit.setTabChangesFocus(True)
            edit.setPlaceholderText(hint)
            label = QLabel(caption)
            label.setBuddy(edit)
            grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(edit, row, 1)
            grid.setRowStretch(row, stretch)
        self.save_button = named(QPushButton(self.tr("保存进展 (Ctrl+S)")), "saveProgress")
        self.save_button.clicked.connect(self._save_clicked)
        self.saved_label = named(QLabel(), "savedLabel")
        self.saved_label.setWordWrap(True)
        self.saved_label.setStyleSheet("color: #4b5563;")
        save_row = QHBoxLayout()
        save_row.addWidget(self.saved_label, 1)
        save_row.addWidget(self.save_button)
        grid.addLayout(save_row, 3, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        return self.progress_box

    def _evidence_page(self) -> QWidget:
        page = QWidget()
        ev_layout = QVBoxLayout(page)
        ev_layout.setContentsMargins(4, 4, 4, 4)
        self.evidence_list = named(QListWidget(), "evidenceList")
        self.evidence_list.setIconSize(QSize(48, 48))
        self.evidence_list.setSpacing(2)
        self.evidence_list.setToolTip(self.tr("双击打开；也可把文件直接拖到这里添加"))
        self.evidence_list.itemDoubleClicked.connect(
            lambda item: self.open_evidence_requested.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        ev_layout.addWidget(self.evidence_list, 1)
        ev_buttons = QHBoxLayout()
        self.attach_button = named(QPushButton(self.tr("添加佐证材料…")), "attachEvidence")
        self.attach_button.clicked.connect(self._attach_clicked)
        self.open_button = named(QPushButton(self.tr("打开")), "openEvidence")
        self.open_button.clicked.connect(self._open_clicked)
        self.describe_button = named(QPushButton(self.tr("说明…")), "describeEvidence")
        self.describe_button.clicked.connect(self._describe_clicked)
        self.remove_button = named(QPushButton(self.tr("移除")), "removeEvidence")
        self.remove_button.clicked.connect(self._remove_clicked)
        for b in (self.attach_button, self.open_button, self.describe_button, self.remove_button):
            ev_buttons.addWidget(b)
        ev_layout.addLayout(ev_buttons)
        drop_hint = QLabel(self.tr("提示：可把文件拖到此处添加佐证材料。"))
        drop_hint.setStyleSheet("color: #6b7280;")
        ev_layout.addWidget(drop_hint)
        return page

    def _history_page(self) -> QWidget:
        self.history = named(QTextBrowser(), "historyView")
        self.history.setOpenLinks(False)
        return self.history

    # -- keyboard ---------------------------------------------------------------------------------
    def tab_chain(self) -> list[QWidget]:
        """The panel's widgets in the order Tab visits them (hidden tabs are skipped by Qt)."""
        return [
            *self.status_buttons.values(),
            self.progress_edit,
            self.problems_edit,
            self.next_edit,
            self.save_button,
            self.tabs.tabBar(),
            self.evidence_list,
            self.attach_button,
            self.open_button,
            self.describe_button,
            self.remove_button,
            self.history,
        ]

    def focus_progress(self) -> None:
        self.tabs.setCurrentIndex(self.PROGRESS_TAB)
        self.progress_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def deadline_text(self, row: MeasureRow) -> str:
        """'2023-12-31（2023年底前） · 自2023-01-01起 · 每季度': the date, the words as written,
        when the work starts and how often it repeats; '每季度' alone for a quarterly task."""
        if row.deadline is not None:
            text = row.deadline.isoformat()
        elif row.long_term:
            text = tr(LONG_TERM_FULL)
        else:
            text = row.deadline_text or row.recurring or "—"
        if row.deadline_text and row.deadline_text != text:
            text = self.tr("%s（%s）") % (text, row.deadline_text)
        if row.start_date is not None:
            text += " · " + self.tr("自%s起") % row.start_date.isoformat()
        if row.recurring and row.recurring not in text:
            text += " · " + row.recurring
        return text

    @staticmethod
    def status_text(status: Status) -> str:
        return status_label(status)

    # -- state ------------------------------------------------------------------------------------
    @property
    def measure_id(self) -> int | None:
        return self._measure_id

    def set_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

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
            self.set_note("")
            self.heading.setText(self.tr("请在台账中选择一项措施"))
            for label in (
                self.section_label,
                self.lead_label,
                self.resp_label,
                self.deadline_label,
                self.remarks_label,
            ):
                label.clear()
            self.info.setRowVisible(self.remarks_label, False)
            self.text.clear()
            for edit in (self.progress_edit, self.problems_edit, self.next_edit):
                edit.clear()
            self.evidence_list.clear()
            self.history.clear()
            self._status = None
            for button in self.status_buttons.values():
                button.setChecked(False)
            self.progress_box.setTitle(self.tr("本季度进展"))
            self._set_tab_counts(0, 0)
            return
        self._measure_id = detail.row.id
        self._quarter = quarter
        row = detail.row
        self.heading.setText(f"{numbered(row.number)}{row.title}")
        self.section_label.setText(" › ".join(detail.sections) or "—")
        self.lead_label.setText(join_units(row.lead_units) or "—")
        self.resp_label.setText(join_units(row.responsible_units) or "—")
        deadline = self.deadline_text(row)
        if row.overdue:
            deadline += self.tr("  ⚠ 已逾期")
        self.deadline_label.setText(deadline)
        self.remarks_label.setText(detail.remarks)
        self.info.setRowVisible(self.remarks_label, bool(detail.remarks.strip()))
        self.text.setPlainText(detail.text)
        self.set_status(row.status)
        self.progress_box.setTitle(quarter_label(quarter))
        current = detail.progress.get(str(quarter))
        self.progress_edit.setPlainText(current.progress_text if current else "")
        self.problems_edit.setPlainText(current.problems if current else "")
        self.next_edit.setPlainText(current.next_steps if current else "")
        self.evidence_list.clear()
        for ev in detail.evidence:
            self.evidence_list.addItem(self._evidence_item(ev))
        self.refresh_history(detail, quarter)

    def _evidence_item(self, ev: EvidenceInfo) -> QListWidgetItem:
        text = f"{ev.original_name}\n{size_label(ev.size)} · {ev.added_at.astimezone():%Y-%m-%d}"
        if ev.quarter:
            text += " · " + quarter_label(Quarter.parse(ev.quarter))
        if ev.description:
            text += f"\n{ev.description}"
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, ev.id)
        item.setToolTip(f"{ev.original_name}\nSHA-256: {ev.sha256}")
        thumbnail = False
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
                thumbnail = True
        if not thumbnail:
            item.setIcon(file_type_icon(ev.original_name, ev.mime_type))
        item.setData(THUMBNAIL_ROLE, thumbnail)
        return item

    def refresh_history(self, detail: MeasureDetail, quarter: Quarter) -> None:
        """Earlier quarters' progress and the status changes; the tab titles carry the counts."""
        parts: list[str] = []
        changes = self.tr("状态变更")
        earlier = [k for k in sorted(detail.progress, reverse=True) if k != str(quarter)]
        for key in earlier:
            p = detail.progress[key]
            parts.append(
                progress_entry_html(
                    key, p.status, p.author, p.progress_text, p.problems, p.next_steps
                )
            )
        if detail.status_history:
            parts.append(f"<p><b>{escape(changes)}</b></p>")
        for change in reversed(detail.status_history):
            old = status_label(change.old) if change.old else "—"
            line = self.tr("%s %s：%s → %s") % (
                f"{change.at.astimezone():%Y-%m-%d %H:%M}",
                change.author,
                old,
                status_label(change.new),
            )
            parts.append(f"<p style='color:#4b5563; margin:0'>{escape(line)}</p>")
        empty = escape(self.tr("暂无往期进展和状态变更。"))
        self.history.setHtml("".join(parts) or f"<p style='color:#6b7280'>{empty}</p>")
        self._set_tab_counts(len(detail.evidence), len(earlier) + len(detail.status_history))

    def _set_tab_counts(self, evidence: int, history: int) -> None:
        self.tabs.setTabText(
            self.EVIDENCE_TAB,
            self.tr("佐证材料（%d）") % evidence if evidence else self.tr("佐证材料"),
        )
        self.tabs.setTabText(
            self.HISTORY_TAB,
            self.tr("历史记录（%d）") % history if history else self.tr("历史记录"),
        )

    def set_status(self, status: Status) -> None:
        self._status = status
        for s, button in self.status_buttons.items():
            button.setChecked(s == status)

    def show_saved(self, text: str) -> None:
        self.saved_label.setText(text)

    def request_save(self) -> None:
        self._save_clicked()

    def _status_clicked(self, status: Status) -> None:
        # The click toggled the button; the stored status decides until the change is made.
        if self._status is not None:
            self.set_status(self._status)
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
            self.tabs.setCurrentIndex(self.EVIDENCE_TAB)
            event.acceptProposedAction()

    def _remove_clicked(self) -> None:
        ev = self._selected_evidence()
        if ev is not None:
            self.remove_evidence_requested.emit(ev)
