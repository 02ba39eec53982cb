"""Every change this project makes to Rasa's own code, installed in one place at start-up.

Rasa runs through `python -m bot_extensions` (scripts/rasa: training, tests, validation) or,
to serve, the launcher `python -m bot_extensions.serve` (`run` of the first delegates to it),
which call `install_all()` before Rasa's command line starts. Nothing is patched by importing
a module. Each patch below names the Rasa functions it replaces or relies on, with a hash of
their source in the Rasa version it was written for; `install_all()` refuses to start on any
other Rasa version, and tests/bot/test_rasa_patches.py checks the hashes against the installed
Rasa, so an upgrade fails loudly instead of running a patch against code it was not written for.

To add one: write the module with an `install()` function and add one `Patch(...)` line to
`PATCHES` (for a Sanic middleware installed on Rasa's app, name the Rasa function it hooks).
"""

from __future__ import annotations

import hashlib
import importlib
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

RASA_VERSION = "3.6.21"


@dataclass(frozen=True)
class Patch:
    module: str  # bot_extensions.<module>, with an install() function
    why: str
    # "module:qualified.name" of each Rasa object replaced or relied on, and the first 16 hex
    # digits of the sha256 of its source in RASA_VERSION.
    rasa_sources: dict[str, str]

    def install(self) -> None:
        install: Callable[[], None] = importlib.import_module(self.module).install
        install()


PATCHES: tuple[Patch, ...] = (
    Patch(
        "bot_extensions.action_response_validation",
        "the action-response JSON schema validator built once, not on every call, and each "
        "event checked against its own type",
        {
            "rasa.core.actions.action:RemoteAction._validate_action_result": "f8cdb4be68123961",
            "rasa.core.actions.action:RemoteAction.action_response_format_spec": (
                "091b74aa3738d126"
            ),
        },
    ),
    Patch(
        "bot_extensions.event_types",
        "an event's class found by its name in a table, not by walking every Event subclass",
        {"rasa.shared.core.events:Event.resolve_by_type": "b5cf570fa7f286c7"},
    ),
    Patch(
        "bot_extensions.action_connections",
        "connections to the action server kept open between calls",
        {"rasa.utils.endpoints:EndpointConfig.session": "e55aa13d9d4fb4bc"},
    ),
    Patch(
        "bot_extensions.domain_digest",
        "the domain sent to the action server once, then only its digest (a 449 sends it again)",
        {
            "rasa.core.actions.action:RemoteAction.run": "ccabf6f1160d527a",
            "rasa.core.actions.action:RemoteAction._action_call_format": "428795b944f22edb",
        },
    ),
    Patch(
        "bot_extensions.graph_runner",
        "the prediction graph run by a plain loop instead of dask",
        {
            "rasa.engine.runner.dask:DaskGraphRunner.run": "45f0f52f574f3aa9",
            "rasa.engine.runner.dask:DaskGraphRunner._build_dask_graph": "5bb99f974d512a36",
            "rasa.engine.runner.dask:DaskGraphRunner._add_inputs_to_graph": "d04a0ca2df6241c1",
        },
    ),
    Patch(
        "bot_extensions.triage_floor",
        "the highest triage kept through restarts, new sessions and reverts",
        {
            "rasa.core.actions.action:ActionRestart.run": "5ead49606ae464aa",
            "rasa.core.actions.action:ActionSessionStart.run": "c2e7c99a94ca57a5",
            "rasa.core.actions.action:ActionBack.run": "d7479aa2b975b92c",
            "rasa.core.actions.action:ActionDefaultFallback.run": "0308fec5599a68e0",
        },
    ),
    Patch(
        "bot_extensions.tracker_store",
        "a database error fails the turn instead of answering from an empty conversation",
        {
            "rasa.core.agent:Agent._create_tracker_store": "97499b594b45581b",
            "rasa.core.tracker_store:FailSafeTrackerStore": "84833481b14c2271",
        },
    ),
    Patch(
        "bot_extensions.history_cache",
        "the states of past turns computed once per conversation",
        {
            "rasa.shared.core.domain:Domain.states_for_tracker_history": "035111ce73ac90ba",
            "rasa.shared.core.trackers:DialogueStateTracker.applied_events": "764d5065ea9997d6",
            "rasa.shared.core.trackers:DialogueStateTracker.generate_all_prior_trackers": (
                "a1f6954347b52649"
            ),
            "rasa.shared.core.domain:Domain.get_active_state": "5a4a505743120441",
        },
    ),
    Patch(
        "bot_extensions.rule_policy_window",
        "RulePolicy given only as many past states as its longest rule reads, and each rule's "
        "states reversed once",
        {
            "rasa.core.policies.policy:Policy._prediction_states": "ed9b82bed2f26ad7",
            "rasa.core.featurizers.tracker_featurizers:MaxHistoryTrackerFeaturizer"
            ".prediction_states": "451caf09a389e871",
            "rasa.core.policies.rule_policy:RulePolicy._find_action_from_rules": (
                "be6da6ee0f5429bd"
            ),
            "rasa.core.policies.rule_policy:RulePolicy._get_possible_keys": "2915fd81711e194c",
            "rasa.core.policies.rule_policy:RulePolicy._is_rule_applicable": "64a108b016b46e57",
            "rasa.core.policies.rule_policy:RulePolicy._create_feature_key": "641eda8d019918ce",
            "rasa.core.policies.rule_policy:RulePolicy._rule_prediction": "90316ddf7eb4b314",
            "rasa.core.policies.rule_policy:RulePolicy._does_rule_match_state": (
                "d3109c1a97de319c"
            ),
        },
    ),
    Patch(
        "bot_extensions.tracker_copy",
        "a tracker copied from its state instead of replaying every event",
        {
            "rasa.shared.core.trackers:DialogueStateTracker.copy": "dfa48dca9f355ad1",
            "rasa.shared.core.trackers:DialogueStateTracker.travel_back_in_time": (
                "09d16f28f007492f"
            ),
            "rasa.shared.core.trackers:DialogueStateTracker.init_copy": "429fcd2243b9e0e1",
            "rasa.shared.core.trackers:DialogueStateTracker.__init__": "8f39eb22462aa62b",
        },
    ),
    Patch(
        "bot_extensions.debug_formatting",
        "RulePolicy's states formatted for its debug line only when debug logging is on",
        {
            "rasa.core.policies.policy:Policy.format_tracker_states": "32b101cb34fd1c32",
            "rasa.core.policies.rule_policy:RulePolicy._find_action_from_rules": (
                "be6da6ee0f5429bd"
            ),
        },
    ),
    Patch(
        "bot_extensions.response_specificity",
        "of the response variations whose conditions match, the most specific chosen, not one "
        "at random",
        {
            "rasa.core.nlg.generator:ResponseVariationFilter.responses_for_utter_action": (
                "97a94d33cedf050a"
            ),
        },
    ),
    Patch(
        "bot_extensions.domain_emptiness",
        "whether the domain is empty answered once per domain, not on every message",
        {"rasa.shared.core.domain:Domain.is_empty": "884be90ef485f1d2"},
    ),
    Patch(
        "bot_extensions.nlu_thread",
        "the NLU graph run on a worker thread, off the event loop",
        {
            "rasa.core.processor:MessageProcessor.parse_message": "b98d8e49b9f2c433",
            "rasa.core.processor:MessageProcessor._parse_message_with_graph": ("0bd50a53b5c013af"),
        },
    ),
    Patch(
        "bot_extensions.frozen_heap",
        "the loaded model's objects frozen out of the garbage collector's full collections",
        {
            "rasa.core.run:load_agent_on_start": "b23e12447febeb64",
            "rasa.core.run:serve_application": "fa80588d9e008b67",
        },
    ),
    Patch(
        "bot_extensions.http_guard",
        "Host, Origin and the API token (in constant time) checked on every request to the "
        "Sanic app Rasa builds",
        {
            "rasa.core.run:configure_app": "72da30416f74c648",
            # Rasa's own token check, which then sees only the right token.
            "rasa.server:requires_auth": "b90315c4ea48b28b",
        },
    ),
)

_installed = False
# Rasa's own objects, read just before the patches were installed (for the tests).
_originals: dict[str, Any] = {}


class RasaVersionMismatch(RuntimeError):
    """The running Rasa is not the version the patches were written for."""


def resolve(path: str) -> Any:
    module_name, _, qualified = path.partition(":")
    target: Any = importlib.import_module(module_name)
    for part in qualified.split("."):
        target = getattr(target, part)
    return target


def source_hash(target: Any) -> str:
    return hashlib.sha256(inspect.getsource(inspect.unwrap(target)).encode()).hexdigest()[:16]


def check_rasa_version() -> None:
    import rasa

    if rasa.__version__ != RASA_VERSION:
        raise RasaVersionMismatch(
            f"bot_extensions patches Rasa {RASA_VERSION}, but Rasa {rasa.__version__} is "
            "installed: check every patch in bot_extensions/rasa_patches.py against the new "
            "version (tests/bot/test_rasa_patches.py) and update RASA_VERSION"
        )


def install_all() -> None:
    """Install every patch, once. Refuses a Rasa version the patches were not written for."""
    global _installed
    if _installed:
        return
    check_rasa_version()
    for patch in PATCHES:
        for path in patch.rasa_sources:
            _originals[path] = resolve(path)
        patch.install()
    _installed = True


def installed() -> bool:
    return _installed


def original(path: str) -> Any:
    """Rasa's object at `path` as it was before install_all() (or now, if not installed)."""
    return _originals[path] if path in _originals else resolve(path)


def require_installed(who: str) -> None:
    """For code that is only correct with the patches (the policies): fail loudly when Rasa was
    started without them (the plain `rasa` command instead of `python -m bot_extensions`)."""
    if not _installed:
        raise RuntimeError(
            f"{who}: Rasa was started without this project's Rasa patches. Start it with "
            "`python -m bot_extensions <rasa arguments>` (scripts/rasa), which installs them "
            "(bot_extensions/rasa_patches.py)."
        )
