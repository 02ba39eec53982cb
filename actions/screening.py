"""The screening form: where, how long, leg pain, red-flag questions, pain score; then the result."""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from actions.exercises import send_plan
from actions.knowledge_action import Events, KnowledgeAction
from actions.parsing import duration_days, pain_score
from actions.red_flags import send_red_flag_details
from backcare.database import session_factory
from backcare.knowledge.models import RedFlag

logger = logging.getLogger(__name__)

SKIPPED = "skipped"
# Each yes/no screening question stands for the red flag it asks about.
RED_FLAG_QUESTIONS = {
    "rf_bladder_bowel": "bladder-problems",
    "rf_saddle_numbness": "saddle-numbness",
    "rf_leg_weakness": "worsening-leg-weakness",
    "rf_injury": "major-injury",
    "rf_fever_cancer": "fever-infection-signs",
}
TRIAGE_ORDER = ["none", "see_clinician", "urgent", "emergency"]
# Pain this long, or leg pain this long or this bad, is worth a clinician's look.
LONG_PAIN_DAYS = 42
SEVERE_LEG_PAIN_SCORE = 7
LONG_PAIN_FLAG = "pain-beyond-six-weeks"
SEVERE_SCIATICA_FLAG = "severe-sciatica"


def _urgency_of(slug: str) -> str:
    """The flag's urgency; if the database cannot say, assume the worst."""
    try:
        with session_factory()() as session:
            flag = session.get(RedFlag, slug)
            return flag.urgency if flag else "emergency"
    except SQLAlchemyError:
        logger.exception("Could not read red flag %s; treating it as an emergency", slug)
        return "emergency"


class ValidateScreeningForm(FormValidationAction):
    def name(self) -> str:
        return "validate_screening_form"

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        # A red flag ends the questions at once: the referral matters more than the rest.
        if tracker.get_slot("triage") in ("urgent", "emergency"):
            return []
        return domain_slots

    def _accept_or_reask(
        self, slot: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> dict[str, Any]:
        """A skipped question is asked once more; a second skip is accepted."""
        if value != SKIPPED:
            return {slot: value}
        skips = list(tracker.get_slot("screening_skips") or [])
        if slot in skips:
            return {slot: SKIPPED}
        dispatcher.utter_message(response="utter_ask_again_skipped")
        return {slot: None, "screening_skips": [*skips, slot]}

    def _validate_red_flag(
        self, slot: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> dict[str, Any]:
        result = self._accept_or_reask(slot, value, dispatcher, tracker)
        if result.get(slot) != "yes":
            return result
        slug = RED_FLAG_QUESTIONS[slot]
        return {**result, "triage": _urgency_of(slug), "red_flags": [slug]}

    def validate_pain_area(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        return self._accept_or_reask("pain_area", value, dispatcher, tracker)

    def validate_pain_duration(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        return self._accept_or_reask("pain_duration", value, dispatcher, tracker)

    def validate_leg_pain(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        return self._accept_or_reask("leg_pain", value, dispatcher, tracker)

    def validate_pain_score(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        if value == SKIPPED:
            return self._accept_or_reask("pain_score", value, dispatcher, tracker)
        score = pain_score(str(value))
        if score is None:
            dispatcher.utter_message(response="utter_pain_score_invalid")
            return {"pain_score": None}
        return {"pain_score": str(score)}

    def validate_rf_bladder_bowel(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        return self._validate_red_flag("rf_bladder_bowel", value, dispatcher, tracker)

    def validate_rf_saddle_numbness(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        return self._validate_red_flag("rf_saddle_numbness", value, dispatcher, tracker)

    def validate_rf_leg_weakness(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        return self._validate_red_flag("rf_leg_weakness", value, dispatcher, tracker)

    def validate_rf_injury(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        return self._validate_red_flag("rf_injury", value, dispatcher, tracker)

    def validate_rf_fever_cancer(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        return self._validate_red_flag("rf_fever_cancer", value, dispatcher, tracker)


def clinician_signals(tracker: Tracker) -> list[str]:
    """Answers that call for a clinician soon, though not urgently."""
    days = duration_days(str(tracker.get_slot("pain_duration") or ""))
    score = pain_score(str(tracker.get_slot("pain_score") or ""))
    signals = []
    if days is not None and days >= LONG_PAIN_DAYS:
        signals.append(LONG_PAIN_FLAG)
    if tracker.get_slot("leg_pain") == "yes" and (
        (days is not None and days >= LONG_PAIN_DAYS)
        or (score is not None and score >= SEVERE_LEG_PAIN_SCORE)
    ):
        signals.append(SEVERE_SCIATICA_FLAG)
    return signals


class ActionScreeningResult(KnowledgeAction):
    """A referral at the right urgency, or the plan (with a clinician note where it applies)."""

    def name(self) -> str:
        return "action_screening_result"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, session: Session) -> Events:
        triage = tracker.get_slot("triage") or "none"
        flags = list(tracker.get_slot("red_flags") or [])
        if triage in ("emergency", "urgent"):
            dispatcher.utter_message(response=f"utter_{triage}")
            send_red_flag_details(dispatcher, session, flags, {"emergency", "urgent"})
            return [SlotSet("screened", True)]
        signals = clinician_signals(tracker)
        events: Events = [SlotSet("screened", True)]
        if signals:
            send_red_flag_details(dispatcher, session, signals, {"see_clinician"})
            events += [SlotSet("triage", "see_clinician"), SlotSet("red_flags", signals)]
        return events + send_plan(dispatcher, tracker, session)
