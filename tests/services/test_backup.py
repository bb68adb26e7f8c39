"""Backup and restore: verified archives, automatic backups kept 7 days + 4 weeks, safe restore."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import zipfile
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from desktop.domain import Quarter, Status
from desktop.models import AuditLog, Measure, Plan, PlanVersion, Section
from desktop.models.database import head_revision
from desktop.services import backup, evidence, progress, settings
from desktop.services.errors import UserError
from desktop.services.workspace import Workspace
from desktop.storage import backup as archive


def populate(ws: Workspace, tmp: Path, measures: int = 5, files: int = 3) -> list[int]:
    """A plan with measures, progress, statuses, evidence and a setting, through the services."""
    with ws.db.transaction() as s:
        plan = Plan(title="关于进一步优化营商环境的若干措施", doc_number="甘政办发〔2022〕137号")
        plan.versions.append(
            PlanVersion(version=1, source_name="137.txt", source_sha256="0" * 64, author="测试员")
        )
        section = Section(plan=plan, path=["一"], number="一、", title="优化审批服务")
        s.add_all([plan, section])
        for i in range(measures):
            s.add(
                Measure(
                    plan=plan,
                    section=section,
                    path=["一", str(i + 1)],
                    number=f"{i + 1}.",
                    title=f"措施{i + 1}",
                    text=f"第{i + 1}项措施的正文。",
                    lead_units=["省发展改革委"],
                    responsible_units=["各市州政府"],
                    deadline=date(2023, 12, 31),
                    position=i,
                    # the first one starts on a date and repeats quarterly (schema 0004)
                    start_date=date(2023, 1, 1) if i == 0 else None,
                    recurring="每季度" if i == 0 else None,
                    remarks="省考事项" if i == 0 else "",
                )
            )
        s.flush()
        ids = [m.id for m in plan.measures]
    q = Quarter(2023, 2)
    for i, mid in enumerate(ids):
        progress.set_status(ws, mid, Status.IN_PROGRESS)
        progress.save_progress(
            ws,
            mid,
            q,
            progress_text=f"已完成第{i}阶段。",
            problems="资金不足。",
            next_steps="下季度继续推进。",
        )
    for i in range(files):
        src = tmp / f"佐证材料 {i}.pdf"
        src.write_bytes(f"%PDF-1.4 evidence {i} ".encode() * (100 + i))
        evidence.attach(ws, ids[i % len(ids)], src, quarter=q, description=f"说明{i}")
    settings.update(ws.db, {"unit_name": "临泽县人民政府办公室"}, author="测试员")
    return ids


def dump(db_file: Path) -> list[str]:
    conn = sqlite3.connect(db_file)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def content_dump(db_file: Path, skip_audit_after: int | None = None) -> list[tuple[str, list]]:
    """Rows of every table except alembic_version, for comparing data across a restore."""
    conn = sqlite3.connect(db_file)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name != 'alembic_version' "
                "ORDER BY name"
            )
        ]
        out = []
        for t in tables:
            query = f'SELECT * FROM "{t}"'
            if t == "audit_log" and skip_audit_after is not None:
                query += f" WHERE id <= {skip_audit_after}"
            out.append((t, conn.execute(query + " ORDER BY 1").fetchall()))
        return out
    finally:
        conn.close()


@pytest.fixture
def full_ws(ws: Workspace, tmp_path: Path) -> Workspace:
    populate(ws, tmp_path)
    return ws


def test_backup_writes_a_verified_archive_with_manifest(full_ws: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "out" / "备份"
    result = backup.create_backup(full_ws, out)
    assert result.path.name == "备份.lsbak" and result.path.is_file()
    assert not list(result.path.parent.glob("*.partial"))
    m = result.manifest
    assert m.app_version and m.schema_revision == head_revision()
    assert m.counts["plan"] == 1 and m.counts["measure"] == 5 and m.counts["evidence"] == 3
    assert len(m.evidence) == 3 and not m.missing and not m.changed
    with zipfile.ZipFile(result.path) as zf:
        names = set(zf.namelist())
        assert names == {"manifest.json", "ledger.sqlite3"} | {e.path for e in m.evidence}
        for e in m.evidence:
            assert hashlib.sha256(zf.read(e.path)).hexdigest() == e.sha256
        assert json.loads(zf.read("manifest.json"))["format"] == archive.FORMAT
    # The snapshot is self-contained (rollback journal) and passes integrity_check.
    snap = tmp_path / "snap.sqlite3"
    archive.verify_archive(result.path, database_to=snap)
    assert archive.integrity_check(snap) == "ok"
    with sqlite3.connect(snap) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    last = backup.last_backup(full_ws)
    assert last is not None and last.new_value["file"] == str(result.path)


def test_backup_reports_missing_and_changed_evidence(full_ws: Workspace, tmp_path: Path) -> None:
    files = archive.store_files(full_ws.paths.evidence)
    files[0].unlink()
    files[1].write_bytes(b"tampered")
    result = backup.create_backup(full_ws, tmp_path / "b.lsbak")
    assert result.manifest.missing == [files[0].name]
    assert result.manifest.changed == [files[1].name]
    assert len(result.warnings) == 2 and "缺失" in result.warnings[0]


def test_restore_summary_names_evidence_lost_before_the_backup(
    full_ws: Workspace, tmp_path: Path
) -> None:
    files = archive.store_files(full_ws.paths.evidence)
    by_hash = {f.name: f for f in files}
    with full_ws.db.session() as s:
        from desktop.models import Evidence

        names = {e.sha256: e.original_name for e in s.query(Evidence)}
    lost, edited = sorted(by_hash)[:2]
    by_hash[lost].unlink()
    by_hash[edited].write_bytes(b"edited in place")
    saved = backup.create_backup(full_ws, tmp_path / "b.lsbak")
    assert saved.manifest.labels[lost][0].startswith(names[lost])
    info = backup.describe_backup(saved.path)
    assert info.has_problems
    text = "\n".join(info.lines())
    assert f"[缺失] {names[lost]}（关于进一步优化营商环境的若干措施 / " in text
    assert f"[内容已改变] {names[edited]}（" in text
    # The restore goes ahead (the database and the good files are worth having) and says so.
    result = backup.restore_backup(tmp_path / "new", saved.path)
    assert result.info.missing and result.info.changed


def _rewrite(src: Path, out: Path, change: object) -> Path:
    """A copy of an archive with members and manifest edited by `change(members, manifest)`."""
    with zipfile.ZipFile(src) as zf:
        members = {i.filename: zf.read(i) for i in zf.infolist()}
    manifest = json.loads(members.pop("manifest.json"))
    change(members, manifest)  # type: ignore[operator]
    with zipfile.ZipFile(out, "w") as zf:
        for name, payload in members.items():
            zf.writestr(name, payload)
        zf.writestr("manifest.json", json.dumps(manifest))
    return out


def test_restore_refuses_evidence_edited_with_its_manifest_hash_rewritten(
    full_ws: Workspace, tmp_path: Path
) -> None:
    saved = backup.create_backup(full_ws, tmp_path / "b.lsbak")

    def edit(members: dict[str, bytes], manifest: dict) -> None:
        entry = manifest["evidence"][0]
        members[entry["path"]] = b"forged evidence"
        entry["sha256"] = hashlib.sha256(b"forged evidence").hexdigest()
        entry["size"] = len(b"forged evidence")

    forged = _rewrite(saved.path, tmp_path / "forged.lsbak", edit)
    with pytest.raises(UserError, match="内容与其校验值不符"):
        backup.describe_backup(forged)
    root = full_ws.paths.root
    full_ws.close()
    before = dump(root / "ledger.sqlite3")
    with pytest.raises(UserError, match="内容与其校验值不符"):
        backup.restore_backup(root, forged)
    assert dump(root / "ledger.sqlite3") == before


def test_restore_refuses_an_archive_with_evidence_silently_removed(
    full_ws: Workspace, tmp_path: Path
) -> None:
    saved = backup.create_backup(full_ws, tmp_path / "b.lsbak")

    def drop(members: dict[str, bytes], manifest: dict) -> None:
        entry = manifest["evidence"].pop(0)
        del members[entry["path"]]

    thinned = _rewrite(saved.path, tmp_path / "thin.lsbak", drop)
    root = full_ws.paths.root
    full_ws.close()
    before = dump(root / "ledger.sqlite3")
    with pytest.raises(UserError, match="备份文件不完整"):
        backup.restore_backup(root, thinned)
    assert dump(root / "ledger.sqlite3") == before


def test_backup_that_fails_verification_is_not_kept(
    full_ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_a: object, **_k: object) -> None:
        raise archive.BackupError("备份中的数据库未通过完整性检查（测试）。请使用另一份备份。")

    monkeypatch.setattr(archive, "verify_archive", broken)
    out = tmp_path / "b.lsbak"
    with pytest.raises(UserError, match="完整性检查"):
        backup.create_backup(full_ws, out)
    assert not out.exists() and not list(tmp_path.glob("*.partial"))
    assert backup.last_backup(full_ws) is None


def test_cancelled_backup_leaves_nothing(full_ws: Workspace, tmp_path: Path) -> None:
    from desktop.domain import Cancelled

    with pytest.raises(Cancelled):
        backup.create_backup(full_ws, tmp_path / "b.lsbak", progress=lambda d, t: False)
    assert list(tmp_path.glob("b.lsbak*")) == [] and not list(tmp_path.glob(".*partial"))


def test_auto_backup_only_when_changed(full_ws: Workspace) -> None:
    first = backup.auto_backup_if_changed(full_ws, datetime(2024, 3, 1, 17, 0, 0))
    assert first is not None and first.path.parent == full_ws.paths.backups
    assert backup.auto_backup_if_changed(full_ws, datetime(2024, 3, 1, 17, 5, 0)) is None
    mid = full_ws_first_measure(full_ws)
    progress.set_status(full_ws, mid, Status.DONE)
    second = backup.auto_backup_if_changed(full_ws, datetime(2024, 3, 1, 17, 10, 0))
    assert second is not None and second != first


def full_ws_first_measure(ws: Workspace) -> int:
    with ws.db.session() as s:
        return int(s.query(Measure.id).order_by(Measure.id).first()[0])  # type: ignore[index]


def test_prune_keeps_seven_daily_and_four_weekly(tmp_path: Path) -> None:
    start = datetime(2024, 1, 1, 9, 0, 0)
    made = []
    for day in range(60):
        for hour in (9, 17):
            stamp = start + timedelta(days=day, hours=hour - 9)
            path = tmp_path / f"auto-{stamp:%Y%m%d-%H%M%S}.lsbak"
            path.write_bytes(b"x")
            made.append((stamp, path))
    manual = tmp_path / "落实台账备份-20240101-0900.lsbak"
    manual.write_bytes(b"x")
    pre = tmp_path / "pre-restore-20240101-090000.lsbak"
    pre.write_bytes(b"x")
    backup.prune_auto_backups(tmp_path)
    kept = sorted(p.name for p in tmp_path.glob("auto-*.lsbak"))
    days = {n[5:13] for n in kept}
    # Last 7 days (their 17:00 copies), plus the newest of each of the 3 earlier ISO weeks.
    assert len(kept) == len(days) <= 7 + 4
    assert all(n.endswith("170000.lsbak") for n in kept)
    newest = max(s for s, _ in made)
    last7 = {(newest - timedelta(days=d)).strftime("%Y%m%d") for d in range(7)}
    assert last7 <= days
    weeks = {datetime.strptime(d, "%Y%m%d").isocalendar()[:2] for d in days}
    assert len(weeks) == 4 or len(weeks) == 3  # the last 7 days may span 1 or 2 weeks
    assert manual.exists() and pre.exists()


def test_restore_round_trip_brings_back_data_and_evidence(
    full_ws: Workspace, tmp_path: Path
) -> None:
    saved = backup.create_backup(full_ws, tmp_path / "b.lsbak")
    upto = saved.manifest.counts["audit_log"]
    before = content_dump(full_ws.paths.database, skip_audit_after=upto)
    # Then the officer's PC dies: a new, empty data directory on a new machine.
    full_ws.close()
    new_dir = tmp_path / "new-pc"
    info = backup.describe_backup(saved.path)
    assert (info.plans, info.measures, info.evidence_files) == (1, 5, 3)
    assert any("措施 5 项" in line for line in info.lines())
    result = backup.restore_backup(new_dir, saved.path, author="新电脑")
    assert result.previous_backup is None and result.evidence_written == 3
    restored = Workspace.open(new_dir)
    try:
        after = content_dump(restored.paths.database, skip_audit_after=upto)
        assert after == before
        with restored.db.session() as s:
            first = s.query(Measure).order_by(Measure.id).first()
            assert first is not None
            assert (first.start_date, first.recurring, first.remarks) == (
                date(2023, 1, 1),
                "每季度",
                "省考事项",
            )
            last = s.query(AuditLog).order_by(AuditLog.id.desc()).first()
            assert last is not None and last.action == "restore" and last.author == "新电脑"
        for f in archive.store_files(full_ws.paths.evidence):
            assert (restored.paths.evidence / f.parent.name / f.name).read_bytes() == f.read_bytes()
    finally:
        restored.close()


def test_restore_keeps_current_data_as_a_backup_and_swaps(
    full_ws: Workspace, tmp_path: Path
) -> None:
    saved = backup.create_backup(full_ws, tmp_path / "b.lsbak")
    mid = full_ws_first_measure(full_ws)
    progress.set_status(full_ws, mid, Status.DONE)
    extra = tmp_path / "新材料.docx"
    extra.write_bytes(b"new evidence after backup")
    evidence.attach(full_ws, mid, extra, quarter=None)
    root = full_ws.paths.root
    full_ws.close()
    result = backup.restore_backup(root, saved.path)
    assert result.previous_backup is not None and result.previous_backup.name.startswith(
        "pre-restore-"
    )
    prev = backup.describe_backup(result.previous_backup)
    assert prev.evidence_records == 4
    ws2 = Workspace.open(root)
    try:
        with ws2.db.session() as s:
            assert s.get(Measure, mid).status == Status.IN_PROGRESS.value  # type: ignore[union-attr]
        # Evidence files are only ever added: the newer file is still in the store.
        assert ws2.store.check(hashlib.sha256(extra.read_bytes()).hexdigest()) == "ok"
    finally:
        ws2.close()
    assert not list(root.glob(".restore-*")) and not (root / "ledger.sqlite3-wal").exists()


def test_restore_into_open_workspace_reopens_it(full_ws: Workspace, tmp_path: Path) -> None:
    saved = backup.create_backup(full_ws, tmp_path / "b.lsbak")
    mid = full_ws_first_measure(full_ws)
    progress.set_status(full_ws, mid, Status.DONE)
    result = backup.restore_into(full_ws, saved.path)
    assert result.info.measures == 5
    with full_ws.db.session() as s:
        assert s.get(Measure, mid).status == Status.IN_PROGRESS.value  # type: ignore[union-attr]


def test_restore_refuses_a_damaged_archive_and_leaves_data_alone(
    full_ws: Workspace, tmp_path: Path
) -> None:
    saved = backup.create_backup(full_ws, tmp_path / "b.lsbak")
    root = full_ws.paths.root
    full_ws.close()
    before = dump(root / "ledger.sqlite3")
    data = bytearray(saved.path.read_bytes())
    # Flip bytes inside an evidence member (stored or deflated): a hash or CRC check fails.
    with zipfile.ZipFile(saved.path) as zf:
        info = zf.getinfo(saved.manifest.evidence[0].path)
    h = info.header_offset
    name_len, extra_len = (
        int.from_bytes(data[h + 26 : h + 28], "little"),
        int.from_bytes(data[h + 28 : h + 30], "little"),
    )
    offset = h + 30 + name_len + extra_len + 5
    data[offset] ^= 0xFF
    bad = tmp_path / "bad.lsbak"
    bad.write_bytes(bytes(data))
    with pytest.raises(UserError) as err:
        backup.restore_backup(root, bad)
    assert "损坏" in err.value.message or "不符" in err.value.message
    assert dump(root / "ledger.sqlite3") == before
    assert not list(root.glob(".restore-*"))


def test_restore_refuses_newer_schema(full_ws: Workspace, tmp_path: Path) -> None:
    saved = backup.create_backup(full_ws, tmp_path / "b.lsbak")
    future = tmp_path / "future.lsbak"
    with zipfile.ZipFile(saved.path) as src, zipfile.ZipFile(future, "w") as dst:
        for item in src.infolist():
            payload = src.read(item)
            if item.filename == "manifest.json":
                raw = json.loads(payload)
                raw["schema_revision"] = "9999_future"
                payload = json.dumps(raw).encode()
            dst.writestr(item, payload)
    with pytest.raises(UserError, match="更新版本"):
        backup.describe_backup(future)
    with pytest.raises(UserError, match="更新版本"):
        backup.restore_backup(full_ws.paths.root, future)


def test_restore_works_when_current_database_is_garbage(full_ws: Workspace, tmp_path: Path) -> None:
    saved = backup.create_backup(full_ws, tmp_path / "b.lsbak")
    root = full_ws.paths.root
    full_ws.close()
    for extra in root.glob("ledger.sqlite3-*"):
        extra.unlink()
    (root / "ledger.sqlite3").write_bytes(b"garbage" * 1000)
    result = backup.restore_backup(root, saved.path)
    assert result.previous_backup is not None and result.previous_backup.name.startswith("damaged-")
    assert (result.previous_backup / "ledger.sqlite3").read_bytes() == b"garbage" * 1000
    ws2 = Workspace.open(root)
    ws2.close()


def test_backup_name_gets_extension_and_refuses_evidence_folder(full_ws: Workspace) -> None:
    with pytest.raises(UserError, match="佐证材料文件夹"):
        backup.create_backup(full_ws, full_ws.paths.evidence / "x.lsbak")
    assert backup.default_backup_name(datetime(2024, 5, 6, 7, 8)).endswith("20240506-0708.lsbak")


@pytest.mark.skipif(os.name != "posix", reason="symlinks need privileges on Windows")
def test_hostile_archives_are_refused(full_ws: Workspace, tmp_path: Path) -> None:
    saved = backup.create_backup(full_ws, tmp_path / "b.lsbak")
    with zipfile.ZipFile(saved.path) as zf:
        members = [(i, zf.read(i)) for i in zf.infolist()]

    def variant(name: str, change: object) -> Path:
        out = tmp_path / f"{name}.lsbak"
        with zipfile.ZipFile(out, "w") as dst:
            for info, payload in members:
                dst.writestr(info, payload)
            change(dst)  # type: ignore[operator]
        return out

    def link(dst: zipfile.ZipFile) -> None:
        info = zipfile.ZipInfo("evidence/aa/" + "a" * 64)
        info.external_attr = (0o120777) << 16
        dst.writestr(info, "/etc/passwd")

    cases = {
        "slip": lambda dst: dst.writestr("../../evil.txt", b"x"),
        "abs": lambda dst: dst.writestr("/tmp/evil.txt", b"x"),
        "backslash": lambda dst: dst.writestr("evidence\\..\\..\\evil", b"x"),
        "drive": lambda dst: dst.writestr("C:/evil", b"x"),
        "extra": lambda dst: dst.writestr("evidence/bb/" + "b" * 64, b"x"),
        "link": link,
    }
    root = full_ws.paths.root
    full_ws.close()
    before = dump(root / "ledger.sqlite3")
    for name, change in cases.items():
        path = variant(name, change)
        with pytest.raises(UserError) as err:
            backup.restore_backup(root, path)
        assert "备份" in err.value.message, name
    assert dump(root / "ledger.sqlite3") == before
    assert not (tmp_path / "evil.txt").exists() and not Path("/tmp/evil.txt").exists()
    for junk in (b"", b"not a zip at all", b"PK\x03\x04broken"):
        path = tmp_path / "junk.lsbak"
        path.write_bytes(junk)
        with pytest.raises(UserError, match="不是有效的落实台账备份文件"):
            backup.describe_backup(path)
    plain = tmp_path / "plain.lsbak"
    with zipfile.ZipFile(plain, "w") as zf:
        zf.writestr("readme.txt", "hello")
    with pytest.raises(UserError):
        backup.describe_backup(plain)


def test_backups_are_also_copied_verified_to_the_second_folder(
    full_ws: Workspace, tmp_path: Path
) -> None:
    usb = tmp_path / "U盘"
    usb.mkdir()
    settings.update(full_ws.db, {backup.MIRROR_SETTING: str(usb)}, author="测试员")
    manual = backup.create_backup(full_ws, tmp_path / "手动.lsbak")
    assert manual.mirror is not None and manual.mirror.parent.parent == usb
    assert manual.mirror.read_bytes() == manual.path.read_bytes()
    assert backup.describe_backup(manual.mirror).measures == 5
    assert not list(usb.rglob("*.partial"))
    progress.set_status(full_ws, full_ws_first_measure(full_ws), Status.DONE)
    auto = backup.auto_backup_if_changed(full_ws, datetime(2024, 3, 1, 17, 0, 0))
    assert auto is not None and auto.mirror is not None and not auto.warnings
    assert auto.mirror.name == auto.path.name and auto.mirror.parent == manual.mirror.parent
    last = backup.last_backup(full_ws)
    assert last is not None and last.new_value["mirror"] == str(auto.mirror)


def test_unreachable_second_folder_warns_and_keeps_the_backup(
    full_ws: Workspace, tmp_path: Path
) -> None:
    usb = tmp_path / "U盘"
    usb.mkdir()
    settings.update(full_ws.db, {backup.MIRROR_SETTING: str(usb)}, author="测试员")
    usb.rmdir()  # the stick was pulled out
    result = backup.create_backup(full_ws, tmp_path / "b.lsbak")
    assert result.path.is_file() and result.mirror is None
    assert any("无法访问" in w and str(usb) in w for w in result.warnings)
    with pytest.raises(UserError, match="不存在或不是文件夹"):
        settings.update(full_ws.db, {backup.MIRROR_SETTING: str(usb)}, author="测试员")


def test_second_folder_prunes_only_its_automatic_backups(
    full_ws: Workspace, tmp_path: Path
) -> None:
    usb = tmp_path / "share"
    usb.mkdir()
    settings.update(full_ws.db, {backup.MIRROR_SETTING: str(usb)}, author="测试员")
    folder = backup.mirror_folder(full_ws)
    assert folder is not None
    folder.mkdir()
    old = [folder / f"auto-202301{d:02d}-170000.lsbak" for d in range(1, 29)]
    for path in old:
        path.write_bytes(b"x")
    mine = folder / "落实台账备份-20230101-0900.lsbak"
    mine.write_bytes(b"x")
    result = backup.auto_backup_if_changed(full_ws, datetime(2024, 3, 1, 17, 0, 0))
    assert result is not None and result.mirror is not None and result.mirror.exists()
    left = sorted(folder.glob("auto-*.lsbak"))
    assert len(left) <= backup.KEEP_DAILY + backup.KEEP_WEEKLY and mine.exists()


def test_restore_keeps_only_the_newest_ten_pre_restore_backups(
    full_ws: Workspace, tmp_path: Path
) -> None:
    saved = backup.create_backup(full_ws, tmp_path / "b.lsbak")
    root = full_ws.paths.root
    full_ws.close()
    for n in range(12):
        (root / "backups" / f"pre-restore-2020010{n // 10}-{n:06d}.lsbak").write_bytes(b"x")
    result = backup.restore_backup(root, saved.path)
    kept = sorted(p.name for p in (root / "backups").glob("pre-restore-*.lsbak"))
    assert len(kept) == backup.KEEP_PRE_RESTORE
    assert result.previous_backup is not None and result.previous_backup.name in kept
    assert "pre-restore-20200100-000000.lsbak" not in kept
