"""Redis (the lock store) down: messages are refused (503, with an apology), never processed
without a lock, so two servers can never write one conversation at once; the refusal is logged
as a LockError and the service comes back by itself when Redis does. With Redis up, one
conversation's messages sent at the same moment are processed one after the other, whichever
way they come in."""

from __future__ import annotations

import asyncio
import time
import uuid

import httpx
import pytest
import yaml

from bench.loadgen.client import stored_turns
from tests.prod.profile import Profile
from tests.servers import ROOT

pytestmark = pytest.mark.prod

NOT_HANDLED = yaml.safe_load((ROOT / "domain" / "safety.yml").read_text())["responses"][
    "channel_message_not_handled"
][0]["text"]
MESSAGES = [
    "hi",
    "thanks",
    "are you a bot?",
    "bye",
    "hello",
    "thank you",
    "what can you do?",
    "goodbye",
]


def test_redis_down_refuses_messages_and_recovers(profile: Profile) -> None:
    sender = f"redis-{uuid.uuid4().hex[:10]}"
    assert profile.say(sender, "hi").json()
    before = len(profile.tracker(sender)["events"])
    log_sizes = {port: len(profile.log_text(f"rasa-{port}")) for port in profile.rasa_ports}

    profile.stop_redis()
    try:
        started = time.monotonic()
        for url in [profile.url, *(profile.rasa_url(i) for i in range(len(profile.rasa_ports)))]:
            response = profile.say(sender, "are you a bot?", url=url)
            # The turn fails cleanly: 503, and the person is told the message was not taken in.
            assert response.status_code == 503
            assert [reply["text"] for reply in response.json()] == [NOT_HANDLED]
        assert time.monotonic() - started < 10
        # Nothing reached the conversation without the lock.
        assert len(profile.tracker(sender)["events"]) == before
        logged = "".join(profile.log_text(f"rasa-{p}")[size:] for p, size in log_sizes.items())
        assert "LockError" in logged and "Error while acquiring lock" in logged
    finally:
        profile.start_redis()

    for port in profile.rasa_ports:
        assert profile.alive(f"rasa-{port}")
    # Back without restarting Rasa: the redis client reconnects on the next message.
    assert profile.say(sender, "are you a bot?").json()
    _, stored = stored_turns(profile.tracker(sender)["events"])
    assert [t.user for t in stored] == ["hi", "are you a bot?"]


async def _burst(urls: list[str], sender: str, count: int) -> list[httpx.Response]:
    async with httpx.AsyncClient(timeout=60) as client:
        return await asyncio.gather(
            *(
                client.post(
                    urls[i % len(urls)] + "/webhooks/rest/webhook",
                    json={"sender": sender, "message": MESSAGES[i % len(MESSAGES)]},
                )
                for i in range(count)
            )
        )


def test_one_conversation_is_processed_one_message_at_a_time(profile: Profile) -> None:
    """A burst of one sender's messages through nginx (the way every channel message comes
    in): each is stored as a whole turn with exactly the replies that went back for it."""
    for _ in range(3):
        sender = f"burst-{uuid.uuid4().hex[:10]}"
        responses = asyncio.run(_burst([profile.url], sender, 8))
        assert all(r.status_code == 200 and r.json() for r in responses)
        _, stored = stored_turns(profile.tracker(sender)["events"])
        assert sorted(t.user for t in stored) == sorted(
            MESSAGES[i % len(MESSAGES)] for i in range(8)
        )
        for turn in stored:
            assert turn.events[-1] == "action:action_listen", turn.events
            assert sum(1 for e in turn.events if e == "bot") == 1, turn.events
        answered = sorted(tuple(r.get("text", "") for r in resp.json()) for resp in responses)
        assert answered == sorted(tuple(t.bot_texts) for t in stored)
