"""The import preview: officers correct the parsed tree before anything is stored."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.parsing import ParseResult
from desktop.services import importing, ledger
from desktop.services.workspace import Workspace
from desktop.ui.import_preview import DEADLINE, LEAD, TITLE, ImportPreviewDialog
from tests.factories import make_document


def preview(n: int = 6) -> importing.ImportPreview:
    return importing.ImportPreview(Path("方案.txt"), "ab" * 32, ParseResult([make_document(n)]))


def find(dialog: ImportPreviewDialog, kind: str, index: int):
    for idx in dialog._all_indexes():
        if (idx.data(Qt.ItemDataRole.UserRole + 10), idx.data(Qt.ItemDataRole.UserRole + 11)) == (
            kind,
            index,
        ):
            return idx
    raise AssertionError((kind, index))


def test_preview_shows_the_tree_and_edits_flow_into_the_import(qtbot: QtBot, ws: Workspace) -> None:
    dialog = ImportPreviewDialog(preview(6))
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 2  # two sections at the top
    assert dialog.summary.text() == "将导入 1 份文件，共 6 项措施"
    # Edit the lead units and the deadline of the first measure.
    first = find(dialog, "m", 0)
    dialog.model.itemFromIndex(first.siblingAtColumn(LEAD)).setText("省财政厅、省税务局")
    dialog.model.itemFromIndex(first.siblingAtColumn(DEADLINE)).setText("2023年9月底前")
    # Exclude the second measure.
    dialog.model.itemFromIndex(find(dialog, "m", 1)).setCheckState(Qt.CheckState.Unchecked)
    assert dialog.summary.text() == "将导入 1 份文件，共 5 项措施"
    outcome = importing.import_preview(ws, dialog.edited_preview())
    from desktop.domain import Quarter

    rows = ledger.list_measures(ws.db, outcome.plan_ids[0], Quarter(2023, 2))
    assert len(rows) == 5
    assert rows[0].lead_units == ("省财政厅", "省税务局")
    assert rows[0].deadline is not None and rows[0].deadline.isoformat() == "2023-09-30"
    assert "第2项重点任务" not in [r.title for r in rows]


def test_excluding_a_section_drops_everything_under_it(qtbot: QtBot) -> None:
    dialog = ImportPreviewDialog(preview(6))
    qtbot.addWidget(dialog)
    dialog.model.itemFromIndex(find(dialog, "s", 1)).setCheckState(Qt.CheckState.Unchecked)
    assert dialog.edited_result().measure_count == 3


def test_merge_and_promote_buttons_restructure_the_tree(qtbot: QtBot) -> None:
    dialog = ImportPreviewDialog(preview(6))
    qtbot.addWidget(dialog)
    dialog.tree.setCurrentIndex(find(dialog, "m", 0))
    dialog.merge_button.click()
    assert dialog.edited_result().measure_count == 5
    dialog.tree.setCurrentIndex(find(dialog, "m", 0))
    dialog.promote_button.click()
    result = dialog.edited_result().documents[0]
    assert result.measures[0].path[:2] == ["一", "1"]
    assert len(result.measures[0].path) == 3


def test_a_document_can_be_left_out(qtbot: QtBot) -> None:
    two = importing.ImportPreview(
        Path("汇编.txt"),
        "cd" * 32,
        ParseResult([make_document(3, "甲方案"), make_document(4, "乙方案")]),
    )
    dialog = ImportPreviewDialog(two)
    qtbot.addWidget(dialog)
    assert dialog.summary.text() == "将导入 2 份文件，共 7 项措施"
    dialog.include_doc.setChecked(False)
    assert [d.title for d in dialog.edited_result().documents] == ["乙方案"]
    title_index = find(dialog, "s", 0).siblingAtColumn(TITLE)
    assert title_index.isValid()
