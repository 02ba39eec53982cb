"""Finds the education topic a short exercise question names ("how often shud i get up from
the desk", "what can I do at a service station"), so it is answered with that topic instead
of starting the screening questions that come before a plan.

A question that names a topic's subject outright is answerable as asked; the screening is for
"what exercises should I do", which needs it. The topics' names (`key_terms`) are defined
once, in `data/knowledge/education.yml`; this component reads them there, as the action
server's topic search does, with the same plurals. The topic with the most of its names in the
message wins; a tie goes to the topic listed first.

Only a short exercise question is tagged: in a story the words name its background ("I sit at
a desk all day...") and the plan it asks for needs the screening; and a message naming an
exercise is about that exercise. Place it after the intent readings are final (after the
FallbackClassifier and any reading corrections) and after ExerciseNameExtractor: a named exercise
wins over a topic, a topic over a mere pointer back at the last exercise ("how often should I
do it").
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.training_data.message import Message

from bot_extensions.knowledge_extractor import KnowledgeExtractor
from bot_extensions.yaml_files import read_yaml

ENTITY = "topic"
EXERCISE_ENTITY = "exercise"
_TOKEN = re.compile(r"[a-z0-9]+")


def spaced_words(text: str) -> str:
    """Lower-case words between single spaces, apostrophes dropped: "can't" is "cant"."""
    text = text.lower().replace("'", "").replace("\u2019", "")
    return " " + " ".join(_TOKEN.findall(text)) + " "


def term_forms(term: str) -> tuple[str, ...]:
    """A term and its plurals, as they appear between spaces: "desk", "desks"."""
    words = spaced_words(term)
    return (words, words[:-1] + "s ", words[:-1] + "es ")


def _points_back(entity: dict[str, Any]) -> bool:
    """An exercise entity that only points back at one shown ("do it again")."""
    return entity.get("entity") == EXERCISE_ENTITY and bool(entity.get("reference"))


def load_topic_terms(path: Path) -> list[tuple[str, tuple[str, ...]]]:
    """(slug, every form of its key terms) for each topic, in the file's order."""
    topics = read_yaml(path)["topics"]
    return [
        (str(t["slug"]), tuple(f for term in t.get("key_terms") or [] for f in term_forms(term)))
        for t in topics
    ]


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class TopicNameExtractor(KnowledgeExtractor):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            "knowledge_file": "data/knowledge/education.yml",
            # the readings whose question a named topic can answer without screening
            "intents": ["ask_exercise"],
            # longer than this, a message is a story and its topic words are background
            "max_words": 30,
            # a request for a plan gets the screening questions a plan needs, whatever else
            # the message names ("make me a plan, desk job")
            "plan_words": [],
        }

    def __init__(self, config: dict[str, Any]) -> None:
        super().__init__(config)
        self.topics = load_topic_terms(Path(config["knowledge_file"]))
        self.intents = frozenset(config["intents"])
        self.max_words = int(config["max_words"])
        self.plan_words = tuple(spaced_words(w) for w in config["plan_words"])

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            slug = self.named_topic(message)
            if slug is not None:
                # A topic named outright is what a vague pointer back ("how often should I do
                # it") asks about: the pointer is dropped, so the topic's rule answers.
                kept = [e for e in message.get("entities", []) if not _points_back(e)]
                message.set("entities", kept, add_to_output=True)
                entity = {
                    "entity": ENTITY,
                    "value": slug,
                    "start": 0,
                    "end": 0,
                    "confidence_entity": 1.0,
                    "extractor": self.__class__.__name__,
                }
                message.set("entities", [*message.get("entities", []), entity], add_to_output=True)
        return messages

    def named_topic(self, message: Message) -> str | None:
        if (message.get("intent") or {}).get("name") not in self.intents:
            return None
        if any(
            e.get("entity") == EXERCISE_ENTITY and not _points_back(e)
            for e in message.get("entities", [])
        ):
            return None
        words = spaced_words(message.get("text") or "")
        if words.count(" ") - 1 > self.max_words or any(w in words for w in self.plan_words):
            return None
        counts = [(sum(form in words for form in forms), slug) for slug, forms in self.topics]
        best = max(counts, key=lambda c: c[0], default=(0, None))
        return best[1] if best[0] else None
