"""The direct scorer gives the fitted pipeline's own probabilities, and steps aside when it
could not."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from bot_extensions.nlu_evaluation import labelled_examples
from bot_extensions.red_flags.language import normalise
from bot_extensions.tfidf_intent_classifier import DirectScorer, TfidfIntentClassifier

ROOT = Path(__file__).resolve().parents[2]


def fitted_pipeline(examples: list[tuple[str, str]]):  # type: ignore[no-untyped-def]
    classifier = TfidfIntentClassifier(
        TfidfIntentClassifier.get_default_config(), model_storage=None, resource=None
    )
    pipeline = classifier._new_pipeline()
    pipeline.fit([normalise(text) for text, _ in examples], [intent for _, intent in examples])
    return pipeline


@pytest.fixture(scope="module")
def training() -> list[tuple[str, str]]:
    return [
        example
        for path in sorted((ROOT / "data" / "nlu").glob("*.yml"))
        for example in labelled_examples(path)
    ]


def test_same_probabilities_as_the_pipeline_on_held_out_messages(training) -> None:
    # Every fourth example: all the intents and the project's features, at a quarter of the
    # fitting's time (the whole set took 12 s of the bot lane).
    pipeline = fitted_pipeline(training[::4])
    assert len({intent for _, intent in training[::4]}) == len({i for _, i in training})
    scorer = DirectScorer.for_pipeline(pipeline)
    assert scorer is not None
    held_out = [normalise(text) for text, _ in labelled_examples(ROOT / "tests/nlu/heldout.yml")]

    assert np.allclose(scorer.probabilities(held_out), pipeline.predict_proba(held_out))


def test_steps_aside_for_a_model_it_cannot_reproduce(training) -> None:
    # Two intents: logistic regression is binary there, not the softmax the scorer computes.
    two_intents = [example for example in training if example[1] in {"greet", "goodbye"}]
    assert DirectScorer.for_pipeline(fitted_pipeline(two_intents)) is None
