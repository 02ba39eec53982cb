"""Greet -> why does my back hurt -> yes -> the hinge's steps from the database -> goodbye."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy.orm import Session

from backcare.knowledge.models import EducationTopic, Exercise
from tests.servers import Assistant, texts

pytestmark = pytest.mark.integration


def test_thin_slice_over_rest(assistant: Assistant, knowledge_session: Session) -> None:
    sender = f"thin-slice-{uuid.uuid4()}"
    hinge = knowledge_session.get_one(Exercise, "wall-hip-hinge")
    idea = knowledge_session.get_one(EducationTopic, "joint-by-joint")

    greeting = texts(assistant.say(sender, "hi"))
    assert "don't diagnose" in greeting

    explanation = assistant.say(sender, "why does my lower back hurt?")
    assert idea.summary in texts(explanation)
    offer = explanation[-1]
    assert hinge.name.lower() in offer["text"]
    assert [b["payload"] for b in offer["buttons"]] == ["/affirm", "/deny"]

    steps = texts(assistant.say(sender, "yes"))
    for step in hinge.steps:
        assert step in steps

    assert "Take care" in texts(assistant.say(sender, "bye"))

    events = assistant.tracker(sender)["events"]
    housekeeping = {"action_listen", "action_session_start", "action_extract_slots"}
    actions = [
        e["name"] for e in events if e["event"] == "action" and e["name"] not in housekeeping
    ]
    assert actions == [
        "utter_greet",
        "action_explain_topic",
        "action_show_exercise",
        "utter_goodbye",
    ]
