"""The knowledge read cache: a knowledge read is answered without SQL while the stamp's token is
the one it was read under, and every write to the knowledge tables is seen with its commit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, event, select, update
from sqlalchemy.orm import Session, sessionmaker

from backcare.knowledge.loader import Knowledge, load_knowledge
from backcare.knowledge.models import Exercise, KnowledgeStamp, Message
from backcare.knowledge.queries import find_exercise, message
from backcare.knowledge.read_cache import READ_CACHE
from backcare.programme.models import Person


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


def phrase(factory: sessionmaker[Session], slug: str) -> str:
    with factory() as session:
        found = message(session, slug)
        assert found is not None
        return found.text


def rewrite(session: Session, slug: str, text: str) -> None:
    """A bulk UPDATE statement, which no flush sees."""
    session.execute(update(Message).where(Message.slug == slug).values(text=text))


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
