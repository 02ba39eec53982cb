from __future__ import annotations

import json
from typing import Any

import pytest
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select
from sqlalchemy.orm import Session

from actions.exercises import (
    PAIN_GUIDE_TOPIC,
    ActionAdjustExercise,
    ActionAnswerExercise,
    ActionOfferDeclined,
    ActionShowExercise,
    says_has_coach,
)
from actions.rendering import topic_message
from backcare.knowledge.models import EducationTopic, Exercise, Message, RedFlag, Referral
from backcare.knowledge.queries import find_exercise
from backcare.knowledge.routine import is_hip_stretch
from tests.app.actions.conftest import DOMAIN, entity, texts, tracker


def shown(slug: str, *before: str) -> list[SlotSet]:
    """The events of showing an exercise: the current one, and the list of those shown."""
    return [SlotSet("current_exercise", slug), SlotSet("shown_exercises", [*before, slug])]


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
    assert events == shown("wall-hip-hinge")


async def test_signs_told_absent_after_an_offer_keep_the_offer(
    dispatcher: CollectingDispatcher,
) -> None:
    text = "no numbness, no bladder trouble, no fever"
    await ActionOfferDeclined().run(
        dispatcher,
        tracker(
            "deny",
            text,
            [entity("signs_denied", "true")],
            slots={"offered_exercise": "wall-hip-hinge"},
        ),
        DOMAIN,
    )
    assert [m.get("response") for m in dispatcher.messages] == [None]
    assert "wall hip hinge" in texts(dispatcher)[0].lower()
    assert [b["payload"] for b in dispatcher.messages[0]["buttons"]] == ["/affirm", "/deny"]


async def test_a_plain_no_to_an_offer_is_taken(dispatcher: CollectingDispatcher) -> None:
    await ActionOfferDeclined().run(
        dispatcher,
        tracker("deny", "no thanks", slots={"offered_exercise": "wall-hip-hinge"}),
        DOMAIN,
    )
    assert [m.get("response") for m in dispatcher.messages] == ["utter_offer_declined"]


async def test_a_named_exercise_is_found_despite_spelling(dispatcher: CollectingDispatcher) -> None:
    events = await ActionAnswerExercise().run(
        dispatcher,
        tracker("ask_exercise", "how do i do a birddog", [entity("exercise", "birddog")]),
        DOMAIN,
    )
    assert texts(dispatcher)[0].startswith("Bird dog")
    assert events == shown("bird-dog")


async def test_a_question_about_an_exercise_gets_the_topic_it_names_after_the_card(
    dispatcher: CollectingDispatcher, db: Session
) -> None:
    text = "how often should i do the hip circles, can i do them more than once a day"
    events = await ActionAnswerExercise().run(
        dispatcher, tracker("ask_exercise", text, [entity("exercise", "hip circles")]), DOMAIN
    )
    assert texts(dispatcher)[0].startswith("Standing hip circles")
    topic = db.get_one(EducationTopic, "how-often-to-exercise")
    assert texts(dispatcher)[-1] == topic_message(topic)
    assert events == shown("hip-circles")


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
    assert events == shown("bird-dog")


def reference(words: str) -> dict[str, Any]:
    return {**entity("exercise", words), "reference": True}


async def test_do_it_means_the_exercise_shown_last(dispatcher: CollectingDispatcher) -> None:
    said = tracker(
        "ask_exercise",
        "how often should i do it",
        [reference("do it")],
        slots={"current_exercise": "plank", "shown_exercises": ["bird-dog", "plank"]},
    )
    events = await ActionAnswerExercise().run(dispatcher, said, DOMAIN)
    assert texts(dispatcher)[0].startswith("Plank")
    assert events == shown("plank", "bird-dog")


async def test_the_first_one_without_a_plan_is_the_first_exercise_shown(
    dispatcher: CollectingDispatcher,
) -> None:
    said = tracker(
        "ask_exercise",
        "the first one again please",
        [reference("the first one")],
        slots={"current_exercise": "side-plank", "shown_exercises": ["pallof-press", "side-plank"]},
    )
    events = await ActionAnswerExercise().run(dispatcher, said, DOMAIN)
    # Shown again, it keeps its place in the list.
    assert events == [
        SlotSet("current_exercise", "pallof-press"),
        SlotSet("shown_exercises", ["pallof-press", "side-plank"]),
    ]


async def test_a_reference_to_nothing_shown_asks_which_exercise(
    dispatcher: CollectingDispatcher, db: Session
) -> None:
    said = tracker("ask_exercise", "can i do it at work", [reference("do it")])
    assert await ActionAnswerExercise().run(dispatcher, said, DOMAIN) == []
    assert texts(dispatcher) == [db.get_one(Message, "no-current-exercise").text]


def said_before(text: str, *entities: dict[str, Any]) -> dict[str, Any]:
    """A user event from earlier in the conversation."""
    return {"event": "user", "text": text, "parse_data": {"entities": list(entities)}}


async def test_too_easy_points_at_the_exercise_the_person_said_they_do(
    dispatcher: CollectingDispatcher, db: Session
) -> None:
    earlier = said_before("been doing the planks every morning", entity("exercise", "planks"))
    latest = said_before("theyre getting way too easy now")
    said = tracker("feedback_too_easy", "theyre getting way too easy now", events=[earlier, latest])
    await ActionAdjustExercise().run(dispatcher, said, DOMAIN)
    harder = db.get_one(Exercise, "plank").progression
    assert harder is not None
    assert harder.name.lower() in texts(dispatcher)[0].lower()


async def test_a_reference_to_nothing_shown_while_teaching_is_held_back_says_why(
    dispatcher: CollectingDispatcher,
) -> None:
    said = tracker(
        "ask_exercise", "how many reps", [reference("how many reps")], slots={"triage": "urgent"}
    )
    assert await ActionAnswerExercise().run(dispatcher, said, DOMAIN) == []
    assert [m.get("response") for m in dispatcher.messages] == ["utter_after_urgent"]


async def test_a_reference_before_anything_is_shown_is_the_exercise_offered(
    dispatcher: CollectingDispatcher,
) -> None:
    said = tracker(
        "ask_exercise",
        "how long do i hold it for",
        [reference("hold it")],
        slots={"offered_exercise": "bird-dog"},
    )
    events = await ActionAnswerExercise().run(dispatcher, said, DOMAIN)
    assert SlotSet("current_exercise", "bird-dog") in events
    assert "Bird dog" in texts(dispatcher)[0]


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
    current = db.get_one(Exercise, "plank")
    assert current.progression is not None
    events = await ActionAdjustExercise().run(
        dispatcher,
        tracker("feedback_too_easy", "too easy", slots={"current_exercise": "plank"}),
        DOMAIN,
    )
    assert events == shown(current.progression.slug)


async def test_too_hard_regresses_without_talk_of_pain(
    dispatcher: CollectingDispatcher, db: Session
) -> None:
    current = db.get_one(Exercise, "side-plank")
    assert current.regression is not None
    events = await ActionAdjustExercise().run(
        dispatcher,
        tracker("feedback_too_hard", "way too hard", slots={"current_exercise": "side-plank"}),
        DOMAIN,
    )
    said = texts(dispatcher)
    assert said[0] == f"Let's try an easier version: the {current.regression.name.lower()}."
    assert db.get_one(Message, "stop-if-hurts").text not in said
    assert events[0] == SlotSet("current_exercise", current.regression.slug)


@pytest.mark.parametrize(
    ("read_as", "typed", "named", "then"),
    [
        ("feedback_too_hard", "plank getting easier now", "plank", "side-plank"),
        ("feedback_too_hard", "side plank's fine too lol can hold it ages", "side plank", None),
        (
            "feedback_too_easy",
            "cant hold the side plank past 5 secs, my arm gives up",
            "side plank",
            "plank",
        ),
    ],
)
async def test_the_words_say_which_way_when_the_classifier_swaps_easy_and_hard(
    read_as: str,
    typed: str,
    named: str,
    then: str | None,
    dispatcher: CollectingDispatcher,
    db: Session,
) -> None:
    events = await ActionAdjustExercise().run(
        dispatcher,
        tracker(
            read_as, typed, [entity("exercise", named)], slots={"current_exercise": "bird-dog"}
        ),
        DOMAIN,
    )
    if then:
        assert events[0] == SlotSet("current_exercise", then)
    else:
        # The side plank has no harder exercise here: its ladder's next dose is said, not "the
        # easiest one".
        [said] = texts(dispatcher)
        assert said.startswith("Nice work. To make it harder, build up to hold for 30 seconds")


async def test_too_easy_without_a_harder_exercise_gives_the_ladders_next_dose(
    dispatcher: CollectingDispatcher, db: Session
) -> None:
    """The bird dog has no harder exercise, but its ladder (programme.yml) goes on after the
    card's dose: "2 sets of 6 slow reps on each side" is followed by "3 sets of 8"."""
    await ActionAdjustExercise().run(
        dispatcher,
        tracker(
            "feedback_too_easy", "bird dogs are easy now", slots={"current_exercise": "bird-dog"}
        ),
        DOMAIN,
    )
    [said] = texts(dispatcher)
    assert said.startswith("Nice work. To make it harder, build up to 3 sets of 8 slow reps")


async def test_too_hard_at_the_easiest_version_says_how_to_scale_it(
    dispatcher: CollectingDispatcher, db: Session
) -> None:
    easiest = next(e for e in db.scalars(select(Exercise)) if e.regression is None)
    events = await ActionAdjustExercise().run(
        dispatcher,
        tracker("feedback_too_hard", "too hard", slots={"current_exercise": easiest.slug}),
        DOMAIN,
    )
    assert texts(dispatcher) == [db.get_one(Message, "easiest-version").text]
    assert events == []


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
    assert events == (shown(current.regression.slug) if current.regression else [])


async def test_feedback_without_a_current_exercise_asks_which(
    dispatcher: CollectingDispatcher, db: Session
) -> None:
    assert (
        await ActionAdjustExercise().run(dispatcher, tracker("feedback_hurts", "ouch"), DOMAIN)
        == []
    )
    assert texts(dispatcher) == [db.get_one(Message, "no-current-exercise").text]


async def test_a_story_read_as_feedback_gets_the_topic_it_names(
    dispatcher: CollectingDispatcher, db: Session
) -> None:
    text = "ever since my laminectomy in the spring it hurts when I stand at the sink"
    await ActionAdjustExercise().run(dispatcher, tracker("feedback_hurts", text), DOMAIN)
    surgery = db.get_one(EducationTopic, "spine-surgery")
    assert texts(dispatcher) == [f"{surgery.title}\n{surgery.body}"]


async def test_pain_told_as_feedback_before_any_exercise_gets_its_answer(
    dispatcher: CollectingDispatcher, db: Session
) -> None:
    told = [entity("body_part", "lower back")]
    said = "hey so my lower back is killing me"
    await ActionAdjustExercise().run(dispatcher, tracker("feedback_hurts", said, told), DOMAIN)
    answer = db.get_one(EducationTopic, "joint-by-joint")
    assert texts(dispatcher)[0].startswith(answer.title)
    assert db.get_one(Message, "no-current-exercise").text not in texts(dispatcher)


# The pain guide (traffic-light rule) comes with the exercises.


def pain_guide_text(db: Session) -> str:
    topic = db.get_one(EducationTopic, PAIN_GUIDE_TOPIC)
    return f"{topic.title}\n{topic.summary}"


async def test_an_exercise_comes_with_the_pain_guide_once(
    dispatcher: CollectingDispatcher, db: Session
) -> None:
    ask = [entity("exercise", "bird dog")]
    await ActionAnswerExercise().run(dispatcher, tracker("ask_exercise", "bird dog?", ask), DOMAIN)
    assert texts(dispatcher)[-1] == pain_guide_text(db)

    again = CollectingDispatcher()
    said = [{"event": "bot", "text": pain_guide_text(db)}]
    await ActionAnswerExercise().run(
        again, tracker("ask_exercise", "plank?", [entity("exercise", "plank")], events=said), DOMAIN
    )
    assert pain_guide_text(db) not in texts(again)
    assert texts(again)[0].startswith("Plank")


async def test_a_card_shows_who_should_check_first_before_the_steps(
    dispatcher: CollectingDispatcher, db: Session
) -> None:
    await ActionAnswerExercise().run(
        dispatcher,
        tracker("ask_exercise", "frog squat", [entity("exercise", "frog squat")]),
        DOMAIN,
    )
    card = texts(dispatcher)[0]
    frog = db.get_one(Exercise, "frog-squat")
    assert card.index("Check first:") < card.index("How to do it:")
    assert all(caution["text"] in card for caution in frog.cautions)
    assert f"How much: {frog.dose}" in card


# Coach-only lifts: the coach note first, and no steps or dose until the person has a coach.


def sent_steps_or_dose(dispatcher: CollectingDispatcher, exercise: Exercise) -> bool:
    said = "\n".join(texts(dispatcher))
    return exercise.dose in said or any(step in said for step in exercise.steps)


@pytest.mark.parametrize("slug", ["deadlift", "kettlebell-swing"])
async def test_a_coach_only_lift_gets_the_coach_note_and_a_question_not_the_steps(
    dispatcher: CollectingDispatcher, db: Session, slug: str
) -> None:
    lift = db.get_one(Exercise, slug)
    events = await ActionAnswerExercise().run(
        dispatcher,
        tracker("ask_exercise", f"how do I do a {slug}", [entity("exercise", slug)]),
        DOMAIN,
    )
    coach_note = db.get_one(Message, "coach-only").text.format(exercise_name=lift.name.lower())
    assert texts(dispatcher)[:2] == [coach_note, db.get_one(Message, "coach-check").text]
    assert not sent_steps_or_dose(dispatcher, lift)
    yes, hinge = dispatcher.messages[1]["buttons"]
    assert json.loads(yes["payload"].removeprefix("/ask_exercise")) == {
        "exercise": slug,
        "coach": "yes",
    }
    assert json.loads(hinge["payload"].removeprefix("/ask_exercise")) == {
        "exercise": "wall-hip-hinge"
    }
    assert events == []


async def test_the_coach_button_sends_the_coach_note_then_the_steps(
    dispatcher: CollectingDispatcher, db: Session
) -> None:
    lift = db.get_one(Exercise, "deadlift")
    payload = '/ask_exercise{"exercise": "deadlift", "coach": "yes"}'
    events = await ActionAnswerExercise().run(
        dispatcher, tracker("ask_exercise", payload, [entity("exercise", "deadlift")]), DOMAIN
    )
    said = texts(dispatcher)
    assert said[0] == db.get_one(Message, "coach-only").text.format(exercise_name=lift.name.lower())
    assert said[1].startswith(lift.name) and lift.dose in said[1]
    assert all(step in said[1] for step in lift.steps)
    assert events == shown("deadlift")


async def test_saying_you_have_a_coach_earlier_unlocks_the_next_lift(
    dispatcher: CollectingDispatcher, db: Session
) -> None:
    earlier = [{"event": "user", "text": "I train with a coach at my gym"}]
    events = await ActionAdjustExercise().run(
        dispatcher,
        tracker(
            "feedback_too_easy",
            "too easy",
            slots={"current_exercise": "deadlift"},
            events=earlier,
        ),
        DOMAIN,
    )
    assert sent_steps_or_dose(dispatcher, db.get_one(Exercise, "kettlebell-swing"))
    assert events == shown("kettlebell-swing")


async def test_too_easy_on_the_hinge_offers_the_deadlift_only_behind_the_coach_note(
    dispatcher: CollectingDispatcher, db: Session
) -> None:
    events = await ActionAdjustExercise().run(
        dispatcher,
        tracker("feedback_too_easy", "too easy", slots={"current_exercise": "wall-hip-hinge"}),
        DOMAIN,
    )
    assert not sent_steps_or_dose(dispatcher, db.get_one(Exercise, "deadlift"))
    assert texts(dispatcher)[-1] == db.get_one(Message, "coach-check").text
    assert events == []  # still on the hinge


@pytest.mark.parametrize(
    "text",
    [
        "I have a coach",
        "I train with a coach, how do I deadlift?",
        "ive got a personal trainer",
        "my coach wants me to learn the swing",
        "I'm seeing a physio who teaches me lifts",
        '/ask_exercise{"exercise": "deadlift", "coach": "yes"}',
    ],
)
def test_these_say_the_person_has_a_coach(text: str) -> None:
    assert says_has_coach(text)


@pytest.mark.parametrize(
    "text",
    [
        "how do I deadlift",
        "I don't have a coach",
        "I dont have a coach, can I still deadlift",
        "I have no coach",
        "do I need a coach for the swing?",
        "do i have to have a coach to deadlift",
        "I want to find a coach",
        "I used to have a trainer",
        "should I get a coach?",
        "I haven\u2019t got a coach",
        '/ask_exercise{"exercise": "deadlift"}',
        '/ask_exercise{"exercise": "deadlift", "coach": "no"}',
        "/ask_exercise{not json",
    ],
)
def test_these_do_not_say_the_person_has_a_coach(text: str) -> None:
    assert not says_has_coach(text)


# The starter plan leaves the hip stretches out with strong pain or pain down a leg.


def plan_of(events: list[dict[str, Any]]) -> list[str]:
    return next(e["value"] for e in events if e.get("name") == "current_plan")


@pytest.mark.parametrize(
    "slots",
    [
        {"pain_score": "8", "pain_duration": "3 weeks", "leg_pain": "no"},
        {"pain_score": "4", "pain_duration": "3 weeks", "leg_pain": "yes"},
        {"pain_score": "3", "pain_duration": "3 months", "pain_area": "lower back and left leg"},
        {"pain_score": "2", "pain_duration": "2 months", "red_flags": ["severe-sciatica"]},
    ],
)
async def test_strong_pain_or_leg_pain_leaves_the_hip_stretches_out(
    dispatcher: CollectingDispatcher, db: Session, slots: dict[str, Any]
) -> None:
    events = await ActionAnswerExercise().run(
        dispatcher,
        tracker("ask_exercise", "give me a plan", slots={"screened": True, **slots}),
        DOMAIN,
    )
    drills = [db.get_one(Exercise, slug) for slug in plan_of(events)]
    assert len(drills) == 3
    assert not [d.slug for d in drills if is_hip_stretch(d)]
    assert db.get_one(Message, "plan-no-hip-stretches").text in texts(dispatcher)
    assert pain_guide_text(db) in texts(dispatcher)


async def test_mild_pain_without_leg_pain_keeps_one_hip_drill(
    dispatcher: CollectingDispatcher, db: Session
) -> None:
    slots = {"screened": True, "pain_score": "4", "pain_duration": "3 weeks", "leg_pain": "no"}
    events = await ActionAnswerExercise().run(
        dispatcher, tracker("ask_exercise", "give me a plan", slots=slots), DOMAIN
    )
    drills = [db.get_one(Exercise, slug) for slug in plan_of(events)]
    assert len(drills) == 4 and is_hip_stretch(drills[-1])
    assert db.get_one(Message, "plan-no-hip-stretches").text not in texts(dispatcher)
    said = texts(dispatcher)
    last_card = max(i for i, text in enumerate(said) if text.startswith("4. "))
    assert said[last_card + 1] == pain_guide_text(db)


async def test_a_card_says_why_the_exercise_helps_under_its_name(
    dispatcher: CollectingDispatcher, db: Session
) -> None:
    await ActionAnswerExercise().run(
        dispatcher,
        tracker(
            "ask_exercise", "whats the point of the bird dog", [entity("exercise", "bird dog")]
        ),
        DOMAIN,
    )
    lines = texts(dispatcher)[0].splitlines()
    bird_dog = db.get_one(Exercise, "bird-dog")
    assert lines[0] == bird_dog.name
    assert lines[1] == db.get_one(Message, "why-stability").text


@pytest.mark.parametrize(
    ("typed", "named"),
    [
        ("fire hydrants r boring af, any other hip ones", "fire hydrants"),
        ("is there an alternative to the pallof press, I don't own a band", "pallof press"),
    ],
)
async def test_asked_for_another_it_shows_a_different_one_for_the_same_part(
    typed: str, named: str, dispatcher: CollectingDispatcher, db: Session
) -> None:
    await ActionAnswerExercise().run(
        dispatcher, tracker("ask_exercise", typed, [entity("exercise", named)]), DOMAIN
    )
    first = find_exercise(db, named)
    shown = next(e for e in db.scalars(select(Exercise)) if texts(dispatcher)[0].startswith(e.name))
    assert first is not None and shown.slug != first.slug
    assert shown.region == first.region and shown.supervision == "self"
    if "band" in typed:
        assert shown.equipment == []


async def test_the_plank_instead_of_sit_ups_is_the_plank(
    dispatcher: CollectingDispatcher, db: Session
) -> None:
    await ActionAnswerExercise().run(
        dispatcher,
        tracker(
            "ask_exercise", "can I do the plank instead of sit ups", [entity("exercise", "plank")]
        ),
        DOMAIN,
    )
    assert texts(dispatcher)[0].startswith(db.get_one(Exercise, "plank").name)


async def test_a_clinician_level_sign_told_with_an_exercise_is_said_before_its_card(
    dispatcher: CollectingDispatcher, db: Session
) -> None:
    await ActionAnswerExercise().run(
        dispatcher,
        tracker(
            "ask_exercise",
            "my hip keeps catching n locking when i do the fire hydrants",
            [entity("exercise", "fire hydrants"), entity("red_flag", "hip-locking-clicking")],
        ),
        DOMAIN,
    )
    said = texts(dispatcher)
    flag = db.get_one(RedFlag, "hip-locking-clicking")
    assert said[0].startswith(flag.message)
    assert any(text.startswith("Fire hydrant") for text in said[1:])


async def test_a_safety_question_about_an_exercise_gets_the_pain_guide_again(
    dispatcher: CollectingDispatcher, db: Session
) -> None:
    guide = db.get_one(EducationTopic, PAIN_GUIDE_TOPIC)
    said_before = topic_message(guide)
    earlier = [{"event": "bot", "text": said_before}]
    asked = tracker(
        "ask_exercise_safety",
        "my hamstrings are killing me after the hinges, is that normal",
        [entity("exercise", "hinges")],
        events=earlier,
    )
    await ActionAnswerExercise().run(dispatcher, asked, DOMAIN)
    assert said_before in texts(dispatcher)
