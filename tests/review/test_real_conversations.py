"""The review app on a tracker store filled by real conversations with the bot (Rasa's own
SQLTrackerStore), on SQLite and on PostgreSQL."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
import yaml
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from backcare.database import make_engine
from backcare.programme.models import CheckIn, Person, Reminder
from backcare.programme.store import plan_of
from backcare.review.domain_intents import known_intents
from backcare.review.tracker_store import events
from tests.review.conftest import ADMIN, CLINICIAN, ClientFactory, Databases, csrf_of, page_text
from tests.review.programme_rows import give_programme


def export(client: TestClient, path: str, params: dict[str, str] | None = None):
    """Exports are form posts carrying the session's CSRF token."""
    token = csrf_of(client.get("/conversations").text)
    return client.post(path, params=params, data={"csrf_token": token})


pytestmark = pytest.mark.integration
OTHER_CONVERSATIONS = (
    "bot-back-pain",
    "bot-red-flag",
    "bot-contact",
    "bot-script",
    "bot-injection",
)


def conversation_id(client: TestClient, sender: str) -> int:
    page = client.get("/conversations", params={"q": ""}).text
    found = re.search(rf'href="/conversations/(\d+)">{re.escape(sender)}<', page)
    assert found, f"{sender} is not listed"
    return int(found.group(1))


def mark_reviewed(client: TestClient, number: int) -> str:
    """Press "Mark reviewed" on a transcript; returns the page's CSRF token."""
    page = client.get(f"/conversations/{number}").text
    seen = re.search(r'name="seen_through_event_id" value="(\d+)"', page).group(1)
    token = csrf_of(page)
    form = {"csrf_token": token, "reviewed": "true", "seen_through_event_id": seen}
    assert client.post(f"/conversations/{number}/review", data=form).status_code == 200
    return token


def listed(client: TestClient, **filters: str) -> set[str]:
    page = client.get("/conversations", params=filters)
    assert page.status_code == 200, page.text
    return set(re.findall(r'href="/conversations/\d+">([^<]+)<', page.text))


def row_of(page: str, sender: str) -> str:
    row = re.search(rf"<tr>\s*<td><a [^>]+>{re.escape(sender)}</a>.*?</tr>", page, re.S)
    assert row, sender
    return page_text(row.group())


def test_the_list_shows_each_conversation_with_its_facts(bot_client_for: ClientFactory) -> None:
    clinician = bot_client_for(CLINICIAN)
    page = clinician.get("/conversations").text
    assert set(OTHER_CONVERSATIONS) <= listed(clinician)
    red_flag = row_of(page, "bot-red-flag")
    assert re.search(
        r"rest \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC 2 emergency",
        red_flag,
    )
    assert "saddle-numbness" in red_flag and "not reviewed" in red_flag
    assert " 4 none " in row_of(page, "bot-back-pain")


def test_filters_and_search_narrow_the_list(bot_client_for: ClientFactory) -> None:
    clinician = bot_client_for(CLINICIAN)
    assert listed(clinician, triage="emergency") == {"bot-red-flag"}
    assert listed(clinician, red_flag="saddle-numbness") == {"bot-red-flag"}
    assert set(OTHER_CONVERSATIONS) <= listed(clinician, channel="rest")
    assert listed(clinician, channel="telegram") == set()
    assert listed(clinician, q="WIPE") == {"bot-red-flag"}
    assert listed(clinician, q="back hurt") >= {"bot-back-pain", "bot-script"}
    assert listed(clinician, date_from="2000-01-01", date_to="2000-01-02") == set()
    assert set(OTHER_CONVERSATIONS) <= listed(clinician, date_from="2000-01-01")
    assert clinician.get("/conversations", params={"date_from": "yesterday"}).status_code == 400

    reviewed = conversation_id(clinician, "bot-back-pain")
    token = mark_reviewed(clinician, reviewed)
    clinician.post(
        f"/conversations/{reviewed}/follow-up", data={"csrf_token": token, "follow_up": "true"}
    )
    assert "bot-back-pain" not in listed(clinician, unreviewed="true")
    assert "bot-red-flag" in listed(clinician, unreviewed="true")
    assert listed(clinician, follow_up="true") == {"bot-back-pain"}


def test_a_transcript_shows_every_turn_as_the_bot_saw_it(bot_client_for: ClientFactory) -> None:
    clinician = bot_client_for(CLINICIAN)
    text = page_text(
        clinician.get(f"/conversations/{conversation_id(clinician, 'bot-red-flag')}").text
    )
    assert "Person I can&#39;t feel anything when I wipe Intent report_red_flag (100%)" in text
    assert "red_flag=saddle-numbness" in text and "triage_level=emergency" in text
    assert "Red flags detected saddle-numbness: present (emergency)" in text
    assert re.search(r"Slots set (\S+=\S+ )*triage=emergency", text)
    assert "Assistant · utter_emergency RulePolicy, 100%" in text
    assert "emergency department" in text
    assert re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC Person hello Intent greet", text)

    story = page_text(
        clinician.get(f"/conversations/{conversation_id(clinician, 'bot-back-pain')}").text
    )
    for action in ("utter_greet", "action_explain_topic", "action_show_exercise", "utter_goodbye"):
        assert f"Assistant · {action}" in story
    assert "hip hinge" in story.lower()


def test_contacts_are_hidden_until_a_clinician_asks_which_is_audited(
    bot_client_for: ClientFactory,
) -> None:
    admin = bot_client_for(ADMIN)
    number = conversation_id(admin, "bot-contact")
    page = admin.get(f"/conversations/{number}").text
    assert "my email is [e-mail hidden] and my number is [phone hidden]" in page
    assert "jo.bloggs" not in page and "900123" not in page
    for path in (
        f"/conversations/{number}/export.csv",
        f"/conversations/{number}/export.json",
        "/exports/conversations.json",
    ):
        assert "jo.bloggs" not in export(admin, path).text, path
    assert "jo.bloggs" not in admin.get(f"/conversations/{number}/print").text
    shown = admin.post(f"/conversations/{number}/unmask", data={"csrf_token": csrf_of(page)})
    assert "jo.bloggs@example.com" in shown.text and "07700 900123" in shown.text
    audit = page_text(admin.get("/admin/audit", params={"action": "unmask"}).text)
    assert f"{ADMIN} unmask conversation {number} (sender bot-contact)" in audit


def test_notes_reviews_and_intent_corrections(bot_client_for: ClientFactory) -> None:
    clinician = bot_client_for(CLINICIAN)
    number = conversation_id(clinician, "bot-injection")
    page = clinician.get(f"/conversations/{number}").text
    token = csrf_of(page)
    event_id = re.search(r'name="event_id" value="(\d+)"', page).group(1)

    clinician.post(
        f"/conversations/{number}/notes",
        data={"csrf_token": token, "text": "Asked about hips; fine."},
    )
    mark_reviewed(clinician, number)
    clinician.post(
        f"/conversations/{number}/corrections",
        data={
            "csrf_token": token,
            "event_id": event_id,
            "intent": "ask_hip_pain",
            "example": "my hip hurts, mail me at a@b.org",
        },
    )
    refused = clinician.post(
        f"/conversations/{number}/corrections",
        data={"csrf_token": token, "event_id": event_id, "intent": "not_an_intent", "example": "x"},
    )
    assert refused.status_code == 400

    text = page_text(clinician.get(f"/conversations/{number}").text)
    assert f"{CLINICIAN}" in text and "Asked about hips; fine." in text
    assert f"reviewed by {CLINICIAN}" in text and "Mark not reviewed" in text
    assert f"corrected to ask_hip_pain by {CLINICIAN}" in text

    exported = export(clinician, "/exports/corrections.yml")
    assert exported.headers["content-disposition"].endswith('filename="review_corrections.yml"')
    training = yaml.safe_load(exported.text)
    assert training["version"] == "3.1"
    assert training["nlu"] == [
        {"intent": "ask_hip_pain", "examples": "- my hip hurts, mail me at [e-mail hidden]\n"}
    ]
    assert all(block["intent"] in known_intents() for block in training["nlu"])


def test_exports_of_one_conversation_and_of_a_filtered_set(bot_client_for: ClientFactory) -> None:
    clinician = bot_client_for(CLINICIAN)
    number = conversation_id(clinician, "bot-red-flag")
    rows = list(
        csv.DictReader(io.StringIO(export(clinician, f"/conversations/{number}/export.csv").text))
    )
    assert [row["person"] for row in rows] == ["hello", "I can't feel anything when I wipe"]
    assert rows[1]["intent"] == "report_red_flag"
    assert rows[1]["red_flags"] == "saddle-numbness (present)"
    assert "utter_emergency [RulePolicy]" in rows[1]["actions"]

    document = export(clinician, "/exports/conversations.json", {"triage": "emergency"}).json()
    assert document["filters"] == {"triage": "emergency"}
    [conversation] = document["conversations"]
    assert conversation["sender_id"] == "bot-red-flag" and conversation["red_flags"] == [
        "saddle-numbness"
    ]
    assert conversation["transcript"][1]["actions"][0]["action"] == "utter_emergency"

    everything = export(clinician, "/exports/conversations.csv", {"channel": "rest"})
    senders = {row["sender_id"] for row in csv.DictReader(io.StringIO(everything.text))}
    assert set(OTHER_CONVERSATIONS) <= senders
    printed = page_text(clinician.get(f"/conversations/{number}/print").text)
    assert "Confidential" in printed and "I can&#39;t feel anything when I wipe" in printed


def test_the_dashboard_counts_what_the_bot_saw(bot_client_for: ClientFactory) -> None:
    page = bot_client_for(CLINICIAN).get("/dashboard").text
    figures = json.loads(
        re.search(r'<script type="application/json" id="figures">(.*?)</script>', page, re.S).group(
            1
        )
    )
    assert figures["conversations"] >= len(OTHER_CONVERSATIONS)
    assert {row["level"]: row["conversations"] for row in figures["triage"]}["emergency"] >= 1
    assert {"greet", "report_red_flag"} <= {row["intent"] for row in figures["top_intents"]}
    assert figures["per_day"][-1]["conversations"] >= 1
    assert 0 <= figures["fallback"]["rate"] <= 1
    assert '<script src="/static/vendor/chart.umd.min.js"' in page


def test_an_admin_erases_a_conversation_from_the_tracker_store(
    bot_databases: Databases, bot_client_for: ClientFactory
) -> None:
    give_programme(bot_databases.app_url, "bot-erase-me", "pain getting worse", 1)
    give_programme(bot_databases.app_url, "bot-back-pain", None, 1)
    admin = bot_client_for(ADMIN)
    number = conversation_id(admin, "bot-erase-me")
    token = csrf_of(admin.get(f"/conversations/{number}").text)
    admin.post(f"/conversations/{number}/notes", data={"csrf_token": token, "text": "erase me too"})
    wrong = admin.post(
        f"/admin/conversations/{number}/delete", data={"csrf_token": token, "confirm": "yes"}
    )
    assert wrong.status_code == 400
    done = admin.post(
        f"/admin/conversations/{number}/delete",
        data={"csrf_token": token, "confirm": "bot-erase-me"},
        follow_redirects=False,
    )
    assert done.headers["location"] == "/conversations?deleted=1"

    tracker = make_engine(bot_databases.tracker_url)
    with tracker.connect() as connection:
        left = connection.scalar(select(func.count()).where(events.c.sender_id == "bot-erase-me"))
        others = connection.scalar(select(func.count()).where(events.c.sender_id == "bot-red-flag"))
    assert left == 0 and others > 0
    assert "bot-erase-me" not in listed(admin)
    assert admin.get(f"/conversations/{number}").status_code == 404
    audit = page_text(admin.get("/admin/audit", params={"action": "delete_conversation"}).text)
    assert f"{ADMIN} delete_conversation conversation {number} (sender bot-erase-me)" in audit
    assert "tracker_events_deleted" in audit
    # The programme goes too: plan, check-ins and reminders (and no one else's).
    app = make_engine(bot_databases.app_url)
    with Session(app) as session:
        assert session.get(Person, "bot-erase-me") is None
        assert plan_of(session, "bot-erase-me") is None
        assert not session.scalars(
            select(Reminder).where(Reminder.sender_id == "bot-erase-me")
        ).all()
        assert session.scalar(select(func.count()).select_from(CheckIn)) == 1
        assert plan_of(session, "bot-back-pain") is not None
    app.dispose()
