"""Write the real-messages scores into docs/nlu-pipeline.md.

Reads what `make bench-real` measured (var/bench/real-messages/<set>.json and .txt, written
by tests/integration/test_real_messages.py through bench/real_eval.py) and replaces the part
of the doc between the two markers: each set's measures and the messages still missed, by
id. Why each miss is left lives in the doc, outside the markers.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "nlu-pipeline.md"
START, END = "<!-- real-messages:start -->", "<!-- real-messages:end -->"
LEVELS = ["none", "see_clinician", "urgent", "emergency"]


def rank(level: str) -> int:
    return LEVELS.index(level) if level in LEVELS else -1


def report(name: str, rows: list[dict], summary: str) -> str:
    plain = [r for r in rows if r["red_flag"] == "none"]
    not_sure = sum("not sure I understood" in r["reply"] for r in rows)
    missed = [
        r for r in rows if r["red_flag"] != "none" and rank(r["after_answer"]) < rank(r["red_flag"])
    ]
    alarms = [r for r in plain if rank(r["after_answer"]) >= rank("urgent")]
    lines = [
        f"**`{name}.yml`**, {len(rows)} messages, measured {date.today().isoformat()} with "
        "`make bench-real`:",
        "",
        "```",
        summary.strip().splitlines()[-1],
        f"'I'm not sure' replies {not_sure}/{len(rows)}",
        "```",
        "",
        "| missed (wanted → got after one answer) | id |",
        "|---|---|",
    ]
    lines += [
        f"| {r['red_flag']} → {r['after_answer']} | {r['id']} |"
        for r in sorted(missed, key=lambda r: (-rank(r["red_flag"]), r["id"]))
    ]
    lines += ["", "| false alarm (none → got) | id |", "|---|---|"]
    lines += [f"| none → {r['after_answer']} | {r['id']} |" for r in alarms]
    return "\n".join(lines)


def main() -> None:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "var/bench/real-messages")
    table = "\n\n".join(
        report(
            rows_file.stem,
            json.loads(rows_file.read_text()),
            rows_file.with_suffix(".txt").read_text(),
        )
        for rows_file in sorted(folder.glob("*.json"))
    )
    # issue 15: questions outside the exercises (bench/topic_answers.py)
    for topics_file in sorted((folder / "topics").glob("*.txt")):
        table += (
            f"\n\n**Topics for the questions outside the exercises, `{topics_file.stem}.yml`**"
            f" (labels in `tests/real_messages/{topics_file.stem}_topics.yml`):\n\n```\n"
            f"{topics_file.read_text().strip()}\n```"
        )
    doc = DOC.read_text()
    pattern = re.compile(re.escape(START) + ".*?" + re.escape(END), re.S)
    DOC.write_text(pattern.sub(lambda _: f"{START}\n{table}\n{END}", doc))
    print(table)


if __name__ == "__main__":
    main()
