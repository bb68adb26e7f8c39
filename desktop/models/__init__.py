"""ORM models, engine/session factory and migrations."""

from desktop.models.database import Database, DatabaseError
from desktop.models.entities import (
    AuditLog,
    Evidence,
    Measure,
    Plan,
    PlanVersion,
    Progress,
    Section,
    Setting,
    StatusChange,
)

__all__ = [
    "AuditLog",
    "Database",
    "DatabaseError",
    "Evidence",
    "Measure",
    "Plan",
    "PlanVersion",
    "Progress",
    "Section",
    "Setting",
    "StatusChange",
]
