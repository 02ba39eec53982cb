"""The most specific matching response variation is the one sent
(bot_extensions/response_specificity.py)."""

from __future__ import annotations

from typing import Any

from rasa.core.nlg.generator import ResponseVariationFilter

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
