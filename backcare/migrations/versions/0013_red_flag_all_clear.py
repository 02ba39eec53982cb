"""red flags: plain statements that a function is normal, read as a denial of the sign

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-01 00:40:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "red_flags", sa.Column("all_clear", sa.JSON(), nullable=False, server_default="[]")
    )


def downgrade() -> None:
    op.drop_column("red_flags", "all_clear")
