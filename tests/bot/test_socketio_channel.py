"""The socket.io channel's session handling, handler by handler (no server): a socket joins a
session only with the page server's key for it, speaks only in the session it holds, forgets it
when it disconnects, and the channel refuses to start without a usable secret. The same rules
through the real server: tests/security/test_socketio_keys.py."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from rasa.core.channels.channel import UserMessage

from bot_extensions.channels import socketio_channel, web_sessions
from bot_extensions.channels.sender_ids import web_sender

SECRET = b"a-web-session-secret-for-tests"
SESSION = "page-session-0001"
OTHER = "page-session-0002"


class Channel:
    """The channel's handlers, with socket.io's emit and rooms recorded instead of sent."""

    def __init__(self) -> None:
        self.channel = socketio_channel.SocketIOInput(
            "user_uttered", "bot_uttered", None, True, session_secret=SECRET
        )
        self.messages: list[UserMessage] = []

        async def on_new_message(message: UserMessage) -> None:
            self.messages.append(message)

        self.channel.blueprint(on_new_message)
        sio = self.channel.sio
        assert sio is not None
        self.handlers = sio.handlers["/"]
        self.emitted: list[tuple[str, str, Any]] = []
        self.rooms: dict[str, set[str]] = {}

        async def emit(event: str, data: Any, room: str, namespace: Any = None) -> None:
            self.emitted.append((room, event, data))

        async def enter_room(sid: str, room: str, namespace: Any = None) -> None:
            self.rooms.setdefault(sid, set()).add(room)

        async def leave_room(sid: str, room: str, namespace: Any = None) -> None:
            self.rooms.get(sid, set()).discard(room)

        sio.emit = emit  # type: ignore[method-assign]
        sio.enter_room = enter_room  # type: ignore[method-assign]
        sio.leave_room = leave_room  # type: ignore[method-assign]

    def send(self, event: str, sid: str, *data: Any) -> list[tuple[str, Any]]:
        """Run one event's handler; what was emitted to that socket."""
        before = len(self.emitted)
        asyncio.run(self.handlers[event](sid, *data))
        return [(name, body) for room, name, body in self.emitted[before:] if room == sid]


def key(session: str) -> str:
    return web_sessions.session_key(SECRET, session)


@pytest.mark.parametrize(
    "request_",
    [
        {"session_id": SESSION},
        {"session_id": SESSION, "key": ""},
        {"session_id": SESSION, "key": key(OTHER)},
        {"session_id": SESSION, "key": key(SESSION)[:-1]},
        {"session_id": SESSION, "key": ["not", "a", "string"]},
        {"session_id": "bad id!", "key": key("bad id!")},
        "not an object",
        None,
    ],
)
def test_a_session_request_without_its_key_joins_nothing(request_: Any) -> None:
    channel = Channel()
    (refusal,) = channel.send("session_request", "sid-1", request_)
    assert refusal[0] == socketio_channel.SESSION_REFUSED_EVENT
    assert refusal[1]["error"] and "\n" not in refusal[1]["error"]
    assert channel.rooms.get("sid-1", set()) == set()
    # And it cannot speak in the session it asked for.
    (refused,) = channel.send("user_uttered", "sid-1", {"message": "hi", "session_id": SESSION})
    assert refused == (socketio_channel.REFUSED_EVENT, {"error": socketio_channel.NOT_HELD})
    assert channel.messages == []


def test_with_its_key_a_socket_joins_speaks_and_forgets_on_disconnect() -> None:
    channel = Channel()
    confirmed = channel.send(
        "session_request", "sid-1", {"session_id": SESSION, "key": key(SESSION)}
    )
    assert confirmed == [("session_confirm", SESSION)]
    assert channel.rooms["sid-1"] == {web_sender(SESSION)}
    assert channel.send("user_uttered", "sid-1", {"message": "hi", "session_id": SESSION}) == []
    (message,) = channel.messages
    assert message.sender_id == web_sender(SESSION) and message.text == "hi"
    # Not in a session it does not hold, even one that exists.
    (refused,) = channel.send("user_uttered", "sid-1", {"message": "hi", "session_id": OTHER})
    assert refused[0] == socketio_channel.REFUSED_EVENT
    # Disconnected: the socket id holds nothing any more.
    channel.send("disconnect", "sid-1", "client disconnect")
    (refused,) = channel.send("user_uttered", "sid-1", {"message": "again", "session_id": SESSION})
    assert refused[0] == socketio_channel.REFUSED_EVENT
    assert len(channel.messages) == 1


def test_a_socket_that_joins_another_session_leaves_the_first() -> None:
    channel = Channel()
    channel.send("session_request", "sid-1", {"session_id": SESSION, "key": key(SESSION)})
    channel.send("session_request", "sid-1", {"session_id": OTHER, "key": key(OTHER)})
    assert channel.rooms["sid-1"] == {web_sender(OTHER)}
    (refused,) = channel.send("user_uttered", "sid-1", {"message": "hi", "session_id": SESSION})
    assert refused[0] == socketio_channel.REFUSED_EVENT
    # A refused request leaves what the socket holds as it was.
    channel.send("session_request", "sid-1", {"session_id": SESSION, "key": "wrong"})
    assert channel.rooms["sid-1"] == {web_sender(OTHER)}
    assert channel.send("user_uttered", "sid-1", {"message": "hi", "session_id": OTHER}) == []


@pytest.mark.parametrize("value", ["", "fifteen-chars!!"])
def test_the_channel_refuses_to_start_without_a_usable_secret(
    value: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WEB_SESSION_SECRET", value)
    with pytest.raises(SystemExit, match="WEB_SESSION_SECRET must be at least 16 characters"):
        socketio_channel.SocketIOInput.from_credentials({"session_persistence": True})
    monkeypatch.setenv("WEB_SESSION_SECRET", "x" * 16)
    channel = socketio_channel.SocketIOInput.from_credentials({"session_persistence": True})
    assert isinstance(channel, socketio_channel.SocketIOInput)
    assert channel.session_secret == b"x" * 16
