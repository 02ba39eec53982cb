"""`python -m backcare.review.admin`: manage review accounts from the shell.

    create-user [--role clinician|admin] EMAIL   new account
    set-password EMAIL                            new password; ends the account's sessions
    disable-user EMAIL                            no sign-in; ends the account's sessions
    enable-user EMAIL                             allow sign-in again
    export-topic-corrections --out FILE           the clinicians' topic corrections as
                                                  knowledge YAML (make corrections)

Each is written to the audit log (actor "admin command").

The password never goes on the command line: it is read from REVIEW_PASSWORD if set, else
asked twice on a terminal, else read as one line from standard input."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from sqlalchemy.orm import Session

from backcare.database import make_engine
from backcare.migrate import upgrade_to_head
from backcare.review.accounts import (
    ROLES,
    AccountError,
    create_user,
    disable_user,
    enable_user,
    set_password,
)
from backcare.review.audit import record
from backcare.review.passwords import WeakPasswordError
from backcare.review.topic_corrections import export_topic_corrections
from backcare.settings import Settings

ACTOR = "admin command"


def read_password() -> str:
    if os.environ.get("REVIEW_PASSWORD"):
        return os.environ["REVIEW_PASSWORD"]
    if sys.stdin.isatty():
        first = getpass.getpass("Password: ")
        if getpass.getpass("Again: ") != first:
            raise AccountError("the two passwords differ")
        return first
    return sys.stdin.readline().rstrip("\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m backcare.review.admin",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True)
    create = commands.add_parser("create-user", help="create an account")
    create.add_argument("--role", choices=ROLES, default="clinician")
    create.add_argument("email")
    reset = commands.add_parser("set-password", help="set a new password, ending its sessions")
    reset.add_argument("email")
    export = commands.add_parser(
        "export-topic-corrections", help="write the topic corrections as knowledge YAML"
    )
    export.add_argument("--out", type=Path, required=True)
    disable = commands.add_parser("disable-user", help="refuse sign-in and end its sessions")
    disable.add_argument("email")
    enable = commands.add_parser("enable-user", help="allow a disabled account to sign in")
    enable.add_argument("email")
    args = parser.parse_args(argv)

    database_url = Settings.from_env().database_url
    upgrade_to_head(database_url)
    engine = make_engine(database_url)
    if args.command == "export-topic-corrections":
        try:
            written, warnings = export_topic_corrections(engine, args.out, ACTOR)
        finally:
            engine.dispose()
        for warning in warnings:
            print(f"warning: {warning}", file=sys.stderr)
        print(f"export-topic-corrections: {written} questions written to {args.out}")
        return 0
    try:
        with Session(engine) as session, session.begin():
            if args.command == "create-user":
                user = create_user(session, args.email, read_password(), args.role)
                record(session, ACTOR, "create_user", user.email, role=user.role)
            elif args.command == "set-password":
                user, ended = set_password(session, args.email, read_password())
                record(session, ACTOR, "set_password", user.email, sessions_ended=ended)
            elif args.command == "disable-user":
                user, ended = disable_user(session, args.email)
                record(session, ACTOR, "disable_user", user.email, sessions_ended=ended)
            else:
                user = enable_user(session, args.email)
                record(session, ACTOR, "enable_user", user.email)
            done = f"{args.command}: done for {user.email} ({user.role})"
    except (AccountError, WeakPasswordError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    finally:
        engine.dispose()
    print(done)
    return 0


if __name__ == "__main__":
    sys.exit(main())
