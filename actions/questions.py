"""Questions outside the exercises (scans, medicines, treatments, work, sport, life stages):
the education topic that answers them, or one honest line on where to go."""

from __future__ import annotations

import re

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.orm import Session

from actions.education import explain_concern_told
from actions.exercises import send_plan, show_exercise
from actions.follow_ups import answer_follow_up
from actions.knowledge_action import (
    Events,
    KnowledgeAction,
    exercises_named,
    latest_entity_values,
    latest_intent,
)
from actions.red_flags import send_red_flag_details
from actions.rendering import topic_message
from actions.teaching_gate import AFTER_EMERGENCY, ALARM_HOLDS, teaching_withheld
from actions.topics import matched_topic, topic_named_in
from backcare.knowledge.models import EducationTopic
from backcare.knowledge.queries import names_an_exercise, topic_index
from backcare.triage import ALARM_LEVELS, CLINICIAN_LEVEL

# Domain responses: the honest line, or the clarifying question, is sent even when no topic
# answers.
CANNOT_HELP = "utter_out_of_scope"
CLARIFY = "utter_clarify"
# A message the classifier could not place is answered only when it names a topic outright:
# likeness alone is too weak a reason to answer something nobody recognised.
UNPLACED_INTENT = "nlu_fallback"
# Set by the red-flag detector: a clinician named but not seen ("she won't bother the doctor").
NOT_CHECKED = "not_checked"
CHECK_STILL_MATTERS = "utter_check_still_matters"
# Set from the detector's `help_coming` ("my wife is calling 999"): after an emergency, the
# reply says what to do until help comes (a variant of utter_after_emergency).
HELP_ON_THE_WAY = "help_on_the_way"
EXERCISE = "exercise"
# A sentence ending in a question mark (after the last full stop, "!" or "?" before it).
QUESTION_SENTENCE = re.compile(r"[^.!?]*\?")
# Asking to begin the exercises, not about them ("can we start now?", "what exercises can I do
# then?"); "how often should I do the exercises?" is a question a topic answers.
ASKS_TO_START = re.compile(
    r"^\W*(so |ok |okay |then |right )?(can|could|shall|may) (we|i|you) (start|begin|get started|"
    r"get going|go ahead|crack on|have (some|the|my) (exercises|stretches|plan)|"
    r"do (some|the|my) (exercises|stretches)|give me|send me|show me)\b|"
    r"\b(what|which) (exercises|stretches|drills) (can|should|shall|do) (i|we)\b|"
    r"\b(start|begin) (now|the exercises|exercising|the plan)\b"
)


class ActionAnswerQuestion(KnowledgeAction):
    def name(self) -> str:
        return "action_answer_question"

    def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, session: Session
    ) -> Events:
        text = tracker.latest_message.get("text") or ""
        if _will_not_be_checked_after_an_alarm(tracker):
            dispatcher.utter_message(response=CHECK_STILL_MATTERS)
            return []
        if latest_intent(tracker) == UNPLACED_INTENT:
            # "what if it hurts? (it doesnt rn lol)" right after a card asks about that card.
            followed_up = answer_follow_up(dispatcher, tracker, session)
            if followed_up is not None:
                return followed_up
            topic, otherwise = topic_named_in(session, text), CLARIFY
            if topic is None:
                # "hello i am 77 and my lower back has been aching for a few weeks": a concern
                # told gets its answer (and any clinician-level note), not "which of these is
                # closest?".
                answered = explain_concern_told(dispatcher, tracker, session, text)
                if answered is not None:
                    return answered
                # "whats the pallof press supposed to feel like? i mostly feel my arms": the
                # exercise named gets its card (how it should feel is on it).
                named = exercises_named(tracker, session)
                if named:
                    return show_exercise(dispatcher, tracker, session, named[0])
        else:
            slugs, index = topic_index(session)
            topic, otherwise = matched_topic(session, slugs, index.best(text)), CANNOT_HELP
        withheld = teaching_withheld(tracker)
        if topic is None:
            if tracker.get_slot(HELP_ON_THE_WAY) and withheld == AFTER_EMERGENCY:
                # the call told as being made, and nothing a topic answers ("my wife is calling
                # 999"): what to do until help comes, not the call asked for again
                dispatcher.utter_message(response=AFTER_EMERGENCY)
                return []
            # After an alarm these responses have variants that repeat the help needed.
            dispatcher.utter_message(response=otherwise)
            _tell_clinician_level_signs(dispatcher, tracker, session)
            return []
        answer = topic_message(topic, detailed=True)
        if withheld in ALARM_HOLDS and _teaches_exercise(tracker, session, topic, answer, withheld):
            dispatcher.utter_message(response=withheld)
            return []
        dispatcher.utter_message(text=answer)
        if withheld in ALARM_HOLDS:
            # Whatever was asked after an alarm, the answer ends with the help still needed.
            dispatcher.utter_message(response=withheld)
        else:
            _tell_clinician_level_signs(dispatcher, tracker, session)
        return []


class ActionAnswerAfterCheck(KnowledgeAction):
    """The question asked beside the news of a clinician's check ("Update: the GP x-rayed her,
    it's a strain. Is there something gentle for her posture?"): after the thanks, the topic
    that answers it, if one does and teaching is no longer held; asked to begin, the plan."""

    def name(self) -> str:
        return "action_answer_after_check"

    def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, session: Session
    ) -> Events:
        questions = _questions_asked(tracker.latest_message.get("text") or "")
        if not questions or teaching_withheld(tracker):
            return []
        if any(ASKS_TO_START.search(question) for question in questions):
            # "she said it's muscular and fine to exercise. can we start now?": the plan.
            return send_plan(dispatcher, tracker, session)
        slugs, index = topic_index(session)
        topic = matched_topic(session, slugs, index.best(" ".join(questions)))
        if topic is not None:
            dispatcher.utter_message(text=topic_message(topic))
        return []


def _tell_clinician_level_signs(
    dispatcher: CollectingDispatcher, tracker: Tracker, session: Session
) -> None:
    """ "8 months of pain, physio, pills, an injection, nothing helps", read as a question about
    injections: the answer is followed by the see-a-clinician note its sign needs, as any topic's
    is (actions/education.py). An alarm's signs are told by the alarm's own replies."""
    send_red_flag_details(
        dispatcher, session, latest_entity_values(tracker, "red_flag"), {CLINICIAN_LEVEL}
    )


def _questions_asked(text: str) -> list[str]:
    """The sentences of a message that end in a question mark, in lower case."""
    return [part.strip().lower() for part in QUESTION_SENTENCE.findall(text)]


def _teaches_exercise(
    tracker: Tracker, session: Session, topic: EducationTopic, answer: str, withheld: str
) -> bool:
    """Whether answering would teach exercise after an alarm: an exercise named ("can I just
    do the frog stretch tonight"), an answer whose words name drills ("Drills for freer hips:
    90/90, frog squat...", sent after an urgent referral to "ok rang 111, they want me in at
    5"), or after an emergency any topic that leads to exercises."""
    if latest_entity_values(tracker, EXERCISE):
        return True
    if withheld == AFTER_EMERGENCY and topic.related_exercises:
        return True
    return names_an_exercise(session, answer)


def _will_not_be_checked_after_an_alarm(tracker: Tracker) -> bool:
    return (
        tracker.get_slot("triage") in ALARM_LEVELS
        and not tracker.get_slot("clinician_checked")
        and bool(latest_entity_values(tracker, NOT_CHECKED))
    )
