"""The safety contract through the real Rasa server and action server."""

from __future__ import annotations

import uuid

import pytest
import yaml
from sqlalchemy.orm import Session

from backcare.knowledge.models import EducationTopic, RedFlag
from tests.servers import ROOT, Assistant, response_text, texts

pytestmark = pytest.mark.integration

RESPONSES = {
    name: [variant["text"] for variant in variants]
    for name, variants in yaml.safe_load((ROOT / "domain" / "safety.yml").read_text())[
        "responses"
    ].items()
}
# after a medical emergency (a fall from a ladder)
AFTER_MEDICAL_EMERGENCY = response_text("safety.yml", "utter_after_emergency", alarm_kind="medical")
EMERGENCY_SELF, EMERGENCY_CRISIS, EMERGENCY_OTHER = (
    RESPONSES["utter_emergency"][2],
    RESPONSES["utter_emergency"][0],
    RESPONSES["utter_emergency"][1],
)


def new_sender() -> str:
    return f"safety-{uuid.uuid4()}"


def slots(assistant: Assistant, sender: str) -> dict:
    return assistant.tracker(sender)["slots"]


def test_emergency_reply_then_details_and_slots(
    assistant: Assistant, knowledge_session: Session
) -> None:
    sender = new_sender()
    said = texts(
        assistant.say(sender, "since this morning I can't feel the toilet paper when I wipe")
    )
    assert said.startswith(EMERGENCY_SELF)
    assert knowledge_session.get_one(RedFlag, "saddle-numbness").message in said
    state = slots(assistant, sender)
    assert state["triage"] == "emergency"
    assert state["red_flags"] == ["saddle-numbness"]


def test_after_an_emergency_no_exercises_are_taught(assistant: Assistant) -> None:
    sender = new_sender()
    assistant.say(sender, "I fell off a ladder an hour ago and my back is agony")
    said = texts(assistant.say(sender, "can you give me some exercises for it"))
    assert said == AFTER_MEDICAL_EMERGENCY


def test_once_help_is_on_its_way_the_replies_say_what_to_do_until_it_comes(
    assistant: Assistant,
) -> None:
    sender = new_sender()
    assistant.say(sender, "since this morning I can't feel the toilet paper when I wipe")
    said = texts(assistant.say(sender, "ok ambulance is on its way, what do i do while we wait"))
    assert said == response_text(
        "safety.yml", "utter_after_emergency", alarm_kind="medical", help_on_the_way="true"
    )
    # still no exercise, however asked, and the thanks wishes help soon
    assert texts(assistant.say(sender, "can i do the bird dog while i wait")) == said
    assert texts(assistant.say(sender, "thanks")) == response_text(
        "chitchat.yml", "utter_youre_welcome", triage="emergency", help_on_the_way="true"
    )
    assert slots(assistant, sender)["triage"] == "emergency"


def test_after_an_alarm_nobody_is_said_to_be_coming_and_a_side_question_gets_the_referral(
    assistant: Assistant,
) -> None:
    sender = new_sender()
    assistant.say(sender, "I fell off the roof an hour ago and can't move my legs")
    assert texts(assistant.say(sender, "is someone going to call me?")) == response_text(
        "chitchat.yml", "utter_iamabot", triage="emergency"
    )
    sender = new_sender()
    assistant.say(sender, "I had breast cancer and now new back pain that won't go away")
    assert texts(assistant.say(sender, "who won the football last night")) == response_text(
        "chitchat.yml", "utter_out_of_scope", triage="urgent", clinician_checked=False
    )


def test_triage_never_goes_down(assistant: Assistant) -> None:
    sender = new_sender()
    assistant.say(sender, "I keep wetting myself since my back went")
    assistant.say(sender, "also I've had a fever and chills for two days")
    assistant.say(sender, "my back is a bit stiff in the morning")
    state = slots(assistant, sender)
    assert state["triage"] == "emergency"
    assert state["red_flags"][:1] == ["bladder-problems"]
    assert "fever-infection-signs" in state["red_flags"]


def test_urgent_flag_gets_same_day_care(assistant: Assistant) -> None:
    sender = new_sender()
    said = texts(
        assistant.say(sender, "I had breast cancer five years ago and now this new back pain")
    )
    assert said.startswith(response_text("safety.yml", "utter_urgent"))
    assert slots(assistant, sender)["triage"] == "urgent"


def test_denied_symptoms_raise_no_alarm(assistant: Assistant) -> None:
    sender = new_sender()
    said = texts(
        assistant.say(
            sender, "no numbness down there and peeing is normal, my lower back is just stiff"
        )
    )
    assert EMERGENCY_SELF not in said
    assert slots(assistant, sender)["triage"] == "none"


def test_talk_of_suicide_points_to_crisis_support_first(assistant: Assistant) -> None:
    sender = new_sender()
    replies = assistant.say(
        sender, "honestly I don't want to be here anymore, the pain never stops"
    )
    assert replies[0]["text"] == EMERGENCY_CRISIS


def test_a_symptom_reported_for_someone_else_is_addressed_to_them(assistant: Assistant) -> None:
    sender = new_sender()
    replies = assistant.say(sender, "my dad can't pass urine and his back is killing him")
    assert replies[0]["text"] == EMERGENCY_OTHER


def test_emergency_reply_works_with_the_action_server_down(
    assistant: Assistant, knowledge_session: Session
) -> None:
    sender = new_sender()
    assistant.actions.stop()
    try:
        said = texts(assistant.say(sender, "I wet myself this morning and my back is agony"))
        assert said == EMERGENCY_SELF
        assert slots(assistant, sender)["triage"] == "emergency"
    finally:
        assistant.start_actions()
    # Once it is back, the same conversation goes on, with details from the database again.
    said = texts(assistant.say(sender, "I wet myself again just now"))
    assert knowledge_session.get_one(RedFlag, "bladder-problems").message in said


def test_a_restarted_action_server_answers_the_first_question_after_it(
    assistant: Assistant, knowledge_session: Session
) -> None:
    """Rasa sends the action server only the domain's digest once it has the domain; a
    restarted one has none, answers 449, and is sent the domain again (domain_digest.py)."""
    sender = new_sender()
    topic = knowledge_session.get_one(EducationTopic, "joint-by-joint")
    assert topic.summary in texts(assistant.say(sender, "why does my lower back hurt?"))
    assistant.actions.stop()
    assistant.start_actions()
    assert topic.summary in texts(assistant.say(new_sender(), "why does my lower back hurt?"))
    assert topic.summary in texts(assistant.say(sender, "why does my back hurt?"))


def test_other_questions_get_a_kind_apology_while_the_action_server_is_down(
    assistant: Assistant, knowledge_session: Session
) -> None:
    sender = new_sender()
    assistant.actions.stop()
    try:
        said = texts(assistant.say(sender, "why does my lower back hurt?"))
    finally:
        assistant.start_actions()
    assert said == RESPONSES["utter_lookup_unavailable"][0]
    # The same conversation carries on once the action server is back.
    topic = knowledge_session.get_one(EducationTopic, "joint-by-joint")
    assert topic.summary in texts(assistant.say(sender, "why does my lower back hurt?"))
