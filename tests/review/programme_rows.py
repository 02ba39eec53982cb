"""A person's programme written straight into a review database, for the review app's tests."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from backcare.database import make_engine
from backcare.programme.models import CheckIn, Person, Plan, PlanExercise, Reminder

DAY = dt.datetime(2026, 3, 2, 9, 0)


def give_programme(url: str, sender: str, concern: str | None, since_days: int) -> None:
    engine = make_engine(url)
    with Session(engine) as session, session.begin():
        session.add(Person(sender_id=sender, channel="rest", timezone="UTC", created_at=DAY))
        plan = Plan(sender_id=sender, started_at=DAY, level="beginner", answers={"pain_score": 4})
        plan.exercises.append(
            PlanExercise(
                position=1,
                ladder="bird-dog",
                step=1,
                exercise_slug="bird-dog",
                dose="2 sets of 6 slow reps on each side",
                easy_streak=0,
                times_down=0,
            )
        )
        plan.check_ins.append(
            CheckIn(
                at=DAY + dt.timedelta(days=since_days),
                pain=7,
                done="some",
                felt="hurt",
                said=["they hurt"],
                red_flags=[],
                changes=[],
            )
        )
        if concern:
            plan.concern, plan.concern_since = concern, DAY + dt.timedelta(days=since_days)
        session.add(plan)
        session.add(
            Reminder(
                sender_id=sender,
                minute_of_day=480,
                every_days=1,
                next_due_at=DAY,
                active=True,
                unseen=False,
            )
        )
    engine.dispose()
