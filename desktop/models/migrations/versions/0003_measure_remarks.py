"""measure remarks (备注 of task lists)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Existing measures get an empty 备注; the server default fills them without a data pass.
    with op.batch_alter_table("measure", schema=None) as batch_op:
        batch_op.add_column(sa.Column("remarks", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("measure", schema=None) as batch_op:
        batch_op.drop_column("remarks")
