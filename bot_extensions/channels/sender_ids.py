"""Sender ids that cannot collide across channels.

A conversation is found by its sender id alone, so two channels that used the same id would
read and write one conversation. Telegram used the chat id (a number others can see in groups
and forwards) and the REST and socket.io channels took any id their client sent. Now:

- Telegram conversations are `tg-<chat id>`; replies still go to the numeric chat id
  (`chat_id_of`);
- the chat page's socket.io conversations are `web-<session id>`;
- the REST channel refuses ids with either prefix (any case) and otherwise keeps the id its
  client sends, so a tool talking REST reads the same conversation over the HTTP API.
"""

from __future__ import annotations

TELEGRAM_PREFIX = "tg-"
WEB_PREFIX = "web-"
RESERVED_PREFIXES = (TELEGRAM_PREFIX, WEB_PREFIX)


def telegram_sender(chat_id: int | str) -> str:
    return f"{TELEGRAM_PREFIX}{chat_id}"


def chat_id_of(sender_id: str | int) -> str:
    """The Telegram chat id of a sender id (`tg-42` -> `42`); an unprefixed id unchanged."""
    text = str(sender_id)
    return text[len(TELEGRAM_PREFIX) :] if text.startswith(TELEGRAM_PREFIX) else text


def web_sender(session_id: str) -> str:
    return f"{WEB_PREFIX}{session_id}"


def reserved_prefix(sender_id: str) -> str | None:
    """The channel prefix a client-chosen id must not carry, if it carries one."""
    lowered = sender_id.lower()
    return next((prefix for prefix in RESERVED_PREFIXES if lowered.startswith(prefix)), None)
