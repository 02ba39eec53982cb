"""Rasa's REST channel, answering 503 with an apology when a message could not be handled.

Rasa 3.6's REST channel logs a failed turn and answers `200 []`, which a client cannot tell from
"nothing to say", and the person sees nothing. Here a failed turn answers 503 with the replies
from `unavailable.py` (a red flag's reply first when there is one); the web page shows them.
Registered in credentials.yml; the channel keeps the name `rest` and its URLs.

Every body is checked before anything runs (`parse_body`): a JSON object with a `sender`
(1-128 characters of `A-Z a-z 0-9 _ . : @ + = -`), a string `message` (an empty one is
answered) and, optionally, an `input_channel` (1-32 characters of `a-z 0-9 _ -`); anything
else is answered 400 with a one-line reason, never a 5xx. A sender id starting with `tg-` or
`web-` (any case) is refused: those are the Telegram and chat-page conversations
(`sender_ids.py`); any other id is kept as sent, so a tool reads its conversation at
`/conversations/<id>/tracker`. The text then goes through
`user_text.py` (length cap, no intent syntax but the buttons').

Behind the production profile's nginx, which rate-limits per sender by reading the sender with a
regular expression, the sender nginx read arrives in `X-Backbone-Sender`; a message whose parsed
sender differs (a decoy "sender" in a nested object, a duplicate key, an escaped letter) is
refused with 400, so no body can be limited under one sender and answered as another.
"""

from __future__ import annotations

import json
import logging
import re
from asyncio import CancelledError
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput as RasaRestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot_extensions.channels.sender_ids import RESERVED_PREFIXES, reserved_prefix
from bot_extensions.channels.unavailable import replies_when_unhandled
from bot_extensions.channels.user_text import user_text

logger = logging.getLogger(__name__)

SENDER_ID = re.compile(r"[A-Za-z0-9_.:@+=-]{1,128}")
INPUT_CHANNEL = re.compile(r"[a-z0-9_-]{1,32}")
# Set by nginx (scripts/prod/nginx.conf.template) to the sender its per-sender limit counted.
PROXY_SENDER_HEADER = "X-Backbone-Sender"


class BadRequest(ValueError):
    """The body is not a message this channel accepts; the text is the one-line reason."""


@dataclass(frozen=True)
class RestMessage:
    sender: str
    text: str
    input_channel: str | None


def parse_body(body: bytes | None) -> RestMessage:
    """The checked message of a REST body; raises BadRequest with the reason."""
    try:
        data: Any = json.loads(body or b"")
    except (ValueError, UnicodeDecodeError):
        raise BadRequest("The body is not JSON.") from None
    if not isinstance(data, dict):
        raise BadRequest("The body must be a JSON object.")
    sender = _required_string(data, "sender")
    if not SENDER_ID.fullmatch(sender):
        raise BadRequest('"sender" must be 1-128 characters of A-Z a-z 0-9 _ . : @ + = -.')
    if reserved_prefix(sender):
        raise BadRequest(
            '"sender" must not start with '
            + " or ".join(f'"{prefix}"' for prefix in RESERVED_PREFIXES)
            + ": those ids belong to the Telegram and web chat channels."
        )
    message = _required_string(data, "message")
    channel = data.get("input_channel")
    if channel is not None and (
        not isinstance(channel, str) or not INPUT_CHANNEL.fullmatch(channel)
    ):
        raise BadRequest('"input_channel" must be 1-32 characters of a-z 0-9 _ -.')
    return RestMessage(sender, user_text(message), channel)


def check_proxy_sender(proxy_sender: str | None, sender: str) -> None:
    """Refuse a message whose sender is not the one the proxy in front rate-limited."""
    if proxy_sender is not None and proxy_sender != sender:
        raise BadRequest('"sender" must be the body\'s first "sender", written without escapes.')


def _required_string(data: dict[str, Any], key: str) -> str:
    value = data.get(key)
    if value is None:
        raise BadRequest(f'"{key}" is missing.')
    if not isinstance(value, str):
        raise BadRequest(f'"{key}" must be a string.')
    return value


class RestInput(RasaRestInput):
    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> Blueprint:
        webhook = Blueprint(f"custom_webhook_{type(self).__name__}", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            try:
                checked = parse_body(request.body)
                check_proxy_sender(request.headers.get(PROXY_SENDER_HEADER), checked.sender)
            except BadRequest as reason:
                return response.json({"error": str(reason)}, status=400)
            sender_id, text = checked.sender, checked.text
            collector = CollectingOutputChannel()
            message = UserMessage(
                text,
                collector,
                sender_id,
                input_channel=checked.input_channel or self.name(),
                metadata=self.get_metadata(request),
            )
            try:
                await on_new_message(message)
            except (CancelledError, Exception):
                logger.exception("A REST message from %s could not be handled.", sender_id)
                replies = await replies_when_unhandled(request.app, text, self.name())
                return response.json(
                    [{"recipient_id": sender_id, **reply} for reply in replies], status=503
                )
            return response.json(collector.messages)

        return webhook
