"""Updating a plan from the window: the diff is shown first, corrections are honoured."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.domain import Quarter
from desktop.services import importing, ledger, progress
from desktop.services.workspace import Workspace
from desktop.ui.main_window import MainWindow
from desktop.ui.update_dialog import UpdateDialog
from tests.conftest import SAMPLE_43
from tests.services.test_updating import make_v2


def test_update_from_the_window_shows_the_diff_and_keeps_progress(
    qtbot: QtBot, ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan_id = importing.import_file(ws, SAMPLE_43).plan_ids[0]
    rows = {r.title: r.id for r in ledger.list_measures(ws.db, plan_id, Quarter(2023, 2))}
    progress.save_progress(
        ws,
        rows["优化就业服务"],
        Quarter(2023, 2),
        progress_text="已上线",
        problems="",
        next_steps="",
    )
    w = MainWindow(ws)
    qtbot.addWidget(w)
    seen: list[UpdateDialog] = []

    def accept(dialog: UpdateDialog) -> bool:
        seen.append(dialog)
        kinds = [dialog.model.index(r, 0).data() for r in range(dialog.model.rowCount())]
        assert "修改" in kinds and "新增" in kinds and "删除（归档）" in kinds
        # Select the changed row: the wording difference is highlighted.
        row = kinds.index("修改")
        dialog.table.selectRow(row)
        assert "line-through" in dialog.diff.toHtml() or "#fee2e2" in dialog.diff.toHtml()
        # Correct the added measure: it continues the removed 改善消费体验.
        added = kinds.index("新增")
        dialog.table.selectRow(added)
        dialog.match_combo.setCurrentIndex(dialog.match_combo.findData(rows["改善消费体验"]))
        dialog.apply_match.click()
        assert dialog.model.index(added, 0).data().endswith("（已修正）")
        return True

    monkeypatch.setattr(w, "ask_open_file", lambda *_: make_v2(tmp_path))
    monkeypatch.setattr(w, "ask_update", accept)
    w.update_action.trigger()
    qtbot.waitUntil(
        lambda: w.plan_model.rowCount() == 1 and w.plan_model.plan_at(0).version == 2, timeout=20000
    )
    assert seen
    titles = {r.title: r.id for r in ledger.list_measures(ws.db, plan_id, Quarter(2023, 2))}
    assert titles["推进数字政府建设"] == rows["改善消费体验"]
    detail = ledger.measure_detail(ws.db, rows["优化就业服务"], Quarter(2023, 2))
    assert detail.progress["2023Q2"].progress_text == "已上线"
    w.close()


def test_corrections_are_checked_at_once_and_the_rows_follow_them(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    from desktop.parsing.matching import MatchKind
    from desktop.services import updating

    plan_id = importing.import_file(ws, SAMPLE_43).plan_ids[0]
    rows = {r.title: r.id for r in ledger.list_measures(ws.db, plan_id, Quarter(2023, 2))}
    proposal = updating.propose_update(ws, plan_id, make_v2(tmp_path))
    dialog = UpdateDialog(proposal)
    qtbot.addWidget(dialog)
    model = dialog.model

    def kind_of(row: int) -> str:
        return str(model.index(row, 0).data())

    added = next(i for i, r in enumerate(model.rows) if r.kind is MatchKind.ADDED)
    # Point the added measure at an old one that another new measure already continues.
    taken = next(r for r in model.rows if r.kind is MatchKind.UNCHANGED)
    assert taken.old is not None
    dialog.table.selectRow(added)
    dialog.match_combo.setCurrentIndex(dialog.match_combo.findData(taken.old.key))
    dialog.apply_match.click()
    assert "已对应新措施" in dialog.problem.text()
    assert dialog.corrections == {} and kind_of(added) == "新增"

    # A free old measure (the removed one) is fine: it leaves the removed rows, with a score.
    removed_id = rows["改善消费体验"]
    before = model.rowCount()
    dialog.match_combo.setCurrentIndex(dialog.match_combo.findData(removed_id))
    dialog.apply_match.click()
    assert dialog.problem.text() == ""
    row = model.row_of_new(model.rows[added].new.key)  # type: ignore[union-attr]
    assert kind_of(row) == "修改（已修正）"
    assert str(model.index(row, 6).data()).endswith("%")
    assert "措施内容" in str(model.index(row, 5).data())
    assert model.rowCount() == before - 1
    assert not any(r.kind is MatchKind.REMOVED for r in model.rows)
    assert "删除（归档） 0 项" in dialog.summary.text()

    # Undo it by making an automatically matched measure new: its old one now shows as removed.
    other = next(i for i, r in enumerate(model.rows) if r.kind is MatchKind.UNCHANGED)
    freed = model.rows[other].old
    dialog.table.selectRow(other)
    dialog.match_combo.setCurrentIndex(0)  # （视为新增措施）
    dialog.apply_match.click()
    labels = {
        (str(model.index(i, 0).data()), model.index(i, 2).data()) for i in range(model.rowCount())
    }
    assert freed is not None and ("删除（归档）（因修正）", freed.title) in labels
    assert updating.effective_pairs(proposal, dialog.corrections)  # accepted as a whole


def test_unit_and_deadline_changes_are_shown(qtbot: QtBot, ws: Workspace, tmp_path: Path) -> None:
    from desktop.services import updating
    from tests.services.test_updating_excel import ROWS, _book, _import_confirmed

    plan_id = _import_confirmed(ws, _book(tmp_path / "v1.xlsx", "XX县2023年重点任务台账", ROWS))
    rows = [list(r) for r in ROWS]
    rows[1][2], rows[1][4] = "县政务服务中心", "2023年12月底前"
    proposal = updating.propose_update(
        ws, plan_id, _book(tmp_path / "v2.xlsx", "XX县2023年重点任务台账", rows)
    )
    dialog = UpdateDialog(proposal)
    qtbot.addWidget(dialog)
    [row] = [i for i in range(dialog.model.rowCount()) if dialog.model.index(i, 0).data() == "修改"]
    assert dialog.model.index(row, 5).data() == "牵头单位、完成时限"
    dialog.table.selectRow(row)
    html = dialog.diff.toPlainText()
    assert "县行政审批局 → 县政务服务中心" in html and "长期坚持 → 2023年12月底前" in html
