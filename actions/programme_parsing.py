"""Read check-in and reminder answers as people type them: "did most of em" -> some,
"bit sore tbh" -> hurt, "every other day at 6pm" -> every 2 days at 18:00.

Like actions/parsing.py, only the first MAX_PARSED_CHARS characters are read and every
pattern is built from fixed words and bounded digit runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from actions.parsing import prepare

_SOME = re.compile(
    r"\b(?:not all|not every|most|some|few|half|couple|one or two|a bit|partly|one|two|three"
    r"|missed (?:one|a couple|some)|skipped (?:one|a couple|some))\b"
)
_NONE = re.compile(
    r"\b(?:none|no|nope|nothing|didn'?t|did not|haven'?t|have not|not at all|zero|skipped"
    r"|missed|forgot|nah)\b"
)
_ALL = re.compile(r"\b(?:all|every|each|yes|yep|yeah|did them|done them|the lot|everything)\b")
# "every single one" names all of them, though "one" alone would read as some.
_EVERY_ONE = re.compile(r"\b(?:every (?:single )?one|each (?:and every )?one|all of them)\b")
_NOT_ALL = re.compile(r"\b(?:not all|not every|not each)\b")


def exercises_done(text: str) -> str | None:
    """ "all", "some" or "none", or None when the text says neither."""
    text = prepare(text)
    if _EVERY_ONE.search(text) and not _NOT_ALL.search(text):
        return "all"
    if _SOME.search(text):
        return "some"
    if _NONE.search(text):
        return "none"
    if _ALL.search(text):
        return "all"
    return None


_NO_HURT = re.compile(
    r"\b(?:no|not|didn'?t|did not|never|without|wasn'?t|weren'?t|don'?t) (?:really |any |at all )?"
    r"(?:hurt|hurts|pain|painful|sore|ache|aching)\b"
)
_HURT = re.compile(
    r"\b(?:hurt|hurts|hurting|hurted|pain|painful|sore|ouch|ow|agony|ached|aching|ache|twinge"
    r"|sharp|worse|flared|flare|tweaked)\b"
)
_EASY = re.compile(
    r"\b(?:easy|easier|too easy|piece of cake|simple|breeze|no problem|no bother|effortless"
    r"|light)\b"
)
_FINE = re.compile(
    r"\b(?:fine|ok|okay|alright|all right|good|grand|hard|tough|challenging|manageable|decent"
    r"|not bad|so so|so-so|medium|moderate|normal|tiring|tired)\b"
)


def how_it_felt(text: str) -> str | None:
    """ "easy", "fine" or "hurt", or None when the text says neither."""
    text = prepare(text)
    if _HURT.search(_NO_HURT.sub(" ", text)):
        return "hurt"
    if _EASY.search(text):
        return "easy"
    if _FINE.search(text) or _NO_HURT.search(text):
        return "fine"
    return None


@dataclass(frozen=True)
class ReminderRequest:
    minute_of_day: int
    every_days: int


_TIME = re.compile(
    r"\b(?P<at>at |@ ?)?(?P<hour>[01]?[0-9]|2[0-3])(?:[:.](?P<minute>[0-5][0-9]))? ?"
    r"(?P<half>am|a\.m\.|pm|p\.m\.|o'?clock|h)?\b"
)
_NAMED_TIMES = {"noon": 12 * 60, "midday": 12 * 60, "lunchtime": 12 * 60}
_EVERY = re.compile(
    r"\bevery (?:(?P<other>other|second) day|(?P<count>[2-7]|two|three|four|five|six|seven) days"
    r"|day|morning|evening|night)\b|\b(?:daily|each day|a day)\b"
)
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def reminder_request(text: str, longest_gap_days: int = 7) -> ReminderRequest | None:
    """The time of day and how many days apart, or None when no time of day is given."""
    text = prepare(text)
    minute = _time_of_day(text)
    if minute is None:
        return None
    every = 1
    if match := _EVERY.search(text):
        if match.group("other"):
            every = 2
        elif count := match.group("count"):
            every = int(count) if count.isdigit() else _COUNTS[count]
    return ReminderRequest(minute_of_day=minute, every_days=min(every, longest_gap_days))


def _time_of_day(text: str) -> int | None:
    for word, minute in _NAMED_TIMES.items():
        if word in text:
            return minute
    for match in _TIME.finditer(text):
        hour, half = int(match.group("hour")), (match.group("half") or "").replace(".", "")
        minute = int(match.group("minute") or 0)
        if not half and match.group("minute") is None and not match.group("at"):
            continue  # a bare number ("every 2 days") is no time of day
        if half == "pm" and hour < 12:
            hour += 12
        elif half == "am" and hour == 12:
            hour = 0
        if hour > 23:
            continue
        if not half and hour < 12 and re.search(r"\b(?:evening|night|tonight|afternoon)\b", text):
            hour += 12
        return hour * 60 + minute
    return None
