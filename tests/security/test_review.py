"""Review app: proxy headers believed only from configured addresses, lock-out per account
whatever the address, and summaries that fit their columns (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from starlette.requests import Request

from backcare.database import make_engine
from backcare.review.client_address import client_address, parse_trusted_proxies
from backcare.review.models import AuditEntry, Conversation, LoginAttempt
from backcare.review.summaries import sync_conversations
from tests.review import synthetic_tracker as synthetic
from tests.review.conftest import (
    ADMIN,
    PASSWORD,
    ClientFactory,
    Databases,
    csrf_of,
    page_text,
    review_app_running,
)

FORGED = "203.0.113.77"


def _request(peer: str, forwarded: str | None) -> Request:
    headers = [(b"x-forwarded-for", forwarded.encode())] if forwarded else []
    return Request({"type": "http", "client": (peer, 5000), "headers": headers})


def test_forwarded_for_is_believed_only_from_a_configured_proxy() -> None:
    assert client_address(_request("127.0.0.1", FORGED)) == "127.0.0.1"
    proxies = parse_trusted_proxies("10.0.0.5, 10.1.0.0/16")
    assert client_address(_request("127.0.0.1", FORGED), proxies) == "127.0.0.1"
    assert client_address(_request("10.0.0.5", FORGED), proxies) == FORGED
    # The nearest hop the trusted proxies did not add; a spoofed left part changes nothing.
    assert client_address(_request("10.0.0.5", f"1.2.3.4, {FORGED}, 10.1.2.3"), proxies) == FORGED
    assert client_address(_request("10.0.0.5", "not-an-address"), proxies) == "10.0.0.5"


@pytest.fixture
def review_server(databases: Databases, tmp_path: Path) -> Iterator[str]:
    with review_app_running(databases, tmp_path / "review.log") as address:
        yield address


def test_the_running_app_ignores_forwarded_for_from_loopback(
    review_server: str, databases: Databases
) -> None:
    with httpx.Client(base_url=review_server) as client:
        token = csrf_of(client.get("/login").text)
        response = client.post(
            "/login",
            data={"email": ADMIN, "password": "wrong password", "csrf_token": token},
            headers={"X-Forwarded-For": FORGED},
        )
        assert response.status_code in (401, 403)
    with Session(make_engine(databases.app_url)) as session:
        clients = set(session.scalars(select(LoginAttempt.client)))
        audited = [entry.detail.get("client") for entry in session.scalars(select(AuditEntry))]
    assert clients == {"127.0.0.1"}
    assert audited and set(audited) == {"127.0.0.1"}


def test_lock_out_is_per_account_whatever_the_address(
    databases: Databases, client_for: ClientFactory
) -> None:
    client = client_for()
    for attempt in range(6):
        token = csrf_of(client.get("/login").text)
        client.post(
            "/login",
            data={"email": ADMIN, "password": "wrong", "csrf_token": token},
            headers={"X-Forwarded-For": f"198.51.100.{attempt}"},
        )
    token = csrf_of(client.get("/login").text)
    response = client.post(
        "/login",
        data={"email": ADMIN, "password": PASSWORD, "csrf_token": token},
        headers={"X-Forwarded-For": "198.51.100.200"},
        follow_redirects=False,
    )
    assert response.status_code == 429, "a locked account signed in from a new address"
    assert "Too many failed sign-ins" in page_text(response.text)


def test_a_long_input_channel_never_breaks_the_review_pages(
    databases: Databases, client_for: ClientFactory
) -> None:
    tracker = make_engine(databases.tracker_url)
    long_channel = "c" * 200
    long_flag = {"triage": "emergency", "red_flags": ["x" * 300]}
    said = [synthetic.Said("hello", "greet", slots=long_flag)]
    synthetic.write(
        tracker, [("long-channel", synthetic.conversation(1_790_000_000.0, said, long_channel))]
    )
    sessions = sessionmaker(make_engine(databases.app_url))
    assert sync_conversations(sessions, tracker) == 1
    with sessions() as session:
        stored = session.scalars(select(Conversation)).one()
        assert stored.channel == "c" * 63 + "…"  # truncated and marked
        assert [flag.slug for flag in stored.red_flags] == ["x" * 63 + "…"]
        conversation_id = stored.id
    admin = client_for(ADMIN)
    for page in ("/conversations", "/dashboard", f"/conversations/{conversation_id}"):
        assert admin.get(page).status_code == 200, page
