"""A socket.io client that knows a chat page's id but not its key cannot join that page's
conversation (issue 14): through the real Rasa server, it gets `session_refused` and no room,
none of the owner's replies, and its messages for that session are refused; the owner, with the
key the page server gave, talks as before. The page server (backcare/web.py) and the Rasa server
(bot_extensions/channels/web_sessions.py) derive keys and read the secret the same way, and the
Rasa launcher refuses to start with an empty or too short secret."""

from __future__ import annotations

import os
import stat
import uuid
import warnings
from pathlib import Path

import pytest

from backcare import web
from bot_extensions.channels import web_sessions
from bot_extensions.channels.sender_ids import web_sender
from tests.security.socketio_polling import PollingClient
from tests.security.test_api_token import launch
from tests.servers import Assistant, free_port

warnings.filterwarnings("ignore", "Using `httpx` with `starlette.testclient`")
from starlette.testclient import TestClient  # noqa: E402

QUIET_SECONDS = 3  # long enough for a reply sent to a socket's room to be waiting for it


def user_texts(assistant: Assistant, sender: str) -> list[str]:
    events = assistant.tracker(sender)["events"]
    return [e["text"] for e in events if e["event"] == "user"]


def joined(assistant: Assistant, session: str, key: str) -> PollingClient:
    client = PollingClient(assistant.rasa_url)
    client.emit("session_request", {"session_id": session, "key": key})
    client.wait_for(
        lambda: client.received("session_confirm") or client.received("session_refused")
    )
    assert client.received("session_confirm") == [session], client.events
    return client


@pytest.mark.integration
def test_the_id_without_its_key_joins_nothing_hears_nothing_and_speaks_for_no_one(
    assistant: Assistant, page: TestClient
) -> None:
    owner_session = page.post("/api/sessions").json()
    other_session = page.post("/api/sessions").json()
    session = owner_session["sender"]
    attempts = {
        "no key": {"session_id": session},
        "empty key": {"session_id": session, "key": ""},
        "another id's key": {"session_id": session, "key": other_session["key"]},
        "made-up key": {"session_id": session, "key": "A" * 43},
        "the key cut short": {"session_id": session, "key": owner_session["key"][:-1]},
        "not a string": {"session_id": session, "key": 12345},
    }
    owner = joined(assistant, session, owner_session["key"])
    owners_other_tab = joined(assistant, session, owner_session["key"])
    intruders = {name: PollingClient(assistant.rasa_url) for name in attempts}
    try:
        for name, request in attempts.items():
            intruders[name].emit("session_request", request)
        for name, intruder in intruders.items():
            intruder.wait_for(lambda i=intruder: i.received("session_refused"))
            intruder.emit(
                "user_uttered", {"message": f"I am the owner ({name})", "session_id": session}
            )
            intruder.wait_for(lambda i=intruder: i.received("user_message_refused"))
        owner.emit("user_uttered", {"message": "my back hurts", "session_id": session})
        owner.wait_for(lambda: owner.received("bot_uttered"))
        owners_other_tab.wait_for(lambda: owners_other_tab.received("bot_uttered"))
        for intruder in intruders.values():
            intruder.poll(timeout=QUIET_SECONDS)
        # The owner's reconnection (a second session_request with the key) is accepted again.
        owner.emit("session_request", {"session_id": session, "key": owner_session["key"]})
        owner.wait_for(lambda: len(owner.received("session_confirm")) == 2)
    finally:
        for client in (owner, owners_other_tab, *intruders.values()):
            client.close()
    assert owner.received("session_refused") == owner.received("user_message_refused") == []
    for name, intruder in intruders.items():
        assert intruder.received("session_confirm") == [], name
        (refusal,) = intruder.received("session_refused")
        assert '"key"' in refusal["error"] and "\n" not in refusal["error"], (name, refusal)
        (refused,) = intruder.received("user_message_refused")
        assert "not joined" in refused["error"], (name, refused)
        assert intruder.received("bot_uttered") == [], f"{name}: heard the owner's replies"
    # Only the owner's words are in the owner's conversation, which the page server shows the
    # owner (its key, the same one Rasa accepted).
    assert user_texts(assistant, web_sender(session)) == ["my back hurts"]
    history = page.get(
        f"/api/conversations/{session}", headers={web.KEY_HEADER: owner_session["key"]}
    )
    assert {"from": "user", "text": "my back hurts"} in history.json()["messages"]


@pytest.mark.integration
def test_a_socket_speaks_only_in_the_session_it_joined(
    assistant: Assistant, page: TestClient
) -> None:
    mine = page.post("/api/sessions").json()
    theirs = page.post("/api/sessions").json()
    never_joined = PollingClient(assistant.rasa_url)
    client = joined(assistant, mine["sender"], mine["key"])
    try:
        never_joined.emit("user_uttered", {"message": "hello", "session_id": theirs["sender"]})
        never_joined.wait_for(lambda: never_joined.received("user_message_refused"))
        client.emit("user_uttered", {"message": "hello there", "session_id": theirs["sender"]})
        client.wait_for(lambda: client.received("user_message_refused"))
        client.poll(timeout=QUIET_SECONDS)
    finally:
        never_joined.close()
        client.close()
    assert client.received("bot_uttered") == []
    assert user_texts(assistant, web_sender(theirs["sender"])) == []
    assert user_texts(assistant, web_sender(mine["sender"])) == []


# ---- the page server's derivation and the Rasa server's agree ---------------------------------


@pytest.mark.parametrize("secret", [b"x" * 16, b"a-page-server-secret-0123456789", os.urandom(32)])
@pytest.mark.parametrize("session", ["abcdefgh", "Zz09_-" * 10, uuid.uuid4().hex])
def test_the_two_key_derivations_agree(secret: bytes, session: str) -> None:
    key = web.session_key(secret, session)
    assert web_sessions.session_key(secret, session) == key
    assert web_sessions.key_matches(secret, session, key)
    assert web.key_matches(secret, session, web_sessions.session_key(secret, session))
    for wrong in (key[:-1], key + "A", web.session_key(secret, session + "x"), "", None, 7):
        assert not web_sessions.key_matches(secret, session, wrong)


def _environ(tmp_path: Path, **values: str) -> dict[str, str]:
    return {"WEB_SESSION_SECRET_FILE": str(tmp_path / "var" / "web-session-secret"), **values}


def test_both_servers_read_the_same_secret(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "var" / "web-session-secret"
    monkeypatch.delenv("WEB_SESSION_SECRET", raising=False)
    monkeypatch.setenv("WEB_SESSION_SECRET_FILE", str(path))
    # The Rasa server starts first and generates the file; the page server reads it.
    created = web_sessions.session_secret(_environ(tmp_path))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and len(created) >= 32
    assert web.session_secret() == created
    assert web_sessions.session_secret(_environ(tmp_path)) == created  # kept
    # The page server starts first; the Rasa server reads its file.
    path.unlink()
    created = web.session_secret()
    assert web_sessions.session_secret(_environ(tmp_path)) == created
    # WEB_SESSION_SECRET wins over the file for both, blanks around it ignored by both.
    monkeypatch.setenv("WEB_SESSION_SECRET", "  from-the-environment-0123456789 \n")
    given = web_sessions.session_secret(
        _environ(tmp_path, WEB_SESSION_SECRET="  from-the-environment-0123456789 \n")
    )
    assert given == web.session_secret() == b"from-the-environment-0123456789"
    # The default file is var/web-session-secret under the project root, for both.
    assert web_sessions.secret_file({"BACKCARE_HOME": "/srv/backbone"}) == Path(
        "/srv/backbone/var/web-session-secret"
    )


@pytest.mark.parametrize("value", ["", "   ", "fifteen-chars!!"])
def test_both_servers_refuse_an_empty_or_short_secret(
    value: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WEB_SESSION_SECRET", value)
    with pytest.raises(SystemExit, match="at least 16 characters"):
        web.session_secret()
    with pytest.raises(web_sessions.SecretError, match="at least 16 characters"):
        web_sessions.session_secret(_environ(tmp_path, WEB_SESSION_SECRET=value))


@pytest.mark.integration
@pytest.mark.parametrize(
    ("secret", "says"),
    [
        ("", "WEB_SESSION_SECRET must be at least 16 characters"),
        ("short", "WEB_SESSION_SECRET must be at least 16 characters"),
        (None, "holds no usable secret"),  # WEB_SESSION_SECRET unset, its file empty
    ],
)
def test_the_rasa_launcher_refuses_an_empty_or_short_secret(
    secret: str | None, says: str, tmp_path: Path
) -> None:
    empty = tmp_path / "web-session-secret"
    empty.write_text("\n")
    env = {"RASA_AUTH_TOKEN": "x" * 32, "WEB_SESSION_SECRET_FILE": str(empty)}
    if secret is not None:
        env["WEB_SESSION_SECRET"] = secret
    run = launch(env, "run", "-i", "127.0.0.1", "-p", str(free_port()), timeout=90)
    assert run.returncode == 2, run.stderr[-2000:]
    assert says in run.stderr and "WEB_SESSION_SECRET" in run.stderr
    assert "Traceback" not in run.stderr
