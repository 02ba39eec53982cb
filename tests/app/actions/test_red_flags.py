from __future__ import annotations

from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.orm import Session

from actions.red_flags import ActionRedFlagDetails
from backcare.knowledge.models import RedFlag
from tests.app.actions.conftest import DOMAIN, entity, texts, tracker


async def test_details_of_each_detected_flag_with_who_to_see(
    dispatcher: CollectingDispatcher, db: Session
) -> None:
    message = tracker(
        "report_red_flag",
        "I can't feel the paper when I wipe and I wet myself",
        [entity("red_flag", "saddle-numbness"), entity("red_flag", "bladder-problems")],
    )
    assert await ActionRedFlagDetails().run(dispatcher, message, DOMAIN) == []
    saddle = db.get_one(RedFlag, "saddle-numbness")
    bladder = db.get_one(RedFlag, "bladder-problems")
    # Both go to emergency services, which is named once.
    assert texts(dispatcher) == [
        f"{saddle.message}\n{saddle.referral.who}: {saddle.referral.how}",
        bladder.message,
    ]


async def test_no_flags_no_details(dispatcher: CollectingDispatcher) -> None:
    assert await ActionRedFlagDetails().run(dispatcher, tracker("report_red_flag"), DOMAIN) == []
    assert dispatcher.messages == []


async def test_a_shared_referral_is_named_once(
    dispatcher: CollectingDispatcher, db: Session
) -> None:
    message = tracker(
        "report_red_flag",
        "my mum fell down the stairs and can't stand on her leg",
        [entity("red_flag", "hip-injury-or-hot-hip"), entity("red_flag", "major-injury")],
    )
    await ActionRedFlagDetails().run(dispatcher, message, DOMAIN)
    hip, injury = db.get_one(RedFlag, "hip-injury-or-hot-hip"), db.get_one(RedFlag, "major-injury")
    assert hip.referral_slug == injury.referral_slug
    assert texts(dispatcher) == [
        f"{hip.message}\n{hip.referral.who}: {hip.referral.how}",
        injury.message,
    ]


async def test_beside_an_alarm_a_lesser_flag_s_words_are_left_out(
    dispatcher: CollectingDispatcher, db: Session
) -> None:
    message = tracker(
        "report_red_flag",
        "I'm 62, my back started aching last week and now I can't feel anything when I wipe",
        [
            entity("red_flag", "new-pain-under-20-or-over-50"),
            entity("red_flag", "one-leg-numbness-weakness"),
            entity("red_flag", "saddle-numbness"),
        ],
    )
    await ActionRedFlagDetails().run(dispatcher, message, DOMAIN)
    saddle = db.get_one(RedFlag, "saddle-numbness")
    assert db.get_one(RedFlag, "new-pain-under-20-or-over-50").urgency == "see_clinician"
    assert db.get_one(RedFlag, "one-leg-numbness-weakness").urgency == "urgent"
    assert texts(dispatcher) == [f"{saddle.message}\n{saddle.referral.who}: {saddle.referral.how}"]


async def test_a_yes_to_an_emergency_check_records_the_kind_of_emergency(
    dispatcher: CollectingDispatcher, db: Session
) -> None:
    # The replies after it name a crisis line, or an examination (domain/chitchat.yml).
    for flag, kind in [("suicide-self-harm", "crisis"), ("cauda-equina-signs", "medical")]:
        slots = {"check_answer": "yes", "check_flag": flag, "triage": "emergency"}
        confirmed = tracker("affirm", "yes", slots=slots)
        events = await ActionRedFlagDetails().run(dispatcher, confirmed, DOMAIN)
        assert {"event": "slot", "timestamp": None, "name": "alarm_kind", "value": kind} in events


async def test_a_yes_to_an_urgent_check_records_no_kind_of_emergency(
    dispatcher: CollectingDispatcher, db: Session
) -> None:
    confirmed = tracker(
        "affirm", "yes", slots={"check_answer": "yes", "check_flag": "cancer-history"}
    )
    events = await ActionRedFlagDetails().run(dispatcher, confirmed, DOMAIN)
    assert [event["name"] for event in events] == ["red_flags"]
