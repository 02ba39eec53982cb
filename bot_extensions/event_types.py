"""An event's class found by its name in a table built once.

Rasa 3.6 turns each stored or received event back into its class with
`Event.resolve_by_type`, which walks every subclass of `Event` (recursively, checking each for
abstract methods) for every event: about 30 microseconds each, so a conversation of 70 events
costs 2 ms on every turn that reads it back. The table holds the same classes; a name not in it
(a class defined after it was built) is looked up Rasa's way and the table rebuilt.
"""

from __future__ import annotations

from typing import Any

import rasa.shared.utils.common
from rasa.shared.core.events import Event

from bot_extensions import rasa_patches

RASAS_OWN = "rasa.shared.core.events:Event.resolve_by_type"
_by_name: dict[str, type[Event]] = {}


def _table() -> dict[str, type[Event]]:
    table: dict[str, type[Event]] = {}
    # The first class with a name wins, as in Rasa's own loop.
    for cls in rasa.shared.utils.common.all_subclasses(Event):
        table.setdefault(cls.type_name, cls)
    return table


def resolve_by_type(type_name: str, default: Any = None) -> Any:
    global _by_name
    found = _by_name.get(type_name)
    if found is not None:
        return found
    _by_name = _table()
    found = _by_name.get(type_name)
    if found is not None:
        return found
    return rasa_patches.original(RASAS_OWN)(type_name, default)


def install() -> None:
    """Called once at start-up by bot_extensions/rasa_patches.py."""
    Event.resolve_by_type = staticmethod(resolve_by_type)  # type: ignore[method-assign]
