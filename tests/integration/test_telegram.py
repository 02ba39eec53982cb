"""Telegram end to end: Update JSON posted to the real Rasa webhook, replies read from a local
stand-in of the Bot API (tests/telegram_stub.py) that Rasa's aiogram Bot is pointed at."""

from __future__ import annotations

import itertools
import json
import random
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from bot_extensions.channels.telegram_text import split_message
from tests.browser.conftest import PageServer, start_page_server
from tests.integration.test_store_down import NOT_HANDLED
from tests.live_assistant import (
    TELEGRAM_BOT_NAME,
    TELEGRAM_SECRET,
    TELEGRAM_WEBHOOK_URL,
)
from tests.servers import ROOT, Assistant
from tests.telegram_stub import (
    PHOTO,
    STICKER,
    TelegramStub,
    callback_update,
    message_update,
)

pytestmark = pytest.mark.integration

RED_FLAG = "I can't feel anything when I wipe and I've wet myself"

# Fresh chat ids per run: a tracker store shared between runs must not mix conversations.
_chat_ids = itertools.count(random.randrange(10**9, 5 * 10**9, 1000))


@pytest.fixture(scope="module")
def page_server(
    tmp_path_factory: pytest.TempPathFactory, assistant: Assistant, web_port: int
) -> Iterator[PageServer]:
    """The page server the assistant's links name (its WEB_PUBLIC_URL), for the plan document."""
    server = start_page_server(Path(tmp_path_factory.mktemp("telegram-pages")), assistant, web_port)
    try:
        yield server
    finally:
        server.process.stop()


def post(
    assistant: Assistant,
    update: object,
    secret: str | None = TELEGRAM_SECRET,
    raw: bytes | None = None,
) -> httpx.Response:
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers["X-Telegram-Bot-Api-Secret-Token"] = secret
    body = raw if raw is not None else json.dumps(update).encode()
    return httpx.post(
        assistant.rasa_url + "/webhooks/telegram/webhook", content=body, headers=headers, timeout=60
    )


def keyboard(call_params: dict) -> list[list[dict]]:
    return call_params.get("reply_markup", {}).get("inline_keyboard", [])


def test_startup_checks_token_and_registers_webhook_with_secret(
    assistant: Assistant, stub: TelegramStub
) -> None:
    stub.wait_for(lambda calls: any(c.method == "setWebhook" for c in calls))
    assert stub.recorded("getMe")
    (call,) = stub.recorded("setWebhook")
    assert call.status == 200
    assert call.params["url"] == TELEGRAM_WEBHOOK_URL
    assert call.params["secret_token"] == TELEGRAM_SECRET
    assert call.params["allowed_updates"] == ["message", "edited_message", "callback_query"]


def test_conversation_with_inline_keyboard_and_button_press(
    assistant: Assistant, stub: TelegramStub
) -> None:
    chat = next(_chat_ids)
    assert post(assistant, message_update(chat, "/start")).status_code == 200
    (greeting,) = stub.recorded("sendMessage", chat)
    assert "Backbone" in greeting.params["text"]
    rows = keyboard(greeting.params)
    assert [row[0]["callback_data"] for row in rows] == [
        "/ask_pain_cause",
        "/ask_exercise",
        "/ask_warning_signs",
    ]
    assert all(len(row) == 1 for row in rows), "one button per row, readable on a phone"
    assert rows[0][0]["text"] == "Why does my back hurt?"

    press = callback_update(chat, "/ask_pain_cause", greeting.result)
    assert post(assistant, press).status_code == 200
    (answer,) = stub.recorded("answerCallbackQuery")[-1:]
    assert answer.params["callback_query_id"] == press["callback_query"]["id"]
    replies = stub.recorded("sendMessage", chat)[1:]
    assert replies, "the button press got no reply"
    assert all(call.status == 200 for call in replies)

    user_texts = [
        e["text"] for e in assistant.tracker(f"tg-{chat}")["events"] if e["event"] == "user"
    ]
    assert user_texts == ["/greet", "/ask_pain_cause"]


def test_red_flag_gets_the_emergency_reply(assistant: Assistant, stub: TelegramStub) -> None:
    chat = next(_chat_ids)
    assert post(assistant, message_update(chat, RED_FLAG)).status_code == 200
    texts = "\n".join(stub.sent_texts(chat))
    assert "emergency number" in texts
    assert assistant.tracker(f"tg-{chat}")["slots"]["triage"] == "emergency"


def test_long_bot_message_is_split_and_keeps_every_word(
    assistant: Assistant, stub: TelegramStub
) -> None:
    chat = next(_chat_ids)
    long_text = " ".join(f"word{n}" for n in range(1500))  # about 12,000 characters
    # Sent to the conversation `tg-<chat id>`; the channel sends it to the numeric chat id.
    response = assistant.api(
        "POST",
        f"/conversations/tg-{chat}/tracker/events",
        params={"output_channel": "telegram", "execute_side_effects": "true"},
        json={"event": "bot", "text": long_text},
    )
    response.raise_for_status()
    parts = stub.sent_texts(chat)
    assert len(parts) >= 3
    assert all(len(part) <= 4096 for part in parts)
    assert " ".join(parts) == long_text
    assert all(call.status == 200 for call in stub.recorded("sendMessage", chat))


def test_split_message_prefers_line_breaks() -> None:
    steps = "\n".join(f"{n}. step number {n} of the drill" for n in range(1, 400))
    parts = split_message(steps)
    assert all(len(part) <= 4096 for part in parts)
    assert all(part.split("\n")[0][0].isdigit() for part in parts), "no step cut in half"
    assert "\n".join(parts) == steps


@pytest.mark.parametrize(
    ("secret", "status"), [(None, 403), ("wrong-secret", 403), (TELEGRAM_SECRET + "x", 403)]
)
def test_missing_or_wrong_secret_is_forbidden(
    assistant: Assistant, stub: TelegramStub, secret: str | None, status: int
) -> None:
    chat = next(_chat_ids)
    assert post(assistant, message_update(chat, "hi"), secret=secret).status_code == status
    assert not stub.recorded("sendMessage", chat)


@pytest.mark.parametrize(
    "raw",
    [
        b"{not json",
        b"",
        b"\xff\xfe\x00",
        b"[1, 2, 3]",
        b'"just a string"',
        b'{"message": {"text": "no update id"}}',
        b'{"update_id": 1}',
        b'{"update_id": 2, "message": "hello"}',
        b'{"update_id": 3, "message": {"message_id": 1, "text": "no chat"}}',
        b'{"update_id": 4, "callback_query": {"data": "/greet"}}',
        b'{"update_id": 5, "my_chat_member": {"chat": {"id": 1, "type": "private"}}}',
    ],
)
def test_malformed_updates_are_rejected_with_400(assistant: Assistant, raw: bytes) -> None:
    assert post(assistant, None, raw=raw).status_code == 400


def test_non_text_edited_and_group_messages_never_crash(
    assistant: Assistant, stub: TelegramStub
) -> None:
    chat = next(_chat_ids)
    for content in (STICKER, PHOTO):
        assert post(assistant, message_update(chat, **content)).status_code == 200
    edited = message_update(chat, "actually it is my hip")
    edited["edited_message"] = edited.pop("message")
    edited["edited_message"]["edit_date"] = edited["edited_message"]["date"] + 5
    assert post(assistant, edited).status_code == 200
    texts = stub.sent_texts(chat)
    assert len(texts) == 3
    assert "only read text" in texts[0] and "only read text" in texts[1]
    assert "new message" in texts[2]

    group = -1001234567890
    chatter = message_update(chat, "my back hurts after football")
    chatter["message"]["chat"] = {"id": group, "title": "Football club", "type": "supergroup"}
    mention = message_update(chat, f"@{TELEGRAM_BOT_NAME} why does my back hurt?")
    mention["message"]["chat"] = {"id": group, "title": "Football club", "type": "supergroup"}
    assert post(assistant, chatter).status_code == 200
    assert post(assistant, mention).status_code == 200
    (group_reply,) = stub.sent_texts(group)
    assert "one-to-one" in group_reply and f"@{TELEGRAM_BOT_NAME}" in group_reply

    # Nothing from these reached the conversation, and the channel still works.
    assert post(assistant, message_update(chat, "hi")).status_code == 200
    assert "Backbone" in stub.sent_texts(chat)[-1]
    user_texts = [
        e["text"] for e in assistant.tracker(f"tg-{chat}")["events"] if e["event"] == "user"
    ]
    assert user_texts == ["hi"]


def test_retried_update_is_answered_once(assistant: Assistant, stub: TelegramStub) -> None:
    chat = next(_chat_ids)
    update = message_update(chat, "hello")
    assert post(assistant, update).status_code == 200
    first = len(stub.recorded("sendMessage", chat))
    assert first >= 1
    assert post(assistant, update).status_code == 200
    assert len(stub.recorded("sendMessage", chat)) == first


def test_red_flag_while_the_conversation_store_is_down_still_gets_its_reply(
    assistant: Assistant, stub: TelegramStub
) -> None:
    chat = next(_chat_ids)
    with assistant.conversation_store_down():
        assert post(assistant, message_update(chat, RED_FLAG)).status_code == 200
    said = stub.sent_texts(chat)
    assert "emergency number" in said[0]
    assert said[-1] == NOT_HANDLED


def test_an_exercise_arrives_as_a_photo_captioned_with_its_card(
    assistant: Assistant, stub: TelegramStub
) -> None:
    chat = next(_chat_ids)
    assert post(assistant, message_update(chat, "how do I do a plank?")).status_code == 200
    (photo,) = stub.recorded("sendPhoto", chat)
    assert photo.status == 200
    upload = photo.files["photo"]
    assert upload.filename == "plank.png"
    assert upload.data == (ROOT / "var" / "pictures" / "plank.png").read_bytes()
    assert upload.data.startswith(b"\x89PNG\r\n\x1a\n")
    caption = photo.params["caption"]
    assert caption.startswith("Plank") and "How to do it:" in caption
    assert photo.result["photo"] and photo.result["caption"] == caption
    # The card went as the caption, not again as a text; the pain guide follows as text.
    assert not any(text.startswith("Plank") for text in stub.sent_texts(chat))
    assert stub.sent_texts(chat)


def test_the_plan_arrives_with_a_photo_per_drill_and_as_a_document(
    assistant: Assistant, stub: TelegramStub, page_server: PageServer
) -> None:
    chat = next(_chat_ids)
    for text in ["can you give me a routine?", "lower back", "3 weeks", "no", "none of these", "4"]:
        assert post(assistant, message_update(chat, text)).status_code == 200
    drills = assistant.tracker(f"tg-{chat}")["slots"]["current_plan"]
    photos = stub.recorded("sendPhoto", chat)
    assert [call.files["photo"].filename for call in photos] == [f"{d}.png" for d in drills]
    assert all(call.status == 200 for call in photos)
    (document,) = stub.recorded("sendDocument", chat)
    assert document.status == 200
    assert document.params["caption"] == "Your Backbone plan"
    kept = document.files["document"]
    assert kept.filename == "backbone-plan.html"
    html = kept.data.decode()
    assert html.count('<article class="drill">') == len(drills)
    assert html.count("data:image/svg+xml;base64,") == len(drills)
    assert "@media print" in html
    assert document.result["document"]["file_name"] == "backbone-plan.html"
