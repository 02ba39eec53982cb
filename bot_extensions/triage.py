"""The triage levels, read from data/knowledge/triage.yml: their order and which ones alarm.

The app package reads the same file (backcare/triage.py); the two packages never import each
other, so the file is the single definition.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from bot_extensions.yaml_files import read_yaml

_FILE = Path(
    os.environ.get("TRIAGE_FILE")
    or Path(__file__).resolve().parents[1] / "data" / "knowledge" / "triage.yml"
)
_DATA = read_yaml(_FILE)

URGENCY_ORDER: list[str] = list(_DATA["levels"])
ALARM_LEVELS: frozenset[str] = frozenset(_DATA["alarm_levels"])
MOST_URGENT: str = URGENCY_ORDER[-1]
CRISIS_REFERRALS: frozenset[str] = frozenset(_DATA["crisis_referrals"])
# flag -> who checks first before any exercise ("pregnancy", "child", "surgery")
SEE_FIRST_GROUPS: dict[str, str] = {
    flag: group for group, flags in _DATA["see_first"].items() for flag in flags
}
# What kind of emergency was told (slot `alarm_kind`): a medical one, a crisis, or both.
MEDICAL, CRISIS, BOTH_KINDS = "medical", "crisis", "both"


def alarm_kind(referral: str) -> str:
    """CRISIS for a referral to crisis support, else MEDICAL."""
    return CRISIS if referral in CRISIS_REFERRALS else MEDICAL


def kinds_told(kinds: Iterable[Any]) -> str | None:
    """The kinds of emergency told in a conversation, as one value: BOTH_KINDS once a crisis
    and a medical emergency (or BOTH_KINDS itself) were told, else the one told, or None.
    Anything that is not a kind is ignored."""
    told = set(kinds) & {MEDICAL, CRISIS, BOTH_KINDS}
    if BOTH_KINDS in told or {MEDICAL, CRISIS} <= told:
        return BOTH_KINDS
    return next(iter(told), None)


def urgency_rank(level: Any) -> int:
    """Position in URGENCY_ORDER; -1 for anything that is not a level."""
    return URGENCY_ORDER.index(level) if level in URGENCY_ORDER else -1
