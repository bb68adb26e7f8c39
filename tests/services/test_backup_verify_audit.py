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


def test_every_action_and_field_in_the_log_has_a_chinese_name(
    ws: Workspace, tmp_path: Path
) -> None:
    """Walk every use case that writes the log, then read it back as an officer would."""
    import re

    from desktop.domain import Quarter
    from desktop.services import fillin, importing, ledger, snapshots, updating
    from tests.services.test_fillin import _fill
    from tests.services.test_updating import SAMPLE_43, make_v2

    q = Quarter(2023, 2)
    plan_id = importing.import_file(ws, SAMPLE_43).plan_ids[0]
    rows = ledger.list_measures(ws.db, plan_id, q)
    first = rows[0].id
    progress.set_status(ws, first, Status.IN_PROGRESS)
    progress.save_progress(ws, first, q, progress_text="已推进", problems="无", next_steps="继续")
    proof = tmp_path / "纪要.pdf"
    proof.write_bytes(b"%PDF-1.4 minutes")
    ev = evidence.attach(ws, first, proof, quarter=q)
    evidence.describe(ws, ev, "会议纪要")
    evidence.remove(ws, ev)
    settings.update(ws.db, {"officer": "王科员", "language": "zh_CN"}, author="王科员")
    outcome = updating.apply_update(ws, updating.propose_update(ws, plan_id, make_v2(tmp_path)))
    assert outcome.added and outcome.archived
    # A task list whose new version brings 进展情况 for a task with none stored: carried over.
    header = ["序号", "重点任务", "牵头单位", "完成时限", "进展情况"]
    title = "XX县2023年第二季度重点任务推进表"
    v1 = _task_list(
        tmp_path / "推进表.xlsx", title, header, [["1", "任务甲", "县发改局", "6月底前", ""]]
    )
    list_id = importing.import_file(ws, v1).plan_ids[0]
    v2 = _task_list(
        tmp_path / "推进表（第二版）.xlsx",
        title,
        header,
        [["1", "任务甲", "县发改局", "6月底前", "已完成招标"]],
    )
    updating.apply_update(ws, updating.propose_update(ws, list_id, v2))
    unit = rows[0].lead_units[0]
    book = fillin.export_workbooks(ws, q, tmp_path / "fill", units=[unit])[0][1]
    _fill(book, {first: {"进展情况": "部门已完成", "状态": "已完成"}})
    fillin.apply(ws, fillin.review(ws, book), {})
    snapshots.freeze_quarter(ws, q, [plan_id])
    snapshots.unfreeze_quarter(ws, q, plan_id, "数据有误")
    saved = backup.create_backup(ws, tmp_path / "b.lsbak")
    ws.close()
    backup.restore_backup(ws.paths.root, saved.path, author="王科员")
    reopened = Workspace.open(ws.paths.root)
    try:
        # The restored data predate the backup's own entry: back up again to log one.
        backup.create_backup(reopened, tmp_path / "b2.lsbak")
        entries = auditlog.list_entries(reopened.db)
    finally:
        reopened.close()
    actions = {(e.action, e.entity) for e in entries}
    expected = {
        "import", "status", "progress", "attach", "describe", "remove", "update", "add",
        "archive", "fillin", "freeze", "unfreeze", "backup", "restore",
    }  # fmt: skip
    assert {a for a, _ in actions} == expected
    labels = {(e.action, e.entity): e.action_label for e in entries}
    assert labels[("update", "setting")] == "修改设置"
    assert labels[("update", "plan")] == "更新计划版本"
    assert labels[("update", "measure")] == "按新版本修改措施"
    latin = re.compile(r"[A-Za-z_]{2,}")
    # A value that is a code ('update', 'manual', 'in_progress'), not text an officer wrote or a
    # file name: it has to be shown by its Chinese name too.
    code = re.compile(r"[A-Za-z_][A-Za-z0-9_\-]*")
    for e in entries:
        assert not latin.search(e.action_label + e.entity_label), e
        for text in (e.old_text, e.new_text):
            for part in text.split("；"):
                name, _, value = part.partition("：") if "：" in part else ("", "", part)
                assert not latin.search(name), (e.action, name)
                for item in value.split("、"):
                    assert not code.fullmatch(item.strip()), (e.action, name, item)
    carried = next(e for e in entries if e.action == "progress" and "已完成招标" in e.new_text)
    assert "来源文件：推进表（第二版）.xlsx" in carried.new_text and "版本：2" in carried.new_text
    backup_entry = next(e for e in entries if e.action == "backup")
    assert "方式：手动" in backup_entry.new_text and " KB" in backup_entry.new_text
    assert "佐证材料文件数：" in backup_entry.new_text
    setting = next(e for e in entries if e.action == "update" and "填报人" in e.new_text)
    assert "填报人：王科员" in setting.new_text
    prog = next(e for e in entries if e.action == "progress")
    assert "季度：2023年第二季度" in prog.new_text
    # The CSV says the same as the window.
    out = tmp_path / "log.csv"
    reopened = Workspace.open(ws.paths.root)
    try:
        auditlog.export_csv(reopened.db, out)
    finally:
        reopened.close()
    text = out.read_text(encoding="utf-8-sig")
    assert "更新计划版本" in text and "牵头单位：" in text and "lead_units" not in text


def _task_list(path: Path, title: str, header: list[str], rows: list[list[str]]) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    sheet = wb.active
    assert sheet is not None
    sheet.title = "任务"
    sheet.append([title])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    wb.save(path)
    return path


def test_progress_carried_over_before_it_was_logged_with_its_file_reads_in_chinese() -> None:
    logged = {"quarter": "2023Q2", "progress": "已完成招标", "source": "update"}
    assert auditlog.format_value(logged, "progress") == (
        "季度：2023年第二季度；进展情况：已完成招标；来源文件：计划新版本"
    )
