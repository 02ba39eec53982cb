"""The states of a conversation's past turns, computed once per conversation.

Every policy prediction asks `Domain.states_for_tracker_history` for the state before each past
action, and Rasa 3.6 rebuilds all of them each time: it replays the conversation from the start
and builds a state (user message, slots, previous action, active loop) at every action. A turn
makes several predictions and RulePolicy and MemoizationPolicy each ask, so a turn at turn 80
cost three times a turn at turn 10 (docs/production.md).

Here the state at each past action is computed once and kept per conversation (sender id),
with the events it was computed from. On the next call, as long as the conversation's applied
events start with the same events (the same objects, or events of the same type and time
stamp with the same content), the kept states are reused and only the new actions' states are
built; the first difference (a revert, a form's earlier run dropped from the applied events, a
new session) throws away everything from there on. The loop that turns those states into the
returned list is Rasa's own (same hidden rule turns, rule-only features, substituted user
input), and every call gets fresh copies, so callers may change them as before.

A caller that reads only the last states (RulePolicy: no rule is longer than its window, see
bot_extensions/rule_policy_window.py) says so with `only_last_states(count)`, and then gets only
those, so a prediction costs the same at turn 80 as at turn 10.

Only live conversations (`DialogueStateTracker` itself) use it; training trackers keep Rasa's
path. Bounded: `MAX_CONVERSATIONS` conversations, least recently used dropped first.
`tests/bot/test_history_cache.py` checks it against Rasa's own function over long conversations.
"""

from __future__ import annotations

import itertools
import operator
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from rasa.shared.core import constants as core_constants
from rasa.shared.core.domain import Domain, State
from rasa.shared.core.events import (
    ActionExecuted,
    ActionReverted,
    ActiveLoop,
    BotUttered,
    Event,
    Restarted,
    SessionStarted,
    UserUtteranceReverted,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

MAX_CONVERSATIONS = 256

# How many of the last states the current caller reads (None: all of them).
_states_needed: ContextVar[int | None] = ContextVar("backbone_states_needed", default=None)

# Rasa's functions, kept for training trackers and for the comparison tests.
rasa_states_for_tracker_history = Domain.states_for_tracker_history
rasa_applied_events = DialogueStateTracker.applied_events


@dataclass
class _Snapshot:
    """What Rasa reads from the replayed tracker just before one past action."""

    hide_rule_turn: bool
    followup_action: str | None
    latest_action_name: str | None
    active_loop_name: str | None
    prev_action: dict[str, Any] | None
    states: dict[bool, State]  # by omit_unset_slots


@dataclass
class _Conversation:
    domain: Domain
    events: list[Event]  # the applied events replayed so far
    replay: DialogueStateTracker  # the tracker after `events`
    snapshots: dict[int, _Snapshot]  # by position of the action in `events`


_conversations: OrderedDict[str, _Conversation] = OrderedDict()


@dataclass
class _Applied:
    """`applied_events()` of a conversation, and what it was computed from."""

    events: list[Event]  # the tracker's events read so far
    loop_names: frozenset[str]
    applied: list[Event]


_applied: OrderedDict[str, _Applied] = OrderedDict()


def clear() -> None:
    _conversations.clear()
    _applied.clear()


def remember(cache: OrderedDict[str, Any], key: str, value: Any) -> None:
    cache[key] = value
    cache.move_to_end(key)
    while len(cache) > MAX_CONVERSATIONS:
        cache.popitem(last=False)


def starts_with(events: Any, prefix: list[Event]) -> bool:
    """`events` begins with the very objects of `prefix`."""
    return len(events) >= len(prefix) and all(
        map(operator.is_, prefix, itertools.islice(events, len(prefix)))
    )


def applied_events(self: DialogueStateTracker) -> list[Event]:
    """`DialogueStateTracker.applied_events` of Rasa 3.6.21, continued from the last call for
    the same conversation when its events are the same objects plus new ones, and no new loop
    name appeared (the loop names decide how every earlier loop execution is read)."""
    if type(self) is not DialogueStateTracker or self._max_event_history:
        return rasa_applied_events(self)
    key = self.sender_id
    kept = _applied.get(key)
    new: list[Event] = []
    if kept is not None and starts_with(self.events, kept.events):
        new = list(itertools.islice(self.events, len(kept.events), None))
        if any(isinstance(e, ActiveLoop) and e.name and e.name not in kept.loop_names for e in new):
            kept = None
    else:
        kept = None
    if kept is None:
        events = list(self.events)
        kept = _Applied(
            [],
            frozenset(e.name for e in events if isinstance(e, ActiveLoop) and e.name),
            [],
        )
        new = events
    applied = kept.applied
    loop_names = kept.loop_names
    for event in new:  # Rasa's loop, unchanged
        if isinstance(event, (Restarted, SessionStarted)):
            applied = []
        elif isinstance(event, ActionReverted):
            self._undo_till_previous(ActionExecuted, applied)
        elif isinstance(event, UserUtteranceReverted):
            self._undo_till_previous(UserUttered, applied)
            self._undo_till_previous(ActionExecuted, applied)
        elif (
            isinstance(event, ActionExecuted)
            and event.action_name in loop_names
            and not self._first_loop_execution_or_unhappy_path(event.action_name, applied)
        ):
            self._undo_till_previous_loop_execution(event.action_name, applied)
        else:
            applied.append(event)
    kept.applied = applied
    kept.events = kept.events + new
    remember(_applied, key, kept)
    return list(applied)


def _same_event(a: Event, b: Event) -> bool:
    """The same event, as far as the states go: the tracker store builds new objects each turn."""
    if a is b:
        return True
    if type(a) is not type(b) or a.timestamp != b.timestamp:
        return False
    if isinstance(a, UserUttered):
        assert isinstance(b, UserUttered)
        return (a.text, a.intent_name, a.entities) == (b.text, b.intent_name, b.entities)
    if isinstance(a, BotUttered):
        assert isinstance(b, BotUttered)
        return (a.text, a.data) == (b.text, b.data)
    if isinstance(a, ActionExecuted):
        assert isinstance(b, ActionExecuted)
        return (a.action_name, a.action_text, a.hide_rule_turn) == (
            b.action_name,
            b.action_text,
            b.hide_rule_turn,
        )
    return bool(a == b)


def _copy(state: State) -> State:
    """Two levels deep: sub-states hold strings, floats and tuples only."""
    return {key: dict(sub_state) for key, sub_state in state.items()}


def _handed_out(state: State, slots_change: bool) -> State:
    """A kept state as a caller may change it. Rasa 3.6.21 changes a returned state's top level
    (the loop below and the featurizers), the user sub-state (the featurizer drops the text or
    the intent of the last one, which earlier states may share) and, with rule-only slots, the
    slots sub-state; nothing else, so the other sub-states are shared (read only)."""
    out = dict(state)
    user = out.get(core_constants.USER)
    if user is not None:
        out[core_constants.USER] = dict(user)
    if slots_change and core_constants.SLOTS in out:
        out[core_constants.SLOTS] = dict(out[core_constants.SLOTS])
    return out


def _active_state(domain: Domain, tracker: DialogueStateTracker, omit_unset_slots: bool) -> State:
    return domain.get_active_state(tracker, omit_unset_slots=omit_unset_slots)


def _snapshot(
    domain: Domain,
    tracker: DialogueStateTracker,
    hide_rule_turn: bool,
    omit_unset_slots: tuple[bool, ...] = (False, True),
) -> _Snapshot:
    prev_action = domain._get_prev_action_sub_state(tracker)
    return _Snapshot(
        hide_rule_turn=hide_rule_turn,
        followup_action=tracker.followup_action,
        latest_action_name=tracker.latest_action_name,
        active_loop_name=tracker.active_loop_name,
        prev_action=dict(prev_action) if prev_action is not None else None,
        states={omit: _copy(_active_state(domain, tracker, omit)) for omit in omit_unset_slots},
    )


def _prior_snapshots(
    domain: Domain, tracker: DialogueStateTracker, omit_unset_slots: bool
) -> list[_Snapshot]:
    """One snapshot per past action, then one of the tracker now: what
    `tracker.generate_all_prior_trackers()` yields, read once per action and conversation."""
    applied = tracker.applied_events()
    key = tracker.sender_id
    conversation = _conversations.get(key)
    if conversation is not None and (
        conversation.domain is not domain
        or conversation.replay._max_event_history != tracker._max_event_history
    ):
        conversation = None
    same = 0
    if conversation is not None:
        kept = conversation.events
        limit = min(len(kept), len(applied))
        while same < limit and _same_event(kept[same], applied[same]):
            same += 1
    if conversation is None or same < len(conversation.events):
        # A new conversation, or the events differ from `same` on: replay the equal part
        # (cheap) and keep only the snapshots taken within it.
        replay = tracker.init_copy()
        for event in applied[:same]:
            replay.update(event)
        snapshots = (
            {i: s for i, s in conversation.snapshots.items() if i < same} if conversation else {}
        )
        conversation = _Conversation(domain, list(applied[:same]), replay, snapshots)
    remember(_conversations, key, conversation)

    replay = conversation.replay
    for position in range(len(conversation.events), len(applied)):
        event = applied[position]
        if isinstance(event, ActionExecuted):
            conversation.snapshots[position] = _snapshot(domain, replay, event.hide_rule_turn)
        replay.update(event)
    # The kept events are this call's objects from now on: later calls in the same turn match
    # them by identity.
    conversation.events = list(applied)
    # Positions are added in increasing order and only ever cut from the end, so the dict's
    # order is the conversation's.
    return [
        *conversation.snapshots.values(),
        _snapshot(domain, replay, False, (omit_unset_slots,)),
    ]


def states_needed() -> int | None:
    """How many of the last states the current caller reads (None: all)."""
    return _states_needed.get()


@contextmanager
def only_last_states(count: int) -> Iterator[None]:
    """Within this block, `states_for_tracker_history` of a live conversation returns only its
    last `count` states when it is asked without rule-only turns hidden (each state then
    depends on its own snapshot alone; hiding rule turns reads the ones before)."""
    token = _states_needed.set(count)
    try:
        yield
    finally:
        _states_needed.reset(token)


def states_for_tracker_history(
    self: Domain,
    tracker: DialogueStateTracker,
    omit_unset_slots: bool = False,
    ignore_rule_only_turns: bool = False,
    rule_only_data: dict[str, Any] | None = None,
) -> list[State]:
    """`Domain.states_for_tracker_history` of Rasa 3.6.21, reading the kept snapshots."""
    if type(tracker) is not DialogueStateTracker:
        return rasa_states_for_tracker_history(
            self, tracker, omit_unset_slots, ignore_rule_only_turns, rule_only_data
        )
    states: list[State] = []
    last_ml_action_sub_state = None
    turn_was_hidden = False
    slots_change = bool(
        ignore_rule_only_turns
        and rule_only_data
        and rule_only_data.get(core_constants.RULE_ONLY_SLOTS)
    )
    snapshots = _prior_snapshots(self, tracker, omit_unset_slots)
    needed = states_needed()
    if needed is not None and not ignore_rule_only_turns:
        snapshots = snapshots[-needed:]
    for snapshot in snapshots:
        if ignore_rule_only_turns:
            if not turn_was_hidden:
                last_ml_action_sub_state = (
                    dict(snapshot.prev_action) if snapshot.prev_action is not None else None
                )
            if not snapshot.followup_action and (
                snapshot.latest_action_name != snapshot.active_loop_name
            ):
                turn_was_hidden = snapshot.hide_rule_turn
            if turn_was_hidden:
                continue

        state = _handed_out(snapshot.states[omit_unset_slots], slots_change)

        if ignore_rule_only_turns:
            self._remove_rule_only_features(state, rule_only_data)
            if states:
                self._substitute_rule_only_user_input(state, states[-1])
            if last_ml_action_sub_state:
                state[core_constants.PREVIOUS_ACTION] = last_ml_action_sub_state

        states.append(self._clean_state(state))
    return states


def install() -> None:
    Domain.states_for_tracker_history = states_for_tracker_history  # type: ignore[method-assign]
    DialogueStateTracker.applied_events = applied_events  # type: ignore[method-assign]
