"""A story that ends by asking whether to keep doing an activity asks about exercise safety.

Real messages tell a history and then ask their question: "my hip aches after long runs...
do I keep on running, or stop?", "the doctor okayed cardio... should I do some ab work or
wait?". The classifier reads the story (the hip, sciatica, pain in general); the person asked
whether an activity is safe, and that is the answer they need. So when one of the message's
last questions (or, in a message without a question mark, any sentence) asks whether to do,
keep doing or go back to an activity, a general reading becomes the exercise-safety question.
An exercise request, a red flag or any other reading keeps its reading. Measured on the real
development set (docs/nlu-pipeline.md).
"""

from __future__ import annotations

import re
from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.training_data.message import Message

from bot_extensions.intent_readings import ReadingCorrection, alternatives, read_as

# How far after the question's words the activity may come ("should I keep on doing any
# kind of ab work"): one clause, not the next one.
MOST_CHARS_BETWEEN = 60
# The questions read: the one the message ends with and the one before it.
LAST_QUESTIONS = 2
_SENTENCE_END = re.compile(r"(?<=[.?!])\s+|\n+")


def _question_sentences(text: str) -> list[str]:
    """The message's last questions, or all its sentences when it asks none with a "?"."""
    sentences = [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]
    questions = [s for s in sentences if s.endswith("?")]
    return questions[-LAST_QUESTIONS:] if questions else sentences


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class ActivityQuestion(ReadingCorrection):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            # the readings of the story that the question replaces
            "general_intents": [],
            # the reading it becomes
            "question_intent": None,
            # the words that ask whether to do something, and the activities
            "asking_words": [],
            "activity_words": [],
        }

    def __init__(self, config: dict[str, Any]) -> None:
        super().__init__(config)
        if not (config["question_intent"] and config["asking_words"] and config["activity_words"]):
            raise ValueError("ActivityQuestion needs question_intent, asking_words, activity_words")
        self.general = frozenset(config["general_intents"])
        self.question_intent = config["question_intent"]
        self.asks_about_activity = re.compile(
            rf"\b(?:{alternatives(config['asking_words'])})\b"
            rf"[^.?!\n]{{0,{MOST_CHARS_BETWEEN}}}"
            rf"\b(?:{alternatives(config['activity_words'])})\b",
            re.IGNORECASE,
        )

    def applies(self, message: Message) -> bool:
        intent = (message.get("intent") or {}).get("name")
        if intent not in self.general:
            return False
        text = message.get("text") or ""
        return any(self.asks_about_activity.search(s) for s in _question_sentences(text))

    def correct(self, message: Message) -> None:
        read_as(message, self.question_intent)
