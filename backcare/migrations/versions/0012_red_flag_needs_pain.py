"""red flags: histories that are a sign only with back pain

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-30 20:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


# Plain ADD COLUMN with a constant default, as in 0006 (no batch copy of the table).
def upgrade() -> None:
    op.add_column(
        "red_flags",
        sa.Column("needs_pain", sa.Boolean(), nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    op.drop_column("red_flags", "needs_pain")
