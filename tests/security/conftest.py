"""Fixtures for the security tests: one real Rasa server and action server with all three
channels on (Telegram against the local Bot API stand-in), and the review app's databases on
SQLite and PostgreSQL (imported from tests/review/conftest.py)."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from backcare import web
from tests.knowledge_db import build_knowledge_db
from tests.postgres import postgres_fixture  # noqa: F401  (`postgres`)
from tests.review.conftest import (  # noqa: F401  (fixtures)
    client_for,
    databases,
    migrated_templates,
)
from tests.servers import Assistant
from tests.telegram_stub import TelegramStub, running_stub, telegram_env

warnings.filterwarnings("ignore", "Using `httpx` with `starlette.testclient`")
from starlette.testclient import TestClient  # noqa: E402

TOKEN = "7012345678:AAH-test_token-for-the-local-stub"
TELEGRAM_SECRET = "security-secret_0123456789"
BOT_NAME = "backbone_security_bot"
# The chat page's origin, allowed by the Host and Origin check (nothing listens there).
PAGE_ORIGIN = "http://127.0.0.1:18080"


@pytest.fixture(scope="session")
def knowledge_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build_knowledge_db(tmp_path_factory.mktemp("kb"))


@pytest.fixture(scope="session")
def stub() -> Iterator[TelegramStub]:
    with running_stub(TOKEN, BOT_NAME) as running:
        yield running


@pytest.fixture(scope="session")
def assistant(
    tmp_path_factory: pytest.TempPathFactory, knowledge_url: str, stub: TelegramStub
) -> Iterator[Assistant]:
    running = Assistant(
        workdir=Path(tmp_path_factory.mktemp("security")),
        database_url=knowledge_url,
        extra_env={
            **telegram_env(stub, TOKEN, TELEGRAM_SECRET, BOT_NAME),
            "RASA_ALLOWED_ORIGINS": PAGE_ORIGIN,
        },
    )
    try:
        running.start()
        yield running
    finally:
        running.stop()


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
