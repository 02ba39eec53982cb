"""After a "no" to a check question, answer what the person asked before it."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.orm import Session

from actions.education import explain_topic
from actions.exercises import ActionAnswerExercise
from actions.knowledge_action import Events, KnowledgeAction, latest_entity_values
from actions.questions import EXERCISE
from actions.teaching_gate import withhold_teaching
from backcare.triage import ALARM_LEVELS, REFERRAL_LEVELS

# The red-flag detector names a check question's level in the entity check_<level>.
CHECK_ENTITIES = frozenset(f"check_{level}" for level in REFERRAL_LEVELS)
RED_FLAG_INTENT = "report_red_flag"


def message_that_asked_for_a_check(tracker: Tracker) -> dict[str, Any] | None:
    """The latest user message whose words made the detector ask a check question."""
    for event in reversed(tracker.events):
        if event.get("event") != "user":
            continue
        entities = (event.get("parse_data") or {}).get("entities") or []
        if any(entity.get("entity") in CHECK_ENTITIES for entity in entities):
            return dict(event.get("parse_data") or {}, text=event.get("text") or "")
    return None


def what_was_asked(parse_data: dict[str, Any]) -> str:
    """The classifier's reading of the message under the detector's red-flag intent."""
    for ranked in parse_data.get("intent_ranking") or []:
        if ranked.get("name") != RED_FLAG_INTENT:
            return str(ranked.get("name"))
    return "ask_pain_cause"


class ActionResumeAfterCheck(KnowledgeAction):
    def name(self) -> str:
        return "action_resume_after_check"

    def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, session: Session
    ) -> Events:
        # An alarm already given stands: no teaching after it, whatever the check said, and
        # why is said again, not nothing. Once a clinician has checked ("the GP saw her, x-ray
        # clear... can she do the bird dog now?"), the exercise asked about is answered.
        if tracker.get_slot("triage") in ALARM_LEVELS:
            if withhold_teaching(dispatcher, tracker):
                return []
            if latest_entity_values(tracker, EXERCISE):
                return ActionAnswerExercise().answer(dispatcher, tracker, session)
            dispatcher.utter_message(response="utter_clinician_checked")
            return []
        asked = message_that_asked_for_a_check(tracker)
        if asked is None:
            return []
        red_flags = [
            str(e["value"]) for e in asked.get("entities") or [] if e.get("entity") == "red_flag"
        ]
        return explain_topic(
            dispatcher, tracker, session, what_was_asked(asked), asked["text"], red_flags
        )
