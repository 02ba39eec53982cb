"""Questions the custom actions ask of the knowledge base.

Each takes a session and never commits.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from rapidfuzz.distance import DamerauLevenshtein
from sqlalchemy import select
from sqlalchemy.orm import Session

from backcare.knowledge.models import (
    EducationTopic,
    Exercise,
    Message,
    RedFlag,
    Referral,
    ScreeningQuestion,
    TopicQuestionCorrection,
)
from backcare.knowledge.read_cache import memo
from backcare.knowledge.topic_search import TopicIndex, index_for

# Typos allowed per name length: one slip ("plnak") in a short name, two in a long one.
SHORT_NAME_LENGTH = 4
LONG_NAME_LENGTH = 9


def _allowed_typos(name: str) -> int:
    if len(name) >= LONG_NAME_LENGTH:
        return 2
    return 1 if len(name) >= SHORT_NAME_LENGTH else 0


def _normalise(name: str) -> str:
    """'Bird-Dog', 'bird dog' and 'birddog' all become 'birddog'."""
    return re.sub(r"[^a-z0-9]", "", name.lower())


def find_exercise(session: Session, name: str) -> Exercise | None:
    """The exercise a person means by a name, alias or slug, tolerant of small typos."""
    wanted = _normalise(name)
    if not wanted:
        return None
    names = memo(session, "exercise_names", _exercise_names)
    if wanted in names:
        return session.get(Exercise, names[wanted])
    distance, closest = min((DamerauLevenshtein.distance(wanted, known), known) for known in names)
    return session.get(Exercise, names[closest]) if distance <= _allowed_typos(wanted) else None


def _exercise_names(session: Session) -> Mapping[str, str]:
    """Every exercise's slug, name and aliases, normalised, to its slug (the first one wins)."""
    names: dict[str, str] = {}
    for exercise in session.scalars(select(Exercise)):
        for candidate in (exercise.slug, exercise.name, *exercise.aliases):
            names.setdefault(_normalise(candidate), exercise.slug)
    return names


def names_an_exercise(session: Session, text: str) -> bool:
    """Whether `text` names an exercise by its name or an alias, as whole words."""
    return bool(memo(session, "exercise_name_pattern", _exercise_name_pattern).search(text.lower()))


def _exercise_name_pattern(session: Session) -> re.Pattern[str]:
    names = {
        name.lower()
        for exercise in session.scalars(select(Exercise))
        for name in (exercise.name, *exercise.aliases)
    }
    longest_first = sorted(names, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(name) for name in longest_first) + r")\b")


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


def topics_that_answer_questions(session: Session) -> list[EducationTopic]:
    """The topics with questions people ask (their own, or ones clinicians pointed to them),
    for the topic search."""
    corrected = set(
        session.scalars(
            select(TopicQuestionCorrection.topic_slug).where(
                TopicQuestionCorrection.topic_slug.is_not(None)
            )
        )
    )
    topics = session.scalars(select(EducationTopic).order_by(EducationTopic.slug))
    return [topic for topic in topics if topic.questions or topic.slug in corrected]


def topic_corrections(session: Session) -> list[TopicQuestionCorrection]:
    """The reviewed clinicians' corrections (data/knowledge/topic_corrections.yml)."""
    query = select(TopicQuestionCorrection).order_by(TopicQuestionCorrection.question)
    return list(session.scalars(query))


def topic_index(session: Session) -> tuple[tuple[str, ...], TopicIndex]:
    """The slugs of the topics that answer questions, and the search over them with the
    corrections. A match's topic is `education_topic(session, match.slug)`."""
    return memo(session, "topic_index", _topic_index)


def _topic_index(session: Session) -> tuple[tuple[str, ...], TopicIndex]:
    topics = topics_that_answer_questions(session)
    return tuple(t.slug for t in topics), index_for(topics, topic_corrections(session))


def red_flag_with_referral(session: Session, slug: str) -> tuple[RedFlag, Referral] | None:
    flag = session.get(RedFlag, slug)
    return (flag, flag.referral) if flag else None


def referral(session: Session, slug: str) -> Referral | None:
    return session.get(Referral, slug)


def message(session: Session, slug: str) -> Message | None:
    return session.get(Message, slug)


def screening_question(session: Session, slot: str) -> ScreeningQuestion | None:
    return session.get(ScreeningQuestion, slot)
