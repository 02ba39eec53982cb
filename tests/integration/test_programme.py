"""The programme end to end, through the real Rasa and action servers, with the clock set by
the test (BACKCARE_CLOCK_FILE) so weeks are simulated: a plan, check-ins over days moving it up
and then down, everything surviving a full stop and start; a reminder arriving once on the
Telegram stand-in from two schedulers after a restart."""

from __future__ import annotations

import datetime as dt
import itertools
import random
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from backcare.programme.clock import CLOCK_FILE_VARIABLE, write_clock_file
from tests.integration.test_telegram import post
from tests.live_assistant import TELEGRAM_BOT_NAME, TELEGRAM_SECRET, TELEGRAM_TOKEN
from tests.servers import APP_PY, Assistant, Process, texts
from tests.telegram_stub import TelegramStub, message_update, telegram_env

pytestmark = pytest.mark.integration

START = dt.datetime(2026, 3, 2, 9, 0)
# The Telegram stand-in is the session's (tests/conftest.py): chat ids apart from the other
# modules' (test_telegram.py, tests/security), whose calls it records too.
_senders = itertools.count(random.randrange(9 * 10**9, 10**10, 1000))


@pytest.fixture(scope="module")
def programme(
    tmp_path_factory: pytest.TempPathFactory, knowledge_url: str, stub: TelegramStub
) -> Iterator[Assistant]:
    workdir = Path(tmp_path_factory.mktemp("programme"))
    write_clock_file(workdir / "clock", START)
    running = Assistant(
        workdir=workdir,
        database_url=knowledge_url,
        extra_env={
            **telegram_env(stub, TELEGRAM_TOKEN, TELEGRAM_SECRET, TELEGRAM_BOT_NAME),
            CLOCK_FILE_VARIABLE: str(workdir / "clock"),
        },
    )
    try:
        running.start()
        yield running
    finally:
        running.stop()


def set_day(assistant: Assistant, day: float) -> None:
    write_clock_file(assistant.workdir / "clock", START + dt.timedelta(days=day))


def scheduler(assistant: Assistant, name: str) -> Process:
    return Process(
        name,
        [str(APP_PY), "-m", "backcare.programme.scheduler", "--interval", "0.3"],
        assistant.actions.env,
        assistant.workdir / f"{name}.log",
    )


def say_all(assistant: Assistant, sender: str, *messages: str) -> str:
    return "\n".join(texts(assistant.say(sender, message)) for message in messages)


def get_a_plan(assistant: Assistant, sender: str) -> str:
    return say_all(
        assistant,
        sender,
        "can you give me an exercise plan for my back",
        "lower back",
        "about 3 weeks",
        "no",
        "no",
        "4",
    )


def check_in(assistant: Assistant, sender: str, *answers: str) -> str:
    return say_all(assistant, sender, "check in", *answers)


def test_plan_check_ins_up_then_down_and_all_of_it_survives_a_restart(
    programme: Assistant,
) -> None:
    sender = f"rest-{next(_senders)}"
    set_day(programme, 0)
    assert "I've kept this plan for you" in get_a_plan(programme, sender)

    set_day(programme, 1)
    first = check_in(programme, sender, "bout a 4", "did all of them", "easy tbh", "5", "4", "4")
    assert "Thanks, noted: pain 4/10, exercises done: all, they felt easy." in first
    assert "PEG" in first

    set_day(programme, 3)
    second = check_in(programme, sender, "3", "all of them", "easy")
    assert (
        "move it up a step: wall hip hinge (bum back to a wall), 3 sets of 10 slow reps" in second
    )

    set_day(programme, 5)
    third = check_in(programme, sender, "6", "some of them", "they hurt")
    assert "Because it hurt, let's ease the wall hip hinge" in third

    set_day(programme, 9)
    plan_before = say_all(programme, sender, "whats my plan?")
    assert "Your plan, week 2 (started 2 March 2026):" in plan_before
    assert "2 sets of 8 slow reps" in plan_before

    programme.stop()
    programme.start()

    plan_after = say_all(programme, sender, "what's my plan")
    assert plan_after == plan_before
    progress = say_all(programme, sender, "how am i doing?")
    assert "Week 2 of your plan. 3 check-ins so far." in progress
    assert "4, 3, 6" in progress


def test_a_red_flag_during_a_check_in_gets_the_referral_and_no_progress(
    programme: Assistant,
) -> None:
    sender = f"rest-{next(_senders)}"
    set_day(programme, 0)
    assert "Let's make you a plan first" in say_all(programme, sender, "i want to check in")
    get_a_plan(programme, sender)
    set_day(programme, 1)
    replies = check_in(
        programme, sender, "i wet myself this morning and cant feel my legs properly"
    )
    assert "emergency number" in replies
    assert "Thanks, noted" not in replies
    after = say_all(programme, sender, "what's my plan?")
    assert "Your plan" not in after and "emergency" in after


def test_a_reminder_arrives_once_on_telegram_after_a_full_restart(
    programme: Assistant, stub: TelegramStub
) -> None:
    chat = next(_senders)
    set_day(programme, 0)  # 09:00 UTC
    post(programme, message_update(chat, "remind me every day at 6pm"))
    post(programme, message_update(chat, "london"))
    said = "\n".join(stub.sent_texts(chat))
    assert "which city or time zone" in said
    assert "I'll remind you at 6pm, every day (Europe/London time)" in said

    programme.stop()
    # Down for two and a half days: three reminders were missed; one message comes, not three.
    set_day(programme, 2.5 + 1 / 24)  # 22:00 in London: quiet hours, so it waits
    programme.start()
    schedulers = [scheduler(programme, "scheduler-1"), scheduler(programme, "scheduler-2")]
    for process in schedulers:
        process.start()
    try:
        time.sleep(3)
        assert not [t for t in stub.sent_texts(chat) if t.startswith("Time for your back")]
        set_day(programme, 3 - 1 / 24)  # 08:00 in London (winter: UTC)
        stub.wait_for(
            lambda calls: any(
                c.method == "sendMessage"
                and str(c.params.get("chat_id")) == str(chat)
                and str(c.params.get("text", "")).startswith("Time for your back")
                for c in calls
            ),
            timeout=30,
        )
        time.sleep(3)
        reminders = [t for t in stub.sent_texts(chat) if t.startswith("Time for your back")]
        assert len(reminders) == 1
    finally:
        for process in schedulers:
            process.stop()
    post(programme, message_update(chat, "what reminders do i have?"))
    assert "6pm, every day" in stub.sent_texts(chat)[-1]
