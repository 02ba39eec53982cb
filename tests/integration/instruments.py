"""The outside instruments (bench/real_eval.py, bench/scenario_eval.py: verbatim copies of
../shared/tools/), run against the real servers as a newcomer would run them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.servers import Assistant

BENCH = Path(__file__).resolve().parents[2] / "bench"
# Instruments run side by side against the one assistant (each is a client waiting on replies).
INSTRUMENTS_AT_ONCE = 3

# The instruments take the HTTP API's token as `--token`; given on a command line, `ps` would
# show it, so the instrument runs with that argument added inside its own process, from the
# environment. One `--token=T` argument: a token that begins with "-" would be read as an
# option after a separate `--token`.
WITH_TOKEN = (
    "import os, runpy, sys; script = sys.argv[1]; "
    "sys.argv = [script, '--token=' + os.environ.pop('INSTRUMENT_TOKEN'), *sys.argv[2:]]; "
    "runpy.run_path(script, run_name='__main__')"
)


def run_instrument(
    name: str, assistant: Assistant, *arguments: str
) -> subprocess.CompletedProcess[str]:
    """`bench/<name>.py --url <the assistant> <arguments>`, with the assistant's token."""
    return subprocess.run(
        [
            sys.executable,
            "-c",
            WITH_TOKEN,
            str(BENCH / f"{name}.py"),
            "--url",
            assistant.rasa_url,
            *arguments,
        ],
        env={**os.environ, "INSTRUMENT_TOKEN": assistant.token},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def last_line(output: str) -> str:
    """An instrument's summary: the last line it printed."""
    lines = output.strip().splitlines()
    return lines[-1] if lines else ""
