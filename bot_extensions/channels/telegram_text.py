"""Pure helpers of the Telegram channel (no Rasa or aiogram import, so any venv can test them)."""

from __future__ import annotations

import hashlib
from collections import OrderedDict

# Telegram refuses a text over 4096 characters; it counts UTF-16 code units, so do we.
MESSAGE_LIMIT = 4096
# A photo's or document's caption holds at most 1024 characters (UTF-16 units).
CAPTION_LIMIT = 1024
# An inline button's callback_data holds at most 64 bytes.
CALLBACK_DATA_LIMIT = 64
LONG_PAYLOAD_PREFIX = "k:"


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def fits_caption(text: str) -> bool:
    return 0 < utf16_length(text) <= CAPTION_LIMIT


def split_message(text: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """Cut `text` into parts of at most `limit` UTF-16 units, preferring paragraph, line and
    word boundaries; joining the parts with the separators they were cut at gives the text back.
    """
    parts: list[str] = []
    rest = text.strip()
    while utf16_length(rest) > limit:
        # The longest prefix that fits, measured in UTF-16 units.
        end = 0
        used = 0
        for index, char in enumerate(rest):
            used += 2 if ord(char) > 0xFFFF else 1
            if used > limit:
                break
            end = index + 1
        window = rest[:end]
        cut = -1
        for separator in ("\n\n", "\n", " "):
            position = window.rfind(separator)
            if position >= end // 2:
                cut = position
                break
        if cut <= 0:
            parts.append(window)
            rest = rest[end:]
        else:
            parts.append(window[:cut].rstrip())
            rest = rest[cut:].lstrip()
    if rest:
        parts.append(rest)
    return parts


class PayloadBook:
    """Maps button payloads too long for callback_data to short keys (bounded, in memory).

    The payloads of this assistant fit in 64 bytes; this only guards against a longer one
    (for example an `/inform{...}` with entities) making Telegram refuse the whole message.
    A key forgotten after a restart makes that one old button ask the user to type instead.
    """

    def __init__(self, size: int = 2048) -> None:
        self.size = size
        self._payloads: OrderedDict[str, str] = OrderedDict()

    def callback_data(self, payload: str) -> str:
        if len(payload.encode("utf-8")) <= CALLBACK_DATA_LIMIT and not payload.startswith(
            LONG_PAYLOAD_PREFIX
        ):
            return payload
        key = LONG_PAYLOAD_PREFIX + hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]
        self._payloads[key] = payload
        self._payloads.move_to_end(key)
        while len(self._payloads) > self.size:
            self._payloads.popitem(last=False)
        return key

    def payload(self, callback_data: str) -> str | None:
        """The payload for a button's callback_data, or None for a forgotten key."""
        if not callback_data.startswith(LONG_PAYLOAD_PREFIX):
            return callback_data
        return self._payloads.get(callback_data)


class SeenUpdates:
    """The last update ids handled, so a webhook retried by Telegram is not answered twice."""

    def __init__(self, size: int = 1024) -> None:
        self.size = size
        self._ids: OrderedDict[int, None] = OrderedDict()

    def first_time(self, update_id: int) -> bool:
        if update_id in self._ids:
            return False
        self._ids[update_id] = None
        while len(self._ids) > self.size:
            self._ids.popitem(last=False)
        return True
