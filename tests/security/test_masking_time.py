"""Masking in the review app reads a long message in linear time: the e-mail pattern took 10 s
on a 60,000-character message, on every transcript view (issue 14, item 8)."""

from __future__ import annotations

import time

import pytest

from backcare.review.masking import EMAIL, PHONE, mask_contacts

pytestmark = pytest.mark.timing

LENGTH = 60_000
# Generous for a loaded 2-core machine; linear patterns take a few milliseconds here.
BOUND_SECONDS = 1.0
ADVERSARIAL = {
    "word run": "a" * LENGTH,
    "word run then @": "a" * LENGTH + "@",
    "dotted run then @": "a.b" * (LENGTH // 3) + "@",
    "digits and letters": "1a" * (LENGTH // 2),
    "@ then a word run": "x@" + "a" * LENGTH,
    "many @": "a@" * (LENGTH // 2),
    "digit run then a letter": "1" * LENGTH + "a",
    "spaced digits": "1 " * (LENGTH // 2) + "1a",
    "spaces between digits": ("1" + " " * 6 + "1a") * (LENGTH // 9),
    "plus signs": "a+" * (LENGTH // 2),
}


@pytest.mark.parametrize("text", ADVERSARIAL.values(), ids=ADVERSARIAL.keys())
@pytest.mark.parametrize("pattern", [EMAIL, PHONE], ids=["e-mail", "phone"])
def test_each_pattern_is_linear_on_a_long_message(pattern, text: str) -> None:
    started = time.perf_counter()
    pattern.sub("", text)
    took = time.perf_counter() - started
    assert took < BOUND_SECONDS, f"{took:.2f} s on {len(text):,} characters"


def test_masking_a_long_message_still_hides_contacts() -> None:
    text = "a" * LENGTH + " mail jo.bloggs+x@mail.example.org or call +44 (0)20 7946 0958"
    started = time.perf_counter()
    masked = mask_contacts(text)
    assert time.perf_counter() - started < BOUND_SECONDS
    assert masked.endswith(" mail [e-mail hidden] or call [phone hidden]")
