"""The intents the assistant knows, read from the Rasa domain files (no Rasa import), so a
correction can only name an intent that training data may use."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from backcare.settings import PROJECT_ROOT

DOMAIN_DIR = PROJECT_ROOT / "domain"


@lru_cache(maxsize=4)
def known_intents(domain_dir: Path = DOMAIN_DIR) -> tuple[str, ...]:
    names: set[str] = set()
    for path in sorted(domain_dir.glob("*.yml")):
        for intent in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("intents", []):
            names.add(next(iter(intent)) if isinstance(intent, dict) else str(intent))
    return tuple(sorted(names))
