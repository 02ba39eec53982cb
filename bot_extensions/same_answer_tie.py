"""A near tie between two readings that get the same answer is no ambiguity.

"I don't own a yoga mat, can I still do the plank?" reads as an exercise question and as a
safety question about it, nearly equally: the FallbackClassifier calls that ambiguous and the
person gets "I'm not sure I understood". With a named exercise both readings are answered by
the same action (the exercise's card, its cautions included: data/rules/teaching.yml), so the
stronger of the two stands. Place it right after the FallbackClassifier.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.training_data.message import Message

from bot_extensions.intent_readings import ReadingCorrection

FALLBACK_INTENT = "nlu_fallback"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class SameAnswerTie(ReadingCorrection):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            # readings answered alike when the message names the entity below
            "same_answer": [],
            "entity": None,
            # the FallbackClassifier's threshold: a top reading below it stays unplaced
            "threshold": 0.0,
        }

    def __init__(self, config: dict[str, Any]) -> None:
        super().__init__(config)
        if len(config["same_answer"]) < 2 or not config["entity"]:
            raise ValueError("SameAnswerTie needs two or more same_answer intents and an entity")
        self.same_answer = frozenset(config["same_answer"])
        self.entity = config["entity"]
        self.threshold = float(config["threshold"])

    def applies(self, message: Message) -> bool:
        if (message.get("intent") or {}).get("name") != FALLBACK_INTENT:
            return False
        readings = [r for r in message.get("intent_ranking", []) if r["name"] != FALLBACK_INTENT]
        return (
            len(readings) >= 2
            and {readings[0]["name"], readings[1]["name"]} <= self.same_answer
            and float(readings[0]["confidence"]) >= self.threshold
            and any(
                e.get("entity") == self.entity and not e.get("reference")
                for e in message.get("entities", [])
            )
        )

    def correct(self, message: Message) -> None:
        ranking = [r for r in message.get("intent_ranking", []) if r["name"] != FALLBACK_INTENT]
        message.set("intent", ranking[0], add_to_output=True)
        message.set("intent_ranking", ranking, add_to_output=True)
