"""The highest triage of a conversation, and the kind of emergency told, survive every reset a
message can cause.

`triage` only goes up within a conversation (`slots.HighestTriageSlot`), but Rasa has events
that forget slots: `Restarted` (action_restart, the `restart` intent) resets every slot and
drops the conversation before it from what is carried into the new session; `SessionStarted`
(action_session_start, the `session_start` intent and session expiry) carries over only the
slots set since the last restart; `UserUtteranceReverted` (action_back, the `back` intent, and
action_default_fallback) replays the conversation without the reverted turn, which may be the
one that raised the triage. `HighestTriageSlot.reset()` has to clear the value, because Rasa
also resets slots to rebuild each earlier state of a conversation for the policies.

The channels already read a typed `/restart` as a word (channels/user_text.py); this is the
second line: those four default actions end with `SlotSet("triage", <highest level seen>)`,
so the level is in the stored events after the reset and carried into every later session;
`alarm_kind` (a crisis, a medical emergency or both) is set again with it, so the replies after
the reset still name the help that fits.
Installed at start-up with the project's other Rasa patches (bot_extensions/rasa_patches.py).
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.actions.action import (
    ActionBack,
    ActionDefaultFallback,
    ActionRestart,
    ActionSessionStart,
)
from rasa.shared.core.events import ActionExecuted, Event, SlotSet
from rasa.shared.core.trackers import DialogueStateTracker

from bot_extensions.triage import URGENCY_ORDER, kinds_told, urgency_rank

TRIAGE_SLOT = "triage"
ALARM_KIND_SLOT = "alarm_kind"
PATCHED = (ActionRestart, ActionSessionStart, ActionBack, ActionDefaultFallback)


def highest_triage(tracker: DialogueStateTracker) -> str | None:
    """The highest level above the lowest the conversation has reached (its events included,
    even those a restart or a revert took out of play), or None."""
    levels = [tracker.slots[TRIAGE_SLOT].value] if TRIAGE_SLOT in tracker.slots else []
    levels += [e.value for e in tracker.events if isinstance(e, SlotSet) and e.key == TRIAGE_SLOT]
    best = max(levels, key=urgency_rank, default=None)
    return best if urgency_rank(best) > urgency_rank(URGENCY_ORDER[0]) else None


def alarm_kind_told(tracker: DialogueStateTracker) -> str | None:
    """Every kind of emergency the conversation's events told, as `slots.AlarmKindSlot` keeps
    it ("both" once a crisis and a medical emergency were told), or None."""
    return kinds_told(
        e.value for e in tracker.events if isinstance(e, SlotSet) and e.key == ALARM_KIND_SLOT
    )


def with_triage_kept(events: list[Event], level: str, kind: str | None = None) -> list[Event]:
    """`events` with the triage (and the kind of emergency) set again, before a trailing
    `action_listen`."""
    kept: list[Event] = [SlotSet(TRIAGE_SLOT, level)]
    if kind is not None:
        kept.append(SlotSet(ALARM_KIND_SLOT, kind))
    if events and isinstance(events[-1], ActionExecuted):
        return [*events[:-1], *kept, events[-1]]
    return [*events, *kept]


def _keeping_triage(run: Callable[..., Awaitable[list[Event]]]) -> Callable[..., Any]:
    @functools.wraps(run)
    async def run_keeping_triage(
        self: Any,
        output_channel: Any,
        nlg: Any,
        tracker: DialogueStateTracker,
        *args: Any,
        **kw: Any,
    ) -> list[Event]:
        level = highest_triage(tracker)  # before the action: a revert would hide it
        kind = alarm_kind_told(tracker)
        events = await run(self, output_channel, nlg, tracker, *args, **kw)
        return with_triage_kept(events, level, kind) if level is not None else events

    run_keeping_triage.__backbone_triage_floor__ = True  # type: ignore[attr-defined]
    return run_keeping_triage


def install() -> None:
    """Called once at start-up by bot_extensions/rasa_patches.py."""
    for action in PATCHED:
        if not getattr(action.run, "__backbone_triage_floor__", False):
            action.run = _keeping_triage(action.run)  # type: ignore[method-assign]
