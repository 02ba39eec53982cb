"""The most specific matching response variation is the one sent
(bot_extensions/response_specificity.py)."""

from __future__ import annotations

from typing import Any

import pytest
from rasa.core.nlg.generator import ResponseVariationFilter
from rasa.shared.core.domain import Domain

from bot_extensions import rasa_patches

AFTER_EMERGENCY = {"type": "slot", "name": "triage", "value": "emergency"}
CRISIS = {"type": "slot", "name": "alarm_kind", "value": "crisis"}
MEDICAL = {"type": "slot", "name": "alarm_kind", "value": "medical"}
RESPONSES = {
    "utter_menu": [
        {"condition": [AFTER_EMERGENCY], "text": "get help now; a crisis line too"},
        {"condition": [AFTER_EMERGENCY, CRISIS], "text": "a crisis line"},
        {"condition": [AFTER_EMERGENCY, MEDICAL], "text": "an emergency department"},
        {"text": "the menu"},
    ],
    "utter_two_alike": [
        {"condition": [CRISIS], "text": "one"},
        {"condition": [CRISIS], "text": "two"},
    ],
}


def texts(utter_action: str, slots: dict[str, Any]) -> list[str]:
    chosen = ResponseVariationFilter(RESPONSES).responses_for_utter_action(
        utter_action, "rest", slots
    )
    return [response["text"] for response in chosen]


def test_the_patch_is_installed() -> None:
    assert rasa_patches.installed()
    rasa_choice = rasa_patches.original(
        "rasa.core.nlg.generator:ResponseVariationFilter.responses_for_utter_action"
    )
    assert ResponseVariationFilter.responses_for_utter_action is not rasa_choice


def test_a_narrower_matching_variation_wins_over_a_wider_one() -> None:
    assert texts("utter_menu", {"triage": "emergency", "alarm_kind": "crisis"}) == ["a crisis line"]
    assert texts("utter_menu", {"triage": "emergency", "alarm_kind": "medical"}) == [
        "an emergency department"
    ]


def test_the_wider_variation_is_kept_when_no_narrower_one_matches() -> None:
    assert texts("utter_menu", {"triage": "emergency", "alarm_kind": None}) == [
        "get help now; a crisis line too"
    ]


def test_without_a_matching_condition_the_plain_variation_is_sent() -> None:
    assert texts("utter_menu", {"triage": "none", "alarm_kind": "crisis"}) == ["the menu"]


def test_variations_equally_specific_stay_rasas_choice() -> None:
    assert texts("utter_two_alike", {"alarm_kind": "crisis"}) == ["one", "two"]


@pytest.mark.parametrize(
    "slots",
    [
        {"triage": "emergency", "red_flag_subject": "self", "referral": "emergency-services"},
        {"triage": "emergency", "red_flag_subject": None, "referral": None},
        {"triage": "emergency", "red_flag_subject": "other", "referral": "emergency-services"},
        {"triage": "emergency", "red_flag_subject": "self", "referral": "crisis-support"},
    ],
)
def test_the_urgent_reply_once_an_emergency_is_told_is_the_emergencys(
    domain: Domain, slots: dict[str, Any]
) -> None:
    """A yes to the urgent check that also tells an emergency gets the emergency's words."""
    chosen = ResponseVariationFilter(domain.responses).responses_for_utter_action(
        "utter_urgent", "rest", slots
    )
    assert chosen
    for response in chosen:
        assert "emergency number" in response["text"]
        assert "same-day" not in response["text"]


def test_the_urgent_reply_stays_a_same_day_check_below_an_emergency(domain: Domain) -> None:
    chosen = ResponseVariationFilter(domain.responses).responses_for_utter_action(
        "utter_urgent", "rest", {"triage": "urgent", "red_flag_subject": "self"}
    )
    assert [r["text"] for r in chosen if "same-day" in r["text"]] == [r["text"] for r in chosen]
