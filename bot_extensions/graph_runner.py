"""Run the prediction graph with a plain loop instead of dask's scheduler.

Rasa 3.6 runs its NLU and dialogue graphs through `dask.get` on every message and every
prediction: a general scheduler that orders, tracks and releases up to 16 nodes each time.
Profiling a loaded server put 8% of its CPU in that bookkeeping (docs/production.md). Here a
prediction graph (no `train` node) is evaluated depth first, each node once, with the same
nodes, inputs and results; training keeps dask, which frees intermediate data as it goes.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.exceptions import GraphRunError
from rasa.engine.runner.dask import DaskGraphRunner

_run_with_dask = DaskGraphRunner.run


def evaluate(graph: dict[str, Any], targets: list[str]) -> list[Any]:
    """`dask.get` for Rasa's graphs: a task is `(callable, *keys)`, anything else a value."""
    results: dict[str, Any] = {}

    def value_of(key: str) -> Any:
        if key not in results:
            task = graph[key]
            if isinstance(task, tuple) and task and callable(task[0]):
                results[key] = task[0](*(value_of(argument) for argument in task[1:]))
            else:
                results[key] = task
        return results[key]

    return [value_of(target) for target in targets]


def run(
    self: DaskGraphRunner,
    inputs: dict[str, Any] | None = None,
    targets: list[str] | None = None,
) -> dict[str, Any]:
    if any(node.fn == "train" for node in self._graph_schema.nodes.values()):
        return _run_with_dask(self, inputs, targets)
    run_targets = targets if targets else self._graph_schema.target_names
    graph = self._build_dask_graph(self._graph_schema.minimal_graph_schema(run_targets))
    self._add_inputs_to_graph(inputs, graph)
    try:
        return dict(evaluate(graph, run_targets))
    except RuntimeError as error:  # as Rasa's own run does
        raise GraphRunError("Error running runner.") from error


def install() -> None:
    """Called once at start-up by bot_extensions/rasa_patches.py."""
    DaskGraphRunner.run = run  # type: ignore[method-assign]
