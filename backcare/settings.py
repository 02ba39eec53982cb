"""Configuration from the environment (12-factor); defaults are the embedded SQLite setup."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(os.environ.get("BACKCARE_HOME", Path(__file__).resolve().parents[1]))


def _sqlite_url(name: str) -> str:
    return f"sqlite:///{PROJECT_ROOT / 'var' / name}"


@dataclass(frozen=True)
class Settings:
    database_url: str
    tracker_db_url: str
    knowledge_dir: Path

    @classmethod
    def from_env(cls) -> Settings:
        return cls(
            database_url=os.environ.get("DATABASE_URL") or _sqlite_url("knowledge.db"),
            tracker_db_url=os.environ.get("TRACKER_DB_URL") or _sqlite_url("tracker.db"),
            knowledge_dir=Path(
                os.environ.get("KNOWLEDGE_DIR") or PROJECT_ROOT / "data" / "knowledge"
            ),
        )
