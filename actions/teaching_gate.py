"""No teaching after an alarm: the one check every piece of exercise content passes.

After an emergency, no exercise steps, plan or offer, however asked (a named exercise, a
button, "the second one"). After an urgent referral, no new exercise until the person says a
clinician has checked them (and again after a new urgent sign told later, as in a
programme's check-in weeks on); the same for pregnancy and for children, since the advice is for
adults (data/knowledge/triage.yml lists those flags). The rules route most of these messages
elsewhere; this gate holds even when a rule does not, because it sits where the exercise
content is sent.
"""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from backcare.triage import SEE_FIRST_FLAGS, SEE_FIRST_GROUPS

# Domain responses, so their words live with the other safety replies in domain/safety.yml.
AFTER_EMERGENCY = "utter_after_emergency"
AFTER_URGENT = "utter_after_urgent"
# The holds after an alarm (the see-first ones ask for a check, not for help now).
ALARM_HOLDS = frozenset({AFTER_URGENT, AFTER_EMERGENCY})
# + "_pregnancy" or "_child": who checks first (data/knowledge/triage.yml)
SEE_FIRST = "utter_see_first"


def teaching_withheld(tracker: Tracker) -> str | None:
    """The response to send instead of exercise content, or None when teaching is fine."""
    triage = tracker.get_slot("triage")
    if triage == "emergency":
        return AFTER_EMERGENCY
    if tracker.get_slot("clinician_checked") and not _alarm_since_clinician_check(tracker):
        return None
    if triage == "urgent":
        return AFTER_URGENT
    # A pregnant teenager is sent to her midwife: the flags are read in the order told.
    flags = tracker.get_slot("red_flags") or []
    groups = [SEE_FIRST_GROUPS[flag] for flag in flags if flag in SEE_FIRST_GROUPS]
    return f"{SEE_FIRST}_{groups[0]}" if groups else None


_ALARMS = {"urgent", "emergency"}


def _alarm_since_clinician_check(tracker: Tracker) -> bool:
    """True when an urgent sign (or a see-first flag) was told after the person said a
    clinician had checked them: over weeks of a programme, that check does not cover a new
    sign, so teaching stops again until they are checked again."""
    alarm_at = checked_at = -1
    for index, event in enumerate(tracker.events):
        kind = event.get("event")
        if kind == "slot" and event.get("name") == "clinician_checked" and event.get("value"):
            checked_at = index
        elif kind == "slot" and event.get("name") == "triage" and event.get("value") in _ALARMS:
            alarm_at = index
        elif kind == "user":
            entities = (event.get("parse_data") or {}).get("entities") or []
            if any(
                (e.get("entity") == "triage_level" and e.get("value") in _ALARMS)
                or (e.get("entity") == "red_flag" and e.get("value") in SEE_FIRST_FLAGS)
                for e in entities
            ):
                alarm_at = index
    return alarm_at > checked_at >= 0


def withhold_teaching(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """Say why no exercise comes now and return True, or return False when teaching is fine."""
    response = teaching_withheld(tracker)
    if response is None:
        return False
    dispatcher.utter_message(response=response)
    return True
