"""The real action server and Rasa server, started once for the integration tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from backcare.database import make_engine
from tests.knowledge_db import build_knowledge_db
from tests.servers import Assistant


@pytest.fixture(scope="session")
def knowledge_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build_knowledge_db(tmp_path_factory.mktemp("kb"))


@pytest.fixture(scope="session")
def assistant(tmp_path_factory: pytest.TempPathFactory, knowledge_url: str) -> Iterator[Assistant]:
    running = Assistant(
        workdir=Path(tmp_path_factory.mktemp("assistant")), database_url=knowledge_url
    )
    try:
        running.start()
        yield running
    finally:
        running.stop()


@pytest.fixture
def knowledge_session(knowledge_url: str) -> Iterator[Session]:
    engine = make_engine(knowledge_url)
    with Session(engine) as session:
        yield session
    engine.dispose()
