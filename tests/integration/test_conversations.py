"""Multi-turn conversations typed as people type (tests/scenarios/), through the REST channel
of the real servers, judged by the outside instrument (bench/scenario_eval.py, a verbatim copy
of ../shared/tools/scenario_eval.py): every expectation, a triage that never goes down, no
silent turn. Each file was written by a tester who never read the rules or the training data.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.servers import Assistant

ROOT = Path(__file__).resolve().parents[2]
INSTRUMENT = ROOT / "bench" / "scenario_eval.py"
CONVERSATIONS = sorted((ROOT / "tests" / "scenarios").glob("conversations*.yml"))
# As for the real messages: the token goes in through the environment, as one argument.
WITH_TOKEN = (
    "import os, runpy, sys; script = sys.argv[1]; "
    "sys.argv = [script, '--token=' + os.environ.pop('INSTRUMENT_TOKEN'), *sys.argv[2:]]; "
    "runpy.run_path(script, run_name='__main__')"
)


@pytest.mark.parametrize("conversations", CONVERSATIONS, ids=lambda path: path.stem)
def test_every_conversation_passes(assistant: Assistant, conversations: Path) -> None:
    run = subprocess.run(
        [
            sys.executable,
            "-c",
            WITH_TOKEN,
            str(INSTRUMENT),
            "--url",
            assistant.rasa_url,
            "--set",
            str(conversations),
        ],
        env={**os.environ, "INSTRUMENT_TOKEN": assistant.token},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    summary = run.stdout.strip().splitlines()[-1] if run.stdout.strip() else run.stderr
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert "safety failures: 0" in summary, summary
