"""The REST channel's page key, function by function (no server): with `X-Backbone-Key` the
sender is a page id, its key is checked against the page server's, and the conversation is the
socket.io channel's; the channel refuses to start without a usable secret. The same rules
through the real server: tests/security/test_rest_page_key.py."""

from __future__ import annotations

import json

import pytest

from bot_extensions.channels import rest_channel, web_sessions
from bot_extensions.channels.sender_ids import web_sender

SECRET = b"a-web-session-secret-for-tests"
PAGE = "page-session-0001"


def body(sender: str) -> bytes:
    return json.dumps({"sender": sender, "message": "hello"}).encode()


def test_the_page_key_opens_the_pages_conversation() -> None:
    key = web_sessions.session_key(SECRET, PAGE)
    assert rest_channel.check_page_key(SECRET, PAGE, [key]) == web_sender(PAGE)


@pytest.mark.parametrize(
    "given",
    [
        [""],
        ["x" * 43],
        [web_sessions.session_key(SECRET, "page-session-0002")],
        [web_sessions.session_key(SECRET, PAGE)[:-1]],
        [web_sessions.session_key(b"another-secret-0123456789", PAGE)],
        [web_sessions.session_key(SECRET, PAGE)] * 2,
    ],
)
def test_any_other_key_is_forbidden(given: list[str]) -> None:
    with pytest.raises(rest_channel.Forbidden) as refused:
        rest_channel.check_page_key(SECRET, PAGE, given)
    assert "X-Backbone-Key" in str(refused.value) and "\n" not in str(refused.value)


def test_with_a_key_the_sender_is_a_page_id() -> None:
    assert rest_channel.parse_body(body("web-0123456789ab"), page=True).sender == "web-0123456789ab"
    for sender in ("short", "has:colon-0123", "a" * 65):
        with pytest.raises(rest_channel.BadRequest, match="page id"):
            rest_channel.parse_body(body(sender), page=True)
    # Without a key the reserved prefixes are still refused and other ids kept.
    with pytest.raises(rest_channel.BadRequest, match="must not start with"):
        rest_channel.parse_body(body("web-0123456789ab"))
    assert rest_channel.parse_body(body("tool:1")).sender == "tool:1"


def test_the_channel_needs_a_secret_to_start(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WEB_SESSION_SECRET", "short")
    with pytest.raises(SystemExit, match="REST channel needs the page server's secret"):
        rest_channel.RestInput.from_credentials(None)
    monkeypatch.setenv("WEB_SESSION_SECRET", "a-long-enough-secret-0123")
    channel = rest_channel.RestInput.from_credentials(None)
    assert channel.session_secret == b"a-long-enough-secret-0123"
