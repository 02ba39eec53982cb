"""The action server's answer parsers read a bounded prefix (actions/parsing.py caps at 500
characters), so a 100,000-character answer cannot block its event loop."""

from __future__ import annotations

import time

import pytest

from actions import parsing


@pytest.mark.timing
@pytest.mark.parametrize(
    "parse",
    [
        parsing.duration_days,
        parsing.pain_score,
        parsing.body_areas,
    ],
)
@pytest.mark.parametrize("text", ["1" * 100_000, "3 weeks " * 12_500, "a. " * 33_000])
def test_a_huge_answer_is_parsed_in_milliseconds(parse: object, text: str) -> None:
    start = time.perf_counter()
    parse(text)  # type: ignore[operator]
    assert time.perf_counter() - start < 0.1
