"""Messages are understood (the NLU graph) on a thread of their own, not on the event loop.

Rasa 3.6 runs the NLU pipeline inside its event loop: while a long message was parsed (49 ms
for the 5,000 characters a channel lets through), no other conversation on that server moved,
not even to read a reply from the action server. Here `parse_message` hands the same call,
`MessageProcessor._parse_message_with_graph`, to one worker thread and awaits it; the rest of
the method is Rasa's, line for line. One thread, so the pipeline's components never run twice
at once, as before; the loop meanwhile serves the other conversations (Python switches
between the two threads every few milliseconds, so a long parse shares the CPU instead of
holding it). The conversation being parsed waits for its result exactly as before: its turn
holds the conversation's lock.

The copy of the message that is parsed also carries the person's earlier short messages
(bot_extensions/earlier_messages.py), so that a red flag told across a burst of messages is
found, the level of a check question waiting for its answer (bot_extensions/waiting_check.py),
and the check questions already answered with a clear no (bot_extensions/cleared_checks.py).
"""

from __future__ import annotations

import asyncio
import copy
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import rasa.core.processor
from rasa.core.channels.channel import UserMessage
from rasa.core.processor import MessageProcessor
from rasa.shared.core.trackers import DialogueStateTracker

from bot_extensions import cleared_checks, earlier_messages, waiting_check

NLU_THREAD = ThreadPoolExecutor(max_workers=1, thread_name_prefix="nlu")


async def parse_message(
    self: MessageProcessor,
    message: UserMessage,
    tracker: DialogueStateTracker | None = None,
    only_output_properties: bool = True,
) -> dict[str, Any]:
    """`MessageProcessor.parse_message` of Rasa 3.6.21 with the graph run on NLU_THREAD."""
    if self.http_interpreter:
        parse_data = await self.http_interpreter.parse(message)
    else:
        if tracker is None:
            tracker = DialogueStateTracker.from_events(message.sender_id, [])
        parsed = copy.copy(message)
        parsed.metadata = cleared_checks.with_cleared(
            waiting_check.with_waiting(
                earlier_messages.with_earlier(
                    message.metadata,
                    earlier_messages.from_tracker(tracker),
                    earlier_messages.story_hip_from_tracker(tracker),
                ),
                waiting_check.from_tracker(tracker),
                waiting_check.question_from_tracker(tracker),
            ),
            cleared_checks.from_tracker(tracker),
        )
        parse_data = await asyncio.get_running_loop().run_in_executor(
            NLU_THREAD, self._parse_message_with_graph, parsed, tracker, only_output_properties
        )
    self._update_full_retrieval_intent(parse_data)
    rasa.core.processor.structlogger.debug(
        "processor.message.parse",
        parse_data_text=copy.deepcopy(parse_data["text"]),
        parse_data_intent=parse_data["intent"],
        parse_data_entities=copy.deepcopy(parse_data["entities"]),
    )
    self._check_for_unseen_features(parse_data)
    return parse_data


def install() -> None:
    """Called once at start-up by bot_extensions/rasa_patches.py."""
    MessageProcessor.parse_message = parse_message  # type: ignore[method-assign]
