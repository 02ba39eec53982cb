"""Of the response variations whose conditions all match, the most specific ones are chosen.

Rasa 3.6 picks at random among every matching conditional variation, so "after an emergency"
([triage]) and "after an emergency told as thoughts of suicide" ([triage, alarm_kind]) would
each be sent half the time. Keeping only the variations with the most conditions makes the
choice deterministic wherever one variation narrows another; variations equally specific
stay Rasa's random choice, and the channel and default rules are Rasa's own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rasa.core.nlg.generator import ResponseVariationFilter
from rasa.shared.constants import RESPONSE_CONDITION

Responses = list[dict[str, Any]]
Chooser = Callable[[ResponseVariationFilter, str, str, dict[str, Any]], Responses]


def _condition_count(response: dict[str, Any]) -> int:
    return len(response.get(RESPONSE_CONDITION) or [])


def most_specific(rasa_choice: Chooser) -> Chooser:
    def responses_for_utter_action(
        self: ResponseVariationFilter,
        utter_action: str,
        output_channel: str,
        filled_slots: dict[str, Any],
    ) -> Responses:
        chosen = rasa_choice(self, utter_action, output_channel, filled_slots)
        most = max((_condition_count(response) for response in chosen), default=0)
        return [response for response in chosen if _condition_count(response) == most]

    return responses_for_utter_action


def install() -> None:
    """Called once at start-up by bot_extensions/rasa_patches.py."""
    ResponseVariationFilter.responses_for_utter_action = most_specific(  # type: ignore[method-assign]
        ResponseVariationFilter.responses_for_utter_action
    )
