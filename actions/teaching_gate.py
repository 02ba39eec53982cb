"""No teaching after an alarm: the one check every piece of exercise content passes.

After an emergency, no exercise steps, plan or offer, however asked (a named exercise, a
button, "the second one"). After an urgent referral, no new exercise until the person says a
clinician has checked them; the same for pregnancy and for children, since the advice is for
adults (data/knowledge/triage.yml lists those flags). The rules route most of these messages
elsewhere; this gate holds even when a rule does not, because it sits where the exercise
content is sent.
"""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from backcare.triage import SEE_FIRST_FLAGS

# Domain responses, so their words live with the other safety replies in domain/safety.yml.
AFTER_EMERGENCY = "utter_after_emergency"
AFTER_URGENT = "utter_after_urgent"
SEE_FIRST = "utter_see_first"


def teaching_withheld(tracker: Tracker) -> str | None:
    """The response to send instead of exercise content, or None when teaching is fine."""
    triage = tracker.get_slot("triage")
    if triage == "emergency":
        return AFTER_EMERGENCY
    if tracker.get_slot("clinician_checked"):
        return None
    if triage == "urgent":
        return AFTER_URGENT
    if SEE_FIRST_FLAGS.intersection(tracker.get_slot("red_flags") or []):
        return SEE_FIRST
    return None


def withhold_teaching(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """Say why no exercise comes now and return True, or return False when teaching is fine."""
    response = teaching_withheld(tracker)
    if response is None:
        return False
    dispatcher.utter_message(response=response)
    return True
