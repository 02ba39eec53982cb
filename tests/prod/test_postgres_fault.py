"""PostgreSQL stopped and started again under load: no crash, no half-written tracker, and
service resumes without restarting any Rasa server.

A turn that cannot read or store its conversation fails cleanly: 503, with the apology (and a
red flag's reply when the message carries one), and nothing of it is stored. Every turn
answered 200 is stored whole, exactly as answered, in order (docs/production.md)."""

from __future__ import annotations

import asyncio
import time
import uuid

import pytest
import yaml

from bench.loadgen.client import RunResult, run_load, stored_turns
from tests.prod.profile import Profile
from tests.servers import ROOT, response_text

pytestmark = pytest.mark.prod

SAFETY = yaml.safe_load((ROOT / "domain" / "safety.yml").read_text())["responses"]
# after a medical emergency (wetting oneself)
AFTER_EMERGENCY = response_text("safety.yml", "utter_after_emergency", alarm_kind="medical")
NOT_HANDLED = SAFETY["channel_message_not_handled"][0]["text"]
OUTAGE_SECONDS = 4


def texts(profile: Profile, sender: str, message: str) -> list[str]:
    return texts_from(profile, sender, message)


def texts_from(profile: Profile, sender: str, message: str, server: int | None = None) -> list[str]:
    """The replies to one turn, through nginx or straight from one Rasa server."""
    url = None if server is None else profile.rasa_url(server)
    response = profile.say(sender, message, url=url)
    assert response.status_code == 200, response.text
    return [reply.get("text", "") for reply in response.json()]


async def load_with_outage(profile: Profile) -> tuple[RunResult, float, float]:
    marks: dict[str, float] = {}

    async def outage() -> None:
        await asyncio.sleep(2)
        marks["stop"] = time.monotonic()
        await asyncio.to_thread(profile.stop_postgres)
        await asyncio.sleep(OUTAGE_SECONDS)
        await asyncio.to_thread(profile.start_postgres)
        marks["up"] = time.monotonic()

    result, _ = await asyncio.gather(
        run_load(profile.url, people=12, conversations=48, turns=10, timeout=60), outage()
    )
    return result, marks["stop"], marks["up"]


def test_postgres_restart_under_load(profile: Profile) -> None:
    flagged = f"pg-rf-{uuid.uuid4().hex[:10]}"
    assert texts(profile, flagged, "I wet myself this morning and my back is agony")
    assert profile.tracker(flagged)["slots"]["triage"] == "emergency"

    result, stopped, restarted = asyncio.run(load_with_outage(profile))

    # No crash: every Rasa server is the same process as before. Failed turns failed cleanly,
    # only while PostgreSQL was down (or reconnecting), and said so.
    for port in profile.rasa_ports:
        assert profile.alive(f"rasa-{port}"), f"Rasa server {port} died"
    settled = restarted + 5
    failed = [t for t in result.turns if t.status != 200]
    assert {t.status for t in failed} <= {503}, {t.status for t in failed}
    assert failed, "the outage should have failed some turns"
    # A turn is judged by the time it was in flight, not when it was sent: one sent just before
    # the stop can be queued behind slower turns and reach PostgreSQL while it is down.
    late = [
        (round(t.started - restarted, 2), round(t.latency, 2))
        for t in failed
        if t.started + t.latency < stopped or t.started > settled
    ]
    assert not late, f"turns failed outside the outage, (sent, took) seconds: {late}"
    assert all(t.texts and t.texts[-1] == NOT_HANDLED for t in failed)

    # Service resumed without a restart: the knowledge base answers again, and the emergency
    # seen before the outage still holds (the state came back from PostgreSQL intact).
    assert texts(profile, flagged, "can you give me some exercises for it") == [AFTER_EMERGENCY]
    fresh = f"pg-after-{uuid.uuid4().hex[:10]}"
    assert "joint" in "\n".join(texts(profile, fresh, "why does my lower back hurt?")).lower()

    # PostgreSQL holds exactly the turns answered 200, each whole and as answered, in order.
    problems: list[str] = []
    for conversation in result.conversations:
        _, stored = stored_turns(profile.tracker(conversation.sender)["events"])
        answered = [
            (text, turn)
            for text, turn in zip(conversation.script, conversation.turns, strict=True)
            if turn.status == 200
        ]
        if [kept.user for kept in stored] != [text for text, _ in answered]:
            problems.append(
                f"{conversation.sender}: answered {[t for t, _ in answered]}, "
                f"stored {[kept.user for kept in stored]}"
            )
            continue
        for kept, (text, turn) in zip(stored, answered, strict=True):
            if kept.bot_texts != turn.texts:
                problems.append(
                    f"{conversation.sender}: {text!r} answered {turn.texts!r}, "
                    f"stored {kept.bot_texts!r}"
                )
            if kept.events[-1] != "action:action_listen" or "session_started" in kept.events[1:]:
                problems.append(f"{conversation.sender}: {text!r} stored half: {kept.events}")
    assert not problems, f"{len(problems)} problems, first: {problems[:5]}"


def test_the_first_turn_after_a_quiet_restart_is_answered(profile: Profile) -> None:
    # Each Rasa server keeps pooled connections; PostgreSQL restarted while nobody talks leaves
    # every one of them closed. The next person must not pay for it with a failed turn.
    senders = [f"pg-quiet-{index}-{uuid.uuid4().hex[:8]}" for index in range(3)]
    for index, _ in enumerate(profile.rasa_ports):
        for sender in senders:
            assert texts_from(profile, sender, "why does my lower back hurt?", index)
    profile.stop_postgres()
    profile.start_postgres()
    for index, _ in enumerate(profile.rasa_ports):
        for sender in senders:
            assert texts_from(profile, sender, "what about my hips?", index)
