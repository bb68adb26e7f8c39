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
