"""A hello is a greeting; a hello followed by news is the news; a thanks followed by a
question is the question.

"hi again! bird dogs going well, did them every day this week" reads to the classifier as a
greeting (the "hi again" outweighs the rest), and the person gets the introduction instead of
an answer to what they told. A greeting reading of a message that goes on past a few words is
dropped, and its next reading answered. So is a thanks reading of a message that goes on to
ask something ("Ok thank you. Also is it correct that I must sit very straight always?", "cool
ty. how many sets of the core stuff", with or without its question mark); a long thanks that
asks nothing stays a thanks.
"""

from __future__ import annotations

import re
from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.training_data.message import Message

from bot_extensions.intent_readings import ReadingCorrection, drop_readings
from bot_extensions.red_flags.language import normalise

# A later part of the message that opens as a question: "nice one. any core stuff for landing"
ASKED_AFTER = re.compile(
    r"[.!,;:]\s*(and |also |so |oh |btw )?"
    r"((how|what(?! an? )|whats|which|why|when|where|any|anything)\b|"
    # ("what a relief" exclaims) a verb first only with who it asks about: "can i...", not
    # "Will update after the op"
    r"(can|could|should|shall|is|are|do|does|will|would) (i|you|it|we|they|he|she|this|that|"
    r"these|there)\b)"
)
# A thanks and a question after it fit in fewer words than news after a hello.
THANKS_THEN_QUESTION_WORDS = 4


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class GreetingThenNews(ReadingCorrection):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        # "hello, my GP surgery gave me this link" is still a greeting at eight words.
        return {"greeting_intents": ["greet"], "thanks_intents": [], "max_words": 8}

    def __init__(self, config: dict[str, Any]) -> None:
        super().__init__(config)
        self.greeting_intents = frozenset(config["greeting_intents"])
        self.thanks_intents = frozenset(config["thanks_intents"])
        self.max_words = int(config["max_words"])

    def applies(self, message: Message) -> bool:
        intent = (message.get("intent") or {}).get("name")
        text = message.get("text") or ""
        words = len(normalise(text).split())
        if intent in self.thanks_intents:
            asks = "?" in text or bool(ASKED_AFTER.search(text.lower()))
            return words > THANKS_THEN_QUESTION_WORDS and asks
        return intent in self.greeting_intents and words > self.max_words

    def correct(self, message: Message) -> None:
        drop_readings(message, self.greeting_intents | self.thanks_intents)
