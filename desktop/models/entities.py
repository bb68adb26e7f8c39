"""The ledger's tables: plans, sections, measures, quarterly progress, evidence, audit log, settings."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.models.base import Base, UTCDateTime, utcnow


class Plan(Base):
    """One policy document or task list; `version` counts the imports of updated texts."""

    __tablename__ = "plan"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(500))
    doc_number: Mapped[str | None] = mapped_column(String(100))
    issuer: Mapped[str | None] = mapped_column(String(200))
    doc_date: Mapped[date | None] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(20), default="document")
    version: Mapped[int] = mapped_column(Integer, default=1)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    versions: Mapped[list[PlanVersion]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="PlanVersion.version"
    )
    sections: Mapped[list[Section]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="Section.position"
    )
    measures: Mapped[list[Measure]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="Measure.position"
    )


class PlanVersion(Base):
    """Where each version of a plan came from (file name and SHA-256 of the source)."""

    __tablename__ = "plan_version"
    __table_args__ = (UniqueConstraint("plan_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"))
    version: Mapped[int] = mapped_column(Integer)
    source_name: Mapped[str] = mapped_column(String(500))
    source_sha256: Mapped[str] = mapped_column(String(64))
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    author: Mapped[str] = mapped_column(String(100), default="")
    note: Mapped[str] = mapped_column(Text, default="")

    plan: Mapped[Plan] = relationship(back_populates="versions")


class Section(Base):
    """A heading above measures (一、…, （一）…), kept for hierarchy and context."""

    __tablename__ = "section"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"), index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("section.id", ondelete="CASCADE"))
    path: Mapped[list[str]] = mapped_column(JSON)
    number: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)

    plan: Mapped[Plan] = relationship(back_populates="sections")
    parent: Mapped[Section | None] = relationship(remote_side=[id])


class Measure(Base):
    """An actionable item with its units, deadline, start date and schedule; `status` is the
    officer's current setting."""

    __tablename__ = "measure"
    __table_args__ = (Index("ix_measure_plan_position", "plan_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"))
    section_id: Mapped[int | None] = mapped_column(ForeignKey("section.id", ondelete="SET NULL"))
    path: Mapped[list[str]] = mapped_column(JSON)
    number: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    lead_units: Mapped[list[str]] = mapped_column(JSON, default=list)
    responsible_units: Mapped[list[str]] = mapped_column(JSON, default=list)
    deadline_text: Mapped[str | None] = mapped_column(String(200))
    deadline: Mapped[date | None] = mapped_column(Date, index=True)
    long_term: Mapped[bool] = mapped_column(Boolean, default=False)
    # '2023年1月1日起': when the work starts, kept apart so it never reads as a deadline.
    start_date: Mapped[date | None] = mapped_column(Date)
    recurring: Mapped[str | None] = mapped_column(String(20))  # '每季度', '每月' …
    remarks: Mapped[str] = mapped_column(Text, default="", server_default="")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(20), default="not_started")
    status_changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    plan: Mapped[Plan] = relationship(back_populates="measures")
    section: Mapped[Section | None] = relationship()
    progress: Mapped[list[Progress]] = relationship(
        back_populates="measure", cascade="all, delete-orphan", order_by="Progress.quarter"
    )
    evidence: Mapped[list[Evidence]] = relationship(
        back_populates="measure", cascade="all, delete-orphan", order_by="Evidence.added_at"
    )
    status_changes: Mapped[list[StatusChange]] = relationship(
        back_populates="measure", cascade="all, delete-orphan", order_by="StatusChange.at"
    )


class Progress(Base):
    """What was done in one quarter: 进展情况, 存在问题, 下步打算."""

    __tablename__ = "progress"
    __table_args__ = (UniqueConstraint("measure_id", "quarter"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    measure_id: Mapped[int] = mapped_column(ForeignKey("measure.id", ondelete="CASCADE"))
    quarter: Mapped[str] = mapped_column(String(6), index=True)
    status: Mapped[str] = mapped_column(String(20))
    progress_text: Mapped[str] = mapped_column(Text, default="")
    problems: Mapped[str] = mapped_column(Text, default="")
    next_steps: Mapped[str] = mapped_column(Text, default="")
    author: Mapped[str] = mapped_column(String(100), default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    measure: Mapped[Measure] = relationship(back_populates="progress")


class Evidence(Base):
    """A 佐证材料 file kept in the evidence store under its SHA-256."""

    __tablename__ = "evidence"

    id: Mapped[int] = mapped_column(primary_key=True)
    measure_id: Mapped[int] = mapped_column(
        ForeignKey("measure.id", ondelete="CASCADE"), index=True
    )
    quarter: Mapped[str | None] = mapped_column(String(6))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    original_name: Mapped[str] = mapped_column(String(500))
    description: Mapped[str] = mapped_column(Text, default="")
    size: Mapped[int] = mapped_column(Integer)
    mime_type: Mapped[str] = mapped_column(String(100), default="application/octet-stream")
    added_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    author: Mapped[str] = mapped_column(String(100), default="")

    measure: Mapped[Measure] = relationship(back_populates="evidence")


class StatusChange(Base):
    """Status history of a measure: from, to, who, when."""

    __tablename__ = "status_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    measure_id: Mapped[int] = mapped_column(
        ForeignKey("measure.id", ondelete="CASCADE"), index=True
    )
    old_status: Mapped[str | None] = mapped_column(String(20))
    new_status: Mapped[str] = mapped_column(String(20))
    author: Mapped[str] = mapped_column(String(100), default="")
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    measure: Mapped[Measure] = relationship(back_populates="status_changes")


class AuditLog(Base):
    """Every change with time, author, entity, old and new value."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    author: Mapped[str] = mapped_column(String(100), default="")
    action: Mapped[str] = mapped_column(String(50))
    entity: Mapped[str] = mapped_column(String(50))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    old_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    new_value: Mapped[Any] = mapped_column(JSON, nullable=True)


class Setting(Base):
    """Unit name, officer, report template and the like; in the database so backups carry them."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class QuarterSnapshot(Base):
    """A closed (定稿) quarter of one plan: the report's content frozen as canonical JSON.

    One row per plan and quarter and freeze; undoing a freeze marks the row superseded and a new
    freeze adds a row with the next `revision`, so no snapshot is ever deleted or rewritten.
    `plan_title` survives the plan itself (the link is set to NULL if a plan is ever deleted).
    """

    __tablename__ = "quarter_snapshot"
    __table_args__ = (
        UniqueConstraint("plan_id", "quarter", "revision"),
        Index("ix_quarter_snapshot_quarter_plan", "quarter", "plan_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int | None] = mapped_column(ForeignKey("plan.id", ondelete="SET NULL"))
    plan_title: Mapped[str] = mapped_column(String(500))
    quarter: Mapped[str] = mapped_column(String(6))
    revision: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    author: Mapped[str] = mapped_column(String(100), default="")
    app_version: Mapped[str] = mapped_column(String(40))
    measure_count: Mapped[int] = mapped_column(Integer)
    content_sha256: Mapped[str] = mapped_column(String(64))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    superseded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    superseded_by: Mapped[str | None] = mapped_column(String(100))
    superseded_reason: Mapped[str | None] = mapped_column(Text)
