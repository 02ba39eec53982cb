"""A question about the exercise shown in the last reply gets its answer from the card."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.orm import Session

from actions.education import ActionExplainTopic
from actions.exercises import ActionAdjustExercise, ActionAnswerExercise
from actions.follow_ups import follow_up_asked
from actions.questions import ActionAnswerQuestion
from backcare.knowledge.models import Exercise
from tests.app.actions.conftest import DOMAIN, entity, texts, tracker


def after_card(slug: str, turns_ago: int = 0) -> list[dict[str, Any]]:
    """The events of a conversation whose card for `slug` was shown `turns_ago` replies back."""
    shown = [
        {"event": "user", "text": f"show me the {slug}"},
        {"event": "slot", "name": "current_exercise", "value": slug},
        {"event": "bot", "text": "the card"},
    ]
    later = [{"event": "user", "text": "ok"}, {"event": "bot", "text": "sure"}] * turns_ago
    return [*shown, *later]


def asked(intent: str, text: str, events: list[dict[str, Any]], **kwargs: Any) -> Tracker:
    latest = {"event": "user", "text": text}
    return tracker(intent, text, events=[*events, latest], **kwargs)


@pytest.mark.parametrize(
    ("text", "follow_up"),
    [
        ("what if my knee wont go down to the floor", "range"),
        ("is it ok if my knees click when i do it? doesn't hurt", "noise"),
        ("what if it hurts? (it doesnt rn lol)", "if-it-hurts"),
        ("how many should I do?", "dose"),
        ("can I do it on my bed", "in-bed"),
        ("cant get down to the floor these days, could i do it on the bed instead", "in-bed"),
        ("my wrists kill when im on my hands", "wrists"),
        ("my knees hurt kneeling on the floor", "kneeling"),
        ("both sides or just the tight one?", "sides"),
        ("how many each side", "dose"),
        ("my left knee is sore on the mat", "kneeling"),
        ("should i hold on to a chair", "support"),
        ("like a pulling stretch not a sharp pain", "stretch-feeling"),
        ("dont have a band or a gym tho", "equipment"),
        ("no cables at home, can i tie a band round a door handle?", "band-anchor"),
        ("it pulls a bit at the back of my legs, is that ok", "stretch-feeling"),
        ("can i do it every day?", "dose"),
        ("how long do i stay in it", "dose"),
        # asks for the easier version, which the card's own reading answers
        ("can i do it on my knees", None),
        ("how long will my back take to heal", None),
        ("thanks, that's great", None),
    ],
)
def test_the_question_is_read_by_its_cue(text: str, follow_up: str | None) -> None:
    found = follow_up_asked(text)
    assert (found.slug if found else None) == follow_up


async def test_a_range_question_after_the_card_gets_its_answer_not_a_plan(
    dispatcher: CollectingDispatcher,
) -> None:
    events = after_card("ninety-ninety")
    await ActionAnswerExercise().run(
        dispatcher,
        asked("ask_exercise", "what if my knee wont go down to the floor", events),
        DOMAIN,
    )
    assert len(dispatcher.messages) == 1
    assert "as far as is comfortable" in texts(dispatcher)[0]


async def test_an_unplaced_what_if_it_hurts_names_the_exercise_just_shown(
    dispatcher: CollectingDispatcher,
) -> None:
    events = after_card("bird-dog")
    await ActionAnswerQuestion().run(
        dispatcher, asked("nlu_fallback", "what if it hurts? (it doesnt rn lol)", events), DOMAIN
    )
    assert "bird dog" in texts(dispatcher)[0].lower()
    assert "stop" in texts(dispatcher)[0]


async def test_painless_clicks_read_as_hip_pain_get_the_noise_answer(
    dispatcher: CollectingDispatcher,
) -> None:
    events = after_card("wall-hip-hinge")
    text = "is it ok if my knees click when i do it? doesnt hurt"
    await ActionExplainTopic().run(dispatcher, asked("ask_hip_pain", text, events), DOMAIN)
    assert texts(dispatcher)[0].startswith("Clicks and pops with no pain")


async def test_the_dose_comes_from_the_card(dispatcher: CollectingDispatcher, db: Session) -> None:
    events = await ActionAnswerExercise().run(
        dispatcher, asked("ask_exercise", "how many reps?", after_card("bird-dog")), DOMAIN
    )
    # still the exercise just shown, for the next question about it
    assert events == [
        {"event": "slot", "timestamp": None, "name": "current_exercise", "value": "bird-dog"}
    ]
    card = db.get_one(Exercise, "bird-dog")
    assert len(dispatcher.messages) == 1
    assert texts(dispatcher)[0].startswith(f"For the {card.name.lower()}: {card.dose.lower()}.")


async def test_a_card_shown_earlier_is_no_longer_the_one_asked_about(
    dispatcher: CollectingDispatcher,
) -> None:
    events = after_card("bird-dog", turns_ago=1)
    await ActionAnswerQuestion().run(
        dispatcher, asked("nlu_fallback", "what if it hurts", events), DOMAIN
    )
    assert [m.get("response") for m in dispatcher.messages] == ["utter_clarify"]


async def test_another_exercise_named_is_not_a_follow_up(dispatcher: CollectingDispatcher) -> None:
    text = "how many side planks should I do?"
    await ActionAnswerExercise().run(
        dispatcher,
        tracker(
            "ask_exercise",
            text,
            [entity("exercise", "side plank")],
            events=[*after_card("bird-dog"), {"event": "user", "text": text}],
        ),
        DOMAIN,
    )
    assert texts(dispatcher)[0].startswith("Side plank")


async def test_after_an_emergency_a_follow_up_gets_the_hold_not_the_dose(
    dispatcher: CollectingDispatcher,
) -> None:
    events = after_card("bird-dog")
    await ActionAnswerExercise().run(
        dispatcher,
        asked("ask_exercise", "how many reps?", events, slots={"triage": "emergency"}),
        DOMAIN,
    )
    assert not any("sets of" in text for text in texts(dispatcher))
    assert dispatcher.messages


async def test_knees_that_hurt_kneeling_get_padding_not_a_swap(
    dispatcher: CollectingDispatcher,
) -> None:
    events = after_card("fire-hydrant")
    text = "my knees hurt kneeling on the floor"
    returned = await ActionAdjustExercise().run(
        dispatcher,
        asked("feedback_hurts", text, events, slots={"current_exercise": "fire-hydrant"}),
        DOMAIN,
    )
    assert len(dispatcher.messages) == 1
    assert "towel" in texts(dispatcher)[0]
    assert returned == [
        {"event": "slot", "timestamp": None, "name": "current_exercise", "value": "fire-hydrant"}
    ]


async def test_an_exercise_that_hurts_with_no_way_round_is_still_eased_off(
    dispatcher: CollectingDispatcher,
) -> None:
    events = after_card("fire-hydrant")
    await ActionAdjustExercise().run(
        dispatcher,
        asked(
            "feedback_hurts",
            "that hurts my hip",
            events,
            slots={"current_exercise": "fire-hydrant"},
        ),
        DOMAIN,
    )
    assert "stop" in texts(dispatcher)[0].lower()
