"""Security: no page, export or form without a session; admin pages for admins only; CSRF on
every form; people's messages shown as text; search immune to SQL injection."""

from __future__ import annotations

import re

import pytest
from fastapi.routing import APIRoute
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from backcare.database import make_engine
from backcare.review.app import ROUTERS
from backcare.review.models import Conversation, Note
from tests.review import synthetic_tracker as synthetic
from tests.review.conftest import (
    ADMIN,
    CLINICIAN,
    ClientFactory,
    Databases,
    csrf_of,
    page_text,
)

SCRIPT = "<script>alert('xss')</script>"
PUBLIC = {"/login", "/"}


def fill_tracker(databases: Databases, extra: list[tuple[str, list[dict]]] = ()) -> None:
    synthetic.write(
        make_engine(databases.tracker_url), [*synthetic.random_conversations(12), *extra]
    )


def concrete(path: str) -> str:
    return path.replace("{conversation_id}", "1").replace("{fmt}", "csv").replace("{user_id}", "1")


def app_routes(method: str) -> list[str]:
    return sorted(
        concrete(route.path)
        for router in ROUTERS
        for route in router.routes
        if isinstance(route, APIRoute) and method in route.methods and route.path not in PUBLIC
    )


@pytest.mark.parametrize("databases", ["sqlite"], indirect=True)
def test_every_page_and_export_sends_a_stranger_to_sign_in(
    databases: Databases, client_for: ClientFactory
) -> None:
    fill_tracker(databases)
    stranger = client_for()
    pages = app_routes("GET")
    assert {
        "/conversations",
        "/conversations/1",
        "/dashboard",
        "/admin/audit",
        "/admin/accounts",
    } <= set(pages)
    for path in pages:
        response = stranger.get(path, follow_redirects=False)
        assert response.status_code == 303, path
        assert response.headers["location"].startswith("/login?next="), path
        assert "saddle" not in response.text


@pytest.mark.parametrize("databases", ["sqlite"], indirect=True)
def test_every_form_refuses_a_stranger_with_401(
    databases: Databases, client_for: ClientFactory
) -> None:
    fill_tracker(databases)
    stranger = client_for()
    token = csrf_of(stranger.get("/login").text)  # a stranger's own valid CSRF token
    forms = [path for path in app_routes("POST") if path != "/logout"]
    assert len(forms) >= 6
    # Exports are forms too (POST with the CSRF token).
    assert {
        "/conversations/1/export.csv",
        "/exports/conversations.csv",
        "/exports/corrections.yml",
        "/admin/accounts",
        "/admin/accounts/1/disable",
    } <= set(forms)
    for path in forms:
        response = stranger.post(
            path,
            data={
                "csrf_token": token,
                "text": "x",
                "reviewed": "true",
                "seen_through_event_id": "1",
                "follow_up": "true",
                "event_id": "1",
                "intent": "greet",
                "example": "x",
                "confirm": "x",
            },
            follow_redirects=False,
        )
        assert response.status_code == 401, path


@pytest.mark.parametrize("databases", ["sqlite"], indirect=True)
def test_a_clinician_cannot_reach_admin_pages(
    databases: Databases, client_for: ClientFactory
) -> None:
    fill_tracker(databases)
    clinician = client_for(CLINICIAN)
    page = clinician.get("/conversations/1")
    assert "Delete conversation" not in page.text
    assert "/admin/audit" not in page.text and "/admin/accounts" not in page.text
    assert clinician.get("/admin/audit").status_code == 403
    assert clinician.get("/admin/accounts").status_code == 403
    refused = clinician.post(
        "/admin/conversations/1/delete",
        data={"csrf_token": csrf_of(page.text), "confirm": "synthetic-00000"},
    )
    assert refused.status_code == 403
    assert clinician.get("/conversations/1").status_code == 200


@pytest.mark.parametrize("databases", ["sqlite"], indirect=True)
def test_a_form_without_the_csrf_token_is_refused(
    databases: Databases, client_for: ClientFactory
) -> None:
    fill_tracker(databases)
    clinician = client_for(CLINICIAN)
    for token in (None, "forged-token"):
        data = {"text": "a note"} | ({"csrf_token": token} if token else {})
        assert clinician.post("/conversations/1/notes", data=data).status_code == 403
        assert (
            clinician.post("/conversations/1/review", data=data | {"reviewed": "true"}).status_code
            == 403
        )
        assert clinician.post("/logout", data=data, follow_redirects=False).status_code == 403
    stranger = client_for()
    assert stranger.post("/login", data={"email": ADMIN, "password": "x"}).status_code == 403
    with Session(make_engine(databases.app_url)) as session:
        assert session.scalar(select(func.count()).select_from(Note)) == 0
    assert "Mark reviewed" in clinician.get("/conversations/1").text  # still signed in, unchanged


def test_a_script_in_a_message_is_shown_as_text(
    databases: Databases, client_for: ClientFactory
) -> None:
    said = synthetic.Said(SCRIPT, "out_of_scope", entities=[{"entity": "x", "value": SCRIPT}])
    fill_tracker(databases, [(SCRIPT, synthetic.conversation(1_795_000_000.0, [said]))])
    admin = client_for(ADMIN)
    listed = admin.get("/conversations", params={"q": SCRIPT})
    assert "&lt;script&gt;" in listed.text and SCRIPT not in listed.text
    link = re.search(r'href="/conversations/(\d+)"', listed.text)
    assert link
    page = admin.get(f"/conversations/{link.group(1)}")
    admin.post(
        f"/conversations/{link.group(1)}/notes",
        data={"csrf_token": csrf_of(page.text), "text": SCRIPT},
    )
    page = admin.get(f"/conversations/{link.group(1)}")
    assert "<script>alert" not in page.text
    assert (
        page.text.count("&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;") >= 4
    )  # id, text, entity, note
    assert "script-src 'self'" in page.headers["content-security-policy"]


@pytest.mark.parametrize(
    "attack",
    [
        "'; DROP TABLE review_conversations; --",
        "' OR '1'='1",
        "%' OR 1=1 --",
        "\\'; DELETE FROM events; --",
        "%",
        "_",
    ],
)
def test_sql_injection_in_search_changes_nothing(
    databases: Databases, client_for: ClientFactory, attack: str
) -> None:
    fill_tracker(databases)
    admin = client_for(ADMIN)
    everything = page_text(admin.get("/conversations").text)
    assert "12 conversations" in everything
    response = admin.get("/conversations", params={"q": attack})
    assert response.status_code == 200
    assert "0 conversations" in page_text(response.text)
    assert "12 conversations" in page_text(admin.get("/conversations").text)
    with Session(make_engine(databases.app_url)) as session:
        assert session.scalar(select(func.count()).select_from(Conversation)) == 12


def test_security_headers_on_every_page(databases: Databases, client_for: ClientFactory) -> None:
    response = client_for().get("/login")
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["cache-control"] == "no-store"
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
