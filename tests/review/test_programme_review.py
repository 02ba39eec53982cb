"""The review app's view of the programme: a person's plan, check-ins and PEG on their
conversation, the queue of people whose pain is getting worse or who told a new symptom
(oldest first), and erasure taking the programme with the conversation."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from backcare.database import make_engine
from backcare.programme import clock, store
from backcare.programme.models import CheckIn, Person, Plan, PlanExercise, Reminder
from tests.review.conftest import ADMIN, CLINICIAN, ClientFactory, Databases, csrf_of, page_text
from tests.review.test_real_conversations import conversation_id

pytestmark = pytest.mark.integration
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


def test_the_queue_lists_worsening_people_oldest_first_and_the_transcript_shows_the_plan(
    bot_databases: Databases, bot_client_for: ClientFactory
) -> None:
    give_programme(bot_databases.app_url, "bot-back-pain", "pain getting worse (now 7/10)", 3)
    give_programme(bot_databases.app_url, "bot-red-flag", "new symptom: bladder-problems", 1)
    give_programme(bot_databases.app_url, "bot-contact", None, 2)
    clinician = bot_client_for(CLINICIAN)
    queue = page_text(clinician.get("/programme/queue").text)
    assert queue.index("new symptom: bladder-problems") < queue.index("pain getting worse")
    assert "bot-contact" not in queue and "Conversation" in queue

    page = page_text(
        clinician.get(f"/conversations/{conversation_id(clinician, 'bot-back-pain')}").text
    )
    assert "Programme" in page and "bird-dog" in page and "2 sets of 6 slow reps" in page
    assert "2026-03-05 09:00 7 some hurt" in page


def test_erasing_a_conversation_erases_the_programme(
    bot_databases: Databases, bot_client_for: ClientFactory
) -> None:
    give_programme(bot_databases.app_url, "bot-erase-me", "pain getting worse", 1)
    give_programme(bot_databases.app_url, "bot-back-pain", None, 1)
    admin = bot_client_for(ADMIN)
    number = conversation_id(admin, "bot-erase-me")
    token = csrf_of(admin.get(f"/conversations/{number}").text)
    done = admin.post(
        f"/admin/conversations/{number}/delete",
        data={"csrf_token": token, "confirm": "bot-erase-me"},
        follow_redirects=False,
    )
    assert done.status_code == 303
    engine = make_engine(bot_databases.app_url)
    with Session(engine) as session:
        for model in (Person, Plan, PlanExercise, CheckIn, Reminder):
            assert session.scalar(select(func.count()).select_from(model)) > 0
        assert store.plan_of(session, "bot-erase-me") is None
        assert session.get(Person, "bot-erase-me") is None
        assert not session.scalars(
            select(Reminder).where(Reminder.sender_id == "bot-erase-me")
        ).all()
        assert store.plan_of(session, "bot-back-pain") is not None
    engine.dispose()
    assert clock.now() > DAY
