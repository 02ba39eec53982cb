"""review app tables: accounts, login sessions and attempts, conversation summaries, marks,
notes, intent corrections, audit log

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 18:47:48.120362
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "review_audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=254), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("target", sa.String(length=300), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("review_audit_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_review_audit_log_action"), ["action"], unique=False)
        batch_op.create_index(batch_op.f("ix_review_audit_log_actor"), ["actor"], unique=False)
        batch_op.create_index(batch_op.f("ix_review_audit_log_at"), ["at"], unique=False)

    op.create_table(
        "review_conversations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sender_id", sa.String(length=255), nullable=False),
        sa.Column("channel", sa.String(length=64), nullable=False),
        sa.Column("started_at", sa.Float(), nullable=False),
        sa.Column("last_at", sa.Float(), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column("turns", sa.Integer(), nullable=False),
        sa.Column("triage", sa.String(length=16), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("last_event_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("sender_id"),
    )
    with op.batch_alter_table("review_conversations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_review_conversations_channel"), ["channel"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_review_conversations_last_at"), ["last_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_review_conversations_started_at"), ["started_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_review_conversations_started_on"), ["started_on"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_review_conversations_triage"), ["triage"], unique=False
        )

    op.create_table(
        "review_login_attempts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("succeeded", sa.Boolean(), nullable=False),
        sa.Column("client", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("review_login_attempts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_review_login_attempts_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_review_login_attempts_email"), ["email"], unique=False)

    op.create_table(
        "review_sync_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("last_event_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "review_users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("email"),
    )
    op.create_table(
        "review_conversation_intents",
        sa.Column("conversation_id", sa.Integer(), nullable=False),
        sa.Column("intent", sa.String(length=255), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["conversation_id"], ["review_conversations.id"], ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("conversation_id", "intent"),
    )
    op.create_table(
        "review_conversation_red_flags",
        sa.Column("conversation_id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["conversation_id"], ["review_conversations.id"], ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("conversation_id", "slug"),
    )
    with op.batch_alter_table("review_conversation_red_flags", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_review_conversation_red_flags_slug"), ["slug"], unique=False
        )

    op.create_table(
        "review_intent_corrections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("conversation_id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("example", sa.Text(), nullable=False),
        sa.Column("predicted_intent", sa.String(length=255), nullable=True),
        sa.Column("corrected_intent", sa.String(length=255), nullable=False),
        sa.Column("author", sa.String(length=254), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["conversation_id"], ["review_conversations.id"], ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("event_id"),
    )
    with op.batch_alter_table("review_intent_corrections", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_review_intent_corrections_conversation_id"),
            ["conversation_id"],
            unique=False,
        )

    op.create_table(
        "review_login_sessions",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["review_users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("token_hash"),
    )
    op.create_table(
        "review_marks",
        sa.Column("conversation_id", sa.Integer(), nullable=False),
        sa.Column("reviewed_through_event_id", sa.Integer(), nullable=True),
        sa.Column("reviewed_by", sa.String(length=254), nullable=True),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("follow_up", sa.Boolean(), nullable=False),
        sa.Column("follow_up_by", sa.String(length=254), nullable=True),
        sa.ForeignKeyConstraint(
            ["conversation_id"], ["review_conversations.id"], ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("conversation_id"),
    )
    with op.batch_alter_table("review_marks", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_review_marks_follow_up"), ["follow_up"], unique=False)

    op.create_table(
        "review_notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("conversation_id", sa.Integer(), nullable=False),
        sa.Column("author", sa.String(length=254), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["conversation_id"], ["review_conversations.id"], ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("review_notes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_review_notes_conversation_id"), ["conversation_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("review_notes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_notes_conversation_id"))

    op.drop_table("review_notes")
    with op.batch_alter_table("review_marks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_marks_follow_up"))

    op.drop_table("review_marks")
    op.drop_table("review_login_sessions")
    with op.batch_alter_table("review_intent_corrections", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_intent_corrections_conversation_id"))

    op.drop_table("review_intent_corrections")
    with op.batch_alter_table("review_conversation_red_flags", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_conversation_red_flags_slug"))

    op.drop_table("review_conversation_red_flags")
    op.drop_table("review_conversation_intents")
    op.drop_table("review_users")
    op.drop_table("review_sync_state")
    with op.batch_alter_table("review_login_attempts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_login_attempts_email"))
        batch_op.drop_index(batch_op.f("ix_review_login_attempts_at"))

    op.drop_table("review_login_attempts")
    with op.batch_alter_table("review_conversations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_conversations_triage"))
        batch_op.drop_index(batch_op.f("ix_review_conversations_started_on"))
        batch_op.drop_index(batch_op.f("ix_review_conversations_started_at"))
        batch_op.drop_index(batch_op.f("ix_review_conversations_last_at"))
        batch_op.drop_index(batch_op.f("ix_review_conversations_channel"))

    op.drop_table("review_conversations")
    with op.batch_alter_table("review_audit_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_audit_log_at"))
        batch_op.drop_index(batch_op.f("ix_review_audit_log_actor"))
        batch_op.drop_index(batch_op.f("ix_review_audit_log_action"))

    op.drop_table("review_audit_log")
