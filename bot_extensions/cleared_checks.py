"""Check questions the person has answered with a clear no in this session, handed to the NLU
pipeline with the message.

A check question asked again after its clear no ("Have you ever had cancer...?" / "no, never
had cancer", then an uncle's tumour told) asks what the person has answered, and any reply but
a clear no would raise the triage: "ok, what exercises then?" is no such no. `parse_message`
(bot_extensions/nlu_thread.py) writes the questions so answered under `KEY`, always replacing
whatever a client sent under it; the red-flag component asks none of them again. A sign told
as there now still raises the alarm: only the question is not repeated.
"""

from __future__ import annotations

from typing import Any

from rasa.shared.core.events import Restarted, SessionStarted, SlotSet
from rasa.shared.core.trackers import DialogueStateTracker

from bot_extensions.waiting_check import LONGEST_QUESTION, QUESTION_SLOT

KEY = "backbone_cleared_checks"
ANSWER_SLOT = "check_answer"
CLEAR_NO = "no"
# A session asks a handful of checks; the bound keeps a forged list small.
MOST_QUESTIONS = 20


def from_tracker(tracker: DialogueStateTracker) -> list[str]:
    """The check questions answered with a clear no since the session started, oldest first."""
    cleared: list[str] = []
    question = None
    for event in tracker.events:
        if isinstance(event, (SessionStarted, Restarted)):
            cleared, question = [], None
        elif isinstance(event, SlotSet) and event.key == QUESTION_SLOT:
            question = event.value
        elif (
            isinstance(event, SlotSet)
            and event.key == ANSWER_SLOT
            and event.value == CLEAR_NO
            and isinstance(question, str)
        ):
            cleared.append(question)
    return list(dict.fromkeys(cleared))[-MOST_QUESTIONS:]


def with_cleared(metadata: dict[str, Any] | None, cleared: list[str]) -> dict[str, Any]:
    return {**(metadata or {}), KEY: cleared}


def from_metadata(metadata: Any) -> frozenset[str]:
    """The cleared questions handed over by `parse_message`; none for anything malformed."""
    cleared = metadata.get(KEY) if isinstance(metadata, dict) else None
    if not isinstance(cleared, list):
        return frozenset()
    return frozenset(
        q for q in cleared[-MOST_QUESTIONS:] if isinstance(q, str) and len(q) <= LONGEST_QUESTION
    )
