"""Host and Origin are checked on everything the Rasa server answers (bot_extensions/http_guard.py),
through the real server: a page elsewhere cannot write into a conversation with a `text/plain`
POST, DNS rebinding (a foreign Host) reads nothing, and the REST webhook and socket.io keep
working for the chat page's origin and for clients that send no Origin."""

from __future__ import annotations

import json
import uuid

import httpx
import pytest

from tests.live_assistant import PAGE_ORIGIN
from tests.security.socketio_polling import PollingClient
from tests.security.test_channels import page_key
from tests.servers import Assistant

pytestmark = pytest.mark.integration

EVIL = "http://evil.example"


def test_a_foreign_page_cannot_write_into_a_conversation(assistant: Assistant) -> None:
    sender = f"guard-{uuid.uuid4().hex[:12]}"
    assistant.say(sender, "hello")
    before = len(assistant.tracker(sender)["events"])
    forged = json.dumps({"event": "user", "text": "/restart"})
    for origin in (EVIL, "null"):
        response = assistant.api(
            "POST",
            f"/conversations/{sender}/tracker/events",
            content=forged,
            headers={"Content-Type": "text/plain", "Origin": origin},
        )
        assert response.status_code == 403, response.text
        assert "origin" in response.json()["error"]
    assert len(assistant.tracker(sender)["events"]) == before


@pytest.mark.parametrize("host", ["evil.example", "evil.example:5005", "127.0.0.1.nip.io"])
def test_a_foreign_host_is_refused(assistant: Assistant, host: str) -> None:
    """DNS rebinding: the browser sends the attacker's name as Host, and no Origin on a GET."""
    for path, params in (
        ("/conversations/someone/tracker", {"token": assistant.token}),
        ("/webhooks/rest/webhook", {}),
    ):
        response = httpx.get(
            assistant.rasa_url + path, params=params, headers={"Host": host}, timeout=30
        )
        assert response.status_code == 403, (path, response.text)


def test_loopback_names_and_the_pages_origin_are_served(assistant: Assistant) -> None:
    port = assistant.rasa_port
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", f"[::1]:{port}"):
        ok = httpx.get(assistant.rasa_url + "/", headers={"Host": host}, timeout=30)
        assert ok.status_code == 200, host
    for origin in (PAGE_ORIGIN, None):
        headers = {"Origin": origin} if origin else {}
        reply = httpx.post(
            assistant.rasa_url + "/webhooks/rest/webhook",
            json={"sender": f"guard-{uuid.uuid4().hex[:8]}", "message": "hello"},
            headers=headers,
            timeout=30,
        )
        assert reply.status_code == 200 and reply.json(), origin
        if origin:
            assert reply.headers.get("Access-Control-Allow-Origin") == PAGE_ORIGIN
    refused = httpx.post(
        assistant.rasa_url + "/webhooks/rest/webhook",
        json={"sender": "guard-evil", "message": "hello"},
        headers={"Origin": EVIL},
        timeout=30,
    )
    assert refused.status_code == 403


def test_socketio_works_for_the_page_and_not_for_a_foreign_origin(assistant: Assistant) -> None:
    session = uuid.uuid4().hex
    client = PollingClient(assistant.rasa_url, headers={"Origin": PAGE_ORIGIN})
    try:
        client.emit("session_request", {"session_id": session, "key": page_key(assistant, session)})
        client.wait_for(lambda: client.received("session_confirm"))
        client.emit("user_uttered", {"message": "hello", "session_id": session})
        client.wait_for(lambda: client.received("bot_uttered"))
    finally:
        client.close()
    with pytest.raises(httpx.HTTPStatusError) as refused:
        PollingClient(assistant.rasa_url, headers={"Origin": EVIL})
    assert refused.value.response.status_code == 403
