"""An admin manages accounts in headless Chromium against the real server (`python -m
backcare.review`, empty tracker store): the navigation link, a refused form that keeps the
e-mail and role, a new account, a new password, disabling and enabling, with no script error or
Content-Security-Policy violation. Screenshots go to test-artifacts/review/."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect, sync_playwright

from tests.chromium import CHROMIUM, CHROMIUM_ARGS
from tests.review.conftest import ADMIN, PASSWORD, Databases, review_app_running
from tests.servers import ROOT

pytestmark = pytest.mark.browser
ARTIFACTS = ROOT / "test-artifacts" / "review"
NEW = "new.nurse@example.org"
NEW_PASSWORD = "a completely new passphrase"


@pytest.fixture
def review_server(databases: Databases, tmp_path: Path) -> Iterator[str]:
    with review_app_running(databases, tmp_path / "review.log") as address:
        yield address


def snap(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("databases", ["sqlite"], indirect=True)
def test_an_admin_manages_accounts_in_a_browser(review_server: str) -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        problems: list[str] = []
        page.on(
            "console",
            lambda message: problems.append(message.text) if message.type == "error" else None,
        )
        page.on("pageerror", lambda error: problems.append(str(error)))

        page.goto(review_server + "/login")
        page.get_by_label("E-mail").fill(ADMIN)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        page.get_by_role("link", name="Manage accounts").click()
        expect(page.get_by_role("heading", name="Accounts")).to_be_visible()

        form = page.locator("section.new-account")
        form.get_by_label("E-mail").fill(NEW)
        form.get_by_label("Role").select_option("admin")
        form.get_by_label("Password (12 characters or more)").fill(NEW_PASSWORD)
        form.get_by_label("Password again").fill(NEW_PASSWORD + "!")
        form.get_by_role("button", name="Create the account").click()
        expect(form.get_by_role("alert")).to_have_text("The two passwords differ.")
        expect(form.get_by_label("E-mail")).to_have_value(NEW)
        expect(form.get_by_label("Role")).to_have_value("admin")
        snap(page, "11-accounts-refused")

        form.get_by_label("Role").select_option("clinician")
        form.get_by_label("Password (12 characters or more)").fill(NEW_PASSWORD)
        form.get_by_label("Password again").fill(NEW_PASSWORD)
        form.get_by_role("button", name="Create the account").click()
        expect(page.get_by_role("status")).to_have_text(f"Account created: {NEW} (clinician).")

        row = page.locator("tr", has_text=NEW)
        row.get_by_text("Set a new password").click()
        row.get_by_label("New password (12 characters or more)").fill(PASSWORD)
        row.get_by_label("Again").fill(PASSWORD)
        row.get_by_role("button", name="Set the password").click()
        expect(page.get_by_role("status")).to_have_text(
            f"New password set for {NEW}; sessions ended: 0."
        )
        row.get_by_role("button", name="Disable").click()
        expect(page.get_by_role("status")).to_have_text(f"Disabled {NEW}; sessions ended: 0.")
        expect(row.get_by_text("disabled", exact=True)).to_be_visible()
        snap(page, "12-accounts-disabled")
        row.get_by_role("button", name="Enable").click()
        expect(page.get_by_role("status")).to_have_text(f"Enabled {NEW}.")
        # No script error, no Content-Security-Policy violation: only the refused form's 400.
        assert problems == [
            "Failed to load resource: the server responded with a status of 400 (Bad Request)"
        ]
        browser.close()
