"""red flags: rules that may span the whole message; signs that count only when new

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30 05:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


# Plain ADD COLUMN with a constant default: SQLite's batch mode would copy the table, which
# the foreign keys from screening questions to red flags refuse once there is data.
def upgrade() -> None:
    op.add_column(
        "red_flags", sa.Column("scope", sa.String(16), nullable=False, server_default="sentence")
    )
    op.add_column(
        "red_flags",
        sa.Column("must_be_new", sa.Boolean(), nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    op.drop_column("red_flags", "must_be_new")
    op.drop_column("red_flags", "scope")
