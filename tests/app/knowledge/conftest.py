from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, event
from sqlalchemy.orm import Session

from backcare.database import make_engine
from backcare.knowledge.loader import Knowledge, load_knowledge, read_knowledge
from backcare.migrate import upgrade_to_head

KNOWLEDGE_DIR = Path(__file__).resolve().parents[3] / "data" / "knowledge"


@pytest.fixture(scope="session")
def knowledge() -> Knowledge:
    return read_knowledge(KNOWLEDGE_DIR)


@pytest.fixture
def knowledge_copy(tmp_path: Path) -> Path:
    """A private copy of data/knowledge that a test may break."""
    return Path(shutil.copytree(KNOWLEDGE_DIR, tmp_path / "knowledge"))


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    upgrade_to_head(database_url)
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def loaded_engine(engine: Engine, knowledge: Knowledge) -> Engine:
    with Session(engine) as session, session.begin():
        load_knowledge(session, knowledge)
    return engine


@pytest.fixture
def session(loaded_engine: Engine) -> Iterator[Session]:
    with Session(loaded_engine) as session:
        yield session


class WriteCounter:
    """Counts the INSERT, UPDATE and DELETE statements an engine sends."""

    def __init__(self, engine: Engine) -> None:
        self.statements: list[str] = []
        event.listen(engine, "before_cursor_execute", self._record)

    def _record(self, _conn, _cursor, statement: str, *_args) -> None:  # type: ignore[no-untyped-def]
        if statement.lstrip().split(" ", 1)[0].upper() in {"INSERT", "UPDATE", "DELETE"}:
            self.statements.append(statement)
