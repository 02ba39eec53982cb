"""The chat page's REST fallback is bound to the page's key, as socket.io is (issue 14): through
the real Rasa server, a REST message with a page id reaches that page's conversation (the
socket.io channel's `web-<digest>`, which the page server reads) only with the page server's key
for the id in `X-Backbone-Key`; a wrong key is refused with 403 and nothing is processed, and
without the header the id is a conversation of its own, never the page's."""

from __future__ import annotations

import warnings

import httpx
import pytest

from backcare import web
from bot_extensions.channels.sender_ids import web_sender
from tests.live_assistant import PAGE_ORIGIN
from tests.servers import Assistant

warnings.filterwarnings("ignore", "Using `httpx` with `starlette.testclient`")
from starlette.testclient import TestClient  # noqa: E402

pytestmark = pytest.mark.integration

WEBHOOK = "/webhooks/rest/webhook"


def rest_post(
    assistant: Assistant, sender: str, message: str, key: str | None = None
) -> httpx.Response:
    headers = {"X-Backbone-Key": key} if key is not None else {}
    return httpx.post(
        assistant.rasa_url + WEBHOOK,
        json={"sender": sender, "message": message},
        headers=headers,
        timeout=30,
    )


def user_texts(assistant: Assistant, conversation: str) -> list[str]:
    events = assistant.tracker(conversation)["events"]
    return [e["text"] for e in events if e["event"] == "user"]


def history_texts(page: TestClient, session: dict[str, str], query: str = "") -> list[str]:
    """The owner's history through the page server, as the page reads it."""
    response = page.get(
        f"/api/conversations/{session['sender']}{query}",
        headers={web.KEY_HEADER: session["key"]},
    )
    assert response.status_code == 200, response.text
    return [m["text"] for m in response.json()["messages"] if m["from"] == "user"]


def test_a_page_id_without_its_key_does_not_reach_the_pages_conversation(
    assistant: Assistant, page: TestClient
) -> None:
    owner = page.post("/api/sessions").json()
    other = page.post("/api/sessions").json()
    page_id = owner["sender"]

    # No key: answered, as any tool's id is, but in a conversation of its own.
    unkeyed = rest_post(assistant, page_id, "posted with the id alone")
    assert unkeyed.status_code == 200, unkeyed.text
    assert user_texts(assistant, page_id) == ["posted with the id alone"]

    # A wrong key (another page's, a made-up one, an empty one): 403, one line, nothing stored.
    for wrong in (other["key"], "x" * 43, ""):
        refused = rest_post(assistant, page_id, "posted with a wrong key", key=wrong)
        assert refused.status_code == 403, (wrong, refused.text)
        error = refused.json()["error"]
        assert "X-Backbone-Key" in error and "\n" not in error

    assert user_texts(assistant, web_sender(page_id)) == []
    assert user_texts(assistant, page_id) == ["posted with the id alone"]
    # The owner's history, as a page of either transport (old pages add ?transport=rest) reads it.
    for query in ("", "?transport=rest"):
        assert history_texts(page, owner, query) == [], query


def test_with_its_key_a_rest_message_lands_in_the_pages_conversation(
    assistant: Assistant, page: TestClient
) -> None:
    owner = page.post("/api/sessions").json()
    page_id = owner["sender"]

    # What the browser does first when the page talks to Rasa from another origin.
    preflight = httpx.options(
        assistant.rasa_url + WEBHOOK,
        headers={
            "Origin": PAGE_ORIGIN,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type,x-backbone-key",
        },
        timeout=30,
    )
    assert preflight.status_code < 300, preflight.text
    assert preflight.headers["Access-Control-Allow-Origin"] == PAGE_ORIGIN
    allowed = preflight.headers["Access-Control-Allow-Headers"].lower()
    assert "x-backbone-key" in allowed

    answered = httpx.post(
        assistant.rasa_url + WEBHOOK,
        json={"sender": page_id, "message": "my lower back hurts"},
        headers={"X-Backbone-Key": owner["key"], "Origin": PAGE_ORIGIN},
        timeout=30,
    )
    assert answered.status_code == 200, answered.text
    replies = answered.json()
    assert replies and all(reply["recipient_id"] == page_id for reply in replies)
    assert answered.headers["Access-Control-Allow-Origin"] == PAGE_ORIGIN

    assert user_texts(assistant, web_sender(page_id)) == ["my lower back hurts"]
    assert user_texts(assistant, page_id) == []
    for query in ("", "?transport=rest"):
        assert history_texts(page, owner, query) == ["my lower back hurts"], query


def test_with_a_key_the_sender_must_be_a_page_id(assistant: Assistant, page: TestClient) -> None:
    """A page id may start with `web-` or `tg-` (the page server's ids are random): with its key
    it is a page id, not a conversation id; a sender that is no page id is refused (400)."""
    assert assistant.web_secret
    secret = assistant.web_secret.encode()
    page_id = "web-0123456789abcdef"
    keyed = rest_post(assistant, page_id, "hello", key=web.session_key(secret, page_id))
    assert keyed.status_code == 200, keyed.text
    assert user_texts(assistant, web_sender(page_id)) == ["hello"]
    assert user_texts(assistant, page_id) == []

    for sender in ("short", "has:colon-0123"):
        refused = rest_post(assistant, sender, "hello", key=web.session_key(secret, sender))
        assert refused.status_code == 400, refused.text
        assert "page id" in refused.json()["error"]
        assert user_texts(assistant, web_sender(sender)) == []
