"""Figures for the dashboard, from the conversation summaries. Queries never commit."""

from __future__ import annotations

from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from backcare.review.models import Conversation, ConversationIntent
from backcare.triage import TRIAGE_LEVELS

FALLBACK_INTENT = "nlu_fallback"
TOP_INTENTS = 10


def _fallback_count() -> Any:
    return func.sum(
        case((ConversationIntent.intent == FALLBACK_INTENT, ConversationIntent.count), else_=0)
    )


def per_day(session: Session) -> list[dict[str, Any]]:
    """Conversations started each day, and that day's share of messages the NLU could not read."""
    started = session.execute(
        select(Conversation.started_on, func.count()).group_by(Conversation.started_on)
    ).all()
    messages = {
        day: (total, fallbacks)
        for day, total, fallbacks in session.execute(
            select(Conversation.started_on, func.sum(ConversationIntent.count), _fallback_count())
            .join(ConversationIntent)
            .group_by(Conversation.started_on)
        )
    }
    return [
        {
            "day": day.isoformat(),
            "conversations": count,
            "fallback_rate": _share(*messages.get(day, (0, 0))),
        }
        for day, count in sorted(started)
    ]


def _share(total: int | None, part: int | None) -> float | None:
    return (part or 0) / total if total else None


def triage_mix(session: Session) -> list[dict[str, Any]]:
    """Conversations by highest triage level, lowest level first."""
    counts = dict(
        session.execute(
            select(Conversation.triage, func.count()).group_by(Conversation.triage)
        ).all()
    )
    return [{"level": level, "conversations": counts.get(level, 0)} for level in TRIAGE_LEVELS]


def top_intents(session: Session) -> list[dict[str, Any]]:
    total = func.sum(ConversationIntent.count)
    rows = session.execute(
        select(ConversationIntent.intent, total)
        .group_by(ConversationIntent.intent)
        .order_by(total.desc(), ConversationIntent.intent)
        .limit(TOP_INTENTS)
    )
    return [{"intent": intent, "count": count} for intent, count in rows]


def fallback_rate(session: Session) -> dict[str, Any]:
    messages, fallbacks = session.execute(
        select(func.sum(ConversationIntent.count), _fallback_count())
    ).one()
    return {
        "messages": messages or 0,
        "fallbacks": fallbacks or 0,
        "rate": _share(messages, fallbacks),
    }


def dashboard_figures(session: Session) -> dict[str, Any]:
    return {
        "conversations": session.scalar(select(func.count()).select_from(Conversation)) or 0,
        "per_day": per_day(session),
        "triage": triage_mix(session),
        "top_intents": top_intents(session),
        "fallback": fallback_rate(session),
    }
