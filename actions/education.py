"""Answer questions with the education topics, and offer the topic's first exercise."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.orm import Session

from actions.follow_ups import answer_follow_up
from actions.knowledge_action import (
    Events,
    KnowledgeAction,
    PhraseMissing,
    latest_entity_values,
    latest_intent,
    say,
)
from actions.parsing import asks_for_diagnosis
from actions.red_flags import send_red_flag_details
from actions.rendering import topic_message
from actions.teaching_gate import ALARM_HOLDS, teaching_withheld
from actions.topics import topic_named_in
from backcare.knowledge.queries import education_topic, find_exercise
from backcare.triage import CLINICIAN_LEVEL

TOPIC_FOR_INTENT = {
    "ask_pain_cause": "joint-by-joint",
    "ask_stiffness": "stiffness-basics",
    "ask_sciatica": "sciatica-basics",
    "ask_hip_pain": "hip-and-back",
    "ask_exercise_safety": "exercise-safety",
    "ask_warning_signs": "when-to-see-someone",
}
# A message the classifier could not place still tells a concern when it names the back, the
# hips or the legs (the NLU's `body_part`) or how they feel (`symptom`): the question that
# concern asks. Knees, necks and shoulders alone are not this assistant's.
BACK_AND_HIPS = frozenset(
    {
        "lower back",
        "low back",
        "back",
        "upper back",
        "mid back",
        "spine",
        "lumbar",
        "hip",
        "hips",
        "hip flexor",
        "hip flexors",
        "glute",
        "glutes",
        "buttock",
        "buttocks",
        "bum",
        "groin",
        "pelvis",
        "sacrum",
        "tailbone",
        "si joint",
    }
)
LEGS = frozenset(
    {"leg", "legs", "thigh", "thighs", "calf", "foot", "feet", "hamstring", "hamstrings"}
)
STIFFNESS = frozenset({"stiffness", "stiff", "tightness", "tight"})
NERVE_FEELINGS = frozenset(
    {"numbness", "numb", "tingling", "pins and needles", "shooting pain", "burning"}
)
# Asking whether to stretch a sore back gets the topic that answers exactly that.
STRETCHING_TOPIC = "dont-stretch-sore-back"
STRETCHING_INTENTS = {"ask_stiffness", "ask_exercise_safety", "ask_pain_cause"}
# Whether exercising is safe now is what an alarm has answered: not before a clinician's check.
# After one, these questions get the hold's reply, not the general "yes, keep moving".
ANSWERED_BY_AN_ALARM = {TOPIC_FOR_INTENT["ask_exercise_safety"], STRETCHING_TOPIC}
# These topics are read in full; the rest give a summary and offer an exercise.
DETAILED_TOPICS = {"when-to-see-someone"}


def topic_for(intent: str, text: str, named: list[str] | None = None) -> str:
    """The topic that answers: the one the question names (the NLU's `topic` entity), else
    the one for its intent."""
    if named:
        return named[0]
    if intent in STRETCHING_INTENTS and "stretch" in text.lower():
        return STRETCHING_TOPIC
    return TOPIC_FOR_INTENT.get(intent, "joint-by-joint")


def concern_told(body_parts: list[str], symptoms: list[str]) -> str | None:
    """The question a concern asks: stiffness, a nerve feeling in a leg, or why the back or hip
    hurts; None when no back, hip or leg concern is told."""
    parts = {part.lower() for part in body_parts}
    feelings = {symptom.lower() for symptom in symptoms}
    if not parts & (BACK_AND_HIPS | LEGS) and not (feelings and not parts):
        return None
    if feelings & STIFFNESS:
        return "ask_stiffness"
    if parts & LEGS and feelings & NERVE_FEELINGS:
        return "ask_sciatica"
    return "ask_pain_cause"


def explain_concern_told(
    dispatcher: CollectingDispatcher, tracker: Tracker, session: Session, text: str
) -> Events | None:
    """The answer to a back, hip or leg concern the message tells ("hey so my lower back is
    killing me"), with any clinician-level note; None when it tells none."""
    concern = concern_told(
        latest_entity_values(tracker, "body_part"), latest_entity_values(tracker, "symptom")
    )
    if concern is None:
        return None
    return explain_topic(
        dispatcher, tracker, session, concern, text, latest_entity_values(tracker, "red_flag")
    )


def explain_topic(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    session: Session,
    intent: str,
    text: str,
    red_flags: list[str],
    named_topics: list[str] | None = None,
) -> Events:
    """The topic that answers `intent`, a see-a-clinician note for its flags, and an offer.

    After an alarm the topic is still explained (the warning signs, why backs hurt), but no
    exercise is offered.
    """
    slug = topic_for(intent, text, named_topics)
    withheld = teaching_withheld(tracker)
    if slug in ANSWERED_BY_AN_ALARM and withheld:
        dispatcher.utter_message(response=withheld)
        return []
    topic = education_topic(session, slug)
    if topic is None:
        raise PhraseMissing(f"education topic {slug}")
    detailed = topic.slug in DETAILED_TOPICS
    if asks_for_diagnosis(text):
        say(dispatcher, session, "no-diagnosis")
    dispatcher.utter_message(text=topic_message(topic, detailed=detailed))
    # A story about sciatica that mentions the epidural offered, or hip pain in a runner, is
    # answered on both: the question's topic, then the one the message names.
    named = topic_named_in(session, text)
    if named is not None and named.slug != topic.slug:
        dispatcher.utter_message(text=topic_message(named))
    send_red_flag_details(dispatcher, session, red_flags, {CLINICIAN_LEVEL})
    if withheld in ALARM_HOLDS:
        # Whatever was asked after an alarm, the answer ends with the help still needed.
        dispatcher.utter_message(response=withheld)
    if detailed or not topic.related_exercises or withheld:
        return []
    exercise = find_exercise(session, topic.related_exercises[0])
    if exercise is None:
        return []
    say(dispatcher, session, "offer-exercise", exercise_name=exercise.name.lower())
    return [SlotSet("offered_exercise", exercise.slug)]


class ActionExplainTopic(KnowledgeAction):
    def name(self) -> str:
        return "action_explain_topic"

    def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, session: Session
    ) -> Events:
        # "is it ok if my knees click when i do it?" right after a card, read as hip pain
        followed_up = answer_follow_up(dispatcher, tracker, session)
        if followed_up is not None:
            return followed_up
        return explain_topic(
            dispatcher,
            tracker,
            session,
            latest_intent(tracker),
            tracker.latest_message.get("text", ""),
            latest_entity_values(tracker, "red_flag"),
            latest_entity_values(tracker, "topic"),
        )
