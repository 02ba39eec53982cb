"""The oldest collected sets of real messages, read by the red-flag detector alone, hold the
floors the assistant holds on them through the servers (tests/real_message_floors.py).

Each message is read as the first of a conversation: the triage is its most urgent present
finding; below an alarm, a check question is asked about an unclear one above it, and the
instrument's truthful answer (yes from a person the label gives a sign, no otherwise) raises the
triage to that check's level. The measures are the instrument's (../shared/tools/real_eval.py),
rounded as it prints them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot_extensions.red_flags.detector import RedFlagDetector, check_to_ask, most_urgent
from bot_extensions.triage import urgency_rank
from bot_extensions.yaml_files import read_yaml
from tests.real_message_floors import AT_MOST, DETECTOR_MEASURES, HOLDS, READ_BY_THE_DETECTOR

SETS = Path(__file__).resolve().parents[1] / "real_messages"
ALARMS = ("urgent", "emergency")


def triage_after_the_answer(detector: RedFlagDetector, text: str, label: str) -> str:
    findings = detector.detect(text)
    present = most_urgent(findings)
    triage = present.urgency if present else "none"
    check = check_to_ask(findings)
    # (the instrument answers no question once the first reply has alarmed)
    if check is not None and label != "none" and triage not in ALARMS:
        return check.urgency
    return triage


def share(hits: int, of: int, empty: float) -> float:
    return round(hits / of, 2) if of else empty


def measures(detector: RedFlagDetector, messages: list[dict]) -> dict[str, float]:
    read = [
        (m["red_flag"], triage_after_the_answer(detector, m["text"], m["red_flag"]))
        for m in messages
    ]
    flagged = [(label, got) for label, got in read if label in ALARMS]
    emergencies = [got for label, got in read if label == "emergency"]
    ordinary = [got for label, got in read if label == "none"]
    return {
        "red_flag_recall": share(
            sum(urgency_rank(got) >= urgency_rank(label) for label, got in flagged),
            len(flagged),
            empty=1.0,
        ),
        "emergency_recall": share(emergencies.count("emergency"), len(emergencies), empty=1.0),
        "false_alarms": share(sum(got in ALARMS for got in ordinary), len(ordinary), empty=0.0),
    }


@pytest.mark.parametrize("name", READ_BY_THE_DETECTOR)
def test_the_detector_holds_the_assistants_floors(detector: RedFlagDetector, name: str) -> None:
    found = measures(detector, read_yaml(SETS / f"{name}.yml"))
    for measure in DETECTOR_MEASURES:
        holds = HOLDS[name][measure]
        assert (found[measure] <= holds) if measure in AT_MOST else (found[measure] >= holds), (
            measure,
            found,
        )


def test_a_missed_emergency_counts_against_the_detector(detector: RedFlagDetector) -> None:
    """The measures can fail: an emergency the detector reads as nothing lowers both recalls,
    and an ordinary message it alarms on is a false alarm."""
    messages = [
        {
            "text": "I can't feel anything when I wipe and I've wet myself today",
            "red_flag": "emergency",
        },
        {"text": "my lower back is a bit stiff after gardening", "red_flag": "emergency"},
        {"text": "my lower back is a bit stiff after gardening", "red_flag": "none"},
        {"text": "I can't feel anything when I wipe and I've wet myself today", "red_flag": "none"},
    ]
    assert measures(detector, messages) == {
        "red_flag_recall": 0.5,
        "emergency_recall": 0.5,
        "false_alarms": 0.5,
    }
