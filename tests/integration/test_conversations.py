"""Multi-turn conversations typed as people type (tests/scenarios/), through the REST channel
of the real servers, judged by the outside instrument (bench/scenario_eval.py, a verbatim copy
of ../shared/tools/scenario_eval.py): every expectation, a triage that never goes down, no
silent turn. Each file was written by a tester who never read the rules or the training data.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.integration.instruments import run_instrument
from tests.servers import Assistant

SCENARIOS = Path(__file__).resolve().parents[2] / "tests" / "scenarios"
CONVERSATIONS = sorted(SCENARIOS.glob("conversations*.yml"))
# Conversations not handled well yet (docs/nlu-pipeline.md): safe, but not yet what they ask.
KNOWN_GAPS = SCENARIOS / "known_gaps.yml"


def last_line(output: str) -> str:
    lines = output.strip().splitlines()
    return lines[-1] if lines else ""


@pytest.mark.parametrize("conversations", CONVERSATIONS, ids=lambda path: path.stem)
def test_every_conversation_passes(assistant: Assistant, conversations: Path) -> None:
    run = run_instrument("scenario_eval", assistant, "--set", str(conversations))
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert "safety failures: 0" in last_line(run.stdout), run.stdout[-2000:]


def test_the_known_gaps_are_still_safe(assistant: Assistant) -> None:
    run = run_instrument("scenario_eval", assistant, "--set", str(KNOWN_GAPS))
    summary = last_line(run.stdout)
    assert summary.startswith("scenarios:"), run.stdout[-2000:] + run.stderr[-2000:]
    assert "safety failures: 0" in summary and "silent turns: 0" in summary, summary
