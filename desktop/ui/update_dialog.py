"""The diff of a plan update, shown before anything is written; the officer can correct matches."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.parsing.matching import MatchKind, MeasureMatch, word_diff
from desktop.services.updating import UpdateProposal
from desktop.ui.widgets import named

KIND_TEXT = {
    MatchKind.UNCHANGED: "未变",
    MatchKind.CHANGED: "修改",
    MatchKind.MOVED: "移动",
    MatchKind.ADDED: "新增",
    MatchKind.REMOVED: "删除（归档）",
}
KIND_COLOR = {
    MatchKind.UNCHANGED: "#6b7280",
    MatchKind.CHANGED: "#b45309",
    MatchKind.MOVED: "#1d4ed8",
    MatchKind.ADDED: "#15803d",
    MatchKind.REMOVED: "#b91c1c",
}
Index = QModelIndex | QPersistentModelIndex


class DiffModel(QAbstractTableModel):
    COLUMNS = ("变化", "原编号", "原措施", "新编号", "新措施", "相似度")

    def __init__(self, proposal: UpdateProposal) -> None:
        super().__init__()
        self.proposal = proposal
        self.rows: list[MeasureMatch] = list(proposal.result.matches)
        self.corrections: dict[int, int | None] = {}

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.COLUMNS[section]
        return None

    def effective_old(self, m: MeasureMatch) -> int | None:
        if m.new is not None and m.new.key in self.corrections:
            return self.corrections[m.new.key]
        return m.old.key if m.old else None

    def kind(self, m: MeasureMatch) -> MatchKind:
        if m.new is not None and m.new.key in self.corrections:
            old = self.corrections[m.new.key]
            if old is None:
                return MatchKind.ADDED
            return MatchKind.UNCHANGED if self._same_text(old, m) else MatchKind.CHANGED
        if m.new is None and m.old is not None and m.old.key in self._reused_olds():
            return MatchKind.UNCHANGED  # now continued by a corrected new measure
        return m.kind

    def _same_text(self, old_id: int, m: MeasureMatch) -> bool:
        old = self.proposal.old_keys[old_id]
        return m.new is not None and old.text == m.new.text

    def _reused_olds(self) -> set[int]:
        return {v for v in self.corrections.values() if v is not None}

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        m = self.rows[index.row()]
        kind = self.kind(m)
        old_id = self.effective_old(m)
        old = (
            self.proposal.old_keys.get(old_id)
            if old_id is not None
            else (m.old if m.new is None else None)
        )
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                corrected = m.new is not None and m.new.key in self.corrections
                return KIND_TEXT[kind] + ("（已修正）" if corrected else "")
            if col == 1:
                return old.number if old else ""
            if col == 2:
                return old.title if old else ""
            if col == 3:
                return m.new.number if m.new else ""
            if col == 4:
                return m.new.title if m.new else ""
            if col == 5:
                return f"{m.similarity:.0f}%" if m.old and m.new else ""
        if role == Qt.ItemDataRole.ForegroundRole and col == 0:
            return QBrush(QColor(KIND_COLOR[kind]))
        return None

    def correct(self, row: int, old_id: int | None) -> None:
        m = self.rows[row]
        if m.new is None:
            return
        automatic = m.old.key if m.old else None
        if old_id == automatic:
            self.corrections.pop(m.new.key, None)
        else:
            self.corrections[m.new.key] = old_id
        self.dataChanged.emit(
            self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1)
        )


def diff_html(old_text: str, new_text: str) -> str:
    parts = []
    for op, text in word_diff(old_text, new_text):
        t = escape(text)
        if op == "delete":
            parts.append(
                f"<span style='background:#fee2e2;color:#991b1b;text-decoration:line-through'>{t}</span>"
            )
        elif op == "insert":
            parts.append(f"<span style='background:#dcfce7;color:#166534'>{t}</span>")
        else:
            parts.append(t)
    return "".join(parts)


class UpdateDialog(QDialog):
    def __init__(self, proposal: UpdateProposal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.proposal = proposal
        self.setWindowTitle(self.tr("导入新版本 — %s") % proposal.plan_title)
        self.resize(1100, 680)
        counts = proposal.counts()
        summary = self.tr("与第 %d 版比对：") % proposal.old_version + "，".join(
            f"{KIND_TEXT[k]} {counts[k]} 项" for k in MatchKind
        )
        self.summary = QLabel(summary)
        self.model = DiffModel(proposal)
        self.table = named(QTableView(), "diffTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 110), (1, 70), (3, 70), (5, 60)):
            self.table.setColumnWidth(col, width)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.diff = named(QTextBrowser(), "diffText")
        self.match_combo = named(QComboBox(), "matchCombo")
        self.match_combo.setMinimumWidth(420)
        self.apply_match = QPushButton(self.tr("修改对应关系"))
        self.apply_match.clicked.connect(self._apply_match)
        correction = QHBoxLayout()
        correction.addWidget(QLabel(self.tr("这条新措施对应原措施：")))
        correction.addWidget(self.match_combo, 1)
        correction.addWidget(self.apply_match)
        note = QLabel(
            self.tr("已匹配措施的进展、佐证材料和历史将保留；删除的措施会归档，不会丢失。")
        )
        note.setStyleSheet("color: #4b5563;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确认更新"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addLayout(correction)
        bottom_layout.addWidget(self.diff)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(bottom)
        splitter.setSizes([430, 200])
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.match_combo.addItem(self.tr("（视为新增措施）"), None)
        for key in proposal.old_keys.values():
            self.match_combo.addItem(f"{key.number} {key.title}", key.key)
        if self.model.rowCount():
            self.table.selectRow(0)

    @property
    def corrections(self) -> dict[int, int | None]:
        return dict(self.model.corrections)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        m = self.model.rows[current.row()]
        old_id = self.model.effective_old(m)
        old = self.proposal.old_keys.get(old_id) if old_id is not None else m.old
        new = m.new
        if old and new:
            self.diff.setHtml(diff_html(old.text, new.text))
        elif new:
            self.diff.setHtml(f"<span style='background:#dcfce7'>{escape(new.text)}</span>")
        elif old:
            self.diff.setHtml(f"<span style='background:#fee2e2'>{escape(old.text)}</span>")
        editable = new is not None
        self.match_combo.setEnabled(editable)
        self.apply_match.setEnabled(editable)
        if editable:
            self.match_combo.setCurrentIndex(max(self.match_combo.findData(old_id), 0))

    def _apply_match(self) -> None:
        row = self.table.currentIndex().row()
        if row >= 0:
            self.model.correct(row, self.match_combo.currentData())
            self._row_changed(self.table.currentIndex(), QModelIndex())
