"""red flags: diagnosed_as (a condition a clinician has already named is seen to)

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-02 08:20:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "red_flags",
        sa.Column("diagnosed_as", sa.JSON(), nullable=False, server_default="[]"),
    )


def downgrade() -> None:
    op.drop_column("red_flags", "diagnosed_as")
