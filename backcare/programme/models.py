"""SQL tables of a person's programme: the plan kept, its exercises, check-ins, the outcome
measure (PEG) and reminders. A person is the conversation's sender id; times are naive UTC."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Integer, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backcare.knowledge.models import Base


class Person(Base):
    __tablename__ = "programme_people"

    sender_id: Mapped[str] = mapped_column(String(255), primary_key=True)
    # The channel the person last used (rest, socketio, telegram): where reminders go.
    channel: Mapped[str] = mapped_column(String(32))
    # An IANA name ("Europe/London"), asked once when the first reminder is set.
    timezone: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)

    plan: Mapped[Plan | None] = relationship(
        back_populates="person", cascade="all, delete-orphan", passive_deletes=True
    )
    reminders: Mapped[list[Reminder]] = relationship(
        back_populates="person",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Reminder.id",
    )


class Plan(Base):
    __tablename__ = "programme_plans"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sender_id: Mapped[str] = mapped_column(
        ForeignKey("programme_people.sender_id", ondelete="CASCADE"), unique=True
    )
    started_at: Mapped[dt.datetime] = mapped_column(DateTime)
    level: Mapped[str] = mapped_column(String(16))
    # The screening answers it was built from: pain_area, pain_duration, leg_pain, pain_score.
    answers: Mapped[dict[str, Any]] = mapped_column(JSON)
    # Set by a worrying check-in (pain getting worse, a new symptom) for the clinicians' queue.
    concern: Mapped[str | None] = mapped_column(Text)
    concern_since: Mapped[dt.datetime | None] = mapped_column(DateTime, index=True)
    physio_advised: Mapped[bool] = mapped_column(Boolean, server_default=false())

    person: Mapped[Person] = relationship(back_populates="plan")
    exercises: Mapped[list[PlanExercise]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="PlanExercise.position"
    )
    check_ins: Mapped[list[CheckIn]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="CheckIn.at"
    )
    outcomes: Mapped[list[Outcome]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="Outcome.at"
    )


class PlanExercise(Base):
    """One drill of the plan: which ladder (data/knowledge/programme.yml) and which step of it."""

    __tablename__ = "programme_exercises"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("programme_plans.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    ladder: Mapped[str] = mapped_column(String(64))
    step: Mapped[int] = mapped_column(Integer)
    exercise_slug: Mapped[str] = mapped_column(String(64))
    dose: Mapped[str] = mapped_column(Text)
    # Check-ins in a row with this drill easy and pain not worse.
    easy_streak: Mapped[int] = mapped_column(Integer, server_default="0")
    # Times it was moved down; at the rule's number, a physiotherapist is advised.
    times_down: Mapped[int] = mapped_column(Integer, server_default="0")


class CheckIn(Base):
    __tablename__ = "programme_check_ins"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(
        ForeignKey("programme_plans.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    pain: Mapped[int | None] = mapped_column(Integer)
    # all, some or none
    done: Mapped[str | None] = mapped_column(String(8))
    # easy, fine or hurt
    felt: Mapped[str | None] = mapped_column(String(8))
    # What the person wrote, as typed, for the clinicians.
    said: Mapped[list[str]] = mapped_column(JSON, server_default="[]")
    # Red flags raised during the check-in (slugs).
    red_flags: Mapped[list[str]] = mapped_column(JSON, server_default="[]")
    # What the rules changed: [{"exercise": slug, "change": "up" | "down" | "physio", ...}]
    changes: Mapped[list[dict[str, Any]]] = mapped_column(JSON, server_default="[]")


class Outcome(Base):
    """PEG: pain, enjoyment of life and general activity, each 0-10 (higher is worse)."""

    __tablename__ = "programme_outcomes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(
        ForeignKey("programme_plans.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    pain: Mapped[int] = mapped_column(Integer)
    enjoyment: Mapped[int] = mapped_column(Integer)
    activity: Mapped[int] = mapped_column(Integer)

    @property
    def score(self) -> float:
        return round((self.pain + self.enjoyment + self.activity) / 3, 1)


class Reminder(Base):
    __tablename__ = "programme_reminders"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sender_id: Mapped[str] = mapped_column(
        ForeignKey("programme_people.sender_id", ondelete="CASCADE"), index=True
    )
    # Local time of day in minutes after midnight, in the person's time zone.
    minute_of_day: Mapped[int] = mapped_column(Integer)
    every_days: Mapped[int] = mapped_column(Integer)
    next_due_at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    active: Mapped[bool] = mapped_column(Boolean, index=True)
    last_sent_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    # Sent but not yet seen on a channel with no push (the web page shows it on return).
    unseen: Mapped[bool] = mapped_column(Boolean, server_default=false())

    person: Mapped[Person] = relationship(back_populates="reminders")
