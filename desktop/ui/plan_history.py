"""A plan's past, read-only: its versions (版本记录) and the measures updates removed (已归档措施)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import Status
from desktop.services.updating import ArchivedMeasure, VersionInfo
from desktop.ui.detail_panel import numbered, progress_entry_html
from desktop.ui.vocabulary import join_units, status_label, version_label
from desktop.ui.widgets import named

Index = QModelIndex | QPersistentModelIndex


class TextTableModel(QAbstractTableModel):
    """Rows of ready-made cell texts under fixed headers; columns in `centred` are centred."""

    def __init__(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[str]],
        centred: Sequence[int] = (),
        tooltips: Sequence[str] = (),
    ) -> None:
        super().__init__()
        self._headers = list(headers)
        self._rows = [list(r) for r in rows]
        self._centred = set(centred)
        self._tooltips = list(tooltips)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        text = self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.row() < len(self._tooltips) and self._tooltips[index.row()]:
                return self._tooltips[index.row()]
            return text or None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self._centred:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


def _table(name: str) -> QTableView:
    table = named(QTableView(), name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    return table


def _close_buttons(dialog: QDialog, text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.button(QDialogButtonBox.StandardButton.Close).setText(text)
    buttons.rejected.connect(dialog.reject)
    return buttons


class VersionsDialog(QDialog):
    """Every version of a plan, oldest first: when, from which file, by whom, what changed."""

    def __init__(
        self, plan_title: str, versions: list[VersionInfo], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("versionsDialog")
        self.setWindowTitle(self.tr("版本记录 — %s") % plan_title)
        self.resize(900, 360)
        intro = named(
            QLabel(
                self.tr(
                    "每次“导入新版本”都会增加一个版本；已填写的进展和佐证材料随措施保留，"
                    "新版本中删去的措施归档保存（见“已归档措施”）。"
                )
            ),
            "versionsIntro",
        )
        intro.setWordWrap(True)
        self.model = TextTableModel(
            [
                self.tr("版本"),
                self.tr("导入时间"),
                self.tr("来源文件"),
                self.tr("操作人"),
                self.tr("措施数"),
                self.tr("与上一版相比"),
            ],
            [self._cells(v) for v in versions],
            centred=(0, 4),
        )
        self.table = _table("versionsTable")
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        for col, width in ((0, 110), (1, 130), (3, 90), (4, 60)):
            self.table.setColumnWidth(col, width)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(_close_buttons(self, self.tr("关闭")))

    def _cells(self, v: VersionInfo) -> list[str]:
        name = version_label(v.version)
        if v.current:
            name = self.tr("%s（当前）") % name
        if v.version == 1:
            change = self.tr("首次导入")
        elif v.kept is None:
            change = "—"
        else:
            change = self.tr("保留 %d 项，新增 %d 项，归档 %d 项") % (
                v.kept,
                v.added or 0,
                v.archived or 0,
            )
        return [
            name,
            f"{v.imported_at.astimezone():%Y-%m-%d %H:%M}",
            v.source_name,
            v.author,
            "—" if v.measures is None else str(v.measures),
            change,
        ]


class ArchivedDialog(QDialog):
    """The measures later versions removed, each with its text and every quarter's progress."""

    def __init__(
        self, plan_title: str, measures: list[ArchivedMeasure], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("archivedDialog")
        self.setWindowTitle(self.tr("已归档措施 — %s") % plan_title)
        self.resize(1040, 600)
        self.measures = measures
        intro = named(QLabel(), "archivedIntro")
        intro.setWordWrap(True)
        if measures:
            intro.setText(
                self.tr(
                    "以下 %d 项措施在新版本中已删去。它们的进展和佐证材料原样保存，"
                    "仍出现在当时季度的报告中；这里只能查看，不能修改。"
                )
                % len(measures)
            )
        else:
            intro.setText(self.tr("这个计划还没有归档的措施：历次更新都没有删去措施。"))
        self.model = TextTableModel(
            [
                self.tr("序号"),
                self.tr("措施"),
                self.tr("最后所在版本"),
                self.tr("归档时间"),
                self.tr("已填进展"),
                self.tr("佐证"),
            ],
            [self._cells(m) for m in measures],
            centred=(0, 2, 4, 5),
            tooltips=[m.text for m in measures],
        )
        self.table = _table("archivedTable")
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # Wide enough for '（二十一）', the longest number a document writes.
        number = self.table.fontMetrics().horizontalAdvance("（二十一）") + 12
        for col, width in ((0, number), (2, 96), (3, 130), (4, 70), (5, 50)):
            self.table.setColumnWidth(col, width)
        self.detail = named(QTextBrowser(), "archivedDetail")
        self.detail.setOpenLinks(False)
        split = named(QSplitter(Qt.Orientation.Horizontal), "archivedSplitter")
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([600, 420])
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(split, 1)
        layout.addWidget(_close_buttons(self, self.tr("关闭")))
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.show_measure(current.row())
        )
        if measures:
            self.table.selectRow(0)
        else:
            self.show_measure(-1)

    def _cells(self, m: ArchivedMeasure) -> list[str]:
        return [
            m.number,
            m.title,
            version_label(m.last_version) if m.last_version else "—",
            f"{m.archived_at.astimezone():%Y-%m-%d %H:%M}" if m.archived_at else "—",
            str(sum(bool(p.progress or p.problems or p.next_steps) for p in m.progress)),
            str(m.evidence_count) if m.evidence_count else "",
        ]

    def show_measure(self, row: int) -> None:
        if not 0 <= row < len(self.measures):
            self.detail.clear()
            return
        m = self.measures[row]
        lines = [
            (self.tr("所属部分："), " › ".join(m.sections) or "—"),
            (self.tr("牵头单位："), join_units(m.lead_units) or "—"),
            (self.tr("责任单位："), join_units(m.responsible_units) or "—"),
            (self.tr("完成时限："), m.deadline_text or "—"),
            (self.tr("归档时状态："), status_label(Status(m.status))),
            (self.tr("佐证材料："), self.tr("%d 份") % m.evidence_count),
        ]
        if m.archived_at is not None:
            who = m.archived_by or "—"
            lines.append(
                (self.tr("归档："), f"{m.archived_at.astimezone():%Y-%m-%d %H:%M} · {who}")
            )
        parts = [f"<p style='font-size:14px'><b>{escape(numbered(m.number) + m.title)}</b></p>"]
        parts.append(
            "<p>" + "<br>".join(f"<b>{escape(k)}</b>{escape(v)}" for k, v in lines) + "</p>"
        )
        if m.text and m.text != m.title:
            parts.append(f"<p style='color:#374151'>{escape(m.text)}</p>")
        heading = escape(self.tr("各季度进展"))
        parts.append(f"<hr><p><b>{heading}</b></p>")
        entries = sorted(m.progress, key=lambda p: p.quarter, reverse=True)
        for p in entries:
            parts.append(
                progress_entry_html(
                    p.quarter, Status(p.status), p.author, p.progress, p.problems, p.next_steps
                )
            )
        if not entries:
            empty = escape(self.tr("归档前没有填报过进展。"))
            parts.append(f"<p style='color:#6b7280'>{empty}</p>")
        self.detail.setHtml("".join(parts))
