"""Which body part a long story is about, when the classifier only read a general question.

Real stories about a hip ("the day after a long run my left hip started hurting... very stiff
after I sit") read to the classifier as stiffness or pain in general: the story's words are
about running, sitting and mornings, and the hip is one word among them. When the message
names the hip more often than the back, it is about the hip, and the hip's answer is the one
to give. Only a general reading is replaced: an exercise question, sciatica or a red flag
keeps its reading. Measured on the real development set (docs/nlu-pipeline.md).
"""

from __future__ import annotations

import re
from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.training_data.message import Message

from bot_extensions.intent_readings import ReadingCorrection, read_as


def _phrases(words: list[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class TopicFocus(ReadingCorrection):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            # the readings that say "a question about pain" without saying where
            "general_intents": [],
            # the intent of the focused topic, its part's words, and the words it must outnumber
            "focus_intent": None,
            "focus_words": [],
            "other_words": [],
        }

    def __init__(self, config: dict[str, Any]) -> None:
        super().__init__(config)
        if not (config["focus_intent"] and config["focus_words"] and config["other_words"]):
            raise ValueError("TopicFocus needs focus_intent, focus_words and other_words")
        self.general = frozenset(config["general_intents"])
        self.focus_intent = config["focus_intent"]
        self.focus = _phrases(config["focus_words"])
        self.other = _phrases(config["other_words"])

    def applies(self, message: Message) -> bool:
        intent = (message.get("intent") or {}).get("name")
        text = message.get("text") or ""
        return intent in self.general and len(self.focus.findall(text)) > len(
            self.other.findall(text)
        )

    def correct(self, message: Message) -> None:
        read_as(message, self.focus_intent)
