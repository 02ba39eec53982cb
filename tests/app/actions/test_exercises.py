from __future__ import annotations

from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.orm import Session

from actions.exercises import ActionAdjustExercise, ActionAnswerExercise, ActionShowExercise
from backcare.knowledge.models import Exercise, Message, Referral
from tests.app.actions.conftest import DOMAIN, entity, texts, tracker


async def test_offered_exercise_is_shown_step_by_step(
    dispatcher: CollectingDispatcher, db: Session
) -> None:
    events = await ActionShowExercise().run(
        dispatcher, tracker("affirm", "yes", slots={"offered_exercise": "wall-hip-hinge"}), DOMAIN
    )
    hinge = db.get_one(Exercise, "wall-hip-hinge")
    card = texts(dispatcher)[0]
    for number, step in enumerate(hinge.steps, start=1):
        assert f"{number}. {step}" in card
    assert all(line in card for line in hinge.stop_if)
    assert events == [SlotSet("current_exercise", "wall-hip-hinge")]


async def test_a_named_exercise_is_found_despite_spelling(dispatcher: CollectingDispatcher) -> None:
    events = await ActionAnswerExercise().run(
        dispatcher,
        tracker("ask_exercise", "how do i do a birddog", [entity("exercise", "birddog")]),
        DOMAIN,
    )
    assert texts(dispatcher)[0].startswith("Bird dog")
    assert events == [SlotSet("current_exercise", "bird-dog")]


async def test_an_unknown_exercise_says_which_ones_it_knows(
    dispatcher: CollectingDispatcher, db: Session
) -> None:
    events = await ActionAnswerExercise().run(
        dispatcher,
        tracker("ask_exercise", "how do i do a moonwalk", [entity("exercise", "moonwalk")]),
        DOMAIN,
    )
    assert texts(dispatcher) == [db.get_one(Message, "exercise-unknown").text]
    assert events == []


async def test_the_second_one_means_the_plans_second_drill(
    dispatcher: CollectingDispatcher,
) -> None:
    plan = ["wall-hip-hinge", "bird-dog", "plank", "fire-hydrant"]
    events = await ActionAnswerExercise().run(
        dispatcher,
        tracker("ask_exercise", "how do I do the second one?", slots={"current_plan": plan}),
        DOMAIN,
    )
    assert events == [SlotSet("current_exercise", "bird-dog")]


async def test_a_plan_after_screening_is_hinge_stability_mobility(
    dispatcher: CollectingDispatcher,
) -> None:
    slots = {"screened": True, "pain_score": "4", "pain_duration": "3 weeks"}
    events = await ActionAnswerExercise().run(
        dispatcher, tracker("ask_exercise", "give me a routine", slots=slots), DOMAIN
    )
    plan = events[0]["value"]
    assert events[0]["name"] == "current_plan" and len(plan) == 4
    assert plan[0] == "wall-hip-hinge"
    assert events[1] == SlotSet("current_exercise", "wall-hip-hinge")
    assert any(text.startswith("1. Wall hip hinge") for text in texts(dispatcher))


async def test_too_easy_moves_to_the_progression(
    dispatcher: CollectingDispatcher, db: Session
) -> None:
    current = db.get_one(Exercise, "bird-dog")
    assert current.progression is not None
    events = await ActionAdjustExercise().run(
        dispatcher,
        tracker("feedback_too_easy", "too easy", slots={"current_exercise": "bird-dog"}),
        DOMAIN,
    )
    assert events == [SlotSet("current_exercise", current.progression.slug)]


async def test_that_hurts_regresses_and_names_the_physiotherapist(
    dispatcher: CollectingDispatcher, db: Session
) -> None:
    current = db.get_one(Exercise, "plank")
    physio = db.get_one(Referral, "physiotherapist")
    events = await ActionAdjustExercise().run(
        dispatcher,
        tracker("feedback_hurts", "that hurts", slots={"current_exercise": "plank"}),
        DOMAIN,
    )
    said = texts(dispatcher)
    assert said[0] == db.get_one(Message, "stop-if-hurts").text
    assert any(physio.who in text for text in said)
    assert events == (
        [SlotSet("current_exercise", current.regression.slug)] if current.regression else []
    )


async def test_feedback_without_a_current_exercise_asks_which(
    dispatcher: CollectingDispatcher, db: Session
) -> None:
    assert (
        await ActionAdjustExercise().run(dispatcher, tracker("feedback_hurts", "ouch"), DOMAIN)
        == []
    )
    assert texts(dispatcher) == [db.get_one(Message, "no-current-exercise").text]
