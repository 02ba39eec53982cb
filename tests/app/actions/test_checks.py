"""After a check question: a "no" answers what was asked, a "yes" files the flag asked about."""

from __future__ import annotations

from typing import Any

from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.orm import Session

from actions.checks import ActionResumeAfterCheck
from actions.red_flags import ActionRedFlagDetails
from backcare.knowledge.models import EducationTopic, RedFlag
from tests.app.actions.conftest import DOMAIN, entity, texts, tracker


def story_with_a_check(level: str, flag: str, asked: str, text: str) -> list[dict[str, Any]]:
    """The person's message that made the detector ask, as the tracker stores it."""
    return [
        {
            "event": "user",
            "text": text,
            "parse_data": {
                "intent": {"name": "report_red_flag", "confidence": 1.0},
                "intent_ranking": [
                    {"name": "report_red_flag", "confidence": 1.0},
                    {"name": asked, "confidence": 0.4},
                ],
                "entities": [entity(f"check_{level}", flag)],
            },
        },
        {"event": "bot", "text": "Is any of this happening to you now?"},
    ]


async def test_a_no_answers_the_question_asked_before_the_check(
    dispatcher: CollectingDispatcher, db: Session
) -> None:
    events = story_with_a_check(
        "emergency", "cauda-equina-signs", "ask_sciatica", "years ago I had CES, why my leg now?"
    )
    message = tracker("deny", "no", slots={"triage": "none", "check_answer": "no"}, events=events)
    await ActionResumeAfterCheck().run(dispatcher, message, DOMAIN)
    sciatica = db.get_one(EducationTopic, "sciatica-basics")
    assert texts(dispatcher)[0].startswith(sciatica.title)


async def test_after_a_clinician_level_check_the_question_is_answered_too(
    dispatcher: CollectingDispatcher, db: Session
) -> None:
    events = story_with_a_check(
        "see_clinician", "pain-beyond-six-weeks", "ask_sciatica", "my leg still hurts, why?"
    )
    message = tracker(
        "affirm", "yes", slots={"triage": "see_clinician", "check_answer": "yes"}, events=events
    )
    await ActionResumeAfterCheck().run(dispatcher, message, DOMAIN)
    sciatica = db.get_one(EducationTopic, "sciatica-basics")
    assert texts(dispatcher)[0].startswith(sciatica.title)


async def test_after_an_alarm_the_resumed_answer_teaches_nothing(
    dispatcher: CollectingDispatcher,
) -> None:
    events = story_with_a_check("emergency", "cauda-equina-signs", "ask_exercise", "story")
    message = tracker("deny", "no", slots={"triage": "urgent"}, events=events)
    assert await ActionResumeAfterCheck().run(dispatcher, message, DOMAIN) == []
    # the hold is said again, and nothing is taught
    assert [m.get("response") for m in dispatcher.messages] == ["utter_after_urgent"]


async def test_a_yes_files_the_flag_the_check_asked_about(
    dispatcher: CollectingDispatcher, db: Session
) -> None:
    message = tracker(
        "affirm",
        "yes that's happening now",
        slots={"check_answer": "yes", "check_flag": "cancer-history", "triage": "urgent"},
    )
    events = await ActionRedFlagDetails().run(dispatcher, message, DOMAIN)
    assert events == [
        {"event": "slot", "timestamp": None, "name": "red_flags", "value": ["cancer-history"]}
    ]
    assert texts(dispatcher)[0].startswith(db.get_one(RedFlag, "cancer-history").message)


async def test_a_no_files_nothing(dispatcher: CollectingDispatcher) -> None:
    message = tracker("deny", "no", slots={"check_answer": "no", "check_flag": "cancer-history"})
    assert await ActionRedFlagDetails().run(dispatcher, message, DOMAIN) == []
    assert dispatcher.messages == []


async def test_after_an_alarm_a_clinicians_check_lets_the_exercise_asked_be_taught(
    dispatcher: CollectingDispatcher,
) -> None:
    events = story_with_a_check("emergency", "major-injury", "ask_exercise", "story")
    message = tracker(
        "inform_clinician_checked",
        "the GP saw her, x-ray clear, can she do the bird dog now?",
        entities=[entity("exercise", "bird dog")],
        slots={"triage": "urgent", "clinician_checked": True},
        events=events,
    )
    await ActionResumeAfterCheck().run(dispatcher, message, DOMAIN)
    assert any("Bird dog" in text for text in texts(dispatcher))
