"""Knowledge rows read once per version of the knowledge base, not on every turn.

The knowledge tables change only when `make db` loads data/knowledge, yet every action read
the same rows again (every exercise's aliases, each phrase): on PostgreSQL a round trip and a
JSON decode per row, about 4 ms of the slowest turns. In a session that asks for it, a SELECT
that reads only knowledge tables is answered from a frozen copy of its first result while the
knowledge stamp's token is the one it was read under. Every ORM write to a knowledge table (the
loader's, a test's) gives the stamp a new token in the same transaction, so a reader in any
process sees the change with the commit that made it.

A frozen result still costs its merge: each row becomes an ORM instance in the session, and for
a read of a whole table (every exercise to match a name, every topic to build the topic search)
the merge costs more than the SQL it saved, about 4 ms of `action_explain_topic`'s 7. What a
query derives from such a read (the exercises' names, the topic search) is kept by `memo` as
plain data under the same token, and the session then loads only the one row it needs by its
key.

A session's own knowledge changes, pending or written in its transaction, are read from the
tables, as if it had not asked for the cache.
"""

from __future__ import annotations

import threading
import uuid
from collections import OrderedDict
from collections.abc import Callable, Mapping
from itertools import chain
from typing import Any, Generic, TypeVar, cast

from sqlalchemy import Connection, event, select, update
from sqlalchemy.engine import Result
from sqlalchemy.engine.result import FrozenResult
from sqlalchemy.orm import ORMExecuteState, Session, SessionTransaction, UOWTransaction
from sqlalchemy.orm.loading import merge_frozen_result
from sqlalchemy.sql.elements import ClauseElement

from backcare.knowledge.models import KNOWLEDGE_MODELS, KnowledgeStamp

# Session.info key: set to True by a session factory whose sessions may be answered from here.
READ_CACHE = "knowledge_read_cache"
# Session.info keys: the stamp's token as this session's transaction read it, and the
# transaction (or savepoint) that has already given the stamp a new token (once is enough).
_TOKEN = "knowledge_stamp_token"
_STAMPED = "knowledge_stamp_changed"
# Distinct knowledge statements an action server sends are a few dozen; this bounds a mistake.
MAX_RESULTS = 512
# Values `memo` keeps: a few per query module; this bounds a mistake (a name made per call).
MAX_MEMOS = 64
# Checked on every statement and flush: a set, not the loader's ordered tuple.
_KNOWLEDGE = frozenset(KNOWLEDGE_MODELS)

T = TypeVar("T")
V = TypeVar("V")


class _UnderToken(Generic[V]):
    """Values kept under one token of the knowledge stamp, the least recently used dropped past
    `limit`; a new token empties it."""

    def __init__(self, limit: int) -> None:
        self._lock = threading.Lock()
        self._limit = limit
        self._token: str | None = None
        self._values: OrderedDict[str, V] = OrderedDict()

    def get(self, token: str, key: str) -> tuple[bool, V | None]:
        with self._lock:
            if token != self._token or key not in self._values:
                return False, None
            self._values.move_to_end(key)
            return True, self._values[key]

    def put(self, token: str, key: str, value: V) -> None:
        with self._lock:
            if token != self._token:
                self._token = token
                self._values.clear()
            self._values[key] = value
            if len(self._values) > self._limit:
                self._values.popitem(last=False)


class _Results(_UnderToken[FrozenResult[Any]]):
    """The frozen results read under one token."""

    def __init__(self) -> None:
        super().__init__(MAX_RESULTS)
        # SQLAlchemy's memo of statements already rendered as cache keys.
        self._rendered: dict[Any, str] = {}

    def key(self, state: ORMExecuteState) -> str | None:
        statement, parameters = state.statement, state.parameters or {}
        if not isinstance(statement, ClauseElement) or not isinstance(parameters, Mapping):
            return None  # not a plain SELECT with one set of parameters
        cache_key = statement._generate_cache_key()
        if cache_key is None:
            return None
        with self._lock:
            return cache_key.to_offline_string(self._rendered, statement, parameters)


_results = _Results()
# The values derived under one token (`memo`).
_memos: _UnderToken[object] = _UnderToken(MAX_MEMOS)


def _reads_knowledge_only(state: ORMExecuteState) -> bool:
    descriptions = getattr(state.statement, "column_descriptions", None)
    if not descriptions:
        return False
    entities = {description.get("entity") for description in descriptions}
    return all(entity in _KNOWLEDGE for entity in entities)


def _writes_knowledge(state: ORMExecuteState) -> bool:
    mapper = state.bind_mapper
    return mapper is not None and mapper.class_ in _KNOWLEDGE


def _new_token(connection: Connection, session: Session) -> None:
    if _STAMPED not in session.info:
        connection.execute(update(KnowledgeStamp).values(token=uuid.uuid4().hex))
        # Kept for the savepoint or transaction the new token will roll back with.
        session.info[_STAMPED] = session.get_nested_transaction() or session.get_transaction()
    session.info.pop(_TOKEN, None)


def _token(session: Session) -> str | None:
    token = session.info.get(_TOKEN)
    if token is None:
        token = session.connection().execute(select(KnowledgeStamp.token)).scalar()
        session.info[_TOKEN] = token
    return token


def _pending_knowledge(session: Session) -> bool:
    written = chain(session.new, session.dirty, session.deleted)
    return any(type(instance) in _KNOWLEDGE for instance in written)


def _writing_knowledge(session: Session) -> bool:
    """Whether the session's own knowledge changes must be read from the tables.

    Pending ones: the ORM flushes them before a SELECT, but not before the `do_orm_execute` hook,
    and a frozen result merged over a changed instance would undo the change. Ones written in
    this transaction: a second write keeps the token the first one gave, so what was kept under
    it after the first would be stale after the second.
    """
    return _STAMPED in session.info or _pending_knowledge(session)


def _cache_token(session: Session) -> str | None:
    """The token to answer this session from the caches under, or None when it must read the
    tables: it did not ask for the cache, or it has knowledge changes of its own."""
    if not session.info.get(READ_CACHE) or _writing_knowledge(session):
        return None
    return _token(session)


@event.listens_for(Session, "before_flush")
def _stamp_flushed_writes(session: Session, _context: UOWTransaction, _instances: Any) -> None:
    if _pending_knowledge(session):
        _new_token(session.connection(), session)


@event.listens_for(Session, "after_transaction_end")
def _forget_token(session: Session, transaction: SessionTransaction) -> None:
    if session.info.get(_STAMPED) is transaction:
        session.info.pop(_STAMPED)
    if transaction.parent is None:
        # The next transaction reads the token again: another process may have loaded since.
        session.info.pop(_TOKEN, None)


@event.listens_for(Session, "do_orm_execute")
def _answer_from_cache(state: ORMExecuteState) -> Result[Any] | None:
    if state.is_insert or state.is_update or state.is_delete:
        if _writes_knowledge(state):
            _new_token(state.session.connection(), state.session)
        return None
    if not (state.session.info.get(READ_CACHE) and state.is_select):
        return None
    if state.execution_options.get("populate_existing") or not _reads_knowledge_only(state):
        return None
    token = _cache_token(state.session)
    if token is None:
        return None
    key = _results.key(state)
    if key is None:
        return None
    found, frozen = _results.get(token, key)
    if not found or frozen is None:
        frozen = state.invoke_statement().freeze()
        _results.put(token, key, frozen)
    return merge_frozen_result(state.session, state.statement, frozen, load=False)()


def memo(session: Session, name: str, build: Callable[[Session], T]) -> T:
    """`build(session)`, computed once per token of the knowledge stamp in this process.

    For what a query derives from whole knowledge tables, kept as plain data (names, slugs, a
    search index), never ORM instances, which belong to one session: the caller then loads the
    row it needs by its key. Like a cached SELECT, only in a session that asked for the read
    cache, and built afresh, not kept, while the session has knowledge changes of its own.
    """
    token = _cache_token(session)
    if token is None:
        return build(session)
    found, kept = _memos.get(token, name)
    if found:
        return cast(T, kept)
    value = build(session)
    _memos.put(token, name, value)
    return value
