"""200 concurrent conversations x 10 turns through nginx and two Rasa servers: every message
answered, no 5xx, and every tracker holds exactly its own events, in order."""

from __future__ import annotations

import asyncio
import re
import time
from collections import Counter

import httpx
import pytest

from bench.loadgen.client import run_load, stored_turns
from tests.prod.profile import Profile

pytestmark = pytest.mark.prod

PEOPLE = 200
TURNS = 10


async def _trackers(profile: Profile, senders: list[str]) -> dict[str, list[dict]]:
    semaphore = asyncio.Semaphore(16)
    out: dict[str, list[dict]] = {}

    async def one(client: httpx.AsyncClient, sender: str) -> None:
        async with semaphore:
            response = await client.get(
                f"{profile.rasa_url(0)}/conversations/{sender}/tracker",
                params={"token": profile.token, "include_events": "ALL"},
            )
        response.raise_for_status()
        out[sender] = response.json()["events"]

    async with httpx.AsyncClient(timeout=60) as client:
        await asyncio.gather(*(one(client, s) for s in senders))
    return out


def _log_size(profile: Profile, name: str) -> int:
    path = profile.logs / name
    return path.stat().st_size if path.exists() else 0


def _nginx_errors_after(profile: Profile, offset: int) -> str:
    """What nginx's error log said since `offset`, counted by kind (for a failure's message:
    a 504 alone does not say which hop waited, or on what)."""
    with (profile.logs / "nginx-error.log").open("rb") as log:
        log.seek(offset)
        lines = log.read().decode(errors="replace").splitlines()
    kinds = Counter(
        re.sub(r"^\S+ \S+ \[(\w+)\] \d+#\d+: (\*\d+ )?", r"\1: ", line).split(", client")[0]
        for line in lines
    )
    return "; ".join(f"{count} x {kind}" for kind, count in kinds.most_common(6)) or "nothing"


def test_200_concurrent_conversations_are_answered_stored_and_ordered(profile: Profile) -> None:
    routed_before = (
        (profile.logs / "nginx-routed.log").read_text()
        if (profile.logs / "nginx-routed.log").exists()
        else ""
    )
    errors_before = _log_size(profile, "nginx-error.log")
    result = asyncio.run(
        run_load(profile.url, people=PEOPLE, conversations=PEOPLE, turns=TURNS, timeout=120)
    )

    turns = result.turns
    assert len(result.conversations) == PEOPLE
    assert len(turns) == PEOPLE * TURNS
    statuses = {t.status for t in turns}
    assert statuses == {200}, (
        f"statuses {statuses}, errors {result.summary()['error_kinds']}; "
        f"nginx: {_nginx_errors_after(profile, errors_before)}"
    )
    assert result.errors == 0, result.summary()["error_kinds"]

    trackers = asyncio.run(_trackers(profile, [c.sender for c in result.conversations]))
    problems: list[str] = []
    for conversation in result.conversations:
        prelude, stored = stored_turns(trackers[conversation.sender])
        if prelude != ["action:action_session_start", "session_started", "action:action_listen"]:
            problems.append(f"{conversation.sender}: starts with {prelude}")
        if [t.user for t in stored] != conversation.script:
            problems.append(f"{conversation.sender}: user messages {[t.user for t in stored]}")
            continue
        for index, (sent, kept) in enumerate(zip(conversation.turns, stored, strict=True)):
            if kept.bot_texts != sent.texts:
                problems.append(
                    f"{conversation.sender} turn {index}: "
                    f"answered {sent.texts!r}, stored {kept.bot_texts!r}"
                )
            if kept.events[-1] != "action:action_listen" or "session_started" in kept.events:
                problems.append(f"{conversation.sender} turn {index}: events {kept.events}")
    assert not problems, f"{len(problems)} problems, first: {problems[:5]}"

    # Both Rasa servers took part (the router log names the upstream of every message).
    time.sleep(1.5)  # the router log is flushed every second
    routed = (profile.logs / "nginx-routed.log").read_text()[len(routed_before) :].split("\n")
    upstreams = {line.split()[2] for line in routed if line.strip()}
    assert {f"127.0.0.1:{port}" for port in profile.rasa_ports} <= upstreams, upstreams
