"""Settings stored in the database (so they travel with backups), with defaults."""

from __future__ import annotations

from sqlalchemy import select

from desktop.models import Database, Setting
from desktop.services import audit

DEFAULTS: dict[str, str] = {
    "unit_name": "XX县人民政府办公室",
    "officer": "",
    "phone": "",
    "reviewer": "",
    "report_title_template": "{unit}关于《{plan}》{quarter}落实情况的报告",
    "default_quarter": "",
    "due_soon_days": "15",
    "sample_loaded": "",
    "evidence_max_mb": "200",
}


def get_all(db: Database) -> dict[str, str]:
    values = dict(DEFAULTS)
    with db.session() as session:
        for row in session.scalars(select(Setting)):
            values[row.key] = row.value
    return values


def get(db: Database, key: str) -> str:
    return get_all(db).get(key, "")


def update(db: Database, changes: dict[str, str], author: str) -> None:
    """Write several settings in one transaction, each change audited."""
    with db.transaction() as session:
        for key, value in changes.items():
            row = session.get(Setting, key)
            old = row.value if row else DEFAULTS.get(key)
            if old == value:
                continue
            if row is None:
                session.add(Setting(key=key, value=value))
            else:
                row.value = value
            audit.record(
                session,
                action="update",
                entity="setting",
                entity_id=None,
                author=author,
                old={key: old},
                new={key: value},
            )


def evidence_max_bytes(db: Database) -> int:
    """The per-file cap for evidence (setting evidence_max_mb, 200 MB unless set otherwise)."""
    try:
        mb = float(get(db, "evidence_max_mb"))
    except ValueError:
        mb = float(DEFAULTS["evidence_max_mb"])
    return int(max(mb, 1) * 1024 * 1024)
