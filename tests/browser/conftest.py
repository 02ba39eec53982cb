"""The real action server, Rasa server and page server, and Debian's Chromium driven by
Playwright, started once for the browser tests. Screenshots go to test-artifacts/browser/."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Playwright, sync_playwright

from tests.chromium import CHROMIUM, CHROMIUM_ARGS
from tests.knowledge_db import build_knowledge_db
from tests.servers import APP_PY, ROOT, Assistant, Process, free_port, wait_until_up
from tests.system_packages import require_file

ARTIFACTS = ROOT / "test-artifacts" / "browser"
BROWSER_TESTS = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The browser tests run last, whatever the order of the paths on the command line.

    Playwright's sync API keeps an event loop running in the main thread from the first browser
    test to the end of the session; asyncio tests after it (the actions') would fail with
    "Runner.run() cannot be called from a running event loop".
    """
    items.sort(key=lambda item: BROWSER_TESTS in Path(item.path).resolve().parents)


def secret_file(workdir: Path) -> Path:
    """The page servers' and the Rasa server's secret, created by whichever starts first."""
    return workdir / "web-session-secret"


@dataclass
class PageServer:
    """`python -m backcare.web` on a free port, pointed at the test's Rasa server."""

    process: Process
    port: int

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def start_page_server(workdir: Path, rasa: Assistant, port: int, **env: str) -> PageServer:
    """The page server, sharing the secret file with the Rasa server (`web_assistant`), as
    `make run` does: Rasa's socket.io channel checks the keys this server gives."""
    process = Process(
        f"page server {port}",
        [str(APP_PY), "-m", "backcare.web"],
        {
            **{name: value for name, value in os.environ.items() if name != "WEB_SESSION_SECRET"},
            "PYTHONPATH": str(ROOT),
            "BACKCARE_HOME": str(ROOT),
            "WEB_PORT": str(port),
            "RASA_PORT": str(rasa.rasa_port),
            "RASA_AUTH_TOKEN": rasa.token,
            "WEB_SESSION_SECRET_FILE": str(secret_file(workdir)),
            **env,
        },
        workdir / f"web-{port}.log",
    )
    process.start()
    server = PageServer(process, port)
    try:
        wait_until_up(server.url + "/config.json", process, seconds=30)
    except Exception:
        process.stop()
        raise
    return server


@pytest.fixture(scope="session")
def browser_workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return Path(tmp_path_factory.mktemp("browser"))


@pytest.fixture(scope="session")
def web_bundle() -> None:
    """The socket.io client in web/public/vendor/ (scripts/build_web.sh; quick when built)."""
    subprocess.run([ROOT / "scripts" / "build_web.sh"], check=True, timeout=360)


@pytest.fixture(scope="session")
def page_ports() -> dict[str, int]:
    # "widget": the page server that serves widget.js; "host": another site's page embedding it.
    return {
        "socketio": free_port(),
        "rest": free_port(),
        "widget": free_port(),
        "host": free_port(),
    }


@pytest.fixture(scope="session")
def web_assistant(browser_workdir: Path, page_ports: dict[str, int]) -> Iterator[Assistant]:
    """Like `make run`: no TELEGRAM_* set (the Telegram channel stays off); CORS for the pages;
    the page server's secret read from the file the page servers use (no WEB_SESSION_SECRET)."""
    url = build_knowledge_db(browser_workdir)
    origins = [f"http://127.0.0.1:{port}" for port in page_ports.values()]
    running = Assistant(
        workdir=browser_workdir,
        database_url=url,
        extra_env={
            **{
                name: ""
                for name in ("TELEGRAM_TOKEN", "TELEGRAM_SECRET_TOKEN", "TELEGRAM_WEBHOOK_URL")
            },
            "WEB_SESSION_SECRET_FILE": str(secret_file(browser_workdir)),
        },
        rasa_args=["--cors", *origins],
        web_secret=None,
    )
    try:
        running.start()
        yield running
    finally:
        running.stop()


@pytest.fixture(scope="session")
def page_server(
    web_bundle: None, web_assistant: Assistant, browser_workdir: Path, page_ports: dict[str, int]
) -> Iterator[PageServer]:
    server = start_page_server(
        browser_workdir,
        web_assistant,
        page_ports["socketio"],
        DATABASE_URL=web_assistant.database_url,
    )
    try:
        yield server
    finally:
        server.process.stop()


@pytest.fixture(scope="session")
def rest_page_server(
    web_assistant: Assistant, browser_workdir: Path, page_ports: dict[str, int]
) -> Iterator[PageServer]:
    """The same page told to use Rasa's REST channel (the fallback without socket.io)."""
    server = start_page_server(
        browser_workdir,
        web_assistant,
        page_ports["rest"],
        WEB_TRANSPORT="rest",
        DATABASE_URL=web_assistant.database_url,
    )
    try:
        yield server
    finally:
        server.process.stop()


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as running:
        yield running


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    require_file(CHROMIUM, "chromium")
    launched = playwright.chromium.launch(
        executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
    )
    try:
        yield launched
    finally:
        launched.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
