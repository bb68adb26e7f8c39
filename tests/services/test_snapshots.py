"""Closing a quarter: snapshot content, read-only quarter, undo with a reason, identical reprint."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.domain import Quarter, Status
from desktop.models import AuditLog, Measure, StatusChange
from desktop.models.entities import QuarterSnapshot
from desktop.reports import fonts
from desktop.reports.data import ReportPlan
from desktop.services import evidence, ledger, progress, reporting, settings, snapshots
from desktop.services.errors import UserError
from desktop.services.workspace import Workspace
from tests.factories import import_document, make_document

Q = Quarter(2023, 2)
TODAY = date(2023, 7, 3)


def unfrozen(plans: tuple[ReportPlan, ...]) -> tuple[ReportPlan, ...]:
    """Plans as the live data has them: without the snapshot they were printed from."""
    return tuple(replace(p, frozen_id=0) for p in plans)


def measure_ids(ws: Workspace, plan_id: int) -> list[int]:
    return [r.id for r in ledger.list_measures(ws.db, plan_id, Q)]


@pytest.fixture
def plan(ws: Workspace, tmp_path: Path) -> int:
    """A plan with statuses, this quarter's texts, last quarter's texts and evidence."""
    plan_id = import_document(ws, make_document(8))
    ids = measure_ids(ws, plan_id)
    settings.update(
        ws.db,
        {"unit_name": "某县人民政府办公室", "officer": "王丽", "reviewer": "张建国"},
        "测试员",
    )
    progress.set_status(ws, ids[0], Status.DONE)
    progress.set_status(ws, ids[1], Status.IN_PROGRESS)
    # The statuses were set during the quarter, as a report of it (dated 30 June) then shows.
    with ws.db.transaction() as s:
        for change in s.scalars(select(StatusChange)):
            change.at = datetime(2023, 6, 1, 2, 0, tzinfo=UTC)
    progress.save_progress(
        ws, ids[0], Q, progress_text="已全面完成。", problems="无", next_steps="巩固成果"
    )
    progress.save_progress(
        ws, ids[1], Q, progress_text="正在推进。", problems="资金不足", next_steps="争取资金"
    )
    progress.save_progress(
        ws, ids[1], Q.previous(), progress_text="上季度的进展", problems="", next_steps=""
    )
    doc = tmp_path / "会议纪要.pdf"
    doc.write_bytes(b"%PDF-1.4 minutes")
    evidence.attach(ws, ids[0], doc, quarter=Q, description="专题会议纪要")
    other = tmp_path / "上季度.txt"
    other.write_text("old", encoding="utf-8")
    evidence.attach(ws, ids[0], other, quarter=Q.previous())
    return plan_id


def test_snapshot_reproduces_the_live_report_exactly(ws: Workspace, plan: int) -> None:
    before = reporting.build_report_data(ws, Q, [plan], today=TODAY)
    [info] = snapshots.freeze_quarter(ws, Q, [plan], today=TODAY)
    frozen = snapshots.snapshot_report_data(ws, Q, [plan])
    assert frozen.data_version == f"定稿 2023Q2 #{info.id} · {info.content_sha256[:12]}"
    assert frozen.generated_at == info.created_at
    assert replace(
        before,
        generated_at=frozen.generated_at,
        data_version=frozen.data_version,
        plans=tuple(replace(p, frozen_id=info.id) for p in before.plans),
    ) == (frozen)
    first = frozen.plans[0].measures[0]
    assert first.progress == "已全面完成。" and first.status == Status.DONE.value
    assert [e.file_name for e in first.evidence] == ["会议纪要.pdf"]
    assert len(first.evidence[0].sha256) == 64


def test_payload_holds_what_the_brief_lists(ws: Workspace, plan: int) -> None:
    [info] = snapshots.freeze_quarter(ws, Q, [plan], today=TODAY)
    assert info.plan_id == plan and info.quarter == "2023Q2" and info.revision == 1
    assert info.author == "测试员" and info.measure_count == 8 and info.app_version
    with ws.db.session() as s:
        payload = s.get(QuarterSnapshot, info.id).payload  # type: ignore[union-attr]
    assert snapshots.content_hash(payload) == info.content_sha256
    assert payload["settings"]["officer"] == "王丽"
    assert set(payload["settings"]) == set(snapshots.REPORT_SETTINGS)
    m = payload["measures"][0]
    assert set(m) >= {
        "id",
        "path",
        "number",
        "title",
        "text",
        "sections",
        "lead_units",
        "responsible_units",
        "deadline_text",
        "deadline",
        "long_term",
        "status",
        "progress",
        "problems",
        "next_steps",
        "evidence",
    }
    assert m["sections"] == ["一、深化改革开放"]
    assert set(m["evidence"][0]) >= {"name", "description", "size", "added_at", "sha256"}
    assert snapshots.verify_snapshot(ws, info.id)


def test_report_data_unchanged_after_later_edits(ws: Workspace, plan: int) -> None:
    snapshots.freeze_quarter(ws, Q, [plan], today=TODAY)
    frozen = snapshots.snapshot_report_data(ws, Q, [plan])
    ids = measure_ids(ws, plan)
    # later status changes, texts of other quarters, settings and measure edits stay out
    progress.set_status(ws, ids[0], Status.SUSPENDED)
    progress.set_status(ws, ids[3], Status.DONE)
    progress.save_progress(
        ws, ids[0], Q.next(), progress_text="下季度的进展", problems="", next_steps=""
    )
    settings.update(
        ws.db,
        {"unit_name": "另一个单位", "officer": "李四", "report_title_template": "{quarter}报告"},
        "测试员",
    )
    with ws.db.transaction() as s:
        m = s.get(Measure, ids[2])
        assert m is not None
        m.title, m.text, m.lead_units = "改过的标题", "改过的正文", ["别的单位"]
    assert snapshots.snapshot_report_data(ws, Q, [plan]) == frozen
    live = reporting.build_report_data(ws, Q, [plan], today=TODAY)
    assert live.unit_name == "另一个单位" and frozen.unit_name == "某县人民政府办公室"


def test_frozen_quarter_refuses_texts_and_evidence(
    ws: Workspace, plan: int, tmp_path: Path
) -> None:
    ids = measure_ids(ws, plan)
    snapshots.freeze_quarter(ws, Q, [plan], today=TODAY)
    message = "2023年第二季度已定稿，不能再修改。如确需修改，请先撤销定稿。"
    with pytest.raises(UserError) as err:
        progress.save_progress(ws, ids[0], Q, progress_text="改", problems="", next_steps="")
    assert err.value.message == message
    new_file = tmp_path / "新材料.txt"
    new_file.write_text("x", encoding="utf-8")
    with pytest.raises(UserError, match="已定稿"):
        evidence.attach(ws, ids[0], new_file, quarter=Q)
    detail = ledger.measure_detail(ws.db, ids[0], Q)
    frozen_ev = next(e for e in detail.evidence if e.original_name == "会议纪要.pdf")
    with pytest.raises(UserError, match="已定稿"):
        evidence.remove(ws, frozen_ev.id)
    with pytest.raises(UserError, match="已定稿"):
        evidence.describe(ws, frozen_ev.id, "新说明")
    # other quarters, and status, stay editable
    assert progress.save_progress(
        ws, ids[0], Q.next(), progress_text="下季度", problems="", next_steps=""
    )
    evidence.attach(ws, ids[0], new_file, quarter=Q.next())
    old_ev = next(e for e in detail.evidence if e.original_name == "上季度.txt")
    evidence.remove(ws, old_ev.id)
    progress.set_status(ws, ids[0], Status.IN_PROGRESS)


def test_other_plans_are_not_frozen(ws: Workspace, plan: int) -> None:
    other = import_document(ws, make_document(3, title="另一个计划"), "other.txt")
    snapshots.freeze_quarter(ws, Q, [plan], today=TODAY)
    assert snapshots.is_frozen(ws, Q, [plan])
    assert not snapshots.is_frozen(ws, Q, [other])
    assert not snapshots.is_frozen(ws, Q)  # not every plan
    assert not snapshots.is_frozen(ws, Q.next(), [plan])
    mid = measure_ids(ws, other)[0]
    assert progress.save_progress(ws, mid, Q, progress_text="可以写", problems="", next_steps="")


def test_freezing_twice_is_refused(ws: Workspace, plan: int) -> None:
    snapshots.freeze_quarter(ws, Q, [plan], today=TODAY)
    with pytest.raises(UserError) as err:
        snapshots.freeze_quarter(ws, Q, [plan])
    assert "已经定稿" in err.value.message and "撤销定稿" in err.value.message
    with pytest.raises(UserError):
        snapshots.freeze_quarter(ws, Q)  # all plans: this one is among them
    assert len(snapshots.list_snapshots(ws)) == 1


def test_freeze_unknown_plan_or_empty_database(ws: Workspace) -> None:
    with pytest.raises(UserError, match="还没有任何计划"):
        snapshots.freeze_quarter(ws, Q)
    import_document(ws, make_document(2))
    with pytest.raises(UserError, match="找不到编号为 99"):
        snapshots.freeze_quarter(ws, Q, [99])
    assert snapshots.list_snapshots(ws) == []


def test_unfreeze_keeps_the_snapshot_and_audits_the_reason(ws: Workspace, plan: int) -> None:
    [first] = snapshots.freeze_quarter(ws, Q, [plan], today=TODAY)
    with pytest.raises(UserError, match="原因"):
        snapshots.unfreeze_quarter(ws, Q, plan, "  ")
    old = snapshots.unfreeze_quarter(ws, Q, plan, "市里退回，要求补充佐证材料")
    assert old.id == first.id and not old.active
    assert old.superseded_reason == "市里退回，要求补充佐证材料" and old.superseded_by == "测试员"
    assert not snapshots.is_frozen(ws, Q, [plan])
    ids = measure_ids(ws, plan)
    assert progress.save_progress(ws, ids[0], Q, progress_text="补充", problems="", next_steps="")
    with pytest.raises(UserError, match="尚未定稿"):
        snapshots.unfreeze_quarter(ws, Q, plan, "再撤一次")

    [second] = snapshots.freeze_quarter(ws, Q, [plan], today=TODAY)
    assert second.revision == 2 and second.content_sha256 != first.content_sha256
    listed = snapshots.list_snapshots(ws, Q)
    assert [(s.id, s.active) for s in listed] == [(first.id, False), (second.id, True)]
    assert snapshots.snapshot_report_data(ws, Q, [plan]).plans[0].measures[0].progress == "补充"
    assert snapshots.verify_snapshot(ws, first.id)  # the old one is intact
    with ws.db.session() as s:
        log = s.scalars(
            select(AuditLog).where(AuditLog.entity == "quarter_snapshot").order_by(AuditLog.id)
        ).all()
    assert [a.action for a in log] == ["freeze", "unfreeze", "freeze"]
    assert log[1].new_value == {"reason": "市里退回，要求补充佐证材料"}
    assert log[0].new_value["sha256"] == first.content_sha256


def test_freeze_all_plans_and_reprint_them_together(ws: Workspace, plan: int) -> None:
    other = import_document(ws, make_document(3, title="另一个计划"), "other.txt")
    before = reporting.build_report_data(ws, Q, today=TODAY)
    infos = snapshots.freeze_quarter(ws, Q, today=TODAY)
    assert [i.plan_id for i in infos] == [plan, other]
    assert snapshots.is_frozen(ws, Q)
    frozen = snapshots.snapshot_report_data(ws, Q)
    assert frozen.title == before.title
    assert unfrozen(frozen.plans) == before.plans
    assert frozen.data_version.startswith(f"定稿 2023Q2 #{infos[0].id}+#{infos[1].id} · ")
    # the combined hash of the footer is what the snapshot list gives for the quarter
    assert snapshots.combined_versions(ws) == [("2023Q2", frozen.data_version)]
    assert snapshots.combined_versions(ws, Q.next()) == []
    assert unfrozen(snapshots.snapshot_report_data(ws, Q, [other]).plans) == before.plans[1:]


def test_report_filter_applies_to_the_snapshot(ws: Workspace, plan: int) -> None:
    only = reporting.ReportFilter(statuses=frozenset({Status.DONE}))
    before = reporting.build_report_data(ws, Q, [plan], today=TODAY, only=only)
    snapshots.freeze_quarter(ws, Q, [plan], today=TODAY)
    assert unfrozen(snapshots.snapshot_report_data(ws, Q, [plan], only=only).plans) == before.plans
    sections = reporting.ReportFilter(sections=frozenset({"二"}))
    before = reporting.build_report_data(ws, Q, [plan], today=TODAY, only=sections)
    frozen = snapshots.snapshot_report_data(ws, Q, [plan], only=sections)
    assert unfrozen(frozen.plans) == before.plans


def test_tampered_snapshot_is_refused(ws: Workspace, plan: int) -> None:
    [info] = snapshots.freeze_quarter(ws, Q, [plan], today=TODAY)
    with ws.db.transaction() as s:
        snap = s.get(QuarterSnapshot, info.id)
        assert snap is not None
        payload = dict(snap.payload)
        payload["settings"] = {**payload["settings"], "officer": "冒名"}
        snap.payload = payload
    assert not snapshots.verify_snapshot(ws, info.id)
    with pytest.raises(UserError, match="摘要不符"):
        snapshots.snapshot_report_data(ws, Q, [plan])


def test_pdf_is_byte_identical_after_later_edits(
    ws: Workspace, plan: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("desktop.reports.pdf_report")
    empty = tmp_path / "no-fonts"
    empty.mkdir()
    monkeypatch.setenv(fonts.FONT_DIRS_ENV, str(empty))
    [info] = snapshots.freeze_quarter(ws, Q, [plan], today=TODAY)
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    reporting.write_pdf_report(ws, Q, first, [plan])
    ids = measure_ids(ws, plan)
    progress.set_status(ws, ids[0], Status.SUSPENDED)
    settings.update(ws.db, {"unit_name": "另一个单位", "phone": "12345"}, "测试员")
    with ws.db.transaction() as s:
        m = s.get(Measure, ids[1])
        assert m is not None
        m.text = "改过的正文"
    reporting.write_pdf_report(ws, Q, second, [plan])
    assert first.read_bytes() == second.read_bytes()
    from pypdf import PdfReader

    footer = PdfReader(str(first)).pages[0].extract_text()
    assert f"#{info.id}" in footer and info.content_sha256[:12] in footer


def test_upgrade_from_0001_with_data(tmp_path: Path) -> None:
    """A database saved by the first release, with a plan in it, upgrades and can be frozen."""
    from alembic import command

    from desktop.models.database import (
        alembic_config,
        current_revision,
        head_revision,
        make_engine,
    )

    path = tmp_path / "data" / "ledger.sqlite3"
    path.parent.mkdir()
    engine = make_engine(f"sqlite:///{path}")
    cfg = alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    engine.dispose()
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO plan (id, title, kind, version, archived, created_at, updated_at) "
            "VALUES (1, '旧计划', 'document', 1, 0, '2023-01-01 00:00:00', '2023-01-01 00:00:00')"
        )
        conn.execute(
            "INSERT INTO measure (id, plan_id, path, number, title, text, lead_units, "
            "responsible_units, long_term, archived, position, status, created_at) VALUES "
            "(1, 1, '[\"1\"]', '1', '旧措施', '旧措施正文', '[]', '[]', 1, 0, 0, 'done', "
            "'2023-01-01 00:00:00')"
        )
        conn.execute(
            "INSERT INTO progress (measure_id, quarter, status, progress_text, problems, "
            "next_steps, author, updated_at) VALUES "
            "(1, '2023Q2', 'done', '旧进展', '', '', '张三', '2023-06-01 00:00:00')"
        )
    ws = Workspace.open(path.parent)
    try:
        assert current_revision(ws.db.engine) == head_revision()
        assert ws.db.migration_backup is not None
        [info] = snapshots.freeze_quarter(ws, Q, today=TODAY)
        data = snapshots.snapshot_report_data(ws, Q)
        assert data.plans[0].measures[0].progress == "旧进展"
        assert info.measure_count == 1
    finally:
        ws.close()


def test_archived_measure_is_in_the_frozen_reprint_as_it_was_live(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A measure a later version removed still reports the quarter it had progress in: the
    live report lists it marked 已归档 and leaves it out of the figures, and so does the
    snapshot's reprint, in the PDF and in Word."""
    from docx import Document

    from desktop.services import importing, updating
    from tests.conftest import SAMPLE_43
    from tests.services.test_updating import make_v2

    monkeypatch.setenv(fonts.FONT_DIRS_ENV, str(tmp_path))  # bundled fonts only
    q1, day = Quarter(2023, 1), date(2023, 4, 3)
    plan_id = importing.import_file(ws, SAMPLE_43).plan_ids[0]
    ids = {r.title: r.id for r in ledger.list_measures(ws.db, plan_id, q1)}
    removed = ids["改善消费体验"]
    progress.save_progress(
        ws, removed, q1, progress_text="已开展消费环境调研", problems="", next_steps=""
    )
    progress.save_progress(
        ws, ids["优化就业服务"], q1, progress_text="系统已上线", problems="", next_steps=""
    )
    updating.apply_update(ws, updating.propose_update(ws, plan_id, make_v2(tmp_path)))

    def gone(data: object) -> list[object]:
        return [m for p in data.plans for m in p.measures if m.measure_id == removed]  # type: ignore[attr-defined]

    live = reporting.build_report_data(ws, q1, [plan_id], today=day)
    [row] = gone(live)
    assert row.archived and row.progress == "已开展消费环境调研"  # type: ignore[attr-defined]
    live_pdf, live_docx = tmp_path / "live.pdf", tmp_path / "live.docx"
    reporting.write_pdf_report(ws, q1, live_pdf, [plan_id], today=day)
    reporting.write_pdf_report(ws, q1, live_docx, [plan_id], today=day)

    [info] = snapshots.freeze_quarter(ws, q1, [plan_id], today=day)
    assert info.measure_count == 22  # the plan's measures; the archived one is listed only
    frozen = snapshots.snapshot_report_data(ws, q1, [plan_id])
    assert unfrozen(frozen.plans) == live.plans
    frozen_pdf, frozen_docx = tmp_path / "frozen.pdf", tmp_path / "frozen.docx"
    reporting.write_pdf_report(ws, q1, frozen_pdf, [plan_id], today=day)
    reporting.write_pdf_report(ws, q1, frozen_docx, [plan_id], today=day)

    from tests.reports.conftest import pdf_text, squeeze, stream_text

    for pdf in (live_pdf, frozen_pdf):
        text = squeeze(pdf_text(pdf))
        assert "共22项重点任务" in text  # 22 in the plan now; the archived one not counted
        assert "另有1项任务已在文件新版本中删除" in text
        rows = squeeze(stream_text(pdf))
        at = rows.index("改善消费体验")
        assert "已开展消费环境调研" in rows[at : at + 400]
        assert "（已归档）" in rows[at : at + 400]
        assert "注：状态标“已归档”的任务" in text
    for path in (live_docx, frozen_docx):
        doc = Document(str(path))
        table = next(t for t in doc.tables if t.rows[0].cells[0].text == "序号")
        [cells] = [
            [c.text for c in r.cells] for r in table.rows if "改善消费体验" in r.cells[1].text
        ]
        assert cells[4] == "已开展消费环境调研" and cells[7].endswith("（已归档）")
        body = "".join(p.text for p in doc.paragraphs)
        assert "共22项重点任务" in body and "注：状态标“已归档”的任务" in body
