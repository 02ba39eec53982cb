"""A story that ends by asking whether to keep doing an activity is read as that question."""

from __future__ import annotations

import pytest
import yaml
from rasa.shared.nlu.training_data.message import Message

from bot_extensions.activity_question import ActivityQuestion
from tests.bot.conftest import ROOT


def _configured(question_intent: str) -> ActivityQuestion:
    """The reading in config.yml that becomes `question_intent`, configured exactly as there."""
    pipeline = yaml.safe_load((ROOT / "config.yml").read_text())["pipeline"]
    config = next(
        c
        for c in pipeline
        if c["name"].endswith("activity_question.ActivityQuestion")
        and c["question_intent"] == question_intent
    )
    return ActivityQuestion({k: v for k, v in config.items() if k != "name"})


@pytest.fixture(scope="module")
def question() -> ActivityQuestion:
    return _configured("ask_exercise_safety")


def _read(question: ActivityQuestion, text: str, first: str) -> Message:
    ranking = [
        {"name": first, "confidence": 0.5},
        {"name": "ask_exercise_safety", "confidence": 0.2},
        {"name": "ask_exercise", "confidence": 0.1},
    ]
    message = Message(data={"text": text, "intent": ranking[0], "intent_ranking": ranking})
    question.process([message])
    return message


@pytest.mark.parametrize(
    ("story", "first"),
    [
        (
            "Knee surgery two years back, and since the spring my left hip has been grumbling "
            "after tennis. The club coach says rest it. Am I wrecking it? Can I play tennis on it?",
            "ask_hip_pain",
        ),
        (
            "Disc trouble at L5, the leg pain is mostly gone now. My trainer wants me back on the "
            "bar. how long till i can deadlift again",
            "ask_sciatica",
        ),
        (
            "back is sore every morning lately. is it okay to go to the gym like this",
            "nlu_fallback",
        ),
    ],
)
def test_a_story_asking_whether_to_keep_an_activity_asks_about_safety(
    question: ActivityQuestion, story: str, first: str
) -> None:
    message = _read(question, story, first)
    assert message.get("intent") == {"name": "ask_exercise_safety", "confidence": 0.5}
    names = [r["name"] for r in message.get("intent_ranking")]
    assert names[0] == "ask_exercise_safety"
    assert names.count("ask_exercise_safety") == 1
    assert first in names


@pytest.mark.parametrize(
    ("story", "first"),
    [
        # The activity is in the story; the question asks something else.
        (
            "I was out running on Sunday and my hip started clicking. Can I ask what a click "
            "means? Is it arthritis?",
            "ask_hip_pain",
        ),
        # Not a question about doing it: "keep" and the activity in different clauses.
        ("My back hurts when I sit. I keep thinking. Running is out anyway", "ask_pain_cause"),
        # An exercise request or a red flag keeps its reading.
        ("can i have some exercises for running", "ask_exercise"),
        ("i fell off my bike and cant feel my legs, can i cycle home", "report_red_flag"),
    ],
)
def test_other_questions_and_readings_are_kept(
    question: ActivityQuestion, story: str, first: str
) -> None:
    message = _read(question, story, first)
    assert message.get("intent")["name"] == first


def test_an_earlier_question_is_not_the_one_asked(question: ActivityQuestion) -> None:
    story = (
        "Should I run the half in May? That was my plan in January. Since then my lower back "
        "aches every evening. Why would it ache at night? What causes that? Is it my mattress?"
    )
    assert _read(question, story, "ask_pain_cause").get("intent")["name"] == "ask_pain_cause"


def test_it_needs_its_words() -> None:
    with pytest.raises(ValueError, match="ActivityQuestion needs"):
        ActivityQuestion(ActivityQuestion.get_default_config())


@pytest.fixture(scope="module")
def exercise_question() -> ActivityQuestion:
    """A story the classifier cannot place that asks for exercises."""
    return _configured("ask_exercise")


def test_an_unplaced_story_asking_for_exercises_gets_them(
    exercise_question: ActivityQuestion,
) -> None:
    story = (
        "Had an operation on my back years ago, fine since. This week it's been achy after "
        "carrying boxes up to the loft. Which stretches are good?"
    )
    assert _read(exercise_question, story, "nlu_fallback").get("intent")["name"] == "ask_exercise"


@pytest.mark.parametrize(
    "story",
    [
        "ok I make appointment with GP. meanwhile what I can do, something gentle?",
        "the physio cant see me till next month. what can i do till then?",
    ],
)
def test_an_unplaced_story_asking_what_to_do_meanwhile_gets_exercises(
    exercise_question: ActivityQuestion, story: str
) -> None:
    assert _read(exercise_question, story, "nlu_fallback").get("intent")["name"] == "ask_exercise"


def test_a_placed_reading_keeps_its_question(exercise_question: ActivityQuestion) -> None:
    story = "My lower back aches after work. What exercises help?"
    assert _read(exercise_question, story, "ask_pain_cause").get("intent")["name"] == (
        "ask_pain_cause"
    )


@pytest.mark.parametrize(
    ("story", "kept"),
    [
        (
            "my sister had a tumour on her spine last year so now every twinge scares me. mine is "
            "a stiff lower back from the garden, nothing else. what signs should i look out for?",
            False,
        ),
        # a question about watching something else keeps the story's reading
        ("my back aches after gardening. what should i do about it?", True),
    ],
)
def test_a_story_ending_in_what_to_watch_out_for_asks_for_the_warning_signs(
    story: str, kept: bool
) -> None:
    message = _read(_configured("ask_warning_signs"), story, "ask_pain_cause")
    assert (message.get("intent")["name"] == "ask_pain_cause") is kept
    if not kept:
        assert message.get("intent")["name"] == "ask_warning_signs"
