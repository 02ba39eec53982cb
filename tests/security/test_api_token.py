"""The Rasa HTTP API always needs a token, the token is never on a command line, an empty token
is refused, and `make run` generates one into var/ (mode 600) when none is given."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import time
from pathlib import Path

import httpx
import pytest

from tests.servers import BOT_PY, ROOT, Assistant, free_port

pytestmark = pytest.mark.integration


def test_the_http_api_needs_the_token(assistant: Assistant) -> None:
    path = "/conversations/someone-else/tracker"
    assert httpx.get(assistant.rasa_url + path, timeout=30).status_code == 401
    wrong = httpx.get(assistant.rasa_url + path, params={"token": "guess"}, timeout=30)
    assert wrong.status_code == 401
    assert assistant.api("GET", path).status_code == 200
    # The channels stay open to their clients.
    assert assistant.say("token-test-1", "hello")


def test_a_wrong_token_is_refused_in_constant_time_before_rasas_comparison(
    assistant: Assistant,
) -> None:
    """Rasa compares `?token=` with `==`; bot_extensions/http_guard.py refuses every other value
    first (hmac.compare_digest), with the body Rasa gives, so Rasa only ever compares the right
    token. A repeated parameter is refused unless every value is the token (Rasa reads the
    first one only)."""
    path = "/conversations/token-timing/tracker"
    url = assistant.rasa_url + path
    rasas_own = httpx.get(url, timeout=30)  # no token: Rasa's own refusal
    assert rasas_own.status_code == 401
    right = assistant.token
    log = assistant.workdir / "rasa.log"
    refused_before = log.read_text(errors="replace").count("not the API token")
    wrong = [right[:-1] + ("A" if right[-1] != "A" else "B"), right[:-1], right + "x", "guess"]
    for value in wrong:
        response = httpx.get(url, params={"token": value}, timeout=30)
        assert response.status_code == 401, value
        assert response.json() == rasas_own.json(), "the same body as Rasa's refusal"
    for query in (f"token={right}&token=guess", f"token=guess&token={right}"):
        assert httpx.get(f"{url}?{query}", timeout=30).status_code == 401, query
    assert httpx.get(f"{url}?token={right}&token={right}", timeout=30).status_code == 200
    assert assistant.api("GET", path).status_code == 200
    # Each wrong value was refused by the guard, not by Rasa's comparison.
    deadline = time.monotonic() + 10
    while True:
        refused = log.read_text(errors="replace").count("not the API token") - refused_before
        if refused >= len(wrong) + 2 or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    assert refused == len(wrong) + 2, refused


def test_the_token_is_on_no_command_line(assistant: Assistant) -> None:
    assert assistant.rasa.popen is not None
    group = os.getpgid(assistant.rasa.popen.pid)
    seen = 0
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            if os.getpgid(int(proc.name)) != group:
                continue
            command = (proc / "cmdline").read_bytes()
        except (OSError, ProcessLookupError):
            continue
        seen += 1
        assert assistant.token.encode() not in command, command
    assert seen >= 1


def launch(
    env: dict[str, str], *args: str, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """The Rasa launcher with `env` and none of the caller's tokens or web session secret."""
    environ = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("RASA_AUTH_TOKEN", "WEB_SESSION_SECRET"))
    }
    return subprocess.run(
        [str(BOT_PY), "-m", "bot_extensions.serve", *args],
        cwd=ROOT,
        env={**environ, "PYTHONPATH": str(ROOT), **env},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@pytest.mark.parametrize(
    ("env", "args", "says"),
    [
        ({"RASA_AUTH_TOKEN": ""}, (), "RASA_AUTH_TOKEN is set but empty"),
        ({"RASA_AUTH_TOKEN": "   "}, (), "RASA_AUTH_TOKEN is set but empty"),
        ({}, (), "No token for the Rasa HTTP API"),
        ({"RASA_AUTH_TOKEN_FILE": "/nonexistent/token"}, (), "cannot be read"),
        ({"RASA_AUTH_TOKEN": "x" * 32}, ("--auth-token", "y" * 32), "ps"),
        ({"RASA_AUTH_TOKEN": "x" * 32}, ("--cors", "*"), '"*"'),
    ],
)
def test_the_launcher_refuses_an_open_or_visible_api(
    env: dict[str, str], args: tuple[str, ...], says: str
) -> None:
    run = launch(env, *args)
    assert run.returncode == 2, run.stderr
    assert says in run.stderr
    assert "Traceback" not in run.stderr


def test_make_run_refuses_an_empty_token() -> None:
    # Free ports and a session of its own: were the check missing, what run.sh started is ended.
    ports = {name: str(free_port()) for name in ("RASA_PORT", "ACTIONS_PORT", "WEB_PORT")}
    run = subprocess.Popen(
        [str(ROOT / "scripts" / "run.sh")],
        cwd=ROOT,
        env={**os.environ, **ports, "REVIEW_PORT": str(free_port()), "RASA_AUTH_TOKEN": ""},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        _, stderr = run.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(run.pid, signal.SIGTERM)
        run.communicate(timeout=30)
        pytest.fail("run.sh started with an empty RASA_AUTH_TOKEN")
    assert run.returncode != 0
    assert "RASA_AUTH_TOKEN is set but empty" in stderr


def test_make_run_generates_a_private_token_file(tmp_path: Path) -> None:
    token_file = tmp_path / "var" / "rasa-auth-token"
    for _ in range(2):  # generated once, then kept
        subprocess.run([str(ROOT / "scripts" / "ensure_secret.sh"), str(token_file)], check=True)
        mode = stat.S_IMODE(token_file.stat().st_mode)
        assert mode == 0o600, oct(mode)
    token = token_file.read_text().strip()
    assert len(token) >= 32
    subprocess.run([str(ROOT / "scripts" / "ensure_secret.sh"), str(token_file)], check=True)
    assert token_file.read_text().strip() == token
    assert "ensure_secret.sh var/rasa-auth-token" in (ROOT / "scripts" / "run.sh").read_text()
