"""Rasa's socket.io channel with `session_persistence` that works on python-socketio 5, and
sessions that only the browser holding the page server's key can join.

Rasa 3.6's `SocketIOInput` calls `sio.enter_room(...)` without `await`. Since python-socketio
5.x made `AsyncServer.enter_room` a coroutine, the socket never joins the session's room, so
with `session_persistence: true` every bot message is emitted to an empty room and the page
never sees a reply (the log only shows "coroutine 'AsyncServer.enter_room' was never
awaited"). This subclass re-registers the handlers that matter:

- `session_request {session_id, key}` joins the session only with the key the page server
  gave the browser for that id (`web_sessions.py`: an HMAC of the id with the web session
  secret, which this server reads too, compared in constant time). The page id is not a
  secret: it is the REST fallback's conversation id and in the page server's URLs, so without
  the key a socket could otherwise listen to someone's replies and speak as them. With the key
  the socket joins the session's room (awaited, so replies reach every tab open on the session)
  and is recorded as holding that session; without it, or with a malformed id, it gets
  `session_refused` with a one-line reason and joins nothing;
- the conversation of session `<id>` is `web-<digest of id>` (`sender_ids.py`), so no other
  channel's client can choose it and the stored id does not open the session; the room of a
  session is its sender id, where Rasa sends the replies;
- the user-message handler refuses malformed events (not an object, no text, no valid session
  id) and any event for a session this socket does not hold with a `user_message_refused`
  event carrying a one-line reason instead of raising inside the socket.io task, passes the
  text through `user_text.py` (length cap, no intent syntax but the buttons'), and when a turn
  fails (conversation or lock store down) sends the replies of `unavailable.py` instead of
  nothing;
- `disconnect` forgets which session the socket held.

Registered in credentials.yml as `bot_extensions.channels.socketio_channel.SocketIOInput`; the
channel keeps the name `socketio`, its events and its `/socket.io` path. It reads the secret
when Rasa builds its channels and refuses to start without a usable one (the launcher,
`bot_extensions/serve.py`, checks it first with a clearer message).
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.channels.socketio import SocketIOInput as RasaSocketIOInput
from rasa.core.channels.socketio import SocketIOOutput
from sanic import Blueprint

from bot_extensions.channels import web_sessions
from bot_extensions.channels.sender_ids import web_sender
from bot_extensions.channels.unavailable import replies_when_unhandled
from bot_extensions.channels.user_text import user_text

logger = logging.getLogger(__name__)

# Sent to the socket whose user message was malformed or not its to send, with a one-line reason.
REFUSED_EVENT = "user_message_refused"
# Sent to the socket whose session request was refused (no room joined), with a one-line reason.
SESSION_REFUSED_EVENT = "session_refused"
# Session ids are issued by the page server (POST /api/sessions) and kept in localStorage.
SESSION_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
BAD_SESSION_ID = '"session_id" must be 8-64 characters of A-Z a-z 0-9 _ -.'
NO_KEY = '"key" is missing: the page server gives it with the session id (POST /api/sessions).'
WRONG_KEY = '"key" is not the key the page server gave for this session id.'
NOT_HELD = "This socket has not joined that session (session_request with its key first)."


def valid_session_id(value: Any) -> bool:
    return isinstance(value, str) and SESSION_ID.fullmatch(value) is not None


def load_secret() -> bytes:
    """The web session secret, or a stop with the reason (Rasa is building its channels)."""
    try:
        return web_sessions.session_secret()
    except web_sessions.SecretError as error:
        raise SystemExit(
            f"error: the socket.io channel needs the page server's secret: {error}"
        ) from None


class SocketIOInput(RasaSocketIOInput):
    """socket.io input channel; see the module docstring for what differs from Rasa's."""

    def __init__(self, *args: Any, session_secret: bytes | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.session_secret = session_secret

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        channel = super().from_credentials(credentials)
        assert isinstance(channel, SocketIOInput)
        channel.session_secret = load_secret()  # at start-up: no secret, no server
        return channel

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        socketio_webhook = super().blueprint(on_new_message)
        sio = self.sio
        assert sio is not None  # set by the parent's blueprint()
        if self.session_secret is None:
            self.session_secret = load_secret()
        secret = self.session_secret
        server: dict[str, Any] = {}
        # The session each connected socket holds (joined with its key), by socket id.
        held: dict[str, str] = {}

        @socketio_webhook.listener("after_server_start")
        async def remember_app(app: Any, _loop: Any) -> None:
            # socket.io handlers get no request; the agent is needed to answer a failed turn.
            server["app"] = app

        async def refuse(sid: str, reason: str, event: str = REFUSED_EVENT) -> None:
            # socket.io events have no status: the reason goes back to that socket only.
            logger.info(f"socket.io {event}: {reason}")
            await sio.emit(event, {"error": reason}, room=sid, namespace=self.namespace)

        # `sio.on(...)` replaces the handler the parent registered for the same event.
        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: str, data: Any) -> None:
            if not isinstance(data, dict):
                return await refuse(
                    sid, "The session request must be an object.", SESSION_REFUSED_EVENT
                )
            session_id = data.get("session_id")
            if not valid_session_id(session_id):
                return await refuse(sid, BAD_SESSION_ID, SESSION_REFUSED_EVENT)
            key = data.get("key")
            if not isinstance(key, str) or not key:
                return await refuse(sid, NO_KEY, SESSION_REFUSED_EVENT)
            if not web_sessions.key_matches(secret, session_id, key):
                return await refuse(sid, WRONG_KEY, SESSION_REFUSED_EVENT)
            previous = held.get(sid)
            held[sid] = session_id  # before any await: the socket holds it from now on
            if self.session_persistence:
                if previous is not None and previous != session_id:
                    await sio.leave_room(sid, web_sender(previous), namespace=self.namespace)
                # Rasa sends a reply to the room named by the sender id.
                await sio.enter_room(sid, web_sender(session_id), namespace=self.namespace)
            await sio.emit("session_confirm", session_id, room=sid, namespace=self.namespace)
            logger.debug(f"socket.io client {sid} joined its session.")

        @sio.on("disconnect", namespace=self.namespace)
        async def disconnect(sid: str, _reason: Any = None) -> None:
            held.pop(sid, None)
            logger.debug(f"socket.io client {sid} disconnected.")

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
                    return await refuse(sid, BAD_SESSION_ID)
                if held.get(sid) != session_id:
                    return await refuse(sid, NOT_HELD)
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
