"""A yes or a no is an answer; a message that asks something is not one.

"Does my back pain need a doctor? no numbness down below, legs are fine, no fever" reads to
the classifier as a "no" (four denials), and a bare "no" with nothing asked is not
understood. A message that opens with a question word and goes on for a while asks
something: its yes/no readings are dropped and its next reading answered.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.training_data.message import Message

from bot_extensions.intent_readings import ReadingCorrection, drop_readings
from bot_extensions.red_flags.language import INTERROGATIVE_START, normalise


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class QuestionIsNoAnswer(ReadingCorrection):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        # "no, does that matter?" is an answer: it opens with the no, not with a question.
        return {"answer_intents": ["affirm", "deny"], "min_words": 8}

    def __init__(self, config: dict[str, Any]) -> None:
        super().__init__(config)
        self.answer_intents = frozenset(config["answer_intents"])
        self.min_words = int(config["min_words"])

    def applies(self, message: Message) -> bool:
        text = normalise(message.get("text") or "")
        intent = (message.get("intent") or {}).get("name")
        return (
            intent in self.answer_intents
            and bool(INTERROGATIVE_START.match(text))
            and len(text.split()) >= self.min_words
        )

    def correct(self, message: Message) -> None:
        drop_readings(message, self.answer_intents)
