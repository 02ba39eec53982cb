"""The profile's shape: the HTTP API needs the token and is not published by nginx, the chat page
and health check are, a second start is refused, and no secret is written when all come from
the environment."""

from __future__ import annotations

import subprocess

import httpx
import pytest

from tests.prod.profile import ACCEPT_BACKLOG, UP, Profile
from tests.servers import ROOT
from tests.system_packages import require_program

pytestmark = pytest.mark.prod


def test_http_api_needs_the_token_and_stays_off_the_public_port(profile: Profile) -> None:
    tracker = f"{profile.rasa_url(0)}/conversations/someone/tracker"
    assert httpx.get(tracker, timeout=10).status_code == 401
    assert httpx.get(tracker, params={"token": "wrong"}, timeout=10).status_code == 401
    assert httpx.get(tracker, params={"token": profile.token}, timeout=10).status_code == 200
    public = httpx.get(
        f"{profile.url}/conversations/someone/tracker", params={"token": profile.token}, timeout=10
    )
    assert public.status_code == 404
    assert httpx.get(f"{profile.url}/status", timeout=10).status_code == 404


def test_public_port_serves_health_chat_page_and_channels(profile: Profile) -> None:
    assert httpx.get(f"{profile.url}/health", timeout=10).text.startswith("Hello from Rasa")
    assert httpx.get(f"{profile.url}/", timeout=10).status_code == 200
    assert httpx.get(f"{profile.url}/config.json", timeout=10).json()["rasaUrl"] == profile.url
    assert httpx.get(f"{profile.url}/package.json", timeout=10).status_code == 404
    assert profile.say("basics", "hi").json()


def test_rasa_servers_listen_with_a_long_accept_queue(profile: Profile) -> None:
    ss = require_program("ss", "iproute2")
    for port in profile.rasa_ports:
        # For a listening socket, ss reports the accept queue's length as Send-Q.
        listening = subprocess.run(
            [ss, "-Hltn", f"sport = :{port}"], capture_output=True, text=True, check=True
        ).stdout.split()
        assert listening and listening[0] == "LISTEN", listening
        assert int(listening[2]) >= ACCEPT_BACKLOG, f"Rasa on {port}: accept queue {listening[2]}"


def test_secrets_come_from_the_environment(profile: Profile) -> None:
    # The test run passed every secret in the environment: nothing was generated into a file.
    secrets = profile.prod_dir / "secrets.env"
    assert not secrets.exists() or "RASA_AUTH_TOKEN" not in secrets.read_text()
    for path in (profile.prod_dir / "stack.env", profile.prod_dir / "nginx" / "nginx.conf"):
        assert profile.token not in path.read_text()
        assert profile.env["POSTGRES_PASSWORD"] not in path.read_text()


def test_a_second_start_is_refused(profile: Profile) -> None:
    result = subprocess.run(
        [str(UP)], cwd=ROOT, env=profile.env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode != 0
    assert "already running" in result.stderr
    assert httpx.get(f"{profile.url}/health", timeout=10).status_code == 200
