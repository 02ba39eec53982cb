"""Teach single exercises, the starter plan, and adjust a drill that is too easy or hurts."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.orm import Session

from actions.knowledge_action import (
    Events,
    KnowledgeAction,
    latest_entity_values,
    latest_intent,
    say,
)
from actions.parsing import duration_days, ordinal_position, pain_score
from actions.rendering import exercise_card, referral_line, topic_message
from backcare.knowledge.models import Exercise
from backcare.knowledge.queries import education_topic, find_exercise, referral
from backcare.knowledge.routine import build_routine, routine_level

PLAN_INTRO_TOPIC = "joint-by-joint"


def show_exercise(dispatcher: CollectingDispatcher, session: Session, exercise: Exercise) -> Events:
    dispatcher.utter_message(text=exercise_card(exercise))
    if exercise.supervision == "coach":
        say(dispatcher, session, "coach-only")
    return [SlotSet("current_exercise", exercise.slug)]


def send_plan(dispatcher: CollectingDispatcher, tracker: Tracker, session: Session) -> Events:
    """Why first (joint by joint), then the drills, adjusted to how long and how bad the pain is."""
    level = routine_level(
        pain_score(str(tracker.get_slot("pain_score") or "")),
        duration_days(str(tracker.get_slot("pain_duration") or "")),
    )
    routine = build_routine(session, level)
    intro = education_topic(session, PLAN_INTRO_TOPIC)
    if intro:
        dispatcher.utter_message(text=topic_message(intro))
    say(dispatcher, session, "plan-intro", drill_count=len(routine.drills))
    for position, drill in enumerate(routine.drills, start=1):
        dispatcher.utter_message(text=exercise_card(drill, position))
    say(dispatcher, session, "plan-followups")
    slugs = [drill.slug for drill in routine.drills]
    return [
        SlotSet("current_plan", slugs),
        SlotSet("current_exercise", slugs[0] if slugs else None),
    ]


def _plan_drill(tracker: Tracker, session: Session, position: int) -> Exercise | None:
    plan = tracker.get_slot("current_plan") or []
    if not plan or position > len(plan):
        return None
    return find_exercise(session, plan[position - 1 if position > 0 else -1])


class ActionAnswerExercise(KnowledgeAction):
    """ "How do I do a bird dog?", "how do I do the second one?", or, once screened, a plan.

    Rules send a plan request that comes before the screening to the screening form instead.
    """

    def name(self) -> str:
        return "action_answer_exercise"

    def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, session: Session
    ) -> Events:
        names = latest_entity_values(tracker, "exercise")
        if names:
            exercise = find_exercise(session, names[0])
            if exercise is None:
                say(dispatcher, session, "exercise-unknown")
                return []
            return show_exercise(dispatcher, session, exercise)
        position = ordinal_position(tracker.latest_message.get("text", ""))
        if position is not None:
            drill = _plan_drill(tracker, session, position)
            if drill is None:
                say(dispatcher, session, "no-current-exercise")
                return []
            return show_exercise(dispatcher, session, drill)
        return send_plan(dispatcher, tracker, session)


class ActionShowExercise(KnowledgeAction):
    """The exercise offered after an explanation, once the person said yes."""

    def name(self) -> str:
        return "action_show_exercise"

    def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, session: Session
    ) -> Events:
        slug = tracker.get_slot("offered_exercise")
        exercise = find_exercise(session, slug) if slug else None
        if exercise is None:
            say(dispatcher, session, "no-current-exercise")
            return []
        return show_exercise(dispatcher, session, exercise)


class ActionAdjustExercise(KnowledgeAction):
    """Too easy: the progression. It hurts: the regression, and when to see a physiotherapist."""

    def name(self) -> str:
        return "action_adjust_exercise"

    def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, session: Session
    ) -> Events:
        slug = tracker.get_slot("current_exercise")
        current = find_exercise(session, slug) if slug else None
        if current is None:
            say(dispatcher, session, "no-current-exercise")
            return []
        if latest_intent(tracker) == "feedback_hurts":
            physio = referral(session, "physiotherapist")
            say(dispatcher, session, "stop-if-hurts")
            if current.regression:
                say(dispatcher, session, "try-easier", exercise_name=current.regression.name)
                events = show_exercise(dispatcher, session, current.regression)
            else:
                events = []
            if physio:
                dispatcher.utter_message(text=referral_line(physio))
            return events
        if current.progression is None:
            say(dispatcher, session, "hardest-version")
            return []
        say(dispatcher, session, "try-harder", exercise_name=current.progression.name)
        return show_exercise(dispatcher, session, current.progression)
