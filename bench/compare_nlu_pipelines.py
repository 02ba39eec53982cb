"""Train each candidate NLU pipeline on data/nlu and score it on the held-out set.

Run: make bench-nlu   (or .venv/bot/bin/python bench/compare_nlu_pipelines.py [names...])
Writes the table to var/bench/nlu-pipelines.md; docs/nlu-pipeline.md records a run.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import yaml
from rasa.core.agent import Agent

from bot_extensions.nlu_evaluation import labelled_examples, parse, red_flag_examples, score

ROOT = Path(__file__).resolve().parents[1]
PIPELINES = ROOT / "bench" / "nlu_pipelines"
OUT = ROOT / "var" / "bench"


def train(name: str) -> tuple[Path, float]:
    start = time.perf_counter()
    subprocess.run(
        [
            str(ROOT / "scripts" / "rasa"),
            "train",
            "nlu",
            "--config",
            str(PIPELINES / f"{name}.yml"),
            "--nlu",
            "data/nlu",
            "--out",
            str(OUT / "models"),
            "--fixed-model-name",
            f"nlu-{name}",
        ],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return OUT / "models" / f"nlu-{name}.tar.gz", time.perf_counter() - start


def main(names: list[str]) -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    urgency = {
        f["slug"]: f["urgency"]
        for f in yaml.safe_load((ROOT / "data/knowledge/red_flags.yml").read_text())["red_flags"]
    }
    heldout = labelled_examples(ROOT / "tests/nlu/heldout.yml")
    positives = red_flag_examples(ROOT / "tests/red_flags/cases.yml", urgency)
    rows = [
        "| pipeline | macro-F1 | red-flag recall | false alarms | train (s) "
        "| parse p50 (ms) | parse p95 (ms) |",
        "|---|---|---|---|---|---|---|",
    ]
    for name in names or sorted(p.stem for p in PIPELINES.glob("*.yml")):
        model, seconds = train(name)
        agent = Agent.load(str(model))
        scores = score(parse(agent, heldout), parse(agent, positives))
        rows.append(
            f"| {name} | {scores.macro_f1:.3f} | {scores.red_flag_recall:.1%} | "
            f"{scores.false_alarm_rate:.1%} | {seconds:.0f} | {scores.parse_p50_ms:.1f} | "
            f"{scores.parse_p95_ms:.1f} |"
        )
        print(rows[-1], flush=True)
    (OUT / "nlu-pipelines.md").write_text("\n".join(rows) + "\n")
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
