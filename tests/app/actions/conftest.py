"""A loaded knowledge database for the actions, and a way to build trackers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.orm import Session

from backcare.database import make_engine, session_factory
from tests.knowledge_db import build_knowledge_db

ROOT = Path(__file__).resolve().parents[3]
DOMAIN: dict[str, Any] = {}


@pytest.fixture(scope="session")
def knowledge_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build_knowledge_db(tmp_path_factory.mktemp("actions"))


@pytest.fixture(autouse=True)
def actions_database(knowledge_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Point the actions' session factory at the test database."""
    monkeypatch.setenv("DATABASE_URL", knowledge_url)
    session_factory.cache_clear()
    yield
    session_factory.cache_clear()


@pytest.fixture
def db(knowledge_url: str) -> Iterator[Session]:
    engine = make_engine(knowledge_url)
    with Session(engine) as session:
        yield session
    engine.dispose()


@pytest.fixture
def dispatcher() -> CollectingDispatcher:
    return CollectingDispatcher()


def tracker(
    intent: str = "greet",
    text: str = "",
    entities: list[dict[str, Any]] | None = None,
    slots: dict[str, Any] | None = None,
    active_loop: str | None = None,
    events: list[dict[str, Any]] | None = None,
) -> Tracker:
    return Tracker(
        sender_id="test-person",
        slots=slots or {},
        latest_message={
            "intent": {"name": intent, "confidence": 0.9},
            "entities": entities or [],
            "text": text,
        },
        events=events or [],
        paused=False,
        followup_action=None,
        active_loop={"name": active_loop} if active_loop else {},
        latest_action_name="action_listen",
    )


def entity(name: str, value: str) -> dict[str, Any]:
    return {"entity": name, "value": value, "start": 0, "end": 1}


def texts(dispatcher: CollectingDispatcher) -> list[str]:
    return [message.get("text") or "" for message in dispatcher.messages]
