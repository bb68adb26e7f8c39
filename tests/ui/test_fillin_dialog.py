"""Department fill-in from the window: export for every unit, import back with a conflict decided."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.domain import Quarter
from desktop.services import ledger, progress
from desktop.services.workspace import Workspace
from desktop.ui.fillin_dialog import FillinReviewDialog
from desktop.ui.main_window import MainWindow
from tests.factories import import_document, make_document
from tests.services.test_fillin import _fill


def test_export_then_import_with_the_conflict_taken(
    qtbot: QtBot, ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import_document(ws, make_document(6))
    w = MainWindow(ws, today=Quarter(2023, 2).start)
    qtbot.addWidget(w)
    opened: list[Path] = []
    monkeypatch.setattr(w, "ask_directory", lambda *_: tmp_path / "out")
    monkeypatch.setattr(w, "open_external", opened.append)
    w.fillin_export_action.trigger()
    qtbot.waitUntil(lambda: bool(opened), timeout=20000)
    files = sorted((tmp_path / "out").glob("*.xlsx"))
    assert any("省人社厅" in f.name for f in files)
    book = next(f for f in files if "省人社厅" in f.name)
    target = next(
        r.id for r in w.measure_model.rows() if "省人社厅" in r.lead_units + r.responsible_units
    )
    progress.save_progress(
        ws, target, Quarter(2023, 2), progress_text="原有", problems="", next_steps=""
    )
    _fill(book, {target: {"进展情况": "部门新写", "存在问题": "资金未到位"}})

    def decide(dialog: FillinReviewDialog) -> bool:
        assert len(dialog.conflict_items) == 1
        dialog.conflict_items[0].setCheckState(0, Qt.CheckState.Checked)
        return True

    monkeypatch.setattr(w, "ask_open_file", lambda *_: book)
    monkeypatch.setattr(w, "ask_fillin", decide)
    w.fillin_import_action.trigger()
    qtbot.waitUntil(
        lambda: (
            ledger.measure_detail(ws.db, target, Quarter(2023, 2)).progress["2023Q2"].problems
            == "资金未到位"
        ),
        timeout=20000,
    )
    stored = ledger.measure_detail(ws.db, target, Quarter(2023, 2)).progress["2023Q2"]
    assert stored.progress_text == "部门新写"
    w.close()


def test_review_shows_status_labels_and_what_the_reader_left_out(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    from desktop.services import fillin

    plan_id = import_document(ws, make_document(6))
    unit = "省人社厅"
    target = next(
        r.id
        for r in ledger.list_measures(ws.db, plan_id, Quarter(2023, 2))
        if unit in r.lead_units + r.responsible_units
    )
    path = fillin.export_workbooks(ws, Quarter(2023, 2), tmp_path, units=[unit])[0][1]
    _fill(path, {target: {"状态": "已完成", "进展情况": "已推进", "下步打算": "=继续扩面"}})
    dialog = FillinReviewDialog(fillin.review(ws, path))
    qtbot.addWidget(dialog)
    changes = dialog.tree.topLevelItem(0)
    rows = {changes.child(i).text(1): changes.child(i) for i in range(changes.childCount())}
    assert rows["状态"].text(2) == "未启动" and rows["状态"].text(3) == "已完成"
    assert "进展情况" in rows and "下步打算" not in rows  # the formula was not taken
    assert not dialog.warnings.isHidden()
    assert "公式" in dialog.warnings.text() and "=继续扩面" in dialog.warnings.text()
