"""education topics: the words that name each topic's subject (the search's first step)

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30 07:40:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "education_topics",
        sa.Column("key_terms", sa.JSON(), nullable=False, server_default="[]"),
    )


def downgrade() -> None:
    op.drop_column("education_topics", "key_terms")
