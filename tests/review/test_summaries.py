"""Conversation summaries: what a summary says, and the incremental sync from the tracker store."""

from __future__ import annotations

import json
import re

from sqlalchemy import insert, select
from sqlalchemy.orm import Session, sessionmaker

from backcare.database import make_engine
from backcare.review.models import Conversation, SyncState
from backcare.review.summaries import summarize, sync_conversations
from backcare.review.tracker_store import TrackerEvent, events
from tests.review import synthetic_tracker as synthetic
from tests.review.conftest import CLINICIAN, ClientFactory, Databases, csrf_of


def as_tracker_events(event_dicts: list[dict]) -> list[TrackerEvent]:
    return [
        TrackerEvent(number, "s", data["event"], data["timestamp"], data)
        for number, data in enumerate(event_dicts, start=1)
    ]


def test_a_summary_keeps_the_highest_triage_and_every_red_flag() -> None:
    calm_again = synthetic.Said("it's fine now", "inform", slots={"triage": "none"})
    said = [synthetic.EVERYDAY[0], synthetic.RED_FLAG, calm_again, synthetic.EVERYDAY[5]]
    facts = summarize(as_tracker_events(synthetic.conversation(1_790_000_000.0, said, "telegram")))
    assert facts.channel == "telegram"
    assert facts.turns == 4
    assert facts.triage == "emergency"
    assert facts.red_flags == {"saddle-numbness"}
    assert facts.intents == {"greet": 1, "report_red_flag": 1, "inform": 1, "nlu_fallback": 1}
    assert facts.messages[1] == "I can't feel anything when I wipe"


def test_sync_takes_in_new_conversations_and_new_turns(databases: Databases) -> None:
    tracker = make_engine(databases.tracker_url)
    sessions = sessionmaker(make_engine(databases.app_url))
    assert sync_conversations(sessions, tracker) == 0  # Rasa has not made its table yet

    synthetic.write(tracker, synthetic.random_conversations(30))
    assert sync_conversations(sessions, tracker) == 30
    assert sync_conversations(sessions, tracker) == 0  # nothing new: nothing rebuilt

    more = synthetic.conversation(1_800_000_000.0, [synthetic.RED_FLAG])
    synthetic.write(tracker, [("synthetic-00003", more), ("brand-new", more)])
    assert sync_conversations(sessions, tracker) == 2
    with sessions() as session:
        grown = session.scalars(
            select(Conversation).where(Conversation.sender_id == "synthetic-00003")
        ).one()
        assert grown.triage == "emergency"
        assert [flag.slug for flag in grown.red_flags] == ["saddle-numbness"]
        assert "i can't feel anything when i wipe" in grown.search_text
    with tracker.connect() as connection:
        newest = connection.execute(select(events.c.id).order_by(events.c.id.desc())).first()
    with sessions() as session:
        assert session.scalar(select(SyncState.last_event_id)) == newest.id


def test_sync_catches_events_committed_out_of_id_order(databases: Databases) -> None:
    """PostgreSQL may make a lower id visible after a higher one (concurrent transactions)."""
    tracker = make_engine(databases.tracker_url)
    sessions = sessionmaker(make_engine(databases.app_url))
    late = list(
        synthetic.rows("late", synthetic.conversation(1_790_000_000.0, [synthetic.RED_FLAG]))
    )
    early = list(
        synthetic.rows("early", synthetic.conversation(1_790_000_100.0, synthetic.EVERYDAY[:2]))
    )
    events.metadata.create_all(tracker)
    with tracker.begin() as connection:
        connection.execute(insert(events), [{**row, "id": 100 + n} for n, row in enumerate(early)])
    assert sync_conversations(sessions, tracker) == 1
    with tracker.begin() as connection:
        connection.execute(insert(events), [{**row, "id": 1 + n} for n, row in enumerate(late)])
    assert sync_conversations(sessions, tracker) == 1
    with sessions() as session:
        assert session.scalars(
            select(Conversation.sender_id).order_by(Conversation.sender_id)
        ).all() == ["early", "late"]


def test_summaries_read_the_json_rasa_wrote(databases: Databases) -> None:
    tracker = make_engine(databases.tracker_url)
    synthetic.write(
        tracker, [("one", synthetic.conversation(1_790_000_000.0, [synthetic.RED_FLAG]))]
    )
    with tracker.connect() as connection:
        stored = connection.execute(
            select(events.c.data).where(events.c.type_name == "user")
        ).scalar_one()
    assert (
        json.loads(stored)["parse_data"]["red_flag_findings"]["findings"][0]["slug"]
        == "saddle-numbness"
    )
    with Session(make_engine(databases.app_url)) as session:
        assert session.scalar(select(Conversation)) is None


def test_new_messages_after_a_review_make_it_unreviewed_again(
    databases: Databases, client_for: ClientFactory
) -> None:
    tracker = make_engine(databases.tracker_url)
    synthetic.write(
        tracker, [("back-again", synthetic.conversation(1_790_000_000.0, [synthetic.EVERYDAY[0]]))]
    )
    clinician = client_for(CLINICIAN)
    page = clinician.get("/conversations/1").text
    seen = re.search(r'name="seen_through_event_id" value="(\d+)"', page).group(1)
    synthetic.write(
        tracker, [("back-again", synthetic.conversation(1_790_000_500.0, [synthetic.RED_FLAG]))]
    )
    form = {"csrf_token": csrf_of(page), "reviewed": "true", "seen_through_event_id": seen}
    clinician.post("/conversations/1/review", data=form)  # the page read was already stale
    assert "back-again" in clinician.get("/conversations", params={"unreviewed": "true"}).text

    page = clinician.get("/conversations/1").text
    seen = re.search(r'name="seen_through_event_id" value="(\d+)"', page).group(1)
    form = {"csrf_token": csrf_of(page), "reviewed": "true", "seen_through_event_id": seen}
    clinician.post("/conversations/1/review", data=form)
    assert "back-again" not in clinician.get("/conversations", params={"unreviewed": "true"}).text
    synthetic.write(
        tracker, [("back-again", synthetic.conversation(1_790_001_000.0, [synthetic.EVERYDAY[1]]))]
    )
    assert "back-again" in clinician.get("/conversations", params={"unreviewed": "true"}).text
