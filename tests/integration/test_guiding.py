"""Screening, plan and follow-ups through the real Rasa server and action server."""

from __future__ import annotations

import uuid

import pytest
import yaml
from sqlalchemy.orm import Session

from backcare.knowledge.models import Exercise, Message, ScreeningQuestion
from bot_extensions.channels.user_text import MAX_TEXT_CHARS
from tests.servers import ROOT, Assistant, texts

pytestmark = pytest.mark.integration
SCREENING = yaml.safe_load((ROOT / "domain" / "screening.yml").read_text())["responses"]


def new_sender() -> str:
    return f"guiding-{uuid.uuid4()}"


def question(session: Session, slot: str) -> str:
    return session.get_one(ScreeningQuestion, slot).text


def test_details_given_up_front_are_not_asked_again(
    assistant: Assistant, knowledge_session: Session
) -> None:
    sender = new_sender()
    said = texts(assistant.say(sender, "just my lower back really, been 2 weeks"))
    assert said.endswith(question(knowledge_session, "leg_pain"))
    slots = assistant.tracker(sender)["slots"]
    assert (slots["pain_area"], slots["pain_duration"]) == ("lower back", "2 weeks")


def test_screening_then_plan_then_follow_ups(
    assistant: Assistant, knowledge_session: Session
) -> None:
    sender = new_sender()
    assert question(knowledge_session, "pain_area") in texts(
        assistant.say(sender, "can you give me a routine?")
    )
    for answer in ["lower back", "3 weeks", "no", "none of these"]:
        assistant.say(sender, answer)
    plan = assistant.say(sender, "4")
    cards = [r["text"] for r in plan if r.get("text", "")[:2] in {"1.", "2.", "3.", "4."}]
    assert len(cards) == 4
    assert cards[0].startswith("1. Wall hip hinge")
    slots = assistant.tracker(sender)["slots"]
    assert slots["screened"] is True and slots["triage"] == "none"
    second = knowledge_session.get_one(Exercise, slots["current_plan"][1])
    assert texts(assistant.say(sender, "how do I do the second one?")).startswith(second.name)
    harder = texts(assistant.say(sender, "that was too easy"))
    assert second.progression is not None and second.progression.name in harder
    hurts = texts(assistant.say(sender, "ouch that hurt my back"))
    assert knowledge_session.get_one(Message, "stop-if-hurts").text in hurts


@pytest.mark.parametrize(
    "digression", ["how do I do a bird dog", "what can you do?", "thanks", "are you a bot?"]
)
def test_a_question_during_screening_is_answered_and_not_taken_as_the_answer(
    assistant: Assistant, knowledge_session: Session, digression: str
) -> None:
    sender = new_sender()
    assistant.say(sender, "can you give me a routine?")
    duration = question(knowledge_session, "pain_duration")
    assert texts(assistant.say(sender, "lower back")).endswith(duration)

    replies = texts(assistant.say(sender, digression))
    assert replies.endswith(duration) and replies != duration  # answered, then asked again
    assert assistant.tracker(sender)["slots"]["pain_duration"] is None
    assert texts(assistant.say(sender, "about 3 weeks")).endswith(
        question(knowledge_session, "leg_pain")
    )


def test_a_place_given_for_how_long_is_thanked_and_asked_about_once(
    assistant: Assistant, knowledge_session: Session
) -> None:
    sender = new_sender()
    assistant.say(sender, "can you give me a routine?")
    assistant.say(sender, "lower back")
    # an answer to another question: no "sorry", and no miss counted towards stopping
    again = texts(assistant.say(sender, "my lower back"))
    assert again.startswith(SCREENING["utter_screening_answer_elsewhere"][0]["text"])
    assert again.endswith(question(knowledge_session, "pain_duration"))
    assert not assistant.tracker(sender)["slots"]["screening_misses"]
    assert texts(assistant.say(sender, "about 2 months")).endswith(
        question(knowledge_session, "leg_pain")
    )
    assert assistant.tracker(sender)["slots"]["pain_duration"] == "2 months"


def test_goodbye_during_screening_ends_it(assistant: Assistant, knowledge_session: Session) -> None:
    sender = new_sender()
    assistant.say(sender, "can you give me a routine?")
    said = texts(assistant.say(sender, "ok bye for now"))
    assert question(knowledge_session, "pain_area") not in said
    assert assistant.tracker(sender)["active_loop"] == {}
    # Asking again later starts where it stopped.
    assert question(knowledge_session, "pain_area") in texts(
        assistant.say(sender, "can you give me a routine?")
    )


def test_a_sign_named_in_the_checklist_ends_screening_with_emergency(
    assistant: Assistant, knowledge_session: Session
) -> None:
    sender = new_sender()
    assistant.say(sender, "what exercises should I do")
    for answer in ["lower back", "4 days", "no"]:
        assistant.say(sender, answer)
    said = texts(assistant.say(sender, "yes, I've been leaking pee since it started"))
    assert "emergency" in said
    assert said.count("call your") <= 2  # the referral is given once
    assert question(knowledge_session, "pain_score") not in said
    slots = assistant.tracker(sender)["slots"]
    assert slots["triage"] == "emergency" and "bladder-problems" in slots["red_flags"]


@pytest.mark.parametrize(
    "message",
    ["yes", "no", "4", "asdfgh", "??", "ok", "what about my knee", "the thing you said before"],
)
def test_the_assistant_never_stays_silent(assistant: Assistant, message: str) -> None:
    sender = new_sender()
    assistant.say(sender, "hi")
    assert texts(assistant.say(sender, message)).strip()


def test_an_empty_message_is_answered_and_a_huge_one_cut_to_the_cap(assistant: Assistant) -> None:
    # The channels keep the first MAX_TEXT_CHARS (5,000) characters (docs/channels.md).
    sender = new_sender()
    assert texts(assistant.say(sender, "")).strip()
    huge = ("my back hurts when I sit at my desk all day " * 250)[:10_000]
    assert texts(assistant.say(sender, huge)).strip()
    stored = [e["text"] for e in assistant.tracker(sender)["events"] if e["event"] == "user"]
    assert stored == ["", huge[:MAX_TEXT_CHARS].rstrip()]  # Rasa strips the end
