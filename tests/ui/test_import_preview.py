"""The import preview: officers correct the parsed tree before anything is stored."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.parsing import ParseResult
from desktop.services import importing, ledger
from desktop.services.workspace import Workspace
from desktop.ui.import_preview import DEADLINE, LEAD, RESPONSIBLE, TITLE, ImportPreviewDialog
from tests.factories import import_document, make_document


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


# -- a real parse: context paragraphs, split, demote, edits, cancel -------------------------------

POLICY = (
    "某某市人民政府办公室关于印发某某市优化营商环境工作方案的通知\n某政办发〔2023〕9号\n"
    "各县区人民政府：\n现将《某某市优化营商环境工作方案》印发给你们，请认真贯彻落实。\n"
    "某某市人民政府办公室\n2023年3月1日\n某某市优化营商环境工作方案\n"
    "一、重点任务\n（一）推进一网通办。全面推行网上办理。深化电子证照应用。（市政务服务中心牵头）\n"
    "（二）优化企业开办。压缩开办时间。（市市场监管局负责，6月底前）\n"
    "二、保障措施\n（一）加强组织领导。成立工作专班，年底前建立调度机制。\n"
    "（二）强化督查考核。各县区要加强督查。\n"
)


def parsed_preview(tmp_path: Path) -> importing.ImportPreview:
    path = tmp_path / "方案.txt"
    path.write_text(POLICY, encoding="utf-8")
    return importing.preview_file(path)


def context_row(dialog: ImportPreviewDialog, title: str):
    for idx in dialog._all_indexes():
        if idx.data(Qt.ItemDataRole.UserRole + 10) == "c" and title in idx.data():
            return idx
    raise AssertionError(title)


def test_context_paragraphs_are_shown_greyed_and_unchecked(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = ImportPreviewDialog(parsed_preview(tmp_path))
    qtbot.addWidget(dialog)
    row = context_row(dialog, "加强组织领导")
    item = dialog.model.itemFromIndex(row)
    assert item.checkState() == Qt.CheckState.Unchecked
    assert item.foreground().color().name() == "#8a8f98"
    assert row.parent().data().startswith("二")  # under 二、保障措施
    assert dialog.summary.text() == "将导入 1 份文件，共 2 项措施"


def test_checking_a_context_paragraph_includes_it_as_a_measure(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    dialog = ImportPreviewDialog(parsed_preview(tmp_path))
    qtbot.addWidget(dialog)
    dialog.model.itemFromIndex(context_row(dialog, "加强组织领导")).setCheckState(
        Qt.CheckState.Checked
    )
    qtbot.waitUntil(lambda: dialog.summary.text() == "将导入 1 份文件，共 3 项措施")
    # The new measure is selected and editable like any other.
    assert dialog.current() == ("m", 2)
    new = find(dialog, "m", 2)
    dialog.model.itemFromIndex(new.siblingAtColumn(LEAD)).setText("市政府办公室")
    outcome = importing.import_preview(ws, dialog.edited_preview())
    from desktop.domain import Quarter

    rows = ledger.list_measures(ws.db, outcome.plan_ids[0], Quarter(2023, 2))
    assert [r.title for r in rows] == ["推进一网通办", "优化企业开办", "加强组织领导"]
    assert rows[2].lead_units == ("市政府办公室",)
    assert rows[2].deadline is not None and rows[2].deadline.isoformat() == "2023-12-31"


def test_include_button_works_on_a_selected_context_paragraph(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = ImportPreviewDialog(parsed_preview(tmp_path))
    qtbot.addWidget(dialog)
    dialog.tree.setCurrentIndex(context_row(dialog, "强化督查考核"))
    assert dialog.include_button.isEnabled() and not dialog.split_button.isEnabled()
    assert "各县区要加强督查" in dialog.text_view.toPlainText()
    dialog.include_button.click()
    assert [m.title for m in dialog.edited_result().documents[0].measures][-1] == "强化督查考核"


def test_split_puts_the_second_part_into_a_new_measure(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = ImportPreviewDialog(parsed_preview(tmp_path))
    qtbot.addWidget(dialog)
    dialog.tree.setCurrentIndex(find(dialog, "m", 0))
    text = dialog.doc.measures[0].text
    at = text.index("深化电子证照应用")

    def answer(split_dialog) -> bool:  # the officer puts the cursor before 深化… and confirms
        cursor = split_dialog.edit.textCursor()
        cursor.setPosition(at)
        split_dialog.edit.setTextCursor(cursor)
        return True

    dialog.ask_split = answer  # type: ignore[method-assign]
    dialog.split_button.click()
    first, second = dialog.edited_result().documents[0].measures[:2]
    assert first.text.endswith("全面推行网上办理。")
    assert second.text.startswith("深化电子证照应用")
    assert second.number == "（一）-2" and second.lead_units == ["市政务服务中心"]
    assert dialog.summary.text() == "将导入 1 份文件，共 3 项措施"


def test_demote_turns_a_heading_into_a_measure(qtbot: QtBot) -> None:
    dialog = ImportPreviewDialog(preview(6))
    qtbot.addWidget(dialog)
    dialog.tree.setCurrentIndex(find(dialog, "s", 1))
    assert dialog.demote_button.isEnabled()
    dialog.demote_button.click()
    doc = dialog.edited_result().documents[0]
    assert len(doc.measures) == 7
    assert doc.measures[3].path == ["二"] and doc.measures[3].title == "优化政务服务"
    assert [s.path for s in doc.sections] == [["一"]]
    assert doc.measures[4].path == ["4"]  # what stood under 二 moved up one level


def test_title_and_responsible_edits(qtbot: QtBot) -> None:
    dialog = ImportPreviewDialog(preview(6))
    qtbot.addWidget(dialog)
    first = find(dialog, "m", 0)
    dialog.model.itemFromIndex(first).setText("1  完善统一身份认证")
    dialog.model.itemFromIndex(first.siblingAtColumn(RESPONSIBLE)).setText(
        "省公安厅，各市（州）人民政府 牵头"
    )
    m = dialog.edited_result().documents[0].measures[0]
    assert m.title == "完善统一身份认证"
    assert m.responsible_units == ["省公安厅", "各市（州）人民政府"]
    # Clearing the title keeps the parsed one rather than storing an empty title.
    dialog.model.itemFromIndex(find(dialog, "m", 0)).setText("")
    assert dialog.edited_result().documents[0].measures[0].title == "完善统一身份认证"


def test_cancel_stores_nothing(
    qtbot: QtBot, ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.ui.main_window import MainWindow

    import_document(ws, make_document(3))
    window = MainWindow(ws)
    qtbot.addWidget(window)
    before = [(p.id, p.title, p.measure_count) for p in ledger.list_plans(ws.db)]

    def edit_then_cancel(dialog: ImportPreviewDialog) -> bool:
        dialog.model.itemFromIndex(context_row(dialog, "加强组织领导")).setCheckState(
            Qt.CheckState.Checked
        )
        qtbot.waitUntil(lambda: dialog.edited_result().measure_count == 3)
        dialog.model.itemFromIndex(find(dialog, "m", 0)).setText("1  改过的标题")
        return False  # the officer presses 取消

    monkeypatch.setattr(window, "ask_preview", edit_then_cancel)
    window.plan_actions._confirm_import(parsed_preview(tmp_path))
    assert [(p.id, p.title, p.measure_count) for p in ledger.list_plans(ws.db)] == before
    assert "已取消导入" in window.statusBar().currentMessage()
