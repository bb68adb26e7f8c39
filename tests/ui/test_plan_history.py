"""A plan's versions and its archived measures, from the plan list's context menu: what was
imported when and from which file, and the removed measures with their progress, read-only."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from desktop.domain import Quarter, Status
from desktop.services import importing, ledger, progress, updating
from desktop.services.workspace import Workspace
from desktop.ui.main_window import MainWindow
from tests.conftest import SAMPLE_43
from tests.services.test_updating import make_v2

Q1, Q2 = Quarter(2023, 1), Quarter(2023, 2)


@pytest.fixture
def window(qtbot: QtBot, ws: Workspace, tmp_path: Path) -> MainWindow:
    plan_id = importing.import_file(ws, SAMPLE_43).plan_ids[0]
    removed = {r.title: r.id for r in ledger.list_measures(ws.db, plan_id, Q2)}["改善消费体验"]
    progress.set_status(ws, removed, Status.IN_PROGRESS)
    progress.save_progress(
        ws, removed, Q1, progress_text="发放消费券200万元", problems="", next_steps="扩大范围"
    )
    progress.save_progress(
        ws, removed, Q2, progress_text="举办促消费活动3场", problems="商户参与少", next_steps=""
    )
    updating.apply_update(ws, updating.propose_update(ws, plan_id, make_v2(tmp_path)))
    w = MainWindow(ws)
    qtbot.addWidget(w)
    return w


def test_context_menu_offers_versions_and_archived_measures(window: MainWindow) -> None:
    actions: list[QAction] = window.plan_menu().actions()
    assert window.plan_actions.versions_action in actions
    assert window.plan_actions.archived_action in actions
    assert window.update_action in actions


def test_versions_list_each_import_with_its_file_and_counts(window: MainWindow) -> None:
    window.plan_actions.versions_action.trigger()
    dialog = window.plan_actions.versions_dialog
    assert dialog is not None and dialog.isVisible()
    model = dialog.model
    rows = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(2)]
    assert model.rowCount() == 2
    assert rows[0][0] == "第1版" and rows[0][2] == SAMPLE_43.name and rows[0][5] == "首次导入"
    assert rows[1][0] == "第2版（当前）" and rows[1][2] == "方案（修订版）.txt"
    assert rows[1][3] == "测试员"
    assert rows[1][4] == rows[0][4]  # one measure out, one in
    assert "归档 1 项" in rows[1][5] and "新增 1 项" in rows[1][5]
    dialog.close()


def test_archived_measures_show_their_progress_history_read_only(window: MainWindow) -> None:
    window.plan_actions.archived_action.trigger()
    dialog = window.plan_actions.archived_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.model.rowCount() == 1
    assert dialog.model.index(0, 1).data() == "改善消费体验"
    assert dialog.model.index(0, 2).data() == "第1版"  # last part of version 1
    assert dialog.model.index(0, 4).data() == "2"  # two quarters reported
    text = dialog.detail.toPlainText()
    assert "发放消费券200万元" in text and "举办促消费活动3场" in text and "商户参与少" in text
    assert text.index("2023年第二季度") < text.index("2023年第一季度")  # newest first
    assert "推进中" in text
    assert dialog.detail.isReadOnly()
    # Archived: not among the plan's measures in the window any more.
    titles = [r.title for r in window.measure_model.rows()]
    assert "改善消费体验" not in titles
    dialog.close()


def test_a_plan_never_updated_says_it_has_nothing_archived(qtbot: QtBot, ws: Workspace) -> None:
    importing.import_file(ws, SAMPLE_43)
    w = MainWindow(ws)
    qtbot.addWidget(w)
    w.plan_actions.archived_action.trigger()
    dialog = w.plan_actions.archived_dialog
    assert dialog is not None and dialog.model.rowCount() == 0
    intro = dialog.findChild(QLabel, "archivedIntro")
    assert intro is not None and "还没有归档的措施" in intro.text()
    w.plan_actions.versions_action.trigger()
    versions = w.plan_actions.versions_dialog
    assert versions is not None and versions.model.rowCount() == 1
    dialog.close()
    versions.close()
