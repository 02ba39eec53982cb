"""The Rasa patches: installed in one place, only there, only on the Rasa they were written for."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import rasa
import rasa.core.agent
from rasa.core.actions.action import ActionRestart, RemoteAction
from rasa.core.policies.policy import Policy
from rasa.engine.runner.dask import DaskGraphRunner
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from bot_extensions import (
    action_connections,
    action_response_validation,
    debug_formatting,
    domain_emptiness,
    frozen_heap,
    graph_runner,
    history_cache,
    rasa_patches,
    tracker_store,
)

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [
    (patch.module, path, digest)
    for patch in rasa_patches.PATCHES
    for path, digest in patch.rasa_sources.items()
]


def test_the_running_rasa_is_the_version_the_patches_were_written_for() -> None:
    assert rasa.__version__ == rasa_patches.RASA_VERSION


@pytest.mark.parametrize(("module", "path", "digest"), SOURCES, ids=[s[1] for s in SOURCES])
def test_each_rasa_function_a_patch_replaces_or_relies_on_is_unchanged(
    module: str, path: str, digest: str
) -> None:
    assert rasa_patches.source_hash(rasa_patches.original(path)) == digest, (
        f"{path} is not the code {module} was written for: check the patch against it"
    )


def test_another_rasa_version_is_refused_at_start_up(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rasa, "__version__", "3.7.0")
    monkeypatch.setattr(rasa_patches, "_installed", False)
    with pytest.raises(rasa_patches.RasaVersionMismatch, match=r"3\.7\.0"):
        rasa_patches.install_all()


def test_every_patch_is_installed() -> None:
    assert rasa_patches.installed()
    assert RemoteAction._validate_action_result is action_response_validation.validate_action_result
    assert EndpointConfig.session is action_connections._shared_session
    assert DaskGraphRunner.run is graph_runner.run
    assert getattr(ActionRestart.run, "__backbone_triage_floor__", False)
    assert rasa.core.agent.FailSafeTrackerStore is tracker_store.FailingTrackerStore
    assert Domain.states_for_tracker_history is history_cache.states_for_tracker_history
    assert DialogueStateTracker.applied_events is history_cache.applied_events
    assert Policy.format_tracker_states is debug_formatting.format_tracker_states
    assert (
        Domain.is_empty.__qualname__ == domain_emptiness._remembering(Domain.is_empty).__qualname__
    )


def test_a_domains_emptiness_is_rasas_answer_asked_once() -> None:
    rasa_is_empty = rasa_patches.original("rasa.shared.core.domain:Domain.is_empty")
    calls: list[Domain] = []

    def counting(domain: Domain) -> bool:
        calls.append(domain)
        return rasa_is_empty(domain)

    is_empty = domain_emptiness._remembering(counting)
    empty = Domain.empty()
    full = Domain.from_dict({"intents": ["greet"], "responses": {"utter_hi": [{"text": "Hi"}]}})
    assert [is_empty(empty), is_empty(empty), is_empty(full), is_empty(full)] == [
        True,
        True,
        False,
        False,
    ]
    assert calls == [empty, full]


def test_the_states_are_formatted_as_rasa_does_when_debug_logging_is_on() -> None:
    states = [{}, {"user": {"intent": "greet"}, "prev_action": {"action_name": "action_listen"}}]
    assert Policy.format_tracker_states(states) == debug_formatting.NOT_FORMATTED
    debug_formatting.LOGGER.setLevel(logging.DEBUG)
    try:
        formatted = Policy.format_tracker_states(states)
    finally:
        debug_formatting.LOGGER.setLevel(logging.NOTSET)
    assert formatted == debug_formatting.rasa_format_tracker_states(states)
    assert "user intent: greet" in formatted


# One fresh interpreter, never patched, for the two tests below: each start imports Rasa and
# TensorFlow again (some ten seconds of CPU). It imports the project's modules first, and then
# builds a policy: the policy must refuse, since importing patched nothing.
FRESH_INTERPRETER = """
import json, tempfile
import rasa.core.agent
from rasa.core.tracker_store import FailSafeTrackerStore
from rasa.shared.core.domain import Domain
from rasa.core.actions.action import RemoteAction
from rasa.engine.runner.dask import DaskGraphRunner
before = (Domain.states_for_tracker_history, RemoteAction._validate_action_result,
          DaskGraphRunner.run, rasa.core.agent.FailSafeTrackerStore)
import bot_extensions.policies, bot_extensions.check_policy
import bot_extensions.tracker_store, bot_extensions.lock_store
import bot_extensions.history_cache, bot_extensions.triage_floor
import bot_extensions.rasa_patches, bot_extensions.action_connections
import bot_extensions.action_response_validation, bot_extensions.graph_runner
after = (Domain.states_for_tracker_history, RemoteAction._validate_action_result,
         DaskGraphRunner.run, rasa.core.agent.FailSafeTrackerStore)
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from bot_extensions.policies import ActionServerDownPolicy as P
try:
    P.create(P.get_default_config(), LocalModelStorage(tempfile.mkdtemp()), Resource("p"),
             ExecutionContext(GraphSchema({}), "x"))
    refusal = None
except Exception as error:
    refusal = str(error)
print(json.dumps({"unchanged_by_imports": before == after, "refusal": refusal}))
"""


@pytest.fixture(scope="module")
def fresh_interpreter() -> dict[str, Any]:
    result = subprocess.run(
        [sys.executable, "-c", FRESH_INTERPRETER],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return dict(json.loads(result.stdout.splitlines()[-1]))


def test_importing_the_project_code_patches_nothing(fresh_interpreter: dict[str, Any]) -> None:
    assert fresh_interpreter["unchanged_by_imports"], "a module patched Rasa on import"


def test_the_policies_refuse_a_rasa_started_without_the_patches(
    fresh_interpreter: dict[str, Any],
) -> None:
    assert "started without this project's Rasa patches" in (fresh_interpreter["refusal"] or "")


def test_the_server_freezes_the_loaded_model_out_of_the_collector() -> None:
    import asyncio
    import gc

    import rasa.core.run

    assert rasa.core.run.load_agent_on_start.__wrapped__ is rasa_patches.original(  # type: ignore[attr-defined]
        "rasa.core.run:load_agent_on_start"
    )
    model = [object() for _ in range(1000)]

    async def load() -> list[object]:
        return model

    gc.unfreeze()
    try:
        assert asyncio.run(frozen_heap.freezing_after(load)()) is model
        assert gc.get_freeze_count() >= len(model)
        gc.collect()
        assert gc.get_freeze_count() >= len(model)  # a full collection leaves them there
    finally:
        gc.unfreeze()
