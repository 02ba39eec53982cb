"""PostgreSQL stopped and started again under load: no crash, no 5xx, no half-written tracker,
and service resumes without restarting any Rasa server.

What a person sees during the outage is Rasa 3.6's own behaviour: its FailSafeTrackerStore
answers from an empty in-memory conversation and keeps those turns out of PostgreSQL
(docs/production.md, "PostgreSQL outage"). This test pins down what must hold whatever the
replies were: PostgreSQL keeps only complete turns, exactly as they were answered, in order."""

from __future__ import annotations

import asyncio
import time
import uuid

import pytest
import yaml

from bench.load import RunResult, run_load, stored_turns
from tests.prod.profile import Profile
from tests.servers import ROOT

pytestmark = pytest.mark.prod

SAFETY = yaml.safe_load((ROOT / "domain" / "safety.yml").read_text())["responses"]
AFTER_EMERGENCY = SAFETY["utter_after_emergency"][0]["text"]
OUTAGE_SECONDS = 4


def texts(profile: Profile, sender: str, message: str) -> list[str]:
    response = profile.say(sender, message)
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

    # No crash, no 5xx: every Rasa server is the same process as before, nginx answered 200.
    for port in profile.rasa_ports:
        assert profile.alive(f"rasa-{port}"), f"Rasa server {port} died"
    statuses = {t.status for t in result.turns}
    assert statuses <= {200}, statuses

    # Service resumed without a restart: the knowledge base answers again, and the emergency
    # seen before the outage still holds (the state came back from PostgreSQL intact).
    assert texts(profile, flagged, "can you give me some exercises for it") == [AFTER_EMERGENCY]
    fresh = f"pg-after-{uuid.uuid4().hex[:10]}"
    assert "joint" in "\n".join(texts(profile, fresh, "why does my lower back hurt?")).lower()

    # PostgreSQL holds only complete turns, each exactly as it was answered, in order.
    problems: list[str] = []
    settled = restarted + 2
    for conversation in result.conversations:
        _, stored = stored_turns(profile.tracker(conversation.sender)["events"])
        sent = [
            (text, turn)
            for text, turn in zip(conversation.script, conversation.turns, strict=False)
        ]
        position = 0
        for kept in stored:
            # The next stored turn must be one of the sent turns, later than the previous one.
            while position < len(sent) and sent[position][0] != kept.user:
                text, turn = sent[position]
                if turn.started + turn.latency < stopped or turn.started > settled:
                    problems.append(
                        f"{conversation.sender}: {text!r} answered with PostgreSQL up, not stored"
                    )
                position += 1
            if position == len(sent):
                problems.append(
                    f"{conversation.sender}: stored {kept.user!r} out of order or twice"
                )
                break
            turn = sent[position][1]
            if kept.bot_texts != turn.texts:
                problems.append(
                    f"{conversation.sender}: {kept.user!r} "
                    f"answered {turn.texts!r}, stored {kept.bot_texts!r}"
                )
            if kept.events[-1] != "action:action_listen" or "session_started" in kept.events[1:]:
                problems.append(f"{conversation.sender}: {kept.user!r} stored half: {kept.events}")
            position += 1
        for text, turn in sent[position:]:
            if turn.started > settled:
                problems.append(f"{conversation.sender}: {text!r} after recovery not stored")
    assert not problems, f"{len(problems)} problems, first: {problems[:5]}"
