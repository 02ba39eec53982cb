"""No teaching after an alarm, enforced in every action that sends exercise content."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from rasa_sdk import Action
from rasa_sdk.executor import CollectingDispatcher

from actions.education import ActionExplainTopic
from actions.exercises import ActionAdjustExercise, ActionAnswerExercise, ActionShowExercise
from backcare.triage import SEE_FIRST_GROUPS
from tests.app.actions.conftest import DOMAIN, ROOT, entity, texts, tracker

DOMAIN_RESPONSES = {
    name
    for part in (ROOT / "domain").glob("*.yml")
    for name in (yaml.safe_load(part.read_text(encoding="utf-8")) or {}).get("responses", {})
}

# Every way a person can ask for exercise content: a named exercise, "the second one", a plan,
# the offer's "yes" button, "too easy" and "it hurts".
ASKS_FOR_EXERCISES: list[tuple[Action, str, str, list[dict[str, Any]], dict[str, Any]]] = [
    (
        ActionAnswerExercise(),
        "ask_exercise",
        "how do I do a bird dog?",
        [entity("exercise", "bird dog")],
        {},
    ),
    (
        ActionAnswerExercise(),
        "ask_exercise",
        "just the plank then",
        [entity("exercise", "plank")],
        {},
    ),
    (
        ActionAnswerExercise(),
        "ask_exercise",
        "how do I do the second one?",
        [],
        {"current_plan": ["wall-hip-hinge", "bird-dog"]},
    ),
    (ActionAnswerExercise(), "ask_exercise", "give me a plan", [], {"screened": True}),
    (ActionShowExercise(), "affirm", "/affirm", [], {"offered_exercise": "bird-dog"}),
    (
        ActionAdjustExercise(),
        "feedback_too_easy",
        "too easy",
        [],
        {"current_exercise": "wall-hip-hinge"},
    ),
    (ActionAdjustExercise(), "feedback_hurts", "it hurts", [], {"current_exercise": "bird-dog"}),
    (
        ActionAdjustExercise(),
        "feedback_too_hard",
        "way too hard",
        [],
        {"current_exercise": "side-plank"},
    ),
]


@pytest.mark.parametrize(("action", "intent", "text", "entities", "slots"), ASKS_FOR_EXERCISES)
async def test_after_an_emergency_no_exercise_however_asked(
    action: Action, intent: str, text: str, entities: list, slots: dict
) -> None:
    dispatcher = CollectingDispatcher()
    message = tracker(intent, text, entities, {**slots, "triage": "emergency"})
    assert await action.run(dispatcher, message, DOMAIN) == []
    assert [m.get("response") for m in dispatcher.messages] == ["utter_after_emergency"]


@pytest.mark.parametrize(("action", "intent", "text", "entities", "slots"), ASKS_FOR_EXERCISES)
async def test_after_an_urgent_referral_no_new_exercise_until_a_clinician_checked(
    action: Action, intent: str, text: str, entities: list, slots: dict
) -> None:
    withheld = CollectingDispatcher()
    urgent = tracker(intent, text, entities, {**slots, "triage": "urgent"})
    assert await action.run(withheld, urgent, DOMAIN) == []
    assert [m.get("response") for m in withheld.messages] == ["utter_after_urgent"]

    taught = CollectingDispatcher()
    checked = tracker(
        intent, text, entities, {**slots, "triage": "urgent", "clinician_checked": True}
    )
    await action.run(taught, checked, DOMAIN)
    assert "utter_after_urgent" not in [m.get("response") for m in taught.messages]
    assert any(texts(taught))


async def test_an_explanation_after_an_emergency_offers_no_exercise(
    dispatcher: CollectingDispatcher,
) -> None:
    message = tracker("ask_pain_cause", "why does my back hurt?", slots={"triage": "emergency"})
    assert await ActionExplainTopic().run(dispatcher, message, DOMAIN) == []
    # the topic, then the help still needed; no offer and no buttons
    assert [m.get("response") for m in dispatcher.messages] == [None, "utter_after_emergency"]
    assert not any(m.get("buttons") for m in dispatcher.messages)


async def test_an_explanation_after_an_urgent_referral_ends_with_the_help_still_needed(
    dispatcher: CollectingDispatcher,
) -> None:
    message = tracker(
        "ask_stiffness", "and now her back is killing her", slots={"triage": "urgent"}
    )
    assert await ActionExplainTopic().run(dispatcher, message, DOMAIN) == []
    assert [m.get("response") for m in dispatcher.messages] == [None, "utter_after_urgent"]


@pytest.mark.parametrize(
    ("triage", "response"),
    [("urgent", "utter_after_urgent"), ("emergency", "utter_after_emergency")],
)
@pytest.mark.parametrize(
    "text", ["is it safe for him to exercise now?", "should I stretch it out?"]
)
async def test_after_an_alarm_whether_exercise_is_safe_gets_the_hold_not_the_topic(
    dispatcher: CollectingDispatcher, triage: str, response: str, text: str
) -> None:
    message = tracker("ask_exercise_safety", text, slots={"triage": triage})
    assert await ActionExplainTopic().run(dispatcher, message, DOMAIN) == []
    assert [m.get("response") for m in dispatcher.messages] == [response]


async def test_after_a_clinician_check_whether_exercise_is_safe_gets_the_topic(
    dispatcher: CollectingDispatcher,
) -> None:
    message = tracker(
        "ask_exercise_safety",
        "is it safe to exercise now?",
        slots={"triage": "urgent", "clinician_checked": True},
    )
    await ActionExplainTopic().run(dispatcher, message, DOMAIN)
    assert dispatcher.messages[0].get("text", "").startswith("Is it safe to exercise")


async def test_without_an_alarm_the_explanation_offers_an_exercise(
    dispatcher: CollectingDispatcher,
) -> None:
    message = tracker("ask_pain_cause", "why does my back hurt?", slots={"triage": "none"})
    events = await ActionExplainTopic().run(dispatcher, message, DOMAIN)
    assert [e["name"] for e in events] == ["offered_exercise"]


@pytest.mark.parametrize(
    ("flag", "response"),
    [
        ("pregnancy-pelvic-pain", "utter_see_first_pregnancy"),
        ("under-16-back-pain", "utter_see_first_child"),
        ("child-limp-hip-pain", "utter_see_first_child"),
        ("known-spinal-fracture", "utter_see_first_fracture"),
    ],
)
async def test_pregnancy_children_and_fractures_are_checked_before_any_exercise(
    flag: str, response: str
) -> None:
    withheld = CollectingDispatcher()
    asked = tracker("ask_exercise", "give me a plan", slots={"screened": True, "red_flags": [flag]})
    assert await ActionAnswerExercise().run(withheld, asked, DOMAIN) == []
    assert [m.get("response") for m in withheld.messages] == [response]
    # every group's reply is a domain response
    assert response in DOMAIN_RESPONSES

    taught = CollectingDispatcher()
    checked = tracker(
        "ask_exercise",
        "give me a plan",
        slots={"screened": True, "red_flags": [flag], "clinician_checked": True},
    )
    await ActionAnswerExercise().run(taught, checked, DOMAIN)
    assert any("How to do it" in text for text in texts(taught))


def test_every_see_first_group_names_known_flags_and_has_its_reply() -> None:
    red_flags = yaml.safe_load(
        (ROOT / "data" / "knowledge" / "red_flags.yml").read_text(encoding="utf-8")
    )
    slugs = {flag["slug"] for flag in red_flags["red_flags"]}
    assert set(SEE_FIRST_GROUPS) <= slugs
    assert {f"utter_see_first_{group}" for group in SEE_FIRST_GROUPS.values()} <= DOMAIN_RESPONSES
