"""The plain-loop graph evaluation gives what `dask.get` gives, running each node once."""

from __future__ import annotations

from collections import Counter

import dask

from bot_extensions.graph_runner import evaluate


def rasa_like_graph(calls: Counter) -> dict:
    """Nodes take `(name, value)` pairs and return one, like Rasa's GraphNode."""

    def node(name: str):  # type: ignore[no-untyped-def]
        def call(*inputs: tuple[str, object]) -> tuple[str, object]:
            calls[name] += 1
            return name, [value for _, value in inputs]

        return call

    return {
        "__message__": ("__message__", {"text": "my back hurts"}),  # an input: a plain value
        "tokenizer": (node("tokenizer"), "__message__"),
        "featurizer": (node("featurizer"), "tokenizer"),
        "classifier": (node("classifier"), "featurizer", "tokenizer"),
        "red_flags": (node("red_flags"), "tokenizer"),
        "combine": (node("combine"), "classifier", "red_flags"),
        "unused": (node("unused"), "__message__"),
    }


def test_same_results_as_dask_and_each_node_runs_once() -> None:
    ours, theirs = Counter(), Counter()
    targets = ["combine", "red_flags"]

    graph_for_dask = rasa_like_graph(theirs)
    del graph_for_dask["unused"]  # Rasa hands dask the minimal graph for its targets

    assert evaluate(rasa_like_graph(ours), targets) == list(dask.get(graph_for_dask, targets))
    assert (
        ours == theirs == Counter(tokenizer=1, featurizer=1, classifier=1, red_flags=1, combine=1)
    )
