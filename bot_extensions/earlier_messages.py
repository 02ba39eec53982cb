"""What the person wrote just before: people on a phone tell one thing in several short messages
("its for my dad" / "hes 81" / "slipped on the ice this morning").

NLU components see one message, not the conversation. `parse_message` (bot_extensions/
nlu_thread.py) reads the person's last few short messages of this session from the tracker
and hands them to the pipeline under `KEY` in the parsed copy's metadata, always replacing
whatever a client sent under that key; the red-flag component reads them with `from_metadata`.
The stored message keeps the client's own metadata.
"""

from __future__ import annotations

from typing import Any

from rasa.shared.core.events import Restarted, SessionStarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

KEY = "backbone_earlier_messages"
# A burst is a few short messages; a long message is a story told whole, and ends the burst.
MOST_MESSAGES = 3
LONGEST_MESSAGE = 160


def from_tracker(tracker: DialogueStateTracker) -> list[str]:
    """The person's short messages right before this one in this session, oldest first."""
    earlier: list[str] = []
    for event in reversed(tracker.events):
        if isinstance(event, (SessionStarted, Restarted)) or len(earlier) == MOST_MESSAGES:
            break
        if isinstance(event, UserUttered):
            text = event.text or ""
            if len(text) > LONGEST_MESSAGE:
                break
            earlier.append(text)
    return earlier[::-1]


def with_earlier(metadata: dict[str, Any] | None, earlier: list[str]) -> dict[str, Any]:
    return {**(metadata or {}), KEY: earlier}


def from_metadata(metadata: Any) -> list[str]:
    """The earlier messages handed over by `parse_message`; nothing for anything malformed."""
    earlier = metadata.get(KEY) if isinstance(metadata, dict) else None
    if not isinstance(earlier, list):
        return []
    texts = [t for t in earlier[-MOST_MESSAGES:] if isinstance(t, str)]
    return [t for t in texts if len(t) <= LONGEST_MESSAGE]
