"""The diff of a plan update, shown before anything is written; the officer can correct matches."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
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

from desktop.parsing.matching import (
    AttributeChange,
    MatchKind,
    MeasureKey,
    MeasureMatch,
    compare,
    similarity,
    word_diff,
)
from desktop.services.updating import UpdateProposal
from desktop.ui.vocabulary import join_units
from desktop.ui.widgets import named

KIND_TEXT = {
    MatchKind.UNCHANGED: QT_TRANSLATE_NOOP("DiffModel", "未变"),
    MatchKind.CHANGED: QT_TRANSLATE_NOOP("DiffModel", "修改"),
    MatchKind.MOVED: QT_TRANSLATE_NOOP("DiffModel", "移动"),
    MatchKind.ADDED: QT_TRANSLATE_NOOP("DiffModel", "新增"),
    MatchKind.REMOVED: QT_TRANSLATE_NOOP("DiffModel", "删除（归档）"),
}


# parsing.matching.ATTRIBUTE_LABELS and updating.PLAN_FACTS, in the interface language.
_FIELD_TEXT = {
    "text": QT_TRANSLATE_NOOP("DiffModel", "措施内容"),
    "lead_units": QT_TRANSLATE_NOOP("DiffModel", "牵头单位"),
    "responsible_units": QT_TRANSLATE_NOOP("DiffModel", "责任单位"),
    "deadline": QT_TRANSLATE_NOOP("DiffModel", "完成时限"),
    "start": QT_TRANSLATE_NOOP("DiffModel", "开始时间"),
    "recurring": QT_TRANSLATE_NOOP("DiffModel", "完成频次"),
    "title": QT_TRANSLATE_NOOP("DiffModel", "标题"),
    "doc_number": QT_TRANSLATE_NOOP("DiffModel", "文号"),
    "issuer": QT_TRANSLATE_NOOP("DiffModel", "发文机关"),
    "doc_date": QT_TRANSLATE_NOOP("DiffModel", "成文日期"),
}


def kind_text(kind: MatchKind) -> str:
    return QCoreApplication.translate("DiffModel", str(KIND_TEXT[kind]))


def field_text(field: str, label: str) -> str:
    """A changed attribute's name; `label` (the service's Chinese) for one not listed here."""
    known = _FIELD_TEXT.get(field)
    return QCoreApplication.translate("DiffModel", str(known)) if known else label


KIND_COLOR = {
    MatchKind.UNCHANGED: "#6b7280",
    MatchKind.CHANGED: "#b45309",
    MatchKind.MOVED: "#1d4ed8",
    MatchKind.ADDED: "#15803d",
    MatchKind.REMOVED: "#b91c1c",
}
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class DiffRow:
    """One line of the diff as it stands after the officer's corrections."""

    kind: MatchKind
    old: MeasureKey | None
    new: MeasureKey | None
    similarity: float | None  # None: nothing to compare
    changes: tuple[AttributeChange, ...]
    corrected: bool  # the officer changed this pairing
    released: bool = False  # an old measure no new one continues any longer, after a correction


class DiffModel(QAbstractTableModel):
    """Rows: every new measure with the old one it continues, then the old ones left over.

    Corrections are kept per new measure; the rows are recomputed from them, so an old measure
    freed by a correction shows as removed and one taken up by a correction leaves that list.
    """

    COLUMNS = (
        QT_TRANSLATE_NOOP("DiffModel", "变化"),
        QT_TRANSLATE_NOOP("DiffModel", "原编号"),
        QT_TRANSLATE_NOOP("DiffModel", "原措施"),
        QT_TRANSLATE_NOOP("DiffModel", "新编号"),
        QT_TRANSLATE_NOOP("DiffModel", "新措施"),
        QT_TRANSLATE_NOOP("DiffModel", "改动之处"),
        QT_TRANSLATE_NOOP("DiffModel", "相似度"),
    )

    def __init__(self, proposal: UpdateProposal) -> None:
        super().__init__()
        self.proposal = proposal
        self.matches: list[MeasureMatch] = list(proposal.result.matches)
        self.corrections: dict[int, int | None] = {}
        self.rows: list[DiffRow] = []
        self._rebuild()

    # -- pairing ------------------------------------------------------------------------------
    def automatic_old(self, new_key: int) -> int | None:
        m = next((m for m in self.matches if m.new is not None and m.new.key == new_key), None)
        return m.old.key if m is not None and m.old is not None else None

    def effective_old(self, new_key: int) -> int | None:
        if new_key in self.corrections:
            return self.corrections[new_key]
        return self.automatic_old(new_key)

    def holder_of(self, old_id: int) -> int | None:
        """The new measure that continues `old_id` now, if any."""
        for m in self.matches:
            if m.new is not None and self.effective_old(m.new.key) == old_id:
                return m.new.key
        return None

    def _rebuild(self) -> None:
        rows: list[DiffRow] = []
        used: set[int] = set()
        auto_removed = {m.old.key for m in self.matches if m.new is None and m.old is not None}
        for m in self.matches:
            if m.new is None:
                continue
            corrected = m.new.key in self.corrections
            old_id = self.effective_old(m.new.key)
            if not corrected:
                rows.append(
                    DiffRow(m.kind, m.old, m.new, m.similarity if m.old else None, m.changes, False)
                )
                if m.old is not None:
                    used.add(m.old.key)
                continue
            if old_id is None:
                rows.append(DiffRow(MatchKind.ADDED, None, m.new, None, (), True))
                continue
            old = self.proposal.old_keys[old_id]
            used.add(old_id)
            changes = compare(old, m.new)
            kind = MatchKind.CHANGED if changes else MatchKind.UNCHANGED
            rows.append(DiffRow(kind, old, m.new, similarity(old, m.new), changes, True))
        for old_id, old in self.proposal.old_keys.items():
            if old_id not in used:
                released = old_id not in auto_removed
                rows.append(DiffRow(MatchKind.REMOVED, old, None, None, (), False, released))
        self.rows = rows

    def correct(self, row: int, old_id: int | None) -> str:
        """Point the new measure of `row` at `old_id` (None: a new measure). Returns '' when
        done, else why not (in Chinese): an old measure continues one new measure at most."""
        new = self.rows[row].new
        if new is None:
            return self.tr("这一行是原有措施，请选中新措施所在的行再修改对应关系。")
        if old_id is not None:
            holder = self.holder_of(old_id)
            if holder is not None and holder != new.key:
                taken = next(r.new for r in self.rows if r.new and r.new.key == holder)
                old = self.proposal.old_keys[old_id]
                assert taken is not None
                return self.tr(
                    "原措施“%s”已对应新措施“%s”。一条原有措施只能对应一条新措施："
                    "请先把那一条改为其他措施或“视为新增措施”。"
                ) % (f"{old.number} {old.title}", f"{taken.number} {taken.title}")
        self.beginResetModel()
        if old_id == self.automatic_old(new.key):
            self.corrections.pop(new.key, None)
        else:
            self.corrections[new.key] = old_id
        self._rebuild()
        self.endResetModel()
        return ""

    def row_of_new(self, new_key: int) -> int:
        return next(
            i for i, r in enumerate(self.rows) if r.new is not None and r.new.key == new_key
        )

    def counts(self) -> dict[MatchKind, int]:
        return {k: sum(1 for r in self.rows if r.kind is k) for k in MatchKind}

    # -- Qt model -----------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("DiffModel", str(self.COLUMNS[section]))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                text = kind_text(r.kind)
                if r.corrected:
                    text += self.tr("（已修正）")
                elif r.released:
                    text += self.tr("（因修正）")
                return text
            if col == 1:
                return r.old.number if r.old else ""
            if col == 2:
                return r.old.title if r.old else ""
            if col == 3:
                return r.new.number if r.new else ""
            if col == 4:
                return r.new.title if r.new else ""
            if col == 5:
                return join_units([field_text(c.field, c.label) for c in r.changes])
            if col == 6:
                return f"{r.similarity:.0f}%" if r.similarity is not None else ""
        if role == Qt.ItemDataRole.ToolTipRole and col == 5 and r.changes:
            return (
                "\n".join(
                    self.tr("%s：%s → %s") % (field_text(c.field, c.label), c.old, c.new)
                    for c in r.changes
                    if c.field != "text"
                )
                or None
            )
        if role == Qt.ItemDataRole.ForegroundRole and col in (0, 5):
            return QBrush(QColor(KIND_COLOR[r.kind]))
        return None


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


def changes_html(changes: tuple[AttributeChange, ...]) -> str:
    """Units and deadline changes as lines above the wording diff."""
    lines = []
    for c in changes:
        if c.field == "text":
            continue
        # The caption outside the f-string: lupdate does not look inside one.
        caption = QCoreApplication.translate("DiffModel", "%s：") % field_text(c.field, c.label)
        lines.append(
            f"<b>{escape(caption)}</b>"
            f"<span style='background:#fee2e2;color:#991b1b;text-decoration:line-through'>"
            f"{escape(c.old)}</span> → "
            f"<span style='background:#dcfce7;color:#166534'>{escape(c.new)}</span>"
        )
    return "<br>".join(lines)


class UpdateDialog(QDialog):
    def __init__(self, proposal: UpdateProposal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.proposal = proposal
        self.setWindowTitle(self.tr("导入新版本 — %s") % proposal.plan_title)
        self.resize(1100, 680)
        self.summary = named(QLabel(), "diffSummary")
        self.summary.setWordWrap(True)
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
        for col, width in ((0, 110), (1, 70), (3, 70), (5, 150), (6, 60)):
            self.table.setColumnWidth(col, width)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.diff = named(QTextBrowser(), "diffText")
        self.match_combo = named(QComboBox(), "matchCombo")
        self.match_combo.setMinimumWidth(420)
        self.apply_match = QPushButton(self.tr("修改对应关系"))
        self.apply_match.clicked.connect(self._apply_match)
        self.problem = named(QLabel(), "matchProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b91c1c;")
        self.problem.hide()
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
        bottom_layout.addWidget(self.problem)
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
        self._update_summary()
        if self.model.rowCount():
            self.table.selectRow(0)

    @property
    def corrections(self) -> dict[int, int | None]:
        return dict(self.model.corrections)

    def _update_summary(self) -> None:
        counts = self.model.counts()
        text = self.tr("与第 %d 版比对：") % self.proposal.old_version + self.tr("，").join(
            self.tr("%s %d 项") % (kind_text(k), counts[k]) for k in MatchKind
        )
        facts = self.tr("；").join(
            self.tr("%s：%s → %s") % (field_text(f.field, f.label), f.old, f.new)
            for f in self.proposal.facts
        )
        if facts:
            text += "\n" + self.tr("计划信息将更新：") + facts
        self.summary.setText(text)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        r = self.model.rows[current.row()]
        head = changes_html(r.changes)
        if r.old and r.new:
            body = diff_html(r.old.text, r.new.text)
        elif r.new:
            body = f"<span style='background:#dcfce7'>{escape(r.new.text)}</span>"
        elif r.old:
            body = f"<span style='background:#fee2e2'>{escape(r.old.text)}</span>"
        else:
            body = ""
        self.diff.setHtml(f"{head}<hr>{body}" if head else body)
        editable = r.new is not None
        self.match_combo.setEnabled(editable)
        self.apply_match.setEnabled(editable)
        if r.new is not None:
            old_id = self.model.effective_old(r.new.key)
            self.match_combo.setCurrentIndex(max(self.match_combo.findData(old_id), 0))

    def _apply_match(self) -> None:
        row = self.table.currentIndex().row()
        if row < 0:
            return
        new = self.model.rows[row].new
        problem = self.model.correct(row, self.match_combo.currentData())
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        if problem or new is None:
            return
        self._update_summary()
        self.table.selectRow(self.model.row_of_new(new.key))
        self._row_changed(self.table.currentIndex(), QModelIndex())
