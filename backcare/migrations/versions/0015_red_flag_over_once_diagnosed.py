"""red flags: over_once_diagnosed (a condition a clinician has already named is seen to)

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
        sa.Column("over_once_diagnosed", sa.Boolean(), nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    op.drop_column("red_flags", "over_once_diagnosed")
