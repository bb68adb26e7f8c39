"""Evidence use cases: attach a file to a measure (copied into the store), describe, remove."""

from __future__ import annotations

import mimetypes
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
