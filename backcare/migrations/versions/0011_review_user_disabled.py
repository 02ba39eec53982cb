"""review accounts can be disabled

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30 07:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("review_users", sa.Column("disabled_at", sa.DateTime(timezone=True)))


def downgrade() -> None:
    with op.batch_alter_table("review_users") as batch:
        batch.drop_column("disabled_at")
