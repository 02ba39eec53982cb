"""Red-flag details from the knowledge base, sent after the rule-triggered emergency reply."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.orm import Session

from actions.knowledge_action import Events, KnowledgeAction, latest_entity_values
from actions.rendering import red_flag_message
from backcare.knowledge.models import RedFlag, Referral
from backcare.knowledge.queries import red_flag_with_referral
from backcare.triage import ALARM_LEVELS, REFERRAL_LEVELS, TRIAGE_LEVELS, alarm_kind, triage_rank


def send_red_flag_details(
    dispatcher: CollectingDispatcher, session: Session, slugs: list[str], urgencies: set[str]
) -> list[tuple[RedFlag, Referral]]:
    """Send each flag's message, and each referral once; return the flags told, with their
    referrals.

    With an alarm, only the flags of the most urgent level are told: a lesser flag's words
    ("get a same-day appointment", "most new back pain is a simple strain") would contradict
    the call to get help now.
    """
    found_flags = [
        found
        for slug in dict.fromkeys(slugs)
        if (found := red_flag_with_referral(session, slug)) and found[0].urgency in urgencies
    ]
    top = max((flag.urgency for flag, _ in found_flags), key=triage_rank, default=None)
    if top in ALARM_LEVELS:
        found_flags = [(f, r) for f, r in found_flags if f.urgency == top]
    referred: set[str] = set()
    for flag, referral in found_flags:
        dispatcher.utter_message(
            text=red_flag_message(flag, None if referral.slug in referred else referral)
        )
        referred.add(referral.slug)
    return found_flags


class ActionRedFlagDetails(KnowledgeAction):
    def name(self) -> str:
        return "action_red_flag_details"

    def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, session: Session
    ) -> Events:
        slugs = latest_entity_values(tracker, "red_flag")
        confirmed = tracker.get_slot("check_flag")
        if not slugs and tracker.get_slot("check_answer") == "yes" and confirmed:
            # A "yes" to a check question files the flag the question was about.
            told = send_red_flag_details(dispatcher, session, [confirmed], set(REFERRAL_LEVELS))
            events: Events = [SlotSet("red_flags", [confirmed])]
            for flag, referral in told:
                if flag.urgency == TRIAGE_LEVELS[-1]:
                    # The replies after an emergency name a crisis line or an examination;
                    # the detector says which for a sign told, this for a sign confirmed.
                    events.append(SlotSet("alarm_kind", alarm_kind(referral.slug)))
            return events
        send_red_flag_details(dispatcher, session, slugs, set(REFERRAL_LEVELS))
        return []
