"""Read what people type: "a couple of weeks" -> 14 days, "about a 6" -> 6, "my bum" -> buttock.

Only the first MAX_PARSED_CHARS characters of a text are read: no real answer is longer, and
it bounds the work a pasted wall of text can cause. Every pattern is built from fixed words,
bounded digit runs and optional single spaces, with no repeated group inside another, so the
regex engine cannot backtrack catastrophically.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

MAX_PARSED_CHARS = 500


def prepare(text: str) -> str:
    """The part of `text` that is read, lower-cased, with each run of spaces made one space."""
    return " ".join(text[:MAX_PARSED_CHARS].lower().replace("’", "'").split())


def _nearest(number: float) -> int:
    # Halves round up, unlike round(): the longer time and the higher score are the safer
    # reading ("10.5 days" is 11, "6.5" is a 7).
    return int(number + 0.5)


def _either(words: Iterable[str]) -> str:
    # Longest first, so the fuller wording is tried first: "half an" before "half a".
    return "|".join(sorted(words, key=len, reverse=True))


# ------------------------------------------------------------------------------ durations

_COUNT_WORDS: dict[str, float] = {
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
    "half a": 0.5,
    "half an": 0.5,
}
_UNIT_DAYS = {
    "minute": 1 / 1440,
    "min": 1 / 1440,
    "hour": 1 / 24,
    "hr": 1 / 24,
    "day": 1,
    "night": 1,
    "week": 7,
    "wk": 7,
    "fortnight": 14,
    "month": 30,
    "mnth": 30,
    "mth": 30,
    "mo": 30,
    "year": 365,
    "yr": 365,
}
# An age or a stage of pregnancy is no time in pain: "45 years old", "28 weeks pregnant",
# "20 weeks along", "6 months postpartum" (how long since the birth, not since the pain began).
_NOT_PAIN_TIME = (
    r"(?! old| pregnant| along| gone\b| gestation| postpartum| post-partum| post partum| pp\b)"
)
_UNIT = rf"(?P<unit>{_either(_UNIT_DAYS)})s?\b{_NOT_PAIN_TIME}"
# The numbers a person gives as an age (12 to 119), here and in the screening questions.
AGE_NUMBER = r"(?:1[2-9]|[2-9]\d|1[01]\d)"
# An age told in years without "old": "I am 39 years", "she's 86 yrs".
_AGE_IN_YEARS = re.compile(
    r"\b(?:i am|im|i'm|age|aged|he is|hes|he's|she is|shes|she's|turned|turning) "
    + AGE_NUMBER
    + r" ?(?:years?|yrs?)\b"
)
# A child's age told without "old": "baby is 5 months", "she's 4 months now" (the detector reads
# the same as no duration: bot_extensions/red_flags/language.py).
_CHILD_AGE_IN_MONTHS = re.compile(
    r"\b(?:baby|babys|baby's|bubba|son|daughter|little one|lo|twins|newborn|grandson|"
    r"granddaughter|he|she|hes|he's|shes|she's)(?: is| s|'s| was)?"
    r"(?: now| only| just| nearly| almost)? "
    rf"(?:[0-9]{{1,2}}|{_either(_COUNT_WORDS)}) ?(?:months?|mths?|weeks?)\b"
)
# "3 weeks", "a couple of weeks", "2wks", "one and a half years", "a week and a half".
# In "2-3 weeks" or "two or three weeks" this finds the larger number, the safer guess.
_AMOUNT_UNIT = re.compile(
    rf"\b(?P<amount>[0-9]{{1,4}}(?:\.[0-9]{{1,2}})?|{_either(_COUNT_WORDS)})"
    rf"(?P<half_before> and a half)?(?: of)? ?{_UNIT}(?P<half_after> and a half)?"
)
# "last week", "all month", "the past year": up to one unit.
_ONE_PERIOD = re.compile(
    r"\b(?:all|this|last|the last|past|the past) (?P<unit>day|week|wk|month|mnth|mth|year|yr)\b"
)
# "aches from sitting at a desk all day" tells how the day goes, not how long it has hurt.
_DAILY_ROUND = re.compile(
    r"\b(?:sit|sits|sitting|sat|stand|stands|standing|stood|desk|on my feet|work|works|working|"
    r"drive|drives|driving|lift|lifts|lifting|computer|laptop|screen|"
    # "aching from carrying the baby all day"
    r"carry|carries|carrying|carried|hold|holds|holding|walk|walks|walking|rocking)\b"
    r"[^.,;!?]{0,20}$"
)
_DAYS_AGO = {
    "today": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "tonight": 0,
    "just now": 0,
    "yesterday": 1,
    "last night": 1,
    "day before yesterday": 2,
    "the other day": 3,
}
_RELATIVE_DAY = re.compile(rf"\b(?P<words>{_either(_DAYS_AGO)})\b")
# Long but not counted: "ages", "years", "on and off for years". A plural unit alone means at
# least two of it; "ages" is taken as a year, well past the six weeks that call for a check.
LONG_AGO_DAYS = 365
# ("long time, but small, normal for me": the article left out, as the answer's first words)
_LONG_AGO = re.compile(
    r"\b(?:ages|forever|donkey's years|a long time|as long as i can remember)\b|^\W*long time\b"
)
_PLURAL_UNIT = re.compile(rf"\b(?P<unit>day|week|month|year)s\b{_NOT_PAIN_TIME}")

_MONTH_NAMES = [
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
# "jan" or "january", "sep", "sept" or "september"; "may" has no short form.
_MONTH = (
    "(?P<month>"
    + _either([*(f"{m[:3]}(?:{m[3:]})?" for m in _MONTH_NAMES if m != "may"), "may", "sept"])
    + ")"
)
_YEAR = "(?P<year>(?:19|20)[0-9]{2})"
_DAY = "(?P<day>[0-9]{1,2})(?:st|nd|rd|th)?"
# Only where a month name is plainly a date: "it may have started" is no month. The order
# matters: a pattern with a day comes before one with the month alone.
_DATES = [
    re.compile(rf"\b{_YEAR}-(?P<month>[0-9]{{1,2}})-(?P<day>[0-9]{{1,2}})\b"),
    re.compile(rf"\b(?P<day>[0-9]{{1,2}})[/.-](?P<month>[0-9]{{1,2}})[/.-]{_YEAR}\b"),
    # Without a year, "4/10" could be a pain score: only "since 4/10" is a date.
    re.compile(r"\b(?:since|from|on) (?:the )?(?P<day>[0-9]{1,2})[/.](?P<month>[0-9]{1,2})\b"),
    re.compile(rf"\b{_DAY} (?:of )?{_MONTH}\b(?: {_YEAR}\b)?"),
    re.compile(rf"\b{_MONTH} (?:the )?{_DAY}\b(?:,? {_YEAR}\b)?"),
    re.compile(rf"\b{_MONTH} {_YEAR}\b"),
    re.compile(
        r"\b(?:since|in|from|around|start of|end of|beginning of|middle of|mid|early|late"
        rf"|last)[ -](?:the )?{_MONTH}\b"
    ),
    re.compile(rf"^(?:since )?{_MONTH}\W*$"),
    re.compile(rf"\b(?:since|in|from|around) {_YEAR}\b"),
]
_FEAST = re.compile(r"\b(?P<feast>christmas|xmas|new years?|easter)\b")
# "since the spring": from the season's first month (the meteorological seasons of the UK,
# where the assistant's advice comes from). "Since the fall" is an accident, not autumn.
_SEASON_STARTS = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}
_SEASON = re.compile(
    rf"\b(?:since|from|in|around|over|start of|end of) (?:the |(?P<last>last )|this )?"
    rf"(?P<season>{_either(list(_SEASON_STARTS))})\b"
)
_SEASON_DAYS = 91
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
# Days as people shorten them, read only after "since", "on", "last" or "from": "sat" and
# "sun" alone are other words ("I sat down", "in the sun").
_SHORT_WEEKDAYS = {
    "mon": "monday",
    "tue": "tuesday",
    "tues": "tuesday",
    "wed": "wednesday",
    "weds": "wednesday",
    "thu": "thursday",
    "thur": "thursday",
    "thurs": "thursday",
    "fri": "friday",
    "sat": "saturday",
    "sun": "sunday",
}
_WEEKDAY = re.compile(
    rf"\b(?P<weekday>{_either(_WEEKDAYS)}|weekend)\b"
    rf"|\b(?:since|on|last|from) (?P<short>{_either(_SHORT_WEEKDAYS)})\b"
)


def told_as_an_age(typed: str, time: str) -> bool:
    """`time` (a time found in `typed`) is someone's age there: "I am 29 years", "45 years
    old", "baby is 5 months"."""
    typed, time = prepare(typed), prepare(time)
    return bool(
        re.search(
            rf"\b(?:i'?m|im|i am|age|aged) {re.escape(time)}\b|\b{re.escape(time)} old\b", typed
        )
        or any(time in age.group(0) for age in _CHILD_AGE_IN_MONTHS.finditer(typed))
    )


def duration_days(text: str, today: dt.date | None = None) -> int | None:
    """Days since the pain started, or None when the text holds no duration."""
    text = _CHILD_AGE_IN_MONTHS.sub(" ", _AGE_IN_YEARS.sub(" ", prepare(text)))
    today = today or dt.date.today()
    if match := _AMOUNT_UNIT.search(text):
        amount = match.group("amount")
        count = float(amount) if amount[0].isdigit() else _COUNT_WORDS[amount]
        if match.group("half_before") or match.group("half_after"):
            count += 0.5
        return _nearest(count * _UNIT_DAYS[match.group("unit")])
    start = _date_mentioned(text, today)
    if start is not None:
        return (today - start).days if start <= today else None
    if (match := _ONE_PERIOD.search(text)) and not (
        match.group("unit") == "day" and _DAILY_ROUND.search(text[: match.start()])
    ):
        return _nearest(_UNIT_DAYS[match.group("unit")])
    if match := _RELATIVE_DAY.search(text):
        return _DAYS_AGO[match.group("words")]
    if _LONG_AGO.search(text):
        return LONG_AGO_DAYS
    if match := _PLURAL_UNIT.search(text):
        return _nearest(2 * _UNIT_DAYS[match.group("unit")])
    return None


# How a number of days is said back: "10 days", "3 weeks", "4 months", "2 years".
_SPOKEN_UNITS = [(730, 365, "years"), (60, 30, "months"), (14, 7, "weeks"), (0, 1, "days")]


def describe_days(days: int) -> str:
    """A number of days as a person would say it back: 70 -> "about 10 weeks"."""
    if days < 1:
        return "less than a day"
    if days == 1:
        return "1 day"
    for at_least, unit_days, unit in _SPOKEN_UNITS:
        if days >= at_least:
            count = _nearest(days / unit_days)
            return f"{count} {unit}" if unit == "days" else f"about {count} {unit}"
    return f"{days} days"


def _date_mentioned(text: str, today: dt.date) -> dt.date | None:
    """The first date the text names, the latest one not after today when it has no year."""
    for pattern in _DATES:
        if match := pattern.search(text):
            return _date(match.groupdict(), today)
    if match := _FEAST.search(text):
        return _last_feast(match.group("feast"), today)
    if match := _SEASON.search(text):
        return _last_season(_SEASON_STARTS[match.group("season")], today, over=bool(match["last"]))
    if match := _WEEKDAY.search(text):
        weekday = match.group("weekday") or _SHORT_WEEKDAYS[match.group("short")]
        index = _WEEKDAYS.index("saturday" if weekday == "weekend" else weekday)
        return today - dt.timedelta(days=(today.weekday() - index) % 7 or 7)
    return None


def _date(parts: dict[str, str | None], today: dt.date) -> dt.date | None:
    month_text = parts.get("month")
    if month_text is None:
        month = 1
    elif month_text.isdigit():
        month = int(month_text)
    else:
        month = [m[:3] for m in _MONTH_NAMES].index(month_text[:3]) + 1
    day = int(parts.get("day") or 1)
    year_text = parts.get("year")
    try:
        if year_text:
            return dt.date(int(year_text), month, day)
        this_year = dt.date(today.year, month, day)
        return this_year if this_year <= today else this_year.replace(year=today.year - 1)
    except ValueError:  # "31st of February", "13/13/2024", "29 Feb" in a year without it
        return None


def _last_feast(feast: str, today: dt.date) -> dt.date:
    def on(year: int) -> dt.date:
        if feast == "easter":
            return _easter(year)
        return dt.date(year, 1, 1) if feast.startswith("new year") else dt.date(year, 12, 25)

    return on(today.year) if on(today.year) <= today else on(today.year - 1)


def _last_season(month: int, today: dt.date, over: bool) -> dt.date:
    """The start of the latest such season begun by today; with `over` ("last summer"), the
    latest one already over."""
    start = dt.date(today.year, month, 1)
    while start > today or (over and start + dt.timedelta(days=_SEASON_DAYS) > today):
        start = start.replace(year=start.year - 1)
    return start


def _easter(year: int) -> dt.date:
    """Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    week_day = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * week_day) // 451
    month, day = divmod(h + week_day - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


# ------------------------------------------------------------------------------ pain scores

_SCORE_WORDS = {
    "zero": 0,
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
}
_SCORE = rf"(?P<score>[0-9]{{1,3}}(?:\.[0-9])?|{_either(_SCORE_WORDS)})"
_OUT_OF_TEN = re.compile(rf"\b{_SCORE} ?(?:/|out of|outta|over) ?(?:10|ten)\b")
# A number followed by one of these is a time, an age or a weight, not a score.
_NOT_A_SCORE_AFTER = (
    r"(?! ?(?:%|[:.][0-9]|(?:hour|hr|day|night|week|wk|fortnight|month|mth|year|yr|min|minute"
    r"|time|kg|kilo|stone|st|lb|pound|am|pm|o'clock)s?\b))"
)
_BARE_SCORE = re.compile(rf"\b{_SCORE}(?:ish)?\b{_NOT_A_SCORE_AFTER}")
# "6-7", "6 or 7", "between 6 and 7": the higher one, the safer guess.
_SCORE_RANGE = re.compile(
    rf"\b(?P<low>[0-9]|10|{_either(_SCORE_WORDS)}) ?(?:-|to|or|and) ?{_SCORE}\b{_NOT_A_SCORE_AFTER}"
)
MAX_SCORE = 10
# "8. no sorry, more like 5": the score after a correction is the one meant.
_CORRECTED = re.compile(
    r"\b(?:no sorry|sorry|actually|more like|i mean|i meant|make that|scratch that|or rather)\b"
)


def pain_score(text: str) -> int | None:
    """A 0-10 pain score, or None when the text holds none ("pretty bad" is no number)."""
    text = prepare(text)
    corrections = list(_CORRECTED.finditer(text))
    if corrections and (corrected := _first_score(text[corrections[-1].end() :])) is not None:
        return corrected
    return _first_score(text)


def _first_score(text: str) -> int | None:
    if match := _OUT_OF_TEN.search(text):
        # "11/10" means as bad as it gets.
        return min(_score_value(match.group("score")), MAX_SCORE)
    if match := _SCORE_RANGE.search(text):
        score = _score_value(match.group("score"))
        if score <= MAX_SCORE:
            return score
    for match in _BARE_SCORE.finditer(text):
        score = _score_value(match.group("score"))
        if score <= MAX_SCORE:
            return score
    return None


def _score_value(score: str) -> int:
    return _nearest(float(score)) if score[0].isdigit() else _SCORE_WORDS[score]


# ------------------------------------------------------------------------------ body areas

# (area, phrases), most specific first: at one place in the text the first phrase that fits
# wins, so "bottom of my back" is the lower back before "bottom" can be the buttock.
_MY = "(?:my |the |your )?"
_AREA_PHRASES: list[tuple[str, list[str]]] = [
    (
        "upper or middle back",
        [
            f"between {_MY}shoulder ?blades",
            f"middle of {_MY}back",
            f"top of {_MY}back",
            "upper back",
            "mid back",
            "mid-back",
            "middle back",
            "thoracic",
        ],
    ),
    (
        "lower back",
        [
            f"(?:bottom|base|small) of {_MY}(?:back|spine)",
            "lower back",
            "low back",
            "lower spine",
            "lumbar",
            # a disc level: "l5", "l4/l5", "l5-s1"
            "l[1-5](?:[-/]?(?:l[1-5]|s1))?",
            "sacrum",
            "sacroiliac",
            "si joints?",
            "tailbone",
            "coccyx",
            # where a belt sits: "across the belt line, both sides"
            "belt ?-?line",
            "waist ?-?band",
            f"(?:around|across|along) {_MY}(?:belt|waist)",
        ],
    ),
    ("leg", [f"back of {_MY}(?:legs?|thighs?|knees?)", "sciatica"]),
    ("groin", [f"front of {_MY}hips?", "groin"]),
    ("hip", [f"side of {_MY}hips?", "hips?"]),
    (
        "all over",
        [f"all over(?: {_MY}(?:back|body))?", "everywhere", "(?:whole|entire) (?:back|body)"],
    ),
    ("buttock", ["buttocks?", "bum", "butt", "glutes?", "bottom", "backside", "arse"]),
    (
        "leg",
        ["legs?", "thighs?", "hamstrings?", "calf", "calves", "knees?", "shins?", "feet", "foot"],
    ),
    ("back", ["back", "spine"]),
]
# One named group per entry, a0, a1, ...: the group that matched says the area.
_AREA_OF_GROUP = [area for area, _ in _AREA_PHRASES]
_AREA = re.compile(
    "|".join(rf"\b(?P<a{i}>{'|'.join(p)})\b" for i, (_, p) in enumerate(_AREA_PHRASES))
)


def body_areas(text: str) -> list[str]:
    """The places named, in the order named: "low back and down my leg" -> lower back, leg."""
    areas: list[str] = []
    for match in _AREA.finditer(prepare(text)):
        area = _AREA_OF_GROUP[int(str(match.lastgroup)[1:])]
        if area not in areas:
            areas.append(area)
    return areas


# ------------------------------------------------------------------------------ ordinals

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
_ORDINAL = re.compile(rf"\b(?P<ordinal>{_either(_ORDINALS)})\b")


def ordinal_position(text: str) -> int | None:
    """1 for "first", 2 for "second", -1 for "last": the first one named."""
    match = _ORDINAL.search(prepare(text))
    return _ORDINALS[match.group("ordinal")] if match else None


# ------------------------------------------------------------------------------ answers

# Yes, no or not sure, with words around them: "yeah a bit", "nah only in my back", "not
# really", "sometimes", "only when I bend", "none of these". Each cue is a fixed phrase or
# a letter run bounded by \b, so nothing can backtrack. Unsure is looked for first, so "no
# idea" and "not sure" are not a "no"; then the cue said first decides.
_UNSURE = re.compile(
    r"\b(?:not (?:sure|certain|100%)|unsure|dunno|d[ou]nn?o|don'?t know|do not know|idk|no idea"
    r"|not a clue|no clue|maybe|possibly|perhaps|might be|might have|could be|hard to say"
    r"|can'?t tell|can'?t say|can'?t remember|not that i'?ve noticed|not sure)\b"
)
# Not knowing something else, which answers nothing about the signs: "idk what to do rn",
# "no idea how to sit at my desk".
_UNSURE_OF_SOMETHING_ELSE = re.compile(
    r"\b(?:not sure|unsure|dunno|d[ou]nn?o|don'?t know|do not know|idk|no idea|no clue"
    r"|not a clue) (?:what|how|where|why|who|whether to|if i should)\b"
)
_NO = re.compile(
    r"\b(?:no+|nope|nop|nah+|naw|na|nay|not really|not at all|not that i know(?: of)?|never"
    r"|none(?: of (?:these|those|them|that|the above))?|nothing(?: like that)?|neither"
    r"|i don'?t think so|don'?t think so|i do not|i don'?t|it doesn'?t|doesn'?t|does not"
    r"|haven'?t|have not|hasn'?t|hadn'?t|not got|negative|nil|nada)\b"
)
_YES = re.compile(
    r"\b(?:y+e+s+|ye+a*h*|yh|yep+|yup+|ya+|yas|yse|ys|aye|sure|definitely|def|correct|true"
    r"|right|it does|i do|i have|i am|i'?ve had|i had|it is|there is|a (?:bit|little|lot)"
    r"|a little bit|slightly|sometimes|occasionally|now and (?:then|again)|on and off"
    r"|kind of|kinda|sort of|sorta|only when|when i|mostly|all the time|constantly"
    r"|down (?:my|the|one|both|into)|into my)\b"
)


# A no right after a yes cue makes the cue part of the no: "i have no numbness", "i had none".
_NO_AFTER_A_YES = re.compile(r" (?:no|not|none|nothing|never)\b")
# The yes cues that only hedge: in "kinda boring tbh is there something else" the hedge is the
# boredom's, not an answer to the question waiting.
_HEDGED_YES = re.compile(
    r"^(?:kind of|kinda|sort of|sorta|a bit|a little|a little bit|a lot|slightly|sometimes"
    r"|occasionally|now and (?:then|again)|on and off|only when|when i|mostly)$"
)
# A question of another kind asked in the message, and one about the answer itself ("a bit, is
# that bad?"), which leaves the hedge an answer.
_ASKS_SOMETHING = re.compile(
    r"(?:\?|\b(?:is there|are there|can i|could i|should i|what|whats|how|which|any other"
    r"|anything else|something else|instead)\b)"
)
_ASKS_ABOUT_THE_ANSWER = re.compile(
    r"\b(?:is (?:that|it|this) (?:bad|normal|ok|okay|serious|a problem|a sign|worrying|dangerous)"
    r"|does (?:that|it|this) (?:count|matter|mean)|should i (?:be )?worr(?:y|ied))\b"
)


def _only_hedges(text: str) -> bool:
    """The prepared text says yes, and every yes in it is a hedge ("kinda", "a bit")."""
    cues = [match.group(0) for match in _YES.finditer(text)]
    return bool(cues) and all(_HEDGED_YES.match(cue) for cue in cues)


def hedge_asking_something_else(text: str) -> bool:
    """True when the only yes is a hedge and the message asks about something else: no answer."""
    text = prepare(text)
    return (
        _only_hedges(text)
        and bool(_ASKS_SOMETHING.search(text))
        and not _ASKS_ABOUT_THE_ANSWER.search(text)
    )


# A side of the body, whose "right" is no yes: "more on the right", "the right side".
_SIDE = re.compile(
    r"\b(?:on|to|at|towards) the (?:left|right)\b|\b(?:left|right) (?:side|hip|leg)\b"
)


def only_a_hedged_yes(text: str) -> bool:
    """True when the only yes is a hedge and no no is said: "lower back, a bit more on the right"
    (the hedge is the place's), not "yes a bit" or "no, a bit lower"."""
    text = _SIDE.sub(" ", prepare(text))
    return _only_hedges(text) and not _NO.search(text)


# "right" naming a side: "right side of the low back", "right hip mostly".
_RIGHT_AS_A_SIDE = re.compile(
    r"^right (?:side|sided|hip|hips|leg|buttock|bum|cheek|knee|foot|arm|shoulder|lower|low|back"
    r"|thigh|calf|hand|one|groin)\b"
)


# The whole answer says the person is well, perhaps with their age: "I am 29 years, healthy",
# "fit and well otherwise". A no to a list of signs ("i am" is no yes here).
_AGE_TOLD = r"(?:(?:i'?m|i am|im|age|aged) )?\d{1,3}(?: ?(?:years?|yrs?|yo)(?: old)?)?"
_TOLD_WELL = re.compile(
    rf"^(?:{_AGE_TOLD}[,.]? ?(?:and |but )?)?"
    r"(?:(?:i'?m|i am|im|i feel|feeling|otherwise|generally|quite|very|pretty|perfectly|totally)"
    r" )*(?:healthy|fit and well|fit and healthy|fine otherwise|well otherwise|healthy otherwise"
    r"|otherwise healthy|otherwise fine|otherwise well|in good health)"
    # ...or the age after it: "I am healthy, 38 years"
    rf"(?:[,.]? ?(?:and )?{_AGE_TOLD})?[.! ]*$"
)


def yes_no(text: str) -> str | None:
    """ "yes", "no" or "unsure" for an answer to a yes/no question; None when it is neither."""
    text = _UNSURE_OF_SOMETHING_ELSE.sub(" ", prepare(text))
    if _TOLD_WELL.match(text):
        return "no"
    if _UNSURE.search(text):
        return "unsure"
    no = _NO.search(text)
    # "right" is a yes only as the first word: "once I've got it right, how do I..." is none,
    # and "right side of the low back" is a side
    yes = next(
        (
            cue
            for cue in _YES.finditer(text)
            if (cue.group(0) != "right" or (cue.start() == 0 and not _RIGHT_AS_A_SIDE.match(text)))
            # "i have no numbness": the "i have" belongs to the no
            and not _NO_AFTER_A_YES.match(text, cue.end())
        ),
        None,
    )
    if no and (not yes or no.start() <= yes.start()):
        return "no"
    return "yes" if yes else None


# The signs on the screening's list, by the words people deny them with.
_LISTED_SIGN = re.compile(
    r"\b(?:numb\w*|tingl\w*|pins and needles|bladder|bowels?|toilet|pee\w*|wee\w*|poo\w*"
    r"|fever\w*|temperature|temp|weak\w*|weight|cancer|falls?|fell)\b"
)
# One item of a denial list: "no fever", "i have no numbness", "nothing in legs".
_DENIED_ITEM = re.compile(
    r"^(?:and |also |plus )?(?:i have |i've |ive |i got |i've got |ive got |there is |there's "
    r"|theres )?(?:no|nope|nah|not|nothing|never|none|zero|without)\b"
)
# ...or an item told as normal: "the legs are strong", "weight is same", "toilet normal".
_NORMAL_ITEM = re.compile(
    r"^(?:and |also |plus )?(?:the |my )?(?:legs?|feet|foot|weight|toilet|bladder|bowels?"
    r"|waterworks|peeing|pooing|pee|poo)(?: \w+)?(?: is| are| feel| feels| has been| have been"
    r"| stayed| stays| still)* ?(?:strong|fine|normal|ok|okay|same|the same|stable|good"
    r"|as usual|as normal)$"
)
# Where a list's items part, and where a "but" begins an item of its own.
_LIST_BREAK = re.compile(r"[,;.!]| (?:and|but|though|although|except|apart from|however) ")


# ...or the pain told as easing, the pattern of an everyday strain: "it eases when i lie down",
# "better when I lie".
_EASING_ITEM = re.compile(
    r"^(?:and |but |it |its |it'?s |the pain |pain )*(?:eases|settles|is better|gets better"
    r"|better|improves|feels better|goes away)\b.*\b(?:lie|lying|rest|resting|sit|sitting|move"
    r"|moving|walk|walking|heat|stretch\w*)\b"
)


def denies_listed_signs(text: str) -> bool:
    """A list of the screening's signs, each one denied ("no numbness, no problem toilet, no
    fever, legs are strong, nothing in legs"): every item of the list says no, and two signs or
    more are named. One item told without a no ("no numbness but my bladder feels odd") and it
    is no such list."""
    items = [i.strip() for i in _LIST_BREAK.split(prepare(text))]
    items = [i for i in items if i]
    signs = {m.group(0)[:4] for m in _LISTED_SIGN.finditer(prepare(text))}
    return (
        bool(items)
        and all(
            _DENIED_ITEM.match(i) or _NORMAL_ITEM.match(i) or _EASING_ITEM.match(i) for i in items
        )
        and len(signs) >= 2
    )


# A go-ahead, the whole message: "sure go ahead", "sound 👍", "yes please". It agrees to what was
# offered; to a list of signs it says nothing about having them.
_GO_AHEAD = re.compile(
    r"^(?:(?:ok|okay|k|oh|yes|yeah|yep|sure|right|cool|alright|fine|great|nice|ta|thanks)"
    r"[,!. ]*)*"
    r"(?:go ahead|go on|fire away|go for it|sounds? (?:good|great|fine|ok|okay)|sound|sure thing"
    r"|(?:yes|yeah) please|please do|let'?s go|let'?s do it|lets do it|ready|why not"
    r"|thumbs up|no problem|np"
    # impatient: "yes just go", "just get on with it"
    r"|(?:just )?(?:go|do it|send it|get on with it|crack on|carry on|hurry up)"
    # a visit agreed to, not a sign had: "yes he'll see the gp", "yes ill book the doctor"
    r"|(?:i|he|she|we|they)?(?:'?ll| will) (?:see|book|call|ring|phone|go to|make an appointment"
    r" with) (?:the |a |my |his |her |our )?(?:gp|doctor|dr|doc|physio|clinic|nurse)"
    # a yes to an offer, the offer named: "yes a plan pls"
    r"|(?:a |the |my )?(?:plan|exercises?|routine)(?: (?:pls|plz|please))?|pls|plz|please)?"
    r"[\s.!,]*(?:\U0001f44d[\U0001f3fb-\U0001f3ff]?\s*)*$"  # thumbs up, any skin tone
)


def is_go_ahead(text: str) -> bool:
    """True when the whole message is a go-ahead or a plain acknowledgement, no yes to a fact."""
    plain = prepare(text)
    words = re.findall(r"[a-z']+", plain)
    # a yes and nothing else ("yes!", "yeah yeah") is a yes
    only_yes = bool(words) and set(words) <= {"yes", "yeah", "yep", "yup"}
    return bool(plain) and bool(_GO_AHEAD.match(plain)) and not only_yes


# How the pain is going, told as the whole of a short answer: "about the same, maybe a bit
# better", "not really changing". It answers whether it is improving, not which signs are had.
_COURSE = re.compile(
    r"\b(?:the same|same as|no change|not (?:really |much )?changing|unchanged|better|worse"
    r"|improving|easing|settling|getting there)\b"
)
# Words that tell a sign (or a yes) in such an answer: it is then read as an answer.
_SIGN_OR_YES = re.compile(
    r"\b(?:yes|yeah|yep|numb|tingl|pee|wee|bladder|bowel|poo|toilet|weak|fever|temperature"
    r"|temp|cancer|weight|fall|fell|leg|legs|foot|feet|bottom|bum|groin|wipe|sweat)"
)
_MAX_COURSE_WORDS = 8


def tells_only_the_course(text: str) -> bool:
    """True for a short answer that tells how the pain is going and nothing of any sign."""
    plain = prepare(text)
    return (
        len(plain.split()) <= _MAX_COURSE_WORDS
        and bool(_COURSE.search(plain))
        and not _SIGN_OR_YES.search(plain)
    )


# Long pain told as coming and going, or as getting better: "on and off a couple of years,
# getting better with yoga". Recurring back pain that settles between flares is ordinary
# (NICE NG59); long pain that is not getting better is what a clinician should see.
_RECURRING_OR_SETTLING = re.compile(
    r"\b(?:on and off|off and on|on off|comes and goes|come and go|now and then|every now and"
    r" again|flares? up|getting better|bit better|little better|better lately|better now"
    r"|better since|improving|easing|settling"
    # "7 weeks, slowly better"
    r"|(?:slowly|gradually|steadily) (?:getting )?better|on the mend"
    # "occasional ache 2/10, much better than before surgery", "way less than before the op"
    r"|occasional|occasionally|(?:much|way|a lot|loads|far) (?:better|less) than before)\b"
)
_NOT_SETTLING = re.compile(
    r"\b(?:worse|worsening|not (?:getting )?better|no better|not improving)\b"
)


def tells_recurring_or_settling(*texts: str) -> bool:
    """True when long pain is told as coming and going or as getting better in one of `texts`,
    and as worse in none. Each is read on its own: joined, a long conversation would be cut at
    the parsing limit and a later "worse" lost."""
    plains = [prepare(text) for text in texts]
    return any(_RECURRING_OR_SETTLING.search(plain) for plain in plains) and not any(
        _NOT_SETTLING.search(plain) for plain in plains
    )


# "stop", "later", "never mind", "can we stop for now please": the whole message asks to
# leave the questions. Anchored at both ends, built of fixed words.
_STOP = re.compile(
    r"^(?:(?:ok|okay|oh|um|actually|sorry|please|pls|can we|could we|let'?s|i'?d like to|i want to"
    r"|i wanna|i'?ll|we can|lets|just|no|hmm|erm),? )*"
    r"(?:stop|stop (?:it|this|that|asking|the questions)|quit|cancel|later|do (?:it|this) later"
    r"|another time|some other time|not now|not right now|never ?mind|nvm|forget it|leave it"
    r"|that'?s enough|enough|i'?m done|done|finish|end|pause|come back later|carry on later)"
    r"(?: (?:for now|now|please|pls|thanks|thank you|then|for today|maybe|thx|ta))*\W*$"
)


def wants_to_stop(text: str) -> bool:
    """True when the whole message asks to stop the questions for now."""
    return bool(_STOP.match(prepare(text)))


# The exercises asked for over the questions, with no exercise named: "just show me the exercises
# please", "only the plan pls", "skip the questions and give me exercises".
_JUST_THE_EXERCISES = re.compile(
    r"\b(?:just|only|pls|please)\s+(?:show|give|send|tell|teach)(?: me| us)?"
    r"(?: the| some| my| a)? (?:exercises?|excercises?|plan|routine|workout|stretches)\b"
    r"|\b(?:just|only) (?:want|need|have|get)(?: the| some| my| a)? "
    r"(?:exercises?|excercises?|plan|routine|workout|stretches)\b"
    r"|\b(?:just|only) (?:the|some) (?:exercises?|excercises?|plan|routine|workout|stretches)\b"
    r"|\bskip (?:the|these|your) questions\b|\b(?:exercises?|the plan|stretches) already\b"
)


def asks_just_for_the_exercises(text: str) -> bool:
    """True when the message asks for the exercises instead of more questions."""
    return bool(_JUST_THE_EXERCISES.search(prepare(text)))


_QUESTION = re.compile(
    r"(?:\?\W*$|^(?:what|whats|what'?s|how|why|is|are|can|could|should|would|will|do|does"
    r"|did|am|hang on|wait|remind me)\b)"
)


def is_question(text: str) -> bool:
    """True for a question ("is exercising safe?", "what was the hinge again")."""
    return bool(_QUESTION.search(prepare(text)))


# ------------------------------------------------------------------------------ told before

# A sentence that tells the writer's own pain: "my lower back has been killing me for 10
# days". One about someone else's ("my son's back", "she has hurt her hip"), one that asks
# ("is it normal that my hip hurts after 2 weeks"), or one with no pain in it ("I've done the
# plank for 2 weeks") tells nothing about where or how long it hurts.
_SENTENCE_BREAK = re.compile(r"[.!;\n]+|\?+")
_OWN = re.compile(r"\b(?:i|im|i'm|ive|i've|my|me)\b")
_SOMEONE_ELSE = re.compile(
    r"\b(?:my|our) (?:son|daughter|husband|wife|partner|mum|mom|dad|mother|father|kid|child"
    r"|friend|brother|sister|gran|nan|grandma|grandad|boyfriend|girlfriend)s?\b"
    r"|\b(?:he|she|his|her|hes|shes|he's|she's)\b"
)
_PAIN = re.compile(
    r"\b(?:hurts?|hurting|hurt|pain|painful|ache|aches|aching|achy|sore|stiff|stiffness"
    r"|killing|agony|twinges?|spasms?|tweaked|pulled|injured|put (?:my|it) out|bad back"
    r"|sciatica|niggle|niggling|playing up|flared?|flare-up|flare up)\b"
)
_ASKS = re.compile(
    r"^(?:what|whats|how|why|is|are|can|could|should|would|will|do|does|did|am)\b(?!')"
)
# "back" that is no place: "it came back", "back then", "went back to work".
_BACK_NOT_A_PLACE = re.compile(
    r"\b(?:came|come|comes|coming|went|go|goes|going|get|got|getting|went) back\b"
    r"|\bback (?:then|to|home|when|in the day)\b"
)


_HOW_MANY = (
    r"(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|a few|few|a couple of"
    r"|couple of|several|[0-9]+)"
)
# How long an activity, or one bout, lasts, not the pain: "it aches when I sit for a long
# time".
_TIME_NOT_OF_THE_PAIN = re.compile(
    r"\b(?:sit|sits|sitting|sat|stand|stands|standing|stood|walk|walks|walking|walked|drive"
    r"|drives|driving|drove|run|runs|running|ran|lie|lying|lay|kneel|kneeling)"
    r"(?: down| still| up)? (?:for|after) (?:a (?:long|while)(?: time)?|ages|long|too long"
    r"|(?:an?|one|two|three|four|[0-9]+) (?:minutes?|mins?|hours?|hrs?))\b"
    # ...and how long one bout of it lasts: "maybe 5 mins of stiffness when i get up"
    r"|\b(?:a few|few|a couple of|couple of|an?|one|two|three|five|ten|[0-9]+) "
    r"(?:minutes?|mins?|hours?|hrs?) (?:of|or so of) (?:stiffness|pain|aching|ache|soreness)\b"
    # "morning stiffness is like 5 mins tops"
    r"|\bstiff(?:ness)? (?:is |lasts |for )?(?:like |only |just |about |maybe )?"
    rf"{_HOW_MANY} (?:minutes?|mins?)\b"
    # ...and a wait for a clinic: "the waiting list is 8 weeks", "a 3 month wait"
    rf"|\bwait(?:ing list| list| time)?(?: is| of)?(?: about| around| like)? {_HOW_MANY} "
    r"(?:weeks?|months?|wks?)\b"
    rf"|\b{_HOW_MANY}[ -](?:weeks?|months?|wks?) (?:wait|waiting list)\b"
)


# A time given on its own, as people answer before they are asked: "lower back stiff from
# sitting all day. no numbness, 3/10, 2 weeks, before u ask". Only a short piece between commas
# or stops that holds a time and no subject, action or age ("im 31", "walked 2 days").
_PIECE_BREAK = re.compile(r"[,.!;\n]+|\?+")
_BARE_TIME_MOST_WORDS = 4
_NOT_BARE_TIME = re.compile(r"\b(?:i|im|i'm|my|he|she|they|we|old|pregnant|age|aged)\b|[a-z]+ed\b")


def bare_durations(text: str) -> list[str]:
    """The pieces of `text` that are a time and nothing more ("2 weeks", "about 10 days"), when
    the text also tells the writer's own pain; each as read (lower case)."""
    if not own_pain_statements(text):
        return []
    return [
        piece
        for piece in (part.strip() for part in _PIECE_BREAK.split(prepare(text)))
        if piece
        and len(piece.split()) <= _BARE_TIME_MOST_WORDS
        and not _NOT_BARE_TIME.search(piece)
        and duration_days(piece) is not None
    ]


# A pain told as ended, with nothing told as back: "i had sciatica down my right leg like 2
# yrs ago, physio sorted it, totally gone since" tells no pain of today, nor how long it lasts.
_TOLD_AS_GONE = re.compile(
    r"\b(?:gone|went away|sorted|cleared(?: up)?|resolved|healed|settled|recovered)\b"
)
_TOLD_AS_BACK = re.compile(r"\b(?:came back|come back|comes back|back again|returned|again)\b")


def _tells_pain_as_ended(sentence: str) -> bool:
    """A sentence that tells a pain as ended and nothing as back ("totally gone since")."""
    return bool(_TOLD_AS_GONE.search(sentence)) and not _TOLD_AS_BACK.search(sentence)


def told_as_gone(text: str, words: str) -> bool:
    """True when every sentence of `text` that has `words` tells a pain as ended, with nothing
    told as back: "like 2 yrs ago, physio sorted it, totally gone since" dates no pain of today."""
    sentences = [
        sentence for sentence in _SENTENCE_BREAK.split(prepare(text)) if words.lower() in sentence
    ]
    return bool(sentences) and all(_tells_pain_as_ended(sentence) for sentence in sentences)


def own_pain_statements(text: str) -> list[str]:
    """The sentences of `text` that tell the writer's own pain, each as read (lower case),
    without how long an activity lasted ("when I sit for a long time")."""
    told = []
    for sentence in _SENTENCE_BREAK.split(prepare(text)):
        # (read before "came back" is dropped as no place)
        ended = _tells_pain_as_ended(sentence)
        sentence = _BACK_NOT_A_PLACE.sub(" ", sentence).strip(" ,")
        sentence = _TIME_NOT_OF_THE_PAIN.sub(" ", sentence)
        if (
            _OWN.search(sentence)
            and _PAIN.search(sentence)
            and not _SOMEONE_ELSE.search(sentence)
            and not _ASKS.match(sentence)
            and not ended
        ):
            told.append(sentence)
    return told


# ------------------------------------------------------------------------------ diagnosis

# Asking to be told what the problem is: "can u tell me whats wrong with my back", "can you
# diagnose me", "what have I got", "is it slipped disc?", "tell me if its a trapped nerve",
# "please tell me what is it".
_ASKS_DIAGNOSIS = re.compile(
    r"\b(?:what'?s|whats|what is) (?:wrong|going on) with (?:me|my|it)\b"
    r"|\bdiagnos(?:e|is|ing)\b|\bwhat (?:have i got|do i have|condition do i have)\b"
    r"|\b(?:is (?:it|this|that)|if (?:it|this) is|if it'?s|if this'?s|could (?:it|this) be"
    r"|do i have|have i got) (?:a |an )?(?:(?:slipped|herniated|bulging|prolapsed|ruptured"
    r"|torn) dis[ck]|(?:trapped|pinched) nerve|sciatica)\b"
    r"|\btell me what (?:it is|is it|this is|is this)\b"
    # two causes weighed, then "which one is it?"; or "disc or not"
    r"|\bwhich (?:one )?(?:is it|do i have|have i got)\b"
    r"|\b(?:dis[ck]|sciatica|(?:trapped|pinched) nerve) or not\b"
)


def asks_for_diagnosis(text: str) -> bool:
    """True when the message asks to be told what is wrong, which only an examination can say."""
    return bool(_ASKS_DIAGNOSIS.search(prepare(text)))


# ------------------------------------------------------------------------------ another one

# Asking for a different exercise than the one named: "fire hydrants are boring, any other hip
# ones", "an alternative to the Pallof press". "Instead of" is left out: "the plank instead of
# sit-ups" asks for the plank.
_ANOTHER = re.compile(
    r"\b(?:any ?other|another|other ones?|something else|anything else|different (?:one|ones"
    r"|exercise|exercises)|alternatives?|swap|replacement|instead(?! of))\b"
)
# Without the kit an exercise needs: "I don't own a band", "anything without kit".
_NO_KIT = re.compile(
    r"\b(?:without (?:a |any )?(?:band|kit|equipment|gear)|no (?:band|kit|equipment|gear)"
    r"|don'?t (?:have|own) (?:a |any )?(?:band|kit|equipment|one)|bodyweight)\b"
)


def asks_for_another(text: str) -> bool:
    """True when the message asks for a different exercise than the one it names."""
    return bool(_ANOTHER.search(prepare(text)))


def wants_no_kit(text: str) -> bool:
    """True when the message asks for an exercise that needs no equipment."""
    return bool(_NO_KIT.search(prepare(text)))


# ------------------------------------------------------------------------------ effort

# How an exercise felt, in the person's words: "can hold it ages" is too easy, "can't hold it
# more than 5 secs" too hard. The words decide when the classifier swaps the two.
_TOO_EASY = re.compile(
    r"\b(?:too easy|(?:is|are|getting|got|feels?|now|it'?s|its) (?:so |really |way |much |pretty )?"
    r"easy|easier now|getting easier|(?:can|could) (?:hold|do) (?:it|them) (?:for )?(?:ages|forever"
    r"|all day)|no problem|piece of cake|a breeze|not (?:challenging|hard) enough|could do more"
    r"|(?:want|need) (?:something )?harder)\b"
)
_TOO_HARD = re.compile(
    r"\b(?:too hard|too difficult|too tough|can'?t hold|cannot hold|can'?t do|can'?t manage"
    r"|gives? up|giving up|gave up|struggl\w*|too much for me|(?:want|need) (?:something )?easier"
    r"|impossible)\b"
)


def effort_said(text: str) -> str | None:
    """ "easy" or "hard" when the words say how the exercise felt, and say only one of them."""
    prepared = prepare(text)
    easy, hard = _TOO_EASY.search(prepared), _TOO_HARD.search(prepared)
    if easy and not hard:
        return "easy"
    if hard and not easy:
        return "hard"
    return None
