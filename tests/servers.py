"""Start the real action server and Rasa server on free loopback ports, and stop them after."""

from __future__ import annotations

import os
import secrets
import signal
import socket
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import yaml

ROOT = Path(__file__).resolve().parents[1]


def response_text(domain_file: str, name: str, **slots: str | bool) -> str:
    """The text of a domain response's variation whose condition is exactly these slot values
    (no slots: the plain variation)."""
    variants = yaml.safe_load((ROOT / "domain" / domain_file).read_text())["responses"][name]
    wanted = [{"type": "slot", "name": slot, "value": value} for slot, value in slots.items()]
    return next(v["text"] for v in variants if v.get("condition", []) == wanted)


BOT_PY = ROOT / ".venv" / "bot" / "bin" / "python"
APP_PY = ROOT / ".venv" / "app" / "bin" / "python"
STARTUP_SECONDS = 180
# One TLS context for the tests' calls: `httpx.get` and its like build a client per call, and a
# client builds a context that loads the CA bundle (some 40 ms of CPU, more than the call on
# loopback). The start-up polls and the conversations make thousands of calls.
TLS = httpx.create_ssl_context()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def current_model() -> str:
    return subprocess.check_output([ROOT / "scripts" / "current_model.sh"], text=True).strip()


@dataclass
class Process:
    name: str
    command: list[str]
    env: dict[str, str]
    log: Path
    popen: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        handle = self.log.open("ab")
        # A session of its own, so stop() can end the process and anything it spawned.
        self.popen = subprocess.Popen(
            self.command,
            cwd=ROOT,
            env=self.env,
            stdout=handle,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def stop(self) -> None:
        if self.popen is None or self.popen.poll() is not None:
            return
        os.killpg(self.popen.pid, signal.SIGTERM)
        try:
            self.popen.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.popen.pid, signal.SIGKILL)
            self.popen.wait(timeout=10)

    def check_alive(self) -> None:
        if self.popen is None or self.popen.poll() is not None:
            tail = self.log.read_text(errors="replace")[-3000:]
            raise RuntimeError(f"{self.name} exited early; log tail:\n{tail}")


def wait_until_up(url: str, process: Process, seconds: float = STARTUP_SECONDS) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        process.check_alive()
        try:
            if httpx.get(url, timeout=2, verify=TLS).status_code < 500:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise TimeoutError(f"{process.name} did not answer at {url} within {seconds} s")


@dataclass
class Assistant:
    """A running action server and Rasa server, with helpers to talk to them."""

    workdir: Path
    database_url: str
    rasa_port: int = field(default_factory=free_port)
    actions_port: int = field(default_factory=free_port)
    extra_env: dict[str, str] = field(default_factory=dict)
    # Another endpoints file (e.g. a tracker store on PostgreSQL); default: the project's own.
    endpoints: Path | None = None
    # Extra `rasa run` arguments, e.g. ["--cors", "http://127.0.0.1:8123"] for a browser test.
    rasa_args: list[str] = field(default_factory=list)
    # The HTTP API's token, given to Rasa through the environment (bot_extensions/serve.py).
    token: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    # The page server's secret (WEB_SESSION_SECRET), which the socket.io channel checks the
    # page's session keys with; None: Rasa reads WEB_SESSION_SECRET_FILE (give it in extra_env).
    web_secret: str | None = field(default_factory=lambda: secrets.token_urlsafe(24))

    def __post_init__(self) -> None:
        env = {
            # The secret is this Assistant's own (web_secret), never the caller's environment's.
            **{name: value for name, value in os.environ.items() if name != "WEB_SESSION_SECRET"},
            "PYTHONPATH": str(ROOT),
            "BACKCARE_HOME": str(ROOT),
            "RASA_PORT": str(self.rasa_port),
            "ACTIONS_PORT": str(self.actions_port),
            "DATABASE_URL": self.database_url,
            "TRACKER_SQLITE_PATH": str(self.workdir / "tracker.db"),
            "SANIC_HOST": "127.0.0.1",
            "RASA_TELEMETRY_ENABLED": "false",
            "TF_CPP_MIN_LOG_LEVEL": "2",
            "TF_INTRA_OP_PARALLELISM_THREADS": "1",
            "TF_INTER_OP_PARALLELISM_THREADS": "1",
            # Never the real Telegram from a test: a test that wants the channel sets these.
            "TELEGRAM_TOKEN": "",
            "TELEGRAM_WEBHOOK_URL": "",
            "RASA_AUTH_TOKEN": self.token,
            **({"WEB_SESSION_SECRET": self.web_secret} if self.web_secret else {}),
            **self.extra_env,
        }
        self.actions = Process(
            "action server",
            [str(APP_PY), "-m", "rasa_sdk", "--actions", "actions", "-p", str(self.actions_port)],
            env,
            self.workdir / "actions.log",
        )
        self.rasa = Process(
            "Rasa server",
            [
                str(BOT_PY),
                "-m",
                "bot_extensions.serve",
                "run",
                "-i",
                "127.0.0.1",
                "-p",
                str(self.rasa_port),
                "--model",
                current_model(),
                "--endpoints",
                str(self.endpoints or "endpoints.yml"),
                "--credentials",
                "credentials.yml",
                *self.rasa_args,
            ],
            env,
            self.workdir / "rasa.log",
        )

    @property
    def rasa_url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"

    def start(self) -> None:
        self.start_actions()
        self.rasa.start()
        wait_until_up(self.rasa_url + "/", self.rasa)

    def start_actions(self) -> None:
        self.actions.start()
        wait_until_up(f"http://127.0.0.1:{self.actions_port}/health", self.actions)

    def stop(self) -> None:
        self.rasa.stop()
        self.actions.stop()

    @contextmanager
    def conversation_store_down(self) -> Iterator[None]:
        """Rasa's events table disappears for a while, as in an outage; the servers keep running."""
        database = self.workdir / "tracker.db"
        with sqlite3.connect(database) as connection:
            connection.execute("ALTER TABLE events RENAME TO events_offline")
        try:
            yield
        finally:
            with sqlite3.connect(database) as connection:
                connection.execute("ALTER TABLE events_offline RENAME TO events")

    def say(self, sender: str, message: str) -> list[dict]:
        response = httpx.post(
            self.rasa_url + "/webhooks/rest/webhook",
            json={"sender": sender, "message": message},
            timeout=30,
            verify=TLS,
        )
        response.raise_for_status()
        return response.json()

    def api(
        self, method: str, path: str, params: dict[str, str] | None = None, **kwargs: Any
    ) -> httpx.Response:
        """A call to Rasa's HTTP API with the token: `api("GET", "/conversations/x/tracker")`."""
        return httpx.request(
            method,
            self.rasa_url + path,
            params={**(params or {}), "token": self.token},
            timeout=30,
            verify=TLS,
            **kwargs,
        )

    def tracker(self, sender: str) -> dict:
        response = self.api("GET", f"/conversations/{sender}/tracker")
        response.raise_for_status()
        return response.json()


def texts(replies: list[dict]) -> str:
    return "\n".join(reply.get("text", "") for reply in replies)
