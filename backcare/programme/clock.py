"""The time of the programme, settable in tests so weeks are simulated rather than waited for.

`now()` is naive UTC. In a test in the same process, `set_now()` fixes it; across processes
(the action server and the scheduler started by an integration test), the environment
variable BACKCARE_CLOCK_FILE names a file holding an ISO time, read on every call.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

CLOCK_FILE_VARIABLE = "BACKCARE_CLOCK_FILE"

_fixed: dt.datetime | None = None


def now() -> dt.datetime:
    if _fixed is not None:
        return _fixed
    path = os.environ.get(CLOCK_FILE_VARIABLE)
    if path:
        try:
            text = Path(path).read_text(encoding="utf-8").strip()
        except OSError:
            text = ""
        if text:
            return naive_utc(dt.datetime.fromisoformat(text))
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def naive_utc(moment: dt.datetime) -> dt.datetime:
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(dt.UTC).replace(tzinfo=None)


def set_now(moment: dt.datetime | None) -> None:
    """Fix the clock (None: the real time again)."""
    global _fixed
    _fixed = naive_utc(moment) if moment is not None else None


def write_clock_file(path: Path, moment: dt.datetime) -> None:
    """Set the clock of the processes that read `path` (BACKCARE_CLOCK_FILE)."""
    path.write_text(naive_utc(moment).isoformat(), encoding="utf-8")
