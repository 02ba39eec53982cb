"""Exercise pictures beside the steps, the hold timer, the printable plan, and the widget on
another site's page, in headless Chromium against the real Rasa and action servers."""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, Request, expect

from tests.browser.conftest import ARTIFACTS, PageServer, start_page_server
from tests.browser.test_chat_page import (
    RED_FLAG,
    bot_messages,
    close_clean,
    open_page,
    say,
    sender_of,
)
from tests.servers import Assistant

pytestmark = pytest.mark.browser

SCREENING = ["can you give me a routine?", "lower back", "3 weeks", "no", "none of these", "4"]


@pytest.fixture(scope="session")
def host_origin(page_ports: dict[str, int]) -> str:
    return f"http://127.0.0.1:{page_ports['host']}"


@pytest.fixture(scope="session")
def widget_server(
    web_bundle: None,
    web_assistant: Assistant,
    browser_workdir: Path,
    page_ports: dict[str, int],
    host_origin: str,
) -> Iterator[PageServer]:
    """The page server that serves widget.js, allowing the host site's origin."""
    server = start_page_server(
        browser_workdir, web_assistant, page_ports["widget"], WIDGET_ORIGINS=host_origin
    )
    try:
        yield server
    finally:
        server.process.stop()


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def host_site(
    browser_workdir: Path, page_ports: dict[str, int], widget_server: PageServer, host_origin: str
) -> Iterator[str]:
    """Another site (a second loopback port) whose page embeds the widget with one tag."""
    root = browser_workdir / "host-site"
    root.mkdir(exist_ok=True)
    (root / "index.html").write_text(
        f"""<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Riverside Physio</title><link rel="icon" href="data:,">
<style>body {{ font-family: serif; background: #fffbe6; }} #log {{ color: rgb(200, 0, 0); }}
.bubble {{ border: 5px solid red; }}</style></head>
<body>
  <h1>Riverside Physio</h1>
  <p id="log">Opening hours: 9 to 5. (This page has its own element with the id "log".)</p>
  <script src="{widget_server.url}/widget.js" defer></script>
</body>
</html>
""",
        encoding="utf-8",
    )
    handler = functools.partial(_Quiet, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", page_ports["host"]), handler)
    thread = threading.Thread(target=server.serve_forever, name="host-site", daemon=True)
    thread.start()
    try:
        yield host_origin + "/index.html"
    finally:
        server.shutdown()
        server.server_close()


def _reloading(request: Request) -> bool:
    """socket.io's open long-poll, cut short when the page reloads: not an error."""
    return "/socket.io/" in request.url and request.failure == "net::ERR_ABORTED"


def test_the_picture_is_beside_the_steps_with_a_hold_timer(
    browser: Browser, page_server: PageServer
) -> None:
    page = open_page(browser, page_server, width=1024, height=900)
    expect(bot_messages(page).first).to_contain_text("I'm Backbone")
    say(page, "how do I do a plank?")
    card = page.locator(".bubble.with-picture").last
    expect(card).to_contain_text("Lie face down")
    picture = card.locator(".exercise-picture img")
    expect(picture).to_have_attribute("src", "/pictures/plank.svg")
    expect(picture).to_have_attribute("alt", re.compile(r"^Plank: start and end position\. Lie"))
    assert picture.evaluate("image => image.complete && image.naturalWidth > 0")
    steps = card.locator(".card-text ol")
    text_box, picture_box = steps.bounding_box(), picture.bounding_box()
    assert text_box and picture_box
    assert picture_box["x"] >= text_box["x"] + text_box["width"] - 1, "beside, not below"
    assert picture_box["y"] < text_box["y"] + text_box["height"], "level with the steps"
    card.screenshot(path=ARTIFACTS / "exercise-picture-desktop.png")

    # The hold timer: "Start 20 s", from the plank's dose ("Hold for 10 to 20 seconds").
    timer = card.get_by_role("group", name="Hold timer for Plank")
    start = timer.get_by_role("button", name="Start 20 s")
    expect(start).to_be_visible()
    start.click()
    expect(timer.get_by_role("timer")).to_have_text(re.compile(r"^(20|19) s left$"))
    expect(timer.get_by_role("timer")).to_have_text(re.compile(r"^1[0-8] s left$"), timeout=5000)
    timer.get_by_role("button", name="Stop").click()
    expect(timer.get_by_role("timer")).to_have_text("Stopped")
    page.clock.install()
    timer.get_by_role("button", name="Start 20 s").focus()
    page.keyboard.press("Enter")
    expect(timer.get_by_role("status")).to_have_text("Hold for 20 seconds.")
    page.clock.run_for(21_000)
    expect(timer.get_by_role("timer")).to_have_text("Done")
    expect(timer.get_by_role("status")).to_have_text("Time is up. Lower down and rest.")

    # A drill without a hold has no timer; on a phone the picture sits above the steps.
    say(page, "how do I do a bird dog?")
    bird_dog = page.locator(".bubble.with-picture").last
    expect(bird_dog.locator(".exercise-picture img")).to_have_attribute(
        "src", "/pictures/bird-dog.svg"
    )
    expect(bird_dog.locator(".hold-timer")).to_have_count(0)
    page.set_viewport_size({"width": 360, "height": 740})
    text_box = bird_dog.locator(".card-text").bounding_box()
    picture_box = bird_dog.locator(".exercise-picture").bounding_box()
    assert text_box and picture_box and picture_box["y"] + picture_box["height"] <= text_box["y"]
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.screenshot(path=ARTIFACTS / "exercise-picture-360.png")
    close_clean(page)


def test_the_plan_to_keep_shows_every_drill_with_its_picture(
    browser: Browser, page_server: PageServer, web_assistant: Assistant
) -> None:
    page = open_page(browser, page_server, width=1024, height=900)
    expect(bot_messages(page).first).to_contain_text("I'm Backbone")
    for message in SCREENING:
        say(page, message)
    expect(page.locator(".bubble.with-picture")).to_have_count(4)
    link = page.get_by_role("link", name="Open your plan to print or save")
    expect(link).to_be_visible()
    drills = web_assistant.tracker(sender_of(page))["slots"]["current_plan"]
    assert len(drills) == 4

    with page.context.expect_page() as opened:
        link.click()
    plan = opened.value
    plan.wait_for_load_state()
    articles = plan.locator("article.drill")
    expect(articles).to_have_count(len(drills))
    for index, slug in enumerate(drills):
        image = articles.nth(index).locator("img")
        expect(image).to_have_attribute("src", f"/pictures/{slug}.svg")
        assert image.get_attribute("alt")
        image.scroll_into_view_if_needed()
        expect(image).to_have_js_property("complete", True)
        assert image.evaluate("image => image.naturalWidth > 0"), slug
    expect(plan.get_by_role("button", name="Print or save as PDF")).to_be_visible()
    plan.screenshot(path=ARTIFACTS / "plan-screen.png", full_page=True)
    plan.emulate_media(media="print")
    expect(plan.get_by_role("button", name="Print or save as PDF")).to_be_hidden()
    assert articles.first.evaluate("a => getComputedStyle(a).breakInside") == "avoid"
    plan.pdf(path=ARTIFACTS / "plan.pdf")
    plan.close()

    # Reloaded, the conversation keeps the pictures and the link.
    page.reload()
    expect(page.locator("body")).to_have_attribute("data-ready", "true")
    expect(page.locator(".bubble.with-picture")).to_have_count(4)
    expect(page.get_by_role("link", name="Open your plan to print or save")).to_be_visible()
    close_clean(page)


def test_the_widget_works_on_another_sites_page(
    browser: Browser, host_site: str, widget_server: PageServer, web_assistant: Assistant
) -> None:
    context = browser.new_context(viewport={"width": 1024, "height": 800})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("requestfailed", lambda r: None if _reloading(r) else errors.append(f"failed {r.url}"))
    page.set_default_timeout(60_000)
    page.goto(host_site)
    assert not host_site.startswith(widget_server.url)

    launcher = page.get_by_role("button", name="Chat with Backbone")
    expect(launcher).to_have_attribute("aria-expanded", "false")
    # Keyboard: Tab to the launcher, Enter opens the panel with the focus in the message box.
    for _ in range(5):
        page.keyboard.press("Tab")
        if launcher.evaluate("b => b.getRootNode().activeElement === b"):
            break
    page.keyboard.press("Enter")
    widget = page.locator("#backbone-widget")
    expect(widget).to_have_attribute("data-ready", "true")
    expect(launcher).to_have_attribute("aria-expanded", "true")
    panel = page.get_by_role("dialog", name="Backbone")
    expect(panel).to_be_visible()
    assert widget.evaluate("w => w.shadowRoot.activeElement && w.shadowRoot.activeElement.id") == (
        "message"
    )
    messages = panel.locator(".message.bot")
    expect(messages.first).to_contain_text("I'm Backbone")

    # The buttons: a quick reply sends its payload.
    replies = panel.get_by_role("group", name="Suggested replies").get_by_role("button")
    expect(replies).to_have_count(3)
    before = messages.count()
    replies.nth(1).click()
    expect(messages).not_to_have_count(before)
    expect(panel.locator("#typing")).to_be_hidden()
    users = [e for e in web_assistant.tracker(sender_of(page))["events"] if e["event"] == "user"]
    assert users[-1]["text"].startswith("/")

    # An exercise with its picture (served by the widget's server), then an emergency.
    panel.get_by_label("Your message").fill("how do I do a side plank?")
    before = messages.count()
    page.keyboard.press("Enter")
    expect(messages).not_to_have_count(before)
    picture = panel.locator(".exercise-picture img").last
    expect(picture).to_have_attribute("src", f"{widget_server.url}/pictures/side-plank.svg")
    expect(panel.get_by_role("button", name="Start 20 s")).to_be_visible()
    expect(panel.locator("#typing")).to_be_hidden()
    panel.get_by_label("Your message").fill(RED_FLAG)
    before = messages.count()
    page.keyboard.press("Enter")
    expect(messages).not_to_have_count(before)
    banner = panel.get_by_role("alert")
    expect(banner).to_contain_text("emergency number")
    expect(panel.locator("#typing")).to_be_hidden()
    page.screenshot(path=ARTIFACTS / "widget-on-host.png")

    # The host page is untouched: its own #log and styles, none of them in the panel.
    expect(page.locator("p#log")).to_have_css("color", "rgb(200, 0, 0)")
    assert panel.locator(".bubble").first.evaluate("b => getComputedStyle(b).borderTopWidth") == (
        "0px"
    )

    # Reload: the panel opens again with the history and the banner.
    history = [m.inner_text() for m in panel.locator(".message").all()]
    page.reload()
    expect(widget).to_have_attribute("data-ready", "true")
    panel = page.get_by_role("dialog", name="Backbone")
    expect(panel.locator(".message")).to_have_count(len(history))
    # The hold timer is added once the exercise's facts arrive (a fetch of its own): wait for
    # it, as a person would see it, before the texts are compared.
    expect(panel.get_by_role("button", name="Start 20 s")).to_be_visible()
    assert [m.inner_text() for m in panel.locator(".message").all()] == history
    expect(panel.get_by_role("alert")).to_contain_text("emergency number")
    expect(panel.locator(".exercise-picture img")).to_have_count(1)

    # Escape closes the panel and gives the focus back to the launcher.
    panel.get_by_label("Your message").focus()
    page.keyboard.press("Escape")
    expect(panel).to_be_hidden()
    launcher = page.get_by_role("button", name="Chat with Backbone")
    expect(launcher).to_have_attribute("aria-expanded", "false")
    assert launcher.evaluate("b => b.getRootNode().activeElement === b")
    context.close()
    assert errors == []


def test_only_the_configured_origins_may_call_the_api(
    widget_server: PageServer, host_origin: str
) -> None:
    allowed = httpx.get(widget_server.url + "/config.json", headers={"Origin": host_origin})
    assert allowed.headers["access-control-allow-origin"] == host_origin
    other = httpx.get(widget_server.url + "/config.json", headers={"Origin": "http://127.0.0.1:1"})
    assert "access-control-allow-origin" not in other.headers
    preflight = httpx.options(
        widget_server.url + "/api/conversations/abcdefgh1234",
        headers={"Origin": "http://evil.example", "Access-Control-Request-Method": "GET"},
    )
    assert preflight.status_code == 403
