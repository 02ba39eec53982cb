"""The screening questions, asked by the form as domain responses (domain/generated/), come out
of Rasa worded and with buttons exactly as data/knowledge/screening.yml has them."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
import yaml
from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SlotSet
from rasa.shared.core.trackers import DialogueStateTracker

ROOT = Path(__file__).resolve().parents[2]
QUESTIONS = yaml.safe_load((ROOT / "data" / "knowledge" / "screening.yml").read_text())["questions"]


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(ROOT / "domain"))


@pytest.mark.parametrize("question", QUESTIONS, ids=[q["slot"] for q in QUESTIONS])
def test_the_form_asks_each_question_as_the_knowledge_words_it(
    domain: Domain, question: dict[str, Any], capfd: pytest.CaptureFixture[str]
) -> None:
    # Slots are filled, as in any conversation: Rasa then fills `{...}` placeholders too.
    tracker = DialogueStateTracker.from_events(
        "someone", [SlotSet("pain_area", "lower back"), SlotSet("triage", "none")], domain.slots
    )
    generator = TemplatedNaturalLanguageGenerator(domain.responses)
    said = asyncio.run(generator.generate(f"utter_ask_{question['slot']}", tracker, "rest"))
    assert said is not None
    assert said["text"] == question["text"]
    assert said["buttons"] == question["buttons"]
    # An entity payload read as a placeholder is still sent, but each time with a traceback.
    assert "interpolat" not in "".join(capfd.readouterr())
