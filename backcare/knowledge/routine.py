"""A short starter routine: one hinge drill, two stability drills, one hip-mobility drill.

With strong pain or pain down a leg, the hip-mobility drill is left out: hip stretching can stir
up a back injury that is still sore, so strength comes first (source article 003).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from backcare.knowledge.models import Exercise
from backcare.knowledge.queries import LEVELS, exercises_by

# Pain this bad, or this new, calls for the gentlest versions only.
SEVERE_PAIN_SCORE = 7
RECENT_PAIN_DAYS = 14
# Long-standing, mild pain can take the next level up.
SETTLED_PAIN_DAYS = 42
MILD_PAIN_SCORE = 3
# Pain this bad, or any pain down a leg, leaves the hip stretches out.
HIP_STRETCH_PAIN_LIMIT = SEVERE_PAIN_SCORE


@dataclass(frozen=True)
class Routine:
    level: str
    drills: list[Exercise]
    hip_stretches_left_out: bool = False


def routine_level(pain_score: int | None, duration_days: int | None) -> str:
    if (pain_score is not None and pain_score >= SEVERE_PAIN_SCORE) or (
        duration_days is not None and duration_days < RECENT_PAIN_DAYS
    ):
        return "beginner"
    if (
        pain_score is not None
        and pain_score <= MILD_PAIN_SCORE
        and duration_days is not None
        and duration_days >= SETTLED_PAIN_DAYS
    ):
        return "intermediate"
    return "beginner"


def hip_stretches_suit(pain_score: int | None, leg_symptoms: bool) -> bool:
    """Whether the plan may hold a hip stretch: not with strong pain or pain down a leg."""
    return not leg_symptoms and (pain_score is None or pain_score < HIP_STRETCH_PAIN_LIMIT)


def is_hinge_drill(exercise: Exercise) -> bool:
    return "hinge" in exercise.slug or any("hinge" in alias for alias in exercise.aliases)


def is_hip_stretch(exercise: Exercise) -> bool:
    return (exercise.purpose, exercise.region) == ("mobility", "hips")


def _closest_to_level(exercises: list[Exercise], level: str, count: int) -> list[Exercise]:
    """The `count` drills nearest below or at `level`, hardest allowed first.

    At the same level, a drill more sources recommend comes first.
    """
    ceiling = LEVELS.index(level)
    allowed = [e for e in exercises if LEVELS.index(e.level) <= ceiling]
    allowed.sort(key=lambda e: (ceiling - LEVELS.index(e.level), -len(e.sources), e.slug))
    return allowed[:count]


def build_routine(session: Session, level: str, *, hip_stretches: bool = True) -> Routine:
    hinge = [e for e in exercises_by(session, purpose="strength") if is_hinge_drill(e)]
    hinge += [e for e in exercises_by(session) if is_hinge_drill(e) and e not in hinge]
    stability = exercises_by(session, purpose="stability")
    hip_mobility = [e for e in exercises_by(session) if is_hip_stretch(e)]
    drills = _closest_to_level(hinge, level, 1) + _closest_to_level(stability, level, 2)
    if hip_stretches:
        drills += _closest_to_level(hip_mobility, level, 1)
    return Routine(level=level, drills=drills, hip_stretches_left_out=not hip_stretches)
