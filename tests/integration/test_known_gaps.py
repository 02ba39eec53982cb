"""Conversations not handled well yet (tests/scenarios/known_gaps.yml, docs/nlu-pipeline.md):
safe, but not yet what they ask. Judged by `make bench-gaps`, not by `make test`: a fifth of the
stored conversations, many of them running their screening loop to its end, they kept the whole
suite over its 20 minutes (stop 54: 1,202 s from a clean clone).
"""

from __future__ import annotations

from pathlib import Path

from tests.integration.instruments import last_line, run_instrument
from tests.servers import Assistant

KNOWN_GAPS = Path(__file__).resolve().parents[2] / "tests" / "scenarios" / "known_gaps.yml"


def test_the_known_gaps_are_still_safe(assistant: Assistant) -> None:
    run = run_instrument("scenario_eval", assistant, "--set", str(KNOWN_GAPS))
    summary = last_line(run.stdout)
    assert summary.startswith("scenarios:"), run.stdout[-2000:] + run.stderr[-2000:]
    assert "safety failures: 0" in summary and "silent turns: 0" in summary, summary
