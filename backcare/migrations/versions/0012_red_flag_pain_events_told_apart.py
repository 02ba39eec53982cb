"""red flags: a history that is a sign only with back pain, events that are history when told
as years ago, rules whose parts may be told in different sentences, and flags a question does
not report

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
    op.add_column(
        "red_flags", sa.Column("event", sa.Boolean(), nullable=False, server_default=sa.false())
    )
    op.add_column(
        "red_flags", sa.Column("told_apart", sa.JSON(), nullable=False, server_default="[]")
    )
    op.add_column(
        "red_flags",
        sa.Column("statements_only", sa.Boolean(), nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    op.drop_column("red_flags", "statements_only")
    op.drop_column("red_flags", "told_apart")
    op.drop_column("red_flags", "event")
    op.drop_column("red_flags", "needs_pain")
