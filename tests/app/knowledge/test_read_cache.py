"""The knowledge read cache: a knowledge read is answered without SQL while the stamp's token is
the one it was read under, and every write to the knowledge tables is seen with its commit. So
is what the queries derive from whole tables (`memo`): the exercises' names, the topic search."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Engine, Row, event, select, update
from sqlalchemy.engine.result import FrozenResult
from sqlalchemy.orm import Session, sessionmaker

from backcare.knowledge import read_cache
from backcare.knowledge.loader import Knowledge, load_knowledge
from backcare.knowledge.models import EducationTopic, Exercise, KnowledgeStamp, Message
from backcare.knowledge.queries import find_exercise, message, topic_index
from backcare.knowledge.read_cache import READ_CACHE, memo
from backcare.programme.models import Person

# Words no exercise or topic has, nor anything a typo or two away.
NEW_NAME = "quokka wobble"
OTHER_NEW_NAME = "wombat shuffle"


class Selects:
    """The SELECT statements an engine sends, by the tables they name."""

    def __init__(self, engine: Engine) -> None:
        self.statements: list[str] = []
        event.listen(engine, "before_cursor_execute", self._record)

    def _record(self, _conn, _cursor, statement: str, *_args) -> None:  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith("SELECT"):
            self.statements.append(statement)

    def naming(self, table: str) -> list[str]:
        return [s for s in self.statements if f"FROM {table}" in s]


@pytest.fixture
def cached(loaded_engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(loaded_engine, expire_on_commit=False, info={READ_CACHE: True})


@pytest.fixture
def selects(loaded_engine: Engine) -> Iterator[Selects]:
    counter = Selects(loaded_engine)
    yield counter
    event.remove(loaded_engine, "before_cursor_execute", counter._record)


@pytest.fixture
def merged(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the ORM instances that cached reads merge into their sessions, a row each."""
    names: list[str] = []
    merge = read_cache.merge_frozen_result

    def counting(session: Session, statement: Any, frozen: FrozenResult[Any], load: bool) -> Any:
        rows = (row if isinstance(row, Row) else (row,) for row in frozen.data)
        names.extend(
            type(value).__name__
            for row in rows
            for value in row
            if type(value) in read_cache._KNOWLEDGE
        )
        return merge(session, statement, frozen, load=load)

    monkeypatch.setattr(read_cache, "merge_frozen_result", counting)
    return names


def phrase(factory: sessionmaker[Session], slug: str) -> str:
    with factory() as session:
        found = message(session, slug)
        assert found is not None
        return found.text


def rewrite(session: Session, slug: str, text: str) -> None:
    """A bulk UPDATE statement, which no flush sees."""
    session.execute(update(Message).where(Message.slug == slug).values(text=text))


def add_alias(session: Session, slug: str, alias: str) -> None:
    exercise = session.get_one(Exercise, slug)
    exercise.aliases = [*exercise.aliases, alias]


def exercise_named(factory: sessionmaker[Session], name: str) -> str | None:
    with factory() as session:
        found = find_exercise(session, name)
        return found.slug if found else None


def topic_named(session: Session, words: str) -> str | None:
    slugs, index = topic_index(session)
    match = index.named(words)
    assert match is None or match.slug in slugs
    return match.slug if match else None


def a_topic_slug(factory: sessionmaker[Session]) -> str:
    with factory() as session:
        slugs, _ = topic_index(session)
        return slugs[0]


def any_slug(engine: Engine) -> str:
    with Session(engine) as session:
        return session.scalars(select(Message.slug).order_by(Message.slug)).first() or ""


def test_a_knowledge_read_again_in_a_new_session_sends_no_select_to_its_table(
    loaded_engine: Engine, cached: sessionmaker[Session], selects: Selects
) -> None:
    slug = any_slug(loaded_engine)
    selects.statements.clear()
    first = phrase(cached, slug)
    assert len(selects.naming("messages")) == 1
    assert phrase(cached, slug) == first
    assert len(selects.naming("messages")) == 1
    # Each new transaction still asks for the token: a load in another process is seen.
    assert len(selects.naming("knowledge_stamp")) == 2


def test_a_cached_exercise_keeps_its_relationships_and_lists(
    loaded_engine: Engine, cached: sessionmaker[Session]
) -> None:
    with Session(loaded_engine) as session:
        expected = {
            e.slug: (list(e.aliases), e.regression_slug) for e in session.scalars(select(Exercise))
        }
    for _ in range(2):
        with cached() as session:
            for exercise in session.scalars(select(Exercise)):
                assert (list(exercise.aliases), exercise.regression_slug) == expected[exercise.slug]
                if exercise.regression_slug:
                    assert exercise.regression is not None
                    assert exercise.regression.slug == exercise.regression_slug
            assert find_exercise(session, "bird dog") is not None


def test_an_orm_write_in_another_session_is_seen_once_committed_and_not_before(
    loaded_engine: Engine, cached: sessionmaker[Session]
) -> None:
    slug = any_slug(loaded_engine)
    before = phrase(cached, slug)
    with Session(loaded_engine) as writer:
        row = writer.get(Message, slug)
        assert row is not None
        row.text = "rewritten by a clinician"
        writer.flush()
        assert phrase(cached, slug) == before  # not committed yet: nobody else sees it
        writer.commit()
    assert phrase(cached, slug) == "rewritten by a clinician"


def test_a_bulk_update_statement_changes_the_token(
    loaded_engine: Engine, cached: sessionmaker[Session]
) -> None:
    slug = any_slug(loaded_engine)
    phrase(cached, slug)
    with Session(loaded_engine) as writer, writer.begin():
        rewrite(writer, slug, "bulk")
    assert phrase(cached, slug) == "bulk"


def test_reloading_the_knowledge_is_seen(
    loaded_engine: Engine, cached: sessionmaker[Session], knowledge: Knowledge
) -> None:
    slug = any_slug(loaded_engine)
    original = phrase(cached, slug)
    with Session(loaded_engine) as writer, writer.begin():
        rewrite(writer, slug, "stale")
    assert phrase(cached, slug) == "stale"
    with Session(loaded_engine) as loader, loader.begin():
        load_knowledge(loader, knowledge)
    assert phrase(cached, slug) == original


def test_a_write_to_another_table_keeps_the_token(loaded_engine: Engine) -> None:
    def token() -> str | None:
        with Session(loaded_engine) as session:
            return session.scalar(select(KnowledgeStamp.token))

    before = token()
    with Session(loaded_engine) as writer, writer.begin():
        writer.add(
            Person(
                sender_id="cache-test-person", channel="rest", created_at=dt.datetime(2026, 12, 1)
            )
        )
    assert token() == before


def test_sessions_that_did_not_ask_for_the_cache_always_read_the_table(
    loaded_engine: Engine, selects: Selects
) -> None:
    slug = any_slug(loaded_engine)
    selects.statements.clear()
    plain = sessionmaker(loaded_engine)
    phrase(plain, slug)
    phrase(plain, slug)
    assert len(selects.naming("messages")) == 2


def test_rows_of_other_tables_are_not_cached(
    loaded_engine: Engine, cached: sessionmaker[Session], selects: Selects
) -> None:
    for _ in range(2):
        with cached() as session:
            session.scalars(select(Person)).all()
    assert len(selects.naming("programme_people")) == 2


def test_a_write_after_a_rolled_back_savepoint_still_changes_the_token(
    loaded_engine: Engine, cached: sessionmaker[Session]
) -> None:
    slug = any_slug(loaded_engine)
    phrase(cached, slug)
    with Session(loaded_engine) as writer, writer.begin():
        savepoint = writer.begin_nested()
        rewrite(writer, slug, "undone")
        savepoint.rollback()
        rewrite(writer, slug, "kept")
    assert phrase(cached, slug) == "kept"


def test_a_memo_is_built_once_while_the_token_stands_and_again_after_a_write(
    loaded_engine: Engine, cached: sessionmaker[Session]
) -> None:
    builds: list[int] = []

    def count_exercises(session: Session) -> int:
        builds.append(1)
        return len(session.scalars(select(Exercise)).all())

    for _ in range(3):
        with cached() as session:
            assert memo(session, "exercise count", count_exercises) > 1
    assert len(builds) == 1
    with Session(loaded_engine) as writer, writer.begin():
        rewrite(writer, any_slug(loaded_engine), "a new token")
    with cached() as session:
        memo(session, "exercise count", count_exercises)
    assert len(builds) == 2


def test_a_name_found_again_in_a_new_session_merges_only_its_exercise(
    cached: sessionmaker[Session], merged: list[str]
) -> None:
    assert exercise_named(cached, "bird dog") == "bird-dog"
    assert merged.count("Exercise") > 1  # every exercise, read for their names
    merged.clear()
    assert exercise_named(cached, "birddgo") == "bird-dog"
    assert merged == ["Exercise"]


def test_the_topic_search_again_in_a_new_session_merges_no_topic(
    cached: sessionmaker[Session], merged: list[str]
) -> None:
    with cached() as session:
        topic_index(session)
    assert merged.count("EducationTopic") > 1
    merged.clear()
    with cached() as session:
        slugs, _ = topic_index(session)
    assert slugs and merged == []


def test_an_exercise_name_written_in_another_session_is_found_once_committed(
    loaded_engine: Engine, cached: sessionmaker[Session]
) -> None:
    assert exercise_named(cached, NEW_NAME) is None
    with Session(loaded_engine) as writer:
        add_alias(writer, "bird-dog", NEW_NAME)
        writer.flush()
        assert exercise_named(cached, NEW_NAME) is None  # not committed yet
        writer.commit()
    assert exercise_named(cached, NEW_NAME) == "bird-dog"


def test_a_topic_rewritten_by_a_bulk_update_is_found_by_the_next_topic_search(
    loaded_engine: Engine, cached: sessionmaker[Session]
) -> None:
    slug = a_topic_slug(cached)
    with cached() as session:
        assert topic_named(session, NEW_NAME) is None
    with Session(loaded_engine) as writer, writer.begin():
        writer.execute(
            update(EducationTopic).where(EducationTopic.slug == slug).values(key_terms=[NEW_NAME])
        )
    with cached() as session:
        assert topic_named(session, NEW_NAME) == slug


def test_a_pending_exercise_name_is_found_in_its_session_and_not_kept(
    cached: sessionmaker[Session],
) -> None:
    with cached() as session:
        assert find_exercise(session, NEW_NAME) is None
        add_alias(session, "bird-dog", NEW_NAME)  # not flushed
        found = find_exercise(session, NEW_NAME)
        assert found is not None and found.slug == "bird-dog"
        session.rollback()
    assert exercise_named(cached, NEW_NAME) is None


def test_a_pending_topic_change_is_found_in_its_session_and_not_kept(
    cached: sessionmaker[Session],
) -> None:
    slug = a_topic_slug(cached)
    with cached() as session:
        assert topic_named(session, NEW_NAME) is None
        session.get_one(EducationTopic, slug).key_terms = [NEW_NAME]  # not flushed
        assert topic_named(session, NEW_NAME) == slug
        session.rollback()
    with cached() as session:
        assert topic_named(session, NEW_NAME) is None


def test_each_flush_of_a_transaction_is_seen_by_its_next_find(
    cached: sessionmaker[Session],
) -> None:
    # The first flush gives the stamp a new token; the second leaves it as it is.
    with cached() as session:
        for name in (NEW_NAME, OTHER_NEW_NAME):
            add_alias(session, "bird-dog", name)
            session.flush()
            found = find_exercise(session, name)
            assert found is not None and found.slug == "bird-dog"


def test_the_memos_are_bounded(
    cached: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(read_cache, "_memos", read_cache._UnderToken(2))
    builds: list[str] = []

    def named(name: str) -> str:
        def build(_session: Session) -> str:
            builds.append(name)
            return name

        with cached() as session:
            return memo(session, name, build)

    for name in ("first", "second", "first", "third", "second"):
        assert named(name) == name
    # "second" was the least recently used when "third" came.
    assert builds == ["first", "second", "third", "second"]


def test_sessions_that_did_not_ask_for_the_cache_never_keep_a_memo(
    loaded_engine: Engine, selects: Selects
) -> None:
    builds: list[int] = []

    def count_exercises(session: Session) -> int:
        builds.append(1)
        return len(session.scalars(select(Exercise)).all())

    plain = sessionmaker(loaded_engine)
    selects.statements.clear()
    for _ in range(2):
        with plain() as session:
            memo(session, "exercise count", count_exercises)
            assert find_exercise(session, "bird dog") is not None
    assert len(builds) == 2
    every_exercise = [s for s in selects.naming("exercises") if "WHERE" not in s]
    assert len(every_exercise) == 4  # two for the count, two for the names
