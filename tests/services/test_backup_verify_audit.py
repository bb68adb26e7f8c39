"""Evidence verification, the evidence size cap setting, and the audit log's read/export side."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from desktop.domain import Status
from desktop.services import auditlog, backup, evidence, progress, settings, verify
from desktop.services.errors import UserError
from desktop.services.workspace import Workspace
from desktop.storage import backup as archive
from tests.services.test_backup import populate


def test_verify_lists_missing_and_changed_files(ws: Workspace, tmp_path: Path) -> None:
    ids = populate(ws, tmp_path, files=3)
    report = verify.verify_evidence(ws)
    assert report.ok and report.records == 3 and report.files == 3
    assert "全部佐证材料完好" in "\n".join(report.lines())
    files = archive.store_files(ws.paths.evidence)
    files[0].unlink()
    files[1].write_bytes(b"overwritten by a virus scanner")
    orphan = tmp_path / "orphan.txt"
    orphan.write_text("x")
    evidence.remove(ws, evidence.attach(ws, ids[0], orphan, quarter=None))
    report = verify.verify_evidence(ws)
    assert not report.ok
    assert [p.sha256 for p in report.missing] == [files[0].name]
    assert [p.sha256 for p in report.changed] == [files[1].name]
    assert report.unreferenced == 1
    text = "\n".join(report.lines())
    assert "[缺失]" in text and "[内容已改变]" in text and "佐证材料" in text
    assert "措施" in text


def test_restore_repairs_missing_and_damaged_evidence(ws: Workspace, tmp_path: Path) -> None:
    populate(ws, tmp_path, files=3)
    saved = backup.create_backup(ws, tmp_path / "b.lsbak")
    files = archive.store_files(ws.paths.evidence)
    files[0].unlink()
    files[1].write_bytes(b"damaged")
    assert not verify.verify_evidence(ws).ok
    backup.restore_into(ws, saved.path)
    assert verify.verify_evidence(ws).ok


def test_evidence_size_cap_is_a_setting(ws: Workspace, tmp_path: Path) -> None:
    ids = populate(ws, tmp_path, files=0)
    assert settings.get(ws.db, "evidence_max_mb") == "200"
    settings.update(ws.db, {"evidence_max_mb": "1"}, author="测试员")
    big = tmp_path / "会议照片.jpg"
    big.write_bytes(b"\0" * (1024 * 1024 + 1))
    with pytest.raises(UserError) as err:
        evidence.attach(ws, ids[0], big, quarter=None)
    assert "超过单个佐证材料的上限 1 MB" in err.value.message
    settings.update(ws.db, {"evidence_max_mb": "2"}, author="测试员")
    evidence.attach(ws, ids[0], big, quarter=None)


def test_audit_log_lists_in_chinese_and_filters(ws: Workspace, tmp_path: Path) -> None:
    ids = populate(ws, tmp_path, files=1)
    progress.set_status(ws, ids[0], Status.DONE)
    backup.create_backup(ws, tmp_path / "b.lsbak")
    entries = auditlog.list_entries(ws.db)
    assert entries[0].action_label == "备份"
    status = next(e for e in entries if e.action == "status" and e.new_text == "已完成")
    assert status.old_text == "推进中" and status.author == "测试员"
    prog = next(e for e in entries if e.action == "progress")
    assert "进展情况：已完成第" in prog.new_text and "下步打算：" in prog.new_text
    assert "sha256" not in " ".join(e.new_text for e in entries)
    only = auditlog.list_entries(ws.db, "临泽县")
    assert len(only) == 1 and only[0].action_label == "修改设置"
    assert auditlog.list_entries(ws.db, limit=2) == entries[:2]


def test_audit_export_csv_opens_in_excel(ws: Workspace, tmp_path: Path) -> None:
    ids = populate(ws, tmp_path, files=1)
    from desktop.domain import Quarter

    progress.save_progress(
        ws, ids[1], Quarter(2024, 1), progress_text="=1+1", problems="-", next_steps="@x"
    )
    out = tmp_path / "日志.csv"
    n = auditlog.export_csv(ws.db, out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(out.open(encoding="utf-8-sig")))
    assert rows[0] == list(auditlog.COLUMNS) and len(rows) == n + 1
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)
    assert auditlog.export_csv(ws.db, tmp_path / "f.csv", "不存在的文字") == 0
    with pytest.raises(UserError):
        auditlog.export_csv(ws.db, tmp_path / "no" / "such" / "dir.csv")
