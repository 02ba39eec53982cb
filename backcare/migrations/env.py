"""Alembic environment: migrates the app database named by DATABASE_URL (knowledge base and
review app tables, one metadata)."""

from __future__ import annotations

from alembic import context

from backcare.database import make_engine
from backcare.knowledge.models import Base
from backcare.programme import models as programme_models  # noqa: F401  (programme tables)
from backcare.review import models as review_models  # noqa: F401  (registers the review tables)
from backcare.settings import Settings

target_metadata = Base.metadata


def run_migrations() -> None:
    url = context.config.attributes.get("database_url") or Settings.from_env().database_url
    engine = make_engine(url)
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=engine.dialect.name == "sqlite",
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


run_migrations()
