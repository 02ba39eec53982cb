"""Sender ids cannot collide across channels (through the real Rasa and action servers):
Telegram's conversations are `tg-<chat id>` (replies still reach the numeric chat), the chat
page's socket.io conversations are `web-<session id>`, and the REST channel refuses ids with
those prefixes but keeps any other id, readable over the HTTP API with the token."""

from __future__ import annotations

import itertools
import random
import uuid

import httpx
import pytest

from backcare import web
from bot_extensions.channels.sender_ids import web_sender
from tests.security.socketio_polling import PollingClient
from tests.security.test_channels import page_key, telegram_post
from tests.servers import Assistant
from tests.telegram_stub import TelegramStub, message_update

pytestmark = pytest.mark.integration

_chat_ids = itertools.count(random.randrange(5 * 10**9, 6 * 10**9, 1000))


def user_texts(assistant: Assistant, sender: str) -> list[str]:
    events = assistant.tracker(sender)["events"]
    return [e["text"] for e in events if e["event"] == "user"]


def test_telegram_conversations_are_tg_prefixed_and_replies_reach_the_chat(
    assistant: Assistant, stub: TelegramStub
) -> None:
    chat = next(_chat_ids)
    assert (
        telegram_post(assistant, message_update(chat, "why does my back hurt?")).status_code == 200
    )
    assert user_texts(assistant, f"tg-{chat}") == ["why does my back hurt?"]
    assert user_texts(assistant, str(chat)) == [], "the bare chat id is no Telegram conversation"
    replies = stub.recorded("sendMessage", chat)
    assert replies and all(str(call.params["chat_id"]) == str(chat) for call in replies)


def test_socketio_conversations_are_web_prefixed(assistant: Assistant) -> None:
    """`web-` and a digest of the session id: the stored id does not open the session."""
    session = uuid.uuid4().hex
    client = PollingClient(assistant.rasa_url)
    try:
        client.emit("session_request", {"session_id": session, "key": page_key(assistant, session)})
        client.wait_for(lambda: client.received("session_confirm"))
        client.emit("user_uttered", {"message": "hello", "session_id": session})
        client.wait_for(lambda: client.received("bot_uttered"))  # the reply reaches the page
    finally:
        client.close()
    assert client.received("session_confirm") == [session]
    stored = web_sender(session)
    assert stored.startswith("web-") and session not in stored
    assert user_texts(assistant, stored) == ["hello"]
    assert user_texts(assistant, session) == [] and user_texts(assistant, f"web-{session}") == []
    # The page server reads the same conversation (the two packages do not import each other).
    assert web.web_conversation(session) == stored


def test_knowing_a_stored_web_id_does_not_open_its_session(assistant: Assistant) -> None:
    """The id in the tracker store and the review app, asked for as a session (with or without
    its prefix), is another conversation: the owner's replies do not reach that socket, even
    with that id's key (test_socketio_keys.py: without a key, no session is joined at all)."""
    session = uuid.uuid4().hex
    stored = web_sender(session)
    owner = PollingClient(assistant.rasa_url)
    intruders = [PollingClient(assistant.rasa_url) for _ in range(2)]
    try:
        asks = [session, stored, stored.removeprefix("web-")]
        for client, asked in zip([owner, *intruders], asks, strict=True):
            client.emit("session_request", {"session_id": asked, "key": page_key(assistant, asked)})
            client.wait_for(lambda c=client: c.received("session_confirm"))
        owner.emit("user_uttered", {"message": "my back hurts", "session_id": session})
        owner.wait_for(lambda: owner.received("bot_uttered"))
        for intruder in intruders:
            intruder.poll(timeout=3)  # a reply sent to its room would be waiting already
    finally:
        for client in (owner, *intruders):
            client.close()
    assert all(intruder.received("bot_uttered") == [] for intruder in intruders)
    assert user_texts(assistant, stored) == ["my back hurts"]


@pytest.mark.parametrize("sender", ["tg-123456", "web-0123456789abcdef", "TG-1", "Web-x"])
def test_rest_refuses_the_other_channels_prefixes(assistant: Assistant, sender: str) -> None:
    response = httpx.post(
        assistant.rasa_url + "/webhooks/rest/webhook",
        json={"sender": sender, "message": "what did I say before?"},
        timeout=30,
    )
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert '"sender" must not start with "tg-" or "web-"' in error and "\n" not in error
    assert user_texts(assistant, sender) == []


def test_rest_keeps_the_id_its_client_sends(assistant: Assistant) -> None:
    sender = f"tool-{uuid.uuid4().hex[:12]}"
    assert assistant.say(sender, "why does my back hurt?")
    assert user_texts(assistant, sender) == ["why does my back hurt?"]
