"""The review tables' migration goes up and down cleanly on both databases."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from backcare.database import make_engine
from backcare.knowledge.models import Base
from backcare.migrate import alembic_config, upgrade_to_head
from backcare.review import models  # noqa: F401  (puts the review tables on Base.metadata)
from tests.review.conftest import Databases


def review_tables(url: str) -> set[str]:
    engine = make_engine(url)
    try:
        return {name for name in inspect(engine).get_table_names() if name.startswith("review_")}
    finally:
        engine.dispose()


def test_the_review_migration_goes_down_and_up(databases: Databases) -> None:
    assert len(review_tables(databases.app_url)) == 12
    command.downgrade(alembic_config(databases.app_url), "0002")
    assert review_tables(databases.app_url) == set()
    upgrade_to_head(databases.app_url)
    assert len(review_tables(databases.app_url)) == 12


def test_the_migration_matches_the_models(databases: Databases) -> None:
    engine = make_engine(databases.app_url)
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    assert differences == []
