"""Evidence use cases: attach a file to a measure (copied into the store), describe, remove."""

from __future__ import annotations

import mimetypes
import shutil
import stat
import tempfile
from pathlib import Path

from desktop.domain import Quarter
from desktop.models import Evidence
from desktop.services import audit, settings
from desktop.services.errors import UserError
from desktop.services.progress import measure_or_fail
from desktop.services.snapshots import ensure_not_frozen
from desktop.services.workspace import Workspace
from desktop.storage.evidence_store import EvidenceError


def attach(
    ws: Workspace,
    measure_id: int,
    source: Path,
    *,
    quarter: Quarter | None,
    description: str = "",
) -> int:
    """Copy the file into the store first (idempotent), then record it in one transaction."""
    try:
        stored = ws.store.add(source, max_bytes=settings.evidence_max_bytes(ws.db))
    except EvidenceError as exc:
        raise UserError(exc.message) from exc
    mime = mimetypes.guess_type(source.name)[0] or "application/octet-stream"
    with ws.db.transaction() as s:
        m = measure_or_fail(s, measure_id)
        ensure_not_frozen(s, m.id, quarter)
        ev = Evidence(
            measure_id=m.id,
            quarter=str(quarter) if quarter else None,
            sha256=stored.sha256,
            original_name=source.name,
            description=description,
            size=stored.size,
            mime_type=mime,
            author=ws.author,
        )
        s.add(ev)
        s.flush()
        audit.record(
            s,
            action="attach",
            entity="evidence",
            entity_id=ev.id,
            author=ws.author,
            new={
                "measure_id": m.id,
                "name": source.name,
                "sha256": stored.sha256,
                "size": stored.size,
            },
        )
        return ev.id


def file_path(ws: Workspace, evidence_id: int) -> Path:
    with ws.db.session() as s:
        ev = s.get(Evidence, evidence_id)
        if ev is None:
            raise UserError("找不到该佐证材料，可能已被删除。")
        path = ws.store.path_for(ev.sha256)
        if not path.is_file():
            raise UserError(
                f"佐证材料“{ev.original_name}”的文件在数据目录中缺失。请运行“校验佐证材料”或从备份恢复。"
            )
        return path


def opened_dir() -> Path:
    """Where copies handed to the system viewer go: outside the data directory and its backups."""
    return Path(tempfile.gettempdir()) / "luoshi-opened"


def viewable_copy(ws: Workspace, evidence_id: int) -> Path:
    """A read-only copy under the file's original name, for the system viewer.

    The store names files by their SHA-256 without an extension, which no viewer recognises; and
    a copy keeps the store safe from edits made in the viewer (read-only, so the viewer says so
    instead of saving changes that would be lost).
    """
    with ws.db.session() as s:
        ev = s.get(Evidence, evidence_id)
        if ev is None:
            raise UserError("找不到该佐证材料，可能已被删除。")
        original_name, sha256, size = ev.original_name, ev.sha256, ev.size
    source = file_path(ws, evidence_id)
    name = Path(original_name).name or f"{sha256[:12]}.bin"
    target = opened_dir() / str(evidence_id) / name
    if target.is_file() and target.stat().st_size == size:
        return target  # stored files never change, so an earlier copy is still right
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists():
            target.chmod(stat.S_IWRITE | stat.S_IREAD)
            target.unlink()
        partial = target.with_name(target.name + ".part")
        shutil.copyfile(source, partial)
        partial.replace(target)
        target.chmod(stat.S_IREAD)
    except OSError as exc:
        raise UserError(
            f"无法准备佐证材料“{original_name}”供查看：{exc.strerror or exc}。"
            f"请检查临时文件夹 {opened_dir()} 是否可写。"
        ) from exc
    return target


def remove(ws: Workspace, evidence_id: int) -> None:
    """Unlink the record; the stored file stays (other records or backups may share it)."""
    with ws.db.transaction() as s:
        ev = s.get(Evidence, evidence_id)
        if ev is None:
            return
        ensure_not_frozen(s, ev.measure_id, ev.quarter)
        audit.record(
            s,
            action="remove",
            entity="evidence",
            entity_id=ev.id,
            author=ws.author,
            old={
                "measure_id": ev.measure_id,
                "name": ev.original_name,
                "sha256": ev.sha256,
                "description": ev.description,
            },
        )
        s.delete(ev)


def describe(ws: Workspace, evidence_id: int, description: str) -> None:
    with ws.db.transaction() as s:
        ev = s.get(Evidence, evidence_id)
        if ev is None:
            raise UserError("找不到该佐证材料，可能已被删除。")
        ensure_not_frozen(s, ev.measure_id, ev.quarter)
        if ev.description == description:
            return
        audit.record(
            s,
            action="describe",
            entity="evidence",
            entity_id=ev.id,
            author=ws.author,
            old=ev.description,
            new=description,
        )
        ev.description = description
