"""A near tie between answerable readings stands as the stronger reading."""

from __future__ import annotations

import pytest
import yaml
from rasa.shared.nlu.training_data.message import Message

from bot_extensions.answerable_tie import AnswerableTie
from tests.bot.conftest import ROOT

PLANK = {"entity": "exercise", "value": "plank", "start": 0, "end": 5}


@pytest.fixture(scope="module")
def tie() -> AnswerableTie:
    """Configured exactly as in config.yml."""
    pipeline = yaml.safe_load((ROOT / "config.yml").read_text())["pipeline"]
    config = next(c for c in pipeline if c["name"].endswith("answerable_tie.AnswerableTie"))
    return AnswerableTie({k: v for k, v in config.items() if k != "name"})


def _tied(
    tie: AnswerableTie, first: str, second: str, entities: list[dict], top: float = 0.41
) -> str:
    ranking = [
        {"name": "nlu_fallback", "confidence": 0.15},
        {"name": first, "confidence": top},
        {"name": second, "confidence": top - 0.01},
    ]
    message = Message(
        data={"text": "x", "intent": ranking[0], "intent_ranking": ranking, "entities": entities}
    )
    tie.process([message])
    if message.get("intent")["name"] != "nlu_fallback":
        assert "nlu_fallback" not in [r["name"] for r in message.get("intent_ranking")]
    return message.get("intent")["name"]


def test_an_exercise_named_in_either_question_stands(tie: AnswerableTie) -> None:
    assert _tied(tie, "ask_exercise_safety", "ask_exercise", [PLANK]) == "ask_exercise_safety"


def test_without_a_named_exercise_a_plan_request_tie_stays_unplaced(tie: AnswerableTie) -> None:
    pointer = {**PLANK, "reference": True}
    assert _tied(tie, "ask_exercise", "ask_exercise_safety", [pointer]) == "nlu_fallback"


def test_two_topics_that_both_answer_stand(tie: AnswerableTie) -> None:
    assert _tied(tie, "ask_pain_cause", "ask_stiffness", []) == "ask_pain_cause"


def test_a_tie_with_something_else_stays_unplaced(tie: AnswerableTie) -> None:
    assert _tied(tie, "feedback_hurts", "greet", [PLANK]) == "nlu_fallback"
    # "the plank hurts": stopping it is not the card's answer
    assert _tied(tie, "ask_exercise", "feedback_hurts", [PLANK]) == "nlu_fallback"
    assert _tied(tie, "greet", "ask_stiffness", []) == "nlu_fallback"


def test_a_weak_reading_stays_unplaced(tie: AnswerableTie) -> None:
    assert _tied(tie, "ask_pain_cause", "ask_stiffness", [], top=0.1) == "nlu_fallback"


def test_a_named_exercise_takes_a_tie_to_its_question(tie: AnswerableTie) -> None:
    assert _tied(tie, "ask_pain_cause", "ask_exercise_safety", [PLANK]) == "ask_exercise_safety"
    assert _tied(tie, "out_of_scope", "ask_exercise", [PLANK]) == "ask_exercise"
