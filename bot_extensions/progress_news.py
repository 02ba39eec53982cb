"""News of exercises done and going well is a check-in, not a new question.

People come back after days and tell how it went: "did the bird dogs every day this week, back
feels way less stiff", "been doing your hip routine for 3 weeks, hips feel way looser". The
classifier reads the exercises or the stiffness named and answers with a card or a topic they
already have. A message that asks nothing, tells exercises done and tells them going well is
read as the check-in intent instead: with a plan its questions follow, without one the person
hears that it is good news and is offered a plan (actions/check_in.py reads `progress_news`).
A red flag or a check question in the message keeps its reading.
"""

from __future__ import annotations

import re
from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.training_data.message import Message

from bot_extensions.check_policy import CHECK_FORMS
from bot_extensions.greeting_words import ASKED_AFTER
from bot_extensions.intent_readings import ReadingCorrection, alternatives, read_as

# The entity that tells the check-in it came from news told, not from "check in".
PROGRESS_ENTITY = "progress_news"
# Entities that keep the message's reading: a red flag, or a check question to ask.
SAFETY_ENTITIES = frozenset({"red_flag", "triage_level", *CHECK_FORMS})


def _any_of(words: list[str]) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alternatives(words)})\b", re.IGNORECASE)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class ProgressNews(ReadingCorrection):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            # the readings of the news that the check-in replaces
            "general_intents": [],
            "news_intent": None,
            # words that tell exercises done, words that tell them going well, and words that
            # tell of pain or no help, which make it no good news ("did them, no better")
            "done_words": [],
            "better_words": [],
            "worse_words": [],
            "max_words": None,
        }

    def __init__(self, config: dict[str, Any]) -> None:
        super().__init__(config)
        if not (
            config["news_intent"]
            and config["done_words"]
            and config["better_words"]
            and config["max_words"]
        ):
            raise ValueError("ProgressNews needs news_intent, done_words, better_words, max_words")
        self.general = frozenset(config["general_intents"])
        self.news_intent = config["news_intent"]
        self.done = _any_of(config["done_words"])
        self.better = _any_of(config["better_words"])
        self.worse = _any_of(config["worse_words"] or ["worse"])
        self.max_words = int(config["max_words"])

    def applies(self, message: Message) -> bool:
        text = message.get("text") or ""
        # a question after the news asks something, with or without its question mark: "i did
        # the knee one, way better. how long should i hold"
        asks = "?" in text or bool(ASKED_AFTER.search(text.lower()))
        if asks or (message.get("intent") or {}).get("name") not in self.general:
            return False
        if len(text.split()) > self.max_words:
            return False
        if any(e.get("entity") in SAFETY_ENTITIES for e in message.get("entities", [])):
            return False
        return bool(
            self.done.search(text) and self.better.search(text) and not self.worse.search(text)
        )

    def correct(self, message: Message) -> None:
        read_as(message, self.news_intent)
        entity = {
            "entity": PROGRESS_ENTITY,
            "value": "good",
            "start": 0,
            "end": 0,
            "extractor": type(self).__name__,
        }
        message.set("entities", [*message.get("entities", []), entity], add_to_output=True)
