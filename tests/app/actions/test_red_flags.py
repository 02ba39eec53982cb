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
    assert texts(dispatcher) == [
        f"{saddle.message}\n{saddle.referral.who}: {saddle.referral.how}",
        f"{bladder.message}\n{bladder.referral.who}: {bladder.referral.how}",
    ]


async def test_no_flags_no_details(dispatcher: CollectingDispatcher) -> None:
    assert await ActionRedFlagDetails().run(dispatcher, tracker("report_red_flag"), DOMAIN) == []
    assert dispatcher.messages == []
