"""A session on the knowledge database of the live assistant (tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy.orm import Session

from backcare.database import make_engine


@pytest.fixture
def knowledge_session(knowledge_url: str) -> Iterator[Session]:
    engine = make_engine(knowledge_url)
    with Session(engine) as session:
        yield session
    engine.dispose()
