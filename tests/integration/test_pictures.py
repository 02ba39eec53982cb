"""Exercise pictures and the plan to keep, through the real Rasa and action servers and the page
server: REST replies carry the picture's URL, and the page server serves what they name."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from tests.browser.conftest import PageServer, start_page_server
from tests.servers import ROOT, Assistant, free_port

pytestmark = pytest.mark.integration

SCREENING = ["can you give me a routine?", "lower back", "3 weeks", "no", "none of these"]


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory, assistant: Assistant) -> Iterator[PageServer]:
    server = start_page_server(Path(tmp_path_factory.mktemp("pages")), assistant, free_port())
    try:
        yield server
    finally:
        server.process.stop()


def local(server: PageServer, url: str) -> str:
    """The same path and query on the test's page server (the assistant names port 8080)."""
    parts = urlsplit(url)
    return server.url + parts.path + (f"?{parts.query}" if parts.query else "")


def test_an_exercise_reply_carries_its_picture_and_the_page_server_serves_it(
    assistant: Assistant, pages: PageServer
) -> None:
    replies = assistant.say(f"pictures-{uuid.uuid4()}", "how do I do a plank?")
    card = next(i for i, r in enumerate(replies) if r.get("text", "").startswith("Plank"))
    image = replies[card + 1]["image"]
    assert urlsplit(image).path == "/pictures/plank.svg"
    assert image.startswith("http://127.0.0.1:")

    served = httpx.get(local(pages, image), timeout=10)
    assert served.status_code == 200
    assert served.headers["content-type"] == "image/svg+xml"
    assert served.content == (ROOT / "web" / "pictures" / "plank.svg").read_bytes()
    assert "max-age=" in served.headers["cache-control"]
    etag = served.headers["etag"]
    again = httpx.get(local(pages, image), headers={"If-None-Match": etag}, timeout=10)
    assert again.status_code == 304 and again.headers["etag"] == etag and not again.content

    png = httpx.get(pages.url + "/pictures/plank.png", timeout=10)
    assert png.status_code == 200 and png.headers["content-type"] == "image/png"
    assert png.content.startswith(b"\x89PNG\r\n\x1a\n")

    facts = httpx.get(pages.url + "/api/exercises/plank", timeout=10).json()
    assert facts["hold_seconds"] == 20 and facts["alt"].startswith("Lie face down")


@pytest.mark.parametrize(
    "path",
    [
        "/pictures/../backcare/web.py",
        "/pictures/..%2F..%2Fbackcare%2Fweb.py",
        "/pictures/%2e%2e%2fsettings.py",
        "/pictures/plank.svg%00.png",
        "/pictures/PLANK.svg",
        "/pictures/plank.txt",
        "/pictures/unknown-drill.svg",
    ],
)
def test_no_path_leaves_the_pictures(pages: PageServer, path: str) -> None:
    response = httpx.get(pages.url + path, timeout=10)
    assert response.status_code == 404
    assert b"import" not in response.content


def test_the_plan_links_to_a_page_with_every_drill_and_its_picture(
    assistant: Assistant, pages: PageServer
) -> None:
    sender = f"plan-{uuid.uuid4()}"
    for message in SCREENING:
        assistant.say(sender, message)
    plan = assistant.say(sender, "4")
    images = [urlsplit(r["image"]).path for r in plan if r.get("image")]
    drills = assistant.tracker(sender)["slots"]["current_plan"]
    assert images == [f"/pictures/{slug}.svg" for slug in drills]
    (document,) = [r["attachment"] for r in plan if isinstance(r.get("attachment"), dict)]
    assert document["type"] == "document"
    link = document["payload"]["src"]
    assert f"/plan/{sender}?" in link

    page = httpx.get(local(pages, link), timeout=10)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    for slug in drills:
        assert f'src="/pictures/{slug}.svg"' in page.text
    assert page.text.count('<article class="drill">') == len(drills)

    kept = httpx.get(local(pages, link) + "&download=1", timeout=10)
    assert kept.headers["content-disposition"] == 'attachment; filename="backbone-plan.html"'
    assert kept.text.count("data:image/svg+xml;base64,") == len(drills)

    forged = local(pages, link).replace(sender, sender[:-1] + "x")
    assert httpx.get(forged, timeout=10).status_code == 404
    tampered = local(pages, link).replace(drills[0], "deadlift")
    assert httpx.get(tampered, timeout=10).status_code == 404
