"""The admin page for review accounts (/admin/accounts): an admin lists accounts, creates one,
sets a new password (the account's sessions end), disables it (its sessions end, it cannot sign
in) and enables it again; each change is a form post with the CSRF token and is audited with
the admin as actor and the client address. A clinician gets 403 everywhere; an admin cannot
disable their own account or leave no enabled admin. On SQLite and PostgreSQL."""

from __future__ import annotations

import re
import threading
import time

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from backcare.database import make_engine
from backcare.review.accounts import LAST_ADMIN_MESSAGE, AccountError, disable_user_as
from backcare.review.models import LoginSession, User, utcnow
from backcare.review.routes import accounts as accounts_routes
from tests.review.conftest import (
    ADMIN,
    CLINICIAN,
    PASSWORD,
    ClientFactory,
    Databases,
    add_accounts,
    audit,
    csrf_of,
    page_text,
    password_hash,
    sign_in,
    signed_in,
    try_login,
)

PAGE = "/admin/accounts"
NEW = "new.nurse@example.org"
NEW_PASSWORD = "a completely new passphrase"
SECOND_ADMIN = "second.admin@example.org"


def account_id(databases: Databases, email: str) -> int:
    engine = make_engine(databases.app_url)
    with Session(engine) as session:
        found = session.scalars(select(User.id).where(User.email == email)).one()
    engine.dispose()
    return found


def accounts(databases: Databases) -> dict[str, tuple[str, bool]]:
    """e-mail -> (role, disabled)"""
    engine = make_engine(databases.app_url)
    with Session(engine) as session:
        found = {
            user.email: (user.role, user.is_disabled) for user in session.scalars(select(User))
        }
    engine.dispose()
    return found


def live_sessions(databases: Databases, email: str) -> int:
    engine = make_engine(databases.app_url)
    with Session(engine) as session:
        found = session.scalar(
            select(func.count()).select_from(LoginSession).join(User).where(User.email == email)
        )
    engine.dispose()
    return found or 0


def add_second_admin(databases: Databases) -> None:
    engine = make_engine(databases.app_url)
    with Session(engine) as session, session.begin():
        session.add(User(email=SECOND_ADMIN, password_hash=password_hash(), role="admin"))
    engine.dispose()


def post(client: TestClient, path: str, **data: str):
    """A form post with the CSRF token of the client's session (from the accounts page, or from
    /account for someone who may not see the accounts page)."""
    form = client.get(PAGE)
    token = csrf_of(form.text if form.status_code == 200 else client.get("/account").text)
    return client.post(path, data={"csrf_token": token, **data}, follow_redirects=False)


def row(page: str, email: str) -> list[str]:
    """The visible text of each cell of the account's row on the accounts page."""
    for found in re.findall(r"<tr id=\"account-\d+\">(.*?)</tr>", page, re.S):
        cells = [page_text(cell) for cell in re.findall(r"<td>(.*?)</td>", found, re.S)]
        if cells and cells[0].split(" ")[0] == email:
            return cells
    raise AssertionError(f"no row for {email}")


UTC_TIME = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$")


def test_an_admin_lists_the_accounts_without_their_password_hashes(
    databases: Databases, client_for: ClientFactory
) -> None:
    admin = client_for(ADMIN)
    response = admin.get(PAGE)
    assert response.status_code == 200
    assert "$argon2" not in response.text and "password_hash" not in response.text
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["cache-control"] == "no-store"
    email, role, status, created, last_sign_in, _actions = row(response.text, ADMIN)
    assert (email, role, status) == (f"{ADMIN} (you)", "admin", "enabled")
    assert UTC_TIME.match(created) and UTC_TIME.match(last_sign_in)
    email, role, status, created, last_sign_in, _actions = row(response.text, CLINICIAN)
    assert (email, role, status, last_sign_in) == (CLINICIAN, "clinician", "enabled", "")
    assert UTC_TIME.match(created)
    client_for(CLINICIAN)  # signs in once
    assert UTC_TIME.match(row(admin.get(PAGE).text, CLINICIAN)[4])
    assert (ADMIN, "view_accounts", "accounts", {}) in audit(databases)
    # The navigation links to it for admins only.
    assert f'href="{PAGE}"' in admin.get("/conversations").text
    assert f'href="{PAGE}"' not in client_for(CLINICIAN).get("/conversations").text


def test_a_stranger_is_sent_to_sign_in(databases: Databases, client_for: ClientFactory) -> None:
    response = client_for().get(PAGE, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/login?next=%2Fadmin%2Faccounts"


def test_an_admin_creates_an_account_that_can_sign_in(
    databases: Databases, client_for: ClientFactory
) -> None:
    admin = client_for(ADMIN)
    created = post(
        admin,
        PAGE,
        email=f"  {NEW.upper()} ",
        role="clinician",
        password=NEW_PASSWORD,
        password_again=NEW_PASSWORD,
    )
    assert created.status_code == 303 and created.headers["location"] == PAGE
    page = admin.get(PAGE).text
    assert f"Account created: {NEW} (clinician)." in page_text(page)
    assert row(page, NEW)[1:3] == ["clinician", "enabled"]
    assert f"Account created: {NEW}" not in admin.get(PAGE).text  # the notice is shown once
    assert accounts(databases)[NEW] == ("clinician", False)
    assert try_login(client_for(), NEW, NEW_PASSWORD).status_code == 303
    assert (ADMIN, "create_user", NEW, {"client": "testclient", "role": "clinician"}) in audit(
        databases
    )

    assert (
        post(
            admin,
            PAGE,
            email=SECOND_ADMIN,
            role="admin",
            password=NEW_PASSWORD,
            password_again=NEW_PASSWORD,
        ).status_code
        == 303
    )
    assert accounts(databases)[SECOND_ADMIN] == ("admin", False)
    assert f'href="{PAGE}"' in sign_in(client_for(), SECOND_ADMIN, NEW_PASSWORD).get(PAGE).text


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ({"password": "too short"}, "A password needs at least 12 characters."),
        ({"password_again": "another long password"}, "The two passwords differ."),
        ({"email": "not an address"}, "An account is an e-mail address"),
        ({"email": "two@@example.org"}, "An account is an e-mail address"),
        ({"email": "nul\x00@example.org"}, "An account is an e-mail address"),
        ({"email": "x" * 250 + "@example.org"}, "An e-mail address has at most 254 characters."),
        ({"role": "superuser"}, "Role must be one of clinician, admin."),
        ({"email": CLINICIAN.upper()}, f"{CLINICIAN} already has an account."),
        ({"email": "", "role": "", "password": "", "password_again": ""}, "Role must be one"),
    ],
)
def test_a_refused_account_is_not_created_and_the_form_keeps_what_was_typed(
    databases: Databases, client_for: ClientFactory, form: dict[str, str], message: str
) -> None:
    admin = client_for(ADMIN)
    before = accounts(databases)
    typed = {
        "email": NEW,
        "role": "admin",
        "password": NEW_PASSWORD,
        "password_again": NEW_PASSWORD,
    } | form
    if "password" in form and "password_again" not in form:
        typed["password_again"] = form["password"]
    refused = post(admin, PAGE, **typed)
    assert refused.status_code == 400
    text = page_text(refused.text)
    assert message in text
    assert re.search(r'<p class="error" role="alert">[^<\n]+</p>', refused.text)
    assert accounts(databases) == before, "an account was created"
    assert (ADMIN, "create_user") not in [(actor, action) for actor, action, *_ in audit(databases)]
    assert any(
        actor == ADMIN and action == "create_user_refused" and detail["client"] == "testclient"
        for actor, action, _target, detail in audit(databases)
    )
    # Nothing typed is lost but the passwords (never sent back).
    kept = "".join(c for c in typed["email"].strip() if c.isprintable())[:254]
    assert f'value="{kept}"' in refused.text
    if typed["role"] in ("clinician", "admin"):
        assert f'<option value="{typed["role"]}" selected>' in refused.text
    assert NEW_PASSWORD not in refused.text
    assert signed_in(admin)


def test_an_admin_sets_a_new_password_and_the_accounts_sessions_end(
    databases: Databases, client_for: ClientFactory
) -> None:
    laptop, phone, admin = client_for(CLINICIAN), client_for(CLINICIAN), client_for(ADMIN)
    clinician = account_id(databases, CLINICIAN)
    path = f"{PAGE}/{clinician}/password"

    weak = post(admin, path, password="short", password_again="short")
    assert weak.status_code == 400
    assert "A password needs at least 12 characters." in page_text(weak.text)
    differ = post(admin, path, password=NEW_PASSWORD, password_again=f"{NEW_PASSWORD}!")
    assert differ.status_code == 400 and "The two passwords differ." in page_text(differ.text)
    assert signed_in(laptop) and signed_in(phone), "a refused password ended sessions"

    changed = post(admin, path, password=NEW_PASSWORD, password_again=NEW_PASSWORD)
    assert changed.status_code == 303
    assert f"New password set for {CLINICIAN}; sessions ended: 2." in page_text(
        admin.get(PAGE).text
    )
    assert not signed_in(laptop), "a session outlived the new password"
    assert not signed_in(phone), "a session outlived the new password"
    assert signed_in(admin)
    assert try_login(client_for(), CLINICIAN, PASSWORD).status_code == 401
    assert try_login(client_for(), CLINICIAN, NEW_PASSWORD).status_code == 303
    entries = audit(databases)
    assert (
        ADMIN,
        "set_password",
        CLINICIAN,
        {"client": "testclient", "sessions_ended": 2},
    ) in entries
    refusals = [
        detail["reason"] for _a, action, _t, detail in entries if action.endswith("_refused")
    ]
    assert refusals == ["a password needs at least 12 characters", "The two passwords differ."]


def test_an_admin_sets_their_own_password_on_the_account_page_only(
    databases: Databases, client_for: ClientFactory
) -> None:
    admin, elsewhere = client_for(ADMIN), client_for(ADMIN)
    own = post(
        admin,
        f"{PAGE}/{account_id(databases, ADMIN)}/password",
        password=NEW_PASSWORD,
        password_again=NEW_PASSWORD,
    )
    assert own.status_code == 400
    assert "Change your own password on the Account page." in page_text(own.text)
    assert signed_in(admin) and signed_in(elsewhere)
    assert try_login(client_for(), ADMIN, PASSWORD).status_code == 303


def test_an_admin_disables_and_enables_an_account(
    databases: Databases, client_for: ClientFactory
) -> None:
    clinician, admin = client_for(CLINICIAN), client_for(ADMIN)
    number = account_id(databases, CLINICIAN)
    disabled = post(admin, f"{PAGE}/{number}/disable")
    assert disabled.status_code == 303
    page = admin.get(PAGE).text
    assert f"Disabled {CLINICIAN}; sessions ended: 1." in page_text(page)
    assert row(page, CLINICIAN)[2].startswith("disabled since ")
    assert f'action="{PAGE}/{number}/enable"' in page
    assert not signed_in(clinician), "a disabled account's session still works"
    refused = try_login(client_for(), CLINICIAN, PASSWORD)
    assert refused.status_code == 403 and "This account is disabled." in page_text(refused.text)
    assert (ADMIN, "disable_user", CLINICIAN, {"client": "testclient", "sessions_ended": 1}) in (
        audit(databases)
    )

    assert live_sessions(databases, CLINICIAN) == 0

    assert post(admin, f"{PAGE}/{number}/enable").status_code == 303
    assert row(admin.get(PAGE).text, CLINICIAN)[2] == "enabled"
    assert not signed_in(clinician), "enabling the account brought its old session back"
    assert try_login(client_for(), CLINICIAN, PASSWORD).status_code == 303
    assert (ADMIN, "enable_user", CLINICIAN, {"client": "testclient"}) in audit(databases)


def test_an_admin_cannot_disable_their_own_account(
    databases: Databases, client_for: ClientFactory
) -> None:
    admin = client_for(ADMIN)
    own = account_id(databases, ADMIN)
    assert f'action="{PAGE}/{own}/disable"' not in admin.get(PAGE).text
    refused = post(admin, f"{PAGE}/{own}/disable")
    assert refused.status_code == 400
    assert "You cannot disable your own account." in page_text(refused.text)
    assert accounts(databases)[ADMIN] == ("admin", False)
    assert signed_in(admin)
    assert (
        ADMIN,
        "disable_user_refused",
        ADMIN,
        {"client": "testclient", "reason": "You cannot disable your own account."},
    ) in audit(databases)


def test_an_admin_disables_another_admin_but_never_the_last_enabled_one(
    databases: Databases, client_for: ClientFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On the page the acting admin is always an enabled admin, so only a race leaves none: the
    other admin disables this one between the sign-in check and the change (simulated here)."""
    add_second_admin(databases)
    admin = client_for(ADMIN)
    second = account_id(databases, SECOND_ADMIN)
    assert post(admin, f"{PAGE}/{second}/disable").status_code == 303  # another admin: fine
    assert accounts(databases)[SECOND_ADMIN] == ("admin", True)
    assert post(admin, f"{PAGE}/{second}/enable").status_code == 303
    other_session = client_for(SECOND_ADMIN)

    def after_the_other_admin_disabled_this_one(session: Session, actor: User, user: User) -> int:
        engine = make_engine(databases.app_url)
        with Session(engine) as other, other.begin():
            other.execute(update(User).where(User.email == ADMIN).values(disabled_at=utcnow()))
        engine.dispose()
        return disable_user_as(session, actor, user)

    token = csrf_of(admin.get(PAGE).text)
    monkeypatch.setattr(accounts_routes, "disable_user_as", after_the_other_admin_disabled_this_one)
    refused = admin.post(f"{PAGE}/{second}/disable", data={"csrf_token": token})
    assert refused.status_code == 400
    assert LAST_ADMIN_MESSAGE in page_text(refused.text)
    assert accounts(databases)[SECOND_ADMIN] == ("admin", False), "no admin is left enabled"
    assert signed_in(other_session), "the refused change ended the other admin's sessions"
    assert (ADMIN, "disable_user_refused", SECOND_ADMIN) in [
        entry[:3] for entry in audit(databases)
    ]


def test_two_admins_disabling_each_other_at_once_leave_one_enabled(
    databases: Databases,
) -> None:
    add_accounts(databases.app_url)
    add_second_admin(databases)
    engine = make_engine(databases.app_url)
    outcome: list[object] = []

    def second_disables_first() -> None:
        with Session(engine) as session:
            actor = session.scalars(select(User).where(User.email == SECOND_ADMIN)).one()
            target = session.scalars(select(User).where(User.email == ADMIN)).one()
            try:
                disable_user_as(session, actor, target)
                session.commit()
                outcome.append("disabled")
            except AccountError as error:
                session.rollback()
                outcome.append(error)

    with Session(engine) as first:
        actor = first.scalars(select(User).where(User.email == ADMIN)).one()
        target = first.scalars(select(User).where(User.email == SECOND_ADMIN)).one()
        disable_user_as(first, actor, target)  # not yet committed
        racing = threading.Thread(target=second_disables_first)
        racing.start()
        time.sleep(1.0)
        assert racing.is_alive(), "the second change did not wait for the first"
        first.commit()
        racing.join(timeout=30)
    assert not racing.is_alive()
    assert len(outcome) == 1 and isinstance(outcome[0], AccountError), outcome
    with Session(engine) as session:
        enabled = session.scalar(
            select(func.count())
            .select_from(User)
            .where(User.role == "admin", User.disabled_at.is_(None))
        )
    engine.dispose()
    assert enabled == 1


def test_a_clinician_gets_403_on_the_page_and_every_form(
    databases: Databases, client_for: ClientFactory
) -> None:
    clinician = client_for(CLINICIAN)
    admin_id, own = account_id(databases, ADMIN), account_id(databases, CLINICIAN)
    before = accounts(databases)
    assert clinician.get(PAGE).status_code == 403
    forms = [
        (PAGE, {"email": NEW, "role": "admin"}),
        *[(f"{PAGE}/{number}/password", {}) for number in (admin_id, own)],
        *[(f"{PAGE}/{number}/disable", {}) for number in (admin_id, own)],
        *[(f"{PAGE}/{number}/enable", {}) for number in (admin_id, own)],
    ]
    for path, data in forms:
        response = post(clinician, path, password=NEW_PASSWORD, password_again=NEW_PASSWORD, **data)
        assert response.status_code == 403, path
        assert "Only an admin can do this." in page_text(response.text), path
    assert accounts(databases) == before
    assert signed_in(clinician)
    assert try_login(client_for(), ADMIN, PASSWORD).status_code == 303  # password unchanged
    changes = {"create_user", "set_password", "disable_user", "enable_user", "view_accounts"}
    assert not [entry for entry in audit(databases) if entry[1] in changes]


@pytest.mark.parametrize("token", [None, "forged-token"])
def test_every_form_without_the_right_csrf_token_is_refused(
    databases: Databases, client_for: ClientFactory, token: str | None
) -> None:
    admin, clinician = client_for(ADMIN), client_for(CLINICIAN)
    number = account_id(databases, CLINICIAN)
    before = accounts(databases)
    passwords = {"password": NEW_PASSWORD, "password_again": NEW_PASSWORD}
    forms = [
        (PAGE, {"email": NEW, "role": "admin", **passwords}),
        (f"{PAGE}/{number}/password", passwords),
        (f"{PAGE}/{number}/disable", {}),
        (f"{PAGE}/{number}/enable", {}),
    ]
    for path, data in forms:
        sent = data | ({"csrf_token": token} if token else {})
        response = admin.post(path, data=sent, follow_redirects=False)
        assert response.status_code == 403, path
        assert "security token" in page_text(response.text), path
    assert accounts(databases) == before
    assert signed_in(clinician), "a refused form ended the clinician's session"
    assert try_login(client_for(), CLINICIAN, PASSWORD).status_code == 303
    changes = {"create_user", "set_password", "disable_user", "enable_user"}
    assert not [entry for entry in audit(databases) if entry[1] in changes]


@pytest.mark.parametrize("number", ["999", "0", "-1", "abc", "99999999999999999999", "1.0"])
def test_an_unknown_account_is_404(
    databases: Databases, client_for: ClientFactory, number: str
) -> None:
    admin = client_for(ADMIN)
    for action in ("password", "disable", "enable"):
        response = post(
            admin,
            f"{PAGE}/{number}/{action}",
            password=NEW_PASSWORD,
            password_again=NEW_PASSWORD,
        )
        assert response.status_code == 404, (action, response.text)
        assert "No such account." in page_text(response.text)
    assert signed_in(admin)
