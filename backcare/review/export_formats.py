"""Conversations as CSV rows and JSON documents, and intent corrections as Rasa NLU YAML.
Everything exported is masked (e-mail addresses and phone numbers hidden)."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from backcare.review.models import Conversation, IntentCorrection
from backcare.review.transcript import Turn

CSV_COLUMNS = (
    "conversation_id",
    "sender_id",
    "channel",
    "turn",
    "time",
    "person",
    "intent",
    "confidence",
    "entities",
    "red_flags",
    "actions",
    "assistant",
)
# A spreadsheet runs a cell starting with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def iso_time(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp, UTC).isoformat(timespec="seconds")


def summary_document(conversation: Conversation) -> dict[str, Any]:
    return {
        "id": conversation.id,
        "sender_id": conversation.sender_id,
        "channel": conversation.channel,
        "started_at": iso_time(conversation.started_at),
        "last_at": iso_time(conversation.last_at),
        "turns": conversation.turns,
        "triage": conversation.triage,
        "red_flags": [flag.slug for flag in conversation.red_flags],
        "reviewed": conversation.reviewed,
        "follow_up": conversation.follow_up,
    }


def turn_document(turn: Turn) -> dict[str, Any]:
    return {
        "time": iso_time(turn.time),
        "person": turn.text,
        "intent": turn.intent,
        "confidence": turn.confidence,
        "entities": [{"entity": name, "value": value} for name, value in turn.entities],
        "red_flags": [vars(finding) for finding in turn.findings],
        "slots": [{"name": name, "value": value} for name, value in turn.slots],
        "actions": [
            {
                "action": step.action,
                "policy": step.policy,
                "confidence": step.confidence,
                "replies": step.replies,
                "buttons": step.buttons,
            }
            for step in turn.steps
        ],
    }


def conversation_document(conversation: Conversation, turns: Sequence[Turn]) -> dict[str, Any]:
    return {**summary_document(conversation), "transcript": [turn_document(t) for t in turns]}


def csv_rows(conversation: Conversation, turns: Sequence[Turn]) -> Iterable[list[str]]:
    for number, turn in enumerate(turns, start=1):
        yield [
            str(conversation.id),
            conversation.sender_id,
            conversation.channel,
            str(number),
            iso_time(turn.time),
            turn.text or "",
            turn.intent or "",
            "" if turn.confidence is None else f"{turn.confidence:.3f}",
            "; ".join(f"{name}={value}" for name, value in turn.entities),
            "; ".join(f"{finding.slug} ({finding.status})" for finding in turn.findings),
            "; ".join(f"{step.action} [{step.policy or '-'}]" for step in turn.steps),
            "\n".join(turn.replies),
        ]


def _defused(cell: str) -> str:
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def csv_text(rows: Iterable[Sequence[str]], header: bool = False) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    if header:
        writer.writerow(CSV_COLUMNS)
    writer.writerows([_defused(cell) for cell in row] for row in rows)
    return buffer.getvalue()


def nlu_yaml(corrections: Iterable[IntentCorrection], exported_on: str) -> str:
    """Rasa NLU training data (format 3.1), one block per corrected intent, ready for data/nlu/."""
    examples: dict[str, list[str]] = defaultdict(list)
    for correction in corrections:
        example = " ".join(correction.example.split())
        if example and example not in examples[correction.corrected_intent]:
            examples[correction.corrected_intent].append(example)
    lines = [
        f"# Intent corrections from the clinician review app, exported {exported_on}.",
        "# Check each example before adding it to data/nlu/.",
        'version: "3.1"',
        "nlu:" if examples else "nlu: []",
    ]
    for intent in sorted(examples):
        lines += [f"- intent: {intent}", "  examples: |"]
        lines += [f"    - {example}" for example in examples[intent]]
    return "\n".join(lines) + "\n"
