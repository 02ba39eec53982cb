"""The production profile, started once for the fault tests on free loopback ports, and stopped
(with its data deleted) after them. Run: .venv/app/bin/python -m pytest tests/prod -m prod"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.prod.profile import Profile
from tests.servers import ROOT


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "prod: starts the production profile (PostgreSQL, Redis, nginx, two Rasa servers)",
    )


@pytest.fixture(scope="session")
def profile() -> Iterator[Profile]:
    # Not under pytest's 0700 temp dirs: PostgreSQL runs as its own user and must reach its data.
    prod_dir = Path(tempfile.mkdtemp(prefix="backbone-prod-"))
    running = Profile(prod_dir=prod_dir)
    try:
        running.up()
        yield running
    finally:
        running.down(purge=False)
        # Keep the logs of the last run for a look after a failure (CI can upload this folder).
        kept = ROOT / "var" / "prod-test-logs"
        shutil.rmtree(kept, ignore_errors=True)
        if (prod_dir / "logs").is_dir():
            shutil.copytree(prod_dir / "logs", kept)
        shutil.rmtree(prod_dir, ignore_errors=True)
