"""The cached SQL tracker store gives exactly what Rasa's own SQL store gives, from one table that
other writers (a second Rasa server, the review app's erasure) change behind its back; and a
broken database fails the turn instead of starting an empty conversation."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
import time
from pathlib import Path

import pytest
import rasa.core.agent
import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    BotUttered,
    Event,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

from bot_extensions.tracker_store import (
    CachedSQLTrackerStore,
    FailingTrackerStore,
    TrackerStoreUnavailable,
)

DOMAIN = Domain.from_dict(
    {
        "intents": ["greet", "ask_pain_cause"],
        "slots": {"pain_area": {"type": "text", "mappings": [{"type": "custom"}]}},
        "responses": {"utter_greet": [{"text": "Hello"}]},
    }
)


def run(coroutine):  # type: ignore[no-untyped-def]
    return asyncio.run(coroutine)


def session_start(timestamp: float) -> list[Event]:
    return [
        ActionExecuted("action_session_start", timestamp=timestamp + 0.001),
        SessionStarted(timestamp=timestamp),
        ActionExecuted("action_listen", timestamp=timestamp + 0.002),
    ]


def turn(text: str, timestamp: float) -> list[Event]:
    return [
        UserUttered(text, intent={"name": "greet", "confidence": 0.9}, timestamp=timestamp),
        SlotSet("pain_area", text, timestamp=timestamp + 0.001),
        ActionExecuted("utter_greet", timestamp=timestamp + 0.002),
        BotUttered("Hello", timestamp=timestamp + 0.003),
        ActionExecuted("action_listen", timestamp=timestamp + 0.004),
    ]


def dumped(tracker: DialogueStateTracker | None) -> list[dict]:
    assert tracker is not None
    return [event.as_dict() for event in tracker.events]


@pytest.fixture
def database(tmp_path: Path) -> Path:
    return tmp_path / "tracker.db"


@pytest.fixture
def cached(database: Path) -> CachedSQLTrackerStore:
    return CachedSQLTrackerStore(domain=DOMAIN, dialect="sqlite", db=str(database))


@pytest.fixture
def plain(database: Path, cached: CachedSQLTrackerStore) -> SQLTrackerStore:
    """Rasa's own store on the same file: the reference, and the 'other server'."""
    return SQLTrackerStore(domain=DOMAIN, dialect="sqlite", db=str(database))


async def append(store: SQLTrackerStore, sender: str, events: list[Event]) -> None:
    tracker = await store.retrieve(sender) or DialogueStateTracker(sender, DOMAIN.slots)
    for event in events:
        tracker.update(event)
    await store.save(tracker)


def test_reads_and_writes_what_rasas_store_reads_and_writes(cached, plain) -> None:
    run(append(cached, "ann", session_start(100.0) + turn("low back", 101.0)))
    run(append(cached, "ann", turn("hips", 102.0)))

    assert dumped(run(cached.retrieve("ann"))) == dumped(run(plain.retrieve("ann")))
    assert len(dumped(run(plain.retrieve("ann")))) == 13
    assert run(plain.retrieve("ann")).get_slot("pain_area") == "hips"


def test_rows_another_server_wrote_are_picked_up(cached, plain) -> None:
    run(append(cached, "bo", session_start(100.0) + turn("first", 101.0)))
    run(cached.retrieve("bo"))  # now remembered

    run(append(plain, "bo", turn("second", 102.0)))
    run(append(cached, "bo", turn("third", 103.0)))

    texts = [e.text for e in run(plain.retrieve("bo")).events if isinstance(e, UserUttered)]
    assert texts == ["first", "second", "third"]
    assert dumped(run(cached.retrieve("bo"))) == dumped(run(plain.retrieve("bo")))


def test_only_the_latest_session_is_returned_like_rasas_query(cached, plain) -> None:
    run(append(cached, "cy", session_start(100.0) + turn("old session", 101.0)))
    run(cached.retrieve("cy"))
    run(append(cached, "cy", session_start(200.0) + turn("new session", 201.0)))

    events = dumped(run(cached.retrieve("cy")))
    assert events == dumped(run(plain.retrieve("cy")))
    assert [e["text"] for e in events if e["event"] == "user"] == ["new session"]
    # A store that never saw the first session agrees too.
    fresh = CachedSQLTrackerStore(
        domain=DOMAIN, dialect="sqlite", db=str(cached.engine.url.database)
    )
    assert dumped(run(fresh.retrieve("cy"))) == events


def test_the_full_tracker_holds_every_session_like_rasas(cached, plain) -> None:
    run(append(cached, "fa", session_start(100.0) + turn("only session", 101.0)))
    run(cached.retrieve("fa"))  # remembered, one session
    assert dumped(run(cached.retrieve_full_tracker("fa"))) == dumped(
        run(plain.retrieve_full_tracker("fa"))
    )
    run(append(cached, "fa", session_start(200.0) + turn("second session", 201.0)))

    full = dumped(run(cached.retrieve_full_tracker("fa")))
    assert full == dumped(run(plain.retrieve_full_tracker("fa")))
    assert [e["text"] for e in full if e["event"] == "user"] == ["only session", "second session"]
    # The latest session alone is still what a turn reads.
    assert [e.text for e in run(cached.retrieve("fa")).events if isinstance(e, UserUttered)] == [
        "second session"
    ]
    assert run(cached.retrieve_full_tracker("nobody")) is None


def test_an_erased_conversation_is_not_served_from_memory(cached, database) -> None:
    run(append(cached, "di", session_start(100.0) + turn("private", 101.0)))
    assert run(cached.retrieve("di")) is not None

    with sqlite3.connect(database) as connection:  # what the review app's erasure does
        connection.execute("DELETE FROM events WHERE sender_id = 'di'")

    assert run(cached.retrieve("di")) is None
    run(append(cached, "di", session_start(300.0) + turn("fresh start", 301.0)))
    texts = [e.text for e in run(cached.retrieve("di")).events if isinstance(e, UserUttered)]
    assert texts == ["fresh start"]


def test_a_remembered_conversation_reads_only_newer_rows(cached) -> None:
    run(append(cached, "ed", session_start(100.0) + turn("one", 101.0) + turn("two", 102.0)))
    run(cached.retrieve("ed"))
    last_id = cached._conversations["ed"].last_event_id
    queried_from: list[int] = []

    def remember_from_id(_conn, _cursor, statement, parameters, _context, _many):  # type: ignore[no-untyped-def]
        if "FROM events" in statement and "id >=" in statement:
            queried_from.append(parameters[1])

    sa.event.listen(cached.engine, "before_cursor_execute", remember_from_id)
    run(cached.retrieve("ed"))
    assert queried_from == [last_id]


def test_forgetting_the_oldest_conversation_changes_nothing(database) -> None:
    small = CachedSQLTrackerStore(
        domain=DOMAIN, dialect="sqlite", db=str(database), cached_conversations=2
    )
    for sender in ["f1", "f2", "f3"]:
        run(append(small, sender, session_start(100.0) + turn(sender, 101.0)))
        run(small.retrieve(sender))
    assert list(small._conversations) == ["f2", "f3"]
    run(append(small, "f1", turn("again", 102.0)))
    texts = [e.text for e in run(small.retrieve("f1")).events if isinstance(e, UserUttered)]
    assert texts == ["f1", "again"]


def test_sqlite_runs_in_write_ahead_log_mode(cached, database) -> None:
    run(append(cached, "gu", session_start(100.0)))
    with sqlite3.connect(database) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_rasa_agent_fails_the_turn_when_the_database_breaks(cached, database) -> None:
    agent_store = rasa.core.agent.Agent(domain=DOMAIN, tracker_store=cached).tracker_store
    assert isinstance(agent_store, FailingTrackerStore)
    run(append(agent_store, "hu", session_start(100.0) + turn("before", 101.0)))

    with sqlite3.connect(database) as connection:
        connection.execute("ALTER TABLE events RENAME TO events_gone")

    with pytest.raises(TrackerStoreUnavailable):
        run(agent_store.retrieve("hu"))
    with pytest.raises(TrackerStoreUnavailable):
        run(agent_store.save(DialogueStateTracker("hu", DOMAIN.slots)))


def test_saving_the_tracker_it_served_needs_no_query(cached) -> None:
    run(append(cached, "iv", session_start(100.0) + turn("one", 101.0)))
    tracker = run(cached.retrieve("iv"))
    statements: list[str] = []
    sa.event.listen(
        cached.engine,
        "before_cursor_execute",
        lambda _conn, _cursor, statement, *_: statements.append(statement.split()[0]),
    )
    for event in turn("two", 102.0):
        tracker.update(event)
    run(cached.save(tracker))
    for event in turn("three", 103.0):  # saved twice in one turn: only the newest are added
        tracker.update(event)
    run(cached.save(tracker))

    assert statements == ["INSERT", "INSERT"]
    stored = run(
        SQLTrackerStore(
            domain=DOMAIN, dialect="sqlite", db=str(cached.engine.url.database)
        ).retrieve("iv")
    )
    assert dumped(stored) == dumped(tracker)


def test_the_events_it_saved_come_back_as_the_same_objects(cached, plain) -> None:
    """Read back after its own save, a turn's events are the objects that were saved (the
    kept replay then goes on from them), and the conversation is still Rasa's."""
    run(append(cached, "jo", session_start(100.0) + turn("one", 101.0)))
    tracker = run(cached.retrieve("jo"))
    said = turn("two", 102.0) + turn("three", 103.0)
    for event in said[:5]:
        tracker.update(event)
    run(cached.save(tracker))
    for event in said[5:]:  # saved twice in one turn
        tracker.update(event)
    run(cached.save(tracker))

    again = run(cached.retrieve("jo"))
    assert all(a is b for a, b in zip(list(again.events)[-10:], said, strict=True))
    assert dumped(again) == dumped(run(plain.retrieve("jo")))
    assert again.get_slot("pain_area") == "three"


def test_another_writers_rows_are_read_as_theirs(cached, plain) -> None:
    run(append(cached, "ky", session_start(100.0) + turn("one", 101.0)))
    tracker = run(cached.retrieve("ky"))
    run(append(plain, "ky", turn("elsewhere", 102.0)))  # another server, in between
    mine = turn("mine", 103.0)
    for event in mine:
        tracker.update(event)
    run(cached.save(tracker))

    again = run(cached.retrieve("ky"))
    texts = [e.text for e in again.events if isinstance(e, UserUttered)]
    assert texts == ["one", "elsewhere", "mine"]
    assert not any(a is b for a, b in zip(list(again.events)[-5:], mine, strict=True))
    assert dumped(again) == dumped(run(plain.retrieve("ky")))


def test_a_read_tracker_holds_what_rasas_replay_of_its_events_holds(cached) -> None:
    """The kept replay is continued turn after turn; each read equals
    DialogueStateTracker.from_events of the same events, state for state."""

    def state(tracker: DialogueStateTracker) -> dict:
        held = dict(vars(tracker))
        held["events"] = [id(event) for event in tracker.events]
        held["slots"] = {name: (type(s), vars(s)) for name, s in tracker.slots.items()}
        return held

    run(append(cached, "lu", session_start(100.0)))
    for number in range(6):
        tracker = run(cached.retrieve("lu"))
        rebuilt = DialogueStateTracker.from_events("lu", list(tracker.events), DOMAIN.slots)
        assert state(tracker) == state(rebuilt)
        for event in turn(f"turn {number}", 101.0 + number):
            tracker.update(event)
        run(cached.save(tracker))


# How long a commit waits for another conversation to be served: far longer than that takes
# when the database runs off the event loop.
COMMIT_WAIT = 20.0


def slow_inserts_for(store: CachedSQLTrackerStore, sender: str, seconds: float) -> None:
    """Every INSERT of `sender`'s rows waits `seconds` first, like a commit on a busy disk."""

    def wait(_conn, _cursor, statement, parameters, _context, _many):  # type: ignore[no-untyped-def]
        if statement.startswith("INSERT") and sender in str(parameters):
            time.sleep(seconds)

    sa.event.listen(store.engine, "before_cursor_execute", wait)


def test_a_slow_commit_holds_up_no_other_conversation(cached) -> None:
    """The database is used from worker threads: while one person's turn waits on its commit,
    the server reads and answers the next person (Rasa's own store blocks the event loop).
    Decided by the order of events, not by a clock: mo's insert waits until ni has been read,
    which only an event loop that is free meanwhile can do (else it waits out COMMIT_WAIT)."""
    run(append(cached, "mo", session_start(100.0) + turn("one", 101.0)))
    run(append(cached, "ni", session_start(100.0) + turn("one", 101.0)))
    ni_read = threading.Event()

    def commit_once_ni_is_read(_conn, _cursor, statement, parameters, _context, _many):  # type: ignore[no-untyped-def]
        if statement.startswith("INSERT") and "mo" in str(parameters):
            ni_read.wait(timeout=COMMIT_WAIT)

    sa.event.listen(cached.engine, "before_cursor_execute", commit_once_ni_is_read)
    finished: list[str] = []

    async def save_mo() -> None:
        tracker = await cached.retrieve("mo")
        for event in turn("two", 102.0):
            tracker.update(event)
        await cached.save(tracker)
        finished.append("mo saved")

    async def read_ni() -> None:
        assert await cached.retrieve("ni") is not None
        finished.append("ni read")
        ni_read.set()

    async def mo_first_then_ni() -> None:
        saving = asyncio.create_task(save_mo())
        await asyncio.sleep(0)  # mo's turn starts first
        await asyncio.gather(saving, read_ni())

    run(mo_first_then_ni())
    assert finished == ["ni read", "mo saved"]


def test_a_read_during_a_save_of_the_same_conversation_waits_for_it(cached, plain) -> None:
    """Within one server, reads and writes of one conversation go one at a time, so a read that
    starts while a turn is being stored returns that turn (the review app's view after a reply)."""
    run(append(cached, "ox", session_start(100.0) + turn("one", 101.0)))
    slow_inserts_for(cached, "ox", 0.5)

    async def save_then_read() -> DialogueStateTracker | None:
        tracker = await cached.retrieve("ox")
        for event in turn("two", 102.0):
            tracker.update(event)
        saving = asyncio.create_task(cached.save(tracker))
        await asyncio.sleep(0.1)
        read = await cached.retrieve_full_tracker("ox")
        await saving
        return read

    read = run(save_then_read())
    assert [e.text for e in read.events if isinstance(e, UserUttered)] == ["one", "two"]
    assert dumped(read) == dumped(run(plain.retrieve_full_tracker("ox")))
