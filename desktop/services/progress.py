"""Progress use cases: set a measure's status, record a quarter's progress texts."""

from __future__ import annotations

from sqlalchemy.orm import Session

from desktop.domain import Quarter, Status
from desktop.models import Measure, Progress, StatusChange
from desktop.models.base import utcnow
from desktop.services import audit
from desktop.services.errors import UserError
from desktop.services.snapshots import ensure_not_frozen
from desktop.services.workspace import Workspace


def set_status(ws: Workspace, measure_id: int, status: Status, author: str | None = None) -> Status:
    """Change the status; returns the previous one (so the UI can undo)."""
    author = ws.author if author is None else author
    with ws.db.transaction() as s:
        m = measure_or_fail(s, measure_id)
        old = Status(m.status)
        if old == status:
            return old
        m.status = status.value
        m.status_changed_at = utcnow()
        s.add(
            StatusChange(
                measure_id=m.id, old_status=old.value, new_status=status.value, author=author
            )
        )
        audit.record(
            s,
            action="status",
            entity="measure",
            entity_id=m.id,
            author=author,
            old=old.value,
            new=status.value,
        )
        return old


def save_progress(
    ws: Workspace,
    measure_id: int,
    quarter: Quarter,
    *,
    progress_text: str,
    problems: str,
    next_steps: str,
    author: str | None = None,
) -> bool:
    """Store the quarter's three texts; returns False when nothing changed."""
    author = ws.author if author is None else author
    with ws.db.transaction() as s:
        m = measure_or_fail(s, measure_id)
        ensure_not_frozen(s, m.id, quarter)
        row = next((p for p in m.progress if p.quarter == str(quarter)), None)
        new = {"progress": progress_text, "problems": problems, "next_steps": next_steps}
        if row is None:
            if not any(v.strip() for v in new.values()):
                return False
            row = Progress(measure_id=m.id, quarter=str(quarter), status=m.status, author=author)
            s.add(row)
            old = None
        else:
            old = {
                "progress": row.progress_text,
                "problems": row.problems,
                "next_steps": row.next_steps,
            }
            if old == new and row.status == m.status:
                return False
        row.progress_text, row.problems, row.next_steps = progress_text, problems, next_steps
        row.status = m.status
        row.author = author
        audit.record(
            s,
            action="progress",
            entity="measure",
            entity_id=m.id,
            author=author,
            old=old,
            new={"quarter": str(quarter), **new},
        )
        return True


def measure_or_fail(session: Session, measure_id: int) -> Measure:
    m = session.get(Measure, measure_id)
    if m is None:
        raise UserError(f"找不到编号为 {measure_id} 的措施，可能已被删除。")
    return m
