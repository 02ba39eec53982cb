"""A private PostgreSQL server (Debian's packages) on a free loopback port, for the tests."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.servers import free_port


def _binaries() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    if not found:
        raise RuntimeError("PostgreSQL is not installed: run `make system-packages`")
    return Path(found[-1]).parent


class PostgresServer:
    def __init__(self) -> None:
        self.bin = _binaries()
        self.port = free_port()
        self.datadir = Path(tempfile.mkdtemp(prefix="backcare-pg-"))
        # PostgreSQL refuses to run as root, so as root the server runs as the postgres user.
        self.user = "postgres" if os.geteuid() == 0 else pwd.getpwuid(os.geteuid()).pw_name
        if os.geteuid() == 0:
            shutil.chown(self.datadir, "postgres", "postgres")

    def _run(self, *args: str) -> None:
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        subprocess.run([*prefix, *args], check=True, capture_output=True, timeout=120)

    def start(self) -> None:
        data = str(self.datadir / "data")
        self._run(
            str(self.bin / "initdb"), "-D", data, "--auth=trust", "-U", self.user, "-E", "UTF8"
        )
        self._run(
            str(self.bin / "pg_ctl"),
            "-D",
            data,
            "-w",
            "-t",
            "60",
            "-l",
            str(self.datadir / "log"),
            "-o",
            # fsync off and a small WAL: a throwaway server, and the lanes share one disk.
            f"-p {self.port} -k {self.datadir} -c listen_addresses=127.0.0.1 -c fsync=off"
            " -c wal_level=minimal -c max_wal_senders=0 -c max_wal_size=64MB",
            "start",
        )

    def stop(self) -> None:
        try:
            self._run(
                str(self.bin / "pg_ctl"), "-D", str(self.datadir / "data"), "-m", "fast", "stop"
            )
        finally:
            shutil.rmtree(self.datadir, ignore_errors=True)

    def _client(self, tool: str, name: str, *options: str) -> None:
        """A PostgreSQL client program (createdb, dropdb) against this server, on `name`."""
        self._run(
            str(self.bin / tool),
            *options,
            "-h",
            "127.0.0.1",
            "-p",
            str(self.port),
            "-U",
            self.user,
            name,
        )

    def create_database(self, name: str) -> str:
        self._client("createdb", name)
        return f"postgresql://{self.user}@127.0.0.1:{self.port}/{name}"

    def drop_database(self, name: str) -> None:
        """Drop a test's database (closing what is still connected) so the disk stays small."""
        self._client("dropdb", name, "--force")

    def wait_ready(self, seconds: float = 30) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if (
                subprocess.run(
                    [str(self.bin / "pg_isready"), "-h", "127.0.0.1", "-p", str(self.port)],
                    capture_output=True,
                ).returncode
                == 0
            ):
                return
            time.sleep(0.2)
        raise TimeoutError("PostgreSQL did not become ready")


@pytest.fixture(scope="session", name="postgres")
def postgres_fixture() -> Iterator[PostgresServer]:
    """`postgres`: one private PostgreSQL for a test session (conftests import this)."""
    server = PostgresServer()
    server.start()
    server.wait_ready()
    yield server
    server.stop()
