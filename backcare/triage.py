"""The triage levels, read from data/knowledge/triage.yml: their order and which ones alarm.

The bot package reads the same file (bot_extensions/triage.py); the two packages never import
each other, so the file is the single definition.
"""

from __future__ import annotations

from typing import Any

import yaml

from backcare.settings import PROJECT_ROOT

_DATA = yaml.safe_load(
    (PROJECT_ROOT / "data" / "knowledge" / "triage.yml").read_text(encoding="utf-8")
)

TRIAGE_LEVELS: tuple[str, ...] = tuple(_DATA["levels"])
ALARM_LEVELS: frozenset[str] = frozenset(_DATA["alarm_levels"])
REFERRAL_LEVELS: tuple[str, ...] = TRIAGE_LEVELS[1:]
# The level that refers without taking over: said alongside the answer to what was asked.
CLINICIAN_LEVEL: str = REFERRAL_LEVELS[0]
SEE_FIRST_FLAGS: frozenset[str] = frozenset(_DATA["see_first_flags"])


def triage_rank(level: Any) -> int:
    """Position in TRIAGE_LEVELS; -1 for anything that is not a level."""
    return TRIAGE_LEVELS.index(level) if level in TRIAGE_LEVELS else -1
