"""education topics: about_another_person (a child's pain is not the writer's own)

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-06 16:40:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "education_topics",
        sa.Column("about_another_person", sa.Boolean(), nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    op.drop_column("education_topics", "about_another_person")
