"""programme: a person's plan kept, check-ins, the PEG outcome measure and reminders

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30 07:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "programme_people",
        sa.Column("sender_id", sa.String(255), primary_key=True),
        sa.Column("channel", sa.String(32), nullable=False),
        sa.Column("timezone", sa.String(64), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "programme_plans",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "sender_id",
            sa.String(255),
            sa.ForeignKey("programme_people.sender_id", ondelete="CASCADE"),
            nullable=False,
            unique=True,
        ),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("level", sa.String(16), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("concern", sa.Text(), nullable=True),
        sa.Column("concern_since", sa.DateTime(), nullable=True),
        sa.Column("physio_advised", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.create_index("ix_programme_plans_concern_since", "programme_plans", ["concern_since"])
    op.create_table(
        "programme_exercises",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "plan_id",
            sa.Integer(),
            sa.ForeignKey("programme_plans.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("ladder", sa.String(64), nullable=False),
        sa.Column("step", sa.Integer(), nullable=False),
        sa.Column("exercise_slug", sa.String(64), nullable=False),
        sa.Column("dose", sa.Text(), nullable=False),
        sa.Column("easy_streak", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("times_down", sa.Integer(), nullable=False, server_default="0"),
    )
    op.create_table(
        "programme_check_ins",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "plan_id",
            sa.Integer(),
            sa.ForeignKey("programme_plans.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("pain", sa.Integer(), nullable=True),
        sa.Column("done", sa.String(8), nullable=True),
        sa.Column("felt", sa.String(8), nullable=True),
        sa.Column("said", sa.JSON(), nullable=False, server_default="[]"),
        sa.Column("red_flags", sa.JSON(), nullable=False, server_default="[]"),
        sa.Column("changes", sa.JSON(), nullable=False, server_default="[]"),
    )
    op.create_index("ix_programme_check_ins_plan_id", "programme_check_ins", ["plan_id"])
    op.create_table(
        "programme_outcomes",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "plan_id",
            sa.Integer(),
            sa.ForeignKey("programme_plans.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("pain", sa.Integer(), nullable=False),
        sa.Column("enjoyment", sa.Integer(), nullable=False),
        sa.Column("activity", sa.Integer(), nullable=False),
    )
    op.create_index("ix_programme_outcomes_plan_id", "programme_outcomes", ["plan_id"])
    op.create_table(
        "programme_reminders",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "sender_id",
            sa.String(255),
            sa.ForeignKey("programme_people.sender_id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("minute_of_day", sa.Integer(), nullable=False),
        sa.Column("every_days", sa.Integer(), nullable=False),
        sa.Column("next_due_at", sa.DateTime(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("last_sent_at", sa.DateTime(), nullable=True),
        sa.Column("unseen", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.create_index("ix_programme_reminders_sender_id", "programme_reminders", ["sender_id"])
    op.create_index("ix_programme_reminders_next_due_at", "programme_reminders", ["next_due_at"])
    op.create_index("ix_programme_reminders_active", "programme_reminders", ["active"])


def downgrade() -> None:
    op.drop_table("programme_reminders")
    op.drop_table("programme_outcomes")
    op.drop_table("programme_check_ins")
    op.drop_table("programme_exercises")
    op.drop_table("programme_plans")
    op.drop_table("programme_people")
