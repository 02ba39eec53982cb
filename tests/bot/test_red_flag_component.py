"""The red-flag component's corrections of the intent classifier's reading."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot_extensions.red_flags.component import RedFlagDetectorComponent
from tests.bot.conftest import ROOT

CHECKED = "inform_clinician_checked"


@pytest.fixture(scope="module")
def component() -> RedFlagDetectorComponent:
    knowledge = ROOT / "data" / "knowledge"
    return RedFlagDetectorComponent(
        {
            "knowledge_file": str(knowledge / "red_flags.yml"),
            "checks_file": str(knowledge / "sign_checks.yml"),
        }
    )


def _intent_after(component: RedFlagDetectorComponent, text: str) -> str:
    """The intent once the component has read `text` the classifier took for a check."""
    ranking = [
        {"name": CHECKED, "confidence": 0.5},
        {"name": "ask_exercise", "confidence": 0.3},
        {"name": "ask_pain_cause", "confidence": 0.2},
    ]
    message = Message(
        data={"text": text, "intent": ranking[0], "intent_ranking": ranking, "entities": []}
    )
    component.process([message])
    return str(message.get("intent")["name"])


@pytest.mark.parametrize(
    "text",
    [
        "he refuses to go to hospital, says its just bruising. any gentle stretches?",
        "I haven't seen anyone yet, the GP can't get me in till Friday",
        "still waiting for a GP appointment, can I do the plank meanwhile",
        "she won't go to the doctor, what can she do at home",
    ],
)
def test_a_clinician_named_but_not_seen_is_no_check(
    component: RedFlagDetectorComponent, text: str
) -> None:
    assert _intent_after(component, text) == "ask_exercise"


@pytest.mark.parametrize(
    "text",
    [
        "the doctor at A&E checked me over and said it's a sprain",
        "been to the GP this morning, she examined me and said it's muscular",
    ],
)
def test_a_check_told_stays_a_check(component: RedFlagDetectorComponent, text: str) -> None:
    assert _intent_after(component, text) == CHECKED
