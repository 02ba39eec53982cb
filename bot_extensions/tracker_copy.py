"""`DialogueStateTracker.copy()` without replaying the whole conversation each time.

Rasa 3.6 copies the tracker before every action it runs by building an empty tracker and
replaying every event of the conversation onto it, so each action cost more the longer the
conversation. The copy is not the live tracker's state: the processor changes some of that
directly (it clears a follow-up action without an event), and the replay does not see those
changes. So the replay is kept, per conversation, and continued: the next copy applies only the
events added since (Rasa's own `update`, in Rasa's order), as long as the tracker's events
still begin with the very events replayed so far; otherwise the replay starts again. The copy
handed out is the replayed tracker's state: the same event objects in a new deque, each slot
copied (its value shared, as the replay shares the event's value), the loop and the latest
action copied (Rasa changes them in place); a replay holds nothing else of its own.

The tracker store (tracker_store.py) reads a conversation the same way: Rasa's
`DialogueStateTracker.from_events` is the same replay, so each turn continues the kept one
instead of replaying the conversation from its first event.

Only plain live trackers take this path: a bounded event history (events dropped from the
front), the slot dictionary of trackers without a domain, and any subclass (training trackers)
keep Rasa's replay. tests/bot/test_history_cache.py compares every copy of two 150-turn
conversations with Rasa's.
"""

from __future__ import annotations

import copy
import itertools
from collections import OrderedDict, deque
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from rasa.shared.core.events import Event
from rasa.shared.core.slots import Slot
from rasa.shared.core.trackers import AnySlotDict, DialogueStateTracker

from bot_extensions.history_cache import remember, starts_with

rasa_copy = DialogueStateTracker.copy


@dataclass
class _Replay:
    events: list[Event]  # the events applied to `tracker`, oldest first
    tracker: DialogueStateTracker


_replays: OrderedDict[str, _Replay] = OrderedDict()


def clear() -> None:
    _replays.clear()


def _shallow(slot: Slot) -> Slot:
    """`copy.copy(slot)` for Rasa's plain slot classes (no `__copy__`, no `__slots__`),
    without its generic `__reduce_ex__` path: a fifth of the time, for every slot of every
    copy."""
    duplicate = object.__new__(type(slot))
    duplicate.__dict__.update(slot.__dict__)
    return duplicate


def _duplicate(replayed: DialogueStateTracker) -> DialogueStateTracker:
    duplicate = object.__new__(DialogueStateTracker)
    duplicate.__dict__.update(replayed.__dict__)
    duplicate.events = deque(replayed.events)
    duplicate.slots = {name: _shallow(slot) for name, slot in replayed.slots.items()}
    duplicate.active_loop = copy.copy(replayed.active_loop)
    if replayed.latest_action is not None:
        duplicate.latest_action = dict(replayed.latest_action)
    return duplicate


def replayed(
    sender_id: str,
    events: Sequence[Event],
    slot_names: Collection[str],
    fresh: Callable[[], DialogueStateTracker],
) -> DialogueStateTracker:
    """A new tracker holding what the empty tracker `fresh()` (with these slots) would hold
    after `events` were replayed onto it: the kept replay of this conversation, continued with
    the events it has not seen."""
    kept = _replays.get(sender_id)
    if (
        kept is None
        or kept.tracker.slots.keys() != set(slot_names)
        or not starts_with(events, kept.events)
    ):
        kept = _Replay([], fresh())
    for event in itertools.islice(events, len(kept.events), None):
        kept.tracker.update(event)
    kept.events = list(events)
    remember(_replays, sender_id, kept)
    return _duplicate(kept.tracker)


def replayed_copy(self: DialogueStateTracker) -> DialogueStateTracker:
    """`DialogueStateTracker.copy()`: the replay of this tracker's events."""
    if (
        type(self) is not DialogueStateTracker
        or self._max_event_history is not None
        or isinstance(self.slots, AnySlotDict)
        or self.is_rule_tracker
    ):
        return rasa_copy(self)
    return replayed(self.sender_id, self.events, self.slots.keys(), self.init_copy)


def install() -> None:
    """Called once at start-up by bot_extensions/rasa_patches.py."""
    DialogueStateTracker.copy = replayed_copy  # type: ignore[method-assign]
