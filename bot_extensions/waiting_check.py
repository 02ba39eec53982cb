"""Which check question waits for its answer, handed to the NLU pipeline with the message.

The red-flag component reads one message, not the conversation. A reply to a waiting check
that also tells a sign of its own ("like 7 weeks ago? its not getting better", answering the
fall check) must not open a second check no more urgent than the waiting one:
CheckQuestionPolicy keeps the waiting form, so the new question would replace the waiting
one's words while the reply still raises the triage to the waiting check's level.
`parse_message` (bot_extensions/nlu_thread.py) writes the waiting check's level under `KEY`,
always replacing whatever a client sent under that key.
"""

from __future__ import annotations

from typing import Any

from rasa.shared.core.trackers import DialogueStateTracker

from bot_extensions.check_policy import FORM_LEVELS

KEY = "backbone_waiting_check"


def from_tracker(tracker: DialogueStateTracker) -> str | None:
    """The level of the check form waiting for its answer, if one is."""
    return FORM_LEVELS.get(tracker.active_loop_name or "")


def with_waiting(metadata: dict[str, Any] | None, level: str | None) -> dict[str, Any]:
    return {**(metadata or {}), KEY: level}


def from_metadata(metadata: Any) -> str | None:
    """The waiting check's level handed over by `parse_message`; None for anything else."""
    level = metadata.get(KEY) if isinstance(metadata, dict) else None
    return level if level in FORM_LEVELS.values() else None
