"""A near tie between two readings that are both answerable is no ambiguity.

The FallbackClassifier calls a near tie ambiguous and the person gets "I'm not sure I
understood", which helps nobody who has told a real concern:
- "I don't own a yoga mat, can I still do the plank?" reads as an exercise question and as a
  safety question about it, nearly equally. With a named exercise both readings get the same
  answer (the exercise's card, its cautions included: data/rules/teaching.yml).
- "ffs I've tried everything and my back still kills" reads as why backs hurt and as
  stiffness. Either topic answers the concern told.
When the two strongest readings belong to one configured group (and the message names the
group's entity, where it has one), the stronger of the two stands. A plan request is in no
group of its own: it starts the screening questions, which a near tie should not decide. Place
it right after the FallbackClassifier.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.training_data.message import Message

from bot_extensions.intent_readings import ReadingCorrection

FALLBACK_INTENT = "nlu_fallback"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class AnswerableTie(ReadingCorrection):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            # each: {intents: [...], entity: name or absent}; a tie inside one group stands
            "groups": [],
            # the FallbackClassifier's threshold: a top reading below it stays unplaced
            "threshold": 0.0,
        }

    def __init__(self, config: dict[str, Any]) -> None:
        super().__init__(config)
        self.groups = [(frozenset(g["intents"]), g.get("entity")) for g in config["groups"]]
        if not self.groups or any(len(intents) < 2 for intents, _ in self.groups):
            raise ValueError("AnswerableTie needs groups of two or more intents")
        self.threshold = float(config["threshold"])

    def applies(self, message: Message) -> bool:
        if (message.get("intent") or {}).get("name") != FALLBACK_INTENT:
            return False
        readings = _readings(message)
        if len(readings) < 2 or float(readings[0]["confidence"]) < self.threshold:
            return False
        pair = {readings[0]["name"], readings[1]["name"]}
        return any(
            pair <= intents and (entity is None or _names(message, entity))
            for intents, entity in self.groups
        )

    def correct(self, message: Message) -> None:
        ranking = _readings(message)
        message.set("intent", ranking[0], add_to_output=True)
        message.set("intent_ranking", ranking, add_to_output=True)


def _readings(message: Message) -> list[dict[str, Any]]:
    return [r for r in message.get("intent_ranking", []) if r["name"] != FALLBACK_INTENT]


def _names(message: Message, entity: str) -> bool:
    """The message names one (a pointer back at the last one shown is no name)."""
    return any(
        e.get("entity") == entity and not e.get("reference") for e in message.get("entities", [])
    )
