"""The questions the actions ask, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from backcare.knowledge.queries import (
    education_topic,
    exercises_by,
    find_exercise,
    red_flag_with_referral,
)
from backcare.knowledge.routine import (
    build_routine,
    hip_stretches_suit,
    is_hinge_drill,
    is_hip_stretch,
    routine_level,
)


@pytest.mark.parametrize(
    ("typed", "slug"),
    [
        ("bird-dog", "bird-dog"),
        ("birddog", "bird-dog"),
        ("Bird Dog", "bird-dog"),
        ("pallof", "pallof-press"),
        ("PALLOF PRESS", "pallof-press"),
        ("plnak", "plank"),
        ("side plank", "side-plank"),
        ("90/90", "ninety-ninety"),
        ("hip hinge", "wall-hip-hinge"),
        ("fire hydrants", "fire-hydrant"),
        ("frog squats", "frog-squat"),
    ],
)
def test_find_exercise_by_name_alias_or_typo(session: Session, typed: str, slug: str) -> None:
    found = find_exercise(session, typed)
    assert found is not None and found.slug == slug


@pytest.mark.parametrize("typed", ["pizza", "", "   ", "knee surgery"])
def test_find_exercise_refuses_what_is_not_an_exercise(session: Session, typed: str) -> None:
    assert find_exercise(session, typed) is None


def test_exercises_by_purpose_region_and_level(session: Session) -> None:
    stability = exercises_by(session, purpose="stability")
    assert {"plank", "side-plank", "bird-dog", "pallof-press"} <= {e.slug for e in stability}
    assert all(e.purpose == "stability" for e in stability)
    hips = exercises_by(session, purpose="mobility", region="hips", level="beginner")
    assert hips and all((e.region, e.level) == ("hips", "beginner") for e in hips)


def test_coach_only_lifts_are_left_out_of_self_guided_lists(session: Session) -> None:
    assert "deadlift" not in {e.slug for e in exercises_by(session)}
    assert "deadlift" in {e.slug for e in exercises_by(session, self_guided_only=False)}


@pytest.mark.parametrize("level", ["beginner", "intermediate"])
def test_routine_is_hinge_then_two_stability_then_hip_mobility(
    session: Session, level: str
) -> None:
    routine = build_routine(session, level)
    hinge, *stability, mobility = routine.drills
    assert is_hinge_drill(hinge)
    assert [d.purpose for d in stability] == ["stability", "stability"]
    assert (mobility.purpose, mobility.region) == ("mobility", "hips")
    levels = ["beginner", "intermediate", "advanced"]
    assert all(levels.index(d.level) <= levels.index(level) for d in routine.drills)
    assert all(d.supervision == "self" for d in routine.drills)


@pytest.mark.parametrize("level", ["beginner", "intermediate"])
def test_routine_without_hip_stretches_keeps_the_hinge_and_stability(
    session: Session, level: str
) -> None:
    routine = build_routine(session, level, hip_stretches=False)
    assert routine.hip_stretches_left_out
    assert [d.purpose for d in routine.drills] == ["strength", "stability", "stability"]
    assert not [d for d in routine.drills if is_hip_stretch(d)]


def test_the_routine_prefers_the_stability_drill_most_sources_recommend(session: Session) -> None:
    assert build_routine(session, "beginner").drills[1].slug == "plank"


@pytest.mark.parametrize(
    ("score", "leg_symptoms", "suits"),
    [
        (None, False, True),
        (4, False, True),
        (6, False, True),
        (7, False, False),
        (10, False, False),
        (2, True, False),
        (None, True, False),
    ],
)
def test_hip_stretches_suit_only_without_strong_or_leg_pain(
    score: int | None, leg_symptoms: bool, suits: bool
) -> None:
    assert hip_stretches_suit(score, leg_symptoms) is suits


@pytest.mark.parametrize(
    ("score", "days", "level"),
    [
        (8, 60, "beginner"),
        (3, 5, "beginner"),
        (2, 90, "intermediate"),
        (None, None, "beginner"),
        (5, 30, "beginner"),
    ],
)
def test_routine_level_follows_pain_and_duration(score, days, level) -> None:  # type: ignore[no-untyped-def]
    assert routine_level(score, days) == level


def test_red_flag_lookup_comes_with_its_referral(session: Session) -> None:
    flag, referral = red_flag_with_referral(session, "saddle-numbness")  # type: ignore[misc]
    assert flag.urgency == "emergency"
    assert referral.slug == "emergency-services"
    assert red_flag_with_referral(session, "no-such-flag") is None


def test_education_topic_by_slug(session: Session) -> None:
    topic = education_topic(session, "joint-by-joint")
    assert topic is not None and "hip" in topic.body.lower()
