"""One live assistant for the tests that talk to the real servers (tests/integration,
tests/security): a knowledge database, the Telegram Bot API stand-in and a real Rasa server
with its action server, every channel on, started once per test session. A Rasa start is some
twenty seconds of CPU, and the integration lane once started three of these for one session.

The bot environment's tests load this file too, and that environment has no app package: the
fixtures import what they need when they run.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.live_assistant import (
    PAGE_ORIGIN,
    TELEGRAM_BOT_NAME,
    TELEGRAM_SECRET,
    TELEGRAM_TOKEN,
    TELEGRAM_WEBHOOK_URL,
)

if TYPE_CHECKING:
    from tests.servers import Assistant
    from tests.telegram_stub import TelegramStub


@pytest.fixture(scope="session")
def knowledge_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    from tests.knowledge_db import build_knowledge_db

    return build_knowledge_db(tmp_path_factory.mktemp("kb"))


@pytest.fixture(scope="session")
def stub() -> Iterator[TelegramStub]:
    from tests.telegram_stub import running_stub

    with running_stub(TELEGRAM_TOKEN, TELEGRAM_BOT_NAME) as running:
        yield running


@pytest.fixture(scope="session")
def web_port() -> int:
    """The page server's port that the assistant's links name (WEB_PUBLIC_URL)."""
    from tests.servers import free_port

    return free_port()


@pytest.fixture(scope="session")
def assistant(
    tmp_path_factory: pytest.TempPathFactory, knowledge_url: str, stub: TelegramStub, web_port: int
) -> Iterator[Assistant]:
    from tests.servers import APP_PY, ROOT, Assistant
    from tests.telegram_stub import telegram_env

    # The exercise pictures as PNG for Telegram (make pictures; quick when current).
    subprocess.run([str(APP_PY), "-m", "backcare.picture_render"], cwd=ROOT, check=True)
    running = Assistant(
        workdir=Path(tmp_path_factory.mktemp("assistant")),
        database_url=knowledge_url,
        extra_env={
            **telegram_env(stub, TELEGRAM_TOKEN, TELEGRAM_SECRET, TELEGRAM_BOT_NAME),
            "TELEGRAM_WEBHOOK_URL": TELEGRAM_WEBHOOK_URL,
            "WEB_PUBLIC_URL": f"http://127.0.0.1:{web_port}",
            "RASA_ALLOWED_ORIGINS": PAGE_ORIGIN,
        },
    )
    try:
        running.start()
        yield running
    finally:
        running.stop()
