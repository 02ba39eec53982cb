"""Fixtures for the bot-environment tests: the red-flag detector built from the real YAML, and
the trained model loaded once."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import TypeVar

import pytest
from rasa.core.agent import Agent
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.core.domain import Domain

from bot_extensions import rasa_patches
from bot_extensions.deterministic_policy import DeterministicPolicy
from bot_extensions.red_flags.detector import RedFlagDetector, load_knowledge
from bot_extensions.yaml_files import read_yaml

P = TypeVar("P", bound=DeterministicPolicy)

# As at start-up (python -m bot_extensions): the tests run against the patched Rasa.
rasa_patches.install_all()

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def detector() -> RedFlagDetector:
    knowledge = ROOT / "data" / "knowledge"
    return RedFlagDetector.from_knowledge(
        load_knowledge(knowledge / "red_flags.yml", knowledge / "sign_checks.yml")
    )


@pytest.fixture(scope="session")
def trained_agent() -> Agent:
    """The current model (scripts/current_model.sh), loaded once for the tests that only parse
    with it: a load is some ten seconds of CPU."""
    model = subprocess.check_output([ROOT / "scripts" / "current_model.sh"], text=True).strip()
    return Agent.load(str(ROOT / model))


@pytest.fixture(scope="session")
def red_flag_cases() -> dict:
    return read_yaml(ROOT / "tests" / "red_flags" / "cases.yml")


@pytest.fixture(scope="session")
def domain() -> Domain:
    return Domain.load(str(ROOT / "domain"))


def built_policy(policy_class: type[P], storage: Path) -> P:
    """One of the project's policies as Rasa builds it, with its default configuration."""
    return policy_class.create(
        policy_class.get_default_config(),
        LocalModelStorage(storage),
        Resource("policy"),
        ExecutionContext(GraphSchema({}), "test"),
    )
