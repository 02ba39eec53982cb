"""One engine and one session factory per process, built from DATABASE_URL."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from backcare.knowledge.read_cache import READ_CACHE
from backcare.settings import Settings


def make_engine(url: str) -> Engine:
    if url.startswith("postgresql://"):
        url = url.replace("postgresql://", "postgresql+psycopg://", 1)
    engine = create_engine(url, pool_pre_ping=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _enable_sqlite_foreign_keys)
    return engine


def _enable_sqlite_foreign_keys(dbapi_connection: Any, _record: Any) -> None:
    # SQLite ignores foreign keys unless each connection asks for them.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


@lru_cache(maxsize=1)
def session_factory() -> sessionmaker[Session]:
    # Sessions from here may answer knowledge reads from the read cache; the loader's may not.
    return sessionmaker(
        make_engine(Settings.from_env().database_url),
        expire_on_commit=False,
        info={READ_CACHE: True},
    )
