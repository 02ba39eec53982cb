"""Rasa's REST channel, answering 503 with an apology when a message could not be handled.

Rasa 3.6's REST channel logs a failed turn and answers `200 []`, which a client cannot tell from
"nothing to say", and the person sees nothing. Here a failed turn answers 503 with the replies
from `unavailable.py` (a red flag's reply first when there is one); the web page shows them.
Registered in credentials.yml; the channel keeps the name `rest` and its URLs.
"""

from __future__ import annotations

import logging
from asyncio import CancelledError
from collections.abc import Awaitable, Callable

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput as RasaRestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot_extensions.channels.unavailable import replies_when_unhandled

logger = logging.getLogger(__name__)


class RestInput(RasaRestInput):
    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> Blueprint:
        webhook = Blueprint(f"custom_webhook_{type(self).__name__}", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            sender_id = await self._extract_sender(request)
            text = self._extract_message(request)
            collector = CollectingOutputChannel()
            message = UserMessage(
                text,
                collector,
                sender_id,
                input_channel=self._extract_input_channel(request),
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
