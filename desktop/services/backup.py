"""Backup and restore of a data directory, automatic backups at exit, each one in the audit log."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from alembic.script import ScriptDirectory
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop import APP_TITLE, __version__, config
from desktop.domain import Cancelled, ProgressCallback
from desktop.models import AuditLog, Database, DatabaseError, Evidence, Measure, Plan, Setting
from desktop.models.database import alembic_config
from desktop.services import audit
from desktop.services.errors import UserError
from desktop.services.workspace import Workspace, default_author
from desktop.storage import backup as archive
from desktop.storage.backup import SUFFIX, BackupError, Manifest
from desktop.storage.evidence_store import EvidenceStore

AUTO_PREFIX = "auto-"
PRE_RESTORE_PREFIX = "pre-restore-"
KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_PRE_RESTORE = 10
MIRROR_SETTING = "backup_mirror_dir"
COUNT_TABLES = ("plan", "measure", "progress", "evidence", "audit_log", "setting")
_STAMP = "%Y%m%d-%H%M%S"
_AUTO_NAME = re.compile(rf"^{AUTO_PREFIX}(\d{{8}}-\d{{6}})(?:-\d+)?{re.escape(SUFFIX)}$")


@dataclass(frozen=True)
class BackupResult:
    path: Path
    manifest: Manifest
    warnings: list[str] = field(default_factory=list)
    mirror: Path | None = None  # the verified copy in the second backup folder, if one was made


@dataclass(frozen=True)
class BackupInfo:
    """What an archive holds, for the officer to check before restoring it."""

    path: Path
    created_at: str
    app_version: str
    schema_revision: str | None
    plans: int
    measures: int
    progress: int
    evidence_records: int
    evidence_files: int
    evidence_bytes: int
    archive_bytes: int
    reason: str
    needs_migration: bool
    # Evidence already missing or changed when the backup was made: one line per record using it.
    missing: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()

    @property
    def has_problems(self) -> bool:
        return bool(self.missing or self.changed)

    def problem_lines(self, limit: int = 10) -> list[str]:
        """What the archive cannot give back, said before the officer confirms the restore."""
        out: list[str] = []
        for label, items, what in (
            ("缺失", self.missing, "备份时这些文件已不在数据目录中，备份里没有它们"),
            ("内容已改变", self.changed, "备份时这些文件已与添加时不一致，备份里是改变后的内容"),
        ):
            if not items:
                continue
            out.append(f"注意：{len(items)} 个佐证材料{label}（{what}）：")
            out.extend(f"  [{label}] {item}" for item in items[:limit])
            if len(items) > limit:
                out.append(f"  ……另有 {len(items) - limit} 个")
        return out

    def lines(self) -> list[str]:
        when = self.created_at.replace("T", " ")[:19]
        out = [
            f"备份文件：{self.path.name}",
            f"备份时间：{when}",
            f"程序版本：{self.app_version}（数据库版本 {self.schema_revision or '—'}）",
            f"计划 {self.plans} 个，措施 {self.measures} 项，进展记录 {self.progress} 条",
            f"佐证材料 {self.evidence_records} 条记录，{self.evidence_files} 个文件，"
            f"共 {_mb(self.evidence_bytes)}",
            f"备份文件大小：{_mb(self.archive_bytes)}",
        ]
        if self.needs_migration:
            out.append("该备份来自较早的版本，恢复时将自动升级数据格式。")
        return out + self.problem_lines()


@dataclass(frozen=True)
class RestoreResult:
    info: BackupInfo
    previous_backup: Path | None  # the data that was replaced, kept as a backup
    evidence_written: int
    migrated: bool


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


def known_revisions() -> set[str]:
    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def _head() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def default_backup_name(now: datetime | None = None) -> str:
    return f"落实台账备份-{(now or datetime.now()).strftime('%Y%m%d-%H%M')}{SUFFIX}"


def _user_error(exc: BackupError) -> UserError:
    return UserError(exc.message)


# -- backup -------------------------------------------------------------------------------------


def create_backup(
    ws: Workspace,
    out: Path,
    *,
    reason: str = "manual",
    progress: ProgressCallback | None = None,
) -> BackupResult:
    """Write a verified archive of the database and every evidence file, then audit it."""
    out = Path(out)
    if out.suffix.lower() != SUFFIX:
        out = out.with_name(out.name + SUFFIX)
    if out.resolve().is_relative_to(ws.paths.evidence.resolve()):
        raise UserError("不能把备份保存在佐证材料文件夹中，请选择其他位置。")
    with ws.db.session() as s:
        referenced = _evidence_labels(s)
        upto = s.scalar(select(func.max(AuditLog.id))) or 0
    try:
        manifest = archive.write_archive(
            out,
            database=ws.paths.database,
            evidence_root=ws.paths.evidence,
            referenced=referenced,
            app_version=__version__,
            count_tables=COUNT_TABLES,
            reason=reason,
            known_revisions=known_revisions(),
            progress=progress,
        )
    except BackupError as exc:
        raise _user_error(exc) from exc
    warnings = _warnings(manifest)
    mirror = None
    if reason in ("manual", "auto"):
        mirror, problem = _mirror(ws, out)
        if problem:
            warnings.append(problem)
    with ws.db.transaction() as s:
        audit.record(
            s,
            action="backup",
            entity="data",
            entity_id=None,
            author=ws.author,
            new={
                "file": str(out),
                "reason": reason,
                "upto_audit_id": upto,
                "evidence_files": len(manifest.evidence),
                "bytes": out.stat().st_size,
                "missing": len(manifest.missing),
                "changed": len(manifest.changed),
                **({"mirror": str(mirror)} if mirror else {}),
            },
        )
    return BackupResult(out, manifest, warnings, mirror)


def mirror_folder(ws: Workspace) -> Path | None:
    """Where copies of backups go besides the data directory (setting backup_mirror_dir).

    Each computer gets its own subfolder, so two offices sharing one network folder never prune
    each other's automatic backups.
    """
    with ws.db.session() as s:
        row = s.get(Setting, MIRROR_SETTING)
    if row is None or not row.value.strip():
        return None
    return Path(row.value.strip()).expanduser() / f"{APP_TITLE}-{_host()}"


def _host() -> str:
    name = re.sub(r'[\\/:*?"<>|\s]+', "_", socket.gethostname()).strip("._")
    return name or "本机"


def _mirror(ws: Workspace, made: Path) -> tuple[Path | None, str | None]:
    """Copy a new backup into the second folder; (copy, None) or (None, why not) or (None, None)."""
    folder = mirror_folder(ws)
    if folder is None:
        return None, None
    chosen = folder.parent
    if not chosen.is_dir():
        return None, (
            f"第二备份文件夹“{chosen}”现在无法访问（U盘未插入，或网络文件夹未连接？），"
            f"本次备份只保存在“{made.parent}”。接好后请用 文件 > 备份数据 再备份一次。"
        )
    if made.parent.resolve() in (folder.resolve(), chosen.resolve()):
        return made, None  # saved there already
    try:
        folder.mkdir(exist_ok=True)
        copy = archive.copy_verified(made, folder, known_revisions=known_revisions())
    except (BackupError, OSError) as exc:
        why = exc.message if isinstance(exc, BackupError) else (exc.strerror or str(exc))
        return None, f"未能复制到第二备份文件夹：{why} 本次备份只保存在“{made.parent}”。"
    if made.name.startswith(AUTO_PREFIX):
        prune_auto_backups(folder)
    return copy, None


def _evidence_labels(s: Session) -> dict[str, list[str]]:
    """Each stored hash with the records that use it, as the officer knows them."""
    rows = s.execute(
        select(Evidence.sha256, Evidence.original_name, Measure.number, Measure.title, Plan.title)
        .join(Measure, Evidence.measure_id == Measure.id)
        .join(Plan, Measure.plan_id == Plan.id)
        .order_by(Evidence.id)
    ).all()
    out: dict[str, list[str]] = {}
    for sha, name, number, title, plan in rows:
        short = plan if len(plan) <= 18 else plan[:17] + "…"  # titles run to 60 characters
        out.setdefault(sha, []).append(f"{name}（{short} / {number} {title}）".replace(" ）", "）"))
    return out


def _warnings(manifest: Manifest) -> list[str]:
    out = []
    missing = _problem_labels(manifest, manifest.missing)
    changed = [x for sha in manifest.changed for x in manifest.labels.get(sha, [])]
    if missing:
        out.append(
            f"有 {len(manifest.missing)} 个佐证材料文件在数据目录中缺失，未能备份："
            + _some(missing)
            + "。请运行“校验佐证材料”查看详情，并从较早的备份恢复这些文件。"
        )
    if changed:
        out.append(
            f"有 {len(changed)} 个佐证材料文件内容已被改动（与添加时不一致），已按现状备份："
            + _some(changed)
            + "。请运行“校验佐证材料”查看详情。"
        )
    return out


def _some(items: list[str], limit: int = 3) -> str:
    more = f"等 {len(items)} 个" if len(items) > limit else ""
    return "、".join(items[:limit]) + more


def last_backup(ws: Workspace) -> AuditLog | None:
    with ws.db.session() as s:
        return s.scalar(
            select(AuditLog).where(AuditLog.action == "backup").order_by(AuditLog.id.desc())
        )


def changed_since_last_backup(ws: Workspace) -> bool:
    """True when the audit log has entries (other than backups) newer than the last backup."""
    last = last_backup(ws)
    upto = 0
    if last is not None:
        value = last.new_value if isinstance(last.new_value, dict) else {}
        upto = int(value.get("upto_audit_id", last.id))
    with ws.db.session() as s:
        newer = s.scalar(
            select(AuditLog.id).where(AuditLog.id > upto, AuditLog.action != "backup").limit(1)
        )
    return newer is not None


def auto_backup_if_changed(ws: Workspace, now: datetime | None = None) -> BackupResult | None:
    """At exit: back up into the data directory's backups folder if anything changed, then prune.

    Keeps the newest copy of each of the last 7 days and of each of the last 4 weeks. Returns
    the result (with a warning when the second backup folder was out of reach), or None when
    nothing changed. Raises UserError when the backup failed.
    """
    if not changed_since_last_backup(ws):
        return None
    now = now or datetime.now()
    folder = ws.paths.backups
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{AUTO_PREFIX}{now.strftime(_STAMP)}{SUFFIX}"
    n = 1
    while target.exists():
        target = folder / f"{AUTO_PREFIX}{now.strftime(_STAMP)}-{n}{SUFFIX}"
        n += 1
    result = create_backup(ws, target, reason="auto")
    prune_auto_backups(folder)
    return result


def prune_auto_backups(folder: Path) -> list[Path]:
    """Delete automatic backups beyond the newest per day (7 days) and per ISO week (4 weeks).

    Only files named auto-YYYYMMDD-HHMMSS.lsbak are touched; manual and pre-restore backups stay.
    """
    dated: list[tuple[datetime, Path]] = []
    for path in folder.glob(f"{AUTO_PREFIX}*{SUFFIX}"):
        m = _AUTO_NAME.match(path.name)
        if m:
            with contextlib.suppress(ValueError):
                dated.append((datetime.strptime(m.group(1), _STAMP), path))
    dated.sort(key=lambda item: (item[0], item[1].name), reverse=True)
    keep: set[Path] = set()
    days: set[object] = set()
    weeks: set[object] = set()
    for stamp, path in dated:
        day = stamp.date()
        week = stamp.isocalendar()[:2]
        if day not in days and len(days) < KEEP_DAILY:
            days.add(day)
            keep.add(path)
        if week not in weeks and len(weeks) < KEEP_WEEKLY:
            weeks.add(week)
            keep.add(path)
    removed = []
    for _, path in dated:
        if path not in keep:
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path)
    for partial in folder.glob(".*.partial"):  # left by a backup the machine died during
        with contextlib.suppress(OSError):
            if datetime.now().timestamp() - partial.stat().st_mtime > 3600:
                partial.unlink()
    return removed


# -- describe and restore -----------------------------------------------------------------------


def describe_backup(path: Path) -> BackupInfo:
    """What an archive holds, after structural checks; refuses archives from a newer schema."""
    path = Path(path)
    try:
        manifest = archive.read_manifest(path)
    except BackupError as exc:
        raise _user_error(exc) from exc
    rev = manifest.schema_revision
    if rev is not None and rev not in known_revisions():
        raise UserError(
            f"此备份由更新版本的落实台账（{manifest.app_version}，数据库版本 {rev}）创建，"
            "当前程序无法恢复。请先安装最新版本的程序。"
        )
    counts = manifest.counts
    return BackupInfo(
        path=path,
        created_at=manifest.created_at,
        app_version=manifest.app_version,
        schema_revision=rev,
        plans=counts.get("plan", 0),
        measures=counts.get("measure", 0),
        progress=counts.get("progress", 0),
        evidence_records=counts.get("evidence", 0),
        evidence_files=len(manifest.evidence),
        evidence_bytes=manifest.evidence_bytes,
        archive_bytes=path.stat().st_size,
        reason=manifest.reason,
        needs_migration=rev != _head(),
        missing=tuple(_problem_labels(manifest, manifest.missing)),
        # A changed file no record uses does not matter to the officer; only used ones are labelled.
        changed=tuple(x for sha in manifest.changed for x in manifest.labels.get(sha, [])),
    )


def _problem_labels(manifest: Manifest, hashes: list[str]) -> list[str]:
    """Records by name where the manifest knows them, else the bare hash."""
    out: list[str] = []
    for sha in hashes:
        out.extend(manifest.labels.get(sha) or [f"文件 {sha[:12]}…"])
    return out


class _Phases:
    """One progress bar over several steps of different weights."""

    def __init__(self, callback: ProgressCallback | None, weights: list[int]) -> None:
        self.callback = callback
        self.weights = [max(w, 1) for w in weights]
        self.total = sum(self.weights)
        self.index = 0

    def step(self, index: int) -> ProgressCallback:
        base = sum(self.weights[:index])
        weight = self.weights[index]

        def report(done: int, total: int) -> bool:
            if self.callback is None:
                return True
            return self.callback(base + weight * done // max(total, 1), self.total)

        return report


def restore_author(paths: config.DataPaths) -> str:
    """Who restores: the officer named in the current data's settings, else the system user."""
    if paths.database.is_file():
        with contextlib.suppress(sqlite3.DatabaseError):
            conn = sqlite3.connect(f"file:{paths.database}?mode=ro", uri=True)
            try:
                row = conn.execute("SELECT value FROM setting WHERE key = 'officer'").fetchone()
            finally:
                conn.close()
            if row and str(row[0]).strip():
                return str(row[0]).strip()
    return default_author()


def restore_backup(
    data_dir: Path,
    path: Path,
    *,
    author: str | None = None,
    progress: ProgressCallback | None = None,
) -> RestoreResult:
    """Replace a data directory's database with the archive's, adding its evidence files.

    The data directory must not be open (close the workspace first). Order, so that a failure
    at any step leaves the current data in place:
    1. verify the whole archive and unpack its database beside the current one;
    2. migrate that copy if it is from an older version, and record the restore in it;
    3. keep the current data as a backup (backups/pre-restore-….lsbak);
    4. add the archive's evidence files to the store (content-addressed, so nothing is lost);
    5. swap the database files with one atomic rename.

    `author` defaults to `restore_author` (settings officer, else the system user).
    """
    try:
        paths = config.resolve(data_dir).ensure()
    except config.DataDirError as exc:
        raise UserError(exc.message) from exc
    if author is None:
        author = restore_author(paths)
    info = describe_backup(path)
    current_bytes = sum(p.stat().st_size for p in archive.store_files(paths.evidence))
    if paths.database.exists():
        current_bytes += paths.database.stat().st_size
    if not archive.free_space_ok(paths.root, info.archive_bytes + info.evidence_bytes * 2):
        raise UserError("磁盘空间不足，无法恢复备份。请清理磁盘后重试。")
    phases = _Phases(progress, [info.evidence_bytes + 1, current_bytes, info.evidence_bytes + 1])
    stamp = datetime.now().strftime(_STAMP)
    staging = paths.root / f".restore-{stamp}.sqlite3"
    try:
        try:
            manifest = archive.verify_archive(
                path,
                known_revisions=known_revisions(),
                progress=phases.step(0),
                database_to=staging,
            )
        except BackupError as exc:
            raise _user_error(exc) from exc
        migrated = _prepare_restored_database(staging, path, manifest, author, paths)
        previous = _keep_current_data(paths, author, stamp, phases.step(1))
        try:
            written = archive.extract_evidence(path, manifest, paths.evidence, phases.step(2))
        except BackupError as exc:
            raise _user_error(exc) from exc
        _quiesce(paths.database, paths.backups / f"replaced-{stamp}")
        os.replace(staging, paths.database)
        archive._fsync_dir(paths.root)
    except OSError as exc:
        raise UserError(
            f"恢复备份时无法写入数据目录：{exc.strerror or exc}。当前数据未被替换。"
        ) from exc
    finally:
        for leftover in paths.root.glob(f".restore-{stamp}*"):
            with contextlib.suppress(OSError):
                leftover.unlink()
    prune_pre_restore_backups(paths.backups)
    return RestoreResult(info, previous, written, migrated)


def prune_pre_restore_backups(folder: Path, keep: int = KEEP_PRE_RESTORE) -> list[Path]:
    """Keep the newest `keep` copies of data replaced by a restore; older ones go."""
    found = sorted(folder.glob(f"{PRE_RESTORE_PREFIX}*{SUFFIX}"), key=lambda p: p.name)
    removed = []
    for path in found[: max(len(found) - keep, 0)]:
        with contextlib.suppress(OSError):
            path.unlink()
            removed.append(path)
    return removed


def _prepare_restored_database(
    staging: Path, source: Path, manifest: Manifest, author: str, paths: config.DataPaths
) -> bool:
    """Migrate the unpacked database to this version and write the restore into its audit log."""
    try:
        db = Database.open_file(staging)
    except DatabaseError as exc:
        raise UserError(exc.message) from exc
    try:
        migrated = db.migration_backup is not None
        with db.transaction() as s:
            audit.record(
                s,
                action="restore",
                entity="data",
                entity_id=None,
                author=author,
                new={
                    "file": str(source),
                    "created_at": manifest.created_at,
                    "app_version": manifest.app_version,
                    "schema_revision": manifest.schema_revision,
                    "migrated": migrated,
                },
            )
    finally:
        db.close()
    if db.migration_backup:
        Path(db.migration_backup).unlink(missing_ok=True)  # the archive is the original
    _to_rollback_journal(staging)
    return migrated


def _to_rollback_journal(db_file: Path) -> None:
    """Fold any WAL into the main file and leave no -wal/-shm beside it."""
    conn = sqlite3.connect(db_file)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode=DELETE")
    finally:
        conn.close()


def _keep_current_data(
    paths: config.DataPaths, author: str, stamp: str, progress: ProgressCallback
) -> Path | None:
    """Back up the data about to be replaced; a damaged database is copied aside as files."""
    if not paths.database.exists():
        return None
    target = paths.backups / f"{PRE_RESTORE_PREFIX}{stamp}{SUFFIX}"
    try:
        db = Database.open_file(paths.database)
        try:
            ws = Workspace(paths, db, _store(paths), author=author)
            return create_backup(ws, target, reason="pre-restore", progress=progress).path
        finally:
            db.close()
    except Cancelled:
        raise
    except (UserError, DatabaseError, sqlite3.DatabaseError):
        # The current database is unreadable: exactly when a restore is needed. Keep its files.
        aside = paths.backups / f"damaged-{stamp}"
        aside.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            src = paths.database.with_name(paths.database.name + suffix)
            if src.exists():
                shutil.copy2(src, aside / src.name)
        return aside


def _store(paths: config.DataPaths) -> EvidenceStore:
    return EvidenceStore(paths.evidence)


def _quiesce(db_file: Path, aside: Path) -> None:
    """Before the swap: no -wal file may remain, or SQLite would replay it onto the new file."""
    if db_file.exists():
        with contextlib.suppress(sqlite3.DatabaseError):
            _to_rollback_journal(db_file)
    for suffix in ("-wal", "-shm", "-journal"):
        extra = db_file.with_name(db_file.name + suffix)
        if extra.exists():
            aside.mkdir(parents=True, exist_ok=True)
            os.replace(extra, aside / extra.name)


def restore_into(
    ws: Workspace, path: Path, progress: ProgressCallback | None = None
) -> RestoreResult:
    """Restore into an open workspace: close its database, restore, reopen it (even on failure)."""
    ws.db.close()
    try:
        return restore_backup(ws.paths.root, path, author=ws.author, progress=progress)
    finally:
        ws.db = Database.open_file(ws.paths.database)
