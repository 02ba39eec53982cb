"""CheckQuestionPolicy: the check question first, the urgent reply before an emergency check,
and the question again after a reply that is no answer."""

from __future__ import annotations

from pathlib import Path

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, ActiveLoop, Event, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot_extensions.check_policy import CheckQuestionPolicy
from tests.bot.conftest import built_policy


@pytest.fixture
def policy(tmp_path: Path) -> CheckQuestionPolicy:
    return built_policy(CheckQuestionPolicy, tmp_path)


def next_action(policy: CheckQuestionPolicy, domain: Domain, *events: Event) -> str | None:
    tracker = DialogueStateTracker.from_events(
        "someone", [ActionExecuted("action_listen"), *events], domain.slots
    )
    return policy.next_action(tracker, domain)


def said(text: str, intent: str, *entities: tuple[str, str]) -> UserUttered:
    return UserUttered(
        text,
        intent={"name": intent, "confidence": 0.9},
        entities=[{"entity": name, "value": value} for name, value in entities],
    )


def test_a_check_entity_starts_its_form_whatever_the_intent(policy, domain) -> None:  # type: ignore[no-untyped-def]
    for level, form in [("emergency", "emergency_check"), ("see_clinician", "clinician_check")]:
        message = said("years ago...", "ask_sciatica", (f"check_{level}", "some-flag"))
        assert next_action(policy, domain, message) == form


def test_an_urgent_sign_gets_its_reply_before_the_emergency_check(policy, domain) -> None:  # type: ignore[no-untyped-def]
    message = said(
        "numb leg",
        "report_red_flag",
        ("triage_level", "urgent"),
        ("check_emergency", "worsening-leg-weakness"),
    )
    assert next_action(policy, domain, message) == "utter_urgent"
    assert next_action(policy, domain, message, ActionExecuted("utter_urgent")) == (
        "emergency_check"
    )


def test_a_reply_that_is_no_answer_gets_the_question_again(policy, domain) -> None:  # type: ignore[no-untyped-def]
    waiting = [ActiveLoop("urgent_check"), SlotSet("requested_slot", "check_answer")]
    request = said("show me the plank", "ask_exercise", ("exercise", "plank"))
    assert next_action(policy, domain, *waiting, ActionExecuted("action_listen"), request) == (
        "utter_check_again"
    )
    answered = [
        *waiting,
        ActionExecuted("action_listen"),
        said("yes", "affirm"),
        SlotSet("check_answer", "yes"),
    ]
    assert next_action(policy, domain, *answered) is None


def test_without_a_check_the_policy_stays_out(policy, domain) -> None:  # type: ignore[no-untyped-def]
    assert next_action(policy, domain, said("why does my back hurt", "ask_pain_cause")) is None


def test_a_check_below_the_triage_reached_is_not_asked(policy, domain) -> None:  # type: ignore[no-untyped-def]
    agony = said("started this morning and my back is agony", "report_red_flag")
    general = ("check_emergency", "red-flag-unplaced")
    after_emergency = [SlotSet("triage", "emergency"), ActionExecuted("action_listen")]
    assert (
        next_action(policy, domain, *after_emergency, said(agony.text, "report_red_flag", general))
        is None
    )
    after_referral = [SlotSet("triage", "see_clinician"), ActionExecuted("action_listen")]
    assert next_action(
        policy, domain, *after_referral, said(agony.text, "report_red_flag", general)
    ) == ("emergency_check")


def test_a_check_no_more_urgent_does_not_replace_the_waiting_one(policy, domain) -> None:  # type: ignore[no-untyped-def]
    waiting = [ActiveLoop("urgent_check"), SlotSet("requested_slot", "check_answer")]
    story = said(
        "she slipped in the bath, its been worse since",
        "ask_pain_cause",
        ("check_see_clinician", "pain-beyond-six-weeks"),
    )
    assert next_action(policy, domain, *waiting, ActionExecuted("action_listen"), story) == (
        "utter_check_again"
    )
    worse = said("and now both legs are numb", "report_red_flag", ("check_emergency", "x"))
    assert next_action(policy, domain, *waiting, ActionExecuted("action_listen"), worse) == (
        "emergency_check"
    )
