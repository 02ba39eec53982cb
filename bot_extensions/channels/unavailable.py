"""What a person is told when their message could not be handled at all: the conversation store
or the lock store is down, so the turn failed (bot_extensions/tracker_store.py lets that error
through instead of starting an empty conversation).

A red flag must still be answered: the NLU pipeline needs no conversation, so the message is
parsed and, when the red-flag detector found an emergency or urgent sign, the same response the
rules would pick is sent first. Then the person is told the message was not taken in. Every
word comes from the domain's responses.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa.core.agent import Agent
from rasa.shared.core.events import SlotSet
from rasa.shared.core.trackers import DialogueStateTracker

logger = logging.getLogger(__name__)

# The rules in data/rules/safety.yml: triage level → the reply that says what to do now.
RED_FLAG_RESPONSES = {"emergency": "utter_emergency", "urgent": "utter_urgent"}
NOT_HANDLED_RESPONSE = "channel_message_not_handled"
# Only if the model itself cannot be used: no medical content, just the failure.
# What a channel sends of a generated response (the rest, like its `condition`, is not for people).
MESSAGE_KEYS = ("text", "buttons", "image", "custom", "attachment", "quick_replies", "elements")
LAST_RESORT = {"text": "Sorry, something went wrong on my side. Please try again in a minute."}


async def replies_when_unhandled(app: Any, text: str, channel: str) -> list[dict[str, Any]]:
    """What to send for `text`, with the agent of the Sanic `app` Rasa serves (None if none)."""
    agent: Agent | None = getattr(app.ctx, "agent", None) if app is not None else None
    if agent is None or not agent.is_ready():
        logger.error("No model loaded to answer an unhandled message.")
        return [LAST_RESORT]
    try:
        parsed = await agent.parse_message(text)
        found = {entity["entity"]: entity["value"] for entity in parsed.get("entities", [])}
        # The response variants pick their wording from the slots these entities fill (for
        # someone else, crisis support).
        slot_names = {slot.name for slot in agent.domain.slots}
        slots = [SlotSet(name, value) for name, value in found.items() if name in slot_names]
        tracker = DialogueStateTracker.from_events("unhandled", slots, agent.domain.slots)
        level = found.get("triage_level")
        names = [RED_FLAG_RESPONSES[level]] if level in RED_FLAG_RESPONSES else []
        replies = []
        for name in [*names, NOT_HANDLED_RESPONSE]:
            reply = await agent.nlg.generate(name, tracker, channel)
            if reply:
                replies.append({key: reply[key] for key in MESSAGE_KEYS if reply.get(key)})
        return replies or [LAST_RESORT]
    except Exception:
        logger.exception("Could not even prepare the reply for an unhandled message.")
        return [LAST_RESORT]
