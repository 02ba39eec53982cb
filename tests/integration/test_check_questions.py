"""Check questions through the real Rasa and action servers: asked before anything else, a
"yes" (or anything but a clear "no") raises the triage, a "no" carries on, and all of it works
with the action server down."""

from __future__ import annotations

import uuid

import pytest
import yaml

from bot_extensions.yaml_files import read_yaml
from tests.servers import ROOT, Assistant, texts

pytestmark = pytest.mark.integration

CHECKS = {
    check["slug"]: check["question"]
    for check in read_yaml(ROOT / "data" / "knowledge" / "sign_checks.yml")["checks"]
}
SAFETY = yaml.safe_load((ROOT / "domain" / "safety.yml").read_text())["responses"]
EMERGENCY_SELF = SAFETY["utter_emergency"][2]["text"]
LASTING_PAIN_MESSAGE = next(
    flag["message"]
    for flag in read_yaml(ROOT / "data" / "knowledge" / "red_flags.yml")["red_flags"]
    if flag["slug"] == "pain-beyond-six-weeks"
)
LONG_AGO = "back in 2015 I couldn't feel myself pee for a few days, what exercises are safe for me?"


def new_sender() -> str:
    return f"check-{uuid.uuid4()}"


def triage(assistant: Assistant, sender: str) -> str:
    return assistant.tracker(sender)["slots"]["triage"]


def test_long_ago_history_gets_the_check_question_first(assistant: Assistant) -> None:
    sender = new_sender()
    said = texts(assistant.say(sender, LONG_AGO))
    assert said == CHECKS["cauda-equina"]
    assert triage(assistant, sender) == "none"


@pytest.mark.parametrize("answer", ["yes", "yeah that's happening now", "not sure tbh", "maybe?"])
def test_anything_but_a_clear_no_raises_the_triage(assistant: Assistant, answer: str) -> None:
    sender = new_sender()
    assistant.say(sender, LONG_AGO)
    said = texts(assistant.say(sender, answer))
    assert said.startswith(EMERGENCY_SELF)
    state = assistant.tracker(sender)["slots"]
    assert state["triage"] == "emergency"
    assert state["red_flags"] == ["bladder-problems"]  # the sign the question was about


@pytest.mark.parametrize("answer", ["no", "nope, nothing like that now"])
def test_a_no_carries_on_with_what_was_asked(assistant: Assistant, answer: str) -> None:
    sender = new_sender()
    assistant.say(sender, LONG_AGO)
    said = texts(assistant.say(sender, answer))
    assert said.startswith(SAFETY["utter_check_cleared"][0]["text"])
    assert len(said) > len(SAFETY["utter_check_cleared"][0]["text"])  # and an answer follows
    assert triage(assistant, sender) == "none"


def test_a_reply_that_describes_symptoms_is_a_yes(assistant: Assistant) -> None:
    sender = new_sender()
    assistant.say(sender, LONG_AGO)
    said = texts(assistant.say(sender, "this morning, and now there's tingling all the way down"))
    assert said.startswith(EMERGENCY_SELF)
    assert triage(assistant, sender) == "emergency"


def test_ordinary_back_pain_words_are_no_answer(assistant: Assistant) -> None:
    sender = new_sender()
    assistant.say(sender, LONG_AGO)
    said = texts(assistant.say(sender, "my lower back is just stiff and achy"))
    assert said.endswith(CHECKS["cauda-equina"])
    assert triage(assistant, sender) == "none"


def test_another_request_is_no_answer_and_the_question_comes_again(assistant: Assistant) -> None:
    sender = new_sender()
    assistant.say(sender, LONG_AGO)
    said = texts(assistant.say(sender, "can u just show me the plank"))
    assert said.endswith(CHECKS["cauda-equina"])
    assert "How to do it" not in said
    assert triage(assistant, sender) == "none"
    assert texts(assistant.say(sender, "no, nothing like that")).startswith(
        SAFETY["utter_check_cleared"][0]["text"]
    )


def test_the_check_and_its_alarm_work_with_the_action_server_down(assistant: Assistant) -> None:
    sender = new_sender()
    assistant.actions.stop()
    try:
        assert texts(assistant.say(sender, LONG_AGO)) == CHECKS["cauda-equina"]
        assert texts(assistant.say(sender, "yes")) == EMERGENCY_SELF
        assert triage(assistant, sender) == "emergency"
    finally:
        assistant.start_actions()


def test_after_an_emergency_a_named_exercise_is_not_taught(assistant: Assistant) -> None:
    sender = new_sender()
    assistant.say(sender, "I wet myself this morning and my back is agony")
    for ask in ["how do I do a bird dog?", "just the plank then", "/affirm", "the second one"]:
        said = texts(assistant.say(sender, ask))
        assert "Steps" not in said and "sets" not in said.lower(), (ask, said)
    assert triage(assistant, sender) == "emergency"


@pytest.mark.parametrize(
    "reply",
    [
        "nope, still the same after two months, no better at all",
        "yeah it's been like this for 3 months and it's no better",
    ],
)
def test_a_yes_or_no_that_tells_a_clinician_level_sign_gets_the_referral(
    assistant: Assistant, reply: str
) -> None:
    # Nothing was asked: the classifier's yes or no reading had no rule and got "I'm not sure
    # I understood"; the lasting pain it tells needs its referral.
    sender = new_sender()
    said = texts(assistant.say(sender, reply))
    assert said.startswith(LASTING_PAIN_MESSAGE)
    assert triage(assistant, sender) == "see_clinician"
