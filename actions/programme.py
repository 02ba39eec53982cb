"""The plan kept: "what's my plan?" on any day, and "how am I doing?" (check-ins, pain trend,
exercises done, week number and the weekly PEG), on the channel the person uses.

The text is the answer on every channel; the web page adds a small chart under it, from the
page server's /api/programme/<sender>/progress (web/public/programme.js). No custom payload is
sent: Rasa's socket.io channel passes a custom payload's keys to `emit` as arguments.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.orm import Session

from actions.knowledge_action import Events, KnowledgeAction, PhraseMissing, say
from actions.teaching_gate import withhold_teaching
from backcare.knowledge.models import Exercise
from backcare.knowledge.queries import message
from backcare.plan_page import DOCUMENT_NAME, plan_link
from backcare.programme import store
from backcare.programme.models import Plan

PLAN_DOCUMENT_TITLE = "Your Backbone plan"


def exercise_name(session: Session, slug: str) -> str:
    exercise = session.get(Exercise, slug)
    return exercise.name if exercise else slug


def phrase(session: Session, slug: str, **values: Any) -> str:
    found = message(session, slug)
    if found is None:
        raise PhraseMissing(slug)
    return found.text.format(**values)


def plan_lines(session: Session, plan: Plan) -> list[str]:
    return [
        phrase(
            session,
            "plan-drill",
            position=drill.position,
            exercise_name=exercise_name(session, drill.exercise_slug),
            dose=drill.dose,
        )
        for drill in plan.exercises
    ]


def offer_plan_to_keep(
    dispatcher: CollectingDispatcher, tracker: Tracker, session: Session, drills: list[str]
) -> None:
    """The plan as a page to print or keep: a link on the web, a document on Telegram."""
    phrase = message(session, "plan-keep")
    if phrase is None:
        raise PhraseMissing("plan-keep")
    dispatcher.utter_message(
        text=phrase.text,
        attachment={
            "type": "document",
            "payload": {
                "src": plan_link(tracker.sender_id, drills),
                "name": DOCUMENT_NAME,
                "title": PLAN_DOCUMENT_TITLE,
            },
        },
    )


class ActionShowPlan(KnowledgeAction):
    """ "What's my plan?": the kept plan at its current steps, or how to get one."""

    def name(self) -> str:
        return "action_show_plan"

    def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, session: Session
    ) -> Events:
        plan = store.plan_of(session, tracker.sender_id)
        if plan is None:
            say(dispatcher, session, "plan-none")
            return []
        if withhold_teaching(dispatcher, tracker):
            return []
        heading = phrase(
            session,
            "plan-heading",
            week=store.week_number(plan),
            started=plan.started_at.strftime("%-d %B %Y"),
        )
        dispatcher.utter_message(text="\n".join([heading, *plan_lines(session, plan)]))
        offer_plan_to_keep(
            dispatcher, tracker, session, [step.exercise_slug for step in plan.exercises]
        )
        say(dispatcher, session, "plan-footer")
        return []


def _trend(session: Session, first: int, latest: int) -> str:
    if latest < first:
        return phrase(session, "pain-trend-down")
    if latest > first:
        return phrase(session, "pain-trend-up")
    return phrase(session, "pain-trend-same")


def progress_text(session: Session, plan: Plan) -> str:
    week = store.week_number(plan)
    check_ins = plan.check_ins
    if not check_ins:
        return phrase(session, "progress-none", week=week)
    lines = [phrase(session, "progress-summary", week=week, count=len(check_ins))]
    pains = [c.pain for c in check_ins if c.pain is not None]
    if pains:
        lines.append(
            phrase(
                session,
                "progress-pain",
                scores=", ".join(str(p) for p in pains),
                first=pains[0],
                latest=pains[-1],
                trend=_trend(session, pains[0], pains[-1]),
            )
        )
    done = Counter(c.done for c in check_ins)
    lines.append(
        phrase(session, "progress-done", all=done["all"], some=done["some"], none=done["none"])
    )
    if plan.outcomes:
        scores = ", ".join(f"{o.score:g}" for o in plan.outcomes)
        lines.append(phrase(session, "progress-outcome", scores=scores))
    return "\n".join(lines)


class ActionShowProgress(KnowledgeAction):
    """ "How am I doing?": check-ins, the pain trend, exercises done, week number and PEG."""

    def name(self) -> str:
        return "action_show_progress"

    def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, session: Session
    ) -> Events:
        plan = store.plan_of(session, tracker.sender_id)
        if plan is None:
            say(dispatcher, session, "plan-none")
            return []
        text = progress_text(session, plan)
        found = None if plan.check_ins else message(session, "progress-none")
        dispatcher.utter_message(text=text, buttons=(found.buttons if found else None))
        return []


def keep_plan(session: Session, tracker: Tracker, level: str, drills: list[Exercise]) -> None:
    """Store the plan just sent, with the answers it was built from, and commit."""
    answers = {
        slot: tracker.get_slot(slot)
        for slot in ("pain_area", "pain_duration", "leg_pain", "pain_score")
        if tracker.get_slot(slot) is not None
    }
    store.save_plan(
        session, tracker.sender_id, tracker.get_latest_input_channel(), level, drills, answers
    )
    session.commit()
