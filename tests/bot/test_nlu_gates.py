"""The project's gates on the trained model: held-out macro-F1, red-flag recall, false alarms.

`make test` trains (or reuses) the model first; these tests read the model it serves.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rasa.core.agent import Agent

from bot_extensions.nlu_evaluation import (
    NluScores,
    labelled_examples,
    parse,
    red_flag_examples,
    score,
)
from bot_extensions.yaml_files import read_yaml

ROOT = Path(__file__).resolve().parents[2]
MIN_MACRO_F1 = 0.90
MIN_RED_FLAG_RECALL = 1.0
MAX_FALSE_ALARMS = 0.05


@pytest.fixture(scope="module")
def scores(trained_agent: Agent) -> NluScores:
    urgency = {
        f["slug"]: f["urgency"]
        for f in read_yaml(ROOT / "data/knowledge/red_flags.yml")["red_flags"]
    }
    heldout = parse(trained_agent, labelled_examples(ROOT / "tests/nlu/heldout.yml"))
    positives = parse(trained_agent, red_flag_examples(ROOT / "tests/red_flags/cases.yml", urgency))
    return score(heldout, positives)


def test_heldout_macro_f1(scores: NluScores) -> None:
    misread = "\n".join(f"{p.expected} -> {p.intent}: {p.text}" for p in scores.misread)
    assert scores.macro_f1 >= MIN_MACRO_F1, f"macro-F1 {scores.macro_f1:.3f}; misread:\n{misread}"


def test_every_red_flag_gets_an_alarm(scores: NluScores) -> None:
    assert scores.red_flag_recall >= MIN_RED_FLAG_RECALL


def test_ordinary_messages_rarely_alarm(scores: NluScores) -> None:
    assert scores.false_alarm_rate <= MAX_FALSE_ALARMS
