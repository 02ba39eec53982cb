"""Loading data/knowledge: good files, each kind of bad file, and idempotent re-loads."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import yaml
from sqlalchemy import Engine, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from backcare.knowledge import models
from backcare.knowledge.loader import Knowledge, KnowledgeError, load_knowledge, read_knowledge
from tests.app.knowledge.conftest import WriteCounter

TABLES = [models.Source, models.Referral, models.Exercise, models.EducationTopic, models.RedFlag]


def snapshot(engine: Engine) -> dict[str, list[tuple]]:
    with Session(engine) as session:
        return {
            model.__tablename__: sorted(
                tuple(sorted((k, repr(v)) for k, v in vars(row).items() if not k.startswith("_")))
                for row in session.scalars(select(model))
            )
            for model in TABLES
        }


def edit(directory: Path, filename: str, change) -> None:  # type: ignore[no-untyped-def]
    path = directory / filename
    data = yaml.safe_load(path.read_text())
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False))


def test_load_puts_every_entry_in_the_database(loaded_engine: Engine, knowledge: Knowledge) -> None:
    with Session(loaded_engine) as session:
        count = lambda model: session.scalar(select(func.count()).select_from(model))  # noqa: E731
        assert count(models.Exercise) == len(knowledge.exercises)
        assert count(models.RedFlag) == len(knowledge.red_flags)
        assert count(models.EducationTopic) == len(knowledge.topics)
        assert count(models.Referral) == len(knowledge.referrals)
        assert count(models.Source) == len(knowledge.sources)


def test_reload_of_unchanged_files_writes_nothing(
    loaded_engine: Engine, knowledge: Knowledge
) -> None:
    counter = WriteCounter(loaded_engine)
    with Session(loaded_engine) as session, session.begin():
        report = load_knowledge(session, knowledge)
    assert report.writes == 0
    assert counter.statements == []


def test_reload_updates_a_changed_entry_and_removes_a_retired_one(
    loaded_engine: Engine, knowledge_copy: Path
) -> None:
    edit(
        knowledge_copy, "exercises.yml", lambda d: d["exercises"][0].update(dose="1 set of 5 reps")
    )
    edit(knowledge_copy, "education.yml", lambda d: d["topics"].pop())
    changed = read_knowledge(knowledge_copy)
    counter = WriteCounter(loaded_engine)
    with Session(loaded_engine) as session, session.begin():
        report = load_knowledge(session, changed)
    assert report.updated == {"exercises": 1}
    assert report.deleted == {"education_topics": 1}
    assert sum(report.inserted.values()) == 0
    # the two changed rows, and the knowledge stamp's new token once (the read cache's)
    assert len(counter.statements) == 3
    assert sum("knowledge_stamp" in statement for statement in counter.statements) == 1
    with Session(loaded_engine) as session:
        first = changed.exercises[0].slug
        assert session.get_one(models.Exercise, first).dose == "1 set of 5 reps"


def test_exercise_links_point_at_real_rows(loaded_engine: Engine, knowledge: Knowledge) -> None:
    with Session(loaded_engine) as session:
        for entry in knowledge.exercises:
            row = session.get_one(models.Exercise, entry.slug)
            assert (row.regression.slug if row.regression else None) == entry.regression
            assert (row.progression.slug if row.progression else None) == entry.progression


BAD_FILES = {
    "invalid YAML": ("exercises.yml", None, "exercises.yml: invalid YAML"),
    "repeated key": ("referrals.yml", "repeat", "referrals.yml: invalid YAML"),
    "unknown field": (
        "exercises.yml",
        lambda d: d["exercises"][1].update(colour="red"),
        "exercises.yml: exercises[1] (slug '{slug1}') field colour: Extra inputs are not permitted",
    ),
    "duplicate slug": (
        "red_flags.yml",
        lambda d: d["red_flags"].append(dict(d["red_flags"][0])),
        "red_flags.yml: duplicate slug '{flag0}'",
    ),
    "link to a missing exercise": (
        "exercises.yml",
        lambda d: d["exercises"][0].update(progression="moon-walk"),
        "exercises.yml: entry '{slug0}': progression 'moon-walk' does not exist",
    ),
    "caution citing a missing source": (
        "exercises.yml",
        lambda d: d["exercises"][0].update(
            cautions=[{"about": "pregnancy", "text": "Ask first.", "sources": ["no-such"]}]
        ),
        "exercises.yml: entry '{slug0}': caution source 'no-such' does not exist",
    ),
    "missing required field": (
        "education.yml",
        lambda d: d["topics"][0].pop("summary"),
        "education.yml: topics[0] (slug '{topic0}') field summary: Field required",
    ),
}


@pytest.mark.parametrize("case", BAD_FILES, ids=list(BAD_FILES))
def test_bad_file_is_named_and_leaves_the_database_as_it_was(
    case: str, loaded_engine: Engine, knowledge_copy: Path, knowledge: Knowledge
) -> None:
    filename, change, expected = BAD_FILES[case]
    if change is None:
        (knowledge_copy / filename).write_text("exercises:\n  - slug: plank\n    name: [unclosed\n")
    elif change == "repeat":
        path = knowledge_copy / filename
        path.write_text(path.read_text().replace("    who:", "    who: Someone\n    who:", 1))
    else:
        edit(knowledge_copy, filename, change)
    before = snapshot(loaded_engine)
    with pytest.raises(KnowledgeError) as error:
        read_knowledge(knowledge_copy)
    assert expected.format(
        slug0=knowledge.exercises[0].slug,
        slug1=knowledge.exercises[1].slug,
        flag0=knowledge.red_flags[0].slug,
        topic0=knowledge.topics[0].slug,
    ) in str(error.value)
    assert snapshot(loaded_engine) == before


def test_a_failure_mid_load_rolls_everything_back(
    loaded_engine: Engine, knowledge: Knowledge
) -> None:
    before = snapshot(loaded_engine)
    broken = dataclasses.replace(
        knowledge,
        exercises=[e.model_copy(update={"dose": "changed"}) for e in knowledge.exercises],
        # A red flag pointing at a referral the database lacks fails at the foreign key.
        red_flags=[knowledge.red_flags[0].model_copy(update={"referral": "nobody"})],
        screening=[],
    )
    with pytest.raises(IntegrityError), Session(loaded_engine) as session, session.begin():
        load_knowledge(session, broken)
    assert snapshot(loaded_engine) == before
