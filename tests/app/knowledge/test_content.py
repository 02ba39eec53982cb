"""The content itself: complete, sourced, and in plain language."""

from __future__ import annotations

import re
import statistics
from pathlib import Path

import pytest
import textstat

from actions.exercises import LEG_SYMPTOM_FLAGS
from backcare.knowledge.loader import Knowledge

ROOT = Path(__file__).resolve().parents[3]

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
        "cauda-equina-signs",
        "cancer-cord-compression",
        "sepsis-signs",
        "sudden-leg-weakness",
        "spinal-cord-compression",
        "blood-thinner-bleed",
        "pregnancy-bleeding-or-labour",
        "paracetamol-overdose",
        "spinal-infection-weak-legs",
    },
    "urgent": {
        "fall-on-blood-thinners",
        "fever-infection-signs",
        "cancer-history",
        "unexplained-weight-loss",
        "night-pain-unrelenting",
        "minor-fall-fragile-bones",
        "one-leg-numbness-weakness",
        "hip-night-pain-systemic",
        "severe-worsening-pain",
        "kidney-infection",
        "kidney-stone",
        "hot-swollen-calf",
        "shingles-rash",
        "thoracic-back-pain",
        "spinal-surgery-wound",
        "child-limp-hip-pain",
    },
    "see_clinician": {
        "pain-beyond-six-weeks",
        "severe-sciatica",
        "inflammatory-morning-stiffness",
        "hip-locking-clicking",
        "hip-pain-without-back-pain",
        "hinge-felt-in-lower-back",
        "worsening-disc-problem",
        "pregnancy-pelvic-pain",
        "new-pain-under-20-or-over-50",
        "low-mood-with-pain",
        "under-16-back-pain",
        "recent-back-or-hip-surgery",
        "known-spinal-fracture",
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

# The stop line every exercise carries, word for word.
LEG_STOP_LINE = "Pain, tingling or numbness spreads down your leg."
# Who is warned before which exercise (docs/clinical-content.md gives each one's source).
CAUTIONS = {
    "hip-replacement": {
        "ninety-ninety",
        "frog-squat",
        "curtsy-lunge",
        "hip-circles",
        "fire-hydrant",
    },
    "pregnancy": {"plank", "tfl-ball-release"},
    "blood-thinners": {"tfl-ball-release"},
    "active-back-injury": {"ninety-ninety", "frog-squat", "half-kneeling-hip-flexor-stretch"},
}
COACH_ONLY = {"deadlift", "kettlebell-swing"}
# The only progressions a source supports, and the source that does.
SOURCED_PROGRESSIONS = {
    ("wall-hip-hinge", "deadlift"): "seed-000",
    ("deadlift", "kettlebell-swing"): "seed-000",
    ("plank", "side-plank"): "seed-002",
}
# Wording that makes the back sound fragile, or claims a source does not make.
FEARFUL_PHRASES = [
    "built to stay",
    "more than it is built",
    "meant to stay steady",
    "the safe way",
    "back flat",
    "flat back",
    "rest can help",
    "sign to back off",
    "feel it in your lower back",
]
PAIN_GUIDE_TOPIC = "pain-during-exercise"
# The topics that answer what people ask beyond the seeds' exercises (issue 15): each carries the
# questions that find it.
QUESTION_TOPICS = {
    "scans-and-mri-words",
    "painkillers",
    "injections",
    "spine-surgery",
    "manual-therapy-and-chiropractic",
    "massage",
    "acupuncture",
    "tens",
    "belts-braces-corsets",
    "traction-and-inversion-tables",
    "heat-and-cold",
    "mattresses-and-sleep-positions",
    "posture-myth",
    "sitting-and-desk-work",
    "lifting",
    "work-and-sick-notes",
    "running-with-back-or-hip-pain",
    "gym-and-weights",
    "yoga-and-pilates",
    "swimming-and-cycling",
    "pregnancy-and-after-birth",
    "children-and-teenagers",
    "older-age-and-bone-health",
    "weight-smoking-sleep",
    "mood-and-stress-with-long-term-pain",
    "flare-up-plan",
    "core-stability-drills",
    "hip-mobility-drills",
    "how-often-to-exercise",
    "what-this-assistant-cannot-do",
}
MIN_TOPIC_QUESTIONS = 6
# A dose: a number (in digits or words) followed by a unit, a count of tablets or a frequency.
DOSE_PATTERN = re.compile(
    r"\b(?:\d+(?:[.,]\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"\s*-?\s*(?:mg|mcg|µg|g|ml|milligrams?|grams?|tablets?|pills?|capsules?|caplets?"
    r"|times (?:a|per) day|times daily|x (?:a|per) day)\b",
    re.IGNORECASE,
)


def readable_texts(knowledge: Knowledge) -> list[str]:
    texts: list[str] = []
    for e in knowledge.exercises:
        texts += [e.name, e.dose, *e.steps, *e.cues, *e.common_mistakes, *e.stop_if]
        texts += [caution.text for caution in e.cautions]
    for f in knowledge.red_flags:
        texts += [f.name, f.message, f.condition_plain]
    for t in knowledge.topics:
        texts += [t.title, t.summary, t.body]
    for r in knowledge.referrals:
        texts += [r.who, r.when, r.how]
    # Placeholders read as the short name they stand for.
    texts += [re.sub(r"\{[a-z_]+\}", "plank", m.text) for m in knowledge.messages]
    return texts


def teaching_texts(knowledge: Knowledge) -> list[str]:
    """What the exercise and language work owns: exercises, topics and the actions' phrases."""
    texts: list[str] = []
    for e in knowledge.exercises:
        texts += [e.name, *e.steps, *e.cues, *e.common_mistakes, *e.stop_if]
        texts += [caution.text for caution in e.cautions]
    texts += [text for t in knowledge.topics for text in (t.title, t.summary, t.body)]
    return texts + [m.text for m in knowledge.messages]


def test_every_exercise_the_sources_name_is_there(knowledge: Knowledge) -> None:
    assert {e.slug for e in knowledge.exercises} >= REQUIRED_EXERCISES


def test_heavy_lifts_are_coach_supervised_progressions_only(knowledge: Knowledge) -> None:
    coached = {e.slug for e in knowledge.exercises if e.supervision == "coach"}
    assert coached == COACH_ONLY
    by_slug = {e.slug: e for e in knowledge.exercises}
    assert all("coach" in by_slug[slug].dose for slug in COACH_ONLY)


def test_every_exercise_stops_when_symptoms_go_down_the_leg(knowledge: Knowledge) -> None:
    assert [e.slug for e in knowledge.exercises if LEG_STOP_LINE not in e.stop_if] == []


def test_feeling_the_muscles_work_is_no_reason_to_stop(knowledge: Knowledge) -> None:
    """Planks, bird dogs and Pallof presses work the back muscles: feeling them is not harm."""
    for exercise in knowledge.exercises:
        if exercise.purpose == "stability":
            assert not [line for line in exercise.stop_if if "lower back" in line.lower()]


def test_each_caution_is_on_exactly_the_exercises_that_need_it(knowledge: Knowledge) -> None:
    actual: dict[str, set[str]] = {about: set() for about in CAUTIONS}
    for exercise in knowledge.exercises:
        for caution in exercise.cautions:
            actual[caution.about].add(exercise.slug)
    assert actual == CAUTIONS


def test_progressions_are_only_those_a_source_supports(knowledge: Knowledge) -> None:
    by_slug = {e.slug: e for e in knowledge.exercises}
    for exercise in knowledge.exercises:
        if exercise.progression is None:
            continue
        source = SOURCED_PROGRESSIONS.get((exercise.slug, exercise.progression))
        assert source, f"{exercise.slug} -> {exercise.progression} has no source"
        assert source in exercise.sources and source in by_slug[exercise.progression].sources


def test_no_wording_makes_the_back_sound_fragile(knowledge: Knowledge) -> None:
    found = {
        (phrase, text)
        for text in teaching_texts(knowledge)
        for phrase in FEARFUL_PHRASES
        if phrase in text.lower()
    }
    assert found == set()


def test_the_pain_guide_and_the_adult_scope_are_said(knowledge: Knowledge) -> None:
    guide = next(t for t in knowledge.topics if t.slug == PAIN_GUIDE_TOPIC)
    assert "within a day" in guide.summary and LEG_STOP_LINE.split()[-3:] == [
        "down",
        "your",
        "leg.",
    ]
    assert "hurt does not always mean harm" in guide.summary.lower()
    assert "adults" in next(m.text for m in knowledge.messages if m.slug == "plan-intro")


def test_every_exercise_purpose_says_why_it_helps(knowledge: Knowledge) -> None:
    said = {m.slug for m in knowledge.messages}
    assert {f"why-{e.purpose}" for e in knowledge.exercises} <= said


def test_every_clinical_red_flag_is_there_with_its_urgency(knowledge: Knowledge) -> None:
    actual: dict[str, set[str]] = {}
    for flag in knowledge.red_flags:
        actual.setdefault(flag.urgency, set()).add(flag.slug)
    assert actual == RED_FLAGS_BY_URGENCY


def test_the_clinical_sign_off_document_lists_every_flag_and_check(knowledge: Knowledge) -> None:
    document = (ROOT / "docs" / "clinical-content.md").read_text()
    listed = [f.slug for f in knowledge.red_flags] + [c.slug for c in knowledge.sign_checks]
    assert [slug for slug in listed if f"`{slug}`" not in document] == []


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


def test_the_red_flags_that_mean_leg_pain_exist(knowledge: Knowledge) -> None:
    """The plan leaves hip stretches out after these flags; a renamed flag would go unnoticed."""
    assert {f.slug for f in knowledge.red_flags} >= LEG_SYMPTOM_FLAGS


@pytest.mark.parametrize(
    ("text", "is_dose"),
    [
        ("Take 400mg when you need it.", True),
        ("two tablets at a time", True),
        ("up to 4 times a day", True),
        ("1.5 g a day", True),
        ("10 ml of the liquid", True),
        ("Ask your pharmacist or GP, and read the leaflet.", False),
        ("Samaritans on 116 123 in the UK or 988 in the US", False),
        ("not getting better after about six weeks", False),
    ],
)
def test_the_dose_pattern_tells_a_dose(text: str, is_dose: bool) -> None:
    assert bool(DOSE_PATTERN.search(text)) is is_dose


def test_no_topic_gives_a_dose(knowledge: Knowledge) -> None:
    """A topic may say what NICE says about a medicine, never how much of it to take."""
    found = {
        (topic.slug, match.group(0))
        for topic in knowledge.topics
        for text in (topic.title, topic.summary, topic.body, *topic.questions)
        for match in DOSE_PATTERN.finditer(text)
    }
    assert found == set()


def test_every_question_topic_has_the_questions_that_find_it(knowledge: Knowledge) -> None:
    by_slug = {topic.slug: topic for topic in knowledge.topics}
    assert QUESTION_TOPICS - by_slug.keys() == set()
    too_few = {
        slug: len(by_slug[slug].questions)
        for slug in QUESTION_TOPICS
        if len({q.strip().lower() for q in by_slug[slug].questions}) < MIN_TOPIC_QUESTIONS
    }
    assert too_few == {}
