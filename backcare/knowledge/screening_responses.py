"""The screening questions as domain responses, built from data/knowledge/screening.yml.

The form asks `utter_ask_<slot>` itself, so asking a question costs no call to the action server
and no read of the knowledge database. The wording stays in the knowledge YAML:
`python -m backcare.knowledge.screening_responses` writes domain/generated/screening_questions.yml,
and scripts/train.sh runs it before every training (the file is not under version control).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import yaml

from backcare.knowledge.loader import KnowledgeError, read_knowledge
from backcare.knowledge.schema import Button, ScreeningQuestion
from backcare.settings import PROJECT_ROOT, Settings

OUTPUT = PROJECT_ROOT / "domain" / "generated" / "screening_questions.yml"
HEADER = (
    "# Generated from data/knowledge/screening.yml by "
    "`python -m backcare.knowledge.screening_responses`; edit that file instead.\n"
)


def response_name(slot: str) -> str:
    """The response a Rasa form asks for `slot` when no action_ask_<slot> exists."""
    return f"utter_ask_{slot}"


def _escaped(payload: str) -> str:
    # Rasa fills `{slot}` placeholders in a response's buttons too; a doubled brace comes out
    # as a single one, so an entity payload ('/inform{"body_part":"hip"}') arrives unchanged.
    return payload.replace("{", "{{").replace("}", "}}")


def _button(button: Button) -> dict[str, str]:
    return {"title": button.title, "payload": _escaped(button.payload)}


def responses(questions: list[ScreeningQuestion]) -> dict[str, list[dict[str, Any]]]:
    return {
        response_name(question.slot): [
            {"text": question.text, "buttons": [_button(b) for b in question.buttons]}
        ]
        for question in questions
    }


class _Dumper(yaml.SafeDumper):
    """Writes a text of several lines (the checklist) as a block, the way it reads."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def render(knowledge_dir: Path) -> str:
    questions = read_knowledge(knowledge_dir).screening
    domain = {"version": "3.1", "responses": responses(questions)}
    text = yaml.dump(domain, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
    return HEADER + text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=OUTPUT, help="the domain file to write")
    args = parser.parse_args(argv)
    try:
        text = render(Settings.from_env().knowledge_dir)
    except KnowledgeError as error:
        print(f"screening questions not written: {error}", file=sys.stderr)
        return 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    # Rewritten only when it changed: `make test` validates the domain while training reads
    # it, and a file being rewritten is half-written for a moment.
    if not args.out.exists() or args.out.read_text() != text:
        args.out.write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
