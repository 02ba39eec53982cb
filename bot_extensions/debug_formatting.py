"""Format the tracker states for RulePolicy's debug line only when debug logging is on.

Rasa 3.6's RulePolicy formats every state of the conversation into a string on each
prediction, for a debug log line that is dropped unless Rasa runs with `--debug`: a cost that
grows with the conversation (about 4 ms per turn at turn 75 in the profile, docs/production.md).
With debug logging on, the line is exactly Rasa's.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa.core.policies.policy import Policy

rasa_format_tracker_states = Policy.format_tracker_states
LOGGER = logging.getLogger("rasa.core.policies.rule_policy")
NOT_FORMATTED = "(states not formatted: debug logging is off)"


def format_tracker_states(states: list[dict[str, Any]]) -> str:
    if LOGGER.isEnabledFor(logging.DEBUG):
        return str(rasa_format_tracker_states(states))
    return NOT_FORMATTED


def install() -> None:
    """Called once at start-up by bot_extensions/rasa_patches.py."""
    Policy.format_tracker_states = staticmethod(format_tracker_states)  # type: ignore[assignment,method-assign]
