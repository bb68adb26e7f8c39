"""Evidence in the detail panel: drop files in, thumbnails, description, removal after confirming."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from desktop.services import ledger
from desktop.services.workspace import Workspace
from desktop.ui.detail_panel import THUMBNAIL_ROLE
from desktop.ui.main_window import MainWindow
from tests.factories import import_document, make_document


@pytest.fixture
def window(qtbot: QtBot, ws: Workspace) -> Iterator[MainWindow]:
    import_document(ws, make_document(3))
    w = MainWindow(ws)
    qtbot.addWidget(w)
    w.table.selectRow(0)
    yield w
    w.close()


def test_dropped_files_are_stored_with_thumbnails(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    photo = tmp_path / "现场照片.png"
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("#2563eb"))
    assert image.save(str(photo))
    note = tmp_path / "说明.txt"
    note.write_text("会议纪要", encoding="utf-8")
    measure_id = window.detail.measure_id
    assert measure_id is not None
    window.detail.files_dropped.emit(measure_id, [photo, note])
    qtbot.waitUntil(lambda: window.detail.evidence_list.count() == 2, timeout=10000)
    items = [window.detail.evidence_list.item(i) for i in range(2)]
    # the photo shows itself (blue), the note a file-type icon
    assert items[0].data(THUMBNAIL_ROLE) is True
    thumb = items[0].icon().pixmap(48, 48).toImage()
    assert thumb.pixelColor(thumb.width() // 2, thumb.height() // 2) == QColor("#2563eb")
    assert items[1].data(THUMBNAIL_ROLE) is False and not items[1].icon().isNull()


def test_description_edit_and_confirmed_removal(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ws: Workspace
) -> None:
    proof = tmp_path / "纪要.pdf"
    proof.write_bytes(b"%PDF-1.4")
    measure_id = window.detail.measure_id
    assert measure_id is not None
    window.attach_files(measure_id, [proof])
    qtbot.waitUntil(lambda: window.detail.evidence_list.count() == 1, timeout=10000)
    window.detail.evidence_list.setCurrentRow(0)
    monkeypatch.setattr(window, "ask_text", lambda *_: "第二次推进会纪要")
    window.detail.describe_button.click()
    assert "第二次推进会纪要" in window.detail.evidence_list.item(0).text()
    window.detail.evidence_list.setCurrentRow(0)
    monkeypatch.setattr(window, "confirm", lambda _text: False)
    window.detail.remove_button.click()
    assert window.detail.evidence_list.count() == 1
    monkeypatch.setattr(window, "confirm", lambda _text: True)
    window.detail.remove_button.click()
    assert window.detail.evidence_list.count() == 0
    from desktop.domain import Quarter

    assert ledger.measure_detail(ws.db, measure_id, Quarter(2023, 2)).evidence == ()


def test_a_file_over_the_size_cap_is_refused_with_a_message(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ws: Workspace
) -> None:
    ws.store.max_bytes = 10
    big = tmp_path / "录像.mp4"
    big.write_bytes(b"x" * 11)
    shown: list[str] = []
    monkeypatch.setattr(
        "desktop.ui.evidence_actions.show_error", lambda _p, exc: shown.append(exc.message)
    )
    measure_id = window.detail.measure_id
    assert measure_id is not None
    window.attach_files(measure_id, [big])
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert "超过单个佐证材料的上限" in shown[0]
    assert window.detail.evidence_list.count() == 0
