"""topic corrections: clinicians point a message to the topic that should have answered it
(review_topic_corrections), and the reviewed corrections the topic search reads
(topic_corrections, loaded from data/knowledge/topic_corrections.yml)

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30 07:30:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "review_topic_corrections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("conversation_id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("event_time", sa.Float(), nullable=False),
        sa.Column("message_text", sa.Text(), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("topic_slug", sa.String(length=64), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("author", sa.String(length=254), nullable=False),
        sa.Column("corrected_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["conversation_id"], ["review_conversations.id"], ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("event_id"),
    )
    op.create_index(
        "ix_review_topic_corrections_conversation_id",
        "review_topic_corrections",
        ["conversation_id"],
        unique=False,
    )
    op.create_table(
        "topic_corrections",
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("topic_slug", sa.String(length=64), nullable=True),
        sa.Column("reviewed_by", sa.String(length=254), nullable=False),
        sa.Column("reviewed_on", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(["topic_slug"], ["education_topics.slug"]),
        sa.PrimaryKeyConstraint("question"),
    )
    op.create_index(
        "ix_topic_corrections_topic_slug", "topic_corrections", ["topic_slug"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_topic_corrections_topic_slug", table_name="topic_corrections")
    op.drop_table("topic_corrections")
    op.drop_index(
        "ix_review_topic_corrections_conversation_id", table_name="review_topic_corrections"
    )
    op.drop_table("review_topic_corrections")
