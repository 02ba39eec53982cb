"""`python -m backcare.knowledge` (make db): migrate the database, load data/knowledge into it."""

from __future__ import annotations

import argparse
import sys

from sqlalchemy.orm import Session

from backcare.database import make_engine
from backcare.knowledge.loader import KnowledgeError, load_knowledge, read_knowledge
from backcare.migrate import upgrade_to_head
from backcare.settings import Settings


def main(argv: list[str] | None = None) -> int:
    settings = Settings.from_env()
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="validate the YAML only")
    args = parser.parse_args(argv)
    try:
        knowledge = read_knowledge(settings.knowledge_dir)
    except KnowledgeError as error:
        print(f"knowledge base not loaded: {error}", file=sys.stderr)
        return 1
    if args.check:
        print("knowledge YAML is valid")
        return 0
    upgrade_to_head(settings.database_url)
    engine = make_engine(settings.database_url)
    with Session(engine) as session, session.begin():
        report = load_knowledge(session, knowledge)
    engine.dispose()
    print(
        f"knowledge base ready ({engine.url.render_as_string(hide_password=True)}): "
        f"{report.summary()}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
