"""A near tie between two readings that are both answerable is no ambiguity.

The FallbackClassifier calls a near tie ambiguous and the person gets "I'm not sure I
understood", which helps nobody who has told a real concern:
- "I don't own a yoga mat, can I still do the plank?" reads as an exercise question and as a
  safety question about it, nearly equally. With a named exercise both readings get the same
  answer (the exercise's card, its cautions included: data/rules/teaching.yml).
- "ffs I've tried everything and my back still kills" reads as why backs hurt and as
  stiffness. Either topic answers the concern told.
A group with an entity: when the message names one, a tie between one of the group's
readings and a general one goes to the group's ("I'm on warfarin, is the ball release thing
safe for my bum?" tied between why backs hurt and a safety question: the exercise's card, with
its blood-thinner caution, answers). A group without one: a tie between two of its readings
goes to the stronger. A plan request is in no group of its own: it starts the screening
questions, which a near tie should not decide. Place it right after the FallbackClassifier.
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
            # each: {intents: [...], entity: name or absent, over: [...]}: with an entity, a tie
            # between one of the intents and one of `over` (or another of the intents) goes
            # to the intent; without, a tie between two of the intents goes to the stronger
            "groups": [],
            # the FallbackClassifier's threshold: a top reading below it stays unplaced
            "threshold": 0.0,
        }

    def __init__(self, config: dict[str, Any]) -> None:
        super().__init__(config)
        self.groups = [
            (frozenset(g["intents"]), g.get("entity"), frozenset(g.get("over", [])))
            for g in config["groups"]
        ]
        if not self.groups or any(len(intents) < 2 for intents, _, _ in self.groups):
            raise ValueError("AnswerableTie needs groups of two or more intents")
        self.threshold = float(config["threshold"])

    def applies(self, message: Message) -> bool:
        return self._standing(message) is not None

    def correct(self, message: Message) -> None:
        ranking = _readings(message)
        standing = self._standing(message)
        ranking = [standing, *(r for r in ranking if r is not standing)]
        message.set("intent", standing, add_to_output=True)
        message.set("intent_ranking", ranking, add_to_output=True)

    def _standing(self, message: Message) -> dict[str, Any] | None:
        """The reading that stands in a near tie, or None when the tie stays unplaced."""
        if (message.get("intent") or {}).get("name") != FALLBACK_INTENT:
            return None
        readings = _readings(message)
        if len(readings) < 2 or float(readings[0]["confidence"]) < self.threshold:
            return None
        pair = readings[:2]
        names = {r["name"] for r in pair}
        for intents, entity, over in self.groups:
            if entity is None:
                if names <= intents:
                    return pair[0]
            elif _names(message, entity) and names <= intents | over and names & intents:
                return next(r for r in pair if r["name"] in intents)
        return None


def _readings(message: Message) -> list[dict[str, Any]]:
    return [r for r in message.get("intent_ranking", []) if r["name"] != FALLBACK_INTENT]


def _names(message: Message, entity: str) -> bool:
    """The message names one (a pointer back at the last one shown is no name)."""
    return any(
        e.get("entity") == entity and not e.get("reference") for e in message.get("entities", [])
    )
