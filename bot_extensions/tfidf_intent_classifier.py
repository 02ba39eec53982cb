"""An intent classifier for long, misspelt, rambling messages: TF-IDF word and character
n-grams with a logistic regression. Character n-grams absorb typos ("hammies", "sciatia");
sublinear TF keeps a long story from drowning the question in it.
"""

from __future__ import annotations

import pickle
from typing import Any

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline, make_union

from bot_extensions.red_flags.language import normalise

MODEL_FILE = "tfidf_intent_classifier.pkl"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class TfidfIntentClassifier(GraphComponent, IntentClassifier):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            "C": 10.0,
            "max_word_ngram": 2,
            "min_char_ngram": 2,
            "max_char_ngram": 5,
            "ranking_length": 10,
        }

    def __init__(
        self,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        pipeline: Pipeline | None = None,
    ) -> None:
        self.config = config
        self._model_storage = model_storage
        self._resource = resource
        self.pipeline = pipeline

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> TfidfIntentClassifier:
        return cls(config, model_storage, resource)

    def _new_pipeline(self) -> Pipeline:
        features = make_union(
            TfidfVectorizer(ngram_range=(1, self.config["max_word_ngram"]), sublinear_tf=True),
            TfidfVectorizer(
                analyzer="char_wb",
                ngram_range=(self.config["min_char_ngram"], self.config["max_char_ngram"]),
                sublinear_tf=True,
            ),
        )
        classifier = LogisticRegression(
            C=self.config["C"], class_weight="balanced", max_iter=5000, random_state=42
        )
        return Pipeline([("features", features), ("classifier", classifier)])

    def train(self, training_data: TrainingData) -> Resource:
        examples = [m for m in training_data.intent_examples if m.get("text")]
        pipeline = self._new_pipeline()
        pipeline.fit(
            [normalise(m.get("text")) for m in examples], [m.get("intent") for m in examples]
        )
        self.pipeline = pipeline
        with self._model_storage.write_to(self._resource) as directory:
            (directory / MODEL_FILE).write_bytes(pickle.dumps(pipeline))
        return self._resource

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> TfidfIntentClassifier:
        # The file was written by our own training run, inside our own model archive.
        with model_storage.read_from(resource) as directory:
            pipeline = pickle.loads((directory / MODEL_FILE).read_bytes())
        return cls(config, model_storage, resource, pipeline)

    def process(self, messages: list[Message]) -> list[Message]:
        if self.pipeline is None:
            return messages
        texts = [normalise(m.get("text") or "") for m in messages]
        probabilities = self.pipeline.predict_proba(texts)
        labels = self.pipeline.classes_
        for message, row in zip(messages, probabilities, strict=True):
            order = np.argsort(row)[::-1][: self.config["ranking_length"]]
            ranking = [{"name": str(labels[i]), "confidence": float(row[i])} for i in order]
            message.set("intent", ranking[0], add_to_output=True)
            message.set("intent_ranking", ranking, add_to_output=True)
        return messages
