"""Multi-turn conversations typed as people type (tests/scenarios/), through the REST channel
of the real servers, judged by the outside instrument (bench/scenario_eval.py, a verbatim copy
of ../shared/tools/scenario_eval.py): every expectation, a triage that never goes down, no
silent turn. Each file was written by a tester who never read the rules or the training data.
"""

from __future__ import annotations

import os
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.integration.instruments import INSTRUMENTS_AT_ONCE, last_line, run_instrument
from tests.servers import Assistant

SCENARIOS = Path(__file__).resolve().parents[2] / "tests" / "scenarios"


def part_of(files: list[Path], part: str | None) -> list[Path]:
    """Every file, or one part of them ("1/2": the first of every two). One Rasa server answers
    on one core: the suite runs the parts side by side, each with its own servers
    (scripts/test_suites.sh), so both cores answer to the end."""
    if not part:
        return files
    index, _, parts = part.partition("/")
    if not (index.isdigit() and parts.isdigit() and 1 <= int(index) <= int(parts)):
        raise ValueError(f"CONVERSATIONS_PART must read like 1/2, not {part!r}")
    return files[int(index) - 1 :: int(parts)]


CONVERSATIONS = part_of(
    sorted(SCENARIOS.glob("conversations*.yml")), os.environ.get("CONVERSATIONS_PART")
)
# The known gaps (known_gaps.yml) are judged by `make bench-gaps` (test_known_gaps.py).


@dataclass
class Judged:
    runs: dict[Path, subprocess.CompletedProcess[str]]
    # What the action server logged while the conversations ran.
    actions_log: str


@pytest.fixture(scope="module")
def judged(assistant: Assistant) -> Judged:
    """Every file judged once, side by side (each instrument waits on replies)."""
    files = CONVERSATIONS
    log = assistant.workdir / "actions.log"
    logged_before = log.stat().st_size
    with ThreadPoolExecutor(max_workers=INSTRUMENTS_AT_ONCE) as pool:
        runs = {
            path: pool.submit(run_instrument, "scenario_eval", assistant, "--set", str(path))
            for path in files
        }
    with log.open(encoding="utf-8", errors="replace") as logged:
        logged.seek(logged_before)
        return Judged({path: run.result() for path, run in runs.items()}, logged.read())


@pytest.mark.parametrize("conversations", CONVERSATIONS, ids=lambda path: path.stem)
def test_every_conversation_passes(judged: Judged, conversations: Path) -> None:
    run = judged.runs[conversations]
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert "safety failures: 0" in last_line(run.stdout), run.stdout[-2000:]


def test_no_action_failed_in_any_conversation(judged: Judged) -> None:
    # A failed custom action loses its events and leaves the person without its reply, and the
    # instrument sees only what was said: the action server's log tells.
    assert "Traceback" not in judged.actions_log, judged.actions_log[-4000:]


def test_the_parts_take_every_file_once() -> None:
    files = [Path(f"conversations_{number}.yml") for number in range(7)]
    parts = [part_of(files, f"{index}/3") for index in (1, 2, 3)]
    assert sorted(path for part in parts for path in part) == sorted(files)
    assert parts[0] == files[0::3]
    assert part_of(files, None) == files
    for malformed in ("0/2", "3/2", "half", "1/x"):
        with pytest.raises(ValueError, match="CONVERSATIONS_PART"):
            part_of(files, malformed)
