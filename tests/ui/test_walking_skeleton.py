"""The five steps of a new user, driven through the window offscreen."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.app import Session, create_app, start
from desktop.domain import Status
from tests.conftest import SAMPLE_43


def _start(qtbot: QtBot, data_dir: Path) -> Session:
    create_app()
    session = start(data_dir)
    assert session is not None
    qtbot.addWidget(session.window)
    return session


def _answer_open(monkeypatch: pytest.MonkeyPatch, window: object, path: Path) -> None:
    monkeypatch.setattr(window, "ask_open_file", lambda *_: path)
    monkeypatch.setattr(window, "ask_preview", lambda dialog: True)


def test_officer_walks_from_document_to_report_and_back(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir = tmp_path / "data"
    # 1. First start: Chinese window on a new database that already holds the sample plan.
    session = _start(qtbot, data_dir)
    w = session.window
    assert "落实台账" in w.windowTitle()
    assert w.menuBar().actions()[0].text() == "文件(&F)"
    assert w.plan_model.rowCount() == 1
    assert "放管服" in w.plan_model.plan_at(0).title
    assert w.measure_model.rowCount() > 30

    # 2. Import the second document from the File menu; its measures show in the table.
    _answer_open(monkeypatch, w, SAMPLE_43)
    w.import_action.trigger()
    qtbot.waitUntil(lambda: w.plan_model.rowCount() == 2, timeout=20000)
    plan = w.plan_model.plan_at(w.plan_view.currentIndex().row())
    assert plan.doc_number == "甘政办发〔2021〕43号"
    model = w.measure_model
    assert model.rowCount() >= 20
    assert model.index(0, model.NUMBER).data() == "（一）"
    assert model.index(0, model.TITLE).data() == "简化就业手续"
    assert model.index(0, model.LEAD).data() == "省人社厅、省教育厅"
    assert model.headerData(model.DEADLINE, Qt.Orientation.Horizontal) == "完成时限"

    # 3. Mark 推进中, write this quarter's progress, attach evidence (then delete the original).
    w.table.selectRow(0)
    measure_id = w.detail.measure_id
    assert measure_id is not None
    qtbot.mouseClick(w.detail.status_buttons[Status.IN_PROGRESS], Qt.MouseButton.LeftButton)
    assert model.index(0, model.STATUS).data().startswith("推进中")
    w.detail.progress_edit.setPlainText("已取消签章环节，完成社会培训评价组织遴选。")
    w.detail.problems_edit.setPlainText("部分县区系统尚未对接。")
    w.detail.next_edit.setPlainText("9月底前完成全部对接。")
    qtbot.mouseClick(w.detail.save_button, Qt.MouseButton.LeftButton)
    assert w.detail.saved_label.text().startswith("已保存")
    proof = tmp_path / "培训评价组织名单.pdf"
    proof.write_bytes(b"%PDF-1.4 evidence")
    _answer_open(monkeypatch, w, proof)
    qtbot.mouseClick(w.detail.attach_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.detail.evidence_list.count() == 1, timeout=10000)
    assert "培训评价组织名单.pdf" in w.detail.evidence_list.item(0).text()
    proof.unlink()
    stored = [p for p in (data_dir / "evidence").rglob("*") if p.is_file()]
    assert [p.read_bytes() for p in stored] == [b"%PDF-1.4 evidence"]

    # 4. Print the quarterly report: a PDF with an embedded Chinese font, previewed in the window
    #    and opened in the system viewer.
    out = tmp_path / "report.pdf"
    opened: list[Path] = []
    monkeypatch.setattr(w, "ask_report_options", lambda dialog: True)
    monkeypatch.setattr(w, "ask_save_file", lambda *_: out)
    monkeypatch.setattr(w, "open_external", opened.append)
    quarter = w.quarter
    w.report_action.trigger()
    qtbot.waitUntil(lambda: getattr(w, "preview", None) is not None, timeout=30000)
    assert w.preview.document.pageCount() >= 2
    w.preview.external_button.click()
    assert opened == [out]
    reader = PdfReader(out)
    text = "".join(page.extract_text() for page in reader.pages)
    assert "已取消签章环节" in text and "推进中" in text
    assert quarter.label in text
    fonts = [
        font.get_object()
        for page in reader.pages
        for font in (page["/Resources"].get("/Font") or {}).values()
    ]
    cjk = [f for f in fonts if "Hei" in str(f["/BaseFont"]) or "Ming" in str(f["/BaseFont"])]
    assert cjk and all("/FontFile2" in f["/FontDescriptor"] for f in cjk)
    w.preview.close()

    # 5. Close and reopen: everything is still there (and the exit backup was written).
    session.close()
    assert list((data_dir / "backups").glob("*.lsbak"))
    session = _start(qtbot, data_dir)
    w = session.window
    assert w.plan_model.rowCount() == 2
    w.plan_view.setCurrentIndex(w.plan_model.index(1))
    w.table.selectRow(0)
    assert w.detail.measure_id == measure_id
    assert w.detail.status_buttons[Status.IN_PROGRESS].isChecked()
    assert w.detail.progress_edit.toPlainText() == "已取消签章环节，完成社会培训评价组织遴选。"
    assert w.detail.evidence_list.count() == 1
    session.close()


def test_second_start_on_the_same_data_directory_is_refused(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = _start(qtbot, tmp_path / "data")
    warnings: list[str] = []
    monkeypatch.setattr(
        "desktop.app.QMessageBox.warning", lambda _p, _t, text: warnings.append(text)
    )
    assert start(tmp_path / "data") is None
    assert "已经在使用数据目录" in warnings[0]
    session.close()


def test_import_of_a_file_without_measures_shows_a_chinese_message_and_stores_nothing(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = _start(qtbot, tmp_path / "data")
    w = session.window
    shown: list[str] = []
    monkeypatch.setattr(
        "desktop.ui.tasks.show_error", lambda _p, exc: shown.append(str(exc)), raising=False
    )
    from desktop.ui import errors

    monkeypatch.setattr(errors, "show_error", lambda _p, exc: shown.append(errors.message_for(exc)))
    notice = tmp_path / "通知.txt"
    notice.write_text("关于召开会议的通知\n\n请各单位准时参加。\n", encoding="utf-8")
    _answer_open(monkeypatch, w, notice)
    w.import_action.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    assert "没有识别出任何措施" in shown[0]
    assert w.plan_model.rowCount() == 1
    session.close()


def test_english_interface_is_shipped_and_chosen_in_settings(qtbot: QtBot, tmp_path: Path) -> None:
    from desktop.services import settings
    from desktop.services.workspace import Workspace

    ws = Workspace.open(tmp_path / "data")
    settings.update(ws.db, {"language": "en", "sample_loaded": "1"}, author="test")
    ws.close()
    session = _start(qtbot, tmp_path / "data")
    w = session.window
    assert w.menuBar().actions()[0].text() == "&File"
    assert (
        w.measure_model.headerData(w.measure_model.DEADLINE, Qt.Orientation.Horizontal)
        == "Deadline"
    )
    session.close()
    session = _start(qtbot, tmp_path / "data2")
    assert session.window.menuBar().actions()[0].text() == "文件(&F)"
    session.close()
