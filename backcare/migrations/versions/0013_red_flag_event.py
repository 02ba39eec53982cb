"""red flags: events (a fall, a crash) that are history when told as years ago

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-30 21:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


# Plain ADD COLUMN with a constant default, as in 0006 (no batch copy of the table).
def upgrade() -> None:
    op.add_column(
        "red_flags",
        sa.Column("event", sa.Boolean(), nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    op.drop_column("red_flags", "event")
