"""What of a person's message reaches Rasa: bounded text, and no intent syntax but buttons'.

Rasa reads a message starting with `/` as `/intent{"entity": "value"}` and skips NLU: the
intent is taken as said and every entity fills the slots mapped to it. Typed by a person, that
would set the safety slots (`/greet{"triage_level": "emergency"}`) or trigger Rasa's internal
intents (`/restart`, `/session_start`, `/back`). So every channel passes the text through
`user_text()`:

- the text is cut to its first `MAX_TEXT_CHARS` characters (5,000: a long story fits; NLU and
  the red-flag detector then take under 0.2 s, however long the message sent; 10,000 took 0.7 s);
- a message in intent syntax is kept only when it is a button's payload: an intent of
  `BUTTON_INTENTS`, and only entity keys of `BUTTON_ENTITY_KEYS` with short string values
  (none of which fills a safety slot), or exactly the payload of a button written in
  data/knowledge/*.yml (the clinically reviewed content: the screening's red-flag buttons
  report a sign, and typing that payload does no more than pressing the button);
- anything else starting with `/` goes to NLU as text without the leading slashes, so
  `/restart` is read as the word "restart" and `/greet{"triage_level": ...}` as plain words.

The payloads the assistant's buttons send are in data/knowledge/*.yml and domain/*.yml;
tests/security/test_user_text.py checks every one of them still passes unchanged.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

from bot_extensions.yaml_files import read_yaml

MAX_TEXT_CHARS = 5_000
MAX_ENTITY_VALUE_CHARS = 100

# Intents the buttons and the web page's opening `/greet` send.
BUTTON_INTENTS = frozenset(
    {
        "greet",
        "affirm",
        "deny",
        "skip",
        "inform",
        "ask_help",
        "ask_pain_cause",
        "ask_stiffness",
        "ask_exercise",
        "ask_sciatica",
        "ask_hip_pain",
        "ask_warning_signs",
        "feedback_too_easy",
        "feedback_hurts",
    }
)
# Entity keys the buttons carry. Never a safety slot's entity (triage_level, red_flag,
# referral, red_flag_subject, check_*): those come from the red-flag detector only.
BUTTON_ENTITY_KEYS = frozenset({"body_part", "duration", "pain_score", "exercise", "coach"})

KNOWLEDGE_DIR = Path(
    os.environ.get("KNOWLEDGE_DIR") or Path(__file__).resolve().parents[2] / "data" / "knowledge"
)


def _payloads_in(node: Any) -> set[str]:
    if isinstance(node, dict):
        found = {node["payload"]} if isinstance(node.get("payload"), str) else set()
        return found.union(*(_payloads_in(value) for value in node.values()))
    if isinstance(node, list):
        return set().union(*(_payloads_in(item) for item in node))
    return set()


def knowledge_payloads(directory: Path = KNOWLEDGE_DIR) -> frozenset[str]:
    """Every button payload written in the knowledge files, as written."""
    payloads: set[str] = set()
    for path in sorted(directory.glob("*.yml")):
        payloads |= _payloads_in(read_yaml(path))
    return frozenset(p.strip() for p in payloads if p.strip().startswith("/"))


KNOWLEDGE_PAYLOADS = knowledge_payloads()

_PAYLOAD = re.compile(r"/(?P<intent>[a-z_]+)(?P<entities>\{.*\})?", re.DOTALL)


def is_button_payload(text: str) -> bool:
    """Whether `text` is a payload one of the assistant's buttons may send."""
    if text.strip() in KNOWLEDGE_PAYLOADS:
        return True
    match = _PAYLOAD.fullmatch(text.strip())
    if match is None or match.group("intent") not in BUTTON_INTENTS:
        return False
    if match.group("entities") is None:
        return True
    try:
        entities: Any = json.loads(match.group("entities"))
    except ValueError:
        return False
    return isinstance(entities, dict) and all(
        key in BUTTON_ENTITY_KEYS
        and isinstance(value, str)
        and len(value) <= MAX_ENTITY_VALUE_CHARS
        for key, value in entities.items()
    )


def user_text(text: str) -> str:
    """The text to give Rasa for what a person sent (see the module docstring)."""
    text = text[:MAX_TEXT_CHARS]
    if not text.lstrip().startswith("/"):
        return text
    if is_button_payload(text):
        return text.strip()
    # Plain words: without the slashes Rasa would read as intent syntax.
    words = text
    while words.lstrip().startswith("/"):
        words = words.lstrip().lstrip("/")
    # A bare "/" is no intent syntax (Rasa needs a name after it); sent as it came.
    return words if words.strip() else text
