"""quarter snapshots (定稿)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "quarter_snapshot",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=True),
        sa.Column("plan_title", sa.String(length=500), nullable=False),
        sa.Column("quarter", sa.String(length=6), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("author", sa.String(length=100), nullable=False),
        sa.Column("app_version", sa.String(length=40), nullable=False),
        sa.Column("measure_count", sa.Integer(), nullable=False),
        sa.Column("content_sha256", sa.String(length=64), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("superseded_at", sa.DateTime(), nullable=True),
        sa.Column("superseded_by", sa.String(length=100), nullable=True),
        sa.Column("superseded_reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["plan.id"],
            name=op.f("fk_quarter_snapshot_plan_id_plan"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quarter_snapshot")),
        sa.UniqueConstraint(
            "plan_id", "quarter", "revision", name=op.f("uq_quarter_snapshot_plan_id")
        ),
    )
    with op.batch_alter_table("quarter_snapshot", schema=None) as batch_op:
        batch_op.create_index(
            "ix_quarter_snapshot_quarter_plan", ["quarter", "plan_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("quarter_snapshot", schema=None) as batch_op:
        batch_op.drop_index("ix_quarter_snapshot_quarter_plan")

    op.drop_table("quarter_snapshot")
