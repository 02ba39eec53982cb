"""How long, how bad and where, read from what people type."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from actions.parsing import (
    LONG_AGO_DAYS,
    MAX_PARSED_CHARS,
    asks_just_for_the_exercises,
    bare_durations,
    body_areas,
    duration_days,
    ordinal_position,
    own_pain_statements,
    pain_score,
)

TODAY = dt.date(2024, 6, 12)  # a Wednesday


def days_since(year: int, month: int, day: int) -> int:
    return (TODAY - dt.date(year, month, day)).days


@pytest.mark.parametrize(
    ("typed", "days"),
    [
        # the modal "may" is no month
        ("it may have started yesterday", 1),
        ("may have been last night", 1),
        ("yesterday", 1),
        ("since last night", 1),
        ("this morning when I bent down", 0),
        ("just today", 0),
        ("a few hours", 0),
        ("the other day", 3),
        ("few days", 3),
        ("3 days ago", 3),
        ("10days", 10),
        ("a couple of days", 2),
        ("about a week", 7),
        ("a week and a half", 11),
        ("since last week", 7),
        # the unit typed short
        ("since last wk", 7),
        ("past yr or so", 365),
        ("it has hurt all day", 1),
        ("sat at my desk and it's ached all week", 7),
        ("a couple of weeks", 14),
        ("couple weeks", 14),
        ("a fortnight", 14),
        ("2 wks", 14),
        ("two or three weeks", 21),
        ("5-6 weeks", 42),
        ("a few weeks now", 21),
        ("3 months", 90),
        ("about 6 mths", 180),
        ("half a year", 183),
        ("about a year", 365),
        ("a year and a half", 548),
        ("2 yrs", 730),
        ("ages", LONG_AGO_DAYS),
        ("for donkey's years", LONG_AGO_DAYS),
        ("long time, but small, normal for me", LONG_AGO_DAYS),
        ("years", 730),
        ("on and off for years", 730),
        ("weeks", 14),
        ("since Monday", 2),
        ("since the weekend", 4),
        ("since Christmas", days_since(2023, 12, 25)),
        ("since xmas", days_since(2023, 12, 25)),
        ("since new year", days_since(2024, 1, 1)),
        ("since Easter", days_since(2024, 3, 31)),
        ("since March", days_since(2024, 3, 1)),
        ("since may", days_since(2024, 5, 1)),
        ("mid-May", days_since(2024, 5, 1)),
        ("since the 3rd of May", days_since(2024, 5, 3)),
        ("since 3 May", days_since(2024, 5, 3)),
        ("May 3rd", days_since(2024, 5, 3)),
        ("since the 20th of June", days_since(2023, 6, 20)),
        ("in Sept 2022", days_since(2022, 9, 1)),
        ("since 2024-05-03", days_since(2024, 5, 3)),
        ("since 03/05/2024", days_since(2024, 5, 3)),
        ("since 4/10", days_since(2023, 10, 4)),
        ("since 2019", days_since(2019, 1, 1)),
        ("been like this since the spring", days_since(2024, 3, 1)),
        ("since last summer", days_since(2023, 6, 1)),
        ("over the winter", days_since(2023, 12, 1)),
    ],
)
def test_durations_in_everyday_words(typed: str, days: int) -> None:
    assert duration_days(typed, TODAY) == days


@pytest.mark.parametrize(
    "typed",
    [
        "lower back",
        "it may be nothing",
        "for a while",
        "I'm 45 years old",
        # an age told in years without "old"
        "i am 52 years",
        "she's 80 yrs",
        "4/10",
        "since the 31st of February",
        "since 2025-01-01",
        "worse since the fall",
        # how the day goes, not how long it has hurt
        "my lower back aches from sitting at a desk all day",
        "I'm on my feet all day at work",
        "my back is aching from carrying the baby all day",
        # a child's age told without "old"
        "I'm 32, baby is 5 months, no numbness now",
        "my back aches, shes 4 months now",
        # a stage of pregnancy, or the time since the birth, is not how long it has hurt
        "I'm 28 weeks pregnant",
        "6 months pregnant with twins",
        "20 weeks along and my back aches",
        "she is 4 months postpartum",
        "",
    ],
)
def test_words_without_a_duration_give_none(typed: str) -> None:
    assert duration_days(typed, TODAY) is None


@pytest.mark.parametrize(
    ("typed", "score"),
    [
        ("4", 4),
        ("0", 0),
        ("about a 6", 6),
        ("4/10", 4),
        ("4 / 10", 4),
        ("6 out of 10", 6),
        ("seven out of ten", 7),
        ("7 outta 10", 7),
        ("a solid 7", 7),
        ("ten", 10),
        ("zero today", 0),
        ("7ish", 7),
        ("like a 5 i guess", 5),
        ("6.5", 7),
        ("6-7", 7),
        ("between 6 and 7", 7),
        ("6 or 7 at night", 7),
        ("11/10 honestly", 10),
        ("been 3 weeks, about a 6", 6),
        ("I'm 45 and it's a 3", 3),
        ("6 still, same as before", 6),
        # a correction: the score after it is the one meant
        ("9. no sorry, more like 6, the 9 was last week", 6),
        ("7 actually make that 4", 4),
        ("5, sorry", 5),
    ],
)
def test_pain_scores_in_everyday_words(typed: str, score: int) -> None:
    assert pain_score(typed) == score


@pytest.mark.parametrize(
    "typed",
    ["pretty bad", "terrible", "not great", "I'm 45", "lost 5 stone", "at 10:30", "15", ""],
)
def test_words_without_a_score_give_none(typed: str) -> None:
    assert pain_score(typed) is None


@pytest.mark.parametrize(
    ("typed", "areas"),
    [
        ("lower back", ["lower back"]),
        ("Low back", ["lower back"]),
        ("my lumbar", ["lower back"]),
        ("bottom of my back", ["lower back"]),
        ("small of my back", ["lower back"]),
        ("L4/L5 they said", ["lower back"]),
        ("tailbone", ["lower back"]),
        ("my bum", ["buttock"]),
        ("left buttock", ["buttock"]),
        ("glutes", ["buttock"]),
        ("side of my hip", ["hip"]),
        ("right hip", ["hip"]),
        ("groin", ["groin"]),
        ("front of my hip", ["groin"]),
        ("down my leg", ["leg"]),
        ("back of my thigh", ["leg"]),
        ("between shoulder blades", ["upper or middle back"]),
        ("between my shoulder blades", ["upper or middle back"]),
        ("upper back", ["upper or middle back"]),
        ("all over", ["all over"]),
        ("everywhere tbh", ["all over"]),
        ("nah only in my back", ["back"]),
        ("low back and down my left leg", ["lower back", "leg"]),
        ("hips and bum", ["hip", "buttock"]),
        ("across the belt line, both sides", ["lower back"]),
        ("around my waist", ["lower back"]),
    ],
)
def test_body_areas_in_everyday_words(typed: str, areas: list[str]) -> None:
    assert body_areas(typed) == areas


@pytest.mark.parametrize("typed", ["hang on, is exercising even safe?", "not sure", ""])
def test_words_without_a_place_give_no_area(typed: str) -> None:
    assert body_areas(typed) == []


@pytest.mark.parametrize(
    ("typed", "position"),
    [("how do I do the second one?", 2), ("the 1st", 1), ("the last one", -1), ("that one", None)],
)
def test_ordinal_positions(typed: str, position: int | None) -> None:
    assert ordinal_position(typed) == position


def test_text_past_the_cap_is_not_read() -> None:
    padding = "x" * MAX_PARSED_CHARS
    assert duration_days(padding + " 3 weeks", TODAY) is None
    assert pain_score(padding + " 4") is None
    assert body_areas(padding + " lower back") == []


@pytest.mark.timing
@pytest.mark.parametrize(
    "text",
    [
        "1" * 100_000,
        ("12 of a 3 and 4/ 5 lower since may 2 weeks back ., " * 2_000)[:100_000],
    ],
    ids=["digits", "mixed"],
)
def test_a_huge_message_is_parsed_quickly(text: str) -> None:
    # A safety bound, not a benchmark: the cap and the patterns keep this far below it.
    started = time.perf_counter()
    duration_days(text, TODAY)
    pain_score(text)
    body_areas(text)
    ordinal_position(text)
    assert time.perf_counter() - started < 0.5


def test_how_long_an_activity_lasts_is_no_pain_duration() -> None:
    told = own_pain_statements("right hip and lower back ache when i sit for a long time")
    assert told and duration_days(told[0]) is None
    told = own_pain_statements("my lower back has been hurting for a long time")
    assert told and duration_days(told[0]) is not None


def test_a_pain_told_as_gone_is_no_pain_of_today() -> None:
    assert not own_pain_statements("i had sciatica in my leg 2 yrs ago, physio sorted it")
    told = own_pain_statements("my back pain went away but came back 3 weeks ago")
    assert told and duration_days(told[0]) == 21


def test_how_long_one_bout_lasts_is_no_pain_duration() -> None:
    told = own_pain_statements("my hips feel stiff, maybe 5 mins of stiffness when i get up")
    assert told and duration_days(told[0]) is None
    told = own_pain_statements("my back has been stiff for 5 days")
    assert told and duration_days(told[0]) == 5
    told = own_pain_statements("my lower back aches, morning stiffness is maybe 10 mins then ok")
    assert told and duration_days(told[0]) is None


@pytest.mark.parametrize(("text", "day"), [("since tues", "tuesday"), ("on sat", "saturday")])
def test_a_shortened_day_dates_the_pain(text: str, day: str) -> None:
    assert duration_days(text) == duration_days(f"since {day}")


def test_sat_and_sun_alone_are_no_days() -> None:
    assert duration_days("i sat in the sun") is None


def test_a_wait_for_a_clinic_is_no_pain_duration() -> None:
    told = own_pain_statements("my back hurts since saturday, the physio waiting list is 6 weeks")
    assert told and duration_days(told[0]) == duration_days("since saturday")
    told = own_pain_statements("my back hurts and theres a 3 month wait for the clinic")
    assert told and duration_days(told[0]) is None


def test_a_time_given_on_its_own_beside_the_pain_is_its_duration() -> None:
    # answered before being asked, in a list of short answers
    told = "my hips and lower back are stiff from the desk. no tingling, maybe 4/10, 3 weeks, fyi"
    assert bare_durations(told) == ["3 weeks"]
    # an age, an activity's time, or a time with nobody's pain beside it is not
    assert bare_durations("my lower back is sore, im 45") == []
    assert bare_durations("hiked 3 days, my back is sore") == []
    assert bare_durations("planks for 3 weeks, what next") == []


def test_a_duration_after_a_stage_of_pregnancy_is_still_read() -> None:
    assert duration_days("I'm 28 weeks pregnant and it has hurt for 3 weeks", TODAY) == 21


@pytest.mark.parametrize(
    ("typed", "asks"),
    [
        ("just show me the exercises please", True),
        ("skip the questions and give me exercises", True),
        ("can i just have the plan", True),
        ("whats a plank lol", False),
        ("90/90 please", False),
        ("just the plank then", False),
        ("exercises?", False),
        ("should i just give up on exercise", False),
    ],
)
def test_the_exercises_asked_for_over_the_questions(typed: str, asks: bool) -> None:
    assert asks_just_for_the_exercises(typed) is asks
