"""Turn a conversation's tracker events into turns a clinician can read: what the person wrote,
how the assistant understood it, which actions answered and with what words."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from backcare.review.masking import mask_contacts
from backcare.review.tracker_store import TrackerEvent

# Bookkeeping actions Rasa runs on every turn; they say nothing to the person.
BOOKKEEPING_ACTIONS = frozenset({"action_listen", "action_session_start", "action_extract_slots"})
SHOWN_SLOTS = frozenset({"triage", "red_flags"})


@dataclass
class Finding:
    slug: str
    status: str
    urgency: str
    sentence: str


@dataclass
class Step:
    """One action the assistant took, and the messages it sent."""

    action: str
    policy: str | None
    confidence: float | None
    replies: list[str] = field(default_factory=list)
    buttons: list[str] = field(default_factory=list)


@dataclass
class Turn:
    event_id: int | None  # the person's message event (None for what the bot said first)
    time: float
    text: str | None
    intent: str | None = None
    confidence: float | None = None
    entities: list[tuple[str, str]] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    slots: list[tuple[str, Any]] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)
    new_session: bool = False

    @property
    def replies(self) -> list[str]:
        return [reply for step in self.steps for reply in step.replies]


def build_turns(events: Sequence[TrackerEvent], masked: bool = True) -> list[Turn]:
    hide: Callable[[str], str] = mask_contacts if masked else str
    turns: list[Turn] = []
    new_session = False
    for event in events:
        data = event.data
        if event.type_name == "session_started":
            new_session = True
        elif event.type_name == "user":
            turns.append(_person_turn(event, hide))
            turns[-1].new_session, new_session = new_session, False
        elif not turns and _says_something(event):
            turns.append(Turn(event_id=None, time=event.timestamp, text=None))
        if not turns:
            continue
        turn = turns[-1]
        if event.type_name == "action" and data.get("name") not in BOOKKEEPING_ACTIONS:
            turn.steps.append(
                Step(data.get("name") or "?", data.get("policy"), data.get("confidence"))
            )
        elif event.type_name == "bot":
            _attach_reply(turn, data, hide)
        elif event.type_name == "slot" and data.get("name") in SHOWN_SLOTS:
            turn.slots.append((data["name"], data.get("value")))
    return turns


def _says_something(event: TrackerEvent) -> bool:
    if event.type_name == "action":
        return event.data.get("name") not in BOOKKEEPING_ACTIONS
    return event.type_name == "bot"


def _person_turn(event: TrackerEvent, hide: Callable[[str], str]) -> Turn:
    parse_data = event.data.get("parse_data") or {}
    intent = parse_data.get("intent") or {}
    findings = (parse_data.get("red_flag_findings") or {}).get("findings") or []
    return Turn(
        event_id=event.id,
        time=event.timestamp,
        text=hide(event.data.get("text") or ""),
        intent=intent.get("name"),
        confidence=intent.get("confidence"),
        entities=[
            (str(entity.get("entity")), hide(str(entity.get("value"))))
            for entity in parse_data.get("entities") or []
        ],
        findings=[
            Finding(
                slug=str(finding.get("slug")),
                status=str(finding.get("status")),
                urgency=str(finding.get("urgency")),
                sentence=hide(str(finding.get("sentence") or "")),
            )
            for finding in findings
        ],
    )


def _attach_reply(turn: Turn, data: dict[str, Any], hide: Callable[[str], str]) -> None:
    if not turn.steps:
        utter = (data.get("metadata") or {}).get("utter_action") or "?"
        turn.steps.append(Step(utter, None, None))
    step = turn.steps[-1]
    if data.get("text"):
        step.replies.append(hide(str(data["text"])))
    buttons = (data.get("data") or {}).get("buttons") or []
    step.buttons.extend(str(button.get("title")) for button in buttons)
