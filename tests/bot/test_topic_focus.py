"""The hip read as a story's topic when the classifier read only a general question."""

from __future__ import annotations

import pytest
import yaml
from rasa.shared.nlu.training_data.message import Message

from bot_extensions.topic_focus import TopicFocus
from tests.bot.conftest import ROOT


@pytest.fixture(scope="module")
def focus() -> TopicFocus:
    """Configured exactly as in config.yml."""
    pipeline = yaml.safe_load((ROOT / "config.yml").read_text())["pipeline"]
    config = next(c for c in pipeline if c["name"].endswith("topic_focus.TopicFocus"))
    return TopicFocus({k: v for k, v in config.items() if k != "name"})


def _read(focus: TopicFocus, text: str, first: str) -> Message:
    ranking = [
        {"name": first, "confidence": 0.4},
        {"name": "ask_exercise", "confidence": 0.3},
        {"name": "ask_hip_pain", "confidence": 0.2},
    ]
    message = Message(data={"text": text, "intent": ranking[0], "intent_ranking": ranking})
    focus.process([message])
    return message


@pytest.mark.parametrize("general", ["ask_pain_cause", "ask_stiffness", "nlu_fallback"])
def test_a_story_about_the_hip_is_read_as_hip_pain(focus: TopicFocus, general: str) -> None:
    text = (
        "Cycled to work all summer, no problems. Since October my right hip aches after the "
        "ride home and it's stiff getting out of the car. Hips are fine at weekends."
    )
    message = _read(focus, text, general)
    assert message.get("intent") == {"name": "ask_hip_pain", "confidence": 0.4}
    names = [r["name"] for r in message.get("intent_ranking")]
    assert names == ["ask_hip_pain", general, "ask_exercise"]


def test_a_back_story_that_mentions_the_hip_once_keeps_its_reading(focus: TopicFocus) -> None:
    text = (
        "My lower back has ached for a month, worse after work. Sometimes the back pain "
        "goes round to my hip. Why does it keep happening?"
    )
    assert _read(focus, text, "ask_pain_cause").get("intent")["name"] == "ask_pain_cause"


@pytest.mark.parametrize("specific", ["ask_exercise", "ask_sciatica", "report_red_flag"])
def test_a_specific_reading_is_kept(focus: TopicFocus, specific: str) -> None:
    text = "my hip is sore after squats, what should I do for my hip?"
    assert _read(focus, text, specific).get("intent")["name"] == specific


def test_hip_inside_another_word_is_not_the_hip(focus: TopicFocus) -> None:
    text = "Worried about my hiplike shrug and the ship's deck; why does it ache?"
    assert _read(focus, text, "ask_pain_cause").get("intent")["name"] == "ask_pain_cause"


def test_the_component_refuses_to_run_unconfigured() -> None:
    with pytest.raises(ValueError, match="focus_intent"):
        TopicFocus(TopicFocus.get_default_config())
