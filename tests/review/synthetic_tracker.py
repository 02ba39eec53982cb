"""Write conversations into a tracker store the way Rasa 3.6's SQLTrackerStore does (same table,
same event JSON shapes as events recorded from the real bot), for fast tests and the benchmark."""

from __future__ import annotations

import json
import random
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, insert

from backcare.review.tracker_store import events

INTENTS = (
    "greet",
    "goodbye",
    "thank",
    "affirm",
    "deny",
    "ask_pain_cause",
    "ask_stiffness",
    "ask_exercise",
    "ask_sciatica",
    "ask_hip_pain",
    "ask_warning_signs",
    "inform",
    "report_red_flag",
    "out_of_scope",
    "nlu_fallback",
)


@dataclass
class Said:
    """One message from the person and what the assistant did about it."""

    text: str
    intent: str
    confidence: float = 0.97
    entities: Sequence[dict[str, Any]] = ()
    findings: Sequence[dict[str, Any]] = ()
    slots: dict[str, Any] = field(default_factory=dict)
    actions: Sequence[tuple[str, Sequence[str]]] = (("utter_greet", ("Hello!",)),)


def _event(kind: str, timestamp: float, **data: Any) -> dict[str, Any]:
    return {
        "event": kind,
        "timestamp": timestamp,
        "metadata": {"model_id": "synthetic", "assistant_id": "backbone-back-pain-education"},
        **data,
    }


def _action(name: str, timestamp: float, policy: str | None = "RulePolicy") -> dict[str, Any]:
    return _event(
        "action",
        timestamp,
        name=name,
        policy=policy,
        confidence=1.0 if policy else None,
        action_text=None,
        hide_rule_turn=False,
    )


def conversation(start: float, said: Iterable[Said], channel: str = "rest") -> list[dict]:
    """The event dicts Rasa stores for a new session followed by these messages."""
    now = start
    found = [
        _action("action_session_start", now, None),
        _event("session_started", now),
        _action("action_listen", now, None),
    ]
    for message in said:
        now += 20.0
        message_id = uuid.uuid4().hex
        ranking = [{"name": message.intent, "confidence": message.confidence}] + [
            {"name": other, "confidence": 0.001} for other in INTENTS[:9] if other != message.intent
        ]
        found.append(
            _event(
                "user",
                now,
                text=message.text,
                input_channel=channel,
                message_id=message_id,
                parse_data={
                    "intent": {"name": message.intent, "confidence": message.confidence},
                    "entities": list(message.entities),
                    "text": message.text,
                    "message_id": message_id,
                    "metadata": {},
                    "intent_ranking": ranking,
                    "red_flag_findings": {
                        "rules_version": "synthetic",
                        "findings": list(message.findings),
                    },
                },
            )
        )
        found += [
            _event("slot", now, name=name, value=value) for name, value in message.slots.items()
        ]
        found.append(_event("user_featurization", now, use_text_for_featurization=False))
        for action, replies in message.actions:
            found.append(_action(action, now + 0.1))
            found += [
                _event(
                    "bot",
                    now + 0.1,
                    text=reply,
                    data={"buttons": None},
                    metadata={"utter_action": action},
                )
                for reply in replies
            ]
        found.append(_action("action_listen", now + 0.2))
    return found


def rows(sender_id: str, event_dicts: Iterable[dict]) -> Iterator[dict[str, Any]]:
    for data in event_dicts:
        yield {
            "sender_id": sender_id,
            "type_name": data["event"],
            "timestamp": data["timestamp"],
            "intent_name": (data.get("parse_data") or {}).get("intent", {}).get("name"),
            "action_name": data.get("name"),
            "data": json.dumps(data),
        }


def write(engine: Engine, conversations: Iterable[tuple[str, list[dict]]]) -> None:
    """Append conversations to the tracker store, creating Rasa's table if it is missing."""
    events.metadata.create_all(engine)
    with engine.begin() as connection:
        batch: list[dict[str, Any]] = []
        for sender_id, event_dicts in conversations:
            batch += rows(sender_id, event_dicts)
            if len(batch) >= 5000:
                connection.execute(insert(events), batch)
                batch = []
        if batch:
            connection.execute(insert(events), batch)


RED_FLAG = Said(
    "I can't feel anything when I wipe",
    "report_red_flag",
    1.0,
    entities=[{"entity": "red_flag", "value": "saddle-numbness"}],
    findings=[
        {
            "slug": "saddle-numbness",
            "urgency": "emergency",
            "status": "present",
            "subject": "self",
            "sentence": "i cant feel anything when i wipe",
            "terms": ["feel", "wipe"],
        }
    ],
    slots={"triage": "emergency", "red_flags": ["saddle-numbness"]},
    actions=[
        ("utter_emergency", ["Please get help now: call your local emergency number."]),
        ("action_red_flag_details", []),
    ],
)
EVERYDAY = (
    Said("hi", "greet", actions=[("utter_greet", ["Hi, I'm Backbone."])]),
    Said(
        "why does my lower back hurt?",
        "ask_pain_cause",
        entities=[{"entity": "body_part", "value": "lower back"}],
        actions=[("action_explain_topic", ["A stable lower back needs mobile hips."])],
    ),
    Said("yes", "affirm", actions=[("action_show_exercise", ["Stand a foot from a wall..."])]),
    Said(
        "my hips feel stiff in the morning",
        "ask_stiffness",
        actions=[("action_explain_topic", ["Stiffness often eases as you move."])],
    ),
    Said(
        "pain goes down my leg",
        "ask_sciatica",
        actions=[("utter_check_symptoms", ["Let me ask a few quick questions."])],
    ),
    Said(
        "blorp the wibble",
        "nlu_fallback",
        0.4,
        actions=[("utter_clarify", ["I'm not sure I understood."])],
    ),
    Said("thanks", "thank", actions=[("utter_you_are_welcome", ["You're welcome."])]),
    Said("bye", "goodbye", actions=[("utter_goodbye", ["Take care of your back."])]),
)
SEE_CLINICIAN = Said(
    "my leg has been weak for weeks",
    "report_red_flag",
    0.9,
    slots={"triage": "see_clinician"},
    actions=[("utter_see_clinician", ["Please see your doctor soon."])],
)


def random_conversations(
    count: int, seed: int = 6, first_day: float = 1_790_000_000.0, days: int = 90
) -> Iterator[tuple[str, list[dict]]]:
    """A reproducible mix: every conversation greets, a few raise red flags, some fall back."""
    chooser = random.Random(seed)
    for number in range(count):
        said = [EVERYDAY[0], *chooser.choices(EVERYDAY[1:], k=chooser.randint(1, 7))]
        roll = chooser.random()
        if roll < 0.03:
            said.append(RED_FLAG)
        elif roll < 0.10:
            said.append(SEE_CLINICIAN)
        start = first_day + chooser.uniform(0, days * 86_400)
        channel = chooser.choice(("rest", "socketio", "socketio", "telegram"))
        yield f"synthetic-{number:05d}", conversation(start, said, channel)
