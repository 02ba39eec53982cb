"""What the person wrote just before: people on a phone tell one thing in several short messages
("its for my dad" / "hes 81" / "slipped on the ice this morning").

NLU components see one message, not the conversation. `parse_message` (bot_extensions/
nlu_thread.py) reads the person's last few short messages of this session from the tracker
and hands them to the pipeline under `KEY` in the parsed copy's metadata, always replacing
whatever a client sent under that key; the red-flag component reads them with `from_metadata`.
The stored message keeps the client's own metadata.

A long message is a story told whole and ends the burst, but the person's own hip it named is
handed on under `STORY_HIP_KEY`: "My right hip started hurting 3 days ago... could I do some
gentle hip exercises?" / "it looks red and puffy and feels hot, my temp was 38.9" tells a hot
hip with a fever, whose hip only the story named.
"""

from __future__ import annotations

from typing import Any

from rasa.shared.core.events import Restarted, SessionStarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot_extensions.red_flags.language import HIP_NAMED

KEY = "backbone_earlier_messages"
STORY_HIP_KEY = "backbone_story_hip"
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


def story_hip_from_tracker(tracker: DialogueStateTracker) -> str | None:
    """The person's own hip ("my right hip"), named in their message right before this one when
    that message was a long story."""
    for event in reversed(tracker.events):
        if isinstance(event, (SessionStarted, Restarted)):
            return None
        if isinstance(event, UserUttered):
            text = event.text or ""
            hip = HIP_NAMED.search(text.lower()) if len(text) > LONGEST_MESSAGE else None
            return hip.group() if hip else None
    return None


def with_earlier(
    metadata: dict[str, Any] | None, earlier: list[str], story_hip: str | None = None
) -> dict[str, Any]:
    return {**(metadata or {}), KEY: earlier, STORY_HIP_KEY: story_hip}


def from_metadata(metadata: Any) -> list[str]:
    """The earlier messages handed over by `parse_message`; nothing for anything malformed."""
    earlier = metadata.get(KEY) if isinstance(metadata, dict) else None
    if not isinstance(earlier, list):
        return []
    texts = [t for t in earlier[-MOST_MESSAGES:] if isinstance(t, str)]
    return [t for t in texts if len(t) <= LONGEST_MESSAGE]


def story_hip_from_metadata(metadata: Any) -> str | None:
    """The story's hip handed over by `parse_message`; None for anything else."""
    hip = metadata.get(STORY_HIP_KEY) if isinstance(metadata, dict) else None
    return hip if isinstance(hip, str) and HIP_NAMED.fullmatch(hip) else None
