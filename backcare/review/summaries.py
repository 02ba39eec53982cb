"""Keep one summary row per conversation in step with the tracker store, so the list page,
filters and dashboard query a few thousand small rows instead of every event.

Each sync reads the senders whose events are newer than the stored watermark (less a margin,
so events committed out of id order by concurrent Rasa transactions are not missed) and rebuilds
those senders' summaries from all their events; rebuilding is idempotent."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from backcare.review.models import (
    Conversation,
    ConversationIntent,
    ConversationRedFlag,
    SyncState,
)
from backcare.review.tracker_store import (
    TrackerEvent,
    conversation_events,
    has_events_table,
    latest_event_ids,
)
from backcare.triage import triage_rank

REREAD_EVENT_IDS = 1000
SENDERS_PER_BATCH = 500
# Held while summaries change: by the sync, and by an erasure so no sync rebuilds a
# conversation halfway through being deleted.
sync_lock = threading.Lock()


def batched(items: Iterable[str], size: int) -> Iterator[list[str]]:
    """itertools.batched arrives in Python 3.12."""
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]


@dataclass
class ConversationFacts:
    channel: str = "unknown"
    started_at: float = 0.0
    last_at: float = 0.0
    turns: int = 0
    triage: str = "none"
    red_flags: set[str] = field(default_factory=set)
    intents: Counter[str] = field(default_factory=Counter)
    messages: list[str] = field(default_factory=list)
    last_event_id: int = 0

    @property
    def started_on(self) -> date:
        return datetime.fromtimestamp(self.started_at, UTC).date()


# Column lengths of the summary tables (models.py). Values come from the tracker store, where
# a client chose them (a REST body's `input_channel`, an intent or slug in typed text), and
# PostgreSQL refuses a longer value: one row would make every review page fail.
CHANNEL_CHARS = 64
SLUG_CHARS = 64
INTENT_CHARS = 255
TRUNCATED = "…"


def fit(value: str, length: int) -> str:
    """`value` cut to `length` characters, ending with "…" when it was cut."""
    return value if len(value) <= length else value[: length - 1] + TRUNCATED


def higher_triage(current: str, candidate: object) -> str:
    return str(candidate) if triage_rank(candidate) > triage_rank(current) else current


def present_red_flags(parse_data: dict) -> set[str]:
    findings = (parse_data.get("red_flag_findings") or {}).get("findings") or []
    return {
        fit(str(f["slug"]), SLUG_CHARS)
        for f in findings
        if f.get("status") == "present" and f.get("slug")
    }


def summarize(events: Sequence[TrackerEvent]) -> ConversationFacts:
    facts = ConversationFacts(
        started_at=events[0].timestamp, last_at=events[-1].timestamp, last_event_id=events[-1].id
    )
    for event in events:
        data = event.data
        if event.type_name == "user":
            parse_data = data.get("parse_data") or {}
            if facts.turns == 0 and data.get("input_channel"):
                facts.channel = fit(str(data["input_channel"]), CHANNEL_CHARS)
            facts.turns += 1
            intent = str((parse_data.get("intent") or {}).get("name") or "unknown")
            facts.intents[fit(intent, INTENT_CHARS)] += 1
            facts.red_flags |= present_red_flags(parse_data)
            facts.messages.append(data.get("text") or "")
        elif event.type_name == "slot" and data.get("name") == "triage":
            facts.triage = higher_triage(facts.triage, data.get("value"))
        elif event.type_name == "slot" and data.get("name") == "red_flags":
            value = data.get("value") or []
            slugs = value if isinstance(value, list) else [value]
            facts.red_flags |= {fit(str(slug), SLUG_CHARS) for slug in slugs}
    return facts


def apply_facts(conversation: Conversation, facts: ConversationFacts) -> None:
    conversation.channel = facts.channel
    conversation.started_at = facts.started_at
    conversation.last_at = facts.last_at
    conversation.started_on = facts.started_on
    conversation.turns = facts.turns
    conversation.triage = facts.triage
    conversation.search_text = "\n".join(facts.messages).lower()
    conversation.last_event_id = facts.last_event_id
    kept_flags = [flag for flag in conversation.red_flags if flag.slug in facts.red_flags]
    have = {flag.slug for flag in kept_flags}
    conversation.red_flags = kept_flags + [
        ConversationRedFlag(slug=slug) for slug in sorted(facts.red_flags - have)
    ]
    by_intent = {row.intent: row for row in conversation.intents}
    conversation.intents = [
        _intent_row(by_intent.get(intent), intent, count) for intent, count in facts.intents.items()
    ]


def _intent_row(row: ConversationIntent | None, intent: str, count: int) -> ConversationIntent:
    if row is None:
        return ConversationIntent(intent=intent, count=count)
    row.count = count
    return row


def sync_conversations(sessions: sessionmaker[Session], tracker: Engine) -> int:
    """Bring the summaries up to date with the tracker store; returns how many were rebuilt."""
    with sync_lock, sessions.begin() as session, tracker.connect() as connection:
        if not has_events_table(connection):
            return 0
        state = session.scalars(select(SyncState).with_for_update()).first()
        if state is None:
            state = SyncState(id=1, last_event_id=0)
            session.add(state)
        newest = latest_event_ids(connection, max(0, state.last_event_id - REREAD_EVENT_IDS))
        known = dict(_known_event_ids(session, newest))
        stale = [sender for sender, last in newest.items() if known.get(sender, -1) < last]
        for chunk in batched(stale, SENDERS_PER_BATCH):
            existing = {
                conversation.sender_id: conversation
                for conversation in session.scalars(
                    select(Conversation)
                    .where(Conversation.sender_id.in_(chunk))
                    .options(
                        selectinload(Conversation.red_flags), selectinload(Conversation.intents)
                    )
                )
            }
            for sender_id, found in conversation_events(connection, chunk):
                conversation = existing.get(sender_id) or Conversation(sender_id=sender_id)
                apply_facts(conversation, summarize(found))
                session.add(conversation)
            session.flush()
        if newest:
            state.last_event_id = max(state.last_event_id, *newest.values())
        return len(stale)


def _known_event_ids(session: Session, senders: Iterable[str]) -> Iterator[tuple[str, int]]:
    for chunk in batched(senders, SENDERS_PER_BATCH):
        yield from session.execute(
            select(Conversation.sender_id, Conversation.last_event_id).where(
                Conversation.sender_id.in_(chunk)
            )
        )
