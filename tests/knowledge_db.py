"""A knowledge database built from data/knowledge, as `make db` builds it, for the tests."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from backcare.database import make_engine
from backcare.knowledge.loader import load_knowledge, read_knowledge
from backcare.migrate import upgrade_to_head

ROOT = Path(__file__).resolve().parents[1]


def build_knowledge_db(directory: Path) -> str:
    """Migrate and load a new SQLite knowledge database in `directory`; return its URL."""
    url = f"sqlite:///{directory / 'knowledge.db'}"
    upgrade_to_head(url)
    engine = make_engine(url)
    with Session(engine) as session, session.begin():
        load_knowledge(session, read_knowledge(ROOT / "data" / "knowledge"))
    engine.dispose()
    return url
