"""Rasa's socket.io channel with `session_persistence` that works on python-socketio 5.

Rasa 3.6's `SocketIOInput` calls `sio.enter_room(...)` without `await`. Since python-socketio
5.x made `AsyncServer.enter_room` a coroutine, the socket never joins the session's room, so
with `session_persistence: true` every bot message is emitted to an empty room and the page
never sees a reply (the log only shows "coroutine 'AsyncServer.enter_room' was never
awaited"). This subclass re-registers the two handlers that matter:

- `session_request` awaits `enter_room`, so replies reach every tab open on the session;
- the conversation of session `<id>` is `web-<digest of id>` (`sender_ids.py`), so no other
  channel's client can choose it and the stored id does not open the session; the room of a
  session is its sender id, where Rasa sends the replies;
- the user-message handler refuses malformed events (not an object, no text, no valid session
  id) with a `user_message_refused` event carrying a one-line reason instead of raising inside
  the socket.io task, passes the text through `user_text.py` (length cap, no intent syntax but
  the buttons'), and when a turn fails
  (conversation or lock store down) sends the replies of `unavailable.py` instead of nothing.

Registered in credentials.yml as `bot_extensions.channels.socketio_channel.SocketIOInput`; the
channel keeps the name `socketio`, its events and its `/socket.io` path.
"""

from __future__ import annotations

import json
import logging
import re
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput as RasaSocketIOInput
from rasa.core.channels.socketio import SocketIOOutput
from sanic import Blueprint

from bot_extensions.channels.sender_ids import web_sender
from bot_extensions.channels.unavailable import replies_when_unhandled
from bot_extensions.channels.user_text import user_text

logger = logging.getLogger(__name__)

# Sent to the socket whose user message was malformed, with a one-line reason.
REFUSED_EVENT = "user_message_refused"
# Session ids are chosen by the page (a UUID kept in localStorage); anything else is replaced.
SESSION_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")


def valid_session_id(value: Any) -> bool:
    return isinstance(value, str) and SESSION_ID.fullmatch(value) is not None


class SocketIOInput(RasaSocketIOInput):
    """socket.io input channel; see the module docstring for what differs from Rasa's."""

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        socketio_webhook = super().blueprint(on_new_message)
        sio = self.sio
        assert sio is not None  # set by the parent's blueprint()
        server: dict[str, Any] = {}

        @socketio_webhook.listener("after_server_start")
        async def remember_app(app: Any, _loop: Any) -> None:
            # socket.io handlers get no request; the agent is needed to answer a failed turn.
            server["app"] = app

        # `sio.on(...)` replaces the handler the parent registered for the same event.
        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: str, data: Any) -> None:
            requested = data.get("session_id") if isinstance(data, dict) else None
            session_id = requested if valid_session_id(requested) else uuid.uuid4().hex
            if self.session_persistence:
                # Rasa sends a reply to the room named by the sender id.
                await sio.enter_room(sid, web_sender(session_id), namespace=self.namespace)
            await sio.emit("session_confirm", session_id, room=sid, namespace=self.namespace)
            logger.debug(f"socket.io client {sid} joined session {session_id}.")

        async def refuse(sid: str, reason: str) -> None:
            # socket.io events have no status: the reason goes back to that socket only.
            logger.info(f"Refused a socket.io user message: {reason}")
            await sio.emit(REFUSED_EVENT, {"error": reason}, room=sid, namespace=self.namespace)

        @sio.on(self.user_message_evt, namespace=self.namespace)
        async def handle_message(sid: str, data: Any) -> None:
            if not isinstance(data, dict):
                return await refuse(sid, "The message must be an object.")
            text = data.get("message")
            if not isinstance(text, str):
                return await refuse(sid, '"message" must be a string.')
            if not text.strip():
                return await refuse(sid, '"message" is empty.')
            if self.session_persistence:
                session_id = data.get("session_id")
                if not valid_session_id(session_id):
                    return await refuse(
                        sid, '"session_id" must be 8-64 characters of A-Z a-z 0-9 _ -.'
                    )
                sender_id = web_sender(session_id)
            else:
                sender_id = web_sender(sid)
                await sio.enter_room(sid, sender_id, namespace=self.namespace)
            text = user_text(text)
            metadata = data.get(self.metadata_key) or {}
            if isinstance(metadata, str):
                try:
                    metadata = json.loads(metadata)
                except ValueError:
                    metadata = {}
            if not isinstance(metadata, dict):
                metadata = {}
            output = SocketIOOutput(sio, self.bot_message_evt)
            try:
                await on_new_message(
                    UserMessage(
                        text, output, sender_id, input_channel=self.name(), metadata=metadata
                    )
                )
            except Exception:
                logger.exception("A socket.io message from %s could not be handled.", sender_id)
                for reply in await replies_when_unhandled(server.get("app"), text, self.name()):
                    await output.send_response(sender_id, reply)

        return socketio_webhook
