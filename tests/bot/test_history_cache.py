"""The history cache gives exactly Rasa's states, and so exactly Rasa's predictions.

Long conversations (150 turns of varied messages: screenings, exercises and their follow-ups,
topic questions, red flags, restarts and reverts) run through the trained model and the real
action server, in process: once with Rasa 3.6's own `states_for_tracker_history` and
`applied_events`, once with the cache. Every call of the cached functions is also checked
against Rasa's function on the same tracker, and the two runs must predict the same actions,
from the same policies with the same confidence, and say the same things.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import socket
import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rasa.core.agent import Agent
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from bench.loadgen.conversations import long_script
from bot_extensions import history_cache, tracker_copy
from bot_extensions.tracker_store import CachedSQLTrackerStore, FailingTrackerStore

ROOT = Path(__file__).resolve().parents[2]
APP_PY = ROOT / ".venv" / "app" / "bin" / "python"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def current_model() -> str:
    return subprocess.check_output([ROOT / "scripts" / "current_model.sh"], text=True).strip()


TURNS = 150
# Typed intents reach the agent here (the channels refuse them from people): they add a
# restart and reverts, which change a conversation's past.
DETOURS = {37: "/restart", 64: "/back", 101: "/back", 120: "/restart"}


def wait_for_port(port: int, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"the action server did not listen on {port} within {seconds} s")


@pytest.fixture(scope="module")
def actions_url() -> Iterator[str]:
    port = free_port()
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "DATABASE_URL": os.environ.get(
            "DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'knowledge.db'}"
        ),
    }
    log = (ROOT / "var" / "tmp").joinpath("history-cache-actions.log")
    log.parent.mkdir(parents=True, exist_ok=True)
    process = subprocess.Popen(
        [str(APP_PY), "-m", "rasa_sdk", "--actions", "actions", "-p", str(port)],
        cwd=ROOT,
        env=env,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        wait_for_port(port, 120)
        yield f"http://127.0.0.1:{port}/webhook"
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture(scope="module")
def agent(actions_url: str, tmp_path_factory: pytest.TempPathFactory) -> Agent:
    agent = Agent.load(current_model(), action_endpoint=EndpointConfig(actions_url))
    db = tmp_path_factory.mktemp("trackers") / "tracker.db"
    # The project's tracker store: its events are the same objects from turn to turn.
    agent.tracker_store = FailingTrackerStore(
        CachedSQLTrackerStore(agent.domain, dialect="sqlite", db=str(db))
    )
    agent.processor.tracker_store = agent.tracker_store  # type: ignore[union-attr]
    return agent


def script(seed: int) -> list[str]:
    messages = long_script(TURNS, seed)
    for turn, text in DETOURS.items():
        messages[turn] = text
    return messages


class Rasa:
    """Rasa 3.6's own functions, for one block."""

    def __enter__(self) -> None:
        self.saved = (
            Domain.states_for_tracker_history,
            DialogueStateTracker.applied_events,
            DialogueStateTracker.copy,
        )
        Domain.states_for_tracker_history = history_cache.rasa_states_for_tracker_history  # type: ignore[method-assign]
        DialogueStateTracker.applied_events = history_cache.rasa_applied_events  # type: ignore[method-assign]
        DialogueStateTracker.copy = tracker_copy.rasa_copy  # type: ignore[method-assign]

    def __exit__(self, *_: Any) -> None:
        (
            Domain.states_for_tracker_history,
            DialogueStateTracker.applied_events,
            DialogueStateTracker.copy,
        ) = self.saved  # type: ignore[method-assign]


calls = {"states": 0, "applied": 0, "windowed": 0, "copies": 0}


def checking_states(
    self: Domain, tracker: DialogueStateTracker, *args: Any, **kwargs: Any
) -> list[Any]:
    cached = history_cache.states_for_tracker_history(self, tracker, *args, **kwargs)
    with Rasa():
        expected = history_cache.rasa_states_for_tracker_history(self, tracker, *args, **kwargs)
    needed = history_cache.states_needed()
    hides_rule_turns = kwargs.get("ignore_rule_only_turns", args[1] if len(args) > 1 else False)
    if needed is not None and not hides_rule_turns:
        # RulePolicy's window (bot_extensions/rule_policy_window.py): Rasa's last states.
        expected = expected[-needed:]
        calls["windowed"] += 1
    assert cached == expected
    calls["states"] += 1
    return cached


def tracker_state(tracker: DialogueStateTracker) -> dict[str, Any]:
    """Everything a tracker holds, slots by their own attributes, events by identity."""
    state = dict(vars(tracker))
    state["events"] = [id(event) for event in tracker.events]
    state["slots"] = {name: (type(slot), vars(slot)) for name, slot in tracker.slots.items()}
    return state


def checking_copy(self: DialogueStateTracker) -> DialogueStateTracker:
    copied = tracker_copy.replayed_copy(self)
    assert tracker_state(copied) == tracker_state(tracker_copy.rasa_copy(self))
    # Nothing a caller changes in place is shared with the original.
    assert copied.events is not self.events
    assert all(copied.slots[name] is not slot for name, slot in self.slots.items())
    assert self.active_loop is None or copied.active_loop is not self.active_loop
    calls["copies"] += 1
    return copied


def checking_applied(self: DialogueStateTracker) -> list[Any]:
    cached = history_cache.applied_events(self)
    expected = history_cache.rasa_applied_events(self)
    assert len(cached) == len(expected)
    assert all(a is b for a, b in zip(cached, expected, strict=True))
    calls["applied"] += 1
    return cached


def turn_record(agent: Agent, sender: str) -> list[tuple[Any, ...]]:
    tracker = asyncio.run(agent.tracker_store.retrieve(sender))  # type: ignore[union-attr]
    assert tracker is not None
    record: list[tuple[Any, ...]] = []
    for event in tracker.events:
        if isinstance(event, ActionExecuted):
            record.append(("action", event.action_name, event.policy, event.confidence))
        elif isinstance(event, BotUttered):
            record.append(("bot", event.text, event.data.get("buttons")))
    return record


def without_sender(reply: dict[str, Any], sender: str) -> dict[str, Any]:
    """The reply with what names its conversation taken out (the plan link's id and key)."""
    text = json.dumps({k: v for k, v in reply.items() if k != "recipient_id"})
    text = re.sub(r"key=[A-Za-z0-9_-]+", "key=KEY", text.replace(sender, "SENDER"))
    result: dict[str, Any] = json.loads(text)
    return result


def talk(agent: Agent, messages: list[str]) -> tuple[str, list[list[dict[str, Any]]]]:
    sender = f"history-{uuid.uuid4().hex[:12]}"

    async def run() -> list[list[dict[str, Any]]]:
        replies = [await agent.handle_text(text, sender_id=sender) for text in messages]
        return [[without_sender(reply, sender) for reply in turn or []] for turn in replies]

    return sender, asyncio.run(run())


# One seed: a second one (the same mix, other messages) doubled the lane's longest test for no
# case the first lacks: the detours and every kind of turn are in each script.
@pytest.mark.parametrize("seed", [1])
def test_the_cache_predicts_what_rasa_predicts_over_150_turns(agent: Agent, seed: int) -> None:
    messages = script(seed)
    with Rasa():
        rasa_sender, rasa_replies = talk(agent, messages)
    history_cache.install()
    history_cache.clear()
    tracker_copy.clear()
    Domain.states_for_tracker_history = checking_states  # type: ignore[method-assign]
    DialogueStateTracker.applied_events = checking_applied  # type: ignore[method-assign]
    DialogueStateTracker.copy = checking_copy  # type: ignore[method-assign]
    before = dict(calls)
    try:
        cached_sender, cached_replies = talk(agent, messages)
    finally:
        history_cache.install()
        tracker_copy.install()
    # Rasa's run again after the cached one (the check above switched functions in between).
    with Rasa():
        assert turn_record(agent, rasa_sender)
    # Every prediction went through the check (several per turn).
    assert calls["states"] - before["states"] > 2 * TURNS
    assert calls["applied"] - before["applied"] > 2 * TURNS
    assert calls["windowed"] - before["windowed"] > TURNS  # RulePolicy read only its window
    assert calls["copies"] - before["copies"] > TURNS  # a copy before every action
    assert cached_replies == rasa_replies
    assert turn_record(agent, cached_sender) == turn_record(agent, rasa_sender)
    # The conversations went where they were meant to: screenings and exercises (the tracker
    # store returns the session after the last restart).
    actions = {entry[1] for entry in turn_record(agent, cached_sender) if entry[0] == "action"}
    assert "screening_form" in actions
    assert any(name.startswith("action_answer_exercise") for name in actions if name)


def test_states_after_a_new_session_and_a_changed_past_are_rebuilt(agent: Agent) -> None:
    """A conversation whose stored past differs from the kept one (here: another sender's
    events under the same id) is computed again from the first difference."""
    history_cache.install()
    sender = f"history-{uuid.uuid4().hex[:12]}"

    async def run() -> None:
        for text in ["hi", "give me some exercises", "lower back"]:
            await agent.handle_text(text, sender_id=sender)

    asyncio.run(run())
    tracker = asyncio.run(agent.tracker_store.retrieve(sender))  # type: ignore[union-attr]
    assert tracker is not None
    other = DialogueStateTracker.from_events(sender, list(tracker.events)[:5], agent.domain.slots)
    for candidate in (tracker, other, tracker):
        with Rasa():
            expected = candidate.past_states(agent.domain)
        assert candidate.past_states(agent.domain) == expected
