"""One sender floods the REST channel while a few people talk: what the per-sender rate limit
in nginx is for.

The clients use other loopback addresses (127.0.0.2, ...): 127.0.0.1 is exempt by default
(RATE_LIMIT_EXEMPT), for the load generator and health checks. Used by `bench/load.py flood`
(the latency the others see) and by the production-profile test (what nginx refuses and what
reaches Rasa).
"""

from __future__ import annotations

import asyncio
import collections
import uuid

import httpx

from bench.loadgen.client import CONVERSATIONS, Turn, say

FLOOD = 150
PEOPLE = 6


def _client(address: str) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.AsyncHTTPTransport(local_address=address), timeout=30)


async def flood(url: str, sender: str) -> collections.Counter[int]:
    async with _client("127.0.0.2") as client:
        responses = await asyncio.gather(
            *(
                client.post(
                    url + "/webhooks/rest/webhook", json={"sender": sender, "message": "hi"}
                )
                for _ in range(FLOOD)
            )
        )
    return collections.Counter(r.status_code for r in responses)


async def person(url: str, index: int) -> list[Turn]:
    # A person types: about one message a second, each after the previous answer.
    turns = []
    async with _client(f"127.0.0.{10 + index}") as client:
        sender = f"calm-{index}-{uuid.uuid4().hex[:8]}"
        for text in CONVERSATIONS[index % len(CONVERSATIONS)][:6]:
            turns.append(await say(client, url, sender, text))
            await asyncio.sleep(0.8)
    return turns


async def scenario(url: str, flooder: str | None) -> tuple[collections.Counter[int], list[Turn]]:
    """People talk; half a second in, `flooder` (if any) sends its burst all at once."""

    async def delayed_flood() -> collections.Counter[int]:
        if flooder is None:
            return collections.Counter()
        await asyncio.sleep(0.5)
        return await flood(url, flooder)

    counts = asyncio.create_task(delayed_flood())
    people = await asyncio.gather(*(person(url, i) for i in range(PEOPLE)))
    return await counts, [turn for turns in people for turn in turns]


def p95_ms(turns: list[Turn]) -> float:
    latencies = sorted(t.latency * 1000 for t in turns)
    return latencies[max(0, round(0.95 * len(latencies)) - 1)]
