"""Short exercise questions that name an education topic are tagged with it."""

from __future__ import annotations

import pytest
import yaml
from rasa.shared.nlu.training_data.message import Message

from bot_extensions.topic_names import TopicNameExtractor
from tests.bot.conftest import ROOT


@pytest.fixture(scope="module")
def extractor() -> TopicNameExtractor:
    """Configured exactly as in config.yml, reading the real education topics."""
    pipeline = yaml.safe_load((ROOT / "config.yml").read_text())["pipeline"]
    config = next(c for c in pipeline if c["name"].endswith("topic_names.TopicNameExtractor"))
    defaults = TopicNameExtractor.get_default_config()
    defaults["knowledge_file"] = str(ROOT / defaults["knowledge_file"])
    return TopicNameExtractor({**defaults, **{k: v for k, v in config.items() if k != "name"}})


def _topics(
    extractor: TopicNameExtractor, text: str, intent: str = "ask_exercise", entities=()
) -> list[str]:
    message = Message(data={"text": text, "intent": {"name": intent}, "entities": list(entities)})
    extractor.process([message])
    return [e["value"] for e in message.get("entities") if e["entity"] == "topic"]


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("how often shud i get up from the desk", "sitting-and-desk-work"),
        ("what can i do at a service station without looking weird lol", "sitting-and-desk-work"),
        ("do i do these every day or?", "how-often-to-exercise"),
        ("how often should i be doing this stuff, twice a day??", "how-often-to-exercise"),
        ("what core exercises r good for a bad back", "core-stability-drills"),
        ("ok and the hips?", "hip-mobility-drills"),
    ],
)
def test_a_short_question_naming_a_topic_is_tagged(
    extractor: TopicNameExtractor, text: str, topic: str
) -> None:
    assert _topics(extractor, text) == [topic]


def test_a_plan_request_is_left_to_the_screening(extractor: TopicNameExtractor) -> None:
    assert _topics(extractor, "can u make me a plan for my back pls, desk job") == []


def test_a_story_is_not_tagged(extractor: TopicNameExtractor) -> None:
    story = (
        "I have worked at a desk for twenty years and my lower back has been getting tighter "
        "every year, especially in the afternoons when I have been sitting since the morning "
        "meeting, and I would like to know what exercises I should be doing for it"
    )
    assert _topics(extractor, story) == []


def test_only_exercise_questions_are_tagged(extractor: TopicNameExtractor) -> None:
    assert _topics(extractor, "my back hurts from my desk", intent="ask_pain_cause") == []


def test_a_named_exercise_wins_over_a_topic(extractor: TopicNameExtractor) -> None:
    plank = {"entity": "exercise", "value": "plank", "start": 0, "end": 5}
    assert _topics(extractor, "plank at my desk?", entities=[plank]) == []


def test_a_topic_wins_over_a_pointer_back(extractor: TopicNameExtractor) -> None:
    pointer = {"entity": "exercise", "value": "do it", "start": 20, "end": 25, "reference": True}
    message = Message(
        data={
            "text": "how often should i do it",
            "intent": {"name": "ask_exercise"},
            "entities": [pointer],
        }
    )
    extractor.process([message])
    assert [(e["entity"], e["value"]) for e in message.get("entities")] == [
        ("topic", "how-often-to-exercise")
    ]
