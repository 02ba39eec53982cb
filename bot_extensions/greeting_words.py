"""A hello is a greeting; a hello followed by news is the news.

"hi again! bird dogs going well, did them every day this week" reads to the classifier as a
greeting (the "hi again" outweighs the rest), and the person gets the introduction instead of
an answer to what they told. A greeting reading of a message that goes on past a few words is
dropped, and its next reading answered.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.training_data.message import Message

from bot_extensions.intent_readings import ReadingCorrection, drop_readings
from bot_extensions.red_flags.language import normalise


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class GreetingThenNews(ReadingCorrection):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        # "hello, my GP surgery gave me this link" is still a greeting at eight words.
        return {"greeting_intents": ["greet"], "max_words": 8}

    def __init__(self, config: dict[str, Any]) -> None:
        super().__init__(config)
        self.greeting_intents = frozenset(config["greeting_intents"])
        self.max_words = int(config["max_words"])

    def applies(self, message: Message) -> bool:
        intent = (message.get("intent") or {}).get("name")
        words = normalise(message.get("text") or "").split()
        return intent in self.greeting_intents and len(words) > self.max_words

    def correct(self, message: Message) -> None:
        drop_readings(message, self.greeting_intents)
