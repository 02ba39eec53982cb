"""Which check question waits for its answer, handed to the NLU pipeline with the message.

The red-flag component reads one message, not the conversation. A reply to a waiting check
that also tells a sign of its own ("like 7 weeks ago? its not getting better", answering the
fall check) must not open a second check no more urgent than the waiting one:
CheckQuestionPolicy keeps the waiting form, so the new question would replace the waiting
one's words while the reply still raises the triage to the waiting check's level.
`parse_message` (bot_extensions/nlu_thread.py) writes the waiting check's level under `KEY`,
and the question it asked under `QUESTION_KEY`, always replacing whatever a client sent under
those keys. The question says what a "yeah, it's fine now" answers: a sign there now, or a
history ("have you ever had cancer?").
"""

from __future__ import annotations

from typing import Any

from rasa.shared.core.trackers import DialogueStateTracker

from bot_extensions.check_policy import FORM_LEVELS

KEY = "backbone_waiting_check"
QUESTION_KEY = "backbone_waiting_question"
# The slot that keeps the words of the check question last asked (domain/safety.yml).
QUESTION_SLOT = "check_question"
# A question's words, bounded: the slot is the bot's own text, but the metadata is read again.
LONGEST_QUESTION = 400


def from_tracker(tracker: DialogueStateTracker) -> str | None:
    """The level of the check form waiting for its answer, if one is."""
    return FORM_LEVELS.get(tracker.active_loop_name or "")


def question_from_tracker(tracker: DialogueStateTracker) -> str | None:
    """The words of the check question waiting for its answer, if one waits."""
    question = tracker.get_slot(QUESTION_SLOT) if from_tracker(tracker) else None
    return question if isinstance(question, str) else None


def with_waiting(
    metadata: dict[str, Any] | None, level: str | None, question: str | None = None
) -> dict[str, Any]:
    return {**(metadata or {}), KEY: level, QUESTION_KEY: question}


def from_metadata(metadata: Any) -> str | None:
    """The waiting check's level handed over by `parse_message`; None for anything else."""
    level = metadata.get(KEY) if isinstance(metadata, dict) else None
    return level if level in FORM_LEVELS.values() else None


def question_from_metadata(metadata: Any) -> str:
    """The waiting check's question handed over by `parse_message`; "" when none waits."""
    if from_metadata(metadata) is None:
        return ""
    question = metadata.get(QUESTION_KEY)
    return question[:LONGEST_QUESTION] if isinstance(question, str) else ""
