"""The page server gives a conversation's history only to the browser it issued the id to (a key
signed with its secret), and limits how fast one client may ask. Through the real Rasa server:
the conversation is made over socket.io, as the page does, and read back by the page server."""

from __future__ import annotations

import os
import stat
import warnings
from pathlib import Path

import pytest

from backcare import web
from tests.security.socketio_polling import PollingClient
from tests.servers import Assistant

warnings.filterwarnings("ignore", "Using `httpx` with `starlette.testclient`")
from starlette.testclient import TestClient  # noqa: E402

pytestmark = pytest.mark.integration

SECRET = b"a-page-server-secret-for-the-tests"


def talk_over_socketio(assistant: Assistant, session: str, key: str, text: str) -> None:
    client = PollingClient(assistant.rasa_url)
    try:
        client.emit("session_request", {"session_id": session, "key": key})
        client.wait_for(lambda: client.received("session_confirm"))
        client.emit("user_uttered", {"message": text, "session_id": session})
        client.wait_for(lambda: client.received("bot_uttered"))
    finally:
        client.close()


def test_history_goes_only_to_the_browser_that_was_given_the_id(
    assistant: Assistant, page: TestClient
) -> None:
    mine = page.post("/api/sessions").json()
    theirs = page.post("/api/sessions").json()
    assert mine["sender"] != theirs["sender"]
    secret_text = "my back hurts since the accident"
    talk_over_socketio(assistant, mine["sender"], mine["key"], secret_text)
    path = f"/api/conversations/{mine['sender']}"

    for headers in ({}, {web.KEY_HEADER: theirs["key"]}, {web.KEY_HEADER: "x" * 43}):
        for url in (path, path + "/state"):
            refused = page.get(url, headers=headers)
            assert refused.status_code == 403, refused.text
            assert secret_text not in refused.text

    history = page.get(path, headers={web.KEY_HEADER: mine["key"]})
    assert history.status_code == 200
    assert {"from": "user", "text": secret_text} in history.json()["messages"]
    state = page.get(path + "/state", headers={web.KEY_HEADER: mine["key"]})
    assert state.status_code == 200 and state.json()["triage"] in web.TRIAGE_LEVELS


def test_api_requests_are_rate_limited_per_client(
    assistant: Assistant, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RASA_URL", assistant.rasa_url)
    monkeypatch.setenv("WEB_API_RATE", "5")
    with TestClient(web.create_app(SECRET)) as client:
        session = client.post("/api/sessions").json()
        path = f"/api/conversations/{session['sender']}/state"
        codes = [client.get(path, headers={web.KEY_HEADER: "wrong"}).status_code for _ in range(6)]
        assert codes[:4] == [403] * 4 and codes[-1] == 429, codes
        limited = client.get(path, headers={web.KEY_HEADER: session["key"]})
        assert limited.status_code == 429 and limited.headers["Retry-After"]
        # Another client (a different address) is not slowed by this one.
        other = TestClient(web.create_app(SECRET), client=("192.0.2.7", 50000))
        assert other.post("/api/sessions").status_code == 200


def test_the_secret_is_generated_private_when_unset(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("WEB_SESSION_SECRET", raising=False)
    monkeypatch.setenv("WEB_SESSION_SECRET_FILE", str(tmp_path / "var" / "web-session-secret"))
    first = web.session_secret()
    path = tmp_path / "var" / "web-session-secret"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert len(first) >= 32 and web.session_secret() == first
    monkeypatch.setenv("WEB_SESSION_SECRET", "from-the-environment-0123456789")
    assert web.session_secret() == b"from-the-environment-0123456789"
    assert os.environ["WEB_SESSION_SECRET"].encode() not in path.read_bytes()
