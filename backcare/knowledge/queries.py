"""Questions the custom actions ask of the knowledge base. Each takes a session and never commits."""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process
from sqlalchemy import select
from sqlalchemy.orm import Session

from backcare.knowledge.models import EducationTopic, Exercise, RedFlag, Referral

# Below this similarity a typed name is not taken as an exercise: "plank" vs "plans" is 80.
NAME_MATCH_THRESHOLD = 85


def _normalise(name: str) -> str:
    """'Bird-Dog', 'bird dog' and 'birddog' all become 'birddog'."""
    return re.sub(r"[^a-z0-9]", "", name.lower())


def find_exercise(session: Session, name: str) -> Exercise | None:
    """The exercise a person means by a name, alias or slug, tolerant of small typos."""
    wanted = _normalise(name)
    if not wanted:
        return None
    names: dict[str, Exercise] = {}
    for exercise in session.scalars(select(Exercise)):
        for candidate in (exercise.slug, exercise.name, *exercise.aliases):
            names.setdefault(_normalise(candidate), exercise)
    if wanted in names:
        return names[wanted]
    best = process.extractOne(wanted, names.keys(), scorer=fuzz.ratio, score_cutoff=NAME_MATCH_THRESHOLD)
    return names[best[0]] if best else None


def exercises_by(
    session: Session,
    *,
    purpose: str | None = None,
    region: str | None = None,
    level: str | None = None,
    self_guided_only: bool = True,
) -> list[Exercise]:
    """Exercises with the given purpose, region and level, easiest first."""
    query = select(Exercise)
    if purpose:
        query = query.where(Exercise.purpose == purpose)
    if region:
        query = query.where(Exercise.region == region)
    if level:
        query = query.where(Exercise.level == level)
    if self_guided_only:
        query = query.where(Exercise.supervision == "self")
    return sorted(session.scalars(query), key=lambda e: (LEVELS.index(e.level), e.slug))


LEVELS = ["beginner", "intermediate", "advanced"]


def education_topic(session: Session, slug: str) -> EducationTopic | None:
    return session.get(EducationTopic, slug)


def red_flag_with_referral(session: Session, slug: str) -> tuple[RedFlag, Referral] | None:
    flag = session.get(RedFlag, slug)
    return (flag, flag.referral) if flag else None


def referral(session: Session, slug: str) -> Referral | None:
    return session.get(Referral, slug)
