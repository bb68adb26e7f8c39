"""Backup archives (.lsbak): write, verify, inspect and unpack a zip of the database and evidence."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import sqlite3
import stat
import tempfile
import time
import zipfile
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any

from desktop.domain import Cancelled, ProgressCallback
from desktop.storage.evidence_store import as_new_file, sha256_of

FORMAT = "luoshi-ledger-backup"
FORMAT_VERSION = 1
SUFFIX = ".lsbak"
MANIFEST = "manifest.json"
DB_MEMBER = "ledger.sqlite3"
EVIDENCE_DIR = "evidence"
CHUNK = 1024 * 1024
MAX_MANIFEST_BYTES = 64 * 1024 * 1024

_HASH = re.compile(r"^[0-9a-f]{64}$")
_EVIDENCE_MEMBER = re.compile(r"^evidence/([0-9a-f]{2})/([0-9a-f]{64})$")


class BackupError(Exception):
    """An archive that cannot be written, read or trusted; `message` is for the user, in Chinese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class FileEntry:
    """One member of the archive: its path inside the zip, the SHA-256 and size of its content."""

    path: str
    sha256: str
    size: int


@dataclass
class Manifest:
    """What an archive holds, written as manifest.json beside the data."""

    app_version: str
    schema_revision: str | None
    created_at: str
    database: FileEntry
    evidence: list[FileEntry] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    reason: str = "manual"
    missing: list[str] = field(default_factory=list)  # referenced but absent from the store
    changed: list[str] = field(
        default_factory=list
    )  # stored under a name its content no longer has
    # For each missing or changed file: the records that use it ("name（plan / measure）"), so a
    # restore can say which evidence was already lost when the backup was made.
    labels: dict[str, list[str]] = field(default_factory=dict)
    format: str = FORMAT
    format_version: int = FORMAT_VERSION

    @property
    def evidence_bytes(self) -> int:
        return sum(e.size for e in self.evidence)

    @property
    def total_bytes(self) -> int:
        return self.database.size + self.evidence_bytes

    def to_json(self) -> bytes:
        return json.dumps(asdict(self), ensure_ascii=False, indent=1).encode("utf-8")

    @classmethod
    def from_json(cls, data: bytes) -> Manifest:
        try:
            raw = json.loads(data.decode("utf-8"))
            if not isinstance(raw, dict) or raw.get("format") != FORMAT:
                raise ValueError("format")
            if int(raw["format_version"]) > FORMAT_VERSION:
                raise BackupError(
                    "此备份文件由更新版本的落实台账创建，当前程序无法读取。请安装最新版本的程序后再恢复。"
                )
            return cls(
                app_version=str(raw["app_version"]),
                schema_revision=None
                if raw["schema_revision"] is None
                else str(raw["schema_revision"]),
                created_at=str(raw["created_at"]),
                database=_entry(raw["database"]),
                evidence=[_entry(e) for e in raw["evidence"]],
                counts={str(k): int(v) for k, v in dict(raw.get("counts", {})).items()},
                reason=str(raw.get("reason", "manual")),
                missing=_hashes(raw.get("missing", [])),
                changed=_hashes(raw.get("changed", [])),
                labels={
                    str(k): [str(x) for x in v] for k, v in dict(raw.get("labels", {})).items()
                },
                format_version=int(raw["format_version"]),
            )
        except BackupError:
            raise
        except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError) as exc:
            raise BackupError(
                "备份文件的清单（manifest.json）无法识别，文件可能已损坏或不是落实台账的备份。"
            ) from exc


def _hashes(raw: Any) -> list[str]:
    out = [str(h) for h in raw]
    if not all(_HASH.match(h) for h in out):
        raise ValueError(out)
    return out


def _entry(raw: Any) -> FileEntry:
    entry = FileEntry(path=str(raw["path"]), sha256=str(raw["sha256"]), size=int(raw["size"]))
    if not _HASH.match(entry.sha256) or entry.size < 0:
        raise ValueError(entry)
    return entry


class _Progress:
    """Counts bytes against a total and turns a False from the callback into Cancelled."""

    def __init__(self, callback: ProgressCallback | None, total: int) -> None:
        self.callback = callback
        self.total = max(total, 1)
        self.done = 0
        self._last = 0.0

    def add(self, n: int) -> None:
        self.done += n
        now = time.monotonic()
        if self.callback is not None and (now - self._last > 0.1 or self.done >= self.total):
            self._last = now
            if not self.callback(min(self.done, self.total), self.total):
                raise Cancelled()


# -- the database -------------------------------------------------------------------------------


def snapshot_database(db_file: Path, target: Path) -> None:
    """A consistent copy through SQLite's backup API (never a file copy of a live WAL database).

    The copy is switched to rollback-journal mode so it is one self-contained file.
    """
    src = sqlite3.connect(f"file:{db_file}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")
        dst.commit()
    finally:
        dst.close()
        src.close()


def integrity_check(db_file: Path) -> str:
    """'ok', or SQLite's description of what is wrong with the file."""
    try:
        conn = sqlite3.connect(f"file:{db_file}?mode=ro", uri=True)
        try:
            rows = conn.execute("PRAGMA integrity_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    text = "; ".join(str(r[0]) for r in rows)
    return "ok" if text == "ok" else text


def schema_revision(db_file: Path) -> str | None:
    """The Alembic revision recorded in the file, or None for an empty or unmanaged database."""
    conn = sqlite3.connect(f"file:{db_file}?mode=ro", uri=True)
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        return None
    finally:
        conn.close()
    return str(row[0]) if row else None


def table_counts(db_file: Path, tables: Iterable[str]) -> dict[str, int]:
    conn = sqlite3.connect(f"file:{db_file}?mode=ro", uri=True)
    try:
        out: dict[str, int] = {}
        for table in tables:
            try:
                out[table] = int(conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])
            except sqlite3.DatabaseError:
                out[table] = 0
        return out
    finally:
        conn.close()


# -- writing ------------------------------------------------------------------------------------


def store_files(evidence_root: Path) -> list[Path]:
    """Every file of a content-addressed store (root/ab/abcd…), skipping temporaries."""
    if not evidence_root.is_dir():
        return []
    found = []
    for folder in sorted(evidence_root.iterdir()):
        if not (folder.is_dir() and re.fullmatch(r"[0-9a-f]{2}", folder.name)):
            continue
        for path in sorted(folder.iterdir()):
            if _HASH.match(path.name) and path.name.startswith(folder.name) and path.is_file():
                found.append(path)
    return found


def _worth_compressing(path: Path) -> bool:
    """Office files, PDFs and photos are mostly compressed already; a quick sample tells."""
    with path.open("rb") as fh:
        sample = fh.read(256 * 1024)
    if len(sample) < 1024:
        return True
    return len(zlib.compress(sample, 1)) < 0.9 * len(sample)


def _zip_info(name: str, compress: bool) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=time.localtime()[:6])
    info.external_attr = (stat.S_IFREG | 0o644) << 16
    info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    # Level 1: evidence and the database compress nearly as well as at 6 and far faster.
    attr = "compress_level" if hasattr(info, "compress_level") else "_compresslevel"
    setattr(info, attr, 1 if compress else None)
    return info


def _copy_into(zf: zipfile.ZipFile, name: str, source: Path, progress: _Progress) -> FileEntry:
    digest = hashlib.sha256()
    size = 0
    info = _zip_info(name, _worth_compressing(source))
    with source.open("rb") as src, zf.open(info, "w", force_zip64=True) as dst:
        while chunk := src.read(CHUNK):
            digest.update(chunk)
            dst.write(chunk)
            size += len(chunk)
            progress.add(len(chunk))
    return FileEntry(name, digest.hexdigest(), size)


def write_archive(
    out: Path,
    *,
    database: Path,
    evidence_root: Path,
    referenced: Mapping[str, Sequence[str]],
    app_version: str,
    count_tables: Iterable[str] = (),
    reason: str = "manual",
    known_revisions: set[str] | None = None,
    progress: ProgressCallback | None = None,
) -> Manifest:
    """Snapshot `database`, pack it with every stored evidence file, then verify the archive.

    `referenced` maps each hash the database uses to labels of the records using it; the
    manifest lists those found missing or changed, with their labels. The archive is written beside `out` under a temporary name and only renamed to `out` once
    it has been reopened and checked; a failed or cancelled backup leaves nothing behind.
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    files = store_files(evidence_root)
    present = {p.name for p in files}
    missing = sorted(set(referenced) - present)
    total = sum(p.stat().st_size for p in files)
    fd, partial_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".partial", dir=out.parent)
    os.close(fd)
    partial = Path(partial_name)
    as_new_file(partial)
    try:
        with tempfile.TemporaryDirectory(prefix="lsbak-") as tmp:
            snap = Path(tmp) / DB_MEMBER
            snapshot_database(database, snap)
            problem = integrity_check(snap)
            if problem != "ok":
                raise BackupError(
                    f"当前数据库未通过完整性检查（{problem}），备份未完成。请联系技术支持，"
                    "或从较早的备份恢复。"
                )
            # Weigh the database double: it is written now and read again by verification.
            bar = _Progress(progress, 2 * (total + snap.stat().st_size))
            with zipfile.ZipFile(partial, "w", allowZip64=True) as zf:
                db_entry = _copy_into(zf, DB_MEMBER, snap, bar)
                evidence: list[FileEntry] = []
                changed: list[str] = []
                for path in files:
                    entry = _copy_into(
                        zf, f"{EVIDENCE_DIR}/{path.parent.name}/{path.name}", path, bar
                    )
                    if entry.sha256 != path.name:
                        changed.append(path.name)
                    evidence.append(entry)
                manifest = Manifest(
                    app_version=app_version,
                    schema_revision=schema_revision(snap),
                    created_at=_now_iso(),
                    database=db_entry,
                    evidence=evidence,
                    counts=table_counts(snap, count_tables),
                    reason=reason,
                    missing=missing,
                    changed=changed,
                    labels={
                        h: list(referenced.get(h, ()))
                        for h in [*missing, *changed]
                        if referenced.get(h)
                    },
                )
                zf.writestr(_zip_info(MANIFEST, True), manifest.to_json())
            with partial.open("rb+") as fh:
                os.fsync(fh.fileno())
        verify_archive(partial, known_revisions=known_revisions, progress=bar)
        os.replace(partial, out)
        _fsync_dir(out.parent)
    except zipfile.LargeZipFile as exc:  # pragma: no cover - zip64 is on
        raise BackupError(f"备份文件过大，无法写入：{exc}") from exc
    except OSError as exc:
        raise BackupError(
            f"无法写入备份文件“{out}”：{exc.strerror or exc}。请检查磁盘空间和写入权限，"
            "或换一个保存位置（如U盘）。"
        ) from exc
    finally:
        partial.unlink(missing_ok=True)
    return manifest


def _now_iso() -> str:
    from datetime import datetime

    return datetime.now().astimezone().isoformat(timespec="seconds")


def _fsync_dir(folder: Path) -> None:
    """Make a rename durable on POSIX; Windows has no directory handles to flush."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# -- reading and checking -----------------------------------------------------------------------


def _not_a_backup(path: Path, why: str) -> BackupError:
    return BackupError(
        f"“{path.name}”不是有效的落实台账备份文件（{why}）。请选择扩展名为 {SUFFIX} 的备份文件。"
    )


def _check_member(info: zipfile.ZipInfo) -> None:
    """Refuse anything but the three kinds of member the writer makes: no zip slip, no links."""
    name = info.filename
    mode = (info.external_attr >> 16) & 0o170000
    if mode == stat.S_IFLNK:
        raise BackupError(f"备份文件中含有符号链接“{name}”，可能被篡改，已拒绝恢复。")
    if (
        name.startswith(("/", "\\"))
        or "\\" in name
        or ":" in name
        or any(part in ("", ".", "..") for part in name.split("/"))
    ):
        raise BackupError(f"备份文件中含有不安全的路径“{name}”，可能被篡改，已拒绝恢复。")
    if name not in (MANIFEST, DB_MEMBER):
        m = _EVIDENCE_MEMBER.match(name)
        if m is None or not m.group(2).startswith(m.group(1)):
            raise BackupError(f"备份文件中含有无法识别的内容“{name}”，可能被篡改，已拒绝恢复。")
    if info.flag_bits & 0x1:
        raise BackupError("备份文件被加密，无法恢复。")
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise BackupError(f"备份文件中“{name}”的压缩方式不受支持。")


def _open(path: Path) -> zipfile.ZipFile:
    if not path.is_file():
        raise BackupError(f"找不到备份文件“{path}”。")
    try:
        return zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise _not_a_backup(path, "文件已损坏或不是压缩包") from exc
    except OSError as exc:
        raise BackupError(f"无法打开备份文件“{path.name}”：{exc.strerror or exc}。") from exc


def _checked_manifest(path: Path, zf: zipfile.ZipFile) -> Manifest:
    infos = zf.infolist()
    names = [i.filename for i in infos]
    if MANIFEST not in names:
        raise _not_a_backup(path, "缺少清单 manifest.json")
    if len(set(names)) != len(names):
        raise BackupError("备份文件中有重复的条目，可能被篡改，已拒绝恢复。")
    for info in infos:
        _check_member(info)
    m_info = zf.getinfo(MANIFEST)
    if m_info.file_size > MAX_MANIFEST_BYTES:
        raise _not_a_backup(path, "清单过大")
    manifest = Manifest.from_json(zf.read(MANIFEST))
    expected = {manifest.database.path: manifest.database} | {e.path: e for e in manifest.evidence}
    if manifest.database.path != DB_MEMBER:
        raise _not_a_backup(path, "清单中的数据库条目不正确")
    actual = {i.filename: i for i in infos if i.filename != MANIFEST}
    if set(actual) != set(expected):
        lost = sorted(set(expected) - set(actual))
        extra = sorted(set(actual) - set(expected))
        raise BackupError(
            "备份文件不完整或被修改："
            + (f"缺少 {len(lost)} 个文件（如 {lost[0]}）" if lost else "")
            + (f"多出 {len(extra)} 个清单外的文件（如 {extra[0]}）" if extra else "")
            + "。请使用另一份备份。"
        )
    for name, info in actual.items():
        if info.file_size != expected[name].size:
            raise BackupError(
                f"备份文件中“{name}”的大小与清单不符，文件可能已损坏。请使用另一份备份。"
            )
    # Evidence is content-addressed: a member's content must hash to its own name. A manifest
    # whose hash was rewritten to match edited content gives itself away here; only files the
    # backup itself found changed (and listed as such) may differ.
    declared = set(manifest.changed)
    for entry in manifest.evidence:
        name = entry.path.rsplit("/", 1)[1]
        if entry.sha256 != name and name not in declared:
            raise BackupError(
                f"备份文件中的佐证材料“{name[:12]}…”内容与其校验值不符，备份已损坏或被修改，"
                "已拒绝恢复。请使用另一份备份。"
            )
    return manifest


def read_manifest(path: Path) -> Manifest:
    """The manifest after structural checks (names, links, members against the manifest)."""
    with _open(path) as zf:
        try:
            return _checked_manifest(path, zf)
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError) as exc:
            raise _not_a_backup(path, f"无法读取：{exc}") from exc


def _stream(
    zf: zipfile.ZipFile, entry: FileEntry, out: IO[bytes] | None, progress: _Progress
) -> None:
    """Read one member (writing it to `out` if given) and fail unless it hashes as listed."""
    digest = hashlib.sha256()
    size = 0
    with zf.open(entry.path) as src:
        while chunk := src.read(CHUNK):
            size += len(chunk)
            if size > entry.size:
                break
            digest.update(chunk)
            if out is not None:
                out.write(chunk)
            progress.add(len(chunk))
    if size != entry.size or digest.hexdigest() != entry.sha256:
        raise BackupError(
            f"备份文件中的“{entry.path}”与清单记录的校验值不符，文件已损坏或被修改。请使用另一份备份。"
        )


def _check_revision(manifest: Manifest, known_revisions: set[str] | None) -> None:
    rev = manifest.schema_revision
    if known_revisions is not None and rev is not None and rev not in known_revisions:
        raise BackupError(
            f"此备份由更新版本的落实台账（{manifest.app_version}，数据库版本 {rev}）创建，"
            "当前程序无法恢复。请先安装最新版本的程序。"
        )


def verify_archive(
    path: Path,
    *,
    known_revisions: set[str] | None = None,
    progress: ProgressCallback | _Progress | None = None,
    database_to: Path | None = None,
) -> Manifest:
    """Reopen the archive and check everything: structure, every hash, the database's integrity.

    `known_revisions` (the schema revisions this program knows) refuses archives from a newer
    schema. With `database_to`, the checked database is also kept there.
    """
    with _open(path) as zf:
        try:
            manifest = _checked_manifest(path, zf)
            _check_revision(manifest, known_revisions)
            bar = (
                progress
                if isinstance(progress, _Progress)
                else _Progress(progress, manifest.total_bytes)
            )
            with tempfile.TemporaryDirectory(prefix="lsbak-check-") as tmp:
                db_copy = database_to or Path(tmp) / DB_MEMBER
                with db_copy.open("wb") as fh:
                    _stream(zf, manifest.database, fh, bar)
                problem = integrity_check(db_copy)
                if problem != "ok":
                    raise BackupError(
                        f"备份中的数据库未通过完整性检查（{problem}）。请使用另一份备份。"
                    )
                if schema_revision(db_copy) != manifest.schema_revision:
                    raise BackupError(
                        "备份中的数据库版本与清单不符，文件可能被修改。请使用另一份备份。"
                    )
                _check_complete(manifest, referenced_hashes(db_copy))
            for entry in manifest.evidence:
                _stream(zf, entry, None, bar)
        except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
            raise _not_a_backup(path, f"压缩数据损坏：{exc}") from exc
    return manifest


def referenced_hashes(db_file: Path) -> set[str]:
    """The evidence hashes a database's records use (empty for a database without evidence)."""
    conn = sqlite3.connect(f"file:{db_file}?mode=ro", uri=True)
    try:
        rows = conn.execute("SELECT DISTINCT sha256 FROM evidence").fetchall()
    except sqlite3.DatabaseError:
        return set()
    finally:
        conn.close()
    return {str(r[0]) for r in rows}


def _check_complete(manifest: Manifest, referenced: set[str]) -> None:
    """Every file the database uses is in the archive or was listed missing when backed up."""
    packed = {e.path.rsplit("/", 1)[1] for e in manifest.evidence}
    undeclared = sorted(referenced - packed - set(manifest.missing))
    if undeclared:
        raise BackupError(
            f"备份文件不完整：数据库引用的 {len(undeclared)} 个佐证材料文件不在备份中，"
            "清单也未记录其缺失，备份可能被修改。请使用另一份备份。"
        )


def extract_evidence(
    path: Path,
    manifest: Manifest,
    store_root: Path,
    progress: ProgressCallback | None = None,
) -> int:
    """Add the archive's evidence files to a content-addressed store; returns how many were written.

    Target paths come from the checked hashes, never from names in the zip. A file already
    present with the right content is left alone; a damaged one is replaced by a good copy, but
    never by a copy that was itself damaged when backed up. Each file is written atomically.
    """
    written = 0
    bar = _Progress(progress, manifest.evidence_bytes)
    with _open(path) as zf:
        for entry in manifest.evidence:
            name = entry.path.rsplit("/", 1)[1]
            target = store_root / name[:2] / name
            if target.is_file() and (entry.sha256 != name or sha256_of(target) == name):
                bar.add(entry.size)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp_name = tempfile.mkstemp(prefix=".incoming-", dir=target.parent)
            tmp = Path(tmp_name)
            try:
                with os.fdopen(fd, "wb") as fh:
                    _stream(zf, entry, fh, bar)
                    fh.flush()
                    os.fsync(fh.fileno())
                as_new_file(tmp)
                os.replace(tmp, target)
            finally:
                tmp.unlink(missing_ok=True)
            written += 1
    return written


def copy_verified(source: Path, folder: Path, *, known_revisions: set[str] | None = None) -> Path:
    """Copy an archive into `folder` (a USB stick, a network share) and verify the copy there.

    Written under a temporary name and renamed once the copy has been reopened and checked, so
    the folder never holds a half-written or unchecked backup. Raises BackupError.
    """
    target = folder / source.name
    partial = folder / f".{source.name}.partial"
    try:
        with source.open("rb") as src, partial.open("wb") as dst:
            shutil.copyfileobj(src, dst, CHUNK)
            dst.flush()
            os.fsync(dst.fileno())
        verify_archive(partial, known_revisions=known_revisions)
        os.replace(partial, target)
        _fsync_dir(folder)
    except OSError as exc:
        raise BackupError(
            f"无法写入“{folder}”：{exc.strerror or exc}。请检查U盘或网络文件夹是否可用、空间是否足够。"
        ) from exc
    finally:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
    return target


def free_space_ok(folder: Path, needed: int) -> bool:
    with contextlib.suppress(OSError):
        return shutil.disk_usage(folder).free > needed * 1.1 + 50 * 1024 * 1024
    return True
