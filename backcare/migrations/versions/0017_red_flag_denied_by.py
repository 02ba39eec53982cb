"""red flags: denied_by (what a flag's check question asks, denied: "no falls")

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-04 19:50:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "red_flags",
        sa.Column("denied_by", sa.JSON(), nullable=False, server_default="[]"),
    )


def downgrade() -> None:
    op.drop_column("red_flags", "denied_by")
