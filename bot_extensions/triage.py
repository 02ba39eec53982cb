"""The triage levels, read from data/knowledge/triage.yml: their order and which ones alarm.

The app package reads the same file (backcare/triage.py); the two packages never import each
other, so the file is the single definition.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

_FILE = Path(
    os.environ.get("TRIAGE_FILE")
    or Path(__file__).resolve().parents[1] / "data" / "knowledge" / "triage.yml"
)
_DATA = yaml.safe_load(_FILE.read_text(encoding="utf-8"))

URGENCY_ORDER: list[str] = list(_DATA["levels"])
ALARM_LEVELS: frozenset[str] = frozenset(_DATA["alarm_levels"])


def urgency_rank(level: Any) -> int:
    """Position in URGENCY_ORDER; -1 for anything that is not a level."""
    return URGENCY_ORDER.index(level) if level in URGENCY_ORDER else -1
