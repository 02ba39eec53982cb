"""The programme's settings from data/knowledge/programme.yml, read once per process."""

from __future__ import annotations

from functools import lru_cache

from backcare.knowledge.loader import read_programme
from backcare.knowledge.schema import Ladder, LadderStep, ProgrammeFile
from backcare.settings import Settings


@lru_cache(maxsize=1)
def programme_settings() -> ProgrammeFile:
    return read_programme(Settings.from_env().knowledge_dir)


def ladder_of(exercise_slug: str, settings: ProgrammeFile | None = None) -> Ladder | None:
    settings = settings or programme_settings()
    return next((ladder for ladder in settings.ladders if ladder.exercise == exercise_slug), None)


def step_of(ladder: Ladder, step: int) -> LadderStep:
    return ladder.steps[max(0, min(step, len(ladder.steps) - 1))]
