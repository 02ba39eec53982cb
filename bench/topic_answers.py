"""Do questions outside the exercises get the topic that answers them? (issue 15)

Each message of a real-message set whose topic is labelled (tests/real_messages/dev_topics.yml)
opens a fresh conversation over the REST channel; a question the assistant asks gets the same
truthful answer the outside instrument gives (bench/real_eval.py). The message is answered
when a reply begins with the title of a labelled topic, or, for `none`, when the assistant
says it cannot help with that. Prints one line per message and the share answered.

usage: topic_answers.py --url http://127.0.0.1:5005 --set dev.yml --topics dev_topics.yml
       [--knowledge data/knowledge/education.yml] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import sys
import urllib.request
import uuid
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
YES = "yes, that's happening to me now"
NO = "no, nothing like that"
CANNOT_HELP = "That's not something I can help with"
NO_TOPIC = "none"


def say(url: str, sender: str, text: str) -> list[str]:
    request = urllib.request.Request(
        f"{url}/webhooks/rest/webhook",
        data=json.dumps({"sender": sender, "message": text}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return [r.get("text") or "" for r in json.load(response) if isinstance(r, dict)]


def answered(replies: list[str], wanted: list[str], titles: dict[str, str]) -> bool:
    if wanted == [NO_TOPIC]:
        return any(reply.startswith(CANNOT_HELP) for reply in replies)
    first_lines = {reply.split("\n", 1)[0] for reply in replies}
    return any(titles[slug] in first_lines for slug in wanted)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:5005")
    parser.add_argument("--set", required=True, type=Path)
    parser.add_argument("--topics", required=True, type=Path)
    parser.add_argument("--knowledge", type=Path, default=ROOT / "data/knowledge/education.yml")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    titles = {t["slug"]: t["title"] for t in yaml.safe_load(args.knowledge.read_text())["topics"]}
    labels = yaml.safe_load(args.topics.read_text())["answers"]
    messages = {m["id"]: m for m in yaml.safe_load(args.set.read_text())}
    rows = []
    for message_id, wanted in labels.items():
        message = messages[message_id]
        sender = "topics-" + uuid.uuid4().hex[:12]
        replies = say(args.url, sender, message["text"])
        if replies and "?" in replies[-1]:
            truthful = YES if message["red_flag"] != "none" else NO
            replies += say(args.url, sender, truthful)
        ok = answered(replies, wanted, titles)
        rows.append({"id": message_id, "wanted": wanted, "answered": ok, "replies": replies})
        print(f"{'ok  ' if ok else 'MISS'} {message_id} wanted {', '.join(wanted)}")
    hits = sum(row["answered"] for row in rows)
    print(f"topics answered {hits / len(rows):.2f} ({hits}/{len(rows)})")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
