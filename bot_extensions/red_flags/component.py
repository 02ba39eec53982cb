"""The red-flag detector as a Rasa NLU component; its findings override the intent classifier.

Place it after the intent classifier and before the FallbackClassifier. For every message it
adds `red_flag` entities (one per present flag); `triage_level`, `referral` and
`red_flag_subject` entities for the most urgent one; and the full audit trail under
`red_flag_findings`.
"""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot_extensions.red_flags.detector import RedFlagDetector, load_definitions, most_urgent

logger = logging.getLogger(__name__)

RED_FLAG_INTENT = "report_red_flag"
# Only these levels take over the conversation; a see_clinician signal rides along with the
# person's question and is answered with a referral note.
OVERRIDING_LEVELS = {"emergency", "urgent"}


@DefaultV1Recipe.register(
    [
        DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR,
        DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER,
    ],
    is_trainable=False,
)
class RedFlagDetectorComponent(GraphComponent, EntityExtractorMixin):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"knowledge_file": "data/knowledge/red_flags.yml"}

    def __init__(self, config: dict[str, Any]) -> None:
        path = Path(os.environ.get("RED_FLAGS_FILE") or config["knowledge_file"])
        self.rules_version = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
        self.detector = RedFlagDetector(load_definitions(path))
        logger.info("Red-flag rules %s loaded from %s", self.rules_version, path)

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> RedFlagDetectorComponent:
        return cls(config)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            self._process_message(message)
        return messages

    def _process_message(self, message: Message) -> None:
        text = message.get("text") or ""
        findings = self.detector.detect(text)
        present = [f for f in findings if f.is_present]
        entities = list(message.get("entities", []))
        for finding in present:
            entities.append(self._entity("red_flag", finding.slug, finding.start, finding.end))
        top = most_urgent(present)
        if top:
            # The referral of the most urgent flag picks the reply's wording (crisis support,
            # emergency services); the subject says whether to address the person or others.
            entities.append(self._entity("triage_level", top.urgency, top.start, top.end))
            entities.append(self._entity("referral", top.referral, top.start, top.end))
            subject = "other" if any(f.subject == "other" for f in present) else "self"
            entities.append(self._entity("red_flag_subject", subject, top.start, top.end))
        message.set("entities", entities, add_to_output=True)
        message.set(
            "red_flag_findings",
            {"rules_version": self.rules_version, "findings": [f.as_dict() for f in findings]},
            add_to_output=True,
        )
        if top and top.urgency in OVERRIDING_LEVELS:
            self._set_intent(message, RED_FLAG_INTENT)
        elif findings and not present and _intent_name(message) == RED_FLAG_INTENT:
            # Every mention was denied, asked about or over: the classifier's alarm is false.
            self._set_intent(message, _next_best_intent(message))

    def _entity(self, name: str, value: str, start: int, end: int) -> dict[str, Any]:
        return {
            "entity": name,
            "value": value,
            "start": start,
            "end": end,
            "confidence_entity": 1.0,
            "extractor": self.__class__.__name__,
        }

    @staticmethod
    def _set_intent(message: Message, name: str) -> None:
        ranking = [r for r in message.get("intent_ranking", []) if r.get("name") != name]
        message.set("intent", {"name": name, "confidence": 1.0}, add_to_output=True)
        message.set(
            "intent_ranking", [{"name": name, "confidence": 1.0}, *ranking], add_to_output=True
        )


def _intent_name(message: Message) -> str | None:
    return (message.get("intent") or {}).get("name")


def _next_best_intent(message: Message) -> str:
    for ranked in message.get("intent_ranking", []):
        if ranked.get("name") != RED_FLAG_INTENT:
            return str(ranked["name"])
    return "out_of_scope"
