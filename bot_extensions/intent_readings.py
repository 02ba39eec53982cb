"""The components that correct the classifier's reading of a message, and ruling readings out
of its ranking."""

from __future__ import annotations

import re
from abc import abstractmethod
from collections.abc import Collection
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.training_data.message import Message


class ReadingCorrection(GraphComponent):
    """Corrects the reading of each message that `applies`; configured, never trained."""

    def __init__(self, config: dict[str, Any]) -> None:
        self.config = config

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> ReadingCorrection:
        return cls(config)

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            if self.applies(message):
                self.correct(message)
        return messages

    @abstractmethod
    def applies(self, message: Message) -> bool:
        """Whether this correction is for the message."""

    @abstractmethod
    def correct(self, message: Message) -> None:
        """Correct the message's intent and ranking in place."""


def read_as(message: Message, intent: str) -> None:
    """The message is read as `intent`, first in its ranking. The replaced reading's confidence
    carries over: what the message is about changed, not how sure the classifier was."""
    ranking = message.get("intent_ranking") or []
    own = next((r for r in ranking if r.get("name") == intent), None)
    confidence = max(
        float((message.get("intent") or {}).get("confidence") or 0.0),
        float(own["confidence"]) if own else 0.0,
    )
    reading = {"name": intent, "confidence": confidence}
    rest = [r for r in ranking if r.get("name") != intent]
    message.set("intent", reading, add_to_output=True)
    message.set("intent_ranking", [reading, *rest], add_to_output=True)


def drop_readings(message: Message, names: Collection[str]) -> None:
    """The readings `names` are ruled out: the others are scored as if they had never been
    readings (their share of what is left), so the FallbackClassifier's near-tie test compares
    them on the same scale as a message the classifier never read that way."""
    full = message.get("intent_ranking", [])
    left = 1.0 - sum(float(r["confidence"]) for r in full if r.get("name") in names)
    ranking = [
        {**r, "confidence": float(r["confidence"]) / left}
        for r in full
        if r.get("name") not in names
    ]
    if ranking and left > 0:
        message.set("intent", ranking[0], add_to_output=True)
        message.set("intent_ranking", ranking, add_to_output=True)


def alternatives(words: Collection[str]) -> str:
    """A regex alternation of configured words or phrases, any whitespace between words."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
