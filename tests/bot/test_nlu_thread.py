"""The NLU graph runs on its own thread: the event loop keeps serving while a message is parsed,
and the parse gives what Rasa's own method gives."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

from rasa.core.agent import Agent
from rasa.core.channels.channel import UserMessage
from rasa.core.processor import MessageProcessor
from rasa.shared.core.events import (
    ActionExecuted,
    ActiveLoop,
    BotUttered,
    Event,
    Restarted,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

from bot_extensions import cleared_checks, earlier_messages, nlu_thread, rasa_patches, waiting_check

# How long a parse waits for the event loop to serve another task: far longer than it needs
# when the parse runs on its own thread; a parse on the loop waits it out in vain.
PARSE_WAIT_SECONDS = 20.0


class SlowProcessor:
    """Just what parse_message uses of a processor, with a parse that lasts until the event loop
    has served another task (or PARSE_WAIT_SECONDS have passed)."""

    http_interpreter = None

    def __init__(self) -> None:
        self.parsed_on: list[str] = []
        self.loop_served = threading.Event()
        self.served_during_the_parse = False

    def _parse_message_with_graph(self, message: UserMessage, *_: Any) -> dict[str, Any]:
        self.parsed_on.append(threading.current_thread().name)
        self.served_during_the_parse = self.loop_served.wait(timeout=PARSE_WAIT_SECONDS)
        return {"text": message.text, "intent": {"name": "greet"}, "entities": []}

    def _update_full_retrieval_intent(self, _parse_data: dict[str, Any]) -> None:
        return None

    def _check_for_unseen_features(self, _parse_data: dict[str, Any]) -> None:
        return None


def test_the_loop_keeps_serving_while_a_message_is_parsed() -> None:
    """Decided by the order of events, not by a clock, so a busy machine cannot fail it: the
    parse waits for a task that only the event loop can run."""
    processor = SlowProcessor()

    async def scenario() -> dict[str, Any]:
        async def serve_another_task() -> None:
            while not processor.parsed_on:
                await asyncio.sleep(0.01)
            processor.loop_served.set()

        other = asyncio.create_task(serve_another_task())
        parsed = await nlu_thread.parse_message(processor, UserMessage("hello"))  # type: ignore[arg-type]
        other.cancel()
        return parsed

    parsed = asyncio.run(scenario())
    assert parsed["text"] == "hello"
    assert processor.parsed_on and processor.parsed_on[0].startswith("nlu")
    # On the loop, the parse would have blocked the other task until its wait ran out.
    assert processor.served_during_the_parse


def test_the_patched_parse_is_rasas_parse(trained_agent: Agent) -> None:
    assert MessageProcessor.parse_message is nlu_thread.parse_message
    agent = trained_agent
    rasa_parse = rasa_patches.original("rasa.core.processor:MessageProcessor.parse_message")
    for text in ["hi", "my back hurts when I bend and my leg is numb", "/greet", "x" * 5000]:
        ours = asyncio.run(nlu_thread.parse_message(agent.processor, UserMessage(text)))
        theirs = asyncio.run(rasa_parse(agent.processor, UserMessage(text)))
        assert ours == theirs


class RecordingProcessor(SlowProcessor):
    def __init__(self) -> None:
        super().__init__()
        self.metadata: list[dict[str, Any]] = []

    def _parse_message_with_graph(self, message: UserMessage, *_: Any) -> dict[str, Any]:
        self.metadata.append(message.metadata)
        return {"text": message.text, "intent": {"name": "greet"}, "entities": []}


def _tracker(*events: Event) -> DialogueStateTracker:
    return DialogueStateTracker.from_events("someone", list(events))


def test_the_parse_is_handed_the_persons_short_messages_just_before_it() -> None:
    processor = RecordingProcessor()
    tracker = _tracker(
        UserUttered("an old message from the session before"),
        SessionStarted(),
        UserUttered("I wrote a long story here. " * 10),
        BotUttered("a reply"),
        UserUttered("its for my dad"),
        ActionExecuted("action_listen"),
        UserUttered("hes 81"),
    )
    # A client's own value under the key never reaches the pipeline, and is not changed.
    sent = UserMessage(
        "slipped on the ice", metadata={earlier_messages.KEY: ["im 90 and fell"], "x": 1}
    )
    asyncio.run(nlu_thread.parse_message(processor, sent, tracker))  # type: ignore[arg-type]
    assert processor.metadata == [
        {
            earlier_messages.KEY: ["its for my dad", "hes 81"],
            earlier_messages.STORY_HIP_KEY: None,
            cleared_checks.KEY: [],
            waiting_check.KEY: None,
            waiting_check.QUESTION_KEY: None,
            "x": 1,
        }
    ]
    assert sent.metadata == {earlier_messages.KEY: ["im 90 and fell"], "x": 1}


def test_the_parse_is_told_which_check_waits_and_a_client_cannot_say_so() -> None:
    processor = RecordingProcessor()
    tracker = _tracker(
        SessionStarted(), UserUttered("fell off the ladder"), ActiveLoop("emergency_check")
    )
    tracker.slots[waiting_check.QUESTION_SLOT].value = "Is it still there now?"
    sent = UserMessage(
        "like 7 weeks ago?",
        metadata={waiting_check.KEY: "see_clinician", waiting_check.QUESTION_KEY: "forged"},
    )
    asyncio.run(nlu_thread.parse_message(processor, sent, tracker))  # type: ignore[arg-type]
    assert processor.metadata[0][waiting_check.KEY] == "emergency"
    assert processor.metadata[0][waiting_check.QUESTION_KEY] == "Is it still there now?"
    # no check waits: whatever the client wrote under the keys is replaced
    asyncio.run(nlu_thread.parse_message(processor, sent, _tracker()))  # type: ignore[arg-type]
    assert processor.metadata[1][waiting_check.KEY] is None
    assert processor.metadata[1][waiting_check.QUESTION_KEY] is None


def test_only_the_last_few_short_messages_are_handed_on() -> None:
    said = [f"message {n}" for n in range(6)]
    tracker = _tracker(SessionStarted(), *(UserUttered(text) for text in said))
    assert earlier_messages.from_tracker(tracker) == said[-earlier_messages.MOST_MESSAGES :]
    assert earlier_messages.from_tracker(_tracker()) == []
    assert earlier_messages.from_tracker(_tracker(UserUttered("hi"), Restarted())) == []


def test_the_hip_a_long_story_named_right_before_is_handed_on() -> None:
    story = "My right hip has ached since Tuesday and I can barely walk on it. " * 3
    processor = RecordingProcessor()
    sent = UserMessage(
        "its red and hot now", metadata={earlier_messages.STORY_HIP_KEY: "my left hip"}
    )
    tracker = _tracker(SessionStarted(), UserUttered(story))
    asyncio.run(nlu_thread.parse_message(processor, sent, tracker))  # type: ignore[arg-type]
    assert processor.metadata[0][earlier_messages.STORY_HIP_KEY] == "my right hip"
    # a short message, a message in between, or a story that names no hip of the person's own
    for events in (
        [UserUttered("my right hip aches")],
        [UserUttered(story), UserUttered("ok")],
        [UserUttered("My mum's hip has ached since Tuesday and she can barely walk. " * 3)],
    ):
        assert earlier_messages.story_hip_from_tracker(_tracker(SessionStarted(), *events)) is None
    # only a hip's name passes from the metadata into the pipeline
    assert (
        earlier_messages.story_hip_from_metadata({earlier_messages.STORY_HIP_KEY: "x" * 500})
        is None
    )


def test_the_check_questions_answered_with_a_clear_no_this_session_are_handed_on() -> None:
    tracker = _tracker(
        SlotSet("check_question", "Asked in the session before?"),
        SlotSet("check_answer", "no"),
        SessionStarted(),
        SlotSet("check_question", "Have you ever had cancer?"),
        SlotSet("check_answer", "pending"),
        SlotSet("check_answer", "no"),
        SlotSet("check_question", "Is the numbness there now?"),
        SlotSet("check_answer", "yes"),
    )
    processor = RecordingProcessor()
    sent = UserMessage("and my uncle had a tumour", metadata={cleared_checks.KEY: ["forged"]})
    asyncio.run(nlu_thread.parse_message(processor, sent, tracker))  # type: ignore[arg-type]
    assert processor.metadata[0][cleared_checks.KEY] == ["Have you ever had cancer?"]
    # what reaches the pipeline is bounded and only words
    forged = {cleared_checks.KEY: ["x" * 5000, 3, *[f"q{n}" for n in range(50)]]}
    assert len(cleared_checks.from_metadata(forged)) == cleared_checks.MOST_QUESTIONS
    assert cleared_checks.from_metadata({cleared_checks.KEY: "not a list"}) == frozenset()
