"""The screening typed as people type, through the real Rasa server and action server.

Free text with words around the yes or no, typos, questions in the middle, stopping and
coming back, and the red-flag checklist answered in words and with its buttons.
"""

from __future__ import annotations

import json
import uuid

import pytest
from sqlalchemy.orm import Session

from backcare.knowledge.models import Message, ScreeningQuestion
from tests.servers import Assistant, texts

pytestmark = pytest.mark.integration

PLAN_START = "1. "


def new_sender() -> str:
    return f"free-text-{uuid.uuid4()}"


def question(session: Session, slot: str) -> str:
    return session.get_one(ScreeningQuestion, slot).text


def start(assistant: Assistant, sender: str) -> str:
    return texts(assistant.say(sender, "can u give me some excercises for my back pain"))


def gets_a_plan(replies: list[dict]) -> bool:
    return any(r.get("text", "").startswith(PLAN_START) for r in replies)


@pytest.mark.parametrize(
    "answers",
    [
        ["lowr back", "since christmas", "nah only in my back", "no to all of those", "about a 4"],
        ["my bum n lower back", "a couple of weeks", "not really", "none of these", "4/10"],
        ["lower back", "2 wks", "yep a bit down the right one", "nope none", "6"],
        ["hip", "yesterday", "sometimes", "nothing like that", "3 out of 10"],
        ["lower back", "a few days", "only when I bend", "None of these", "maybe a 5"],
    ],
)
def test_a_screening_typed_in_plain_words_reaches_a_plan_in_five_questions(
    assistant: Assistant, knowledge_session: Session, answers: list[str]
) -> None:
    sender = new_sender()
    assert question(knowledge_session, "pain_area") in start(assistant, sender)
    for answer in answers[:-1]:
        assert not gets_a_plan(assistant.say(sender, answer))
    assert gets_a_plan(assistant.say(sender, answers[-1]))
    slots = assistant.tracker(sender)["slots"]
    assert slots["screened"] is True
    assert slots["rf_checklist"] == "no"
    assert slots["triage"] in ("none", "see_clinician")


def test_the_same_screening_through_the_buttons(
    assistant: Assistant, knowledge_session: Session
) -> None:
    sender = new_sender()
    start(assistant, sender)
    for payload in [
        '/inform{"body_part":"lower back"}',
        '/inform{"duration":"1 week"}',
        "/deny",
        "/deny",
    ]:
        assert not gets_a_plan(assistant.say(sender, payload))
    assert gets_a_plan(assistant.say(sender, '/inform{"pain_score":"2"}'))
    assert assistant.tracker(sender)["slots"]["triage"] == "none"


def test_what_was_said_earlier_fills_its_question(
    assistant: Assistant, knowledge_session: Session
) -> None:
    sender = new_sender()
    said = texts(assistant.say(sender, "lowr back, been about 3 weeks now"))
    assert said.endswith(question(knowledge_session, "leg_pain"))
    said = texts(assistant.say(sender, "nope"))
    assert said.endswith(question(knowledge_session, "rf_checklist"))
    # A score one question early is kept: the checklist is asked again, then no score asked.
    said = texts(assistant.say(sender, "about a 4"))
    assert said.endswith(question(knowledge_session, "rf_checklist"))
    assert gets_a_plan(assistant.say(sender, "none of these"))
    assert assistant.tracker(sender)["slots"]["pain_score"] == "4"


def test_a_score_told_early_and_the_signs_denied_with_the_leg_are_not_asked_again(
    assistant: Assistant, knowledge_session: Session
) -> None:
    """Answers in a learner's English, one out of turn: "4 from 10" while the leg is asked,
    then the leg and the list of signs denied in one message."""
    sender = new_sender()
    start(assistant, sender)
    assistant.say(sender, "low back, left side")
    said = texts(assistant.say(sender, "5 days, after moving house"))
    assert said.endswith(question(knowledge_session, "leg_pain"))
    said = texts(assistant.say(sender, "pain is 4 from 10"))
    assert said.endswith(question(knowledge_session, "leg_pain"))
    assert gets_a_plan(
        assistant.say(sender, "nothing in legs, no numbness, no problem toilet, no fever")
    )
    slots = assistant.tracker(sender)["slots"]
    assert (slots["pain_score"], slots["leg_pain"], slots["rf_checklist"]) == ("4", "no", "no")


@pytest.mark.parametrize(
    "digression",
    [
        "hang on, is exercising even safe with a bad back?",
        "what was the hinge again?",
        "thx",
        "are you a real person?",
    ],
)
def test_a_question_in_the_middle_is_answered_and_never_stored(
    assistant: Assistant, knowledge_session: Session, digression: str
) -> None:
    sender = new_sender()
    start(assistant, sender)
    area = question(knowledge_session, "pain_area")
    replies = texts(assistant.say(sender, digression))
    assert replies.endswith(area) and replies != area
    assert replies.count(area) == 1
    assert assistant.tracker(sender)["slots"]["pain_area"] is None
    assert texts(assistant.say(sender, "lower back")).endswith(
        question(knowledge_session, "pain_duration")
    )
    assert assistant.tracker(sender)["slots"]["pain_area"] == "lower back"


def test_pretty_bad_asks_for_the_number(assistant: Assistant, knowledge_session: Session) -> None:
    sender = new_sender()
    start(assistant, sender)
    for answer in ["lower back", "3 weeks", "no", "none of these"]:
        assistant.say(sender, answer)
    said = texts(assistant.say(sender, "pretty bad"))
    assert knowledge_session.get_one(Message, "pain-score-invalid").text in said
    assert said.endswith(question(knowledge_session, "pain_score"))
    assert assistant.tracker(sender)["slots"]["pain_score"] is None
    assert gets_a_plan(assistant.say(sender, "ok about a 7 then"))


def test_after_two_non_answers_skip_or_stop_is_offered_and_a_third_stops(
    assistant: Assistant, knowledge_session: Session
) -> None:
    sender = new_sender()
    start(assistant, sender)
    for answer in ["lower back", "3 weeks"]:
        assistant.say(sender, answer)
    first = assistant.say(sender, "hmmm")
    assert texts(first).endswith(question(knowledge_session, "leg_pain"))
    second = assistant.say(sender, "thanks")
    titles = [b["title"] for r in second for b in r.get("buttons", [])]
    assert "Stop for now" in titles and "Skip" in titles
    third = texts(assistant.say(sender, "asdfgh"))
    assert question(knowledge_session, "leg_pain") not in third
    assert "ask me for a plan" in third
    assert assistant.tracker(sender)["active_loop"] == {}


@pytest.mark.parametrize("words", ["stop", "later", "never mind", "can we stop for now pls"])
def test_stop_ends_the_screening_cleanly_and_asking_again_resumes(
    assistant: Assistant, knowledge_session: Session, words: str
) -> None:
    sender = new_sender()
    start(assistant, sender)
    assistant.say(sender, "lower back")
    stopped = texts(assistant.say(sender, words))
    assert question(knowledge_session, "pain_duration") not in stopped
    assert assistant.tracker(sender)["active_loop"] == {}
    assert assistant.tracker(sender)["slots"]["pain_duration"] is None
    # No later reply carries a stale screening question.
    for message in ["thanks", "why does my back hurt?"]:
        said = texts(assistant.say(sender, message))
        assert all(question(knowledge_session, s) not in said for s in ("pain_duration",))
    resumed = texts(assistant.say(sender, "ok give me a plan now"))
    assert resumed.endswith(question(knowledge_session, "pain_duration"))
    assert question(knowledge_session, "pain_area") not in resumed


def test_after_the_plan_no_reply_carries_a_screening_question(
    assistant: Assistant, knowledge_session: Session
) -> None:
    sender = new_sender()
    start(assistant, sender)
    for answer in ["lower back", "3 weeks", "no", "none of these", "4"]:
        assistant.say(sender, answer)
    questions = [q.text for q in knowledge_session.query(ScreeningQuestion)]
    for message in ["thanks", "how do I do the second one?", "about a 4", "yes"]:
        said = texts(assistant.say(sender, message))
        assert not any(q in said for q in questions), message


@pytest.mark.parametrize(
    ("answer", "flag"),
    [
        ("not sure", "cauda-equina-signs"),
        ("yes one of them", "cauda-equina-signs"),
        ("yse", "cauda-equina-signs"),
    ],
)
def test_yes_or_not_sure_to_the_checklist_without_a_sign_is_an_emergency(
    assistant: Assistant, knowledge_session: Session, answer: str, flag: str
) -> None:
    sender = new_sender()
    start(assistant, sender)
    for reply in ["lower back", "3 weeks", "no"]:
        assistant.say(sender, reply)
    said = assistant.say(sender, answer)
    assert "emergency" in texts(said) and not gets_a_plan(said)
    slots = assistant.tracker(sender)["slots"]
    assert slots["triage"] == "emergency" and flag in slots["red_flags"]


@pytest.mark.parametrize(
    ("title", "flag", "triage"),
    [
        ("Numb around my bottom", "saddle-numbness", "emergency"),
        ("Fever or very unwell", "fever-infection-signs", "urgent"),
        ("Cancer or weight loss", "cancer-history", "urgent"),
    ],
)
def test_a_sign_button_files_its_flag_and_refers_at_its_level(
    assistant: Assistant, knowledge_session: Session, title: str, flag: str, triage: str
) -> None:
    sender = new_sender()
    start(assistant, sender)
    for reply in ["lower back", "3 weeks"]:
        assistant.say(sender, reply)
    checklist = assistant.say(sender, "no")
    buttons = {b["title"]: b["payload"] for r in checklist for b in r.get("buttons", [])}
    said = assistant.say(sender, buttons[title])
    assert not gets_a_plan(said)
    slots = assistant.tracker(sender)["slots"]
    assert slots["triage"] == triage and slots["red_flags"] == [flag]
    assert json.loads(buttons[title][buttons[title].index("{") :])["red_flag"] == flag


@pytest.mark.parametrize(
    ("words", "flag"),
    [
        ("yes, the numbness, i cant feel the paper when i wipe", "saddle-numbness"),
        ("i had breast cancer 2 years ago", "cancer-history"),
    ],
)
def test_a_sign_named_in_words_raises_the_triage_at_once(
    assistant: Assistant, knowledge_session: Session, words: str, flag: str
) -> None:
    sender = new_sender()
    start(assistant, sender)
    for reply in ["lower back", "3 weeks", "no"]:
        assistant.say(sender, reply)
    said = assistant.say(sender, words)
    assert not gets_a_plan(said)
    slots = assistant.tracker(sender)["slots"]
    assert slots["triage"] in ("urgent", "emergency") and flag in slots["red_flags"]
    assert "cauda-equina-signs" not in slots["red_flags"]
