"""User text never sets slots or triggers internal intents (unit level; the channels are
tested through the real server in test_channels.py)."""

from __future__ import annotations

import re

import pytest
import yaml

from bot_extensions.channels.user_text import (
    BUTTON_ENTITY_KEYS,
    MAX_TEXT_CHARS,
    is_button_payload,
    user_text,
)
from tests.servers import ROOT

SAFETY_ENTITIES = {
    "triage_level",
    "red_flag",
    "referral",
    "red_flag_subject",
    "check_emergency",
    "check_urgent",
    "check_see_clinician",
    "check_question",
    "check_answer",
}


def _payloads(node: object) -> list[str]:
    if isinstance(node, dict):
        found = [node["payload"]] if isinstance(node.get("payload"), str) else []
        return found + [p for value in node.values() for p in _payloads(value)]
    if isinstance(node, list):
        return [p for item in node for p in _payloads(item)]
    return []


def button_payloads() -> list[str]:
    files = sorted((ROOT / "data" / "knowledge").glob("*.yml")) + sorted(
        (ROOT / "domain").glob("*.yml")
    )
    payloads = {
        p.replace("{exercise}", "deadlift")
        for path in files
        for p in _payloads(yaml.safe_load(path.read_text(encoding="utf-8")))
    }
    # Payloads in plain words ("not sure") go through NLU like typing; the web page opens
    # with a hidden /greet.
    return sorted({p for p in payloads if p.startswith("/")} | {"/greet"})


def test_the_assistants_own_button_payloads_still_pass_unchanged() -> None:
    payloads = button_payloads()
    assert len(payloads) >= 15, "the payload scan found too few buttons"
    for payload in payloads:
        assert is_button_payload(payload), payload
        assert user_text(payload) == payload


def test_no_button_entity_key_can_fill_a_safety_slot() -> None:
    assert not BUTTON_ENTITY_KEYS & SAFETY_ENTITIES


@pytest.mark.parametrize(
    "typed",
    [
        '/greet{"triage_level": "emergency", "red_flag": "saddle-numbness"}',
        '/inform{"body_part": "hip", "triage_level": "none"}',
        '/affirm{"check_answer": "no"}',
        '/report_red_flag{"red_flag": "cauda-equina"}',
        "/restart",
        "/session_start",
        "/back",
        "  //restart",
        "/greet@0.99",
        "/nlu_fallback",
        '/ask_exercise{"exercise": ["a", "b"]}',
    ],
)
def test_typed_intent_syntax_becomes_plain_text(typed: str) -> None:
    text = user_text(typed)
    assert not text.lstrip().startswith("/")
    assert not is_button_payload(text)
    # Nothing Rasa's RegexMessageHandler could read as `/intent{...}`.
    assert not re.match(r"\s*/", text)


def test_a_huge_message_is_cut_to_the_documented_length() -> None:
    assert len(user_text("a" * 100_000)) == MAX_TEXT_CHARS
    assert len(user_text("/" + "b" * 100_000)) <= MAX_TEXT_CHARS
