"""季度定稿 in the window: confirm, read-only panel for the closed quarter, undo with a reason."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from desktop.domain import Quarter, Status
from desktop.services import ledger, progress, snapshots
from desktop.services.workspace import Workspace
from desktop.ui.main_window import MainWindow
from tests.factories import import_document, make_document

TODAY = date(2023, 6, 20)
Q = Quarter(2023, 2)


@pytest.fixture
def window(qtbot: QtBot, ws: Workspace) -> Iterator[MainWindow]:
    plan_id = import_document(ws, make_document(4))
    first = ledger.list_measures(ws.db, plan_id, Q)[0].id
    progress.save_progress(ws, first, Q, progress_text="已推进", problems="", next_steps="")
    w = MainWindow(ws, today=TODAY)
    qtbot.addWidget(w)
    w.show()
    w.table.selectRow(0)
    yield w
    w.close()


def editable(w: MainWindow) -> bool:
    d = w.detail
    return (
        not d.progress_edit.isReadOnly()
        and d.save_button.isEnabled()
        and d.attach_button.isEnabled()
        and d.remove_button.isEnabled()
    )


def freeze(window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    def confirm(text: str) -> bool:
        asked.append(text)
        return True

    monkeypatch.setattr(window, "confirm", confirm)
    window.freeze_action.trigger()
    assert asked and "定稿后" in asked[0] and "2023年第二季度" in asked[0]
    qtbot.waitUntil(lambda: not editable(window), timeout=10000)


def test_declining_the_confirmation_changes_nothing(
    window: MainWindow, ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(window, "confirm", lambda _text: False)
    window.freeze_action.trigger()
    assert snapshots.list_snapshots(ws) == []
    assert editable(window)


def test_freeze_makes_the_quarter_read_only_in_the_panel(
    window: MainWindow, ws: Workspace, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert editable(window)
    freeze(window, qtbot, monkeypatch)
    [info] = snapshots.list_snapshots(ws)
    assert info.quarter == "2023Q2" and info.active
    d = window.detail
    assert "已定稿" in d.progress_box.title() and "已定稿" in d.saved_label.text()
    assert d.progress_edit.toPlainText() == "已推进"
    assert not d.acceptDrops()
    # status is the measure's current one and stays editable
    assert all(b.isEnabled() for b in d.status_buttons.values())
    measure_id = d.measure_id
    assert measure_id is not None
    d.status_buttons[Status.DONE].click()
    assert ledger.measure_detail(ws.db, measure_id, Q).row.status == Status.DONE
    # another quarter of the same plan is editable
    window.set_quarter(Q.next())
    assert window.detail.measure_id == measure_id
    assert editable(window)
    window.set_quarter(Q)
    assert not editable(window)


def test_unfreeze_asks_for_a_reason(
    window: MainWindow, ws: Workspace, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    freeze(window, qtbot, monkeypatch)
    monkeypatch.setattr(window, "ask_text", lambda *_: None)  # cancelled
    window.unfreeze_action.trigger()
    assert snapshots.is_frozen(ws, Q)
    labels: list[str] = []

    def ask_text(_title: str, label: str, _text: str = "") -> str:
        labels.append(label)
        return "市里退回补充材料"

    monkeypatch.setattr(window, "ask_text", ask_text)
    window.unfreeze_action.trigger()
    assert "原因" in labels[0]
    assert not snapshots.is_frozen(ws, Q)
    assert editable(window)
    [old] = snapshots.list_snapshots(ws)
    assert not old.active and old.superseded_reason == "市里退回补充材料"
    # typing and saving works again
    window.detail.progress_edit.setPlainText("补充后的进展")
    window.detail.request_save()
    measure_id = window.detail.measure_id
    assert measure_id is not None
    saved = ledger.measure_detail(ws.db, measure_id, Q).progress["2023Q2"]
    assert saved.progress_text == "补充后的进展"


def test_unfreeze_of_an_open_quarter_only_informs(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(window, "ask_text", lambda *_: pytest.fail("should not ask"))
    window.unfreeze_action.trigger()
    assert "尚未定稿" in window.statusBar().currentMessage()
