"""News of exercises done and going well is read as a check-in; anything else keeps its reading."""

from __future__ import annotations

import pytest
import yaml
from rasa.shared.nlu.training_data.message import Message

from bot_extensions.progress_news import PROGRESS_ENTITY, ProgressNews
from tests.bot.conftest import ROOT


@pytest.fixture(scope="module")
def news() -> ProgressNews:
    """Configured exactly as in config.yml."""
    pipeline = yaml.safe_load((ROOT / "config.yml").read_text())["pipeline"]
    config = next(c for c in pipeline if c["name"].endswith("progress_news.ProgressNews"))
    return ProgressNews({k: v for k, v in config.items() if k != "name"})


def _read(news: ProgressNews, text: str, first: str, entities: list[dict] | None = None) -> Message:
    ranking = [{"name": first, "confidence": 0.6}, {"name": "ask_exercise", "confidence": 0.2}]
    message = Message(
        data={
            "text": text,
            "intent": ranking[0],
            "intent_ranking": ranking,
            "entities": entities or [],
        }
    )
    news.process([message])
    return message


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("back again! did the side planks most days, my back feels way stronger", "ask_exercise"),
        (
            "been doing your hip routine for a fortnight and my hips feel looser on walks",
            "ask_hip_pain",
        ),
        ("kept up the stretches all week, much less stiff getting out of bed", "ask_stiffness"),
        # a reading of pain where the news tells none
        ("tried the side plank this morning, felt fine tbh", "feedback_hurts"),
        # the score come down, the routine's week, the routine as "your stuff"
        ("1 week in, doing the planks daily, pain is about 2/10 now from 5", "feedback_hurts"),
        ("week 3 of the bird dogs and side planks, going good i think", "ask_exercise"),
        ("back ache pretty much gone after two weeks of your stuff!", "ask_pain_cause"),
    ],
)
def test_news_of_exercises_going_well_is_a_check_in(
    news: ProgressNews, text: str, first: str
) -> None:
    message = _read(news, text, first)
    assert message.get("intent")["name"] == "check_in"
    assert [e["entity"] for e in message.get("entities")] == [PROGRESS_ENTITY]


@pytest.mark.parametrize(
    ("text", "first", "entities"),
    [
        # a question is answered as asked
        ("did the planks all week and they feel easier, what comes next?", "feedback_too_easy", []),
        ("did the bird dogs, feel better. can I add the plank?", "ask_exercise", []),
        # ...with or without its question mark
        ("i did the knee one, way better. how long should i hold", "ask_exercise", []),
        # no good news
        ("did the plank every day but my back is no better", "ask_exercise", []),
        ("tried the hip circles, felt ok but a shooting pain after", "feedback_hurts", []),
        (
            "been doing the stretches, better in the morning but it hurts at night",
            "ask_stiffness",
            [],
        ),
        # a long story is a story, not news told in a chat
        (
            "my running diary, week three, on the hills by the river. "
            * 4
            + "monday was hard on the back, tuesday I rested, wednesday I did the hill session "
            "and it went well, thursday I did the stretches, friday the back felt better",
            "ask_exercise_safety",
            [],
        ),
        # a red flag told with it keeps its reading
        (
            "did the hinge drills and feel stronger, but I wet myself this morning",
            "report_red_flag",
            [{"entity": "red_flag", "value": "bladder-problems"}],
        ),
        (
            "doing the bird dogs and my back feels better, my left leg went numb yesterday",
            "ask_exercise",
            [{"entity": "check_urgent", "value": "one-leg-numbness-weakness"}],
        ),
    ],
)
def test_anything_else_keeps_its_reading(
    news: ProgressNews, text: str, first: str, entities: list[dict]
) -> None:
    message = _read(news, text, first, entities)
    assert message.get("intent")["name"] == first
