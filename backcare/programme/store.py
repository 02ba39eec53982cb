"""Questions and writes about a person's programme. Each takes a session and never commits."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from backcare.knowledge.models import Exercise
from backcare.programme import clock
from backcare.programme.models import CheckIn, Outcome, Person, Plan, PlanExercise
from backcare.programme.rules import ladder_of, programme_settings


def person(session: Session, sender_id: str, channel: str | None = None) -> Person:
    """The person, created on first use; the channel they used last is remembered."""
    found = session.get(Person, sender_id)
    if found is None:
        found = Person(sender_id=sender_id, channel=channel or "rest", created_at=clock.now())
        session.add(found)
    elif channel and found.channel != channel:
        found.channel = channel
    return found


def plan_of(session: Session, sender_id: str) -> Plan | None:
    return session.scalars(select(Plan).where(Plan.sender_id == sender_id)).first()


def save_plan(
    session: Session,
    sender_id: str,
    channel: str | None,
    level: str,
    drills: list[Exercise],
    answers: dict[str, Any],
) -> Plan:
    """Keep the plan just given; a new plan replaces the person's earlier one and its history."""
    owner = person(session, sender_id, channel)
    earlier = plan_of(session, sender_id)
    if earlier is not None:
        session.delete(earlier)
        session.flush()
    plan = Plan(sender_id=owner.sender_id, started_at=clock.now(), level=level, answers=answers)
    for position, drill in enumerate(drills, start=1):
        ladder = ladder_of(drill.slug)
        if ladder is None:
            row = PlanExercise(
                position=position,
                ladder=drill.slug,
                step=0,
                exercise_slug=drill.slug,
                dose=drill.dose,
            )
        else:
            step = ladder.steps[ladder.start]
            row = PlanExercise(
                position=position,
                ladder=ladder.exercise,
                step=ladder.start,
                exercise_slug=step.exercise,
                dose=step.dose,
            )
        row.easy_streak = 0
        row.times_down = 0
        plan.exercises.append(row)
    session.add(plan)
    session.flush()
    return plan


def last_check_in(plan: Plan) -> CheckIn | None:
    return plan.check_ins[-1] if plan.check_ins else None


def outcome_due(plan: Plan, now: dt.datetime | None = None) -> bool:
    """PEG is asked at the start and again once the last answers are a week old."""
    if not plan.outcomes:
        return True
    every = dt.timedelta(days=programme_settings().outcome.every_days)
    return (now or clock.now()) - plan.outcomes[-1].at >= every


def add_outcome(session: Session, plan: Plan, pain: int, enjoyment: int, activity: int) -> None:
    plan.outcomes.append(Outcome(at=clock.now(), pain=pain, enjoyment=enjoyment, activity=activity))
    session.flush()


def week_number(plan: Plan, now: dt.datetime | None = None) -> int:
    return ((now or clock.now()) - plan.started_at).days // 7 + 1


def concern_queue(session: Session) -> list[Plan]:
    """People whose pain is getting worse or who told a new symptom, the longest waiting first."""
    return list(
        session.scalars(
            select(Plan).where(Plan.concern_since.is_not(None)).order_by(Plan.concern_since)
        )
    )


def erase_person(session: Session, sender_id: str) -> None:
    """The plan, check-ins, outcome answers and reminders of one person (right to erasure)."""
    found = session.get(Person, sender_id)
    if found is not None:
        session.delete(found)
        session.flush()
