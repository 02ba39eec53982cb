"""ActionServerDownPolicy speaks up only when a custom action ran and said nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot_extensions.policies import ActionServerDownPolicy
from tests.bot.conftest import built_policy


@pytest.fixture
def policy(tmp_path: Path) -> ActionServerDownPolicy:
    return built_policy(ActionServerDownPolicy, tmp_path)


def predicted(policy: ActionServerDownPolicy, domain: Domain, *events) -> str | None:  # type: ignore[no-untyped-def]
    tracker = DialogueStateTracker.from_events("someone", list(events), domain.slots)
    prediction = policy.predict_action_probabilities(tracker, domain)
    best = max(range(len(prediction.probabilities)), key=prediction.probabilities.__getitem__)
    return domain.action_names_or_texts[best] if prediction.probabilities[best] > 0 else None


def test_a_custom_action_followed_by_nothing_gets_the_apology(policy, domain) -> None:  # type: ignore[no-untyped-def]
    said = predicted(policy, domain, UserUttered("why?"), ActionExecuted("action_explain_topic"))
    assert said == "utter_lookup_unavailable"


def test_a_custom_action_that_spoke_is_left_alone(policy, domain) -> None:  # type: ignore[no-untyped-def]
    events = [UserUttered("why?"), ActionExecuted("action_explain_topic"), BotUttered("Because...")]
    assert predicted(policy, domain, *events) is None


def test_a_response_followed_by_nothing_is_left_alone(policy, domain) -> None:  # type: ignore[no-untyped-def]
    assert predicted(policy, domain, UserUttered("hi"), ActionExecuted("utter_greet")) is None


def test_a_form_that_could_not_ask_gets_the_apology(policy, domain) -> None:  # type: ignore[no-untyped-def]
    assert (
        predicted(policy, domain, UserUttered("plan"), ActionExecuted("screening_form"))
        == "utter_lookup_unavailable"
    )


# The red flag's details after its reply, and the answer to a question beside the news of a
# clinician's check when the news asks nothing: silence is theirs to keep.
@pytest.mark.parametrize(
    ("said", "response", "action"),
    [
        ("I wet myself", "utter_emergency", "action_red_flag_details"),
        (
            "a doctor came out and said it's bruising",
            "utter_clinician_checked",
            "action_answer_after_check",
        ),
    ],
)
def test_actions_with_nothing_to_add_stay_silent(policy, domain, said, response, action) -> None:  # type: ignore[no-untyped-def]
    spoke = [UserUttered(said), ActionExecuted(response), BotUttered("...")]
    assert predicted(policy, domain, *spoke, ActionExecuted(action)) is None


def test_stories_without_text_are_left_alone(policy, domain) -> None:  # type: ignore[no-untyped-def]
    events = [
        UserUttered(intent={"name": "ask_pain_cause"}),
        ActionExecuted("action_explain_topic"),
    ]
    assert predicted(policy, domain, *events) is None
