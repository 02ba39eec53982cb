"""The programme on the chat page in headless Chromium: the pain chart under "how am I doing?"
and a reminder sent while the person was away, shown when they come back."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import Browser, expect
from sqlalchemy.orm import Session

from backcare.database import make_engine
from backcare.programme.models import Reminder
from tests.browser.conftest import ARTIFACTS, PageServer
from tests.browser.test_chat_page import close_clean, open_page, say, sender_of
from tests.servers import Assistant

pytestmark = pytest.mark.browser


def test_how_am_i_doing_draws_the_pain_chart_and_a_missed_reminder_shows_on_return(
    browser: Browser, page_server: PageServer, web_assistant: Assistant
) -> None:
    page = open_page(browser, page_server)
    for message in ("give me an exercise plan", "lower back", "3 weeks", "no", "no", "5"):
        say(page, message)
    expect(page.locator(".message.bot").last).to_contain_text("kept this plan")
    for message in ("check in", "5", "all of them", "easy", "5", "4", "4"):
        say(page, message)
    say(page, "how am i doing?")
    chart = page.locator(".message.bot .programme-chart svg")
    expect(chart).to_have_count(1)
    expect(chart).to_have_attribute("aria-label", "Pain at each check-in: 5")
    page.screenshot(path=ARTIFACTS / "programme-progress.png", full_page=True)

    engine = make_engine(web_assistant.database_url)
    with Session(engine) as session, session.begin():
        session.add(
            Reminder(
                sender_id=sender_of(page),
                minute_of_day=480,
                every_days=1,
                next_due_at=dt.datetime(2030, 1, 1),
                active=True,
                unseen=True,
            )
        )
    engine.dispose()
    page.reload()
    expect(page.locator(".programme-due")).to_contain_text("Reminder: Time for your back")
    page.reload()
    expect(page.locator("body")).to_have_attribute("data-ready", "true")
    page.wait_for_timeout(1500)
    expect(page.locator(".programme-due")).to_have_count(0)
    close_clean(page)
