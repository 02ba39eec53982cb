"""Fixtures for the bot-environment tests: the red-flag detector built from the real YAML."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot_extensions import rasa_patches
from bot_extensions.red_flags.detector import RedFlagDetector, load_knowledge

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
def red_flag_cases() -> dict:
    return yaml.safe_load((ROOT / "tests" / "red_flags" / "cases.yml").read_text())
