"""What each red-flag layer adds over the rules alone, on real people's messages.

Parses every message of tests/real_messages/dev.yml with the trained model (the detector's
findings record their layer and status) and scores four cumulative layers the way the outside
instrument does (a question is answered truthfully once):
  1. rules: `match` rules and phrases, mentions that are present now;
  2. + long-ago history: a rule's sign told years back gets its check question;
  3. + suspect cues: condition names and signs without their context get the check question;
  4. + classifier: a red flag the intent classifier reads and no rule can place.

Run: .venv/bot/bin/python bench/red_flag_layers.py [model.tar.gz]   (bot environment)
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

import yaml
from rasa.core.agent import Agent

from bot_extensions import rasa_patches
from bot_extensions.triage import ALARM_LEVELS, urgency_rank

ROOT = Path(__file__).resolve().parents[1]
DEV_SET = ROOT / "tests" / "real_messages" / "dev.yml"
LAYERS = ["rules", "+ long-ago history", "+ suspect cues", "+ classifier"]


def level_after_answer(audit: dict, label: str, layers: int) -> str:
    """The triage after the first reply and one truthful answer, with the first `layers` on."""
    findings = audit["findings"]
    present = [f["urgency"] for f in findings if f["status"] == "present"]
    level = max(present, key=urgency_rank, default="none")
    unclear = [
        f
        for f in findings
        if f["status"] == "unclear" and (layers >= 3 or f["layer"] == "rule") and layers >= 2
    ]
    asked = [f["urgency"] for f in unclear]
    if layers >= 4 and (audit.get("asked") or {}).get("layer") == "classifier":
        asked.append(audit["asked"]["urgency"])
    top_asked = max(asked, key=urgency_rank, default="none")
    # The outside instrument answers only while the triage is below urgent.
    if label != "none" and urgency_rank(level) < urgency_rank("urgent"):
        level = max([level, top_asked], key=urgency_rank)
    return level


async def audits(model: str, texts: list[str]) -> list[dict]:
    # The model's policies refuse to load without the project's Rasa patches.
    rasa_patches.install_all()
    agent = Agent.load(model)
    return [(await agent.parse_message(text))["red_flag_findings"] for text in texts]


def main() -> None:
    model = sys.argv[1] if len(sys.argv) > 1 else _current_model()
    items = yaml.safe_load(DEV_SET.read_text())
    parsed = asyncio.run(audits(model, [item["text"] for item in items]))
    flagged = [i for i, item in enumerate(items) if item["red_flag"] in ALARM_LEVELS]
    plain = [i for i, item in enumerate(items) if item["red_flag"] == "none"]
    print("| layers | red flags caught | emergencies caught | false alarms |")
    print("|---|---|---|---|")
    for number, name in enumerate(LAYERS, start=1):
        levels = [
            level_after_answer(a, it["red_flag"], number)
            for a, it in zip(parsed, items, strict=True)
        ]
        caught = sum(urgency_rank(levels[i]) >= urgency_rank(items[i]["red_flag"]) for i in flagged)
        emergencies = [i for i in flagged if items[i]["red_flag"] == "emergency"]
        caught_e = sum(levels[i] == "emergency" for i in emergencies)
        alarms = sum(levels[i] in ALARM_LEVELS for i in plain)
        print(
            f"| {name} | {caught}/{len(flagged)} | {caught_e}/{len(emergencies)} "
            f"| {alarms}/{len(plain)} |"
        )


def _current_model() -> str:
    return subprocess.run(
        [str(ROOT / "scripts" / "current_model.sh")], capture_output=True, text=True, check=True
    ).stdout.strip()


if __name__ == "__main__":
    main()
