"""Teach single exercises, the starter plan, and adjust a drill that is too easy or hurts.

Every exercise comes with the pain guide (how much pain is OK). An exercise with
`supervision: coach` starts with the coach note, and its steps and dose are sent only once the
person has said they train with a coach: by the coach-check button, whose payload carries
`"coach": "yes"`, or in their own words ("I train with a coach").
"""

from __future__ import annotations

import json
import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.orm import Session

from actions.education import explain_concern_told
from actions.follow_ups import answer_follow_up
from actions.knowledge_action import (
    Events,
    KnowledgeAction,
    PhraseMissing,
    exercises_named,
    latest_entity_values,
    latest_intent,
    phrase_text,
    say,
)
from actions.parsing import (
    asks_for_another,
    duration_days,
    effort_said,
    ordinal_position,
    pain_score,
    wants_no_kit,
)
from actions.programme import keep_plan, offer_plan_to_keep
from actions.red_flags import send_red_flag_details
from actions.rendering import exercise_card, exercise_picture, referral_line, topic_message
from actions.teaching_gate import withhold_teaching
from actions.topics import topic_named_in
from backcare.knowledge.models import Exercise
from backcare.knowledge.queries import (
    education_topic,
    exercises_by,
    find_exercise,
    message,
    referral,
)
from backcare.knowledge.routine import build_routine, hip_stretches_suit, routine_level
from backcare.programme.rules import ladder_of
from backcare.triage import CLINICIAN_LEVEL

PLAN_INTRO_TOPIC = "joint-by-joint"
# The feedback intents about effort, by the direction the words say (actions.parsing).
EFFORT_INTENTS = {"easy": "feedback_too_easy", "hard": "feedback_too_hard"}
# ...and the one that says it hurts.
HURTS_INTENT = "feedback_hurts"
# Set by the red-flag detector on several signs denied with no check waiting (domain/session.yml).
SIGNS_DENIED_ENTITY = "signs_denied"
# How much pain is OK during exercise (the traffic-light rule), sent with the exercises.
PAIN_GUIDE_TOPIC = "pain-during-exercise"

# Pain down a leg, from the screening or a red flag, leaves the hip stretches out of the plan.
LEG_SYMPTOM_FLAGS = {"severe-sciatica", "one-leg-numbness-weakness"}
_LEG_WORDS = re.compile(r"\b(?:legs?|sciatica)\b", re.IGNORECASE)

# The coach-check button's payload holds {"coach": "yes"} (data/knowledge/messages.yml).
COACH_PAYLOAD_KEY = "coach"
_COACH = r"(?:coach|trainer|personal trainer|pt|physio|physiotherapist)"
_HAS_COACH = re.compile(
    rf"\b(?:i|ive|im|we|weve)\b.*\b(?:have|got|train|training|work|working|see|seeing|go)\b.*\b{_COACH}\b"
    rf"|\bmy {_COACH}\b",
)
_NOT_HAVING = re.compile(
    r"n't\b|\b(?:no|not|never|without|dont|havent|cant|wont|didnt|doesnt|used to|need|needs"
    r"|find|finding|looking for|get|getting|if|should|could|would|went|once|ago)\b"
)
_QUESTION_START = re.compile(r"^(?:do|does|did|should|must|can|could|would|will|is|are|am)\b")


def says_has_coach(text: str) -> bool:
    """True when a message says the person trains with a coach (a button or their words).

    Deliberately strict: a question ("do I need a coach?"), a denial ("I don't have a coach")
    or a wish ("I want to find a coach") is no yes. A missed yes only means the steps wait.
    """
    if text.startswith("/"):
        return _payload(text).get(COACH_PAYLOAD_KEY) == "yes"
    lowered = text.lower().replace("\u2019", "'")
    for clause in re.split(r"(?<=[.!?;,])\s*|\s+but\s+", lowered):
        clause = clause.strip()
        if (
            not clause.endswith("?")
            and not _QUESTION_START.match(clause)
            and _HAS_COACH.search(clause)
            and not _NOT_HAVING.search(clause)
        ):
            return True
    return False


def _payload(text: str) -> dict[str, Any]:
    """The JSON object of a button payload such as `/ask_exercise{"exercise": "deadlift"}`."""
    start = text.find("{")
    if start < 0:
        return {}
    try:
        values, _ = json.JSONDecoder().raw_decode(text[start:])
    except ValueError:
        return {}
    return values if isinstance(values, dict) else {}


def has_coach(tracker: Tracker) -> bool:
    """Whether the person has said, now or earlier in the conversation, that they have a coach."""
    said = [str(tracker.latest_message.get("text") or "")]
    said += [str(e.get("text") or "") for e in tracker.events if e.get("event") == "user"]
    return any(says_has_coach(text) for text in said)


def leg_symptoms(tracker: Tracker) -> bool:
    """Pain down a leg: from the screening's leg question, where it hurts, or a red flag."""
    if tracker.get_slot("leg_pain") == "yes":
        return True
    if _LEG_WORDS.search(str(tracker.get_slot("pain_area") or "")):
        return True
    return bool(LEG_SYMPTOM_FLAGS & set(tracker.get_slot("red_flags") or []))


def pain_guide(session: Session) -> str:
    topic = education_topic(session, PAIN_GUIDE_TOPIC)
    if topic is None:
        raise PhraseMissing(f"education topic {PAIN_GUIDE_TOPIC}")
    return topic_message(topic)


def _said_before(tracker: Tracker, text: str) -> bool:
    return any(e.get("event") == "bot" and e.get("text") == text for e in tracker.events)


def _ask_about_coach(
    dispatcher: CollectingDispatcher, session: Session, exercise: Exercise
) -> None:
    phrase = message(session, "coach-check")
    if phrase is None:
        raise PhraseMissing("coach-check")
    buttons = [
        {**button, "payload": button["payload"].replace("{exercise}", exercise.slug)}
        for button in phrase.buttons
    ]
    dispatcher.utter_message(text=phrase.text, buttons=buttons)


def why_it_helps(session: Session, exercise: Exercise) -> str:
    """One line on what the exercise is for, from its purpose (stability, mobility, strength)."""
    return phrase_text(session, f"why-{exercise.purpose}")


def show_exercise(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    session: Session,
    exercise: Exercise,
    guide_again: bool = False,
) -> Events:
    """The exercise card and the pain guide; for a coach-only lift, the coach note first.

    Until the person says they have a coach, a coach-only lift gets the note and the question
    only, and does not become the current exercise.
    """
    if withhold_teaching(dispatcher, tracker):
        return []
    if exercise.supervision == "coach":
        say(dispatcher, session, "coach-only", exercise_name=exercise.name.lower())
        if not has_coach(tracker):
            _ask_about_coach(dispatcher, session, exercise)
            return []
    dispatcher.utter_message(
        text=exercise_card(exercise, why_it_helps(session, exercise)),
        image=exercise_picture(exercise),
    )
    guide = pain_guide(session)
    if guide_again or not _said_before(tracker, guide):
        dispatcher.utter_message(text=guide)
    shown = list(tracker.get_slot("shown_exercises") or [])
    return [
        SlotSet("current_exercise", exercise.slug),
        SlotSet("shown_exercises", shown if exercise.slug in shown else [*shown, exercise.slug]),
    ]


def send_plan(dispatcher: CollectingDispatcher, tracker: Tracker, session: Session) -> Events:
    """Why first (joint by joint), then the drills, adjusted to how long and how bad the pain is.

    With strong pain or pain down a leg, the hip stretches are left out, and the plan says so.
    """
    if withhold_teaching(dispatcher, tracker):
        return []
    score = pain_score(str(tracker.get_slot("pain_score") or ""))
    level = routine_level(score, duration_days(str(tracker.get_slot("pain_duration") or "")))
    routine = build_routine(
        session, level, hip_stretches=hip_stretches_suit(score, leg_symptoms(tracker))
    )
    intro = education_topic(session, PLAN_INTRO_TOPIC)
    if intro:
        dispatcher.utter_message(text=topic_message(intro))
    say(dispatcher, session, "plan-intro", drill_count=len(routine.drills))
    if routine.hip_stretches_left_out:
        say(dispatcher, session, "plan-no-hip-stretches")
    for position, drill in enumerate(routine.drills, start=1):
        dispatcher.utter_message(
            text=exercise_card(drill, why_it_helps(session, drill), position),
            image=exercise_picture(drill),
        )
    dispatcher.utter_message(text=pain_guide(session))
    if routine.drills:
        offer_plan_to_keep(dispatcher, tracker, session, [drill.slug for drill in routine.drills])
    say(dispatcher, session, "plan-followups")
    keep_plan(session, tracker, routine.level, routine.drills)
    say(dispatcher, session, "plan-kept")
    slugs = [drill.slug for drill in routine.drills]
    return [
        SlotSet("current_plan", slugs),
        SlotSet("current_exercise", slugs[0] if slugs else None),
    ]


def _plan_drill(tracker: Tracker, session: Session, position: int) -> Exercise | None:
    return _nth(session, tracker.get_slot("current_plan") or [], position)


def _nth(session: Session, slugs: list[str], position: int) -> Exercise | None:
    if not slugs or position > len(slugs):
        return None
    return find_exercise(session, slugs[position - 1 if position > 0 else -1])


def _reference(tracker: Tracker) -> str | None:
    """The words of a follow-up that points back at an exercise ("do it", "the first one")."""
    for entity in tracker.latest_message.get("entities", []):
        if entity.get("entity") == "exercise" and entity.get("reference"):
            return str(entity.get("value") or "")
    return None


def _referred_exercise(tracker: Tracker, session: Session, words: str) -> Exercise | None:
    """The plan's drill or the shown exercise at that position, or the one shown last, or,
    before any is shown, the one just offered ("how long do I hold it?" after "would you like
    me to walk you through the bird dog?") or the one the person said they do."""
    position = ordinal_position(words)
    if position is not None:
        return _plan_drill(tracker, session, position) or _nth(
            session, tracker.get_slot("shown_exercises") or [], position
        )
    current = tracker.get_slot("current_exercise") or tracker.get_slot("offered_exercise")
    return find_exercise(session, current) if current else _named_before(tracker, session)


def _named_before(tracker: Tracker, session: Session) -> Exercise | None:
    """The exercise the person named last in an earlier message of this conversation: "been
    doing the bird dogs every morning", then "they're getting too easy"."""
    said = [event for event in tracker.events if event.get("event") == "user"]
    # The latest message is the follow-up itself.
    for event in reversed(said[:-1]):
        for entity in (event.get("parse_data") or {}).get("entities") or []:
            if entity.get("entity") == "exercise" and not entity.get("reference"):
                exercise = find_exercise(session, str(entity.get("value") or ""))
                if exercise is not None:
                    return exercise
    return None


class ActionAnswerExercise(KnowledgeAction):
    """ "How do I do a bird dog?", "how do I do the second one?", or, once screened, a plan.

    Rules send a plan request that comes before the screening to the screening form instead.
    """

    def name(self) -> str:
        return "action_answer_exercise"

    def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, session: Session
    ) -> Events:
        text = tracker.latest_message.get("text", "")
        # A clinician-level sign told with the question ("my hip keeps locking when I do the
        # fire hydrants") is said first; alarms have their own rules and get no exercise.
        send_red_flag_details(
            dispatcher, session, latest_entity_values(tracker, "red_flag"), {CLINICIAN_LEVEL}
        )
        # "What if my knee won't go down?" right after the 90/90: its answer, not a plan.
        followed_up = answer_follow_up(dispatcher, tracker, session)
        if followed_up is not None:
            return followed_up
        words = _reference(tracker)
        names = [name for name in latest_entity_values(tracker, "exercise") if name != words]
        if words is None and not names and ordinal_position(text) is not None:
            # "How do I do the second one?" in a longer message the NLU did not mark.
            words = text
        if words is not None:
            exercise = _referred_exercise(tracker, session, words)
            if exercise is None:
                # "How many reps?" when teaching is held back: why, not "which one?", which
                # would invite asking for one.
                if not withhold_teaching(dispatcher, tracker):
                    say(dispatcher, session, "no-current-exercise")
                return []
        elif names:
            exercise = find_exercise(session, names[0])
            if exercise is None:
                say(dispatcher, session, "exercise-unknown")
                return []
        else:
            return send_plan(dispatcher, tracker, session)
        # "An alternative to the Pallof, I don't own a band"; "no band here, what can I do
        # instead" (pointing back at the one shown).
        no_kit = wants_no_kit(text)
        if no_kit or asks_for_another(text):
            other = _another_like(session, tracker, exercise, no_kit)
            if other is None:
                say(dispatcher, session, "no-other-exercise", exercise_name=exercise.name)
                return []
            exercise = other
        # "Sore after the hinges, is that normal?": how much pain is fine, said again.
        asks_safety = latest_intent(tracker) == "ask_exercise_safety"
        events = show_exercise(dispatcher, tracker, session, exercise, guide_again=asks_safety)
        # "How often should I do the hip circles, more than once a day?": the card says how,
        # the topic the question names says the rest.
        named = topic_named_in(session, text)
        if named is not None and events:
            dispatcher.utter_message(text=topic_message(named))
        return events


def _another_like(
    session: Session, tracker: Tracker, exercise: Exercise, no_kit: bool
) -> Exercise | None:
    """Another exercise for the same part of the body, one not shown yet if there is one, and
    one that needs no equipment when the person has none."""
    shown = set(tracker.get_slot("shown_exercises") or [])
    others = [e for e in exercises_by(session, region=exercise.region) if e.slug != exercise.slug]
    if no_kit:
        others = [e for e in others if not e.equipment]
    # Easiest first (exercises_by's order); one not shown yet before one already seen.
    return min(others, key=lambda e: e.slug in shown, default=None)


def offered_exercise(tracker: Tracker, session: Session) -> Exercise | None:
    """The exercise offered after an explanation, if any and still in the knowledge base."""
    slug = tracker.get_slot("offered_exercise")
    return find_exercise(session, slug) if slug else None


class ActionShowExercise(KnowledgeAction):
    """The exercise offered after an explanation, once the person said yes."""

    def name(self) -> str:
        return "action_show_exercise"

    def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, session: Session
    ) -> Events:
        exercise = offered_exercise(tracker, session)
        if exercise is None:
            say(dispatcher, session, "no-current-exercise")
            return []
        return show_exercise(dispatcher, tracker, session, exercise)


class ActionOfferDeclined(KnowledgeAction):
    """A "no" to the offered exercise. Signs told absent ("no numbness, no fever", read as a
    "no") are no "no thanks": the offer stands, asked again."""

    def name(self) -> str:
        return "action_offer_declined"

    def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, session: Session
    ) -> Events:
        exercise = offered_exercise(tracker, session)
        if exercise is None or not latest_entity_values(tracker, SIGNS_DENIED_ENTITY):
            dispatcher.utter_message(response="utter_offer_declined")
            return []
        say(dispatcher, session, "signs-denied-offer-again", exercise_name=exercise.name.lower())
        return []


class ActionAdjustExercise(KnowledgeAction):
    """Too easy: the progression. Too hard: the regression. It hurts: the regression, and when
    to see a physiotherapist."""

    def name(self) -> str:
        return "action_adjust_exercise"

    def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, session: Session
    ) -> Events:
        if withhold_teaching(dispatcher, tracker):
            return []
        # "My knees hurt kneeling on the floor" right after the fire hydrant: the way round it,
        # not a swap to another exercise.
        if latest_intent(tracker) == HURTS_INTENT:
            followed_up = answer_follow_up(dispatcher, tracker, session)
            if followed_up is not None:
                return followed_up
        # The exercise the message names ("the side plank's fine too"), else the current one.
        told = exercises_named(tracker, session)
        slug = tracker.get_slot("current_exercise")
        current = (told[0] if told else None) or (
            find_exercise(session, slug) if slug else _named_before(tracker, session)
        )
        if current is None:
            # "It hurts" with no exercise taught yet is a story read as feedback: a topic it
            # names ("since the fusion a nerve flares up") answers better than "which one?".
            text = tracker.latest_message.get("text") or ""
            named = topic_named_in(session, text)
            if named is not None:
                dispatcher.utter_message(text=topic_message(named, detailed=True))
                return []
            # "hey so my lower back is killing me": the pain told gets its answer.
            answered = explain_concern_told(dispatcher, tracker, session, text)
            if answered is None:
                say(dispatcher, session, "no-current-exercise")
                return []
            return answered
        intent = latest_intent(tracker)
        if intent in EFFORT_INTENTS.values():
            # "Can hold it ages" is too easy even when the classifier read "too hard".
            said = effort_said(tracker.latest_message.get("text") or "")
            intent = EFFORT_INTENTS[said] if said else intent
        if intent == "feedback_too_hard":
            if current.regression is None:
                say(dispatcher, session, "easiest-version")
                return []
            say(dispatcher, session, "try-easier", exercise_name=current.regression.name.lower())
            return show_exercise(dispatcher, tracker, session, current.regression)
        if intent == HURTS_INTENT:
            physio = referral(session, "physiotherapist")
            say(dispatcher, session, "stop-if-hurts")
            if current.regression:
                say(
                    dispatcher, session, "try-easier", exercise_name=current.regression.name.lower()
                )
                events = show_exercise(dispatcher, tracker, session, current.regression)
            else:
                events = []
            if physio:
                dispatcher.utter_message(text=referral_line(physio))
            return events
        if current.progression is None:
            harder_dose = _next_dose(current)
            if harder_dose:
                # no harder exercise, but the programme's ladder has a bigger dose of this one
                say(
                    dispatcher,
                    session,
                    "harder-dose",
                    dose=harder_dose[0].lower() + harder_dose[1:],
                )
            else:
                say(dispatcher, session, "hardest-version")
            return []
        say(dispatcher, session, "try-harder", exercise_name=current.progression.name.lower())
        return show_exercise(dispatcher, tracker, session, current.progression)


def _next_dose(exercise: Exercise) -> str | None:
    """The dose after the card's own on the exercise's ladder (data/knowledge/programme.yml), if
    the ladder goes on with the same exercise."""
    ladder = ladder_of(exercise.slug)
    if ladder is None:
        return None
    doses = [step.dose for step in ladder.steps if step.exercise == exercise.slug]
    if exercise.dose not in doses:
        return None
    later = doses[doses.index(exercise.dose) + 1 :]
    return later[0] if later else None
