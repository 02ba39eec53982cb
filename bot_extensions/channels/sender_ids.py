"""Sender ids that cannot collide across channels.

A conversation is found by its sender id alone, so two channels that used the same id would
read and write one conversation. Telegram used the chat id (a number others can see in groups
and forwards) and the REST and socket.io channels took any id their client sent. Now:

- Telegram conversations are `tg-<chat id>`; replies still go to the numeric chat id
  (`chat_id_of`);
- the chat page's socket.io conversations are `web-<digest of the session id>`: the stored id
  (in logs, the tracker store, the review app) does not give the session id, which is what a
  socket.io client needs to join the session's room and receive its replies;
- the REST channel refuses ids with either prefix (any case) and otherwise keeps the id its
  client sends, so a tool talking REST reads the same conversation over the HTTP API.
"""

from __future__ import annotations

import hashlib

TELEGRAM_PREFIX = "tg-"
WEB_PREFIX = "web-"
# The same derivation is in backcare/web.py (the page server reads these conversations).
WEB_DIGEST_CONTEXT = b"backbone-web-conversation\x00"
RESERVED_PREFIXES = (TELEGRAM_PREFIX, WEB_PREFIX)


def telegram_sender(chat_id: int | str) -> str:
    return f"{TELEGRAM_PREFIX}{chat_id}"


def chat_id_of(sender_id: str | int) -> str:
    """The Telegram chat id of a sender id (`tg-42` -> `42`); an unprefixed id unchanged."""
    text = str(sender_id)
    return text[len(TELEGRAM_PREFIX) :] if text.startswith(TELEGRAM_PREFIX) else text


def web_sender(session_id: str) -> str:
    """`web-` and 32 hex digits of SHA-256 of the page's session id."""
    digest = hashlib.sha256(WEB_DIGEST_CONTEXT + session_id.encode()).hexdigest()[:32]
    return f"{WEB_PREFIX}{digest}"


def reserved_prefix(sender_id: str) -> str | None:
    """The channel prefix a client-chosen id must not carry, if it carries one."""
    lowered = sender_id.lower()
    return next((prefix for prefix in RESERVED_PREFIXES if lowered.startswith(prefix)), None)
