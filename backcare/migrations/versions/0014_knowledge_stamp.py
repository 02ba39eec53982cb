"""knowledge stamp: a token changed by every write to the knowledge tables

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-01 16:40:00.000000
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    stamp = op.create_table(
        "knowledge_stamp",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("token", sa.String(32), nullable=False),
    )
    op.bulk_insert(stamp, [{"id": 1, "token": uuid.uuid4().hex}])


def downgrade() -> None:
    op.drop_table("knowledge_stamp")
