"""FollowUpPolicy: a question about the card just shown is answered from it, before the rules'
screening, and never in the way of an alarm, a check question or a form."""

from __future__ import annotations

from pathlib import Path

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, ActiveLoop, Event, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot_extensions.follow_up_policy import FollowUpPolicy
from tests.bot.conftest import built_policy

ANSWER = "action_answer_exercise"


@pytest.fixture
def policy(tmp_path: Path) -> FollowUpPolicy:
    return built_policy(FollowUpPolicy, tmp_path)


def said(text: str, intent: str = "ask_exercise", *entities: tuple[str, str]) -> UserUttered:
    return UserUttered(
        text,
        intent={"name": intent, "confidence": 0.9},
        entities=[{"entity": name, "value": value} for name, value in entities],
    )


def card_shown(slug: str = "bird-dog") -> list[Event]:
    return [
        ActionExecuted("action_listen"),
        said("how do i do the bird dog"),
        ActionExecuted(ANSWER),
        SlotSet("current_exercise", slug),
        ActionExecuted("action_listen"),
    ]


def next_action(policy: FollowUpPolicy, domain: Domain, *events: Event) -> str | None:
    tracker = DialogueStateTracker.from_events("someone", list(events), domain.slots)
    return policy.next_action(tracker, domain)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("Can I do it in bed?", "ask_exercise"),
        ("both sides or just the tight one?", "ask_exercise"),
        ("my wrists kill when im on my hands", "out_of_scope"),
        ("and no equipment needed i take it", "deny"),
        # spaces read as the action reads them
        ("can i do it  in\nbed", "ask_exercise"),
    ],
)
def test_a_question_about_the_card_just_shown_is_answered_from_it(
    policy, domain, text: str, intent: str
) -> None:  # type: ignore[no-untyped-def]
    asked = said(text, intent)
    assert next_action(policy, domain, *card_shown(), asked) == ANSWER
    # ...and then the assistant listens
    assert next_action(policy, domain, *card_shown(), asked, ActionExecuted(ANSWER)) == (
        "action_listen"
    )


def test_the_same_words_with_no_card_just_shown_are_left_to_the_rules(policy, domain) -> None:  # type: ignore[no-untyped-def]
    later = [said("thanks"), ActionExecuted("utter_youre_welcome"), ActionExecuted("action_listen")]
    assert next_action(policy, domain, *card_shown(), *later, said("Can I do it in bed?")) is None
    assert next_action(policy, domain, ActionExecuted("action_listen"), said("in bed?")) is None


@pytest.mark.parametrize(
    "events",
    [
        # an alarm or a check question in the message: the safety rules answer first
        [
            said(
                "can i do it in bed, i cant feel my legs",
                "ask_exercise",
                ("triage_level", "emergency"),
            )
        ],
        [said("can i do it in bed? i fell yesterday", "ask_exercise", ("check_urgent", "x"))],
        # after an urgent referral
        [SlotSet("triage", "urgent"), said("Can I do it in bed?")],
        # a form asking its questions
        [ActiveLoop("screening_form"), said("Can I do it in bed?")],
        # a question about something else
        [said("why does my back hurt so much", "ask_pain_cause")],
        # a reading that is no question about the card
        [said("every day or not, thanks", "thank")],
    ],
)
def test_alarms_forms_and_other_questions_are_left_to_the_rules(policy, domain, events) -> None:  # type: ignore[no-untyped-def]
    assert next_action(policy, domain, *card_shown(), *events) is None
