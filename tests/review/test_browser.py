"""A clinician's session in headless Chromium against the real server (`python -m
backcare.review`) reading the tracker store the real bot filled: sign in, filter, open a
transcript, add a note, mark reviewed, export, look at the dashboard, sign out. Screenshots go
to test-artifacts/review/."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from tests.chromium import CHROMIUM, CHROMIUM_ARGS
from tests.review.conftest import CLINICIAN, PASSWORD, Databases, review_app_running
from tests.servers import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.integration]
ARTIFACTS = ROOT / "test-artifacts" / "review"


@pytest.fixture
def review_server(bot_databases: Databases, tmp_path: Path) -> Iterator[str]:
    with review_app_running(bot_databases, tmp_path / "review.log") as address:
        yield address


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def snap(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("bot_databases", ["sqlite"], indirect=True)
def test_a_clinician_reviews_a_red_flag_conversation(
    review_server: str, browser: Browser, tmp_path: Path
) -> None:
    context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    problems: list[str] = []
    page.on(
        "console",
        lambda message: problems.append(message.text) if message.type == "error" else None,
    )
    page.on("pageerror", lambda error: problems.append(str(error)))

    page.goto(review_server + "/conversations")
    expect(page).to_have_url(review_server + "/login?next=%2Fconversations")
    page.get_by_label("E-mail").fill(CLINICIAN)
    page.get_by_label("Password").fill(PASSWORD)
    snap(page, "01-sign-in")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Conversations")).to_be_visible()
    expect(page.get_by_role("link", name="bot-back-pain")).to_be_visible()
    snap(page, "02-conversations")

    page.get_by_label("Triage").select_option("emergency")
    page.get_by_role("button", name="Filter").click()
    expect(page.get_by_text("1 conversation.")).to_be_visible()
    expect(page.get_by_role("link", name="bot-back-pain")).to_have_count(0)
    snap(page, "03-filtered-emergency")

    page.get_by_role("link", name="bot-red-flag").click()
    expect(page.get_by_text("I can't feel anything when I wipe")).to_be_visible()
    expect(page.get_by_text("saddle-numbness: present (emergency)")).to_be_visible()
    page.get_by_label("Add a note").fill("Emergency advice given correctly. Call back tomorrow.")
    page.get_by_role("button", name="Add note").click()
    expect(
        page.get_by_text("Emergency advice given correctly. Call back tomorrow.")
    ).to_be_visible()
    page.get_by_role("button", name="Mark reviewed").click()
    expect(page.get_by_role("button", name="Mark not reviewed")).to_be_visible()
    expect(page.get_by_text(f"reviewed by {CLINICIAN}")).to_be_visible()
    snap(page, "04-transcript-reviewed")

    with page.expect_download() as download_info:
        page.get_by_role("button", name="Export CSV").click()
    saved = tmp_path / download_info.value.suggested_filename
    download_info.value.save_as(saved)
    rows = list(csv.DictReader(saved.open(encoding="utf-8")))
    assert rows[1]["person"] == "I can't feel anything when I wipe"

    page.get_by_role("link", name="Dashboard").click()
    page.wait_for_selector("body[data-charts-ready='true']")
    expect(page.locator("#chart-triage")).to_be_visible()
    snap(page, "05-dashboard")

    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    page.goto(review_server + "/conversations")
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    assert problems == []  # no script errors, no Content-Security-Policy violations
    context.close()
