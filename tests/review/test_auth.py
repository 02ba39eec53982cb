"""Signing in and out: Argon2 accounts made by the admin command, cookie flags, lock-out,
sessions that end for good, and no start without a real secret key."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from backcare.database import make_engine
from backcare.review.app import SESSION_COOKIE, create_app
from backcare.review.lockout import ACCOUNT_FAILURES
from backcare.review.models import AuditEntry, LoginAttempt, User
from backcare.review.settings import ConfigurationError, ReviewSettings
from tests.review.conftest import (
    ADMIN,
    CLINICIAN,
    PASSWORD,
    ClientFactory,
    Databases,
    add_accounts,
    csrf_of,
    settings_for,
    sign_in,
)
from tests.servers import APP_PY, ROOT

pytestmark = pytest.mark.parametrize("databases", ["sqlite"], indirect=True)


def try_login(client: TestClient, email: str, password: str) -> int:
    token = csrf_of(client.get("/login").text)
    return client.post(
        "/login",
        data={"email": email, "password": password, "csrf_token": token},
        follow_redirects=False,
    ).status_code


def audit_actions(databases: Databases) -> list[str]:
    with Session(make_engine(databases.app_url)) as session:
        return list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))


def test_sign_in_sets_a_protected_cookie_and_sign_out_ends_the_session(
    databases: Databases, client_for: ClientFactory
) -> None:
    client = client_for()
    token = csrf_of(client.get("/login?next=/dashboard").text)
    response = client.post(
        "/login",
        data={
            "email": f"  {ADMIN.upper()} ",
            "password": PASSWORD,
            "csrf_token": token,
            "next": "/dashboard",
        },
        follow_redirects=False,
    )
    assert response.headers["location"] == "/dashboard"
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie and "secure" not in cookie
    stolen = client.cookies[SESSION_COOKIE]
    assert client.get("/dashboard").status_code == 200

    page = client.get("/conversations").text
    assert (
        client.post("/logout", data={"csrf_token": csrf_of(page)}, follow_redirects=False).headers[
            "location"
        ]
        == "/login"
    )
    replay = client_for()
    replay.cookies.set(SESSION_COOKIE, stolen)
    assert replay.get("/dashboard", follow_redirects=False).headers["location"].startswith("/login")
    assert audit_actions(databases) == ["login", "dashboard", "list", "logout"]


def test_cookie_is_secure_behind_https(databases: Databases) -> None:
    add_accounts(databases.app_url)
    with TestClient(
        create_app(settings_for(databases, https=True)), base_url="https://testserver"
    ) as client:
        sign_in(client, CLINICIAN)
        assert client.get("/conversations").status_code == 200
        assert "secure" in client.get("/login").headers.get("set-cookie", "secure").lower()


def test_no_redirect_to_another_site_after_sign_in(
    databases: Databases, client_for: ClientFactory
) -> None:
    client = client_for()
    token = csrf_of(client.get("/login").text)
    response = client.post(
        "/login",
        data={
            "email": ADMIN,
            "password": PASSWORD,
            "csrf_token": token,
            "next": "//evil.example/x",
        },
        follow_redirects=False,
    )
    assert response.headers["location"] == "/conversations"


def test_lock_out_after_repeated_failures(databases: Databases, client_for: ClientFactory) -> None:
    client = client_for()
    for _ in range(ACCOUNT_FAILURES):
        assert try_login(client, CLINICIAN, "wrong password!") == 401
    assert try_login(client, CLINICIAN, PASSWORD) == 429  # right password, still locked
    assert client.get("/conversations", follow_redirects=False).status_code == 303
    assert try_login(client_for(), ADMIN, PASSWORD) == 303  # other accounts are not locked
    assert "login_locked" in audit_actions(databases)

    engine = make_engine(databases.app_url)
    with Session(engine) as session, session.begin():  # fifteen minutes pass
        for attempt in session.scalars(select(LoginAttempt)):
            attempt.at -= timedelta(minutes=16)
    assert try_login(client, CLINICIAN, PASSWORD) == 303


def test_an_unknown_account_fails_like_a_wrong_password(
    databases: Databases, client_for: ClientFactory
) -> None:
    client = client_for()
    response_text = client.get("/login").text
    assert try_login(client, "nobody@example.org", PASSWORD) == 401
    assert try_login(client, CLINICIAN, "wrong password!") == 401
    assert (
        "Wrong e-mail or password."
        in client.post(
            "/login",
            data={"email": "x@example.org", "password": "y", "csrf_token": csrf_of(response_text)},
        ).text
    )


def test_the_app_refuses_a_missing_or_placeholder_secret_key(databases: Databases) -> None:
    for key in ("", "changeme", "change-me-please-change-me-please-change-me", "a" * 64):
        with pytest.raises(ConfigurationError):
            ReviewSettings(
                secret_key=key, database_url=databases.app_url, tracker_db_url=databases.tracker_url
            )
    environment = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "REVIEW_SECRET_KEY": "changeme",
        "DATABASE_URL": databases.app_url,
        "TRACKER_DB_URL": databases.tracker_url,
    }
    started = subprocess.run(
        [str(APP_PY), "-m", "backcare.review"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert started.returncode == 1
    assert "REVIEW_SECRET_KEY" in started.stderr


def test_the_admin_command_reads_the_password_from_stdin(databases: Databases) -> None:
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "DATABASE_URL": databases.app_url}
    environment.pop("REVIEW_PASSWORD", None)
    command = [
        sys.executable,
        "-m",
        "backcare.review.admin",
        "create-user",
        "--role",
        "admin",
        "new.admin@example.org",
    ]
    made = subprocess.run(
        command,
        input="a brand new passphrase\n",
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert made.returncode == 0, made.stderr
    again = subprocess.run(
        command,
        input="a brand new passphrase\n",
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert again.returncode == 1 and "already has an account" in again.stderr
    weak = subprocess.run(
        [*command[:-1], "weak@example.org"],
        input="short\n",
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert weak.returncode == 1 and "12 characters" in weak.stderr
    with Session(make_engine(databases.app_url)) as session:
        user = session.scalars(select(User).where(User.email == "new.admin@example.org")).one()
        assert user.role == "admin" and user.password_hash.startswith("$argon2id$")


def test_the_test_suites_cheap_password_hashing_cannot_serve_over_https(
    databases: Databases, monkeypatch: pytest.MonkeyPatch
) -> None:
    # tests/review/conftest.py sets REVIEW_PASSWORD_HASHING=cheapest for the whole review suite
    monkeypatch.setenv("REVIEW_SECRET_KEY", secrets.token_urlsafe(48))
    monkeypatch.setenv("DATABASE_URL", databases.app_url)
    monkeypatch.setenv("TRACKER_DB_URL", databases.tracker_url)
    monkeypatch.setenv("REVIEW_HTTPS", "1")
    with pytest.raises(ConfigurationError, match="REVIEW_PASSWORD_HASHING"):
        ReviewSettings.from_env()
