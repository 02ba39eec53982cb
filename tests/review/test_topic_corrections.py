"""Topic corrections in the review app: beside each message a clinician chooses the topic that
should have answered it (or none), sees it on the transcript, changes and removes it; the form
needs the CSRF token and a reviewing role, and every change is audited."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from backcare.database import make_engine
from backcare.knowledge.loader import load_knowledge, read_knowledge
from backcare.review.models import TopicCorrection, User
from backcare.review.tracker_store import events_of
from tests.review import synthetic_tracker as synthetic
from tests.review.conftest import (
    CLINICIAN,
    ClientFactory,
    Databases,
    audit,
    csrf_of,
    page_text,
    password_hash,
)

KNOWLEDGE_DIR = Path(__file__).resolve().parents[2] / "data" / "knowledge"
SENDER = "asked-about-a-band"
ASKED = "My physio gave me a rubber band to pull, is that OK? jo@example.org"
MASKED = "My physio gave me a rubber band to pull, is that OK? [e-mail hidden]"
HONEST_LINE = "no topic: the honest “can't help” line was right"


@pytest.fixture
def conversation(databases: Databases) -> tuple[int, int, float]:
    """A conversation in the tracker store and the topics in the knowledge base; returns the
    conversation's number (after the first sync), the message's event id and timestamp."""
    engine = make_engine(databases.app_url)
    with Session(engine) as session, session.begin():
        load_knowledge(session, read_knowledge(KNOWLEDGE_DIR))
    engine.dispose()
    said = [synthetic.EVERYDAY[0], synthetic.Said(ASKED, "out_of_scope")]
    tracker = make_engine(databases.tracker_url)
    synthetic.write(tracker, [(SENDER, synthetic.conversation(1_790_000_000.0, said))])
    message = [event for event in events_of(tracker, SENDER) if event.type_name == "user"][-1]
    tracker.dispose()
    return 1, message.id, message.timestamp


def rows(databases: Databases) -> list[TopicCorrection]:
    engine = make_engine(databases.app_url)
    with Session(engine) as session:
        found = list(session.scalars(select(TopicCorrection)))
    engine.dispose()
    return found


def turn_of(page: str, event_id: int) -> str:
    found = re.search(rf'<li class="turn" id="turn-{event_id}">.*?</li>', page, re.S)
    assert found, f"no turn {event_id} on the page"
    return found.group()


def correct(client: TestClient, number: int, event_id: int, **fields: str):  # type: ignore[no-untyped-def]
    token = csrf_of(client.get(f"/conversations/{number}").text)
    return client.post(
        f"/conversations/{number}/topic-corrections",
        data={"csrf_token": token, "event_id": str(event_id), **fields},
        follow_redirects=False,
    )


def test_a_clinician_points_a_message_to_a_topic_changes_and_removes_it(
    databases: Databases, client_for: ClientFactory, conversation: tuple[int, int, float]
) -> None:
    number, event_id, timestamp = conversation
    clinician = client_for(CLINICIAN)
    page = clinician.get(f"/conversations/{number}").text
    form = turn_of(page, event_id)
    assert 'action="/conversations/1/topic-corrections"' in form
    assert '<option value="gym-and-weights"' in form and "(none)" in form
    assert "Should have answered" not in form

    saved = correct(clinician, number, event_id, topic="gym-and-weights", note="band = gym")
    assert saved.status_code == 303
    assert saved.headers["location"] == f"/conversations/{number}#turn-{event_id}"
    [row] = rows(databases)
    assert (row.conversation_id, row.event_id, row.event_time) == (number, event_id, timestamp)
    assert row.message_text == MASKED and row.question == MASKED  # masked, whatever was shown
    assert (row.topic_slug, row.note, row.author) == ("gym-and-weights", "band = gym", CLINICIAN)
    shown = page_text(turn_of(clinician.get(f"/conversations/{number}").text, event_id))
    assert (
        "Should have answered: The gym and lifting weights" in shown and f"by {CLINICIAN}" in shown
    )
    assert "Note: band = gym" in shown and "Change the topic" in shown

    changed = correct(
        clinician, number, event_id, topic="(none)", question="  Is a   band OK  ", note=""
    )
    assert changed.status_code == 303
    [row] = rows(databases)
    assert (row.topic_slug, row.question, row.note) == (None, "Is a band OK", None)
    shown = page_text(turn_of(clinician.get(f"/conversations/{number}").text, event_id))
    assert f"Should have answered: {HONEST_LINE}" in shown
    printed = page_text(clinician.get(f"/conversations/{number}/print").text)
    assert f"Should have answered: {HONEST_LINE}" in printed

    token = csrf_of(clinician.get(f"/conversations/{number}").text)
    removed = clinician.post(
        f"/conversations/{number}/topic-corrections/remove",
        data={"csrf_token": token, "event_id": str(event_id)},
        follow_redirects=False,
    )
    assert removed.status_code == 303
    assert rows(databases) == []
    assert "Should have answered" not in clinician.get(f"/conversations/{number}").text

    target = f"conversation {number} (sender {SENDER})"
    assert audit(databases, "correct_topic", "remove_topic_correction") == [
        (
            CLINICIAN,
            "correct_topic",
            target,
            {"event_id": event_id, "topic": "gym-and-weights", "question": MASKED},
        ),
        (
            CLINICIAN,
            "correct_topic",
            target,
            {"event_id": event_id, "topic": None, "question": "Is a band OK"},
        ),
        (
            CLINICIAN,
            "remove_topic_correction",
            target,
            {"event_id": event_id, "topic": None},
        ),
    ]


@pytest.mark.parametrize("databases", ["sqlite"], indirect=True)
def test_the_form_needs_the_csrf_token_and_a_reviewing_role(
    databases: Databases, client_for: ClientFactory, conversation: tuple[int, int, float]
) -> None:
    number, event_id, _ = conversation
    form = {"event_id": str(event_id), "topic": "gym-and-weights"}
    path = f"/conversations/{number}/topic-corrections"
    clinician = client_for(CLINICIAN)
    clinician.get(f"/conversations/{number}")
    for token in (None, "forged-token"):
        data = form | ({"csrf_token": token} if token else {})
        assert clinician.post(path, data=data).status_code == 403
        assert clinician.post(f"{path}/remove", data=data).status_code == 403

    stranger = client_for()
    token = csrf_of(stranger.get("/login").text)
    assert stranger.post(path, data=form | {"csrf_token": token}).status_code == 401

    # A signed-in account without a reviewing role (none is made by the admin command today).
    engine = make_engine(databases.app_url)
    with Session(engine) as session, session.begin():
        session.add(User(email="viewer@example.org", password_hash=password_hash(), role="viewer"))
    engine.dispose()
    viewer = client_for("viewer@example.org")
    token = csrf_of(viewer.get(f"/conversations/{number}").text)
    refused = viewer.post(path, data=form | {"csrf_token": token})
    assert refused.status_code == 403
    assert rows(databases) == []
    assert audit(databases, "correct_topic") == []


@pytest.mark.parametrize("databases", ["sqlite"], indirect=True)
def test_a_wrong_topic_message_or_removal_is_refused(
    databases: Databases, client_for: ClientFactory, conversation: tuple[int, int, float]
) -> None:
    number, event_id, _ = conversation
    clinician = client_for(CLINICIAN)
    assert correct(clinician, number, event_id, topic="no-such-topic").status_code == 400
    assert correct(clinician, number, event_id - 1, topic="gym-and-weights").status_code == 400
    assert (
        correct(clinician, number, event_id, topic="massage", question="x" * 1001).status_code
        == 400
    )
    token = csrf_of(clinician.get(f"/conversations/{number}").text)
    elsewhere = clinician.post(
        "/conversations/99/topic-corrections",
        data={"csrf_token": token, "event_id": str(event_id), "topic": "massage"},
    )
    assert elsewhere.status_code == 404
    missing = clinician.post(
        f"/conversations/{number}/topic-corrections/remove",
        data={"csrf_token": token, "event_id": str(event_id)},
    )
    assert missing.status_code == 404
    engine = make_engine(databases.app_url)
    with Session(engine) as session:
        assert session.scalar(select(func.count()).select_from(TopicCorrection)) == 0
    engine.dispose()


@pytest.mark.parametrize("databases", ["sqlite"], indirect=True)
def test_erasing_the_conversation_removes_its_topic_corrections(
    databases: Databases, client_for: ClientFactory, conversation: tuple[int, int, float]
) -> None:
    number, event_id, _ = conversation
    admin = client_for("admin@example.org")
    assert correct(admin, number, event_id, topic="gym-and-weights").status_code == 303
    token = csrf_of(admin.get(f"/conversations/{number}").text)
    admin.post(
        f"/admin/conversations/{number}/delete", data={"csrf_token": token, "confirm": SENDER}
    )
    assert rows(databases) == []
