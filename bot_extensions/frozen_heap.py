"""The loaded model's objects moved out of the garbage collector's way once the server is up.

A Rasa server holds about half a million long-lived Python objects once its model is loaded
(TensorFlow, spaCy, the policies' lookups), and a full collection walks all of them: 280 ms on
this machine, during which the server answers nobody. Python starts one whenever enough new
objects have survived since the last, so under load every few seconds some message waited
that long. `gc.freeze()` after the model is loaded puts everything alive at that moment into
the permanent generation, which collections skip; objects made afterwards are collected as
before, so nothing leaks that would not have leaked anyway.
"""

from __future__ import annotations

import functools
import gc
import logging
from collections.abc import Awaitable, Callable
from typing import Any

logger = logging.getLogger(__name__)


def freezing_after(load: Callable[..., Awaitable[Any]]) -> Callable[..., Awaitable[Any]]:
    """`load`, then one full collection and `gc.freeze()` of what is left."""

    @functools.wraps(load)
    async def load_then_freeze(*args: Any, **kwargs: Any) -> Any:
        result = await load(*args, **kwargs)
        gc.collect()
        gc.freeze()
        logger.debug(f"{gc.get_freeze_count()} objects moved out of the collector's way.")
        return result

    return load_then_freeze


def install() -> None:
    """Called once at start-up by bot_extensions/rasa_patches.py."""
    import rasa.core.run

    # Read by serve_application when it registers the listener that loads the model.
    rasa.core.run.load_agent_on_start = freezing_after(rasa.core.run.load_agent_on_start)
