"""Review app accounts (issue 14, item 11): a new password ends every session of the account at
once, an account can be disabled (no sign-in, its live sessions stop), exports are POSTs that
need the CSRF token, and each of these is in the audit log. On SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update
from sqlalchemy.orm import Session

from backcare.database import make_engine
from backcare.review import admin as admin_command
from backcare.review.models import User, utcnow
from tests.review import synthetic_tracker as synthetic
from tests.review.conftest import (
    ADMIN,
    CLINICIAN,
    PASSWORD,
    ClientFactory,
    Databases,
    audit,
    csrf_of,
    page_text,
    signed_in,
    try_login,
)

NEW_PASSWORD = "a completely new passphrase"


def run_admin(
    monkeypatch: pytest.MonkeyPatch, databases: Databases, *argv: str, password: str = ""
) -> None:
    monkeypatch.setenv("DATABASE_URL", databases.app_url)
    monkeypatch.setenv("REVIEW_PASSWORD", password)
    assert admin_command.main(list(argv)) == 0


def test_a_new_password_ends_every_session_of_the_account(
    databases: Databases, client_for: ClientFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    laptop, phone, other = client_for(CLINICIAN), client_for(CLINICIAN), client_for(ADMIN)
    assert signed_in(laptop) and signed_in(phone)
    run_admin(monkeypatch, databases, "set-password", CLINICIAN, password=NEW_PASSWORD)
    assert not signed_in(laptop), "a session outlived the password change"
    assert not signed_in(phone), "a session outlived the password change"
    assert signed_in(other), "another account's session ended too"
    assert try_login(client_for(), CLINICIAN, PASSWORD).status_code == 401
    assert try_login(client_for(), CLINICIAN, NEW_PASSWORD).status_code == 303
    assert ("admin command", "set_password", CLINICIAN, {"sessions_ended": 2}) in audit(databases)


def test_a_disabled_account_cannot_sign_in_and_its_sessions_stop(
    databases: Databases, client_for: ClientFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    synthetic.write(make_engine(databases.tracker_url), synthetic.random_conversations(2))
    clinician = client_for(CLINICIAN)
    page = clinician.get("/conversations/1").text
    run_admin(monkeypatch, databases, "disable-user", CLINICIAN)
    assert not signed_in(clinician), "a disabled account's session still works"
    refused = clinician.post(
        "/conversations/1/notes", data={"csrf_token": csrf_of(page), "text": "after disabling"}
    )
    assert refused.status_code == 401
    answer = try_login(client_for(), CLINICIAN, PASSWORD)
    assert answer.status_code == 403 and "This account is disabled." in page_text(answer.text)
    # Without the password, a disabled account looks like any wrong sign-in.
    assert try_login(client_for(), CLINICIAN, "not the password").status_code == 401
    actions = [(actor, action) for actor, action, _target, _detail in audit(databases)]
    assert ("admin command", "disable_user") in actions
    assert (CLINICIAN, "login_disabled") in actions

    run_admin(monkeypatch, databases, "enable-user", CLINICIAN)
    assert try_login(client_for(), CLINICIAN, PASSWORD).status_code == 303
    assert ("admin command", "enable_user", CLINICIAN, {}) in audit(databases)


def test_a_live_session_of_an_account_marked_disabled_stops_at_once(
    databases: Databases, client_for: ClientFactory
) -> None:
    """The session check itself refuses a disabled account (not only the ending of sessions)."""
    clinician = client_for(CLINICIAN)
    assert signed_in(clinician)
    engine = make_engine(databases.app_url)
    with Session(engine) as session, session.begin():
        session.execute(update(User).where(User.email == CLINICIAN).values(disabled_at=utcnow()))
    engine.dispose()
    assert not signed_in(clinician)


EXPORTS = ["/conversations/1/export.csv", "/exports/conversations.json", "/exports/corrections.yml"]


@pytest.mark.parametrize("path", EXPORTS)
def test_exports_are_posts_with_the_csrf_token(
    databases: Databases, client_for: ClientFactory, path: str
) -> None:
    synthetic.write(make_engine(databases.tracker_url), synthetic.random_conversations(2))
    clinician = client_for(CLINICIAN)
    token = csrf_of(clinician.get("/conversations").text)
    assert clinician.get(path).status_code == 405, "a GET (a link, an image) exports"
    assert clinician.post(path).status_code == 403
    assert clinician.post(path, data={"csrf_token": "forged"}).status_code == 403
    exported = clinician.post(path, data={"csrf_token": token})
    assert exported.status_code == 200
    assert "attachment" in exported.headers["content-disposition"]
    exports = [a for actor, a, _t, _d in audit(databases) if actor == CLINICIAN and "export" in a]
    assert len(exports) == 1, exports


def change_password(client: TestClient, current: str, new: str, again: str | None = None):
    token = csrf_of(client.get("/account").text)
    return client.post(
        "/account/password",
        data={
            "csrf_token": token,
            "current_password": current,
            "new_password": new,
            "new_password_again": new if again is None else again,
        },
        follow_redirects=False,
    )


def test_changing_ones_password_ends_the_other_sessions_at_once(
    databases: Databases, client_for: ClientFactory
) -> None:
    here, stolen = client_for(CLINICIAN), client_for(CLINICIAN)
    other_account = client_for(ADMIN)
    assert change_password(here, "not the password", NEW_PASSWORD).status_code == 400
    assert change_password(here, PASSWORD, NEW_PASSWORD, "a different new one").status_code == 400
    assert signed_in(stolen), "a refused change ended a session"
    changed = change_password(here, PASSWORD, NEW_PASSWORD)
    assert changed.status_code == 303
    assert signed_in(here), "the browser that changed the password was signed out"
    assert not signed_in(stolen), "another session outlived the password change"
    assert signed_in(other_account)
    assert try_login(client_for(), CLINICIAN, PASSWORD).status_code == 401
    assert try_login(client_for(), CLINICIAN, NEW_PASSWORD).status_code == 303
    entries = [(actor, action, detail) for actor, action, _t, detail in audit(databases)]
    assert [a for actor, a, _d in entries if a.startswith("change_password")] == [
        "change_password_refused",
        "change_password_refused",
        "change_password",
    ]
    assert (CLINICIAN, "change_password", {"client": "testclient", "sessions_ended": 1}) in entries
