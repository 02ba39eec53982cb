"""The screening form: where, how long, leg pain, red-flag questions, pain score; then the result.

The questions and which red flag each stands for live in data/knowledge/screening.yml.
"""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from collections.abc import Callable
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from actions.exercises import send_plan
from actions.knowledge_action import Events, KnowledgeAction, PhraseMissing, say
from actions.parsing import body_areas, duration_days, pain_score
from actions.red_flags import send_red_flag_details
from backcare.database import session_factory
from backcare.knowledge.queries import screening_question

logger = logging.getLogger(__name__)

SKIPPED = "skipped"
# Pain this long, or leg pain this long or this bad, is worth a clinician's look.
LONG_PAIN_DAYS = 42
SEVERE_LEG_PAIN_SCORE = 7
LONG_PAIN_FLAG = "pain-beyond-six-weeks"
SEVERE_SCIATICA_FLAG = "severe-sciatica"


def _red_flag_answer(slot: str) -> dict[str, Any]:
    """The slots a "yes" sets: triage at the flag's urgency, and the flag itself.

    If the knowledge base cannot say which flag or how urgent, assume an emergency.
    """
    try:
        with session_factory()() as session:
            question = screening_question(session, slot)
            flag = question.red_flag if question else None
            if flag is None:
                return {}
            return {"triage": flag.urgency, "red_flags": [flag.slug]}
    except SQLAlchemyError:
        logger.exception("Could not read the red flag behind %s; treating it as an emergency", slot)
        return {"triage": "emergency"}


def _ask_again_once(
    slot: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, phrase: str
) -> dict[str, Any]:
    """The question is asked once more, after `phrase`; if it was already, `value` is kept."""
    skips = list(tracker.get_slot("screening_skips") or [])
    if slot in skips:
        return {slot: value}
    with session_factory()() as session:
        say(dispatcher, session, phrase)
    return {slot: None, "screening_skips": [*skips, slot]}


def _reask_once(
    slot: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker
) -> dict[str, Any]:
    """A skipped question is asked once more; a second skip is accepted."""
    if value != SKIPPED:
        return {slot: value}
    return _ask_again_once(slot, value, dispatcher, tracker, "ask-again-skipped")


def _plain_question(slot: str) -> Callable[..., dict[str, Any]]:
    """`validate_<slot>` for a question whose answer is kept as given."""

    def validate(
        self: FormValidationAction,
        value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> dict[str, Any]:
        return _reask_once(slot, value, dispatcher, tracker)

    return validate


def _red_flag_question(slot: str) -> Callable[..., dict[str, Any]]:
    """`validate_<slot>` for a red-flag question: a "yes" raises triage and names the flag."""

    def validate(
        self: FormValidationAction,
        value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> dict[str, Any]:
        answer = _reask_once(slot, value, dispatcher, tracker)
        return {**answer, **_red_flag_answer(slot)} if answer.get(slot) == "yes" else answer

    return validate


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

    # The SDK finds each slot's validator by its name, validate_<slot>.
    def validate_pain_area(
        self,
        value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> dict[str, Any]:
        # Everyday words are kept as the places they name ("my bum" is the buttock); words
        # that name no place are kept as typed, for the clinicians to read.
        areas = [] if value == SKIPPED else body_areas(str(value))
        return _reask_once("pain_area", " and ".join(areas) or value, dispatcher, tracker)

    def validate_pain_duration(
        self,
        value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> dict[str, Any]:
        # "lower back" is not how long: ask once more, then keep whatever is said.
        if value == SKIPPED or duration_days(str(value)) is not None:
            return _reask_once("pain_duration", value, dispatcher, tracker)
        return _ask_again_once(
            "pain_duration", value, dispatcher, tracker, "duration-not-understood"
        )

    validate_leg_pain = _plain_question("leg_pain")
    validate_rf_bladder_bowel = _red_flag_question("rf_bladder_bowel")
    validate_rf_saddle_numbness = _red_flag_question("rf_saddle_numbness")
    validate_rf_leg_weakness = _red_flag_question("rf_leg_weakness")
    validate_rf_injury = _red_flag_question("rf_injury")
    validate_rf_fever = _red_flag_question("rf_fever")
    validate_rf_cancer = _red_flag_question("rf_cancer")

    def validate_pain_score(
        self,
        value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> dict[str, Any]:
        if value == SKIPPED:
            return _reask_once("pain_score", value, dispatcher, tracker)
        score = pain_score(str(value))
        if score is None:
            with session_factory()() as session:
                say(dispatcher, session, "pain-score-invalid")
            return {"pain_score": None}
        return {"pain_score": str(score)}


class AskScreeningQuestion(KnowledgeAction, ABC):
    """Asks the form's question for one slot, worded as in data/knowledge/screening.yml."""

    @property
    @abstractmethod
    def slot(self) -> str:
        """The form slot this question fills."""

    def name(self) -> str:
        return f"action_ask_{self.slot}"

    def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, session: Session
    ) -> Events:
        question = screening_question(session, self.slot)
        if question is None:
            raise PhraseMissing(f"screening question {self.slot}")
        dispatcher.utter_message(text=question.text, buttons=question.buttons)
        return []


class AskPainArea(AskScreeningQuestion):
    slot = "pain_area"


class AskPainDuration(AskScreeningQuestion):
    slot = "pain_duration"


class AskLegPain(AskScreeningQuestion):
    slot = "leg_pain"


class AskBladderBowel(AskScreeningQuestion):
    slot = "rf_bladder_bowel"


class AskSaddleNumbness(AskScreeningQuestion):
    slot = "rf_saddle_numbness"


class AskLegWeakness(AskScreeningQuestion):
    slot = "rf_leg_weakness"


class AskInjury(AskScreeningQuestion):
    slot = "rf_injury"


class AskFever(AskScreeningQuestion):
    slot = "rf_fever"


class AskCancer(AskScreeningQuestion):
    slot = "rf_cancer"


class AskPainScore(AskScreeningQuestion):
    slot = "pain_score"


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

    def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, session: Session
    ) -> Events:
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
