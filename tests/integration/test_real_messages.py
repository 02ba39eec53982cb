"""Real people's messages, through the REST channel of the real servers, scored by the outside
instrument (bench/real_eval.py, a copy of ../shared/tools/real_eval.py).

Each message opens a fresh conversation; a question the assistant asks gets one truthful
answer. Three hundred sets: `dev.yml` and `collected_1.yml` to `collected_271.yml`,
real messages nobody here wrote, and `written_here.yml` to `written_here_28.yml`, stories written
here by writers who never saw the dev set or the rules, to check that the rules generalise. The
floors (tests/real_message_floors.py) are the levels this version reaches (docs/nlu-pipeline.md),
so a change that loses ground fails; issue 11's targets are kept beside them, and the docs say
which are not met yet. Which sets `make test` scores here: see GATED.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.integration.instruments import INSTRUMENTS_AT_ONCE, run_instrument
from tests.real_message_floors import AT_MOST, HOLDS, READ_BY_THE_DETECTOR, TARGETS
from tests.servers import Assistant

ROOT = Path(__file__).resolve().parents[2]
SETS = ROOT / "tests" / "real_messages"
TOPIC_ANSWERS = ROOT / "bench" / "topic_answers.py"
# issue 15: at least this share of the dev set's questions outside the exercises get the
# topic that answers them (labels in tests/real_messages/dev_topics.yml)
TOPICS_ANSWERED = 0.80

SUMMARY = re.compile(
    r"red-flag recall (?P<red_flag_recall>[\d.]+) .*emergency recall (?P<emergency_recall>[\d.]+), "
    r"referral recall (?P<referral_hits>\d+)/(?P<referrals>\d+), false alarms "
    r"(?P<false_alarms>[\d.]+) .*check questions on ordinary messages (?P<check_questions>[\d.]+), "
    r"intent macro-F1 (?P<intent_macro_f1>[\d.]+)"
)
NOT_SURE = "not sure I understood"


def score(assistant: Assistant, name: str, rows_file: Path) -> dict[str, float]:
    run = run_instrument(
        "real_eval", assistant, "--set", str(SETS / f"{name}.yml"), "--json", str(rows_file)
    )
    summary = SUMMARY.search(run.stdout)
    assert summary, run.stdout + run.stderr
    assert "errors 0 " in run.stdout, run.stdout
    rows_file.with_suffix(".txt").write_text(run.stdout)
    rows = json.loads(rows_file.read_text())
    found = {k: float(v) for k, v in summary.groupdict().items()}
    found["referral_recall"] = found.pop("referral_hits") / found.pop("referrals")
    found["not_sure_replies"] = sum(NOT_SURE in r["reply"] for r in rows) / len(rows)
    return found


def report_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    report = os.environ.get("REAL_MESSAGES_REPORT")
    out = Path(report) if report else tmp_path_factory.mktemp("real")
    out.mkdir(parents=True, exist_ok=True)
    return out


# `make test` gates the dev set and the newer collected sets here; the oldest collected sets are
# gated by the detector alone (tests/bot/test_real_messages_at_detector_level.py), and the stories
# written here not at all. `make bench-real` (REAL_MESSAGES_REPORT set) scores them all here,
# which keeps the suite under its 20 minutes now that the stored messages number near ten
# thousand.
GATED = [
    name
    for name in HOLDS
    if os.environ.get("REAL_MESSAGES_REPORT")
    or not (name.startswith("written_here") or name in READ_BY_THE_DETECTOR)
]


@pytest.fixture(scope="module")
def scores(
    assistant: Assistant, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, dict[str, float]]:
    out = report_folder(tmp_path_factory)
    # The sets are scored side by side: each instrument waits on the network most of the time.
    with ThreadPoolExecutor(max_workers=INSTRUMENTS_AT_ONCE) as pool:
        found = {name: pool.submit(score, assistant, name, out / f"{name}.json") for name in GATED}
    return {name: future.result() for name, future in found.items()}


@pytest.mark.parametrize(
    ("name", "measure"), [(name, measure) for name in GATED for measure in TARGETS]
)
def test_real_messages_hold_their_level(
    scores: dict[str, dict[str, float]], name: str, measure: str
) -> None:
    found, holds = scores[name][measure], HOLDS[name][measure]
    assert (found <= holds) if measure in AT_MOST else (found >= holds), scores[name]


def test_questions_outside_the_exercises_get_the_topic_that_answers_them(
    assistant: Assistant, tmp_path_factory: pytest.TempPathFactory
) -> None:
    out = report_folder(tmp_path_factory) / "topics"
    out.mkdir(exist_ok=True)
    run = subprocess.run(
        [
            sys.executable,
            str(TOPIC_ANSWERS),
            "--url",
            assistant.rasa_url,
            "--set",
            str(SETS / "dev.yml"),
            "--topics",
            str(SETS / "dev_topics.yml"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    (out / "dev.txt").write_text(run.stdout)
    share = re.search(r"topics answered ([\d.]+)", run.stdout)
    assert share, run.stdout + run.stderr
    assert float(share.group(1)) >= TOPICS_ANSWERED, run.stdout
