"""Bringing plans in from the window: a revised workbook goes through the column dialog before
the diff, and a workbook under another name is still read as a workbook."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.domain import Quarter
from desktop.services import ledger, progress, updating
from desktop.services.workspace import Workspace
from desktop.ui.main_window import MainWindow
from desktop.ui.mapping_dialog import MappingDialog
from desktop.ui.update_dialog import UpdateDialog
from tests.services.test_updating_excel import ROWS, _book, _import_confirmed
from tests.ui.test_excel_import import workbook

Q2 = Quarter(2023, 2)


def test_update_with_a_workbook_asks_for_the_columns_and_uses_them(
    qtbot: QtBot, ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan_id = _import_confirmed(ws, _book(tmp_path / "v1.xlsx", "XX县2023年重点任务台账", ROWS))
    first = next(r for r in ledger.list_measures(ws.db, plan_id, Q2) if r.number == "1")
    progress.save_progress(ws, first.id, Q2, progress_text="已上线", problems="", next_steps="")
    # The province renamed the lead column: no remembered mapping matches the new header row.
    import tests.services.test_updating_excel as excel

    monkeypatch.setattr(excel, "HEADER", ["序号", "重点任务", "主办方", "配合单位", "完成时限"])
    v2 = _book(tmp_path / "v2.xlsx", "XX县2023年重点任务台账", ROWS)
    w = MainWindow(ws)
    qtbot.addWidget(w)
    asked: list[MappingDialog] = []
    proposals: list[updating.UpdateProposal] = []

    def confirm_columns(dialog: MappingDialog) -> bool:
        asked.append(dialog)
        assert dialog.ok_button.text() == "下一步：比对"
        page = dialog.pages["重点任务"]
        combo = page.combos["lead_units"]
        assert combo.currentData() == 0  # not recognised: the officer has to say it
        assert "C 列“主办方”" in page.unused.text()  # and is told which column nobody takes
        combo.setCurrentIndex(combo.findData(3))  # C: 主办方
        assert page.unused.text() == ""
        return True

    def accept(dialog: UpdateDialog) -> bool:
        proposals.append(dialog.proposal)
        return True

    monkeypatch.setattr(w, "ask_open_file", lambda *_: v2)
    monkeypatch.setattr(w, "ask_mapping", confirm_columns)
    monkeypatch.setattr(w, "ask_update", accept)
    w.update_action.trigger()
    qtbot.waitUntil(lambda: w.plan_model.plan_at(0).version == 2, timeout=20000)
    assert asked and proposals
    # Read with the confirmed column, the lead units are unchanged: nothing shows as modified.
    assert not [m for m in proposals[0].result.matches if m.changes]
    rows = {r.number: r for r in ledger.list_measures(ws.db, plan_id, Q2)}
    assert rows["1"].lead_units == ("县行政审批局",)
    detail = ledger.measure_detail(ws.db, first.id, Q2)
    assert detail.progress[str(Q2)].progress_text == "已上线"
    w.close()


def test_cancelling_the_columns_of_an_update_changes_nothing(
    qtbot: QtBot, ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan_id = _import_confirmed(ws, _book(tmp_path / "v1.xlsx", "XX县2023年重点任务台账", ROWS))
    rows = [list(r) for r in ROWS]
    rows[2][1] = "压缩工程建设项目审批时间至50个工作日"
    v2 = _book(tmp_path / "v2.xlsx", "XX县2023年重点任务台账", rows)
    w = MainWindow(ws)
    qtbot.addWidget(w)
    remembered: list[int] = []

    def cancel(dialog: MappingDialog) -> bool:
        # Same header as at import: the column confirmed then is already chosen.
        remembered.append(dialog.pages["重点任务"].combos["lead_units"].currentData())
        return False

    monkeypatch.setattr(w, "ask_open_file", lambda *_: v2)
    monkeypatch.setattr(w, "ask_mapping", cancel)
    monkeypatch.setattr(w, "ask_update", lambda _d: pytest.fail("no diff after a cancel"))
    w.update_action.trigger()
    qtbot.waitUntil(lambda: "已取消更新" in w.statusBar().currentMessage(), timeout=20000)
    assert remembered == [3]
    assert [v.version for v in updating.plan_versions(ws, plan_id)] == [1]
    w.close()


def test_a_workbook_named_xls_gets_the_column_dialog(
    qtbot: QtBot, ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = workbook(tmp_path / "a.xlsx").rename(tmp_path / "任务清单.xls")
    w = MainWindow(ws)
    qtbot.addWidget(w)
    asked: list[MappingDialog] = []

    def confirm(dialog: MappingDialog) -> bool:
        asked.append(dialog)
        combo = dialog.pages["任务清单"].combos["lead_units"]
        combo.setCurrentIndex(combo.findData(3))
        return True

    monkeypatch.setattr(w, "ask_open_file", lambda *_: path)
    monkeypatch.setattr(w, "ask_mapping", confirm)
    monkeypatch.setattr(w, "ask_preview", lambda _dialog: True)
    w.import_action.trigger()
    qtbot.waitUntil(lambda: w.plan_model.rowCount() == 1, timeout=20000)
    assert asked
    rows = ledger.list_measures(ws.db, w.plan_model.plan_at(0).id, Q2)
    assert [r.lead_units for r in rows] == [("县教育局",), ("县住建局",)]
    w.close()
