"""red flags: phrases inside which a matched term does not count (not_within)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 22:50:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("red_flags") as batch:
        batch.add_column(sa.Column("not_within", sa.JSON(), nullable=False, server_default="[]"))


def downgrade() -> None:
    with op.batch_alter_table("red_flags") as batch:
        batch.drop_column("not_within")
