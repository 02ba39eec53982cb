"""An intent classifier for long, misspelt, rambling messages: TF-IDF word and character
n-grams with a logistic regression. Character n-grams absorb typos ("hammies", "sciatia");
sublinear TF keeps a long story from drowning the question in it.
"""

from __future__ import annotations

import pickle
from typing import Any

import numpy as np
import scipy.sparse
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from scipy.special import softmax
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline, make_union
from sklearn.preprocessing import normalize

from bot_extensions.red_flags.language import normalise

MODEL_FILE = "tfidf_intent_classifier.pkl"
# Checked at load time: the shortcut must give the pipeline's own probabilities for these.
PROBE_TEXTS = ["hi", "been sitting at a desk for years, lower back always tight, what do I do??"]


class DirectScorer:
    """The fitted pipeline's `predict_proba`, computed directly: about twice as fast.

    scikit-learn 1.1 re-derives each vectoriser's IDF vector from a sparse diagonal matrix on
    every call (its fitted-check reads the `idf_` property) and runs the union through joblib;
    a turn spent a fifth of its CPU there. Same steps, same numbers: counts, sublinear TF,
    IDF, L2 norm, the two blocks side by side, then the multinomial logistic regression.
    """

    def __init__(self, pipeline: Pipeline) -> None:
        self.vectorizers = [v for _, v in pipeline.named_steps["features"].transformer_list]
        self.idf = [v.idf_.copy() for v in self.vectorizers]
        classifier = pipeline.named_steps["classifier"]
        self.weights = np.ascontiguousarray(classifier.coef_.T)
        self.intercept = classifier.intercept_

    @classmethod
    def for_pipeline(cls, pipeline: Pipeline) -> DirectScorer | None:
        """The scorer, or None when it would not reproduce the pipeline exactly."""
        try:
            scorer = cls(pipeline)
            same = np.allclose(
                scorer.probabilities(PROBE_TEXTS), pipeline.predict_proba(PROBE_TEXTS)
            )
        except (AttributeError, KeyError, ValueError):
            return None
        return scorer if same else None

    def probabilities(self, texts: list[str]) -> np.ndarray:
        blocks = []
        for vectorizer, idf in zip(self.vectorizers, self.idf, strict=True):
            counts = CountVectorizer.transform(vectorizer, texts).astype(np.float64)
            if vectorizer.sublinear_tf:
                np.log(counts.data, out=counts.data)
                counts.data += 1
            blocks.append(normalize(counts.multiply(idf).tocsr(), norm=vectorizer.norm))
        features = scipy.sparse.hstack(blocks).tocsr()
        return softmax(features @ self.weights + self.intercept, axis=1)


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
        self.scorer = DirectScorer.for_pipeline(pipeline) if pipeline is not None else None

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
        self.scorer = DirectScorer.for_pipeline(pipeline)
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
        if self.scorer is not None:
            probabilities = self.scorer.probabilities(texts)
        else:
            probabilities = self.pipeline.predict_proba(texts)
        labels = self.pipeline.classes_
        for message, row in zip(messages, probabilities, strict=True):
            order = np.argsort(row)[::-1][: self.config["ranking_length"]]
            ranking = [{"name": str(labels[i]), "confidence": float(row[i])} for i in order]
            message.set("intent", ranking[0], add_to_output=True)
            message.set("intent_ranking", ranking, add_to_output=True)
        return messages
