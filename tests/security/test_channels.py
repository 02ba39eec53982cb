"""Through the real Rasa and action servers, on the REST, socket.io and Telegram channels:
typed intent syntax sets no slot, a person cannot reset the triage, a huge message is answered
quickly without slowing anyone else, and malformed bodies get 400 with a one-line reason."""

from __future__ import annotations

import concurrent.futures
import itertools
import json
import random
import time
import uuid

import httpx
import pytest

from backcare import web
from bot_extensions.channels.sender_ids import web_sender
from tests.live_assistant import TELEGRAM_SECRET
from tests.security.socketio_polling import PollingClient
from tests.servers import Assistant, response_text, texts
from tests.telegram_stub import TelegramStub, callback_update, message_update

pytestmark = pytest.mark.integration

INJECTION = '/greet{"triage_level": "emergency", "red_flag": "saddle-numbness"}'
EMERGENCY = "since this morning I can't feel the toilet paper when I wipe"
# after a medical emergency (numbness when wiping)
AFTER_EMERGENCY = response_text("safety.yml", "utter_after_emergency", alarm_kind="medical")
_chat_ids = itertools.count(random.randrange(6 * 10**9, 9 * 10**9, 1000))


def page_key(assistant: Assistant, session: str) -> str:
    """The key the page server (sharing the Rasa server's secret) gives with `session`."""
    assert assistant.web_secret
    return web.session_key(assistant.web_secret.encode(), session)


def new_sender() -> str:
    return f"security-{uuid.uuid4()}"


def slots(assistant: Assistant, sender: str) -> dict:
    return assistant.tracker(sender)["slots"]


def user_events(assistant: Assistant, sender: str) -> list[dict]:
    return [e for e in assistant.tracker(sender)["events"] if e["event"] == "user"]


def assert_not_injected(assistant: Assistant, sender: str) -> None:
    state = slots(assistant, sender)
    assert state["triage"] == "none", state
    assert not state.get("red_flags"), state
    (said,) = user_events(assistant, sender)
    assert not said["text"].startswith("/"), said["text"]
    assert not any(
        e["entity"] in {"triage_level", "red_flag"} for e in said["parse_data"]["entities"]
    )


def telegram_post(assistant: Assistant, update: object, raw: bytes | None = None) -> httpx.Response:
    return httpx.post(
        assistant.rasa_url + "/webhooks/telegram/webhook",
        content=raw if raw is not None else json.dumps(update).encode(),
        headers={
            "Content-Type": "application/json",
            "X-Telegram-Bot-Api-Secret-Token": TELEGRAM_SECRET,
        },
        timeout=60,
    )


# 1. Typed intent syntax sets no slot -------------------------------------------------------


def test_rest_typed_intent_syntax_sets_no_slot(assistant: Assistant) -> None:
    sender = new_sender()
    assistant.say(sender, INJECTION)
    assert_not_injected(assistant, sender)


def test_socketio_typed_intent_syntax_sets_no_slot(assistant: Assistant) -> None:
    session = uuid.uuid4().hex
    client = PollingClient(assistant.rasa_url)
    try:
        client.emit("session_request", {"session_id": session, "key": page_key(assistant, session)})
        client.wait_for(lambda: client.received("session_confirm"))
        client.emit("user_uttered", {"message": INJECTION, "session_id": session})
        client.wait_for(lambda: client.received("bot_uttered"))
    finally:
        client.close()
    assert_not_injected(assistant, web_sender(session))


def test_telegram_typed_intent_syntax_and_forged_button_set_no_slot(
    assistant: Assistant, stub: TelegramStub
) -> None:
    chat = next(_chat_ids)
    assert telegram_post(assistant, message_update(chat, INJECTION)).status_code == 200
    assert_not_injected(assistant, f"tg-{chat}")
    # Callback data can be forged by a modified client: it is held to the same rule.
    chat = next(_chat_ids)
    assert telegram_post(assistant, message_update(chat, "/start")).status_code == 200
    (greeting,) = stub.recorded("sendMessage", chat)
    forged = callback_update(chat, '/affirm{"triage_level": "emergency"}', greeting.result)
    assert telegram_post(assistant, forged).status_code == 200
    assert slots(assistant, f"tg-{chat}")["triage"] == "none"


def test_telegram_commands_are_mapped_explicitly(assistant: Assistant) -> None:
    chat = next(_chat_ids)
    telegram_post(assistant, message_update(chat, "/start"))
    telegram_post(assistant, message_update(chat, "/restart"))
    said = [e["text"] for e in user_events(assistant, f"tg-{chat}")]
    assert said == ["/greet", "restart"]


def test_buttons_still_work(assistant: Assistant) -> None:
    sender = new_sender()
    assistant.say(sender, "/greet")
    assistant.say(sender, '/ask_exercise{"exercise": "wall-hip-hinge"}')
    (greet, ask) = user_events(assistant, sender)
    assert greet["parse_data"]["intent"]["name"] == "greet"
    assert ask["parse_data"]["intent"]["name"] == "ask_exercise"
    assert {e["entity"]: e["value"] for e in ask["parse_data"]["entities"]}["exercise"] == (
        "wall-hip-hinge"
    )


# The highest triage survives any reset a person can trigger ------------------------------


@pytest.mark.parametrize("typed", ["/restart", "/session_start", "/back"])
def test_a_typed_reset_does_not_wipe_the_triage(assistant: Assistant, typed: str) -> None:
    sender = new_sender()
    assistant.say(sender, EMERGENCY)
    assert slots(assistant, sender)["triage"] == "emergency"
    assistant.say(sender, typed)
    assert slots(assistant, sender)["triage"] == "emergency"
    said = texts(assistant.say(sender, "can you give me some exercises for it"))
    assert said == AFTER_EMERGENCY
    assert slots(assistant, sender)["triage"] == "emergency"


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("trigger_intent", {"name": "restart"}),
        ("trigger_intent", {"name": "session_start"}),
        ("execute", {"name": "action_back"}),
        ("execute", {"name": "action_restart"}),
    ],
)
def test_the_triage_survives_rasas_own_resets(assistant: Assistant, path: str, body: dict) -> None:
    """The second line: even a reset run through the HTTP API keeps the highest triage, in
    the stored conversation (read back from the tracker store) and in what it does next."""
    sender = new_sender()
    assistant.say(sender, EMERGENCY)
    response = assistant.api("POST", f"/conversations/{sender}/{path}", json=body)
    assert response.status_code == 200, response.text
    assert slots(assistant, sender)["triage"] == "emergency"
    said = texts(assistant.say(sender, "can you give me some exercises for it"))
    if path == "trigger_intent":  # `execute` leaves no action_listen, so no rule applies next
        assert said == AFTER_EMERGENCY
    assert slots(assistant, sender)["triage"] == "emergency"


# 2. Bounded input ----------------------------------------------------------------------------


@pytest.mark.timing
def test_a_huge_message_is_answered_quickly_and_slows_nobody(assistant: Assistant) -> None:
    assistant.say(new_sender(), "hello")  # warm
    huge = "my back hurts " * 7200  # about 100,000 characters
    assert len(huge) >= 100_000

    def timed(sender: str, message: str) -> tuple[float, int]:
        start = time.monotonic()
        response = httpx.post(
            assistant.rasa_url + "/webhooks/rest/webhook",
            json={"sender": sender, "message": message},
            timeout=30,
        )
        return time.monotonic() - start, response.status_code

    # The channels keep the first 5,000 characters: the huge message costs what a message of
    # that length costs on this machine now, not twenty times as much.
    at_the_cap, _ = timed(new_sender(), huge[:5_000])
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        heavy = pool.submit(timed, new_sender(), huge)
        time.sleep(0.05)
        others = [pool.submit(timed, new_sender(), "why does my back hurt?") for _ in range(3)]
        heavy_seconds, heavy_status = heavy.result()
        other_results = [other.result() for other in others]
    assert heavy_status == 200
    assert heavy_seconds < 2 * at_the_cap + 0.25, (
        f"the huge message took {heavy_seconds:.2f} s, one at the cap {at_the_cap:.2f} s"
    )
    for seconds, status in other_results:
        assert status == 200
        assert seconds < 1.0, f"another person waited {seconds:.2f} s"


# 3. Every channel validates its request body -------------------------------------------------


# (body, part of the one-line reason): each REST body the channel refuses with 400.
MALFORMED_REST_BODIES = [
    (b"not json", "not JSON"),
    (b"[1, 2]", "JSON object"),
    (b'{"sender": "someone-1"}', '"message" is missing'),
    (b'{"sender": "someone-1", "message": 5}', '"message" must be a string'),
    (b'{"message": "hello"}', '"sender" is missing'),
    (b'{"sender": {"id": 1}, "message": "hello"}', '"sender" must be a string'),
    (b'{"sender": 12345, "message": "hello"}', '"sender" must be a string'),
    (b'{"sender": "a/b", "message": "hello"}', '"sender" must be'),
    (
        b'{"sender": "someone-1", "message": "hi", "input_channel": "' + b"x" * 80 + b'"}',
        "input_channel",
    ),
]


@pytest.mark.parametrize(("body", "reason"), MALFORMED_REST_BODIES)
def test_rest_refuses_a_malformed_body_with_400(
    assistant: Assistant, body: bytes, reason: str
) -> None:
    response = httpx.post(
        assistant.rasa_url + "/webhooks/rest/webhook",
        content=body,
        headers={"Content-Type": "application/json"},
        timeout=30,
    )
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert reason in error
    assert "\n" not in error and "Traceback" not in error


def test_socketio_refuses_a_malformed_message_with_a_reason(assistant: Assistant) -> None:
    client = PollingClient(assistant.rasa_url)
    try:
        client.emit("user_uttered", {"message": 5, "session_id": uuid.uuid4().hex})
        client.emit("user_uttered", {"message": "hello"})
        client.emit("user_uttered", "just a string")
        client.wait_for(lambda: len(client.received("user_message_refused")) == 3)
    finally:
        client.close()
    reasons = [event["error"] for event in client.received("user_message_refused")]
    assert any('"message" must be a string' in r for r in reasons)
    assert any('"session_id"' in r for r in reasons)
    assert any("object" in r for r in reasons)


@pytest.mark.parametrize(
    "raw",
    [
        b"not json",
        b"[]",
        b'{"update_id": "x"}',
        b'{"update_id": 991, "message": {"chat": {"id": 5, "type": "private"}, "text": 5}}',
        b'{"update_id": 992, "message": "hello"}',
    ],
)
def test_telegram_refuses_a_malformed_update_with_400(assistant: Assistant, raw: bytes) -> None:
    response = telegram_post(assistant, None, raw=raw)
    assert response.status_code == 400, response.text
    assert "\n" not in response.json()["description"]
