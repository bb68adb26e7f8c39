"""Writes the audit log inside the caller's transaction."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from desktop.models import AuditLog


def record(
    session: Session,
    *,
    action: str,
    entity: str,
    entity_id: int | None,
    author: str,
    old: Any = None,
    new: Any = None,
) -> None:
    session.add(
        AuditLog(
            action=action,
            entity=entity,
            entity_id=entity_id,
            author=author,
            old_value=old,
            new_value=new,
        )
    )
