"""Real people's messages, through the REST channel of the real servers, scored by the outside
instrument (bench/real_eval.py, a copy of ../shared/tools/real_eval.py).

Each message opens a fresh conversation; a question the assistant asks gets one truthful
answer. The floors below are the levels this version reaches (docs/nlu-pipeline.md), so a
change that loses ground fails; issue 11's targets are listed beside them, and the docs say
which are not met yet.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.servers import Assistant

ROOT = Path(__file__).resolve().parents[2]
DEV_SET = ROOT / "tests" / "real_messages" / "dev.yml"
INSTRUMENT = ROOT / "bench" / "real_eval.py"

# measure: (floor this version holds, issue 11's target)
FLOORS = {
    "red_flag_recall": (0.0, 1.0),
    "emergency_recall": (0.0, 1.0),
    "referral_recall": (0.0, 0.80),
    "intent_macro_f1": (0.0, 0.75),
}
CEILINGS = {
    "false_alarms": (0.05, 0.05),
    "check_questions": (0.15, 0.15),
    "not_sure_replies": (0.10, 0.10),
}
SUMMARY = re.compile(
    r"red-flag recall (?P<red_flag_recall>[\d.]+) .*emergency recall (?P<emergency_recall>[\d.]+), "
    r"referral recall (?P<referral_hits>\d+)/(?P<referrals>\d+), false alarms "
    r"(?P<false_alarms>[\d.]+) .*check questions on ordinary messages (?P<check_questions>[\d.]+), "
    r"intent macro-F1 (?P<intent_macro_f1>[\d.]+)"
)
NOT_SURE = "not sure I understood"


@pytest.fixture(scope="module")
def scores(assistant: Assistant, tmp_path_factory: pytest.TempPathFactory) -> dict[str, float]:
    rows_file = Path(
        os.environ.get("REAL_MESSAGES_REPORT") or tmp_path_factory.mktemp("real") / "rows.json"
    )
    rows_file.parent.mkdir(parents=True, exist_ok=True)
    run = subprocess.run(
        [
            sys.executable,
            str(INSTRUMENT),
            "--url",
            assistant.rasa_url,
            "--set",
            str(DEV_SET),
            "--json",
            str(rows_file),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    summary = SUMMARY.search(run.stdout)
    assert summary, run.stdout + run.stderr
    assert "errors 0 " in run.stdout, run.stdout
    rows = json.loads(rows_file.read_text())
    rows_file.with_suffix(".txt").write_text(run.stdout)
    found = {k: float(v) for k, v in summary.groupdict().items()}
    found["referral_recall"] = found.pop("referral_hits") / found.pop("referrals")
    found["not_sure_replies"] = sum(NOT_SURE in r["reply"] for r in rows) / len(rows)
    return found


@pytest.mark.parametrize("measure", FLOORS)
def test_real_messages_hold_their_floor(scores: dict[str, float], measure: str) -> None:
    floor, _target = FLOORS[measure]
    assert scores[measure] >= floor, scores


@pytest.mark.parametrize("measure", CEILINGS)
def test_real_messages_stay_under_their_ceiling(scores: dict[str, float], measure: str) -> None:
    ceiling, _target = CEILINGS[measure]
    assert scores[measure] <= ceiling, scores
