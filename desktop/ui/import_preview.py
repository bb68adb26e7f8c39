"""Import preview: the parsed tree before anything is stored, with the corrections officers need."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.parsing import ParsedDocument, ParsedMeasure, ParseResult, editing
from desktop.parsing.deadlines import parse_deadlines
from desktop.parsing.units import split_units
from desktop.services.importing import ImportPreview
from desktop.ui.errors import show_error
from desktop.ui.widgets import named

KIND_ROLE = Qt.ItemDataRole.UserRole + 10
INDEX_ROLE = Qt.ItemDataRole.UserRole + 11
# Row kinds: a measure, a section (heading), a context paragraph the parser left out.
MEASURE, SECTION, CONTEXT = "m", "s", "c"
CONTEXT_COLOR = QColor("#8a8f98")
COLUMNS = ("编号 / 标题", "牵头单位", "责任单位", "完成时限")
TITLE, LEAD, RESPONSIBLE, DEADLINE = range(4)


class SplitDialog(QDialog):
    """Put the cursor where the measure should be split."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("拆分措施"))
        self.resize(560, 320)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("把光标放在第二项开始的位置，然后点“拆分”：")))
        self.edit = named(QPlainTextEdit(text), "splitText")
        self.edit.setReadOnly(True)
        layout.addWidget(self.edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("拆分"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def position(self) -> int:
        return self.edit.textCursor().position()


class ImportPreviewDialog(QDialog):
    def __init__(self, preview: ImportPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = preview
        self.documents: list[ParsedDocument] = list(preview.result.documents)
        self.included = [bool(d.measures) for d in self.documents]
        self.excluded_measures: list[set[int]] = [set() for _ in self.documents]
        self.excluded_sections: list[set[int]] = [set() for _ in self.documents]
        self.setWindowTitle(self.tr("导入预览 — %s") % preview.source.name)
        self.resize(1100, 680)

        info = self.tr("文件：%s") % preview.source.name
        if preview.encoding:
            info += self.tr("　编码：%s") % preview.encoding
        info += self.tr("　识别出 %d 份文件") % len(self.documents)
        self.info = QLabel(info)
        self.doc_combo = named(QComboBox(), "documentCombo")
        for doc in self.documents:
            self.doc_combo.addItem(f"{doc.title}（{len(doc.measures)} 项）")
        self.doc_combo.currentIndexChanged.connect(lambda _: self._rebuild())
        self.include_doc = named(QPushButton(), "includeDocument")
        self.include_doc.setCheckable(True)
        self.include_doc.toggled.connect(self._toggle_document)
        self.doc_meta = QLabel()
        self.doc_meta.setStyleSheet("color: #4b5563;")

        self.model = QStandardItemModel(0, len(COLUMNS), self)
        self.model.setHorizontalHeaderLabels(list(COLUMNS))
        self.model.itemChanged.connect(self._item_changed)
        self.tree = named(QTreeView(), "previewTree")
        self.tree.setModel(self.model)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.tree.header().setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        for col, width in ((LEAD, 200), (RESPONSIBLE, 200), (DEADLINE, 130)):
            self.tree.setColumnWidth(col, width)
        self.tree.header().setStretchLastSection(False)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.text_view = named(QPlainTextEdit(), "previewText")
        self.text_view.setReadOnly(True)

        buttons_row = QHBoxLayout()
        self.merge_button = QPushButton(self.tr("与下一项合并"))
        self.split_button = QPushButton(self.tr("拆分…"))
        self.promote_button = QPushButton(self.tr("设为标题"))
        self.demote_button = QPushButton(self.tr("设为措施"))
        self.include_button = QPushButton(self.tr("作为措施导入"))
        for button, slot in (
            (self.merge_button, self.merge_next),
            (self.split_button, self.split_current),
            (self.promote_button, self.promote_current),
            (self.demote_button, self.demote_current),
            (self.include_button, self.include_current),
        ):
            button.clicked.connect(slot)
            buttons_row.addWidget(button)
        buttons_row.addStretch(1)
        hint = QLabel(
            self.tr(
                "双击单元格可修改；取消勾选的条目不会导入；灰色为背景段落，勾选即作为措施导入。"
            )
        )
        hint.setStyleSheet("color: #6b7280;")
        buttons_row.addWidget(hint)

        self.summary = QLabel()
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = box.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("确认导入"))
        box.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.text_view)
        splitter.setSizes([480, 120])
        top = QHBoxLayout()
        top.addWidget(self.doc_combo, 1)
        top.addWidget(self.include_doc)
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addLayout(top)
        layout.addWidget(self.doc_meta)
        layout.addLayout(buttons_row)
        layout.addWidget(splitter, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(box)
        layout.addLayout(bottom)
        first = next((i for i, d in enumerate(self.documents) if d.measures), 0)
        self.doc_combo.setCurrentIndex(first)
        self._rebuild()

    # -- the edited result ------------------------------------------------------------------
    def edited_result(self) -> ParseResult:
        docs = []
        for i, doc in enumerate(self.documents):
            if not self.included[i]:
                continue
            edited = editing.exclude(doc, self.excluded_measures[i], self.excluded_sections[i])
            if edited.measures:
                docs.append(edited)
        return ParseResult(docs, list(self.preview.result.warnings))

    def edited_preview(self) -> ImportPreview:
        return replace(self.preview, result=self.edited_result())

    # -- building the tree ------------------------------------------------------------------
    @property
    def doc_index(self) -> int:
        return max(self.doc_combo.currentIndex(), 0)

    @property
    def doc(self) -> ParsedDocument:
        return self.documents[self.doc_index]

    def _rebuild(self, select: tuple[str, int] | None = None) -> None:
        doc = self.doc
        self.include_doc.blockSignals(True)
        self.include_doc.setChecked(self.included[self.doc_index])
        self.include_doc.setText(
            self.tr("导入此文件") if self.included[self.doc_index] else self.tr("不导入此文件")
        )
        self.include_doc.blockSignals(False)
        meta = [
            doc.doc_number or self.tr("（无文号）"),
            doc.issuer or "",
            doc.date.isoformat() if doc.date else "",
        ]
        self.doc_meta.setText("　".join(m for m in meta if m))
        self.model.blockSignals(True)
        self.model.removeRows(0, self.model.rowCount())
        by_path: dict[tuple[str, ...], QStandardItem] = {}
        root = self.model.invisibleRootItem()
        for i, s in enumerate(doc.sections):
            parent = self._nearest(by_path, tuple(s.path[:-1])) or root
            row = self._row(
                SECTION,
                i,
                f"{s.number}  {s.title}",
                "",
                "",
                "",
                i in self.excluded_sections[self.doc_index],
            )
            parent.appendRow(row)
            by_path[tuple(s.path)] = row[0]
        measure_rows: list[QStandardItem] = []
        for i, m in enumerate(doc.measures):
            parent = self._nearest(by_path, tuple(m.path[:-1])) or root
            row = self._row(
                MEASURE,
                i,
                f"{m.number}  {m.title}",
                "、".join(m.lead_units),
                "、".join(m.responsible_units),
                self._deadline_cell(m),
                i in self.excluded_measures[self.doc_index],
            )
            parent.appendRow(row)
            measure_rows.append(row[0])
        for i, c in enumerate(doc.context_items):
            # Under its own heading when it is that heading's paragraph (四、附则), else under
            # the nearest heading above; before the row holding the next measure.
            holder = (
                by_path.get(tuple(c.path)) or self._nearest(by_path, tuple(c.path[:-1])) or root
            )
            row = self._row(CONTEXT, i, f"{c.number}  {c.title}", "", "", "", True)
            holder.insertRow(self._context_row(holder, measure_rows, c.position), row)
        self.model.blockSignals(False)
        self.tree.expandAll()
        self._update_summary()
        if select is not None:
            self._select(select)

    def _deadline_cell(self, m: ParsedMeasure) -> str:
        if m.deadline:
            return m.deadline.isoformat()
        if m.long_term:
            return self.tr("长期")
        return m.deadline_text or m.recurring or ""

    def _context_row(
        self, parent: QStandardItem, measure_rows: list[QStandardItem], at: int
    ) -> int:
        """The row of `parent` before which a paragraph that precedes measure `at` goes."""
        top = parent.index() == QModelIndex()  # the invisible root
        for item in measure_rows[at:]:
            child = item
            while True:
                up = child.parent()  # None for a top-level row
                if (up is None and top) or (up is not None and up.index() == parent.index()):
                    return child.row()
                if up is None:
                    break
                child = up
        return parent.rowCount()

    def _row(
        self, kind: str, index: int, title: str, lead: str, resp: str, deadline: str, excluded: bool
    ) -> list[QStandardItem]:
        items = [QStandardItem(text) for text in (title, lead, resp, deadline)]
        for item in items:
            item.setData(kind, KIND_ROLE)
            item.setData(index, INDEX_ROLE)
            item.setEditable(kind == MEASURE)
        items[TITLE].setCheckable(True)
        items[TITLE].setCheckState(Qt.CheckState.Unchecked if excluded else Qt.CheckState.Checked)
        if kind == SECTION:
            font = items[TITLE].font()
            font.setBold(True)
            items[TITLE].setFont(font)
            items[TITLE].setEditable(False)
        if kind == CONTEXT:
            for item in items:
                item.setForeground(QBrush(CONTEXT_COLOR))
            items[TITLE].setToolTip(
                self.tr("背景段落，不作为措施导入。勾选或点“作为措施导入”即可作为措施导入。")
            )
        return items

    @staticmethod
    def _nearest(
        by_path: dict[tuple[str, ...], QStandardItem], key: tuple[str, ...]
    ) -> QStandardItem | None:
        while key:
            if key in by_path:
                return by_path[key]
            key = key[:-1]
        return None

    def _select(self, target: tuple[str, int]) -> None:
        for index in self._all_indexes():
            if (index.data(KIND_ROLE), index.data(INDEX_ROLE)) == target:
                self.tree.setCurrentIndex(index)
                return

    def _all_indexes(self, parent: QModelIndex | None = None) -> list[QModelIndex]:
        parent = parent or QModelIndex()
        out = []
        for r in range(self.model.rowCount(parent)):
            index = self.model.index(r, TITLE, parent)
            out.append(index)
            out.extend(self._all_indexes(index))
        return out

    def _update_summary(self) -> None:
        result = self.edited_result()
        self.summary.setText(
            self.tr("将导入 %d 份文件，共 %d 项措施")
            % (len(result.documents), result.measure_count)
        )
        self.ok_button.setEnabled(result.measure_count > 0)

    # -- edits --------------------------------------------------------------------------------
    def current(self) -> tuple[str, int] | None:
        index = self.tree.currentIndex()
        if not index.isValid():
            return None
        return index.data(KIND_ROLE), int(index.data(INDEX_ROLE))

    def _current_changed(self, *_: object) -> None:
        cur = self.current()
        if cur is None:
            self.text_view.clear()
            return
        kind, i = cur
        if kind == MEASURE:
            self.text_view.setPlainText(self.doc.measures[i].text)
        elif kind == CONTEXT:
            self.text_view.setPlainText(self.doc.context_items[i].text)
        else:
            s = self.doc.sections[i]
            self.text_view.setPlainText(s.text or s.title)
        self.merge_button.setEnabled(kind == MEASURE and i < len(self.doc.measures) - 1)
        self.split_button.setEnabled(kind == MEASURE)
        self.promote_button.setEnabled(kind == MEASURE)
        self.demote_button.setEnabled(kind == SECTION)
        self.include_button.setEnabled(kind in (SECTION, CONTEXT))

    def _toggle_document(self, on: bool) -> None:
        self.included[self.doc_index] = on
        self._rebuild()

    def _item_changed(self, item: QStandardItem) -> None:
        kind, i = item.data(KIND_ROLE), int(item.data(INDEX_ROLE))
        col = item.column()
        d = self.doc_index
        if kind == CONTEXT:
            if col == TITLE and item.checkState() == Qt.CheckState.Checked:
                # Rebuild the model after this signal, not inside its own handler.
                QTimer.singleShot(0, lambda: self.include_context(i))
            return
        if col == TITLE and item.isCheckable():
            excluded = item.checkState() == Qt.CheckState.Unchecked
            target = self.excluded_measures[d] if kind == MEASURE else self.excluded_sections[d]
            (target.add if excluded else target.discard)(i)
        if kind == MEASURE:
            m = self.doc.measures[i]
            text = item.text().strip()
            if col == TITLE:
                title = (
                    text.split(None, 1)[1] if text.startswith(m.number) and " " in text else text
                )
                m = replace(m, title=title.strip() or m.title)
            elif col == LEAD:
                m = replace(m, lead_units=split_units(text))
            elif col == RESPONSIBLE:
                m = replace(m, responsible_units=split_units(text))
            elif col == DEADLINE:
                year = self.doc.date.year if self.doc.date else None
                info = parse_deadlines(text, year)
                m = replace(
                    m,
                    deadline_text=text or None,
                    deadline=info.deadline,
                    deadlines=list(info.deadlines),
                    long_term=info.long_term,
                )
            measures = list(self.doc.measures)
            measures[i] = m
            self.documents[d] = replace(self.doc, measures=measures)
        self._update_summary()

    def _structural(self, fn: object, select: tuple[str, int] | None) -> None:
        try:
            self.documents[self.doc_index] = fn(self.doc)  # type: ignore[operator]
        except (ValueError, IndexError) as exc:
            show_error(self, ValueError(str(exc)))
            return
        # Structural edits renumber indexes: exclusions are kept by content, so reset them.
        self.excluded_measures[self.doc_index] = set()
        self.excluded_sections[self.doc_index] = set()
        self._rebuild(select)

    def merge_next(self) -> None:
        cur = self.current()
        if cur and cur[0] == MEASURE:
            self._structural(lambda d: editing.merge_with_next(d, cur[1]), cur)

    def split_current(self) -> None:
        cur = self.current()
        if not cur or cur[0] != MEASURE:
            return
        dialog = SplitDialog(self.doc.measures[cur[1]].text, self)
        if self.ask_split(dialog):
            at = dialog.position()
            self._structural(lambda d: editing.split_measure(d, cur[1], at), cur)

    def ask_split(self, dialog: SplitDialog) -> bool:
        return bool(dialog.exec())

    def promote_current(self) -> None:
        cur = self.current()
        if cur and cur[0] == MEASURE:
            self._structural(lambda d: editing.promote_to_section(d, cur[1]), None)

    def demote_current(self) -> None:
        cur = self.current()
        if cur and cur[0] == SECTION:
            self._structural(lambda d: editing.demote_to_measure(d, cur[1]), None)

    def include_current(self) -> None:
        cur = self.current()
        if cur and cur[0] == SECTION:
            self._structural(lambda d: editing.include_section_as_measure(d, cur[1]), None)
        elif cur and cur[0] == CONTEXT:
            self.include_context(cur[1])

    def include_context(self, index: int) -> None:
        """A greyed context paragraph becomes a measure (selected, so it can be edited)."""
        at = min(self.doc.context_items[index].position, len(self.doc.measures))
        self._structural(lambda d: editing.include_context(d, index), (MEASURE, at))
