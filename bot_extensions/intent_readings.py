"""Ruling readings out of the classifier's ranking, for the components that correct it."""

from __future__ import annotations

from collections.abc import Collection

from rasa.shared.nlu.training_data.message import Message


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
