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

The chat page's fallback: the page sends its page id as `sender` and the page server's key for
that id in the `X-Backbone-Key` header (`web_sessions.py`: an HMAC of the id with the web
session secret, which this server reads too). With the header, the sender must be a page id
(8-64 characters of `A-Z a-z 0-9 _ -`, as the socket.io channel requires) and the key that id's,
compared in constant time; then the conversation is `web-<digest of id>`, the socket.io
channel's, so the page's history, triage banner and programme read one conversation whatever
the transport, and the replies' `recipient_id` is the page id as sent. A header with a wrong
key (empty, or given twice) is answered 403 with a one-line reason and nothing is processed.
Without the header the id is kept as sent (above), which is never a page's conversation: the
page id alone, which is not a secret, opens nothing.

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

from bot_extensions.channels import web_sessions
from bot_extensions.channels.sender_ids import RESERVED_PREFIXES, reserved_prefix, web_sender
from bot_extensions.channels.unavailable import replies_when_unhandled
from bot_extensions.channels.user_text import user_text

logger = logging.getLogger(__name__)

SENDER_ID = re.compile(r"[A-Za-z0-9_.:@+=-]{1,128}")
INPUT_CHANNEL = re.compile(r"[a-z0-9_-]{1,32}")
# Set by nginx (scripts/prod/nginx.conf.template) to the sender its per-sender limit counted.
PROXY_SENDER_HEADER = "X-Backbone-Sender"
# The chat page's key for its page id (the page server's `POST /api/sessions`).
PAGE_KEY_HEADER = "X-Backbone-Key"
PAGE_ID = re.compile(r"[A-Za-z0-9_-]{8,64}")
BAD_PAGE_ID = (
    'With X-Backbone-Key, "sender" must be the page id: 8-64 characters of A-Z a-z 0-9 _ -.'
)
WRONG_KEY = "X-Backbone-Key is not the key the page server gave for this sender."


class BadRequest(ValueError):
    """The body is not a message this channel accepts; the text is the one-line reason."""


class Forbidden(ValueError):
    """The page key given is not the sender's; the text is the one-line reason."""


@dataclass(frozen=True)
class RestMessage:
    sender: str
    text: str
    input_channel: str | None


def parse_body(body: bytes | None, page: bool = False) -> RestMessage:
    """The checked message of a REST body; raises BadRequest with the reason.

    `page`: the request carries a page key, so the sender is a page id (not a conversation id:
    the reserved prefixes do not apply to it, the page id format does).
    """
    try:
        data: Any = json.loads(body or b"")
    except (ValueError, UnicodeDecodeError):
        raise BadRequest("The body is not JSON.") from None
    if not isinstance(data, dict):
        raise BadRequest("The body must be a JSON object.")
    sender = _required_string(data, "sender")
    if not SENDER_ID.fullmatch(sender):
        raise BadRequest('"sender" must be 1-128 characters of A-Z a-z 0-9 _ . : @ + = -.')
    if page:
        if not PAGE_ID.fullmatch(sender):
            raise BadRequest(BAD_PAGE_ID)
    elif reserved_prefix(sender):
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


def check_page_key(secret: bytes, page_id: str, given: list[str]) -> str:
    """The conversation of a page id whose key was given, or Forbidden (constant time)."""
    if len(given) != 1 or not web_sessions.key_matches(secret, page_id, given[0]):
        raise Forbidden(WRONG_KEY)
    return web_sender(page_id)


def load_secret() -> bytes:
    """The web session secret, or a stop with the reason (Rasa is building its channels)."""
    try:
        return web_sessions.session_secret()
    except web_sessions.SecretError as error:
        raise SystemExit(
            f"error: the REST channel needs the page server's secret: {error}"
        ) from None


def _required_string(data: dict[str, Any], key: str) -> str:
    value = data.get(key)
    if value is None:
        raise BadRequest(f'"{key}" is missing.')
    if not isinstance(value, str):
        raise BadRequest(f'"{key}" must be a string.')
    return value


class RestInput(RasaRestInput):
    def __init__(self, session_secret: bytes | None = None) -> None:
        super().__init__()
        self.session_secret = session_secret

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> RestInput:
        return cls(session_secret=load_secret())  # at start-up: no secret, no server

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> Blueprint:
        webhook = Blueprint(f"custom_webhook_{type(self).__name__}", __name__)
        if self.session_secret is None:
            self.session_secret = load_secret()
        secret = self.session_secret

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            keys = request.headers.getall(PAGE_KEY_HEADER, [])
            try:
                checked = parse_body(request.body, page=bool(keys))
                check_proxy_sender(request.headers.get(PROXY_SENDER_HEADER), checked.sender)
                # The page's conversation with its key; any other id as sent (a tool's).
                sender_id = check_page_key(secret, checked.sender, keys) if keys else checked.sender
            except BadRequest as reason:
                return response.json({"error": str(reason)}, status=400)
            except Forbidden as reason:
                return response.json({"error": str(reason)}, status=403)
            text = checked.text
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
                    [{**reply, "recipient_id": checked.sender} for reply in replies], status=503
                )
            # Addressed to the sender as sent (the page id, not its conversation's digest).
            return response.json(
                [{**reply, "recipient_id": checked.sender} for reply in collector.messages]
            )

        return webhook
