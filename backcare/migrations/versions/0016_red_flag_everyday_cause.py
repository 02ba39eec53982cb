"""red flags: everyday_cause (what in a mention's clause gives the sign an everyday cause)

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-02 13:45:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "red_flags",
        sa.Column("everyday_cause", sa.JSON(), nullable=False, server_default="[]"),
    )


def downgrade() -> None:
    op.drop_column("red_flags", "everyday_cause")
