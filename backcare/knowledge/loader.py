"""Read, validate and load the knowledge YAML into the database.

Validation finishes before the first write, and the caller commits once, so a bad file leaves
the database exactly as it was.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from backcare.knowledge import models, schema


class KnowledgeError(ValueError):
    """A knowledge file is unreadable or inconsistent; the message names the file and entry."""


@dataclass(frozen=True)
class Knowledge:
    sources: list[schema.Source]
    referrals: list[schema.Referral]
    exercises: list[schema.Exercise]
    topics: list[schema.EducationTopic]
    red_flags: list[schema.RedFlag]
    sign_checks: list[schema.SignCheck]
    beside_a_cause: schema.BesideACause
    messages: list[schema.Message]
    screening: list[schema.ScreeningQuestion]
    programme: schema.ProgrammeFile
    follow_ups: list[schema.FollowUp]
    # Optional: the reviewed clinicians' corrections (topic_corrections.yml).
    corrections: list[schema.TopicCorrection] = field(default_factory=list)


@dataclass
class LoadReport:
    inserted_keys: defaultdict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    updated_keys: defaultdict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    deleted: Counter[str] = field(default_factory=Counter)

    @property
    def inserted(self) -> Counter[str]:
        return Counter({table: len(keys) for table, keys in self.inserted_keys.items()})

    @property
    def updated(self) -> Counter[str]:
        return Counter({table: len(keys) for table, keys in self.updated_keys.items()})

    @property
    def writes(self) -> int:
        return sum(self.inserted.values()) + sum(self.updated.values()) + sum(self.deleted.values())

    def summary(self) -> str:
        def fmt(counter: Counter[str]) -> str:
            return ", ".join(f"{n} {table}" for table, n in sorted(counter.items()) if n) or "none"

        return (
            f"inserted: {fmt(self.inserted)}; updated: {fmt(self.updated)}; "
            f"deleted: {fmt(self.deleted)}"
        )


def read_knowledge(directory: Path) -> Knowledge:
    parsed = {
        name: _read_file(directory / name, model) for name, model in schema.KNOWLEDGE_FILES.items()
    }
    knowledge = Knowledge(
        sources=parsed["sources.yml"].sources,  # type: ignore[attr-defined]
        referrals=parsed["referrals.yml"].referrals,  # type: ignore[attr-defined]
        exercises=parsed["exercises.yml"].exercises,  # type: ignore[attr-defined]
        topics=parsed["education.yml"].topics,  # type: ignore[attr-defined]
        red_flags=parsed["red_flags.yml"].red_flags,  # type: ignore[attr-defined]
        sign_checks=parsed["sign_checks.yml"].checks,  # type: ignore[attr-defined]
        beside_a_cause=parsed["sign_checks.yml"].beside_a_cause,  # type: ignore[attr-defined]
        messages=parsed["messages.yml"].messages,  # type: ignore[attr-defined]
        screening=parsed["screening.yml"].questions,  # type: ignore[attr-defined]
        programme=parsed["programme.yml"],  # type: ignore[arg-type]
        follow_ups=parsed["messages.yml"].follow_ups,  # type: ignore[attr-defined]
        corrections=_read_optional(directory, "topic_corrections.yml").corrections,  # type: ignore[attr-defined]
    )
    _check_references(knowledge)
    return knowledge


def read_programme(directory: Path) -> schema.ProgrammeFile:
    """The programme's rules, outcome measure, reminder settings and ladders, validated."""
    return _read_file(directory / "programme.yml", schema.ProgrammeFile)  # type: ignore[return-value]


def read_follow_ups(directory: Path) -> list[schema.FollowUp]:
    """The questions about an exercise just shown, and the message answering each, validated."""
    messages = _read_file(directory / "messages.yml", schema.MessagesFile)
    return messages.follow_ups  # type: ignore[attr-defined]


class _StrictLoader(yaml.CSafeLoader):
    """Refuses a mapping that repeats a key: plain YAML silently keeps only the last one.

    On libyaml's parser: the red-flag file alone takes a second to read in pure Python, a tenth
    of that in C, and every load, check and test reads it.
    """

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    "while reading a mapping",
                    node.start_mark,
                    f"duplicate key '{key}'",
                    key_node.start_mark,
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _read_file(path: Path, model: type[schema.Entry]) -> schema.Entry:
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_StrictLoader)
    except FileNotFoundError as error:
        raise KnowledgeError(f"{path.name}: file is missing") from error
    except yaml.YAMLError as error:
        raise KnowledgeError(f"{path.name}: invalid YAML: {error}") from error
    try:
        return model.model_validate(raw)
    except ValidationError as error:
        first = error.errors()[0]
        raise KnowledgeError(
            f"{path.name}: {_describe_location(raw, first['loc'])}: {first['msg']}"
            + (f" ({len(error.errors())} errors in all)" if error.error_count() > 1 else "")
        ) from error


def _read_optional(directory: Path, name: str) -> schema.Entry:
    """An optional file, or the empty one when it is absent."""
    model = schema.OPTIONAL_KNOWLEDGE_FILES[name]
    path = directory / name
    if not path.exists():
        return model.model_validate({"version": 1, "corrections": []})
    return _read_file(path, model)


def _describe_location(raw: Any, location: tuple[int | str, ...]) -> str:
    """Turn a pydantic error location into 'exercises[3] (slug 'plank') field steps'."""
    if len(location) < 2 or not isinstance(location[1], int):
        return "field " + ".".join(str(part) for part in location) if location else "top level"
    collection, index = location[0], location[1]
    entry = raw.get(collection, [])[index] if isinstance(raw, dict) else None
    key = entry.get("slug") or entry.get("id") if isinstance(entry, dict) else None
    where = f"{collection}[{index}]" + (f" (slug '{key}')" if key else "")
    rest = ".".join(str(part) for part in location[2:])
    return f"{where} field {rest}" if rest else where


def _check_references(knowledge: Knowledge) -> None:
    _check_unique("sources.yml", [s.id for s in knowledge.sources])
    for filename, entries in (
        ("referrals.yml", knowledge.referrals),
        ("exercises.yml", knowledge.exercises),
        ("education.yml", knowledge.topics),
        ("red_flags.yml", knowledge.red_flags),
        ("messages.yml", knowledge.messages),
    ):
        _check_unique(filename, [entry.slug for entry in entries])

    source_ids = {s.id for s in knowledge.sources}
    exercise_slugs = {e.slug for e in knowledge.exercises}
    referral_slugs = {r.slug for r in knowledge.referrals}

    def require(filename: str, slug: str, what: str, value: str | None, known: set[str]) -> None:
        if value is not None and value not in known:
            raise KnowledgeError(f"{filename}: entry '{slug}': {what} '{value}' does not exist")

    for exercise in knowledge.exercises:
        require("exercises.yml", exercise.slug, "regression", exercise.regression, exercise_slugs)
        require("exercises.yml", exercise.slug, "progression", exercise.progression, exercise_slugs)
        for source in exercise.sources:
            require("exercises.yml", exercise.slug, "source", source, source_ids)
        for caution in exercise.cautions:
            for source in caution.sources:
                require("exercises.yml", exercise.slug, "caution source", source, source_ids)
    for topic in knowledge.topics:
        for related in topic.related_exercises:
            require("education.yml", topic.slug, "related exercise", related, exercise_slugs)
        for source in topic.sources:
            require("education.yml", topic.slug, "source", source, source_ids)
    for flag in knowledge.red_flags:
        require("red_flags.yml", flag.slug, "referral", flag.referral, referral_slugs)
        for source in flag.sources:
            require("red_flags.yml", flag.slug, "source", source, source_ids)
    _check_unique("screening.yml", [q.slot for q in knowledge.screening])
    flag_slugs = {f.slug for f in knowledge.red_flags}
    _check_unique("sign_checks.yml", [c.slug for c in knowledge.sign_checks])
    for check in knowledge.sign_checks:
        for slug in [check.flag, *check.covers, *check.after_operation]:
            require("sign_checks.yml", check.slug, "red flag", slug, flag_slugs)
        for source in check.sources:
            require("sign_checks.yml", check.slug, "source", source, source_ids)
    beside = knowledge.beside_a_cause
    for slug in [*beside.causes, *beside.signs]:
        require("sign_checks.yml", "beside_a_cause", "red flag", slug, flag_slugs)
    for source in beside.sources:
        require("sign_checks.yml", "beside_a_cause", "source", source, source_ids)
    for question in knowledge.screening:
        require("screening.yml", question.slot, "red flag", question.red_flag, flag_slugs)
    _check_unique("messages.yml", [f.slug for f in knowledge.follow_ups])
    message_slugs = {m.slug for m in knowledge.messages}
    for follow_up in knowledge.follow_ups:
        require("messages.yml", follow_up.slug, "message", follow_up.message, message_slugs)
    for referral in knowledge.referrals:
        for source in referral.sources:
            require("referrals.yml", referral.slug, "source", source, source_ids)
    topic_slugs = {t.slug for t in knowledge.topics}
    for correction in knowledge.corrections:
        slug = correction.topic or "(no topic)"
        require("topic_corrections.yml", slug, "topic", correction.topic, topic_slugs)
    questions = [q.text for c in knowledge.corrections for q in c.questions]
    repeated = sorted(q for q, count in Counter(questions).items() if count > 1)
    if repeated:
        raise KnowledgeError(
            f"topic_corrections.yml: question '{repeated[0]}' is corrected twice "
            "(a question points to one topic, or to none)"
        )
    _check_programme(knowledge, require)


def _check_programme(knowledge: Knowledge, require: Any) -> None:
    """Every exercise done alone has a ladder, starting on that exercise, with no coach lift."""
    programme = knowledge.programme
    name = "programme.yml"
    exercises = {e.slug: e for e in knowledge.exercises}
    source_ids = {s.id for s in knowledge.sources}
    rules = programme.progress
    referral_slugs = {r.slug for r in knowledge.referrals}
    require(name, "rules", "referral", rules.physiotherapist_referral, referral_slugs)
    for source in [*rules.sources, *programme.outcome.sources]:
        require(name, "rules", "source", source, source_ids)
    _check_unique(name, [ladder.exercise for ladder in programme.ladders])
    for ladder in programme.ladders:
        require(name, ladder.exercise, "exercise", ladder.exercise, set(exercises))
        for step in ladder.steps:
            require(name, ladder.exercise, "step exercise", step.exercise, set(exercises))
            if step.exercise in exercises and exercises[step.exercise].supervision != "self":
                raise KnowledgeError(f"{name}: entry '{ladder.exercise}': step needs a coach")
        for source in ladder.sources:
            require(name, ladder.exercise, "source", source, source_ids)
        if ladder.start >= len(ladder.steps):
            raise KnowledgeError(f"{name}: entry '{ladder.exercise}': start is past the steps")
        if ladder.steps[ladder.start].exercise != ladder.exercise:
            raise KnowledgeError(
                f"{name}: entry '{ladder.exercise}': the start step is another exercise"
            )
    laddered = {ladder.exercise for ladder in programme.ladders}
    for exercise in knowledge.exercises:
        if exercise.supervision == "self" and exercise.slug not in laddered:
            raise KnowledgeError(f"{name}: exercise '{exercise.slug}' has no ladder")


def _check_unique(filename: str, keys: list[str]) -> None:
    duplicates = sorted(key for key, count in Counter(keys).items() if count > 1)
    if duplicates:
        raise KnowledgeError(f"{filename}: duplicate slug '{duplicates[0]}'")


def load_knowledge(session: Session, knowledge: Knowledge) -> LoadReport:
    """Upsert every entry by slug and remove retired rows; the caller owns the transaction."""
    report = LoadReport()
    retired: list[Any] = []
    retired += _sync(
        session, report, models.Source, "id", {s.id: s.model_dump() for s in knowledge.sources}
    )
    retired += _sync(
        session,
        report,
        models.Referral,
        "slug",
        {r.slug: r.model_dump() for r in knowledge.referrals},
    )
    # Links between exercises are set in a second pass, once every target row exists.
    exercise_rows = {
        e.slug: e.model_dump(exclude={"regression", "progression"}) for e in knowledge.exercises
    }
    retired += _sync(session, report, models.Exercise, "slug", exercise_rows)
    session.flush()
    for exercise in knowledge.exercises:
        row = session.get_one(models.Exercise, exercise.slug)
        links = {"regression_slug": exercise.regression, "progression_slug": exercise.progression}
        if _assign_changed(row, links) and exercise.slug not in report.inserted_keys["exercises"]:
            report.updated_keys["exercises"].add(exercise.slug)
    retired += _sync(
        session,
        report,
        models.EducationTopic,
        "slug",
        {t.slug: t.model_dump() for t in knowledge.topics},
    )
    red_flag_rows = {
        f.slug: {**f.model_dump(exclude={"referral"}), "referral_slug": f.referral}
        for f in knowledge.red_flags
    }
    retired += _sync(session, report, models.RedFlag, "slug", red_flag_rows)
    retired += _sync(
        session,
        report,
        models.Message,
        "slug",
        {m.slug: m.model_dump() for m in knowledge.messages},
    )
    question_rows = {
        q.slot: {
            **q.model_dump(exclude={"red_flag"}),
            "red_flag_slug": q.red_flag,
            "position": index,
        }
        for index, q in enumerate(knowledge.screening)
    }
    retired += _sync(session, report, models.ScreeningQuestion, "slot", question_rows)
    correction_rows = {
        q.text: {
            "question": q.text,
            "topic_slug": c.topic,
            "reviewed_by": q.reviewed_by,
            "reviewed_on": q.reviewed_on,
        }
        for c in knowledge.corrections
        for q in c.questions
    }
    retired += _sync(session, report, models.TopicQuestionCorrection, "question", correction_rows)
    session.flush()
    # Dependants go first: red flags point at referrals, exercises at each other.
    for row in sorted(retired, key=lambda r: models.KNOWLEDGE_MODELS.index(type(r))):
        report.deleted[row.__tablename__] += 1
        session.delete(row)
        session.flush()
    return report


def _sync(
    session: Session,
    report: LoadReport,
    model: type[models.Base],
    key: str,
    rows: dict[str, dict[str, Any]],
) -> list[Any]:
    """Insert new rows, update changed ones, and return the rows the YAML no longer has."""
    table = model.__tablename__
    existing = {getattr(row, key): row for row in session.scalars(select(model))}
    for slug, values in rows.items():
        row = existing.get(slug)
        if row is None:
            session.add(model(**values))
            report.inserted_keys[table].add(slug)
        elif _assign_changed(row, values):
            report.updated_keys[table].add(slug)
    return [row for slug, row in existing.items() if slug not in rows]


def _assign_changed(row: Any, values: dict[str, Any]) -> bool:
    """Set only the attributes whose value differs, so an unchanged re-load writes nothing."""
    changed = False
    for attribute, value in values.items():
        if getattr(row, attribute) != value:
            setattr(row, attribute, value)
            changed = True
    return changed
