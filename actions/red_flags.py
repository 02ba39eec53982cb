"""Red-flag details from the knowledge base, sent after the rule-triggered emergency reply."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.orm import Session

from actions.knowledge_action import Events, KnowledgeAction, latest_entity_values
from actions.rendering import red_flag_message
from backcare.knowledge.queries import red_flag_with_referral


def send_red_flag_details(
    dispatcher: CollectingDispatcher, session: Session, slugs: list[str], urgencies: set[str]
) -> list[str]:
    """Send each flag's message and referral; return the slugs that were found."""
    sent = []
    for slug in dict.fromkeys(slugs):
        found = red_flag_with_referral(session, slug)
        if found and found[0].urgency in urgencies:
            dispatcher.utter_message(text=red_flag_message(*found))
            sent.append(slug)
    return sent


class ActionRedFlagDetails(KnowledgeAction):
    def name(self) -> str:
        return "action_red_flag_details"

    def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, session: Session
    ) -> Events:
        slugs = latest_entity_values(tracker, "red_flag")
        send_red_flag_details(dispatcher, session, slugs, {"emergency", "urgent", "see_clinician"})
        return []
