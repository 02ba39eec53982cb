"""Rasa's SQL tracker store without the per-turn reload, and without the silent fallback.

Fast: Rasa 3.6's `SQLTrackerStore` reads every event of the conversation on each turn, turns
each one back into an object (looking its class up among all `Event` subclasses, event by
event), and counts the stored rows again before saving. That was a third of a turn's CPU
(docs/production.md). This store keeps each recent conversation's stored events in memory and
asks the database only for rows from the last one it has seen onwards: one indexed query per
read. The database stays the only source of truth: a row written by another Rasa server is
picked up on the next read, and a conversation whose last row is gone (erased in the review
app) is loaded again from scratch.

Off the event loop: Rasa's store talks to the database inside the event loop, so one slow
commit (a busy disk's fsync) stalls every conversation on that server; under load the queue grew
past nginx's 60 s and people got 504s. Here each query runs in a worker thread, the next
conversation goes on meanwhile, and PostgreSQL commits the waiting turns together. Reads and
writes of one conversation still go one at a time (a lock per conversation in this store).

Strict: Rasa wraps every tracker store in `FailSafeTrackerStore`, which on a database error
answers from an empty in-memory conversation: the person is greeted as new, their triage is
forgotten and those turns are never stored. `FailingTrackerStore` lets the error through
instead, so the channel can tell the person (bot_extensions/channels/rest_channel.py).
"""

from __future__ import annotations

import asyncio
import functools
import itertools
import json
import logging
import weakref
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

import rasa.core.agent
import sqlalchemy as sa
from rasa.core.tracker_store import FailSafeTrackerStore, SQLTrackerStore, create_engine_kwargs
from rasa.shared.core.events import Event, SessionStarted
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.exceptions import RasaException
from rasa.shared.nlu.constants import INTENT_NAME_KEY
from sqlalchemy import event as sqlalchemy_event
from sqlalchemy.orm import sessionmaker
from sqlalchemy.pool import QueuePool

from bot_extensions.tracker_copy import replayed

logger = logging.getLogger(__name__)

DEFAULT_CACHED_CONVERSATIONS = 512


class TrackerStoreUnavailable(RasaException):
    """The conversation could not be read or stored; the turn must not go on without it."""


@dataclass
class StoredRow:
    event_id: int
    timestamp: float | None
    event: dict[str, Any]
    # The row as an Event, built once: later turns get the same object (the history cache in
    # bot_extensions/history_cache.py then recognises the conversation's past by identity).
    built: Event | None = None
    unknown: bool = False


@dataclass
class CachedConversation:
    """The rows Rasa's own query would return: those of the latest session, oldest first."""

    last_event_id: int
    session_start: float | None = None
    rows: list[StoredRow] = field(default_factory=list)
    # Every session's rows, for the HTTP API's GET of the whole conversation.
    every_row: list[StoredRow] = field(default_factory=list)
    # The tracker last built from these rows, and how many of its events are stored. Rasa saves
    # that same tracker at the end of the turn, while its lock keeps other servers out, so
    # saving it needs no query to find which events are new.
    served: weakref.ref[DialogueStateTracker] | None = None
    served_events_stored: int = 0
    # The events this store last saved and the JSON it wrote for each: the rows read back
    # with exactly that JSON are those events, and keep their objects (tracker_copy.py then
    # continues its replay instead of starting again).
    saved: list[tuple[str, Event]] = field(default_factory=list)

    def adopt_saved(self, rows: list[StoredRow], texts: list[str]) -> None:
        """Give `rows` (read back, with their JSON `texts`) the saved events they store."""
        for row, text in zip(rows, texts, strict=True):
            if not self.saved:
                return
            saved_text, event = self.saved[0]
            if text != saved_text:
                # Another writer's row came first: the saved ones are not next, forget them.
                self.saved = []
                return
            row.built = event
            del self.saved[0]

    def add(self, rows: list[StoredRow]) -> None:
        # Same rule as SQLTrackerStore._event_query: the latest session starts at the highest
        # SessionStarted timestamp, and only rows at or after it belong to the conversation.
        if rows:
            self.last_event_id = rows[-1].event_id
        starts = [
            row.timestamp
            for row in rows
            if row.event.get("event") == SessionStarted.type_name and row.timestamp is not None
        ]
        if starts and (self.session_start is None or max(starts) > self.session_start):
            self.session_start = max(starts)
        self.rows.extend(rows)
        self.every_row.extend(rows)
        if self.session_start is not None:
            start = self.session_start
            self.rows = [
                row for row in self.rows if row.timestamp is not None and row.timestamp >= start
            ]


@functools.cache
def _event_class(type_name: str) -> type[Event] | None:
    return Event.resolve_by_type(type_name, default=None)


def built_events(rows: list[StoredRow]) -> list[Event]:
    """Each row's Event, deserialised the first time it is asked for."""
    events = []
    for row in rows:
        if row.built is None and not row.unknown:
            built = deserialise([row.event])
            if built:
                row.built = built[0]
            else:
                row.unknown = True
        if row.built is not None:
            events.append(row.built)
    return events


def deserialise(event_dicts: list[dict[str, Any]]) -> list[Event]:
    """`rasa.shared.core.events.deserialise_events`, with each event class looked up once."""
    events = []
    for event_dict in event_dicts:
        event_class = _event_class(event_dict.get("event", ""))
        if event_class is None:
            logger.warning("Skipping a stored event of unknown type %r.", event_dict.get("event"))
            continue
        events.append(event_class._from_parameters(event_dict))
    return events


def _use_write_ahead_log(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


class CachedSQLTrackerStore(SQLTrackerStore):
    """`SQLTrackerStore` (same table, same rows) that reads only what it has not seen yet."""

    def __init__(
        self, *args: Any, cached_conversations: int = DEFAULT_CACHED_CONVERSATIONS, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        if self.engine.dialect.name == "sqlite":
            self._use_pooled_sqlite_engine()
        else:
            self._use_engine_that_tests_its_connections()
        self._capacity = int(cached_conversations)
        self._conversations: OrderedDict[str, CachedConversation] = OrderedDict()
        # Only conversations being read or written here have a lock (weak values).
        self._conversation_locks: weakref.WeakValueDictionary[str, asyncio.Lock] = (
            weakref.WeakValueDictionary()
        )
        events = self.SQLEvent.__table__
        self._rows_from = (
            sa.select(events.c.id, events.c.timestamp, events.c.data)
            .where(events.c.sender_id == sa.bindparam("sender_id"))
            .where(events.c.id >= sa.bindparam("from_id"))
            .order_by(events.c.id)
        )
        self._insert = events.insert()

    def _use_pooled_sqlite_engine(self) -> None:
        # SQLAlchemy 1.4 opens a new SQLite connection for every statement on a file database;
        # keeping a few open saves that on each turn. Write-ahead logging makes a commit cheap
        # (no journal file rewritten per turn) and lets the review app read while Rasa writes;
        # `synchronous=NORMAL` is safe in that mode (a power cut may lose the last turns, never
        # corrupt the file). PostgreSQL is the store meant for production.
        url = self.engine.url
        self._use_engine(
            sa.create_engine(url, poolclass=QueuePool, connect_args={"check_same_thread": False})
        )
        sqlalchemy_event.listen(self.engine, "connect", _use_write_ahead_log)

    def _use_engine_that_tests_its_connections(self) -> None:
        # After PostgreSQL restarts, every pooled connection is closed, and Rasa's engine would
        # find out only by failing a person's turn with it (a restart while nobody talks fails
        # the next turn on every Rasa server). A ping on checkout replaces a dead connection
        # first; it costs one loopback round trip.
        url = self.engine.url
        self._use_engine(sa.create_engine(url, **create_engine_kwargs(url), pool_pre_ping=True))

    def _use_engine(self, engine: sa.engine.Engine) -> None:
        """`engine` in place of the one Rasa made (closed), and sessions from it."""
        self.engine.dispose()
        self.engine = engine
        self.sessionmaker = sessionmaker(bind=self.engine)

    async def retrieve_full_tracker(self, sender_id: str) -> DialogueStateTracker | None:
        # The HTTP API's GET of a conversation (the review tools, and the instruments after
        # every message) asks for all its sessions: Rasa's store reads and rebuilds every event
        # for it, a sixth of a turn's CPU when each turn is followed by one.
        conversation = await self._read(sender_id)
        if conversation is None or not self.domain:
            return None
        return DialogueStateTracker.from_events(
            sender_id, built_events(conversation.every_row), self.domain.slots
        )

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        conversation = await self._read(sender_id)
        if conversation is None or not conversation.rows or not self.domain:
            return None
        slots = self.domain.slots
        # DialogueStateTracker.from_events(sender_id, events, slots), continuing the replay
        # kept for this conversation (tracker_copy.py) instead of starting from its first event.
        tracker = replayed(
            sender_id,
            built_events(conversation.rows),
            [slot.name for slot in slots],
            lambda: DialogueStateTracker(sender_id, slots),
        )
        conversation.served = weakref.ref(tracker)
        conversation.served_events_stored = len(conversation.rows)
        return tracker

    async def save(self, tracker: DialogueStateTracker) -> None:
        await self.stream_events(tracker)
        async with self._lock_for(tracker.sender_id):
            await self._save_new_events(tracker)

    async def _save_new_events(self, tracker: DialogueStateTracker) -> None:
        cached = self._conversations.get(tracker.sender_id)
        if cached is not None and cached.served is not None and cached.served() is tracker:
            already_stored = cached.served_events_stored
        else:
            cached = None
            conversation = await self._read_unlocked(tracker.sender_id)
            already_stored = len(conversation.rows) if conversation else 0
        new_events = list(itertools.islice(tracker.events, already_stored, None))
        if not new_events:
            return
        records = []
        for event in new_events:
            data = event.as_dict()
            records.append(
                {
                    "sender_id": tracker.sender_id,
                    "type_name": event.type_name,
                    "timestamp": data.get("timestamp"),
                    "intent_name": data.get("parse_data", {})
                    .get("intent", {})
                    .get(INTENT_NAME_KEY),
                    "action_name": data.get("name"),
                    "data": json.dumps(data),
                }
            )
        await asyncio.to_thread(self._insert_rows, records)
        if cached is not None:
            cached.served_events_stored += len(records)
            cached.saved.extend(
                (record["data"], event) for record, event in zip(records, new_events, strict=True)
            )
        # The new rows (and their ids) are read back by the next `_read`, like any other writer's.

    def _insert_rows(self, records: list[dict[str, Any]]) -> None:
        with self.engine.begin() as connection:
            connection.execute(self._insert, records)

    def _lock_for(self, sender_id: str) -> asyncio.Lock:
        lock = self._conversation_locks.get(sender_id)
        if lock is None:
            lock = self._conversation_locks[sender_id] = asyncio.Lock()
        return lock

    async def _read(self, sender_id: str) -> CachedConversation | None:
        async with self._lock_for(sender_id):
            return await self._read_unlocked(sender_id)

    async def _read_unlocked(self, sender_id: str) -> CachedConversation | None:
        """The conversation as stored now, from memory plus the rows added since."""
        cached = self._conversations.get(sender_id)
        from_id = cached.last_event_id if cached else 0
        stored = await asyncio.to_thread(self._rows_since, sender_id, from_id)
        rows = [StoredRow(event_id, at, json.loads(text)) for event_id, at, text in stored]
        if cached is not None:
            if rows and rows[0].event_id == cached.last_event_id:
                cached.adopt_saved(rows[1:], [text for _, _, text in stored[1:]])
                cached.add(rows[1:])
                # Most recently used (other conversations may have evicted it meanwhile).
                self._conversations.pop(sender_id, None)
                self._remember(sender_id, cached)
                return cached
            # The last row we saw is gone: erased or rewritten elsewhere. Start again.
            self._conversations.pop(sender_id, None)
            return await self._read_unlocked(sender_id)
        if not rows:
            return None
        conversation = CachedConversation(last_event_id=rows[-1].event_id)
        conversation.add(rows)
        self._remember(sender_id, conversation)
        return conversation

    def _rows_since(self, sender_id: str, from_id: int) -> list[tuple[int, float | None, str]]:
        with self.engine.connect() as connection:
            # One SELECT needs no transaction: without one there is no BEGIN sent with it and
            # no ROLLBACK when the connection goes back to the pool (a round trip per turn).
            result = connection.execution_options(isolation_level="AUTOCOMMIT").execute(
                self._rows_from, {"sender_id": sender_id, "from_id": from_id}
            )
            return [(row.id, row.timestamp, row.data) for row in result]

    def _remember(self, sender_id: str, conversation: CachedConversation) -> None:
        self._conversations[sender_id] = conversation
        while len(self._conversations) > self._capacity:
            self._conversations.popitem(last=False)


class FailingTrackerStore(FailSafeTrackerStore):
    """Rasa's tracker store wrapper, minus the fallback to an empty in-memory conversation."""

    def on_tracker_store_error(self, error: Exception) -> None:
        raise TrackerStoreUnavailable(f"The conversation store is unavailable: {error}") from error

    def on_tracker_store_retrieve_error(self, error: Exception) -> None:
        self.on_tracker_store_error(error)


def install() -> None:
    """Rasa's Agent wraps its tracker store in `rasa.core.agent.FailSafeTrackerStore`; from
    start-up on (bot_extensions/rasa_patches.py) that name is the failing one."""
    rasa.core.agent.FailSafeTrackerStore = FailingTrackerStore  # type: ignore[misc]
