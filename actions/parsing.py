"""Turn what people type into numbers: "three weeks" -> 21 days, "7/10" -> 7."""

from __future__ import annotations

import datetime as dt
import re

_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "couple": 2,
    "few": 3,
    "several": 4,
    "half": 0.5,
}
_UNIT_DAYS = {"day": 1, "week": 7, "wk": 7, "month": 30, "mo": 30, "year": 365, "yr": 365}
_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_AMOUNT_UNIT = re.compile(
    r"(?P<amount>\d+(?:\.\d+)?|" + "|".join(_NUMBER_WORDS) + r")(?:\s+of)?\s*"
    r"(?P<unit>day|week|wk|month|mo|year|yr)s?\b"
)
_ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "last": -1,
}


def duration_days(text: str, today: dt.date | None = None) -> int | None:
    """Days since the pain started, or None when the text holds no duration."""
    lowered = text.lower()
    match = _AMOUNT_UNIT.search(lowered)
    if match:
        amount = match.group("amount")
        number = float(amount) if amount[0].isdigit() else _NUMBER_WORDS[amount]
        return round(number * _UNIT_DAYS[match.group("unit")])
    for index, month in enumerate(_MONTHS, start=1):
        if re.search(rf"\b{month[:3]}(?:{month[3:]})?\b", lowered):
            today = today or dt.date.today()
            year = today.year if index <= today.month else today.year - 1
            return (today - dt.date(year, index, 1)).days
    if re.search(r"\b(yesterday|today|this morning|last night)\b", lowered):
        return 1
    return None


def pain_score(text: str) -> int | None:
    """A 0-10 pain score, or None when the text holds none in range."""
    match = re.search(r"\b(10|[0-9])(?:\s*(?:/|out of)\s*10)?\b", text)
    return int(match.group(1)) if match else None


def ordinal_position(text: str) -> int | None:
    """1 for "first", 2 for "second", -1 for "last"."""
    for word, position in _ORDINALS.items():
        if re.search(rf"\b{word}\b", text.lower()):
            return position
    return None
