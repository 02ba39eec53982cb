"""The production profile (scripts/prod/up.sh) on free loopback ports, with handles to break and
mend each part of it: the action server, PostgreSQL and Redis."""

from __future__ import annotations

import glob
import os
import shlex
import signal
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from tests.servers import APP_PY, ROOT, TLS, free_port

UP = ROOT / "scripts" / "prod" / "up.sh"
DOWN = ROOT / "scripts" / "prod" / "down.sh"
STARTUP_SECONDS = 300
# The least each Rasa server's accept queue may hold. Past the queue, the kernel drops new
# connections while a turn holds the event loop, and nginx answers 504 after its connect or read
# timeout: a queue of 4 gave 109 such 504s in the 200-person load test on a busy machine, and
# Rasa's own default (100) is the likely cause of CI's 28.
ACCEPT_BACKLOG = 1024


def distinct_free_ports(count: int) -> list[int]:
    """`count` free ports, all different: the kernel may hand a just-released port out again."""
    ports: list[int] = []
    for _ in range(count * 50):
        port = free_port()
        if port not in ports:
            ports.append(port)
        if len(ports) == count:
            return ports
    raise RuntimeError("not enough distinct free ports")


def read_env_file(path: Path) -> dict[str, str]:
    values: dict[str, str] = {}
    for line in path.read_text().splitlines():
        if "=" in line and not line.startswith("#"):
            key, _, value = line.partition("=")
            values[key] = shlex.split(value)[0] if value else ""
    return values


@dataclass
class Profile:
    prod_dir: Path
    rasa_servers: int = 2
    extra_env: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        ports = distinct_free_ports(7 + self.rasa_servers)
        prod, actions, proxy, postgres, redis, review, web = ports[:7]
        self.env = {
            **os.environ,
            "PROD_DIR": str(self.prod_dir),
            "PROD_PORT": str(prod),
            "RASA_SERVERS": str(self.rasa_servers),
            "RASA_PORTS": " ".join(str(port) for port in ports[7:]),
            "PROD_ACTIONS_PORT": str(actions),
            "ACTIONS_PROXY_PORT": str(proxy),
            "POSTGRES_PORT": str(postgres),
            "REDIS_PORT": str(redis),
            "PROD_REVIEW_PORT": str(review),
            "PROD_WEB_PORT": str(web),
            "STARTUP_SECONDS": str(STARTUP_SECONDS),
            **self.extra_env,
        }
        # The tests' own secrets, from the environment of the test run only.
        for name in (
            "RASA_AUTH_TOKEN",
            "POSTGRES_PASSWORD",
            "REDIS_PASSWORD",
            "REVIEW_SECRET_KEY",
            "WEB_SESSION_SECRET",
        ):
            self.env.setdefault(name, os.urandom(18).hex())
        self.token = self.env["RASA_AUTH_TOKEN"]
        self._children: dict[str, subprocess.Popen[bytes]] = {}

    # ---- life cycle --------------------------------------------------------------------------

    def up(self) -> None:
        result = subprocess.run(
            [str(UP)],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=STARTUP_SECONDS + 120,
        )
        if result.returncode != 0:
            raise RuntimeError(f"up.sh failed:\n{result.stdout[-3000:]}\n{result.stderr[-5000:]}")
        self.stack = read_env_file(self.prod_dir / "stack.env")
        self.startup_output = result.stdout

    def down(self, purge: bool = True) -> None:
        args = [str(DOWN), "--purge"] if purge else [str(DOWN)]
        subprocess.run(args, cwd=ROOT, env=self.env, capture_output=True, timeout=180)

    # ---- addresses ---------------------------------------------------------------------------

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.env['PROD_PORT']}"

    @property
    def rasa_ports(self) -> list[int]:
        return [int(p) for p in self.env["RASA_PORTS"].split()]

    def rasa_url(self, index: int = 0) -> str:
        return f"http://127.0.0.1:{self.rasa_ports[index]}"

    @property
    def logs(self) -> Path:
        return self.prod_dir / "logs"

    def say(
        self, sender: str, message: str, *, url: str | None = None, timeout: float = 30
    ) -> httpx.Response:
        return httpx.post(
            (url or self.url) + "/webhooks/rest/webhook",
            json={"sender": sender, "message": message},
            timeout=timeout,
            verify=TLS,
        )

    def tracker(self, sender: str) -> dict:
        response = httpx.get(
            f"{self.rasa_url(0)}/conversations/{sender}/tracker",
            params={"token": self.token, "include_events": "ALL"},
            timeout=30,
            verify=TLS,
        )
        response.raise_for_status()
        return response.json()

    # ---- processes ---------------------------------------------------------------------------

    def pid(self, name: str) -> int:
        return int((self.prod_dir / "pids" / f"{name}.pid").read_text())

    def alive(self, name: str) -> bool:
        try:
            os.kill(self.pid(name), 0)
        except (OSError, FileNotFoundError):
            return False
        return True

    @property
    def actions_name(self) -> str:
        return f"actions-{self.env['PROD_ACTIONS_PORT']}"

    def kill_actions(self) -> None:
        """SIGKILL the action server and its Sanic workers (its own process group)."""
        pid = self.pid(self.actions_name)
        os.killpg(pid, signal.SIGKILL)
        child = self._children.pop(self.actions_name, None)
        if child is not None:
            child.wait(timeout=20)
        else:
            _wait_gone(pid)

    def start_actions(self) -> None:
        port = self.env["PROD_ACTIONS_PORT"]
        env = {
            **self.env,
            "PYTHONPATH": f"{ROOT}:{self.env.get('PYTHONPATH', '')}".rstrip(":"),
            "SANIC_HOST": "127.0.0.1",
            "ACTION_SERVER_SANIC_WORKERS": "2",
            "DATABASE_URL": self.database_url,
        }
        log = (self.logs / f"{self.actions_name}.log").open("ab")
        popen = subprocess.Popen(
            [str(APP_PY), "-m", "rasa_sdk", "--actions", "actions", "-p", port],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self._children[self.actions_name] = popen
        (self.prod_dir / "pids" / f"{self.actions_name}.pid").write_text(f"{popen.pid}\n")
        wait_for(lambda: _get_ok(f"http://127.0.0.1:{port}/health"), 60, "action server")

    @property
    def database_url(self) -> str:
        s = self.stack
        return (
            f"postgresql://{s['POSTGRES_USER']}:{self.env['POSTGRES_PASSWORD']}"
            f"@127.0.0.1:{s['POSTGRES_PORT']}/{s['KNOWLEDGE_DB']}"
        )

    def _pg(self, *args: str) -> None:
        binary = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))[-1]
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        subprocess.run(
            [*prefix, binary, "-D", str(self.prod_dir / "pg" / "data"), *args],
            check=True,
            capture_output=True,
            timeout=90,
        )

    def stop_postgres(self) -> None:
        self._pg("-m", "fast", "-w", "stop")

    def start_postgres(self) -> None:
        port = self.stack["POSTGRES_PORT"]
        self._pg(
            "-w",
            "-t",
            "60",
            "-l",
            str(self.prod_dir / "pg" / "postgres.log"),
            "-o",
            f"-p {port} -k {self.prod_dir / 'pg' / 'socket'} -c listen_addresses=127.0.0.1 "
            "-c max_connections=200",
            "start",
        )

    def stop_redis(self) -> None:
        pidfile = self.prod_dir / "redis" / "redis.pid"
        pid = int(pidfile.read_text())
        os.kill(pid, signal.SIGTERM)
        _wait_gone(pid)

    def start_redis(self) -> None:
        subprocess.run(
            ["redis-server", str(self.prod_dir / "redis" / "redis.conf")], check=True, timeout=30
        )
        wait_for(lambda: (self.prod_dir / "redis" / "redis.pid").exists(), 20, "redis")

    def log_text(self, name: str) -> str:
        return (self.logs / f"{name}.log").read_text(errors="replace")


def _get_ok(url: str) -> bool:
    try:
        return httpx.get(url, timeout=2, verify=TLS).status_code == 200
    except httpx.HTTPError:
        return False


def _wait_gone(pid: int, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except OSError:
            return
        time.sleep(0.1)
    raise TimeoutError(f"process {pid} still running after {seconds} s")


def wait_for(check: Callable[[], bool], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.2)
    raise TimeoutError(f"{what} not ready within {seconds} s")
