"""What a reset keeps: the highest triage and every kind of emergency told
(bot_extensions/triage_floor.py; the resets themselves run through the servers in
tests/security/test_channels.py)."""

from __future__ import annotations

from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SlotSet
from rasa.shared.core.trackers import DialogueStateTracker

from bot_extensions.triage_floor import alarm_kind_told, highest_triage, with_triage_kept


def tracker(*events: SlotSet) -> DialogueStateTracker:
    return DialogueStateTracker.from_events("someone", list(events), slots=Domain.empty().slots)


def test_the_kinds_of_emergency_told_are_kept_together() -> None:
    assert alarm_kind_told(tracker()) is None
    assert alarm_kind_told(tracker(SlotSet("alarm_kind", "medical"))) == "medical"
    crisis_then_medical = tracker(SlotSet("alarm_kind", "crisis"), SlotSet("alarm_kind", "medical"))
    assert alarm_kind_told(crisis_then_medical) == "both"


def test_the_highest_triage_is_read_from_the_events() -> None:
    seen = tracker(SlotSet("triage", "emergency"), SlotSet("triage", "none"))
    assert highest_triage(seen) == "emergency"
    assert highest_triage(tracker(SlotSet("triage", "none"))) is None


def test_the_slots_are_set_again_before_the_listen() -> None:
    listen = ActionExecuted("action_listen")
    assert with_triage_kept([listen], "emergency", "crisis") == [
        SlotSet("triage", "emergency"),
        SlotSet("alarm_kind", "crisis"),
        listen,
    ]
    assert with_triage_kept([], "urgent") == [SlotSet("triage", "urgent")]
