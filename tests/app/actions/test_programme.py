"""The programme's actions with a real Tracker: the plan kept, check-ins moving it by the rules
in data/knowledge/programme.yml over simulated days, "how am I doing?" and red flags."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.orm import Session

from actions.check_in import ActionCheckInResult, ValidateCheckInForm
from actions.exercises import ActionAnswerExercise
from actions.programme import ActionShowPlan, ActionShowProgress
from actions.teaching_gate import teaching_withheld
from backcare.knowledge.models import Message
from backcare.programme import clock, store
from backcare.programme.models import Plan
from tests.app.actions.conftest import DOMAIN, texts

START = dt.datetime(2026, 3, 2, 9, 0)
_people = itertools.count()


@pytest.fixture(autouse=True)
def fixed_clock() -> Iterator[None]:
    clock.set_now(START)
    yield
    clock.set_now(None)


@pytest.fixture
def sender() -> str:
    return f"programme-person-{next(_people)}"


def person_tracker(
    sender: str,
    intent: str = "greet",
    text: str = "",
    slots: dict[str, Any] | None = None,
    events: list[dict[str, Any]] | None = None,
    entities: list[dict[str, Any]] | None = None,
) -> Tracker:
    return Tracker(
        sender_id=sender,
        slots=slots or {},
        latest_message={
            "intent": {"name": intent, "confidence": 0.9},
            "entities": entities or [],
            "text": text,
        },
        events=events or [{"event": "user", "text": text, "input_channel": "rest"}],
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="action_listen",
    )


async def make_plan(sender: str) -> None:
    slots = {"screened": True, "pain_score": "4", "pain_duration": "3 weeks", "pain_area": "x"}
    await ActionAnswerExercise().run(
        CollectingDispatcher(), person_tracker(sender, "ask_exercise", "plan pls", slots), DOMAIN
    )


async def check_in(
    sender: str,
    pain: int,
    done: str,
    felt: str | None,
    day: int,
    peg: tuple[int, int, int] | None = None,
) -> list[str]:
    clock.set_now(START + dt.timedelta(days=day))
    slots: dict[str, Any] = {"check_in_pain": pain, "check_in_done": done, "check_in_felt": felt}
    if peg:
        slots |= dict(zip(("peg_pain", "peg_enjoyment", "peg_activity"), peg, strict=True))
    dispatcher = CollectingDispatcher()
    events = await ActionCheckInResult().run(
        dispatcher, person_tracker(sender, "inform", felt or done, slots), DOMAIN
    )
    assert SlotSet("check_in_pain", None) in events
    return texts(dispatcher)


def plan(db: Session, sender: str) -> Plan:
    db.expire_all()
    found = store.plan_of(db, sender)
    assert found is not None
    return found


async def test_the_plan_given_is_kept_with_doses_levels_and_answers(
    db: Session, sender: str
) -> None:
    await make_plan(sender)
    kept = plan(db, sender)
    assert kept.started_at == START and kept.level == "beginner"
    assert kept.answers["pain_score"] == "4" and kept.answers["pain_duration"] == "3 weeks"
    assert kept.exercises[0].exercise_slug == "wall-hip-hinge"
    assert kept.exercises[0].dose == "2 sets of 8 slow reps" and kept.exercises[0].step == 1
    assert kept.sender_id == sender and kept.person.channel == "rest"


async def test_whats_my_plan_answers_from_the_kept_plan_weeks_later(
    db: Session, sender: str
) -> None:
    await make_plan(sender)
    clock.set_now(START + dt.timedelta(days=16))
    dispatcher = CollectingDispatcher()
    await ActionShowPlan().run(
        dispatcher, person_tracker(sender, "ask_plan", "whats my plan"), DOMAIN
    )
    shown = texts(dispatcher)[0]
    assert shown.startswith("Your plan, week 3 (started 2 March 2026):")
    assert "1. Wall hip hinge (bum back to a wall): 2 sets of 8 slow reps" in shown
    # The page to print or keep comes with it.
    [document] = [m["attachment"] for m in dispatcher.messages if m.get("attachment")]
    assert document["type"] == "document" and "wall-hip-hinge" in document["payload"]["src"]


async def test_no_plan_yet_says_how_to_get_one(sender: str) -> None:
    dispatcher = CollectingDispatcher()
    await ActionShowPlan().run(dispatcher, person_tracker(sender, "ask_plan", "my plan?"), DOMAIN)
    assert "don't have a plan" in texts(dispatcher)[0]


@pytest.mark.parametrize(
    ("news", "slug"),
    [
        # news of exercises going well, with no plan: good news first, then the offer of one
        (True, "progress-without-plan"),
        (False, "no-plan-yet"),
    ],
)
async def test_a_check_in_without_a_plan_answers_the_news_told(
    db: Session, sender: str, news: bool, slug: str
) -> None:
    entities = [{"entity": "progress_news", "value": "good"}] if news else []
    text = "did the bird dogs all week, back feels better" if news else "check in"
    tracker = person_tracker(sender, "check_in", text, {"triage": "none"}, entities=entities)
    dispatcher = CollectingDispatcher()
    await ActionCheckInResult().run(dispatcher, tracker, DOMAIN)
    assert texts(dispatcher) == [db.query(Message).filter_by(slug=slug).one().text]


async def test_news_of_exercises_after_an_alarm_gets_where_to_get_help(sender: str) -> None:
    entities = [{"entity": "progress_news", "value": "good"}]
    tracker = person_tracker(
        sender, "check_in", "did the planks, feel stronger", {"triage": "emergency"}, entities
    )
    dispatcher = CollectingDispatcher()
    await ActionCheckInResult().run(dispatcher, tracker, DOMAIN)
    assert [m.get("response") for m in dispatcher.messages] == ["utter_after_emergency"]


async def test_two_easy_check_ins_move_up_then_a_bad_one_moves_down_and_repeated_a_physio(
    db: Session, sender: str
) -> None:
    await make_plan(sender)
    first = await check_in(sender, 4, "all", "easy", day=1, peg=(5, 4, 4))
    assert not any("move it up" in t for t in first)
    second = await check_in(sender, 3, "all", "easy", day=3)
    hinge = plan(db, sender).exercises[0]
    assert (hinge.step, hinge.dose) == (2, "3 sets of 10 slow reps")
    assert any("felt easy at your last 2 check-ins" in t and "3 sets of 10" in t for t in second)

    worse = await check_in(sender, 6, "all", "fine", day=5)
    hinge = plan(db, sender).exercises[0]
    assert hinge.step == 1 and hinge.times_down == 1
    assert any("3 points higher" in t and "ease the wall hip hinge" in t for t in worse)
    assert plan(db, sender).concern_since == START + dt.timedelta(days=5)

    hurt = await check_in(sender, 6, "some", "hurt", day=7)
    assert any(t.startswith("Because it hurt") for t in hurt)
    assert any("physiotherapist" in t for t in hurt)
    kept = plan(db, sender)
    assert kept.physio_advised and kept.exercises[0].step == 0
    assert [c.changes[0]["kind"] for c in kept.check_ins[1:]] == ["up", "down", "down"]


async def test_none_done_skips_how_they_felt_and_is_noted_kindly(db: Session, sender: str) -> None:
    await make_plan(sender)
    clock.set_now(START + dt.timedelta(days=1))
    said = person_tracker(sender, "inform", "none", {"check_in_done": "none"})
    asked = await ValidateCheckInForm().required_slots(
        ["check_in_pain", "check_in_done", "check_in_felt"], CollectingDispatcher(), said, DOMAIN
    )
    assert "check_in_felt" not in asked and "check_in_done" in asked
    noted = await check_in(sender, 3, "none", None, day=1)
    assert noted[0].startswith("Thanks, noted: pain 3/10, no exercises this time.")
    assert plan(db, sender).check_ins[-1].felt is None


async def test_how_am_i_doing_shows_check_ins_trend_done_week_and_peg(
    db: Session, sender: str
) -> None:
    await make_plan(sender)
    await check_in(sender, 6, "all", "fine", day=1, peg=(6, 5, 5))
    await check_in(sender, 4, "some", "fine", day=4)
    await check_in(sender, 3, "all", "easy", day=9, peg=(4, 3, 3))
    clock.set_now(START + dt.timedelta(days=10))
    dispatcher = CollectingDispatcher()
    await ActionShowProgress().run(
        dispatcher, person_tracker(sender, "ask_progress", "how am i doing"), DOMAIN
    )
    text = texts(dispatcher)[0]
    assert "Week 2 of your plan. 3 check-ins so far." in text
    assert "6, 4, 3 (first 6/10, latest 3/10: going down)" in text
    assert "all of them 2 times, some 1 times, none 0 times" in text
    assert "PEG score (0 to 10, lower is better): 5.3, 3.3." in text
    assert "custom" not in dispatcher.messages[0] or not dispatcher.messages[0]["custom"]


async def test_peg_is_asked_at_the_start_and_again_after_a_week(db: Session, sender: str) -> None:
    await make_plan(sender)
    form = ValidateCheckInForm()
    slots = [
        "check_in_pain",
        "check_in_done",
        "check_in_felt",
        "peg_pain",
        "peg_enjoyment",
        "peg_activity",
    ]
    tracker = person_tracker(sender, "check_in", "check in")
    assert await form.required_slots(slots, CollectingDispatcher(), tracker, DOMAIN) == slots
    await check_in(sender, 4, "all", "fine", day=1, peg=(4, 4, 4))
    clock.set_now(START + dt.timedelta(days=3))
    assert await form.required_slots(slots, CollectingDispatcher(), tracker, DOMAIN) == slots[:3]
    clock.set_now(START + dt.timedelta(days=8))
    assert await form.required_slots(slots, CollectingDispatcher(), tracker, DOMAIN) == slots


async def test_a_red_flag_during_a_check_in_ends_it_stored_and_nothing_moves(
    db: Session, sender: str
) -> None:
    await make_plan(sender)
    flag = [
        {"entity": "red_flag", "value": "bladder-problems"},
        {"entity": "triage_level", "value": "emergency"},
    ]
    events = [
        {"event": "active_loop", "name": "check_in_form"},
        {"event": "user", "text": "4", "parse_data": {"entities": []}},
        {
            "event": "user",
            "text": "i wet myself and cant feel my legs",
            "parse_data": {"entities": flag},
        },
        {"event": "slot", "name": "triage", "value": "emergency"},
    ]
    tracker = person_tracker(
        sender,
        "report_red_flag",
        "i wet myself",
        {"triage": "emergency", "check_in_pain": 4},
        events,
        flag,
    )
    form = ValidateCheckInForm()
    assert (
        await form.required_slots(["check_in_pain"], CollectingDispatcher(), tracker, DOMAIN) == []
    )
    dispatcher = CollectingDispatcher()
    await ActionCheckInResult().run(dispatcher, tracker, DOMAIN)
    assert texts(dispatcher) == []
    kept = plan(db, sender)
    assert kept.check_ins[-1].red_flags == ["bladder-problems"]
    assert kept.check_ins[-1].said[-1].startswith("i wet myself")
    assert kept.concern == "new symptom: bladder-problems"
    assert kept.exercises[0].step == 1
    dispatcher = CollectingDispatcher()
    await ActionShowPlan().run(dispatcher, tracker, DOMAIN)
    assert dispatcher.messages[0]["response"] == "utter_after_emergency"


async def test_a_clinician_level_sign_during_a_check_in_is_referred_there(
    db: Session, sender: str
) -> None:
    # no alarm stops the check-in, so its result says the referral (it said nothing before)
    await make_plan(sender)
    flag = [
        {"entity": "red_flag", "value": "pain-beyond-six-weeks"},
        {"entity": "triage_level", "value": "see_clinician"},
    ]
    said = "its getting worse every week, its been two months"
    events = [
        {"event": "active_loop", "name": "check_in_form"},
        {"event": "user", "text": said, "parse_data": {"entities": flag}},
    ]
    tracker = person_tracker(
        sender, "inform", said, {"triage": "see_clinician", "check_in_pain": 5}, events, flag
    )
    dispatcher = CollectingDispatcher()
    await ActionCheckInResult().run(dispatcher, tracker, DOMAIN)
    assert any("GP" in text for text in texts(dispatcher))
    assert plan(db, sender).check_ins[-1].red_flags == ["pain-beyond-six-weeks"]


def test_an_urgent_sign_after_a_clinician_check_stops_teaching_again(sender: str) -> None:
    checked = [{"event": "slot", "name": "clinician_checked", "value": True}]
    later = [
        {
            "event": "user",
            "text": "now my legs are numb",
            "parse_data": {"entities": [{"entity": "triage_level", "value": "urgent"}]},
        }
    ]
    slots = {"triage": "urgent", "clinician_checked": True}
    assert teaching_withheld(person_tracker(sender, slots=slots, events=checked)) is None
    assert (
        teaching_withheld(person_tracker(sender, slots=slots, events=checked + later))
        == "utter_after_urgent"
    )


async def test_a_reminder_asks_the_time_zone_once_then_sets_and_lists_it(
    db: Session, sender: str
) -> None:
    from actions.reminders import (
        ActionListReminders,
        ActionSetReminder,
        ActionStopReminders,
        ValidateTimezoneForm,
    )

    ask = await ActionSetReminder().run(
        CollectingDispatcher(),
        person_tracker(sender, "set_reminder", "remind me every other day at 6pm"),
        DOMAIN,
    )
    assert SlotSet("timezone_needed", True) in ask
    zone = ValidateTimezoneForm().validate_timezone(
        "im in london", CollectingDispatcher(), person_tracker(sender), DOMAIN
    )
    assert zone == {"timezone": "Europe/London"}
    slots = {"timezone": "Europe/London", "reminder_request": "remind me every other day at 6pm"}
    dispatcher = CollectingDispatcher()
    await ActionSetReminder().run(
        dispatcher, person_tracker(sender, "inform", "london", slots), DOMAIN
    )
    assert texts(dispatcher)[0].startswith("Done: I'll remind you at 6pm, every other day")
    dispatcher = CollectingDispatcher()
    await ActionSetReminder().run(
        dispatcher, person_tracker(sender, "set_reminder", "and remind me at 11pm too"), DOMAIN
    )
    assert "7:30am" in texts(dispatcher)[0] and "late at night" in texts(dispatcher)[1]
    dispatcher = CollectingDispatcher()
    await ActionListReminders().run(dispatcher, person_tracker(sender, "list_reminders"), DOMAIN)
    assert texts(dispatcher) == ["Your reminders:\n• 6pm, every other day\n• 7:30am, every day"]
    dispatcher = CollectingDispatcher()
    await ActionStopReminders().run(dispatcher, person_tracker(sender, "stop_reminders"), DOMAIN)
    assert "stopped" in texts(dispatcher)[0]


async def test_no_place_twice_ends_the_time_zone_question_without_a_loop(sender: str) -> None:
    from actions.reminders import ActionSetReminder, ValidateTimezoneForm

    events = [
        {"event": "active_loop", "name": "timezone_form"},
        {"event": "user", "text": "dunno"},
        {"event": "user", "text": "somewhere"},
    ]
    tracker = person_tracker(sender, "inform", "somewhere", events=events)
    form = ValidateTimezoneForm()
    assert await form.required_slots(["timezone"], CollectingDispatcher(), tracker, DOMAIN) == []
    dispatcher = CollectingDispatcher()
    slots = {"reminder_request": "remind me at 8am"}
    result = await ActionSetReminder().run(
        dispatcher, person_tracker(sender, "inform", "somewhere", slots, events), DOMAIN
    )
    assert SlotSet("timezone_needed", False) in result
    assert "haven't set a reminder" in texts(dispatcher)[0]


async def test_the_time_zone_is_asked_when_the_time_came_in_a_later_message(sender: str) -> None:
    from actions.reminders import ValidateTimezoneForm

    # "remind me every evening" asked for the time; "actually make it 8pm" starts the question.
    events = [
        {"event": "user", "text": "remind me every evening"},
        {"event": "user", "text": "actually make it 8pm"},
    ]
    tracker = person_tracker(sender, "set_reminder", "actually make it 8pm", events=events)
    form = ValidateTimezoneForm()
    asked = await form.required_slots(["timezone"], CollectingDispatcher(), tracker, DOMAIN)
    assert asked == ["timezone"]


async def test_a_new_plan_replaces_the_old_one_and_its_check_ins(db: Session, sender: str) -> None:
    await make_plan(sender)
    await check_in(sender, 4, "all", "easy", day=1)
    clock.set_now(START + dt.timedelta(days=20))
    await make_plan(sender)
    kept = plan(db, sender)
    assert kept.started_at == START + dt.timedelta(days=20) and kept.check_ins == []
    assert len(kept.exercises) == 4


async def test_what_the_check_in_message_says_is_not_asked_again(sender: str) -> None:
    await make_plan(sender)
    said = person_tracker(sender, "check_in", "did all 3 today, felt easy")
    domain = {"forms": {"check_in_form": {"required_slots": ["check_in_pain"]}}, "slots": {}}
    events = await ValidateCheckInForm().run(CollectingDispatcher(), said, domain)
    assert SlotSet("check_in_done", "all") in events
    assert SlotSet("check_in_felt", "easy") in events
    assert not any(e.get("name") == "check_in_pain" for e in events)


def _answering(sender: str, text: str, misses: int | None = None) -> Tracker:
    """The pain question answered with `text`, as Rasa's slot extraction hands it over."""
    slots = {"requested_slot": "check_in_pain", "check_in_misses": misses, "check_in_pain": text}
    events = [
        {"event": "user", "text": text, "input_channel": "rest"},
        {"event": "slot", "name": "check_in_pain", "value": text},
    ]
    return person_tracker(sender, "inform", text, slots, events)


async def test_a_second_answer_it_cannot_read_stops_the_check_in_for_now(
    db: Session, sender: str
) -> None:
    await make_plan(sender)
    domain = {"forms": {"check_in_form": {"required_slots": ["check_in_pain"]}}, "slots": {}}
    first = await ValidateCheckInForm().run(
        CollectingDispatcher(), _answering(sender, "hmm not sure really"), domain
    )
    assert SlotSet("check_in_misses", 1) in first and SlotSet("check_in_stopped", True) not in first
    second = await ValidateCheckInForm().run(
        CollectingDispatcher(), _answering(sender, "what do you mean", misses=1), domain
    )
    assert SlotSet("check_in_stopped", True) in second
    assert SlotSet("requested_slot", None) in second
    dispatcher = CollectingDispatcher()
    stopped = person_tracker(sender, "inform", "x", {"check_in_stopped": True})
    result = await ActionCheckInResult().run(dispatcher, stopped, DOMAIN)
    assert texts(dispatcher) == [db.get_one(Message, "check-in-stopped").text]
    assert SlotSet("check_in_stopped", False) in result
    assert plan(db, sender).check_ins == []


async def test_stop_ends_the_check_in_at_once(sender: str) -> None:
    await make_plan(sender)
    events = await ValidateCheckInForm().run(
        CollectingDispatcher(), _answering(sender, "stop"), {"forms": {}, "slots": {}}
    )
    assert SlotSet("check_in_stopped", True) in events


async def test_asked_the_pain_what_was_done_is_noted_and_the_pain_asked_again(
    sender: str,
) -> None:
    await make_plan(sender)
    domain = {"forms": {"check_in_form": {"required_slots": ["check_in_pain"]}}, "slots": {}}
    dispatcher = CollectingDispatcher()
    events = await ValidateCheckInForm().run(
        dispatcher, _answering(sender, "did all of them, felt easy"), domain
    )
    assert SlotSet("check_in_pain", None) in events
    assert SlotSet("check_in_done", "all") in events and SlotSet("check_in_felt", "easy") in events
    assert not any(e.get("name") == "check_in_misses" for e in events)
    assert texts(dispatcher) == ["OK, noted."]
