"""The load client: simulated people talking to the REST channel, and what was stored.

Used by `bench/load.py` (the command line) and by the production-profile tests. Two ways to
load a server:

- `run_load`: closed loop. `people` simulated people, each walking through whole
  conversations and waiting for each answer (optionally pacing one message every `pace_s`).
- `run_open_loop`: open loop. Conversations start as a Poisson stream at `rate` messages per
  second divided by the turns of a conversation, whatever the server does; each one sends its
  own script, a turn every `think_s` seconds (uniform within +-25%), and never before the
  previous answer came. Reports the schedule lag: how late each message went out against its
  schedule (a slow previous answer, or a generator that cannot keep up).

Every conversation gets a fresh sender id. `count_lost` reads every conversation back through
the HTTP API: each message sent must be stored exactly once, in order, with as many bot
messages as the person received.
"""

from __future__ import annotations

import asyncio
import random
import statistics
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

import httpx

from bench.loadgen.conversations import CONVERSATIONS, OPEN_LOOP_SCRIPTS


@dataclass
class Turn:
    latency: float
    status: int
    replies: int
    error: str = ""
    texts: list[str] = field(default_factory=list)
    started: float = 0.0  # time.monotonic() when the message was sent
    lag: float | None = None  # open loop: seconds sent after its schedule


@dataclass
class Conversation:
    sender: str
    script: list[str]
    turns: list[Turn] = field(default_factory=list)


@dataclass
class RunResult:
    label: str
    people: int
    wall_seconds: float
    conversations: list[Conversation]
    lost: int | None = None
    lost_detail: list[str] = field(default_factory=list)
    offered_rate: float | None = None  # open loop: messages per second asked for

    @property
    def turns(self) -> list[Turn]:
        return [t for c in self.conversations for t in c.turns]

    @property
    def latencies_ms(self) -> list[float]:
        return sorted(t.latency * 1000 for t in self.turns if not t.error)

    @property
    def errors(self) -> int:
        return sum(1 for t in self.turns if t.error)

    def percentile(self, p: float) -> float:
        values = self.latencies_ms
        if not values:
            return float("nan")
        k = max(0, min(len(values) - 1, round(p / 100 * len(values) + 0.5) - 1))
        return values[k]

    @property
    def throughput(self) -> float:
        return len(self.turns) / self.wall_seconds if self.wall_seconds else 0.0

    def lag_ms(self, p: float) -> float | None:
        lags = sorted(t.lag * 1000 for t in self.turns if t.lag is not None)
        if not lags:
            return None
        return lags[max(0, min(len(lags) - 1, round(p / 100 * len(lags) + 0.5) - 1))]

    def summary(self) -> dict[str, Any]:
        errors: dict[str, int] = {}
        for t in self.turns:
            if t.error:
                errors[t.error] = errors.get(t.error, 0) + 1
        return {
            "label": self.label,
            "people": self.people,
            "conversations": len(self.conversations),
            "messages": len(self.turns),
            "wall_s": round(self.wall_seconds, 2),
            "throughput_msg_s": round(self.throughput, 1),
            "p50_ms": round(self.percentile(50), 1),
            "p95_ms": round(self.percentile(95), 1),
            "p99_ms": round(self.percentile(99), 1),
            "mean_ms": round(statistics.fmean(self.latencies_ms), 1) if self.latencies_ms else None,
            "errors": self.errors,
            "error_kinds": errors,
            "lost": self.lost,
            "offered_msg_s": self.offered_rate,
            "lag_p50_ms": _round(self.lag_ms(50)),
            "lag_p95_ms": _round(self.lag_ms(95)),
            "lag_max_ms": _round(self.lag_ms(100)),
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


async def say(
    client: httpx.AsyncClient, url: str, sender: str, text: str, timeout: float = 30.0
) -> Turn:
    start = time.perf_counter()
    sent_at = time.monotonic()
    try:
        response = await client.post(
            url + "/webhooks/rest/webhook",
            json={"sender": sender, "message": text},
            timeout=timeout,
        )
    except httpx.HTTPError as error:
        return Turn(
            time.perf_counter() - start, 0, 0, f"transport:{type(error).__name__}", started=sent_at
        )
    latency = time.perf_counter() - start
    if response.status_code == 503:
        # The turn failed cleanly: the body holds what the person was told instead.
        try:
            told = [reply.get("text", "") for reply in response.json()]
        except ValueError:
            told = []
        return Turn(latency, 503, 0, "http:503", texts=told, started=sent_at)
    if response.status_code != 200:
        return Turn(
            latency, response.status_code, 0, f"http:{response.status_code}", started=sent_at
        )
    try:
        replies = response.json()
    except ValueError:
        return Turn(latency, 200, 0, "bad-json", started=sent_at)
    if not replies:
        return Turn(latency, 200, 0, "empty-answer", started=sent_at)
    return Turn(
        latency, 200, len(replies), texts=[r.get("text", "") for r in replies], started=sent_at
    )


async def run_load(
    url: str,
    *,
    people: int,
    conversations: int,
    turns: int = 10,
    label: str = "",
    timeout: float = 30.0,
    seed: int = 7,
    pace_s: float = 0.0,
) -> RunResult:
    """`people` simulated people at once; each runs whole conversations until `conversations`
    have been started. Each conversation has a fresh sender id.

    `pace_s` > 0: each person sends a message every `pace_s` seconds (reading and typing in
    between), or at once when the reply came later than that: Locust's `constant_pacing`.
    `pace_s` = 0: the next message goes as soon as the reply is back (a saturation test)."""
    rng = random.Random(seed)
    scripts = [
        CONVERSATIONS[rng.randrange(len(CONVERSATIONS))][:turns] for _ in range(conversations)
    ]
    queue: asyncio.Queue[list[str]] = asyncio.Queue()
    for script in scripts:
        queue.put_nowait(script)
    done: list[Conversation] = []
    run_id = uuid.uuid4().hex[:8]

    async def person(client: httpx.AsyncClient, first_message_after: float) -> None:
        next_message = time.monotonic() + first_message_after
        while True:
            try:
                script = queue.get_nowait()
            except asyncio.QueueEmpty:
                return
            conversation = Conversation(f"load-{run_id}-{uuid.uuid4().hex[:12]}", script)
            for text in script:
                await asyncio.sleep(max(0.0, next_message - time.monotonic()))
                next_message = time.monotonic() + pace_s
                conversation.turns.append(
                    await say(client, url, conversation.sender, text, timeout)
                )
            done.append(conversation)

    limits = httpx.Limits(max_connections=people + 4, max_keepalive_connections=people + 4)
    async with httpx.AsyncClient(limits=limits) as client:
        start = time.perf_counter()
        # Paced people start spread over one pace, as people do, not all in the same instant.
        await asyncio.gather(*(person(client, rng.uniform(0, pace_s)) for _ in range(people)))
        wall = time.perf_counter() - start
    return RunResult(label or f"{people} people", people, wall, done)


def rest_texts(bot_event: dict[str, Any]) -> list[str]:
    """The REST messages one stored `bot` event became (Rasa's CollectingOutputChannel splits a
    plain text on blank lines; a text with buttons stays one message)."""
    data = bot_event.get("data") or {}
    text = bot_event.get("text") or ""
    out: list[str] = []
    if data.get("quick_replies") or data.get("buttons"):
        out.append(text)
    elif text:
        out += text.strip().split("\n\n")
    sent = [key for key in ("custom", "image", "attachment", "elements") if data.get(key)]
    # Rasa stores an image as the event's `attachment` too (create_bot_utterance), but sent it
    # once, as the image.
    if data.get("image") and data.get("attachment") == data.get("image"):
        sent.remove("attachment")
    return out + [""] * len(sent)


@dataclass
class StoredTurn:
    user: str
    bot_texts: list[str]
    events: list[str]


def stored_turns(events: list[dict[str, Any]]) -> tuple[list[str], list[StoredTurn]]:
    """Split a tracker's events at each user message: (events before the first, turns)."""
    prelude: list[str] = []
    turns: list[StoredTurn] = []
    for event in events:
        name = event["event"] + (f":{event.get('name')}" if event["event"] == "action" else "")
        if event["event"] == "user":
            turns.append(StoredTurn(event.get("text") or "", [], [name]))
        elif turns:
            turns[-1].events.append(name)
            if event["event"] == "bot":
                turns[-1].bot_texts += rest_texts(event)
        else:
            prelude.append(name)
    return prelude, turns


async def count_lost(result: RunResult, api_url: str, token: str | None) -> None:
    """Read every conversation back: each message sent once, in order; every reply stored."""
    lost = 0
    detail: list[str] = []
    semaphore = asyncio.Semaphore(8)

    async def check(client: httpx.AsyncClient, conversation: Conversation) -> None:
        nonlocal lost
        params = {"include_events": "ALL"}
        if token:
            params["token"] = token
        async with semaphore:
            response = await client.get(
                f"{api_url}/conversations/{conversation.sender}/tracker", params=params, timeout=30
            )
        response.raise_for_status()
        events = response.json()["events"]
        stored = [e.get("text") for e in events if e["event"] == "user"]
        # Every message Rasa accepted (200, answered or not) must be stored exactly once.
        sent = [
            t
            for t, turn in zip(conversation.script, conversation.turns, strict=False)
            if turn.status == 200
        ]
        bot_stored = sum(len(rest_texts(e)) for e in events if e["event"] == "bot")
        bot_received = sum(t.replies for t in conversation.turns)
        # A message the client gave up on (a timeout) may or may not have been handled since:
        # it may be stored, in its place, and its replies were never received.
        timed_out = {
            i for i, turn in enumerate(conversation.turns) if turn.error.startswith("transport:")
        }
        if timed_out:
            allowed = [
                t
                for i, (t, turn) in enumerate(
                    zip(conversation.script, conversation.turns, strict=False)
                )
                if turn.status == 200 or i in timed_out
            ]
            rest = iter(stored)
            in_order = all(any(s == t for s in rest) for t in sent)
            if in_order and len(stored) <= len(allowed) and set(stored) <= set(allowed):
                stored = sent
                bot_stored = bot_received
        missing = len(sent) - len(stored)
        if stored != sent:
            lost += abs(missing) or 1
            detail.append(f"{conversation.sender}: sent {sent!r}, stored {stored!r}")
        if bot_stored != bot_received:
            lost += abs(bot_stored - bot_received)
            detail.append(
                f"{conversation.sender}: {bot_received} replies received, {bot_stored} stored"
            )

    async with httpx.AsyncClient() as client:
        await asyncio.gather(*(check(client, c) for c in result.conversations))
    result.lost = lost
    result.lost_detail = detail


async def run_open_loop(
    url: str,
    *,
    rate: float,
    duration_s: float,
    think_s: float = 2.0,
    scripts: list[list[str]] | None = None,
    label: str = "",
    timeout: float = 30.0,
    seed: int = 11,
) -> RunResult:
    """Open loop: conversations arrive as a Poisson stream for `duration_s` seconds, at
    `rate / turns` conversations per second, so that they offer `rate` messages per second
    once the first ones are in full swing. Each conversation says its own script (one of
    `scripts`, chosen at random), turn k scheduled `think_s` (uniform +-25%) after turn k-1's
    schedule; a turn goes out at its schedule, or when the previous answer arrives if that is
    later. The arrival stream does not wait for the server: a slow server gets more open
    conversations, as it would from people."""
    rng = random.Random(seed)
    scripts = scripts or OPEN_LOOP_SCRIPTS
    turns_per_conversation = statistics.fmean(len(s) for s in scripts)
    conversation_rate = rate / turns_per_conversation
    run_id = uuid.uuid4().hex[:8]
    plans: list[tuple[float, list[str], list[float]]] = []
    at = 0.0
    while True:
        at += rng.expovariate(conversation_rate)
        if at >= duration_s:
            break
        script = scripts[rng.randrange(len(scripts))]
        gaps = [0.0] + [think_s * rng.uniform(0.75, 1.25) for _ in script[1:]]
        plans.append((at, script, gaps))
    done: list[Conversation] = []

    async def conversation(
        client: httpx.AsyncClient, start: float, script: list[str], gaps: list[float]
    ) -> None:
        talk = Conversation(f"open-{run_id}-{uuid.uuid4().hex[:12]}", script)
        scheduled = start
        for text, gap in zip(script, gaps, strict=True):
            scheduled += gap
            await asyncio.sleep(max(0.0, scheduled - time.monotonic()))
            lag = time.monotonic() - scheduled
            turn = await say(client, url, talk.sender, text, timeout)
            turn.lag = lag
            talk.turns.append(turn)
        done.append(talk)

    limits = httpx.Limits(max_connections=1000, max_keepalive_connections=200)
    async with httpx.AsyncClient(limits=limits, timeout=timeout) as client:
        began = time.monotonic()
        started = time.perf_counter()
        await asyncio.gather(
            *(conversation(client, began + at, script, gaps) for at, script, gaps in plans)
        )
        wall = time.perf_counter() - started
    result = RunResult(label or f"open loop {rate:g} msg/s", len(plans), wall, done)
    result.offered_rate = rate
    return result


@dataclass
class TurnCost:
    """One client: the same machine time for a young and an old conversation."""

    early_ms: list[float]  # turns 2-11 of fresh conversations
    late_ms: list[float]  # turns `late_from`.. of aged conversations
    late_from: int
    errors: int

    @property
    def ratio(self) -> float:
        return statistics.median(self.late_ms) / statistics.median(self.early_ms)

    def summary(self) -> dict[str, Any]:
        return {
            "early_turns": "2-11",
            "late_turns": f"{self.late_from}-{self.late_from + 9}",
            "early_median_ms": round(statistics.median(self.early_ms), 2),
            "late_median_ms": round(statistics.median(self.late_ms), 2),
            "early_p95_ms": round(sorted(self.early_ms)[int(0.95 * len(self.early_ms))], 2),
            "late_p95_ms": round(sorted(self.late_ms)[int(0.95 * len(self.late_ms))], 2),
            "ratio_late_over_early": round(self.ratio, 3),
            "samples_each": len(self.early_ms),
            "errors": self.errors,
        }


async def turn_cost(
    url: str, *, pairs: int = 3, late_from: int = 71, timeout: float = 30.0
) -> TurnCost:
    """Per-turn cost at turns `late_from`..+9 over turns 2-11, with one client.

    For each pair, one conversation is first talked up to turn `late_from - 2` with varied
    messages (`long_script`: screenings, exercises, topics, chitchat; unmeasured). Then both
    conversations say the same eleven messages (`TURN_COST_SCRIPT`, whose path does not depend
    on what came before), the first unmeasured, alternating turn by turn (a turn of the fresh
    conversation, then one of the aged), so both see the same machine load."""
    from bench.loadgen.conversations import TURN_COST_SCRIPT, long_script

    early: list[float] = []
    late: list[float] = []
    errors = 0
    async with httpx.AsyncClient(timeout=timeout) as client:
        for pair in range(pairs):
            old = f"turn-cost-old-{uuid.uuid4().hex[:12]}"
            young = f"turn-cost-new-{uuid.uuid4().hex[:12]}"
            for text in long_script(late_from - 2, seed=pair):
                errors += bool((await say(client, url, old, text, timeout)).error)
            for sender in (young, old):
                errors += bool((await say(client, url, sender, TURN_COST_SCRIPT[0], timeout)).error)
            for text in TURN_COST_SCRIPT[1:]:
                for sender, into in ((young, early), (old, late)):
                    turn = await say(client, url, sender, text, timeout)
                    errors += bool(turn.error)
                    into.append(turn.latency * 1000)
    return TurnCost(early, late, late_from, errors)
