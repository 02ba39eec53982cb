"""The screening form: where, how long, leg pain, a red-flag checklist, pain score; then the result.

The questions and which red flag each stands for live in data/knowledge/screening.yml.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from actions.exercises import send_plan
from actions.follow_ups import answer_follow_up
from actions.knowledge_action import Events, KnowledgeAction, phrase_text, say
from actions.parsing import (
    AGE_NUMBER,
    asks_just_for_the_exercises,
    bare_durations,
    body_areas,
    denies_listed_signs,
    describe_days,
    duration_days,
    hedge_asking_something_else,
    is_go_ahead,
    is_question,
    only_a_hedged_yes,
    own_pain_statements,
    pain_score,
    tells_only_the_course,
    tells_recurring_or_settling,
    told_as_an_age,
    told_as_gone,
    wants_to_stop,
    yes_no,
)
from actions.red_flags import send_red_flag_details
from actions.teaching_gate import teaching_withheld, withhold_teaching
from backcare.database import session_factory
from backcare.knowledge.queries import screening_question
from backcare.triage import ALARM_LEVELS, CLINICIAN_LEVEL

logger = logging.getLogger(__name__)

SKIPPED = "skipped"
UNSURE = "unsure"
# Pain this long, or leg pain this long or this bad, is worth a clinician's look.
LONG_PAIN_DAYS = 42
SEVERE_LEG_PAIN_SCORE = 7
LONG_PAIN_FLAG = "pain-beyond-six-weeks"
SEVERE_SCIATICA_FLAG = "severe-sciatica"
# After this many answers that were none, skipping or stopping is offered; one more and the
# questions stop for now, so nobody is stuck.
OFFER_AFTER_MISSES = 2
STOP_AFTER_MISSES = 3
WAY_OUT = "utter_screening_skip_or_stop"
FORM_SLOTS = ("pain_area", "pain_duration", "leg_pain", "rf_checklist", "pain_score")
# The questions about the pain itself, not about warning signs: one the person asks to pass
# over for the exercises is passed over, and the warning-sign questions are still asked.
DETAIL_SLOTS = ("pain_area", "pain_duration", "pain_score")
_EXERCISES_ASKED = "ask_exercise"
# A pain score told on its scale ("maybe 4 from 10", "7/10"): a hedge beside it is about the
# score. A bare number is not enough: "maybe the fever one".
_SCORE_OUT_OF_TEN = re.compile(r"\b(?:10|[0-9])\s*(?:/|out of|from|of)\s*(?:10|ten)\b")
# Button payloads and intents that answer a yes/no question when the words say nothing more.
_ANSWER_OF_INTENT = {"affirm": "yes", "deny": "no", "skip": SKIPPED}
# Sciatica told answers the leg question yes ("it goes down my leg, is that sciatica?"); it is
# no sign on the list of signs ("what if the sciatica comes back, how would i know").
_LEG_ANSWER_OF_INTENT = {**_ANSWER_OF_INTENT, "ask_sciatica": "yes"}


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


def _latest(tracker: Tracker) -> tuple[str, str]:
    """The latest message's text and intent."""
    message = tracker.latest_message or {}
    return str(message.get("text") or ""), str((message.get("intent") or {}).get("name") or "")


def _yes_no_answer(tracker: Tracker, slot: str | None = None) -> str | None:
    """ "yes", "no", "unsure" or "skipped" from the latest message, or None if it is no answer.

    The words decide ("nah only in my back"); a button's payload, or words with no yes or no
    in them ("skip"), are read by their intent.
    """
    text, intent = _latest(tracker)
    by_intent = _LEG_ANSWER_OF_INTENT if slot == "leg_pain" else _ANSWER_OF_INTENT
    if text.startswith("/"):
        return by_intent.get(intent)
    if hedge_asking_something_else(text):
        # "kinda boring tbh is there something else i can mix in": no answer, asked again
        return None
    return yes_no(text) or by_intent.get(intent)


def _value_before_this_message(tracker: Tracker, slot: str) -> Any:
    """The slot's value as it stood before the latest message filled it."""
    seen_latest_message = False
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            seen_latest_message = True
        elif seen_latest_message and event.get("event") == "slot" and event.get("name") == slot:
            return event.get("value")
    return None


def _misses(tracker: Tracker) -> list[str]:
    return list(tracker.get_slot("screening_misses") or [])


# An age typed as if it were asked ("34", "im 52", "aged 70"): no question here asks it.
_AGE = re.compile(
    rf"^\s*(?:(?:i'?m |im |i am |age |aged ){AGE_NUMBER}(?: ?(?:years?|yrs?))?|{AGE_NUMBER})"
    r"(?: ?(?:years old|yrs old|yrs|yo|y/o))?\s*[.!]?\s*$",
    re.IGNORECASE,
)


# A time told with its unit ("like 5 days", "since march"), not a comparison ("worse than
# yesterday", which answers how bad).
_TIME_UNIT = re.compile(r"\b(?:days?|weeks?|wks?|months?|years?|yrs?|since)\b", re.IGNORECASE)


def _answers_another_question(slot: str, text: str) -> bool:
    """A short answer of another question's kind ("lower back" asked how long, "2 weeks" or an
    age asked about the signs): the person answered what they expected to be asked next."""
    if is_question(text) or len(text.split()) > _MAX_PLAIN_ANSWER_WORDS:
        return False
    return bool(_AGE.match(text)) or any(
        _readable_answer(other, text)
        and (other != "pain_duration" or bool(_TIME_UNIT.search(text)))
        for other in ("pain_area", "pain_duration", "pain_score")
        if other != slot
    )


# Places where the pain itself is, none of them a sign on the list (the legs, the buttocks and
# the groin can be).
_PLACES_OF_NO_SIGN = {"lower back", "upper or middle back", "hip"}
# A place is told in more words than a plain answer ("lower back mostly, both sides, bit into
# the hips"); a longer message is a story, read by the detector.
_MAX_PLACE_ANSWER_WORDS = 12


# A leg told as free of the pain, beside the place that hurts: "lower back, not in my legs".
_NOT_THE_LEGS = re.compile(r"\b(?:not|nothing) (?:in|down|into) (?:my|the|either) legs?\b")


def _tells_where_it_hurts(text: str) -> bool:
    """A place told alone, or with a hedge that is the place's ("lower back, a bit more on the
    right"), answering where it hurts, not the list of signs: no yes to it."""
    text = _NOT_THE_LEGS.sub(" ", text.lower())
    areas = set(body_areas(text))
    return (
        bool(areas)
        and areas <= _PLACES_OF_NO_SIGN
        and (only_a_hedged_yes(text) or yes_no(text) is None)
        and len(text.split()) <= _MAX_PLACE_ANSWER_WORDS
    )


# Where pain travels to a leg: a leg or the buttock named (`body_areas`), or pain going "down".
_LEG_AREAS = {"leg", "buttock"}
_GOING_DOWN = re.compile(r"\bdown\b")


def _tells_how_long_with_a_hedge(text: str) -> bool:
    """A time with only a hedge for a yes, and no word of a leg: how long the pain has lasted
    and how it goes ("on and off a couple of years"), not a yes to a leg or to the signs."""
    return (
        duration_days(text) is not None
        and only_a_hedged_yes(text)
        and not _LEG_AREAS.intersection(body_areas(text))
        and not _GOING_DOWN.search(text.lower())
    )


# A yes said in so many words, which a score beside it does not undo: "yes, 7/10 and numb".
_SAID_YES = re.compile(r"^\W*(?:y+e+s+|ye+a+h*|yep+|yup+|aye)\b", re.IGNORECASE)


def _tells_a_score_unasked(text: str) -> bool:
    """A pain score out of ten with neither a yes nor a no said: "like 4/10, 6 when i get out
    of bed" answers how bad it is (its "when i" is no yes to a list of signs); "none of the
    warning stuff... pain about 4/10" answers the list no."""
    return (
        bool(_SCORE_OUT_OF_TEN.search(text.lower()))
        and not _SAID_YES.match(text)
        and yes_no(text) != "no"
    )


def _thank_and_ask_again(slot: str, dispatcher: CollectingDispatcher) -> dict[str, Any]:
    """An answer to another question: thanked, and the question asked again, no miss counted."""
    dispatcher.utter_message(response="utter_screening_answer_elsewhere")
    return {slot: None}


def _not_an_answer(
    slot: str,
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    response: str | None = None,
    phrase: str | None = None,
) -> dict[str, Any]:
    """Nothing is stored; the question is asked again (with a way out after two), or after
    three the questions stop for now. An answer to another question counts no miss: the
    question is asked again after a thank-you, so nobody answering in their own order is
    stopped."""
    if _answers_another_question(slot, _latest(tracker)[0]):
        return _thank_and_ask_again(slot, dispatcher)
    misses = [*_misses(tracker), slot]
    if misses.count(slot) >= STOP_AFTER_MISSES:
        return {slot: None, "screening_misses": misses, "screening_stopped": True}
    if response:
        dispatcher.utter_message(response=response)
    if phrase:
        with session_factory()() as session:
            say(dispatcher, session, phrase)
    # Said just before the form asks the question again (its utter_ask_<slot> response).
    if misses.count(slot) == OFFER_AFTER_MISSES:
        dispatcher.utter_message(response=WAY_OUT)
    return {slot: None, "screening_misses": misses}


def _other_question_answered(slot: str, tracker: Tracker) -> bool:
    """True when the message filled another question ("about a 4" asked where it hurts)."""
    return any(
        name != slot and name in FORM_SLOTS and value is not None
        for name, value in tracker.slots_to_validate().items()
    )


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


# Words that answer nothing on their own.
_FILLERS = {"ok", "okay", "k", "hmm", "hm", "huh", "eh", "what", "right", "cool", "fine", "alright"}


def _long_question(text: str) -> bool:
    """A question of more than a few words: "is exercising safe with a bad back?"."""
    return is_question(text) and len(text.split()) > 3


_NO_PAIN_NOW = re.compile(
    r"\b(no pain|not in (any )?pain|pain[- ]free|(doesnt|doesn't|does not) hurt|nothing hurts|"
    r"nowhere)\b"
)


def _names_no_place(text: str) -> bool:
    """True for words that cannot be where it hurts: a question, a time, a score, a yes."""
    plain = text.strip(" .!?,").lower()
    return (
        len(plain) < 2
        or plain in _FILLERS
        or is_question(text)
        or duration_days(text) is not None
        or pain_score(text) is not None
        or yes_no(text) is not None
    )


# How the red-flag detector judged a sign told as over (bot_extensions/red_flags/detector.py).
_OVER_STATUSES = {"past", "negated"}


def _signs_told_as_over(tracker: Tracker) -> bool:
    """True when the latest message told signs and the detector judged every one over or
    denied (its audit trail in the parse data)."""
    trail = (tracker.latest_message or {}).get("red_flag_findings") or {}
    findings: list[dict[str, Any]] = trail.get("findings") or []
    return bool(findings) and all(f.get("status") in _OVER_STATUSES for f in findings)


def _named_signs(tracker: Tracker) -> list[str]:
    """Red flags the latest message named (found by the detector, or a sign's button)."""
    entities = (tracker.latest_message or {}).get("entities") or []
    return [str(e.get("value")) for e in entities if e.get("entity") == "red_flag"]


def _tell_clinician_signs(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """A clinician-level sign told as an answer ("it is four months, not weeks, and no better")
    is said now, before the next question: the referral is not kept back until the end."""
    signs = _named_signs(tracker)
    if signs:
        with session_factory()() as session:
            send_red_flag_details(dispatcher, session, signs, {CLINICIAN_LEVEL})


def _resumed_after_another_answer(tracker: Tracker) -> bool:
    """True when the form runs again after the latest message was answered by another rule.

    The form was rejected on that message (it held no answer), and something else replied.
    """
    since_message: list[dict[str, Any]] = []
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            break
        since_message.append(event)
    return any(event.get("event") == "action_execution_rejected" for event in since_message)


# Topics a short plain answer is sometimes read as: "hip" to "where is the pain?" is no
# question about hips. Small talk, a red flag or a request for help is never an answer.
_TOPIC_INTENTS = {
    "ask_hip_pain",
    "ask_pain_cause",
    "ask_stiffness",
    "ask_sciatica",
    "ask_exercise",
    "ask_exercise_safety",
    "ask_warning_signs",
    "out_of_scope",
    "feedback_hurts",
}
_MAX_PLAIN_ANSWER_WORDS = 6
# ...longer when the answer is a whole sentence that says where, as second-language English
# answers: "Pain is in the low back, in the middle"
_PLACE_TOLD_AS_A_SENTENCE = re.compile(
    r"^\W*(the )?(pain|ache|it) (is|s|'s) (mostly |mainly |only |just )?(in|on|at|around|across)\b",
    re.IGNORECASE,
)
# Questions answered with a number or a time, and the readings that are never an answer.
_NUMBER_SLOTS = {"pain_duration", "pain_score"}
_NEVER_AN_ANSWER = {"report_red_flag", "ask_help", "inform_clinician_checked"}


def _take_a_plain_answer_read_as_a_topic(slot: str, tracker: Tracker) -> None:
    """Hands a short answer that is no question to the validator, whatever its topic.

    Rasa fills the slot only when the intent is not a topic (domain/screening.yml); without
    this the form would be rejected and the topic explained instead.
    """
    text, intent = _latest(tracker)
    # A number is no small talk: "5 i guess" to "how bad is it?" is a score, whatever the
    # classifier made of "i guess".
    numeric = slot in _NUMBER_SLOTS and intent not in _NEVER_AN_ANSWER
    if (
        (intent not in _TOPIC_INTENTS and not numeric)
        or slot in tracker.slots_to_validate()
        or is_question(text)
        or (
            len(text.split()) > _MAX_PLAIN_ANSWER_WORDS
            and not (slot == "pain_area" and _PLACE_TOLD_AS_A_SENTENCE.match(text))
        )
    ):
        return
    if _readable_answer(slot, text):
        tracker.slots[slot] = text
        tracker.events.append({"event": "slot", "name": slot, "value": text})


def _readable_answer(slot: str, text: str) -> bool:
    """The words hold an answer of the question's kind: a place, a time, a score, a yes or no."""
    return {
        "pain_area": bool(body_areas(text)),
        "pain_duration": duration_days(text) is not None,
        "pain_score": pain_score(text) is not None,
    }.get(slot, yes_no(text) is not None)


# The person's messages back to the card a question between the questions may ask about: the
# card, then the first question ("does the pain spread down into a leg?"), then "how many sets?".
CARD_MESSAGES_BACK = 2


def _answer_card_question(
    slot: str, dispatcher: CollectingDispatcher, tracker: Tracker
) -> list[dict[str, Any]] | None:
    """A question about the card shown just before or between the questions ("how many sets n
    reps", "it pulls a bit, is that alright?"): answered from the card, then the question is
    asked again, with no "sorry, I didn't catch that" and no miss counted. None for any other
    message."""
    with session_factory()() as session:
        answered = answer_follow_up(dispatcher, tracker, session, CARD_MESSAGES_BACK)
    if answered is None:
        return None
    return [*answered, SlotSet(slot, None)]


def _session_messages(tracker: Tracker) -> list[dict[str, Any]]:
    """The person's messages since this conversation session started, oldest first."""
    messages: list[dict[str, Any]] = []
    for event in reversed(tracker.events):
        if event.get("event") == "session_started":
            break
        if event.get("event") == "user":
            messages.append(event)
    return messages[::-1]


def _without_exercise_names(message: dict[str, Any]) -> str:
    """The message's text with the exercises it names blanked: "hip circles" is no place."""
    text = str(message.get("text") or "")
    entities = (message.get("parse_data") or {}).get("entities") or []
    for entity in entities:
        start, end = entity.get("start"), entity.get("end")
        if entity.get("entity") == "exercise" and isinstance(start, int) and isinstance(end, int):
            text = text[:start] + " " * (end - start) + text[end:]
    return text


def _told_before(tracker: Tracker) -> dict[str, str]:
    """Where it hurts and for how long, as the person told it this session before the
    questions began ("my lower back has been killing me for 10 days"); the latest telling wins.
    """
    told: dict[str, str] = {}
    for message in _session_messages(tracker):
        text = _without_exercise_names(message)
        for sentence in own_pain_statements(text):
            if areas := body_areas(sentence):
                told["pain_area"] = " and ".join(areas)
            if duration_days(sentence) is not None:
                told["pain_duration"] = sentence
        if "pain_duration" not in told and (times := bare_durations(text)):
            told["pain_duration"] = times[-1]
    return told


def _note_what_was_told(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[dict[str, Any]]:
    """At the start of the questions, fills where and how long from what was already told,
    and says so, so the person is not asked what they have just said."""
    told = {
        slot: value
        for slot, value in _told_before(tracker).items()
        if tracker.get_slot(slot) is None
    }
    if not told:
        return []
    parts = []
    if "pain_area" in told:
        parts.append(("noted-where", told["pain_area"]))
    if "pain_duration" in told:
        parts.append(("noted-how-long", describe_days(duration_days(told["pain_duration"]) or 0)))
    try:
        with session_factory()() as session:
            noted = ", ".join(phrase_text(session, slug, value=value) for slug, value in parts)
            say(dispatcher, session, "screening-already-told", noted=noted)
    except SQLAlchemyError:
        # Without the words to say so, nothing is filled silently: the questions ask it all.
        logger.exception("Could not note what was already told; asking every question")
        return []
    return [SlotSet(slot, value) for slot, value in told.items()]


def _stop_for_now(slot: str) -> list[dict[str, Any]]:
    """Ends the form, storing nothing for `slot`; action_screening_result says how to come back."""
    return [
        SlotSet(slot, None),
        SlotSet("screening_stopped", True),
        SlotSet("requested_slot", None),
    ]


class ValidateScreeningForm(FormValidationAction):
    def name(self) -> str:
        return "validate_screening_form"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        if tracker.get_slot("triage") in ALARM_LEVELS:
            # The questions end (`required_slots`) without a word: after the alarm's reply,
            # no "tap Skip" for a question that no longer matters.
            return await super().run(dispatcher, tracker, domain)
        requested = tracker.get_slot("requested_slot")
        resumed = _resumed_after_another_answer(tracker)
        if requested and not resumed and wants_to_stop(_latest(tracker)[0]):
            return _stop_for_now(str(requested))
        if requested and not resumed and not _readable_answer(str(requested), _latest(tracker)[0]):
            asked_about_card = _answer_card_question(str(requested), dispatcher, tracker)
            if asked_about_card is not None:
                return asked_about_card
        if (
            requested in DETAIL_SLOTS
            and not resumed
            and _latest(tracker)[1] == _EXERCISES_ASKED
            and asks_just_for_the_exercises(_latest(tracker)[0])
        ):
            # "just show me the exercises please" asked where it hurts: that question is passed
            # over, and the warning-sign questions are still asked before any exercise.
            return [SlotSet(str(requested), SKIPPED)]
        if requested and not resumed:
            _take_a_plain_answer_read_as_a_topic(str(requested), tracker)
            _tell_clinician_signs(dispatcher, tracker)
        told: list[dict[str, Any]] = []
        if not requested:
            # No question asked yet: the questions are starting. A clinician-level sign in the
            # request ("my hip clunks and locks in the 90/90") is said now, as it is for an
            # answer, not first at the end; then what was already told is noted.
            _tell_clinician_signs(dispatcher, tracker)
            told = _note_what_was_told(dispatcher, tracker)
        events = told + await super().run(dispatcher, tracker, domain)
        # Back after a question or small talk answered by its own rule: that was no answer.
        if requested and resumed:
            answer = _not_an_answer(requested, dispatcher, tracker)
            if answer.get("screening_stopped"):
                return _stop_for_now(str(requested))
            # An answer to another question counts no miss (and carries no list).
            if "screening_misses" in answer:
                events.append(SlotSet("screening_misses", answer["screening_misses"]))
        return events

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        # A red flag ends the questions at once: the referral matters more than the rest.
        # Asking to stop ends them too, for now.
        if tracker.get_slot("triage") in ALARM_LEVELS:
            return []
        if tracker.get_slot("screening_stopped"):
            return []
        # Pregnancy or a child: no plan comes before a midwife or GP has checked, so the
        # questions for one are not asked (they are asked after the check).
        if teaching_withheld(tracker):
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
        # that name no place are kept as typed, for the clinicians to read, unless they are
        # a question, a time or a score (the answer to another question), or no answer.
        text = str(value)
        areas = [] if _long_question(text) else body_areas(text)
        if areas:
            return {"pain_area": " and ".join(areas)}
        if _yes_no_answer(tracker) in (SKIPPED, UNSURE):
            return _reask_once("pain_area", SKIPPED, dispatcher, tracker)
        # "she has no pain anywhere at the moment" (exercises asked for to keep strong), or "no
        # pain at all, 0/10", is where it hurts, answered: kept as typed, not asked again
        if _NO_PAIN_NOW.search(text.lower()):
            return {"pain_area": text}
        if _other_question_answered("pain_area", tracker):
            return {"pain_area": None}
        if _names_no_place(text):
            return _not_an_answer(
                "pain_area", dispatcher, tracker, "utter_screening_answer_not_read"
            )
        return {"pain_area": text}

    def validate_pain_duration(
        self,
        value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> dict[str, Any]:
        text = str(value)
        # "few weeks, since about 20 weeks": weeks counted "since" are a point in time (a week
        # of pregnancy), not how long; the rest of the answer says how long.
        typed = _latest(tracker)[0].lower()
        since = re.search(rf"\bsince (?:about |around )?{re.escape(text.lower())}\b", typed)
        if since and duration_days(rest := typed.replace(since.group(0), " ")) is not None:
            return {"pain_duration": " ".join(rest.split()).strip(" ,")}
        if duration_days(text) is not None:
            if told_as_an_age(typed, text):
                # "I am 29 years, healthy", "baby is 5 months": an age, not how long; what was
                # told before stands.
                return {"pain_duration": _value_before_this_message(tracker, "pain_duration")}
            if told_as_gone(typed, text):
                # "sciatica like 2 yrs ago, physio sorted it, totally gone since": a time of a
                # pain that has ended, not how long today's has lasted; asked again.
                return _thank_and_ask_again("pain_duration", dispatcher)
            return {"pain_duration": text}
        # "I have no pain anywhere, I simply want to stay strong": no pain has no length;
        # answered, kept as typed, not asked again
        if _NO_PAIN_NOW.search(typed):
            return {"pain_duration": text}
        if _yes_no_answer(tracker) in (SKIPPED, UNSURE):
            return _reask_once("pain_duration", SKIPPED, dispatcher, tracker)
        if _other_question_answered("pain_duration", tracker):
            return {"pain_duration": None}
        # "yesterday-ish?" is not how long: asked again (with a way out after two tries).
        return _not_an_answer(
            "pain_duration", dispatcher, tracker, phrase="duration-not-understood"
        )

    def validate_leg_pain(
        self,
        value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> dict[str, Any]:
        answer = _yes_no_answer(tracker, "leg_pain")
        typed = _latest(tracker)[0]
        score = None if typed.startswith("/") or yes_no(typed) is not None else pain_score(typed)
        if score is not None:
            # "pain is 4 from 10", "3 sur 10": the score, told a question early, is kept, and is
            # no yes about the leg, whatever topic the classifier read in it.
            return {**_thank_and_ask_again("leg_pain", dispatcher), "pain_score": str(score)}
        if answer == "yes" and _tells_how_long_with_a_hedge(typed):
            # "on and off a couple of years, getting better with yoga": the hedge is the
            # pain's course, told with how long it has lasted, not a yes about the leg.
            return _thank_and_ask_again("leg_pain", dispatcher)
        if answer is None:
            if _other_question_answered("leg_pain", tracker):
                return {"leg_pain": None}
            return _not_an_answer(
                "leg_pain", dispatcher, tracker, "utter_screening_answer_not_read"
            )
        if answer == "no" and denies_listed_signs(typed) and not _named_signs(tracker):
            # "no numbness, no problem toilet, no fever, no weakness, nothing in legs": the
            # list of signs, asked next, is answered too; it is not asked again.
            return {"leg_pain": answer, "rf_checklist": answer}
        return _reask_once("leg_pain", answer, dispatcher, tracker)

    def validate_rf_checklist(
        self,
        value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> dict[str, Any]:
        # A sign named: the detector (or the sign's button) has filed it and raised triage.
        if _named_signs(tracker):
            return {"rf_checklist": "yes"}
        typed = _latest(tracker)[0]
        if (
            _tells_where_it_hurts(typed)
            or tells_only_the_course(typed)
            or _tells_how_long_with_a_hedge(typed)
            or _tells_a_score_unasked(typed)
            or _AGE.match(typed)
        ):
            # "lower back, a bit on the right", "about the same, maybe a bit better", "like
            # 4/10, 6 when i get out of bed", "I am 38" (its "I am" is no yes): the answer to
            # another question, thanked, and the list asked again.
            return _thank_and_ask_again("rf_checklist", dispatcher)
        answer = _yes_no_answer(tracker)
        if answer is None:
            if _other_question_answered("rf_checklist", tracker):
                return {"rf_checklist": None}
            return _not_an_answer(
                "rf_checklist", dispatcher, tracker, "utter_screening_answer_not_read"
            )
        if answer == UNSURE and (
            _other_question_answered("rf_checklist", tracker)
            or _SCORE_OUT_OF_TEN.search(_latest(tracker)[0].lower())
        ):
            # "The pain is maybe 4 from 10": the hedge belongs to the score it gives, not to
            # the signs listed. The checklist is asked again.
            return {"rf_checklist": None}
        if (
            answer == "yes"
            and is_go_ahead(typed)
            and "rf_checklist" not in (tracker.get_slot("screening_skips") or [])
        ):
            # "sure go ahead", "sound 👍": a go-ahead, as if the list were an offer. It is asked
            # once more; a second go-ahead is read below as the yes it may be.
            return _ask_again_once(
                "rf_checklist", answer, dispatcher, tracker, "signs-go-ahead-not-an-answer"
            )
        if answer == "yes" and _signs_told_as_over(tracker):
            # "my foot went tingly for a bit after a long drive but it went away": a sign the
            # detector judged over is no yes to the list; the list is asked again.
            return _not_an_answer("rf_checklist", dispatcher, tracker)
        if answer in ("yes", UNSURE):
            # A "yes" or "not sure" that names no sign: the checklist's level, its own flag.
            return {"rf_checklist": answer, **_red_flag_answer("rf_checklist")}
        return _reask_once("rf_checklist", answer, dispatcher, tracker)

    def validate_pain_score(
        self,
        value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> dict[str, Any]:
        score = pain_score(str(value))
        if score is not None:
            return {"pain_score": str(score)}
        if _yes_no_answer(tracker) in (SKIPPED, UNSURE):
            return _reask_once("pain_score", SKIPPED, dispatcher, tracker)
        # "pretty bad": ask for the number.
        return _not_an_answer("pain_score", dispatcher, tracker, phrase="pain-score-invalid")


def clinician_signals(tracker: Tracker) -> list[str]:
    """Answers that call for a clinician soon, though not urgently."""
    told = str(tracker.get_slot("pain_duration") or "")
    days = duration_days(told)
    score = pain_score(str(tracker.get_slot("pain_score") or ""))
    signals = []
    # Long pain that comes and goes, or is getting better, is ordinary back pain. The course is
    # often told beside the time ("on and off a couple of years, getting better with yoga")
    # while the slot keeps only the time.
    said = [told, *(e.get("text") or "" for e in tracker.events if e.get("event") == "user")]
    # (a worse told in any message keeps the referral)
    settling = tells_recurring_or_settling(*said)
    # (a long time stiff with no pain today, 0 out of 10, is no pain that has not eased)
    if days is not None and days >= LONG_PAIN_DAYS and not settling and score != 0:
        signals.append(LONG_PAIN_FLAG)
    if tracker.get_slot("leg_pain") == "yes" and (
        (days is not None and days >= LONG_PAIN_DAYS)
        or (score is not None and score >= SEVERE_LEG_PAIN_SCORE)
    ):
        signals.append(SEVERE_SCIATICA_FLAG)
    return signals


def _clear_progress() -> Events:
    return [SlotSet("screening_misses", []), SlotSet("screening_skips", [])]


def _referral_just_given(tracker: Tracker) -> bool:
    """True when the red-flag details were sent since the latest message."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return False
        if event.get("event") == "action" and event.get("name") == "action_red_flag_details":
            return True
    return False


class ActionScreeningResult(KnowledgeAction):
    """A referral at the right urgency, or the plan (with a clinician note where it applies)."""

    def name(self) -> str:
        return "action_screening_result"

    def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, session: Session
    ) -> Events:
        triage = tracker.get_slot("triage") or "none"
        flags = list(tracker.get_slot("red_flags") or [])
        if triage in ALARM_LEVELS:
            # Said once: not again when the red-flag rule has just said it.
            if not _referral_just_given(tracker):
                dispatcher.utter_message(response=f"utter_{triage}")
                send_red_flag_details(dispatcher, session, flags, set(ALARM_LEVELS))
            return [SlotSet("screened", True), *_clear_progress()]
        # What the answers so far call for is said even when the questions were stopped:
        # four months of pain needs a GP whether or not the last question was answered.
        signals = clinician_signals(tracker)
        referral: Events = []
        if signals:
            # A sign already filed was told when it was named (validate_screening_form).
            untold = [signal for signal in signals if signal not in flags]
            send_red_flag_details(dispatcher, session, untold, {CLINICIAN_LEVEL})
            referral = [SlotSet("triage", CLINICIAN_LEVEL), SlotSet("red_flags", signals)]
        # Not screened yet: after the midwife's or GP's check, the questions come first.
        if withhold_teaching(dispatcher, tracker):
            return [SlotSet("screening_stopped", False), *referral, *_clear_progress()]
        if tracker.get_slot("screening_stopped"):
            dispatcher.utter_message(response="utter_screening_stopped")
            return [SlotSet("screening_stopped", False), *referral, *_clear_progress()]
        events: Events = [SlotSet("screened", True), *referral]
        return events + send_plan(dispatcher, tracker, session) + _clear_progress()
