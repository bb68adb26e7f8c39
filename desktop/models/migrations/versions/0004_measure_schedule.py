"""measure start date and schedule (2023年1月1日起, 每季度), backfilled from the stored text

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_BATCH = 1000


def upgrade() -> None:
    with op.batch_alter_table("measure", schema=None) as batch_op:
        batch_op.add_column(sa.Column("start_date", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("recurring", sa.String(length=20), nullable=True))
    _backfill(op.get_bind())


def downgrade() -> None:
    with op.batch_alter_table("measure", schema=None) as batch_op:
        batch_op.drop_column("recurring")
        batch_op.drop_column("start_date")


# Lightweight tables as they stand at this revision (not the ORM models, which move on).
_plan = sa.table(
    "plan",
    sa.column("id", sa.Integer),
    sa.column("kind", sa.String),
    sa.column("title", sa.String),
    sa.column("doc_date", sa.Date),
    sa.column("doc_number", sa.String),
)
_version = sa.table(
    "plan_version",
    sa.column("plan_id", sa.Integer),
    sa.column("version", sa.Integer),
    sa.column("source_name", sa.String),
)
_measure = sa.table(
    "measure",
    sa.column("id", sa.Integer),
    sa.column("plan_id", sa.Integer),
    sa.column("text", sa.Text),
    sa.column("deadline_text", sa.String),
    sa.column("deadline", sa.Date),
    sa.column("start_date", sa.Date),
    sa.column("recurring", sa.String),
)


def _backfill(conn: sa.Connection) -> None:
    """Every stored measure gets the start and schedule its import would have stored, derived
    from its text and deadline as written by the same parsing functions import uses, so the
    first plan update after upgrading does not list unchanged measures as changed."""
    from desktop.parsing.schedule import document_year, stored_schedule, tasklist_years

    latest: dict[int, str] = {}
    for plan_id, _version_no, source_name in conn.execute(
        sa.select(_version.c.plan_id, _version.c.version, _version.c.source_name).order_by(
            _version.c.plan_id, _version.c.version
        )
    ):
        latest[plan_id] = source_name or ""
    plans: dict[int, tuple[str, list[int | None]]] = {}
    for plan_id, kind, title, doc_date, doc_number in conn.execute(
        sa.select(_plan.c.id, _plan.c.kind, _plan.c.title, _plan.c.doc_date, _plan.c.doc_number)
    ):
        if kind == "tasklist":
            # The workbook reader dates a cell without a year by the title or file name (or the
            # year the officer chose, which is not stored: the stored deadline tells it).
            years = tasklist_years(title, latest.get(plan_id))
        else:
            years = [document_year(doc_date, doc_number)]
        plans[plan_id] = (kind, years)

    update = (
        _measure.update()
        .where(_measure.c.id == sa.bindparam("measure_id"))
        .values(start_date=sa.bindparam("start"), recurring=sa.bindparam("schedule"))
    )
    for rows in _batches(
        conn.execute(
            sa.select(
                _measure.c.id,
                _measure.c.plan_id,
                _measure.c.text,
                _measure.c.deadline_text,
                _measure.c.deadline,
            )
        ).all()
    ):
        values = []
        for measure_id, plan_id, text, deadline_text, deadline in rows:
            kind, years = plans.get(plan_id, ("document", [None]))
            if kind == "tasklist" and isinstance(deadline, date):
                years = [*years, deadline.year]
            start, schedule = stored_schedule(kind, text, deadline_text, deadline, years)
            if start is not None or schedule is not None:
                values.append({"measure_id": measure_id, "start": start, "schedule": schedule})
        if values:
            conn.execute(update, values)


def _batches(rows: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for k in range(0, len(rows), _BATCH):
        yield rows[k : k + _BATCH]
