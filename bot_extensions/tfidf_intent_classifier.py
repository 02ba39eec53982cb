"""An intent classifier for long, misspelt, rambling messages: TF-IDF word and character
n-grams with a logistic regression. Character n-grams absorb typos ("hammies", "sciatia");
sublinear TF keeps a long story from drowning the question in it.
"""

from __future__ import annotations

import hashlib
import inspect
import pickle
from collections import Counter
from typing import Any

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from scipy.special import softmax
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline, make_union

from bot_extensions.red_flags import language
from bot_extensions.red_flags.language import normalise

MODEL_FILE = "tfidf_intent_classifier.pkl"
# Checked at load time: the shortcut must give the pipeline's own probabilities for these.
PROBE_TEXTS = ["hi", "been sitting at a desk for years, lower back always tight, what do I do??"]


class DirectScorer:
    """The fitted pipeline's `predict_proba`, computed directly, one message at a time.

    scikit-learn 1.1 re-derives each vectoriser's IDF vector from a sparse diagonal matrix on
    every call (its fitted-check reads the `idf_` property), runs the union through joblib and
    builds sparse matrices for a single message; a turn spent a fifth of its CPU there. Same
    steps, same numbers: the n-grams' counts, sublinear TF, IDF, L2 norm per block, then the
    multinomial logistic regression as a sum over the message's own n-grams' weights.
    """

    def __init__(self, pipeline: Pipeline) -> None:
        vectorizers = [v for _, v in pipeline.named_steps["features"].transformer_list]
        if any(v.norm != "l2" or v.binary for v in vectorizers):
            raise ValueError("the direct scorer computes L2-normalised counts only")
        offsets = np.cumsum([0] + [len(v.vocabulary_) for v in vectorizers])
        self.blocks = [
            (v.build_analyzer(), v.vocabulary_, v.idf_.copy(), int(offset), v.sublinear_tf)
            for v, offset in zip(vectorizers, offsets, strict=False)
        ]
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
        return np.array([softmax(self._logits(text)) for text in texts])

    def _logits(self, text: str) -> np.ndarray:
        logits = self.intercept.copy()
        for analyze, vocabulary, idf, offset, sublinear in self.blocks:
            counts = Counter(
                index for gram in analyze(text) if (index := vocabulary.get(gram)) is not None
            )
            if not counts:
                continue
            indices = np.fromiter(counts.keys(), dtype=np.intp, count=len(counts))
            values = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
            if sublinear:
                values = np.log(values) + 1
            values *= idf[indices]
            values /= np.sqrt(values @ values)
            logits += values @ self.weights[offset + indices]
        return logits


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class TfidfIntentClassifier(GraphComponent, IntentClassifier):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            # The classifier learns from normalised text, and Rasa's training cache sees only a
            # component's config and data: the normaliser's source is part of the config, so a
            # change to it trains the classifier again instead of restoring a stale one.
            "normaliser": hashlib.sha256(inspect.getsource(language).encode()).hexdigest()[:16],
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
            [normalise(m.get("text"), chat_words=False) for m in examples],
            [m.get("intent") for m in examples],
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
        texts = [normalise(m.get("text") or "", chat_words=False) for m in messages]
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
