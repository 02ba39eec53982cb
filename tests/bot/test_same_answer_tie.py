"""A near tie between readings that get the same answer stands as the stronger reading."""

from __future__ import annotations

import pytest
import yaml
from rasa.shared.nlu.training_data.message import Message

from bot_extensions.same_answer_tie import SameAnswerTie
from tests.bot.conftest import ROOT

PLANK = {"entity": "exercise", "value": "plank", "start": 0, "end": 5}


@pytest.fixture(scope="module")
def tie() -> SameAnswerTie:
    """Configured exactly as in config.yml."""
    pipeline = yaml.safe_load((ROOT / "config.yml").read_text())["pipeline"]
    config = next(c for c in pipeline if c["name"].endswith("same_answer_tie.SameAnswerTie"))
    return SameAnswerTie({k: v for k, v in config.items() if k != "name"})


def _tied(tie: SameAnswerTie, second: str, entities: list[dict], top: float = 0.41) -> Message:
    ranking = [
        {"name": "nlu_fallback", "confidence": 0.15},
        {"name": "ask_exercise_safety", "confidence": top},
        {"name": second, "confidence": top - 0.01},
    ]
    message = Message(
        data={"text": "x", "intent": ranking[0], "intent_ranking": ranking, "entities": entities}
    )
    tie.process([message])
    return message


def test_a_tie_between_answers_alike_stands(tie: SameAnswerTie) -> None:
    message = _tied(tie, "ask_exercise", [PLANK])
    assert message.get("intent")["name"] == "ask_exercise_safety"
    assert "nlu_fallback" not in [r["name"] for r in message.get("intent_ranking")]


def test_a_tie_with_another_answer_stays_unplaced(tie: SameAnswerTie) -> None:
    assert _tied(tie, "feedback_hurts", [PLANK]).get("intent")["name"] == "nlu_fallback"


def test_without_a_named_exercise_it_stays_unplaced(tie: SameAnswerTie) -> None:
    pointer = {**PLANK, "reference": True}
    assert _tied(tie, "ask_exercise", [pointer]).get("intent")["name"] == "nlu_fallback"


def test_a_weak_reading_stays_unplaced(tie: SameAnswerTie) -> None:
    assert _tied(tie, "ask_exercise", [PLANK], top=0.1).get("intent")["name"] == "nlu_fallback"
