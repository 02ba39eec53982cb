"""`Domain.is_empty()` answered once per domain instead of on every message.

Rasa 3.6 asks it on every message (`MessageProcessor._check_for_unseen_features`) and answers by
turning the whole domain, and a new empty one, into dictionaries and comparing them: about a
hundredth of a loaded server's CPU for an answer that cannot change, since a loaded model's
domain is never modified (Rasa builds a new `Domain` to merge or change one).
"""

from __future__ import annotations

from collections.abc import Callable

from rasa.shared.core.domain import Domain

ANSWER = "_backbone_is_empty"


def _remembering(rasa_is_empty: Callable[[Domain], bool]) -> Callable[[Domain], bool]:
    def is_empty(self: Domain) -> bool:
        answer: bool | None = self.__dict__.get(ANSWER)
        if answer is None:
            answer = rasa_is_empty(self)
            self.__dict__[ANSWER] = answer
        return answer

    return is_empty


def install() -> None:
    """Called once at start-up by bot_extensions/rasa_patches.py."""
    Domain.is_empty = _remembering(Domain.is_empty)  # type: ignore[method-assign]
