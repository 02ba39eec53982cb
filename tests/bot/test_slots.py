"""`triage` never goes down within a conversation, `alarm_kind` keeps every kind of emergency
told, and `red_flags` only grows."""

from __future__ import annotations

from bot_extensions.slots import AccumulatingListSlot, AlarmKindSlot, HighestTriageSlot

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


def test_a_crisis_and_a_medical_emergency_make_both() -> None:
    for told in (["medical", "crisis"], ["crisis", "medical"], ["crisis", "both", "crisis"]):
        slot = AlarmKindSlot("alarm_kind", mappings=[], values=["medical", "crisis", "both"])
        for kind in told:
            slot.value = kind
        assert slot.value == "both"
    slot.reset()
    assert slot.value is None


def test_one_kind_told_twice_stays_that_kind() -> None:
    slot = AlarmKindSlot("alarm_kind", mappings=[], values=["medical", "crisis", "both"])
    for kind in ("crisis", "crisis", None, "something else"):
        slot.value = kind
    assert slot.value == "crisis"
