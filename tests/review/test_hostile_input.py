"""Security issue 14: hostile input never makes the review app answer 5xx. Every parameter of
every route (path, query string and form, found from the routes themselves, plus each form's
CSRF token) gets NUL bytes, 20-digit and negative numbers, 100,000 characters, bytes that are
not UTF-8, an empty value, a repeated parameter and no value at all, one parameter at a time
with the others valid, from a signed-in admin, on SQLite and PostgreSQL. (In a path or a query
string the long values are cut to 60,000 characters: the test client refuses a URL over 64 KiB,
and uvicorn one far shorter.)"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import quote

import httpx
import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from backcare.database import make_engine
from backcare.review.app import ROUTERS, create_app
from backcare.review.models import Conversation, LoginAttempt, Note
from backcare.review.tracker_store import events_of
from tests.review import synthetic_tracker as synthetic
from tests.review.conftest import (
    ADMIN,
    PASSWORD,
    ClientFactory,
    Databases,
    csrf_of,
    page_text,
    settings_for,
    sign_in,
)

# Raw (already percent-encoded) values; a callable is given the valid value, encoded.
HOSTILE_VALUES: dict[str, object] = {
    "NUL after a valid value": lambda valid: f"{valid}%00",
    "NUL": "%00",
    "20-digit id": "99999999999999999999",
    "negative 20-digit id": "-99999999999999999999",
    "negative id": "-1",
    "100,000 characters": "x" * 100_000,
    "100,000 digits": "9" * 100_000,
    "not UTF-8": "%ff",
    "not UTF-8 after a valid value": lambda valid: f"{valid}%ff%fe",
    "empty": "",
    "repeated (x=1&x=2)": ("1", "2"),
    "missing": None,
}
# In a path there is neither a repeated nor a missing value.
PATH_VALUES = {
    name: value
    for name, value in HOSTILE_VALUES.items()
    if isinstance(value, str) or callable(value)
}
URL_ROOM = 60_000
NEW_PASSWORD = "a long new password"
# A valid value for every parameter; a new parameter must be added here (and so gets tested).
VALID = {
    # path
    "conversation_id": "1",
    "fmt": "csv",
    "plan_id": "1",
    "user_id": "2",
    # query
    "next": "/conversations",
    "changed": "1",
    "page": "1",
    "triage": "none",
    "red_flag": "saddle-numbness",
    "channel": "rest",
    "date_from": "2020-01-01",
    "date_to": "2030-12-31",
    "q": "back pain",
    "unreviewed": "true",
    "follow_up": "true",
    "action": "view",
    "actor": ADMIN,
    # forms
    "email": "someone.new@example.org",
    "password": "not the password",
    "current_password": PASSWORD,
    "new_password": NEW_PASSWORD,
    "new_password_again": NEW_PASSWORD,
    "password_again": NEW_PASSWORD,
    "role": "clinician",
    "text": "a note",
    "reviewed": "true",
    "seen_through_event_id": "1",
    "intent": "greet",
    "example": "my back hurts",
    "topic": "(none)",
    "question": "is my back hurting",
    "note": "a note",
    "confirm": "not the sender id",
}


def _params(route: APIRoute) -> dict[str, list[str]]:
    """The route's path, query and form parameters, its dependencies' included."""
    found: dict[str, list[str]] = {"path": [], "query": [], "form": []}
    pending = [route.dependant]
    while pending:
        dependant = pending.pop()
        found["path"] += [param.alias for param in dependant.path_params]
        found["query"] += [param.alias for param in dependant.query_params]
        found["form"] += [param.alias for param in dependant.body_params]
        pending += dependant.dependencies
    if "POST" in route.methods:
        found["form"].append("csrf_token")  # read by the CSRF check on every router
    return found


ROUTES = [
    (method, route)
    for router in ROUTERS
    for route in router.routes
    if isinstance(route, APIRoute)
    for method in sorted(route.methods)
]


def _encoded(pairs: list[tuple[str, str]]) -> str:
    return "&".join(f"{name}={value}" for name, value in pairs)


def _pairs(names: list[str], valid: dict[str, str], target: str, value: object) -> list:
    pairs: list[tuple[str, str]] = []
    for name in names:
        if name != target:
            pairs.append((name, quote(valid[name], safe="")))
        elif callable(value):
            pairs.append((name, value(quote(valid[name], safe=""))))
        elif isinstance(value, tuple):
            pairs += [(name, item) for item in value]
        elif isinstance(value, str):
            pairs.append((name, value))
    return pairs


def requests_for(
    route: APIRoute, method: str, valid: dict[str, str]
) -> Iterator[tuple[str, str, str, str]]:
    """(parameter, hostile value's name, URL, form body) for each parameter and value."""
    params = _params(route)
    for kind, names in params.items():
        for target in names:
            values = PATH_VALUES if kind == "path" else HOSTILE_VALUES
            for label, value in values.items():
                if kind != "form" and isinstance(value, str):
                    value = value[:URL_ROOM]
                path = route.path
                for name in params["path"]:
                    raw = quote(valid[name], safe="")
                    if name == target:
                        raw = value(raw) if callable(value) else str(value)
                    path = path.replace(f"{{{name}}}", raw)
                query = _encoded(_pairs(params["query"], valid, target, value))
                form = _encoded(_pairs(params["form"], valid, target, value))
                yield target, label, path + (f"?{query}" if query else ""), form


def _conversation_and_message(databases: Databases) -> tuple[int, int]:
    engine = make_engine(databases.app_url)
    with Session(engine) as session:
        conversation = session.get(Conversation, 1)
        assert conversation is not None
        sender = conversation.sender_id
    engine.dispose()
    tracker = make_engine(databases.tracker_url)
    message = next(event for event in events_of(tracker, sender) if event.type_name == "user")
    tracker.dispose()
    return conversation.id, message.id


@pytest.mark.parametrize(
    ("method", "route"), ROUTES, ids=[f"{method} {route.path}" for method, route in ROUTES]
)
def test_hostile_input_never_gets_a_5xx(
    databases: Databases, client_for: ClientFactory, method: str, route: APIRoute
) -> None:
    synthetic.write(make_engine(databases.tracker_url), synthetic.random_conversations(4))
    client_for()  # the accounts
    # A 5xx answers as it would to a browser, so every failing input is listed at the end.
    with TestClient(create_app(settings_for(databases)), raise_server_exceptions=False) as admin:
        _walk(sign_in(admin, ADMIN), databases, method, route)


def _walk(admin: TestClient, databases: Databases, method: str, route: APIRoute) -> None:
    page = admin.get("/conversations")  # also takes in the tracker store
    conversation_id, event_id = _conversation_and_message(databases)
    valid = VALID | {
        "conversation_id": str(conversation_id),
        "seen_through_event_id": str(event_id),
        "event_id": str(event_id),
        "csrf_token": csrf_of(page.text),
    }
    failures: list[str] = []
    for target, label, url, form in requests_for(route, method, valid):
        response = admin.request(
            method,
            url,
            content=form.encode() if method == "POST" else None,
            headers={"content-type": "application/x-www-form-urlencoded"},
            follow_redirects=False,
        )
        said = response.text.splitlines()[0][:200] if response.text else ""
        if response.status_code >= 500:
            failures.append(f"{target} = {label}: {response.status_code} {said}")
        elif (
            response.status_code in (401, 403) and target != "csrf_token" and route.path != "/login"
        ):
            failures.append(f"{target} = {label}: {response.status_code}, the walk lost its way")
    still = admin.get("/account")
    assert still.status_code == 200 and csrf_of(still.text) == valid["csrf_token"], (
        "the admin's session ended during the walk"
    )
    assert not failures, "\n".join(failures)


def _form(client: TestClient, path: str, body: str) -> httpx.Response:
    return client.post(
        path,
        content=body.encode(),
        headers={"content-type": "application/x-www-form-urlencoded"},
        follow_redirects=False,
    )


def _reason(response: httpx.Response) -> str:
    found = re.search(r'<p class="error">([^<]*)</p>', response.text)
    assert found, response.text[:500]
    return found.group(1)


def test_a_nul_in_the_email_is_a_wrong_sign_in_counted_by_the_lock_out(
    databases: Databases, client_for: ClientFactory
) -> None:
    stranger = client_for()
    token = csrf_of(stranger.get("/login").text)
    tries = [("not the password", "%00"), ("x", "%00%00")] * 2 + [(PASSWORD, "%00")]
    for password, nul in tries:  # the right password too: never a sign-in
        refused = _form(
            stranger,
            "/login",
            f"email=admin%40example.org{nul}&password={quote(password)}&csrf_token={token}",
        )
        assert refused.status_code == 401
        assert "Wrong e-mail or password." in page_text(refused.text)
        assert 'value="admin@example.org"' in refused.text  # the form keeps what it can
    long = _form(stranger, "/login", f"email={'a' * 100_000}&password=x&csrf_token={token}")
    assert long.status_code == 401
    with Session(make_engine(databases.app_url)) as session:
        attempts = session.scalars(select(LoginAttempt).order_by(LoginAttempt.id)).all()
        assert [(a.email, a.succeeded) for a in attempts[:5]] == [(ADMIN, False)] * 5
        assert (attempts[5].email, attempts[5].succeeded) == ("a" * 254, False)
    # Five failures on the account: now even the right address and password wait.
    locked = _form(
        stranger, "/login", f"email={quote(ADMIN)}&password={quote(PASSWORD)}&csrf_token={token}"
    )
    assert locked.status_code == 429


def test_an_id_beyond_the_column_is_404_and_a_bad_value_400_with_one_line(
    databases: Databases, client_for: ClientFactory
) -> None:
    synthetic.write(make_engine(databases.tracker_url), synthetic.random_conversations(2))
    admin = client_for(ADMIN)
    token = csrf_of(admin.get("/conversations").text)
    for path in ("/conversations/99999999999999999999", "/conversations/-1", "/conversations/x"):
        missing = admin.get(path)
        assert missing.status_code == 404, path
        assert _reason(missing) == "No such conversation (it may have been deleted).", path
    refusals = {
        "/conversations/1/topic-corrections/remove": (
            "event_id=99999999999999999999",
            "event_id: input should be less than or equal to 2147483647.",
        ),
        "/conversations/1/notes": ("text=a%00", "text: must not contain a NUL character."),
        "/conversations/1/follow-up": ("", "follow_up: is missing."),
    }
    for path, (body, reason) in refusals.items():
        refused = _form(admin, path, f"{body}&csrf_token={token}")
        assert (refused.status_code, _reason(refused)) == (400, reason), path
    searched = admin.get("/conversations?q=back%00pain")
    assert (searched.status_code, _reason(searched)) == (
        400,
        "q: must not contain a NUL character.",
    )
    with Session(make_engine(databases.app_url)) as session:
        assert session.scalar(select(func.count()).select_from(Note)) == 0
