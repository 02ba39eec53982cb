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
    """The check questions answered with a clear no since the session started, oldest first.

    Read back from the latest event to the session's start, as the earlier messages are: a
    clear no answers the question set last before it, the next one met going back."""
    cleared: list[str] = []
    answered_no = False
    for event in reversed(tracker.events):
        if isinstance(event, (SessionStarted, Restarted)):
            break
        if not isinstance(event, SlotSet):
            continue
        if event.key == ANSWER_SLOT and event.value == CLEAR_NO:
            answered_no = True
        elif event.key == QUESTION_SLOT and answered_no:
            if isinstance(event.value, str):
                cleared.append(event.value)
            answered_no = False
    return list(dict.fromkeys(reversed(cleared)))[-MOST_QUESTIONS:]


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
