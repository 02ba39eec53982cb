"""The REST channel refuses a message whose sender is not the one the proxy in front limited
(issue 14, item 11: nginx reads the sender with a regular expression and took the first "sender"
anywhere, so a decoy in a nested object escaped the per-sender limit). Behind the production
profile's nginx the header is always set (tests/prod/test_security_profile.py); here it is sent
as nginx sends it, to the embedded Rasa server."""

from __future__ import annotations

import uuid

import httpx

from tests.servers import Assistant

HEADER = "X-Backbone-Sender"


def post(assistant: Assistant, body: dict, proxy_sender: str | None) -> httpx.Response:
    headers = {HEADER: proxy_sender} if proxy_sender is not None else {}
    return httpx.post(
        assistant.rasa_url + "/webhooks/rest/webhook", json=body, headers=headers, timeout=30
    )


def user_texts(assistant: Assistant, sender: str) -> list[str]:
    return [e["text"] for e in assistant.tracker(sender)["events"] if e["event"] == "user"]


def test_a_sender_other_than_the_limited_one_is_refused(assistant: Assistant) -> None:
    victim = f"proxy-{uuid.uuid4().hex[:8]}"
    body = {"metadata": {"sender": "decoy-1"}, "sender": victim, "message": "hello"}
    refused = post(assistant, body, proxy_sender="decoy-1")  # what nginx's expression read
    assert refused.status_code == 400
    assert "sender" in refused.json()["error"]
    assert user_texts(assistant, victim) == []
    # The same sender nginx read: answered; no proxy in front (make run defaults): answered.
    assert post(assistant, body, proxy_sender=victim).status_code == 200
    assert post(assistant, {"sender": victim, "message": "thanks"}, None).status_code == 200
    assert user_texts(assistant, victim) == ["hello", "thanks"]
