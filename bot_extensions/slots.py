"""Slot types whose values only grow within a conversation, so no later turn can erase a risk."""

from __future__ import annotations

from typing import Any

from rasa.shared.core.slots import CategoricalSlot, ListSlot, Slot

TRIAGE_LEVELS = ["none", "see_clinician", "urgent", "emergency"]


class HighestTriageSlot(CategoricalSlot):
    """`triage`: the highest level seen so far; a lower level never replaces a higher one."""

    @CategoricalSlot.value.setter  # type: ignore[attr-defined,misc]
    def value(self, value: Any) -> None:
        if _triage_rank(value) < _triage_rank(self._value):
            return
        Slot.value.fset(self, value)  # type: ignore[attr-defined]

    def reset(self) -> None:
        # The setter above refuses to go down, so a restart sets the value directly.
        self._value = self.initial_value
        self._has_been_set = False


class AccumulatingListSlot(ListSlot):
    """`red_flags`: every red-flag slug detected in the conversation, in order of first sight."""

    @ListSlot.value.setter  # type: ignore[attr-defined,misc]
    def value(self, value: Any) -> None:
        new = value if isinstance(value, list) else ([value] if value else [])
        seen = list(self._value or [])
        merged = seen + [item for item in new if item not in seen]
        Slot.value.fset(self, merged)  # type: ignore[attr-defined]

    def reset(self) -> None:
        self._value = self.initial_value
        self._has_been_set = False


def _triage_rank(level: Any) -> int:
    return TRIAGE_LEVELS.index(level) if level in TRIAGE_LEVELS else -1
