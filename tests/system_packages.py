"""The Debian packages the tests use are required, not optional: a missing one fails the run with
the command that installs it, instead of skipping the tests that need it (a skipped security or
deployment test looks like a passed one in a summary line)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

INSTALL = "run `make system-packages` (scripts/ensure_system_packages.sh)"


def require_program(name: str, package: str) -> str:
    """The program's path, or the test fails saying which package is missing."""
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed (Debian package {package}): {INSTALL}", False)
    return found


def require_file(path: str | Path, package: str) -> Path:
    if not Path(path).exists():
        pytest.fail(f"{path} is missing (Debian package {package}): {INSTALL}", False)
    return Path(path)
