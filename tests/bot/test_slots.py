"""`triage` never goes down within a conversation; `red_flags` only grows."""

from __future__ import annotations

from bot_extensions.slots import AccumulatingListSlot, HighestTriageSlot

LEVELS = ["none", "see_clinician", "urgent", "emergency"]


def triage_slot() -> HighestTriageSlot:
    return HighestTriageSlot("triage", mappings=[], values=LEVELS, initial_value="none")


def test_triage_rises_and_never_falls() -> None:
    slot = triage_slot()
    for level, expected in [
        ("see_clinician", "see_clinician"),
        ("emergency", "emergency"),
        ("urgent", "emergency"),
        ("none", "emergency"),
        (None, "emergency"),
    ]:
        slot.value = level
        assert slot.value == expected


def test_triage_reset_returns_to_none() -> None:
    slot = triage_slot()
    slot.value = "emergency"
    slot.reset()
    assert slot.value == "none"


def test_red_flags_accumulate_without_duplicates() -> None:
    slot = AccumulatingListSlot("red_flags", mappings=[])
    slot.value = ["saddle-numbness"]
    slot.value = ["bladder-problems", "saddle-numbness"]
    slot.value = "major-injury"
    assert slot.value == ["saddle-numbness", "bladder-problems", "major-injury"]
    slot.reset()
    assert slot.value is None
