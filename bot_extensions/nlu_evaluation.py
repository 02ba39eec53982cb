"""Score a trained model's NLU on the held-out set and the red-flag cases.

Shared by the gates in `make test` and by bench/compare_nlu_pipelines.py, so the numbers in
the docs and the numbers the gates check are the same numbers.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

from rasa.core.agent import Agent
from rasa.shared.nlu.training_data.loading import load_data
from sklearn.metrics import f1_score

from bot_extensions.red_flags.component import RED_FLAG_INTENT
from bot_extensions.triage import ALARM_LEVELS
from bot_extensions.yaml_files import read_yaml


@dataclass(frozen=True)
class Parsed:
    text: str
    expected: str
    intent: str
    alarm: bool  # the message would get an emergency or urgent reply
    seconds: float


@dataclass(frozen=True)
class NluScores:
    macro_f1: float
    red_flag_recall: float
    false_alarm_rate: float
    parse_p50_ms: float
    parse_p95_ms: float
    misread: list[Parsed]


def labelled_examples(path: Path) -> list[tuple[str, str]]:
    data = load_data(str(path))
    return [(m.get("text"), m.get("intent")) for m in data.intent_examples]


def red_flag_examples(path: Path, urgency_by_slug: dict[str, str]) -> list[tuple[str, str]]:
    """The emergency and urgent positives, which must get the red-flag intent."""
    cases = read_yaml(path)["cases"]
    return [
        (text, RED_FLAG_INTENT)
        for slug, case in cases.items()
        if urgency_by_slug.get(slug) in ALARM_LEVELS
        for text in case["positive"]
    ]


async def _parse_all(agent: Agent, examples: list[tuple[str, str]]) -> list[Parsed]:
    parsed = []
    for text, expected in examples:
        start = time.perf_counter()
        result = await agent.parse_message(text)
        seconds = time.perf_counter() - start
        alarm = any(
            e["entity"] == "triage_level" and e["value"] in ALARM_LEVELS
            for e in result.get("entities", [])
        )
        parsed.append(Parsed(text, expected, result["intent"]["name"], alarm, seconds))
    return parsed


def parse(agent: Agent, examples: list[tuple[str, str]]) -> list[Parsed]:
    """`examples` read by a loaded model (`Agent.load`: one load serves every set)."""
    return asyncio.run(_parse_all(agent, examples))


def score(heldout: list[Parsed], red_flag_positives: list[Parsed]) -> NluScores:
    labels = sorted({p.expected for p in heldout})
    macro = f1_score(
        [p.expected for p in heldout], [p.intent for p in heldout], labels=labels, average="macro"
    )
    must_alarm = [p for p in heldout if p.expected == RED_FLAG_INTENT] + red_flag_positives
    caught = [p for p in must_alarm if p.intent == RED_FLAG_INTENT or p.alarm]
    ordinary = [p for p in heldout if p.expected != RED_FLAG_INTENT]
    alarms = [p for p in ordinary if p.intent == RED_FLAG_INTENT or p.alarm]
    latencies = sorted(p.seconds * 1000 for p in heldout)
    return NluScores(
        macro_f1=float(macro),
        red_flag_recall=len(caught) / len(must_alarm),
        false_alarm_rate=len(alarms) / len(ordinary),
        parse_p50_ms=statistics.median(latencies),
        parse_p95_ms=latencies[int(0.95 * (len(latencies) - 1))],
        misread=[p for p in heldout if p.intent != p.expected],
    )
