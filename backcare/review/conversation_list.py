"""Find conversations by triage, red flag, channel, dates, review state and words the person
wrote. Queries take a session and never commit."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from fastapi import HTTPException
from sqlalchemy import ColumnElement, Select, and_, exists, func, or_, select
from sqlalchemy.orm import Session, contains_eager, selectinload

from backcare.review.inputs import checked_text
from backcare.review.models import Conversation, ConversationRedFlag, ReviewMark
from backcare.triage import TRIAGE_LEVELS

PER_PAGE = 50
MAX_SEARCH_TERMS = 8
# Each term becomes a LIKE pattern, and SQLite refuses one over 50,000 bytes.
MAX_SEARCH_CHARS = 1_000
MAX_FILTER_CHARS = 64  # Conversation.channel and ConversationRedFlag.slug


@dataclass(frozen=True)
class ListFilters:
    triage: str = ""
    red_flag: str = ""
    channel: str = ""
    date_from: str = ""
    date_to: str = ""
    q: str = ""
    unreviewed: bool = False
    follow_up: bool = False

    def __post_init__(self) -> None:
        checked_text("red_flag", self.red_flag, MAX_FILTER_CHARS)
        checked_text("channel", self.channel, MAX_FILTER_CHARS)
        checked_text("q", self.q, MAX_SEARCH_CHARS)
        if self.triage and self.triage not in TRIAGE_LEVELS:
            raise HTTPException(400, f"triage must be one of {', '.join(TRIAGE_LEVELS)}")
        for name in ("date_from", "date_to"):
            _parse_date(name, getattr(self, name))

    def active(self) -> dict[str, Any]:
        """The filters in use, for links, audit entries and export file contents."""
        return {name: value for name, value in asdict(self).items() if value}

    def search_terms(self) -> list[str]:
        return self.q.lower().split()[:MAX_SEARCH_TERMS]


def _parse_date(name: str, value: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise HTTPException(400, f"{name} must be a date written YYYY-MM-DD") from None


def _epoch(day: date) -> float:
    return datetime.combine(day, time.min, UTC).timestamp()


def _escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def is_reviewed() -> ColumnElement[bool]:
    """Reviewed, and nothing new said since."""
    return and_(
        ReviewMark.reviewed_through_event_id.is_not(None),
        ReviewMark.reviewed_through_event_id >= Conversation.last_event_id,
    )


def conditions(filters: ListFilters) -> list[ColumnElement[bool]]:
    found: list[ColumnElement[bool]] = []
    if filters.triage:
        found.append(Conversation.triage == filters.triage)
    if filters.channel:
        found.append(Conversation.channel == filters.channel)
    if filters.red_flag:
        found.append(
            exists().where(
                ConversationRedFlag.conversation_id == Conversation.id,
                ConversationRedFlag.slug == filters.red_flag,
            )
        )
    if start := _parse_date("date_from", filters.date_from):
        found.append(Conversation.last_at >= _epoch(start))
    if end := _parse_date("date_to", filters.date_to):
        found.append(Conversation.started_at < _epoch(end + timedelta(days=1)))
    if filters.unreviewed:
        found.append(or_(ReviewMark.conversation_id.is_(None), ~is_reviewed()))
    if filters.follow_up:
        found.append(ReviewMark.follow_up.is_(True))
    for term in filters.search_terms():
        found.append(Conversation.search_text.like(f"%{_escape_like(term)}%", escape="\\"))
    return found


def _matching(filters: ListFilters) -> Select[Conversation]:
    return (
        select(Conversation)
        .outerjoin(ReviewMark)
        .where(*conditions(filters))
        .options(contains_eager(Conversation.mark))
        .order_by(Conversation.last_at.desc(), Conversation.id.desc())
    )


def count_conversations(session: Session, filters: ListFilters) -> int:
    query = (
        select(func.count())
        .select_from(Conversation)
        .outerjoin(ReviewMark)
        .where(*conditions(filters))
    )
    return session.scalar(query) or 0


def conversations_page(session: Session, filters: ListFilters, page: int) -> Sequence[Conversation]:
    return (
        session.scalars(
            _matching(filters)
            .options(selectinload(Conversation.red_flags))
            .limit(PER_PAGE)
            .offset((page - 1) * PER_PAGE)
        )
        .unique()
        .all()
    )


def all_matching(session: Session, filters: ListFilters) -> Sequence[Conversation]:
    """Every match, newest first (for exports)."""
    return (
        session.scalars(_matching(filters).options(selectinload(Conversation.red_flags)))
        .unique()
        .all()
    )


def filter_choices(session: Session) -> dict[str, list[str]]:
    return {
        "triage": list(TRIAGE_LEVELS),
        "channel": list(
            session.scalars(select(Conversation.channel).distinct().order_by(Conversation.channel))
        ),
        "red_flag": list(
            session.scalars(
                select(ConversationRedFlag.slug).distinct().order_by(ConversationRedFlag.slug)
            )
        ),
    }
