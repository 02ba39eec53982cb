"""Rate limit per sender on the public channels: a flood from one sender gets 429s from nginx
without reaching Rasa, and everyone talking at the same time is answered.

How fast the others are answered during the flood is a speed target, measured by
`bench/load.py flood` (docs/production.md), not asserted here: on a shared machine a timed
assertion fails on the machine's load, not on the code."""

from __future__ import annotations

import asyncio
import uuid

import pytest

from bench.loadgen.flood import FLOOD, PEOPLE, scenario
from tests.prod.profile import Profile

pytestmark = pytest.mark.prod


def test_flood_from_one_sender_is_refused_by_nginx_and_others_are_answered(
    profile: Profile,
) -> None:
    flooder = f"flood-{uuid.uuid4().hex[:8]}"
    counts, turns = asyncio.run(scenario(profile.url, flooder))

    # The flood: a burst gets through, the rest is refused by nginx with 429.
    assert set(counts) <= {200, 429}, counts
    assert counts[429] >= FLOOD - 30, counts
    # Refused messages never reached Rasa: the tracker holds only the accepted ones.
    stored = [e for e in profile.tracker(flooder)["events"] if e["event"] == "user"]
    assert len(stored) == counts[200]

    # Everyone else: every message answered with something to read.
    assert len(turns) == PEOPLE * 6
    assert all(t.status == 200 and not t.error and t.replies for t in turns), [
        (t.status, t.error) for t in turns if t.status != 200 or t.error or not t.replies
    ]
