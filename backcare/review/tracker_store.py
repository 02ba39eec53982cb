"""Read and erase conversations in Rasa's SQL tracker store (its `events` table).

Rasa owns and creates the table; this module only mirrors its columns (rasa/core/tracker_store.py,
`SQLTrackerStore.SQLEvent`) so the review app never imports Rasa."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    Engine,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    delete,
    inspect,
    select,
)

IDS_PER_READ = 5000

events = Table(
    "events",
    MetaData(),
    Column("id", Integer, primary_key=True),
    Column("sender_id", String(255), nullable=False, index=True),
    Column("type_name", String(255), nullable=False),
    Column("timestamp", Float),
    Column("intent_name", String(255)),
    Column("action_name", String(255)),
    Column("data", Text),
)


@dataclass(frozen=True)
class TrackerEvent:
    id: int
    sender_id: str
    type_name: str
    timestamp: float
    data: dict[str, Any]


def has_events_table(connection: Connection) -> bool:
    """False until Rasa has stored its first conversation."""
    return inspect(connection).has_table("events")


def latest_event_ids(connection: Connection, after_id: int) -> dict[str, int]:
    """Each sender with events newer than `after_id`, and its newest event id.

    Read in id order a batch at a time, so both databases walk the primary key from `after_id`
    (a GROUP BY makes SQLite walk the whole sender index; PostgreSQL, before its statistics know
    the table, would scan every row)."""
    newest: dict[str, int] = {}
    while True:
        rows = connection.execute(
            select(events.c.sender_id, events.c.id)
            .where(events.c.id > after_id)
            .order_by(events.c.id)
            .limit(IDS_PER_READ)
        ).all()
        for sender_id, event_id in rows:
            newest[sender_id] = after_id = event_id
        if len(rows) < IDS_PER_READ:
            return newest


def conversation_events(
    connection: Connection, sender_ids: Iterable[str]
) -> Iterator[tuple[str, list[TrackerEvent]]]:
    """All events of each sender, in the order Rasa stored them (by id, not by timestamp)."""
    rows = connection.execute(
        select(
            events.c.id, events.c.sender_id, events.c.type_name, events.c.timestamp, events.c.data
        )
        .where(events.c.sender_id.in_(list(sender_ids)))
        .order_by(events.c.sender_id, events.c.id)
    )
    current: str | None = None
    batch: list[TrackerEvent] = []
    for row in rows:
        if row.sender_id != current:
            if current is not None:
                yield current, batch
            current, batch = row.sender_id, []
        batch.append(
            TrackerEvent(
                row.id,
                row.sender_id,
                row.type_name,
                row.timestamp or 0.0,
                json.loads(row.data or "{}"),
            )
        )
    if current is not None:
        yield current, batch


def events_of(engine: Engine, sender_id: str) -> list[TrackerEvent]:
    with engine.connect() as connection:
        if not has_events_table(connection):
            return []
        for _sender, found in conversation_events(connection, [sender_id]):
            return found
    return []


def erase_conversation(engine: Engine, sender_id: str) -> int:
    """Delete every event of a sender; returns how many rows went."""
    with engine.begin() as connection:
        if not has_events_table(connection):
            return 0
        return connection.execute(delete(events).where(events.c.sender_id == sender_id)).rowcount
