"""The content itself: complete, sourced, and in plain language."""

from __future__ import annotations

import statistics

import textstat

from backcare.knowledge.loader import Knowledge

REQUIRED_EXERCISES = {
    "wall-hip-hinge",
    "plank",
    "side-plank",
    "bird-dog",
    "pallof-press",
    "ninety-ninety",
    "frog-squat",
    "fire-hydrant",
    "half-kneeling-hip-flexor-stretch",
    "curtsy-lunge",
    "hip-circles",
    "bodyweight-squat",
    "step-up",
    "tfl-ball-release",
    "deadlift",
    "kettlebell-swing",
}
RED_FLAGS_BY_URGENCY = {
    "emergency": {
        "saddle-numbness",
        "bladder-problems",
        "bowel-control-loss",
        "sexual-function-loss",
        "both-legs-symptoms",
        "worsening-leg-weakness",
        "major-injury",
        "sudden-severe-pain-fainting",
        "chest-pain-breathlessness",
        "hip-injury-or-hot-hip",
        "suicide-self-harm",
    },
    "urgent": {
        "fever-infection-signs",
        "cancer-history",
        "unexplained-weight-loss",
        "night-pain-unrelenting",
        "minor-fall-fragile-bones",
        "one-leg-numbness-weakness",
        "hip-night-pain-systemic",
    },
    "see_clinician": {
        "pain-beyond-six-weeks",
        "severe-sciatica",
        "inflammatory-morning-stiffness",
        "hip-locking-clicking",
        "hip-pain-without-back-pain",
        "hinge-felt-in-lower-back",
        "worsening-disc-problem",
    },
}
REQUIRED_TOPICS = {
    "joint-by-joint",
    "mobility-vs-flexibility",
    "dont-stretch-sore-back",
    "strength-before-flexibility",
    "hinge-basics",
    "pain-and-nervous-system",
    "when-to-see-someone",
}
MAX_GRADE = 8
MAX_MEDIAN_GRADE = 6


def readable_texts(knowledge: Knowledge) -> list[str]:
    texts: list[str] = []
    for e in knowledge.exercises:
        texts += [e.name, e.dose, *e.steps, *e.cues, *e.common_mistakes, *e.stop_if]
    for f in knowledge.red_flags:
        texts += [f.name, f.message, f.condition_plain]
    for t in knowledge.topics:
        texts += [t.title, t.summary, t.body]
    for r in knowledge.referrals:
        texts += [r.who, r.when, r.how]
    return texts


def test_every_exercise_the_sources_name_is_there(knowledge: Knowledge) -> None:
    assert {e.slug for e in knowledge.exercises} >= REQUIRED_EXERCISES


def test_heavy_lifts_are_coach_supervised_progressions_only(knowledge: Knowledge) -> None:
    by_slug = {e.slug: e for e in knowledge.exercises}
    for slug in ("deadlift", "kettlebell-swing"):
        assert by_slug[slug].supervision == "coach"
    assert all(
        e.supervision == "self"
        for s, e in by_slug.items()
        if s not in {"deadlift", "kettlebell-swing"}
    )


def test_every_clinical_red_flag_is_there_with_its_urgency(knowledge: Knowledge) -> None:
    actual: dict[str, set[str]] = {}
    for flag in knowledge.red_flags:
        actual.setdefault(flag.urgency, set()).add(flag.slug)
    assert actual == RED_FLAGS_BY_URGENCY


def test_every_red_flag_has_five_lay_phrasings(knowledge: Knowledge) -> None:
    assert all(len(flag.phrases) >= 5 for flag in knowledge.red_flags)


def test_required_education_topics(knowledge: Knowledge) -> None:
    assert {t.slug for t in knowledge.topics} >= REQUIRED_TOPICS


def test_every_item_keeps_its_source(knowledge: Knowledge) -> None:
    seeds = {s.id for s in knowledge.sources if s.kind == "article"}
    assert all(set(e.sources) & seeds for e in knowledge.exercises)
    assert all(f.sources for f in knowledge.red_flags)


def test_every_text_is_plain_language(knowledge: Knowledge) -> None:
    texts = readable_texts(knowledge)
    grades = {text: textstat.flesch_kincaid_grade(text) for text in texts}
    too_hard = {text: grade for text, grade in grades.items() if grade > MAX_GRADE}
    assert too_hard == {}
    assert statistics.median(grades.values()) <= MAX_MEDIAN_GRADE
