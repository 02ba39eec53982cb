"""Fixtures shared by the app-environment tests: databases on SQLite and PostgreSQL."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest

from tests.postgres import PostgresServer, postgres_fixture  # noqa: F401  (`postgres`)

_names = itertools.count()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:
    """An empty database of each kind, new for every test and dropped after it."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'knowledge.db'}"
        return
    server: PostgresServer = request.getfixturevalue("postgres")
    name = f"test_{next(_names)}"
    yield server.create_database(name)
    server.drop_database(name)
