"""A hello followed by news is read as the news."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot_extensions.greeting_words import GreetingThenNews

GREETING_THEN_NEWS = GreetingThenNews(GreetingThenNews.get_default_config())


GREETING_RANKING = [
    {"name": "greet", "confidence": 0.38},
    {"name": "check_in", "confidence": 0.2},
    {"name": "ask_exercise", "confidence": 0.11},
]
THANKS_RANKING = [
    {"name": "thank", "confidence": 0.41},
    {"name": "ask_posture", "confidence": 0.22},
]


def _read(
    text: str,
    component: GreetingThenNews = GREETING_THEN_NEWS,
    ranking: list[dict] = GREETING_RANKING,
) -> str:
    message = Message(data={"text": text, "intent": ranking[0], "intent_ranking": ranking})
    component.process([message])
    return message.get("intent")["name"]


def test_a_hello_with_news_is_the_news() -> None:
    assert _read("hi again! bird dogs going well, did them every day this week") == "check_in"


def test_a_hello_is_a_greeting() -> None:
    assert _read("hello, my gp surgery gave me this link") == "greet"
    assert _read("hiya") == "greet"


THANKS_THEN_QUESTION = GreetingThenNews(
    {**GreetingThenNews.get_default_config(), "thanks_intents": ["thank"]}
)


def _read_thanks(text: str) -> str:
    return _read(text, THANKS_THEN_QUESTION, THANKS_RANKING)


def test_a_thanks_then_a_question_is_the_question() -> None:
    assert _read_thanks("ok thanks a lot. and should i sit up really straight at my desk?") == (
        "ask_posture"
    )


@pytest.mark.parametrize(
    "text", ["cool ty. how many sets of the core stuff", "nice one. any core stuff for landing"]
)
def test_a_thanks_then_a_question_without_its_mark_is_the_question(text: str) -> None:
    assert _read_thanks(text) == "ask_posture"


def test_a_thanks_that_asks_nothing_is_a_thanks() -> None:
    assert _read_thanks("thank you so much, that really helped, i will do them tomorrow") == "thank"
    assert _read_thanks("thanks?") == "thank"
    assert _read_thanks("thanks everyone for the replies. will update after the op") == "thank"
    assert _read_thanks("thanks so much, what a relief that is") == "thank"
