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
# flag -> the group whose clinician checks first ("pregnancy", "child")
SEE_FIRST_GROUPS: dict[str, str] = {
    flag: group for group, flags in _DATA["see_first"].items() for flag in flags
}
SEE_FIRST_FLAGS: frozenset[str] = frozenset(SEE_FIRST_GROUPS)
CRISIS_REFERRALS: frozenset[str] = frozenset(_DATA["crisis_referrals"])


def alarm_kind(referral: str) -> str:
    """Slot `alarm_kind` after an emergency: "crisis" for crisis support, else "medical"."""
    return "crisis" if referral in CRISIS_REFERRALS else "medical"


def triage_rank(level: Any) -> int:
    """Position in TRIAGE_LEVELS; -1 for anything that is not a level."""
    return TRIAGE_LEVELS.index(level) if level in TRIAGE_LEVELS else -1
