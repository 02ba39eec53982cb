from __future__ import annotations

import pytest
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.orm import Session

from actions.education import ActionExplainTopic
from backcare.knowledge.models import EducationTopic, Message, RedFlag
from tests.app.actions.conftest import DOMAIN, entity, texts, tracker


async def test_why_does_my_back_hurt_explains_joint_by_joint_and_offers_the_hinge(
    dispatcher: CollectingDispatcher, db: Session
) -> None:
    events = await ActionExplainTopic().run(
        dispatcher, tracker("ask_pain_cause", "why does my lower back hurt?"), DOMAIN
    )
    topic = db.get_one(EducationTopic, "joint-by-joint")
    assert texts(dispatcher)[0] == f"{topic.title}\n{topic.summary}"
    offer = dispatcher.messages[-1]
    assert "wall hip hinge" in offer["text"]
    assert [b["payload"] for b in offer["buttons"]] == ["/affirm", "/deny"]
    assert events == [SlotSet("offered_exercise", topic.related_exercises[0])]


async def test_a_stretching_question_gets_the_dont_stretch_topic(
    dispatcher: CollectingDispatcher, db: Session
) -> None:
    await ActionExplainTopic().run(
        dispatcher, tracker("ask_stiffness", "should I stretch my sore lower back?"), DOMAIN
    )
    assert db.get_one(EducationTopic, "dont-stretch-sore-back").summary in texts(dispatcher)[0]


async def test_warning_signs_are_read_in_full_without_an_exercise_offer(
    dispatcher: CollectingDispatcher, db: Session
) -> None:
    events = await ActionExplainTopic().run(dispatcher, tracker("ask_warning_signs"), DOMAIN)
    assert db.get_one(EducationTopic, "when-to-see-someone").body in texts(dispatcher)[0]
    assert events == []
    assert len(dispatcher.messages) == 1


async def test_a_clinician_signal_in_the_question_adds_its_referral(
    dispatcher: CollectingDispatcher, db: Session
) -> None:
    await ActionExplainTopic().run(
        dispatcher,
        tracker(
            "ask_hip_pain", "my hip clicks and locks", [entity("red_flag", "hip-locking-clicking")]
        ),
        DOMAIN,
    )
    flag = db.get_one(RedFlag, "hip-locking-clicking")
    assert any(text.startswith(flag.message) for text in texts(dispatcher))


@pytest.mark.parametrize(
    "question",
    [
        "ok so can u tell me whats wrong with my back",
        "hello, kindly tell me is it slipped disc? pain in low back since a week",
        "can you tell me if its a trapped nerve or just a pulled muscle",
        "the internet says a disc or a tight muscle, which one is it",
        "just tell me straight, disc or not",
    ],
)
async def test_asked_what_is_wrong_it_says_it_cannot_diagnose_then_explains(
    dispatcher: CollectingDispatcher, db: Session, question: str
) -> None:
    await ActionExplainTopic().run(dispatcher, tracker("ask_pain_cause", question), DOMAIN)
    no_diagnosis = db.get_one(Message, "no-diagnosis").text
    topic = db.get_one(EducationTopic, "joint-by-joint")
    assert texts(dispatcher)[:2] == [no_diagnosis, f"{topic.title}\n{topic.summary}"]


async def test_a_question_about_causes_is_not_told_there_is_no_diagnosis(
    dispatcher: CollectingDispatcher, db: Session
) -> None:
    await ActionExplainTopic().run(
        dispatcher, tracker("ask_pain_cause", "why does my back ache after sitting"), DOMAIN
    )
    assert db.get_one(Message, "no-diagnosis").text not in texts(dispatcher)


async def test_an_exercise_question_naming_a_topic_gets_that_topic_and_its_exercise(
    dispatcher: CollectingDispatcher, db: Session
) -> None:
    events = await ActionExplainTopic().run(
        dispatcher,
        tracker(
            "ask_exercise",
            "what core exercises r good for a bad back",
            [entity("topic", "core-stability-drills")],
        ),
        DOMAIN,
    )
    topic = db.get_one(EducationTopic, "core-stability-drills")
    assert texts(dispatcher)[0] == f"{topic.title}\n{topic.summary}"
    assert "plank" in dispatcher.messages[-1]["text"]
    assert events == [SlotSet("offered_exercise", "plank")]
