"""Fixtures for the security tests: the page server beside the live assistant (tests/conftest.py:
a real Rasa server and action server with all three channels on, Telegram against the local Bot
API stand-in), and the review app's databases on SQLite and PostgreSQL (imported from
tests/review/conftest.py)."""

from __future__ import annotations

import warnings
from collections.abc import Iterator

import pytest

from backcare import web
from tests.postgres import postgres_fixture  # noqa: F401  (`postgres`)
from tests.review.conftest import (  # noqa: F401  (fixtures)
    client_for,
    databases,
    migrated_templates,
)
from tests.servers import Assistant

warnings.filterwarnings("ignore", "Using `httpx` with `starlette.testclient`")
from starlette.testclient import TestClient  # noqa: E402


@pytest.fixture
def page(assistant: Assistant, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    """The page server with the Rasa server's secret, as `make run` and the deployments have
    (both derive the same page keys)."""
    monkeypatch.setenv("RASA_URL", assistant.rasa_url)
    monkeypatch.setenv("RASA_AUTH_TOKEN", assistant.token)
    monkeypatch.setenv("WEB_API_RATE", "1000")
    assert assistant.web_secret
    with TestClient(web.create_app(assistant.web_secret.encode())) as client:
        yield client
