"""Fixtures shared by the app-environment tests: databases on SQLite and PostgreSQL."""

from __future__ import annotations

import itertools

import pytest

from tests.postgres import PostgresServer, postgres_fixture  # noqa: F401  (`postgres`)

_names = itertools.count()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path) -> str:
    """An empty database of each kind, new for every test."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'knowledge.db'}"
    server: PostgresServer = request.getfixturevalue("postgres")
    return server.create_database(f"test_{next(_names)}")
