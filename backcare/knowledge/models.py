"""SQL tables of the knowledge base. Slugs are the primary keys: the YAML upserts by slug."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, String, Text, false
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Source(Base):
    __tablename__ = "sources"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16))
    reference: Mapped[str] = mapped_column(Text)


class Referral(Base):
    __tablename__ = "referrals"

    slug: Mapped[str] = mapped_column(String(64), primary_key=True)
    who: Mapped[str] = mapped_column(Text)
    when: Mapped[str] = mapped_column(Text)
    how: Mapped[str] = mapped_column(Text)
    sources: Mapped[list[str]] = mapped_column(JSON)


class Exercise(Base):
    __tablename__ = "exercises"

    slug: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    aliases: Mapped[list[str]] = mapped_column(JSON)
    region: Mapped[str] = mapped_column(String(32), index=True)
    purpose: Mapped[str] = mapped_column(String(16), index=True)
    level: Mapped[str] = mapped_column(String(16), index=True)
    supervision: Mapped[str] = mapped_column(String(8))
    equipment: Mapped[list[str]] = mapped_column(JSON)
    steps: Mapped[list[str]] = mapped_column(JSON)
    cues: Mapped[list[str]] = mapped_column(JSON)
    common_mistakes: Mapped[list[str]] = mapped_column(JSON)
    stop_if: Mapped[list[str]] = mapped_column(JSON)
    # [{"about": "pregnancy", "text": "...", "sources": [...]}], shown before the steps.
    cautions: Mapped[list[dict[str, Any]]] = mapped_column(JSON, server_default="[]")
    dose: Mapped[str] = mapped_column(Text)
    regression_slug: Mapped[str | None] = mapped_column(
        ForeignKey("exercises.slug", ondelete="SET NULL")
    )
    progression_slug: Mapped[str | None] = mapped_column(
        ForeignKey("exercises.slug", ondelete="SET NULL")
    )
    sources: Mapped[list[str]] = mapped_column(JSON)

    regression: Mapped[Exercise | None] = relationship(
        foreign_keys=[regression_slug], remote_side=[slug], viewonly=True
    )
    progression: Mapped[Exercise | None] = relationship(
        foreign_keys=[progression_slug], remote_side=[slug], viewonly=True
    )


class EducationTopic(Base):
    __tablename__ = "education_topics"

    slug: Mapped[str] = mapped_column(String(64), primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    summary: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    related_exercises: Mapped[list[str]] = mapped_column(JSON)
    questions: Mapped[list[str]] = mapped_column(JSON, server_default="[]")
    key_terms: Mapped[list[str]] = mapped_column(JSON, server_default="[]")
    about_another_person: Mapped[bool] = mapped_column(Boolean, server_default=false())
    sources: Mapped[list[str]] = mapped_column(JSON)


class TopicQuestionCorrection(Base):
    """A question clinicians pointed to the topic that should answer it (no topic: the honest
    line was right), from data/knowledge/topic_corrections.yml. The question is the key: it
    points to one place."""

    __tablename__ = "topic_corrections"

    question: Mapped[str] = mapped_column(Text, primary_key=True)
    topic_slug: Mapped[str | None] = mapped_column(ForeignKey("education_topics.slug"), index=True)
    reviewed_by: Mapped[str] = mapped_column(String(254))
    reviewed_on: Mapped[date] = mapped_column(Date)


class RedFlag(Base):
    __tablename__ = "red_flags"

    slug: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    urgency: Mapped[str] = mapped_column(String(16), index=True)
    suspected_condition: Mapped[str] = mapped_column(Text)
    condition_plain: Mapped[str] = mapped_column(Text)
    message: Mapped[str] = mapped_column(Text)
    referral_slug: Mapped[str] = mapped_column(ForeignKey("referrals.slug"))
    counts_when_past: Mapped[bool] = mapped_column(Boolean)
    phrases: Mapped[list[str]] = mapped_column(JSON)
    match: Mapped[list[list[list[str]]]] = mapped_column(JSON)
    not_within: Mapped[list[str]] = mapped_column(JSON, server_default="[]")
    scope: Mapped[str] = mapped_column(String(16), server_default="sentence")
    must_be_new: Mapped[bool] = mapped_column(Boolean, server_default=false())
    needs_pain: Mapped[bool] = mapped_column(Boolean, server_default=false())
    event: Mapped[bool] = mapped_column(Boolean, server_default=false())
    told_apart: Mapped[list[list[list[str]]]] = mapped_column(JSON, server_default="[]")
    statements_only: Mapped[bool] = mapped_column(Boolean, server_default=false())
    all_clear: Mapped[list[str]] = mapped_column(JSON, server_default="[]")
    denied_by: Mapped[list[str]] = mapped_column(JSON, server_default="[]")
    diagnosed_as: Mapped[list[str]] = mapped_column(JSON, server_default="[]")
    everyday_cause: Mapped[list[str]] = mapped_column(JSON, server_default="[]")
    sources: Mapped[list[str]] = mapped_column(JSON)

    referral: Mapped[Referral] = relationship(viewonly=True)


class Message(Base):
    __tablename__ = "messages"

    slug: Mapped[str] = mapped_column(String(64), primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    buttons: Mapped[list[dict[str, str]]] = mapped_column(JSON)


class ScreeningQuestion(Base):
    __tablename__ = "screening_questions"

    slot: Mapped[str] = mapped_column(String(64), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    buttons: Mapped[list[dict[str, str]]] = mapped_column(JSON)
    red_flag_slug: Mapped[str | None] = mapped_column(ForeignKey("red_flags.slug"))

    red_flag: Mapped[RedFlag | None] = relationship(viewonly=True)


class KnowledgeStamp(Base):
    """One row whose token changes whenever any knowledge table is written, so that a process
    may keep what it read from them until the token changes (`backcare.knowledge.read_cache`)."""

    __tablename__ = "knowledge_stamp"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token: Mapped[str] = mapped_column(String(32))


# The tables that hold data/knowledge: written only by the loader (make db), read on every turn.
# Dependants first, the order the loader deletes retired rows in: red flags point at
# referrals, exercises at each other.
KNOWLEDGE_MODELS: tuple[type[Base], ...] = (
    TopicQuestionCorrection,
    ScreeningQuestion,
    Message,
    RedFlag,
    EducationTopic,
    Exercise,
    Referral,
    Source,
)
