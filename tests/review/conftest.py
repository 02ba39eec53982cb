"""Fixtures for the review app: databases on SQLite and PostgreSQL, accounts, signed-in clients,
and a tracker store filled by real conversations with the bot (one bot start per database)."""

from __future__ import annotations

import contextlib
import functools
import itertools
import os
import re
import secrets
import shutil
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest

# Before the review app is imported, and inherited by the review servers the tests start:
# test logins need no costly hash (backcare/review/passwords.py)
os.environ["REVIEW_PASSWORD_HASHING"] = "cheapest"

from sqlalchemy import select
from sqlalchemy.orm import Session

from backcare.database import make_engine
from backcare.migrate import upgrade_to_head
from backcare.review.app import create_app
from backcare.review.models import AuditEntry, User
from backcare.review.passwords import hash_password
from backcare.review.settings import ReviewSettings
from tests.postgres import PostgresServer, postgres_fixture  # noqa: F401  (`postgres`)
from tests.review.bot_conversations import talk_to_the_bot
from tests.servers import APP_PY, ROOT, Process, free_port, wait_until_up

# Starlette asks for its httpx2 fork; the TestClient works the same with httpx (pinned here).
warnings.filterwarnings("ignore", "Using `httpx` with `starlette.testclient`")
from fastapi.testclient import TestClient  # noqa: E402

PASSWORD = "a long test password"
ADMIN = "admin@example.org"
CLINICIAN = "clinician@example.org"
_names = itertools.count()


@dataclass(frozen=True)
class Databases:
    kind: str
    app_url: str  # the review tables (DATABASE_URL)
    tracker_url: str  # Rasa's tracker store (TRACKER_DB_URL)


@pytest.fixture(scope="session")
def migrated_templates() -> dict[str, str]:
    """Per kind, a review database migrated once per session and copied for each test."""
    return {}


def _new_database(kind: str, directory: Path, name: str, request: pytest.FixtureRequest) -> str:
    if kind == "sqlite":
        return f"sqlite:///{directory / f'{name}.db'}"
    server: PostgresServer = request.getfixturevalue("postgres")
    return server.create_database(f"{name}_{next(_names)}")


def new_review_database(kind: str, directory: Path, request: pytest.FixtureRequest) -> str:
    templates: dict[str, str] = request.getfixturevalue("migrated_templates")
    if kind not in templates:
        template_dir = request.getfixturevalue("tmp_path_factory").mktemp("template")
        templates[kind] = _new_database(kind, template_dir, "review_template", request)
        upgrade_to_head(templates[kind])
    if kind == "sqlite":
        shutil.copy(templates[kind].removeprefix("sqlite:///"), directory / "review.db")
        return f"sqlite:///{directory / 'review.db'}"
    server, template = templates[kind].rsplit("/", 1)
    name = f"review_{next(_names)}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    return f"{server}/{name}"


@pytest.fixture(params=["sqlite", "postgresql"])
def databases(request: pytest.FixtureRequest, tmp_path: Path) -> Databases:
    """A migrated, empty review database and an empty tracker store, of each kind."""
    return Databases(
        request.param,
        new_review_database(request.param, tmp_path, request),
        _new_database(request.param, tmp_path, "tracker", request),
    )


@pytest.fixture(scope="session")
def bot_tracker_sqlite(tmp_path_factory: pytest.TempPathFactory) -> str:
    workdir = tmp_path_factory.mktemp("bot-sqlite")
    url = f"sqlite:///{workdir / 'tracker.db'}"
    talk_to_the_bot(workdir, tracker_store={"dialect": "sqlite", "db": str(workdir / "tracker.db")})
    return url


@pytest.fixture(scope="session")
def bot_tracker_postgresql(
    tmp_path_factory: pytest.TempPathFactory, postgres: PostgresServer
) -> str:
    url = postgres.create_database("bot_tracker")
    talk_to_the_bot(
        tmp_path_factory.mktemp("bot-postgresql"),
        tracker_store={
            "dialect": "postgresql",
            "url": "127.0.0.1",
            "port": postgres.port,
            "db": "bot_tracker",
            "username": postgres.user,
        },
    )
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def bot_databases(request: pytest.FixtureRequest, tmp_path: Path) -> Databases:
    """The tracker store the real bot wrote (shared by the session) and a new review database."""
    tracker_url = request.getfixturevalue(f"bot_tracker_{request.param}")
    return Databases(
        request.param, new_review_database(request.param, tmp_path, request), tracker_url
    )


@functools.cache
def password_hash() -> str:
    return hash_password(PASSWORD)  # once: Argon2 is slow on purpose


def add_accounts(app_url: str) -> None:
    engine = make_engine(app_url)
    with Session(engine) as session, session.begin():
        session.add_all(
            [
                User(email=ADMIN, password_hash=password_hash(), role="admin"),
                User(email=CLINICIAN, password_hash=password_hash(), role="clinician"),
            ]
        )
    engine.dispose()


def settings_for(databases: Databases, https: bool = False) -> ReviewSettings:
    return ReviewSettings(
        secret_key=secrets.token_urlsafe(48),
        database_url=databases.app_url,
        tracker_db_url=databases.tracker_url,
        https=https,
    )


def csrf_of(page: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert found, "the page has no CSRF token"
    return found.group(1)


def sign_in(client: TestClient, email: str, password: str = PASSWORD) -> TestClient:
    token = csrf_of(client.get("/login").text)
    response = client.post(
        "/login",
        data={"email": email, "password": password, "csrf_token": token},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    return client


ClientFactory = Callable[..., TestClient]


def _client_factory(databases: Databases) -> Iterator[ClientFactory]:
    add_accounts(databases.app_url)
    clients: list[TestClient] = []

    def new_client(email: str | None = None) -> TestClient:
        client = TestClient(create_app(settings_for(databases)))
        clients.append(client)
        return sign_in(client, email) if email else client

    yield new_client
    for client in clients:
        client.close()


@pytest.fixture
def client_for(databases: Databases) -> Iterator[ClientFactory]:
    """Clients of an app on empty databases: client_for() anonymous, client_for(ADMIN) signed in."""
    yield from _client_factory(databases)


@pytest.fixture
def bot_client_for(bot_databases: Databases) -> Iterator[ClientFactory]:
    """The same, on the tracker store the real bot filled."""
    yield from _client_factory(bot_databases)


def page_text(html: str) -> str:
    """A page's visible text, whitespace collapsed (for readable assertions)."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


@contextlib.contextmanager
def review_app_running(databases: Databases, log: Path) -> Iterator[str]:
    """The real review server (`python -m backcare.review`) on a free port, with the review
    accounts added; yields its address. It trusts no proxy, whatever the runner's environment
    says, so the address it sees is the test client's own."""
    add_accounts(databases.app_url)
    port = free_port()
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "REVIEW_PORT": str(port),
        "REVIEW_SECRET_KEY": secrets.token_urlsafe(48),
        "DATABASE_URL": databases.app_url,
        "TRACKER_DB_URL": databases.tracker_url,
    }
    env.pop("REVIEW_TRUSTED_PROXIES", None)
    env.pop("FORWARDED_ALLOW_IPS", None)
    server = Process("review app", [str(APP_PY), "-m", "backcare.review"], env, log)
    server.start()
    try:
        wait_until_up(f"http://127.0.0.1:{port}/login", server, seconds=60)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.stop()


def try_login(client: TestClient, email: str, password: str):  # type: ignore[no-untyped-def]
    """One sign-in attempt through the form, with its CSRF token."""
    token = csrf_of(client.get("/login").text)
    return client.post(
        "/login",
        data={"email": email, "password": password, "csrf_token": token},
        follow_redirects=False,
    )


def signed_in(client: TestClient) -> bool:
    """Whether the client's session still signs it in (its own account page opens)."""
    response = client.get("/account", follow_redirects=False)
    assert response.status_code in (200, 303), response.status_code
    return response.status_code == 200


def audit(databases: Databases, *actions: str) -> list[tuple[str, str, str, dict]]:
    """The audit log, oldest first: (actor, action, target, detail), only `actions` if given."""
    query = select(AuditEntry).order_by(AuditEntry.id)
    if actions:
        query = query.where(AuditEntry.action.in_(actions))
    engine = make_engine(databases.app_url)
    with Session(engine) as session:
        entries = [(e.actor, e.action, e.target, e.detail) for e in session.scalars(query)]
    engine.dispose()
    return entries
