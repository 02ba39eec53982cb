"""A message that opens with a question and goes on is no bare yes or no."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot_extensions import waiting_check
from bot_extensions.answer_words import (
    AnotherQuestionsAnswerIsNoAnswer,
    QuestionBackIsNoAnswer,
    QuestionIsNoAnswer,
    SymptomIsNoNo,
)


@pytest.fixture(scope="module")
def component() -> QuestionIsNoAnswer:
    return QuestionIsNoAnswer(QuestionIsNoAnswer.get_default_config())


def _message(text: str, first: str = "deny") -> Message:
    ranking = [
        {"name": first, "confidence": 0.5},
        {"name": "ask_warning_signs", "confidence": 0.3},
        {"name": "ask_pain_cause", "confidence": 0.1},
    ]
    return Message(data={"text": text, "intent": ranking[0], "intent_ranking": ranking})


def _read(component: QuestionIsNoAnswer, text: str, first: str = "deny") -> Message:
    message = _message(text, first)
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


@pytest.fixture(scope="module")
def symptom_component() -> SymptomIsNoNo:
    return SymptomIsNoNo(SymptomIsNoNo.get_default_config())


def _read_with_symptom(component: SymptomIsNoNo, text: str, symptom: str = "numb") -> Message:
    message = _message(text)
    message.set("entities", [{"entity": "symptom", "value": symptom}])
    component.process([message])
    return message


def test_a_symptom_told_without_a_no_is_read_as_what_else_it_is(symptom_component) -> None:
    message = _read_with_symptom(symptom_component, "and my leg's gone numb")
    assert message.get("intent")["name"] == "ask_warning_signs"


@pytest.mark.parametrize(
    "text",
    [
        "nah, not numb",
        "no numbness",
        "nope nothing numb",
        "nope. numb sometimes",  # the no before a full stop
        "can't say it's numb",
    ],
)
def test_a_no_about_a_symptom_stays_a_no(symptom_component, text: str) -> None:
    assert _read_with_symptom(symptom_component, text).get("intent")["name"] == "deny"


def test_an_everyday_symptom_told_without_a_no_stays_a_no(symptom_component) -> None:
    # "legs fine, just the usual ache" answers a check question no
    message = _read_with_symptom(symptom_component, "legs fine, just the usual ache", "ache")
    assert message.get("intent")["name"] == "deny"


@pytest.fixture(scope="module")
def question_back() -> QuestionBackIsNoAnswer:
    return QuestionBackIsNoAnswer(QuestionBackIsNoAnswer.get_default_config())


def _while_waiting(
    text: str,
    ranking: list[dict],
    waiting: str | None,
    question: str | None = None,
    entities: list[dict] | None = None,
) -> Message:
    """A reply read as `ranking`, sent while the check `waiting` (if any) waits."""
    return Message(
        data={
            "text": text,
            "intent": ranking[0],
            "intent_ranking": ranking,
            "entities": entities or [],
            "metadata": waiting_check.with_waiting({}, waiting, question),
        }
    )


def _unplaced(text: str, waiting: str | None, entities: list[dict] | None = None) -> Message:
    ranking = [
        {"name": "nlu_fallback", "confidence": 0.15},
        {"name": "affirm", "confidence": 0.12},
        {"name": "ask_exercise_safety", "confidence": 0.11},
        {"name": "ask_pain_cause", "confidence": 0.1},
    ]
    return _while_waiting(text, ranking, waiting, entities=entities)


@pytest.mark.parametrize("text", ["What if it hurts?", "how long do i stay in it"])
def test_a_question_asked_back_while_a_check_waits_is_its_question(question_back, text) -> None:
    message = _unplaced(text, waiting="urgent")
    question_back.process([message])
    assert message.get("intent")["name"] == "ask_exercise_safety"


@pytest.mark.parametrize(
    "text, waiting, entities",
    [
        ("What if it hurts?", None, []),  # no check waits: the fallback stands
        ("kinda, on and off", "urgent", []),  # no question: not a clear no
        ("sort of, is that bad?", "emergency", []),  # a half yes, asked about
        ("yes?? what does that mean", "emergency", []),
        ("is it bad that i cant feel my bum?", "emergency", [{"entity": "red_flag"}]),
        ("yeah? it started after the fall", "urgent", [{"entity": "check_reply"}]),
    ],
)
def test_replies_that_answer_or_tell_a_sign_keep_the_fallback(
    question_back, text, waiting, entities
) -> None:
    message = _unplaced(text, waiting, entities)
    question_back.process([message])
    assert message.get("intent")["name"] == "nlu_fallback"


SIX_WEEKS = "has this pain lasted more than six weeks, or is it getting worse?"
UPPER_BACK = "Is this upper or middle back pain there all the time, worse at night?"


@pytest.fixture(scope="module")
def another_answer() -> AnotherQuestionsAnswerIsNoAnswer:
    return AnotherQuestionsAnswerIsNoAnswer(AnotherQuestionsAnswerIsNoAnswer.get_default_config())


def _told(
    text: str, waiting: str | None, question: str, entities: list[dict] | None = None
) -> Message:
    ranking = [{"name": "inform", "confidence": 0.6}, {"name": "ask_help", "confidence": 0.1}]
    return _while_waiting(text, ranking, waiting, question, entities)


@pytest.mark.parametrize(
    "text",
    [
        "lower back, left side",
        "lower back, right across the middle",
        "lower back, middle, dull ache",
        # a landmark for where: the belt, the bum
        "lower back across the belt line",
        "low back just above my bum",
        "in my lower back",
        # the side it leans to
        "my lower back, more on the right",
        "low back, centre, bit more on the left",
        "4 from 10",
        "3/10",
    ],
)
def test_where_or_a_mild_score_told_while_a_check_waits_is_no_answer(another_answer, text) -> None:
    message = _told(text, "see_clinician", SIX_WEEKS)
    another_answer.process([message])
    assert message.get("intent")["name"] == "ask_help"


FRAGILE_BONES = (
    "Do you have thin bones (osteoporosis) or take steroid tablets, and did this pain start "
    "after a fall, a strain or for no clear reason?"
)
HIP_MECHANICS = "Does your hip lock, catch or give way, or does the hip pain wake you at night?"
HAPPENING_NOW = "Before anything else, is any of this happening to you now: numbness ...?"


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("8 days", FRAGILE_BONES),
        ("since friday, 4 days", HIP_MECHANICS),
        ("about 2 weeks now", FRAGILE_BONES),
        ("4 day", HIP_MECHANICS),
        ("since saturday", HIP_MECHANICS),
    ],
)
def test_how_long_told_alone_is_no_answer_to_a_check_that_asks_nothing_of_time(
    another_answer, text, question
) -> None:
    message = _told(text, "urgent", question)
    another_answer.process([message])
    assert message.get("intent")["name"] == "ask_help"


@pytest.mark.parametrize(
    ("text", "waiting", "question", "entities"),
    [
        # how long, to a check that asks about now or about time: a yes, or the time asked
        ("since friday, 4 days", "emergency", HAPPENING_NOW, []),
        ("8 days", "see_clinician", SIX_WEEKS, []),
        # how long and more: "8 days and it locks every time" tells the sign
        ("8 days and it locks every time", "see_clinician", HIP_MECHANICS, []),
        # nothing waits: the screening's answer
        ("lower back, left side", None, "", []),
        # a place the check itself asks about
        ("lower back, left side", "urgent", UPPER_BACK, []),
        # both sides may be both legs; a strong score may be the severe pain asked about
        ("both sides", "emergency", SIX_WEEKS, []),
        ("8/10", "urgent", SIX_WEEKS, []),
        # more than a place: a time told
        ("lower back, since 3 days", "emergency", SIX_WEEKS, []),
        # a sign found in it
        ("lower back", "emergency", SIX_WEEKS, [{"entity": "red_flag", "value": "x"}]),
    ],
)
def test_an_answer_that_may_tell_the_sign_keeps_its_reading(
    another_answer, text, waiting, question, entities
) -> None:
    message = _told(text, waiting, question, entities)
    another_answer.process([message])
    assert message.get("intent")["name"] == "inform"
