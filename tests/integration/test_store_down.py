"""When the conversation store is down, a turn fails cleanly: the person is told (and gets the
red-flag reply if the message carries one), nothing half-written is stored, and the same
conversation carries on once the store is back, without restarting anything."""

from __future__ import annotations

import uuid

import httpx
import pytest
import yaml

from tests.servers import ROOT, Assistant, texts

pytestmark = pytest.mark.integration

RESPONSES = yaml.safe_load((ROOT / "domain" / "safety.yml").read_text())["responses"]
NOT_HANDLED = RESPONSES["channel_message_not_handled"][0]["text"]
EMERGENCY_FOR_OTHERS = RESPONSES["utter_emergency"][1]["text"]


def post(assistant: Assistant, sender: str, message: str) -> httpx.Response:
    return httpx.post(
        assistant.rasa_url + "/webhooks/rest/webhook",
        json={"sender": sender, "message": message},
        timeout=30,
    )


def user_texts(assistant: Assistant, sender: str) -> list[str]:
    return [e["text"] for e in assistant.tracker(sender)["events"] if e["event"] == "user"]


def test_a_failed_turn_answers_503_with_an_apology_and_stores_nothing(
    assistant: Assistant,
) -> None:
    sender = f"store-down-{uuid.uuid4()}"
    assistant.say(sender, "hi")

    with assistant.conversation_store_down():
        failed = post(assistant, sender, "why does my back hurt?")

    assert failed.status_code == 503
    assert texts(failed.json()) == NOT_HANDLED
    assert all(reply["recipient_id"] == sender for reply in failed.json())
    # The conversation was neither restarted nor half-written, and it goes on.
    assert "joint-by-joint" in texts(assistant.say(sender, "why does my back hurt?")).lower()
    assert user_texts(assistant, sender) == ["hi", "why does my back hurt?"]


def test_a_red_flag_still_gets_its_reply_while_the_store_is_down(assistant: Assistant) -> None:
    sender = f"store-down-{uuid.uuid4()}"
    with assistant.conversation_store_down():
        failed = post(assistant, sender, "my dad fell off a ladder and can't feel his legs now")

    assert failed.status_code == 503
    assert [reply["text"] for reply in failed.json()] == [EMERGENCY_FOR_OTHERS, NOT_HANDLED]
    assert "condition" not in failed.json()[0]
