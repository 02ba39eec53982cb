"""Slot types of the safety slots: values that only grow within a conversation, so no later
turn can erase a risk, and the answer to a check question, which each new question clears."""

from __future__ import annotations

from typing import Any

from rasa.shared.core.slots import CategoricalSlot, ListSlot, Slot

from bot_extensions.triage import kinds_told, urgency_rank


class _KeptSlot(Slot):
    """A slot whose setter keeps what was told (it never lets a value go): a restart, and
    Rasa rebuilding an earlier state, set it back directly."""

    def reset(self) -> None:
        self._value = self.initial_value
        self._has_been_set = False


class HighestTriageSlot(_KeptSlot, CategoricalSlot):
    """`triage`: the highest level seen so far; a lower level never replaces a higher one."""

    @CategoricalSlot.value.setter  # type: ignore[attr-defined,misc]
    def value(self, value: Any) -> None:
        if urgency_rank(value) < urgency_rank(self._value):
            return
        Slot.value.fset(self, value)  # type: ignore[attr-defined]


class AlarmKindSlot(_KeptSlot, CategoricalSlot):
    """`alarm_kind`: what kind of emergency was told. A crisis and a medical emergency told in
    one conversation make "both", so the replies after them name both ways to get help."""

    @CategoricalSlot.value.setter  # type: ignore[attr-defined,misc]
    def value(self, value: Any) -> None:
        if kinds_told([value]) is None:  # nothing, or not a kind: nothing told
            return
        Slot.value.fset(self, kinds_told([self._value, value]))  # type: ignore[attr-defined]


class AccumulatingListSlot(_KeptSlot, ListSlot):
    """`red_flags`: every red-flag slug detected in the conversation, in order of first sight."""

    @ListSlot.value.setter  # type: ignore[attr-defined,misc]
    def value(self, value: Any) -> None:
        new = value if isinstance(value, list) else ([value] if value else [])
        seen = list(self._value or [])
        merged = seen + [item for item in new if item not in seen]
        Slot.value.fset(self, merged)  # type: ignore[attr-defined]


class CheckAnswerSlot(CategoricalSlot):
    """`check_answer`: "yes" or "no" to the latest check question; "pending" clears it.

    Rasa cannot set a slot to nothing from a message, so the red-flag detector writes
    "pending" when it asks a new question; the check form then sees no answer and asks.
    """

    PENDING = "pending"

    @CategoricalSlot.value.setter  # type: ignore[attr-defined,misc]
    def value(self, value: Any) -> None:
        Slot.value.fset(self, None if value == self.PENDING else value)  # type: ignore[attr-defined]
