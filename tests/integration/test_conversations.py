"""Multi-turn conversations typed as people type (tests/scenarios/), through the REST channel
of the real servers, judged by the outside instrument (bench/scenario_eval.py, a verbatim copy
of ../shared/tools/scenario_eval.py): every expectation, a triage that never goes down, no
silent turn. Each file was written by a tester who never read the rules or the training data.

`make test` runs every conversation of the newest rounds; of the older rounds, those that expect
an alarm (a sign to catch, no teaching after it); of older ones still, those that expect an
emergency; the first sixty rounds not at all. All of them took the suite past its 20 minutes
(stop 62: 1,493 s, the conversations a third of its CPU), and the suite is CPU-bound: both cores
busy to its end. `make bench-conversations` (CONVERSATIONS_ALL set) runs every conversation of
every round.
"""

from __future__ import annotations

import os
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from bot_extensions.yaml_files import read_yaml
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


# Rounds up to this one run only their conversations that expect an alarm in `make test`...
ALARMS_ONLY_UP_TO_ROUND = 172
ALARMS = {"urgent", "emergency"}
# ...and rounds up to this one only those that expect an emergency.
EMERGENCIES_ONLY_UP_TO_ROUND = 150
EMERGENCIES = {"emergency"}
# ...and rounds up to this one (written when the assistant knew least, their signs told plainly
# and passing since) only in `make bench-conversations`.
BENCH_ONLY_UP_TO_ROUND = 60
TRIAGE_EXPECTATIONS = ("triage_at_least", "triage_exactly")


def round_of(path: Path) -> int:
    """The round a file holds: conversations_57.yml is round 57, conversations.yml the first."""
    number = path.stem.rpartition("_")[2]
    return int(number) if number.isdigit() else 0


def expects_one_of(levels: set[str], scenario: dict) -> bool:
    return any(
        turn.get(expectation) in levels
        for turn in scenario.get("turns", [])
        for expectation in TRIAGE_EXPECTATIONS
    )


def chosen_in(path: Path, every_conversation: bool) -> list[str] | None:
    """The ids of the conversations to run from the file, or None for all of them."""
    number = round_of(path)
    if every_conversation or number > ALARMS_ONLY_UP_TO_ROUND:
        return None
    if number <= BENCH_ONLY_UP_TO_ROUND:
        return []
    data = read_yaml(path)
    scenarios = data["scenarios"] if isinstance(data, dict) else data
    levels = EMERGENCIES if number <= EMERGENCIES_ONLY_UP_TO_ROUND else ALARMS
    return [scenario["id"] for scenario in scenarios if expects_one_of(levels, scenario)]


EVERY_CONVERSATION = bool(os.environ.get("CONVERSATIONS_ALL"))
CHOSEN = {
    path: chosen_in(path, EVERY_CONVERSATION)
    for path in part_of(
        sorted(SCENARIOS.glob("conversations*.yml")), os.environ.get("CONVERSATIONS_PART")
    )
}
# (a file of an older round with no alarm to expect runs only in `make bench-conversations`)
CONVERSATIONS = [path for path, chosen in CHOSEN.items() if chosen is None or chosen]


def instrument_arguments(path: Path) -> list[str]:
    chosen = CHOSEN[path]
    return ["--set", str(path), *(["--only", ",".join(chosen)] if chosen else [])]


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
            path: pool.submit(
                run_instrument, "scenario_eval", assistant, *instrument_arguments(path)
            )
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


def test_the_first_rounds_run_in_the_bench_the_oldest_their_emergencies_newer_ones_more(
    tmp_path: Path,
) -> None:
    scenarios = {
        "scenarios": [
            {"id": "calm", "turns": [{"say": "stiff back", "triage_exactly": "none"}]},
            {"id": "alarm", "turns": [{"say": "numb bum", "triage_at_least": "emergency"}]},
            {"id": "late", "turns": [{"say": "hi"}, {"say": "fever", "triage_exactly": "urgent"}]},
        ]
    }
    first = tmp_path / f"conversations_{BENCH_ONLY_UP_TO_ROUND}.yml"
    oldest = tmp_path / f"conversations_{EMERGENCIES_ONLY_UP_TO_ROUND}.yml"
    older = tmp_path / f"conversations_{EMERGENCIES_ONLY_UP_TO_ROUND + 1}.yml"
    newer = tmp_path / f"conversations_{ALARMS_ONLY_UP_TO_ROUND + 1}.yml"
    for path in (first, oldest, older, newer):
        path.write_text(yaml.safe_dump(scenarios))
    assert chosen_in(first, every_conversation=False) == []
    assert chosen_in(first, every_conversation=True) is None
    assert chosen_in(oldest, every_conversation=False) == ["alarm"]
    assert chosen_in(older, every_conversation=False) == ["alarm", "late"]
    assert chosen_in(older, every_conversation=True) is None
    assert chosen_in(newer, every_conversation=False) is None
    assert round_of(tmp_path / "conversations.yml") == 0
