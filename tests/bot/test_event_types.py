"""An event's class is found by its name in a table, the same class Rasa's own lookup finds."""

from __future__ import annotations

import pytest
import rasa.shared.utils.common
from rasa.shared.core.events import Event, SlotSet, UserUttered

import bot_extensions.policies  # noqa: F401  (installs the patches, as a running server does)
from bot_extensions import event_types, rasa_patches


def _rasas_own(type_name: str, default: object = None) -> object:
    return rasa_patches.original(event_types.RASAS_OWN)(type_name, default)


def test_the_table_is_installed() -> None:
    assert Event.resolve_by_type is event_types.resolve_by_type
    assert Event.resolve_by_type("slot") is SlotSet


@pytest.mark.parametrize(
    "type_name", sorted({cls.type_name for cls in rasa.shared.utils.common.all_subclasses(Event)})
)
def test_every_event_name_finds_rasas_class(type_name: str) -> None:
    assert Event.resolve_by_type(type_name) is _rasas_own(type_name)


def test_unknown_names_behave_as_in_rasa() -> None:
    with pytest.raises(ValueError, match="Unknown event name 'made_up'"):
        Event.resolve_by_type("made_up")
    assert Event.resolve_by_type("made_up", UserUttered) is UserUttered
    assert Event.resolve_by_type("topic") is None


def test_a_class_defined_later_is_found() -> None:
    class LateEvent(SlotSet):
        type_name = "late_event_for_the_test"

    assert Event.resolve_by_type("late_event_for_the_test") is LateEvent
