"""The review app's own tables, beside the knowledge base: accounts, sessions, conversation
summaries kept in step with Rasa's tracker store, clinicians' marks, notes and corrections,
and the audit log. Every table name starts with `review_`."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    TypeDecorator,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backcare.knowledge.models import Base


class UtcDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC datetime on every database (SQLite hands back naive values)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_result_value(self, value: Any, dialect: Any) -> datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value


def utcnow() -> datetime:
    return datetime.now(UTC)


class User(Base):
    __tablename__ = "review_users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16))  # clinician | admin
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    # Set by `python -m backcare.review.admin disable-user` or /admin/accounts: no sign-in, no
    # live session.
    disabled_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    @property
    def is_disabled(self) -> bool:
        return self.disabled_at is not None


class LoginSession(Base):
    """A signed-in browser. The cookie holds a random token; only its SHA-256 is stored."""

    __tablename__ = "review_login_sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("review_users.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)

    user: Mapped[User] = relationship(lazy="joined")


class LoginAttempt(Base):
    __tablename__ = "review_login_attempts"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), index=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow, index=True)
    succeeded: Mapped[bool] = mapped_column(Boolean)
    client: Mapped[str] = mapped_column(String(64))


class Conversation(Base):
    """One sender's conversation, summarised from the tracker store's events."""

    __tablename__ = "review_conversations"

    id: Mapped[int] = mapped_column(primary_key=True)
    sender_id: Mapped[str] = mapped_column(String(255), unique=True)
    channel: Mapped[str] = mapped_column(String(64), index=True)
    started_at: Mapped[float] = mapped_column(Float, index=True)
    last_at: Mapped[float] = mapped_column(Float, index=True)
    started_on: Mapped[date] = mapped_column(Date, index=True)
    turns: Mapped[int] = mapped_column(Integer)
    triage: Mapped[str] = mapped_column(String(16), index=True)
    search_text: Mapped[str] = mapped_column(Text)  # the person's messages, lower-cased
    last_event_id: Mapped[int] = mapped_column(Integer)

    red_flags: Mapped[list[ConversationRedFlag]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="ConversationRedFlag.slug"
    )
    intents: Mapped[list[ConversationIntent]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )
    mark: Mapped[ReviewMark | None] = relationship(
        back_populates="conversation", cascade="all, delete-orphan", passive_deletes=True
    )

    @property
    def reviewed(self) -> bool:
        """Reviewed, and nothing new said since."""
        through = self.mark.reviewed_through_event_id if self.mark else None
        return through is not None and through >= self.last_event_id

    @property
    def follow_up(self) -> bool:
        return bool(self.mark and self.mark.follow_up)


class ConversationRedFlag(Base):
    __tablename__ = "review_conversation_red_flags"

    conversation_id: Mapped[int] = mapped_column(
        ForeignKey("review_conversations.id", ondelete="CASCADE"), primary_key=True
    )
    slug: Mapped[str] = mapped_column(String(64), primary_key=True, index=True)


class ConversationIntent(Base):
    """How many of a conversation's messages were read as each intent (for the dashboard)."""

    __tablename__ = "review_conversation_intents"

    conversation_id: Mapped[int] = mapped_column(
        ForeignKey("review_conversations.id", ondelete="CASCADE"), primary_key=True
    )
    intent: Mapped[str] = mapped_column(String(255), primary_key=True)
    count: Mapped[int] = mapped_column(Integer)


class SyncState(Base):
    """The highest tracker event id the summaries have taken in (a single row)."""

    __tablename__ = "review_sync_state"

    id: Mapped[int] = mapped_column(primary_key=True)
    last_event_id: Mapped[int] = mapped_column(Integer)


class ReviewMark(Base):
    """Whether a clinician has reviewed a conversation (up to which event) and wants follow-up."""

    __tablename__ = "review_marks"

    conversation_id: Mapped[int] = mapped_column(
        ForeignKey("review_conversations.id", ondelete="CASCADE"), primary_key=True
    )
    reviewed_through_event_id: Mapped[int | None] = mapped_column(Integer)
    reviewed_by: Mapped[str | None] = mapped_column(String(254))
    reviewed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    follow_up: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    follow_up_by: Mapped[str | None] = mapped_column(String(254))

    conversation: Mapped[Conversation] = relationship(back_populates="mark")


class Note(Base):
    __tablename__ = "review_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(
        ForeignKey("review_conversations.id", ondelete="CASCADE"), index=True
    )
    author: Mapped[str] = mapped_column(String(254))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    text: Mapped[str] = mapped_column(Text)


class IntentCorrection(Base):
    """A clinician's reading of a message the classifier got wrong: one NLU training example."""

    __tablename__ = "review_intent_corrections"

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(
        ForeignKey("review_conversations.id", ondelete="CASCADE"), index=True
    )
    event_id: Mapped[int] = mapped_column(Integer, unique=True)
    example: Mapped[str] = mapped_column(Text)
    predicted_intent: Mapped[str | None] = mapped_column(String(255))
    corrected_intent: Mapped[str] = mapped_column(String(255))
    author: Mapped[str] = mapped_column(String(254))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class TopicCorrection(Base):
    """A clinician's choice of the education topic that should have answered one message (no
    topic: the honest "can't help" line was right): training data for the topic search. The
    text is stored after the review app's masking (e-mail addresses and phone numbers hidden),
    whatever the clinician was shown."""

    __tablename__ = "review_topic_corrections"

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(
        ForeignKey("review_conversations.id", ondelete="CASCADE"), index=True
    )
    event_id: Mapped[int] = mapped_column(Integer, unique=True)  # the tracker store's row
    event_time: Mapped[float] = mapped_column(Float)  # the message's timestamp
    message_text: Mapped[str] = mapped_column(Text)  # the person's message, masked
    question: Mapped[str] = mapped_column(Text)  # the training question, masked
    topic_slug: Mapped[str | None] = mapped_column(String(64))  # None: no topic
    note: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(254))
    corrected_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class AuditEntry(Base):
    """Who did what, when. Actors are stored by e-mail so entries outlive their accounts."""

    __tablename__ = "review_audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(254), index=True)
    action: Mapped[str] = mapped_column(String(32), index=True)
    target: Mapped[str] = mapped_column(String(300))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
