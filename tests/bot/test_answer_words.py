"""A message that opens with a question and goes on is no bare yes or no."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot_extensions.answer_words import QuestionIsNoAnswer


@pytest.fixture(scope="module")
def component() -> QuestionIsNoAnswer:
    return QuestionIsNoAnswer(QuestionIsNoAnswer.get_default_config())


def _read(component: QuestionIsNoAnswer, text: str, first: str = "deny") -> Message:
    ranking = [
        {"name": first, "confidence": 0.5},
        {"name": "ask_warning_signs", "confidence": 0.3},
        {"name": "ask_pain_cause", "confidence": 0.1},
    ]
    message = Message(data={"text": text, "intent": ranking[0], "intent_ranking": ranking})
    component.process([message])
    return message


def test_a_question_with_denials_in_it_is_read_as_the_question(component) -> None:
    message = _read(component, "is this something for a doctor? no tingling, no fever, walking ok")
    assert message.get("intent") == {"name": "ask_warning_signs", "confidence": 0.6}
    assert [r["name"] for r in message.get("intent_ranking")] == [
        "ask_warning_signs",
        "ask_pain_cause",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "no, does that matter?",  # the answer comes first
        "is that bad? no",  # too short to be more than an answer
        "nope none of that, legs fine and no fever at all thanks",  # no question
    ],
)
def test_answers_stay_answers(component, text: str) -> None:
    assert _read(component, text).get("intent")["name"] == "deny"


def test_other_readings_are_left_alone(component) -> None:
    text = "what exercises can I do for my back when it is sore like this"
    assert _read(component, text, first="ask_exercise").get("intent")["name"] == "ask_exercise"
