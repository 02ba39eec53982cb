"""The chat page in headless Chromium, against the real Rasa and action servers."""

from __future__ import annotations

import json
from collections.abc import Callable

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect

from bot_extensions.channels.sender_ids import web_sender
from bot_extensions.channels.user_text import MAX_TEXT_CHARS
from tests.browser.conftest import ARTIFACTS, PageServer
from tests.servers import Assistant

pytestmark = pytest.mark.browser

RED_FLAG = "I can't feel anything when I wipe and I've wet myself"
REPLY_TIMEOUT = 60_000  # ms; the two cores are shared with other work


ERRORS: dict[int, list[str]] = {}


TYPING_WATCH = """
window.__typingShown = 0;
document.addEventListener("DOMContentLoaded", () => {
  const typing = document.getElementById("typing");
  if (!typing) return;
  new MutationObserver(() => { if (!typing.hidden) window.__typingShown += 1; })
    .observe(typing, { attributes: true, attributeFilter: ["hidden"] });
});
"""


def typing_shown(page: Page) -> int:
    return int(page.evaluate("window.__typingShown"))


def open_page(
    browser: Browser,
    server: PageServer,
    width: int = 1024,
    height: int = 800,
    prepare: Callable[[Page], None] | None = None,
) -> Page:
    """The chat page, ready; `prepare` runs on the page before it is opened (routes, storage)."""
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    if prepare is not None:
        prepare(page)
    errors = ERRORS.setdefault(id(page), [])
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "response",
        lambda r: errors.append(f"HTTP {r.status} {r.url}") if r.status >= 400 else None,
    )
    page.set_default_timeout(REPLY_TIMEOUT)
    # Counts each time the typing indicator is shown, so a test can tell it was shown even when
    # the reply came back before the test could look.
    page.add_init_script(TYPING_WATCH)
    page.goto(server.url)
    expect(page.locator("body")).to_have_attribute("data-ready", "true")
    return page


def close_clean(page: Page) -> None:
    """No script error, failed request or Content-Security-Policy violation on the page."""
    errors = ERRORS.pop(id(page), [])
    page.context.close()
    assert errors == []


def bot_messages(page: Page):
    return page.locator(".message.bot")


def user_messages(page: Page):
    return page.locator(".message.user .bubble")


def wait_for_turn(page: Page, bots_before: int) -> None:
    """A new bot message came and the typing indicator went away (the turn is over), within
    REPLY_TIMEOUT: under the whole suite's load a turn has taken over Playwright's default
    five seconds."""
    expect(bot_messages(page)).not_to_have_count(bots_before, timeout=REPLY_TIMEOUT)
    expect(page.locator("#typing")).to_be_hidden(timeout=REPLY_TIMEOUT)


def say(page: Page, text: str) -> None:
    # The previous turn is over first, so this turn's indicator is a new showing.
    expect(page.locator("#typing")).to_be_hidden()
    before, shown = bot_messages(page).count(), typing_shown(page)
    page.get_by_label("Your message").fill(text)
    page.keyboard.press("Enter")
    wait_for_turn(page, before)
    assert typing_shown(page) > shown, "the typing indicator was never shown"


def sender_of(page: Page) -> str:
    """The page's conversation in Rasa: its socket.io channel's `web-<digest of id>`."""
    session = page.evaluate("JSON.parse(localStorage.getItem('backbone-session'))")
    return web_sender(session["sender"])


def test_conversation_with_quick_replies_and_steps(
    browser: Browser, page_server: PageServer, web_assistant: Assistant
) -> None:
    page = open_page(browser, page_server)
    assert page.locator("body").get_attribute("data-transport") == "socketio"
    expect(page.get_by_role("heading", name="Backbone", level=1)).to_be_visible()
    expect(page.get_by_text("Education, not diagnosis")).to_be_visible()

    # The assistant's own greeting opens the conversation, with its buttons as quick replies.
    expect(bot_messages(page).first).to_contain_text("I'm Backbone")
    replies = page.get_by_role("group", name="Suggested replies")
    expect(replies.get_by_role("button")).to_have_count(3)
    expect(page.locator("#typing")).to_be_hidden()

    # An empty message is not sent.
    page.get_by_label("Your message").fill("   ")
    page.keyboard.press("Enter")
    expect(page.locator("#message-hint")).to_have_text("Please type a message first.")
    expect(user_messages(page)).to_have_count(0)

    # Text is shown as text, never as markup.
    markup = "<img src=x onerror=\"document.title='pwned'\"> <b>bold</b>?"
    say(page, markup)
    expect(user_messages(page).last).to_have_text(markup)
    assert page.locator("#log img, #log b").count() == 0

    say(page, "why does my lower back hurt?")
    offer = page.get_by_role("group", name="Suggested replies").get_by_role("button")
    expect(offer.first).to_be_visible()
    title = offer.first.inner_text()
    expect(page.locator("#typing")).to_be_hidden()
    bots_before, shown = bot_messages(page).count(), typing_shown(page)
    offer.first.click()
    expect(user_messages(page).last).to_have_text(title)  # the title, not the payload
    page.screenshot(path=ARTIFACTS / "typing-desktop.png")
    wait_for_turn(page, bots_before)
    assert typing_shown(page) > shown, "the typing indicator was never shown"

    # The exercise's steps arrive as a numbered list.
    steps = page.locator(".message.bot ol li")
    expect(steps.first).to_be_visible()
    assert steps.count() >= 3
    assert page.title() != "pwned"
    page.screenshot(path=ARTIFACTS / "conversation-desktop.png", full_page=True)

    users = [e for e in web_assistant.tracker(sender_of(page))["events"] if e["event"] == "user"]
    assert users[-1]["text"].startswith("/"), "the quick reply sent its payload"
    close_clean(page)


def test_emergency_banner_survives_reload_at_360px(
    browser: Browser, page_server: PageServer, web_assistant: Assistant
) -> None:
    page = open_page(browser, page_server, width=360, height=740)
    expect(bot_messages(page).first).to_contain_text("I'm Backbone")
    expect(page.locator("#typing")).to_be_hidden()
    banner = page.locator("#emergency")
    expect(banner).to_be_hidden()

    # Keyboard only: Tab to the message box, type, Enter.
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "message":
            break
    assert page.evaluate("document.activeElement.id") == "message"
    before = bot_messages(page).count()
    page.keyboard.type(RED_FLAG)
    page.keyboard.press("Enter")
    wait_for_turn(page, before)

    expect(banner).to_be_visible()
    expect(banner).to_contain_text("emergency number")
    expect(banner.get_by_role("link", name="999")).to_have_attribute("href", "tel:999")
    assert web_assistant.tracker(sender_of(page))["slots"]["triage"] == "emergency"
    page.screenshot(path=ARTIFACTS / "emergency-360.png")

    history = [m.inner_text() for m in page.locator(".message").all()]
    page.reload()
    expect(page.locator("body")).to_have_attribute("data-ready", "true")
    expect(page.locator(".message")).to_have_count(len(history))
    assert [m.inner_text() for m in page.locator(".message").all()] == history
    expect(page.locator("#emergency")).to_be_visible()
    expect(page.locator(".message").last).to_be_in_viewport()
    assert any(RED_FLAG in text for text in history)

    # Nothing is wider than the phone's screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.screenshot(path=ARTIFACTS / "reloaded-360.png")
    close_clean(page)


def test_a_session_rasa_refuses_is_replaced_by_a_new_one(
    browser: Browser, page_server: PageServer, web_assistant: Assistant
) -> None:
    """Rasa's socket.io channel joins a session only with the page server's key for it. A stored
    session whose key Rasa does not accept (here the page server is made to accept it, as after
    the secret changed on the Rasa side only) gets `session_refused`: the page asks for a new
    session, says the earlier conversation couldn't be continued, and the new one opens with the
    greeting. (Without the key in session_request, no page would get past this.)"""
    stale = {"sender": "stale-session-0001", "key": "not-the-key-of-this-session"}
    history = {
        "sender": stale["sender"],
        "triage": "none",
        "messages": [{"from": "bot", "text": "An earlier conversation.", "buttons": []}],
    }

    def prepare(page: Page) -> None:
        page.add_init_script(
            f"localStorage.setItem('backbone-session', {json.dumps(json.dumps(stale))})"
        )
        page.route(
            f"**/api/conversations/{stale['sender']}*",
            lambda route: route.fulfill(
                json=history
                if "/state" not in route.request.url
                else {"sender": stale["sender"], "triage": "none"}
            ),
        )
        # The page server accepts the stale session's key here, for its programme calls too
        # (the page may ask for due reminders before Rasa refuses the session).
        page.route(
            f"**/api/programme/{stale['sender']}/*",
            lambda route: route.fulfill(json={"due": []}),
        )

    page = open_page(browser, page_server, prepare=prepare)
    expect(page.locator(".notice")).to_contain_text("couldn't be continued")
    expect(bot_messages(page).last).to_contain_text("I'm Backbone")
    expect(page.locator("#typing")).to_be_hidden()
    session = page.evaluate("JSON.parse(localStorage.getItem('backbone-session'))")
    assert session["sender"] != stale["sender"] and session["key"] != stale["key"]
    # The new conversation is the one that was opened; nothing reached the refused session.
    users = [e for e in web_assistant.tracker(sender_of(page))["events"] if e["event"] == "user"]
    assert [e["text"] for e in users] == ["/greet"]
    stale_events = web_assistant.tracker(web_sender(stale["sender"]))["events"]
    assert [e for e in stale_events if e["event"] == "user"] == []
    say(page, "hello")
    close_clean(page)


def test_ten_thousand_characters_are_shown_whole_and_capped_for_rasa(
    browser: Browser, page_server: PageServer, web_assistant: Assistant
) -> None:
    page = open_page(browser, page_server, width=800, height=700)
    expect(bot_messages(page).first).to_contain_text("I'm Backbone")
    long_text = ("my lower back is stiff every morning and " * 250)[:9_990] + " END-MARKER"
    assert len(long_text) >= 10_000
    say(page, long_text)
    expect(user_messages(page).last).to_have_text(long_text)
    users = [e for e in web_assistant.tracker(sender_of(page))["events"] if e["event"] == "user"]
    # The channel keeps the first MAX_TEXT_CHARS (5,000) characters for Rasa (docs/channels.md).
    assert users[-1]["text"] == long_text[:MAX_TEXT_CHARS].rstrip()
    assert page.evaluate("document.documentElement.scrollWidth") <= 800
    close_clean(page)


def test_rest_fallback_page(browser: Browser, rest_page_server: PageServer) -> None:
    page = open_page(browser, rest_page_server, width=360, height=740)
    assert page.locator("body").get_attribute("data-transport") == "rest"
    expect(bot_messages(page).first).to_contain_text("I'm Backbone")
    buttons = page.get_by_role("group", name="Suggested replies").get_by_role("button")
    expect(buttons).to_have_count(3)
    before = bot_messages(page).count()
    buttons.nth(1).focus()
    page.keyboard.press("Enter")  # a quick reply works from the keyboard too
    wait_for_turn(page, before)
    expect(page.locator("#message")).to_be_focused()
    page.screenshot(path=ARTIFACTS / "rest-360.png")
    close_clean(page)


def test_rest_fallback_sends_the_key_and_gets_its_history_back(
    browser: Browser, rest_page_server: PageServer, web_assistant: Assistant
) -> None:
    """Forced to REST (`WEB_TRANSPORT=rest`), the page posts to Rasa (another origin: CORS
    preflight for the key header) with its key; the message lands in the page's `web-…`
    conversation, the same as socket.io's, and comes back after a reload."""
    keys: list[str | None] = []

    def watch(page: Page) -> None:
        page.on(
            "request",
            lambda r: (
                keys.append(r.headers.get("x-backbone-key"))
                if r.url.endswith("/webhooks/rest/webhook") and r.method == "POST"
                else None
            ),
        )

    page = open_page(browser, rest_page_server, prepare=watch)
    assert page.locator("body").get_attribute("data-transport") == "rest"
    expect(bot_messages(page).first).to_contain_text("I'm Backbone")
    say(page, "my lower back is stiff in the morning")
    session = page.evaluate("JSON.parse(localStorage.getItem('backbone-session'))")
    assert keys and all(key == session["key"] for key in keys)

    users = [
        e["text"] for e in web_assistant.tracker(sender_of(page))["events"] if e["event"] == "user"
    ]
    assert users == ["/greet", "my lower back is stiff in the morning"]
    bare = web_assistant.tracker(session["sender"])["events"]
    assert [e for e in bare if e["event"] == "user"] == [], "nothing in the bare page id's"

    history = [m.inner_text() for m in page.locator(".message").all()]
    page.reload()
    expect(page.locator("body")).to_have_attribute("data-ready", "true")
    expect(page.locator(".message")).to_have_count(len(history))
    assert [m.inner_text() for m in page.locator(".message").all()] == history
    expect(user_messages(page).last).to_have_text("my lower back is stiff in the morning")
    close_clean(page)


@pytest.mark.parametrize("server_fixture", ["page_server", "rest_page_server"])
def test_with_the_conversation_store_down_the_page_still_says_what_to_do(
    browser: Browser,
    request: pytest.FixtureRequest,
    web_assistant: Assistant,
    server_fixture: str,
) -> None:
    page = open_page(browser, request.getfixturevalue(server_fixture))
    expect(bot_messages(page).first).to_contain_text("I'm Backbone")
    with web_assistant.conversation_store_down():
        # Not say(): a failed turn can come back before the typing indicator is seen.
        page.get_by_label("Your message").fill(RED_FLAG)
        page.keyboard.press("Enter")
        expect(bot_messages(page).last).to_contain_text("couldn't take in your message")
        expect(bot_messages(page).nth(-2)).to_contain_text("call your local emergency number")
    # The failed turn's own 503 (REST) and the unreadable conversation state are expected here.
    ERRORS[id(page)] = [
        e
        for e in ERRORS[id(page)]
        if not (e.startswith("HTTP 5") or "the server responded with a status of 5" in e)
    ]
    close_clean(page)


def test_make_run_defaults_keep_telegram_off(web_assistant: Assistant) -> None:
    """No TELEGRAM_TOKEN: Rasa starts, the Telegram webhook answers 503 and calls nobody."""
    health = httpx.get(web_assistant.rasa_url + "/webhooks/telegram/", timeout=10)
    assert health.json()["status"] == "disabled"
    posted = httpx.post(web_assistant.rasa_url + "/webhooks/telegram/webhook", json={}, timeout=10)
    assert posted.status_code == 503
    log = (web_assistant.workdir / "rasa.log").read_text(errors="replace")
    assert "Telegram channel disabled: TELEGRAM_TOKEN is not set" in log
