"""Review accounts: create and manage them (the admin command and the admin page) and check a
login against the lock-out."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from enum import Enum

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from backcare.review.inputs import storable
from backcare.review.lockout import is_locked_out, record_attempt
from backcare.review.login_sessions import end_sessions_of
from backcare.review.models import LoginAttempt, User, utcnow
from backcare.review.passwords import hash_password, needs_rehash, password_matches

LOCKED_MESSAGE = "Too many failed sign-ins. Wait 15 minutes and try again."

ROLES = ("clinician", "admin")
MAX_EMAIL_CHARS = 254  # User.email
# The shape browsers accept in <input type="email"> (the WHATWG "valid e-mail address"):
# printable ASCII only, so nothing a database or a log line could choke on.
_EMAIL = re.compile(
    r"[a-z0-9.!#$%&'*+/=?^_`{|}~-]+"
    r"@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*"
)
LAST_ADMIN_MESSAGE = "At least one admin account must stay enabled."


class AccountError(ValueError):
    pass


class LoginOutcome(Enum):
    SIGNED_IN = "signed in"
    WRONG = "wrong e-mail or password"
    LOCKED = "locked out"
    DISABLED = "account disabled"


def normalise_email(email: str) -> str:
    return email.strip().lower()


def sign_in_name(email: str) -> str:
    """The address a sign-in is counted and audited under: normalised, and only what the
    database can keep (a NUL or other unprintable character dropped, cut to the column). Any
    address it changes has no account (`valid_email` made every account's)."""
    return storable(normalise_email(email), MAX_EMAIL_CHARS)


def find_user(session: Session, email: str) -> User | None:
    return session.scalar(select(User).where(User.email == normalise_email(email)))


def valid_email(email: str) -> str:
    """The normalised address, or AccountError when it is too long or not shaped like one."""
    email = normalise_email(email)
    if len(email) > MAX_EMAIL_CHARS:
        raise AccountError(f"an e-mail address has at most {MAX_EMAIL_CHARS} characters")
    if not _EMAIL.fullmatch(email):
        raise AccountError("an account is an e-mail address (like name@example.org)")
    return email


def create_user(session: Session, email: str, password: str, role: str) -> User:
    if role not in ROLES:
        raise AccountError(f"role must be one of {', '.join(ROLES)}")
    email = valid_email(email)
    if find_user(session, email):
        raise AccountError(f"{email} already has an account")
    user = User(email=email, password_hash=hash_password(password), role=role)
    session.add(user)
    return user


def existing_user(session: Session, email: str) -> User:
    user = find_user(session, email)
    if user is None:
        raise AccountError(f"no account for {normalise_email(email)}")
    return user


def set_password(session: Session, email: str, password: str) -> tuple[User, int]:
    """A new password ends every session of the account (a stolen cookie stops working);
    returns the account and how many sessions were ended."""
    user = existing_user(session, email)
    user.password_hash = hash_password(password)
    return user, end_sessions_of(session, user)


def change_own_password(
    session: Session,
    user: User,
    current: str,
    new: str,
    keep_token: str,
    client: str,
    now: datetime,
) -> int:
    """A signed-in person's new password: the current one must match (a wrong one counts towards
    the lock-out like a failed sign-in); every other session of the account ends at once.
    Returns how many sessions were ended; raises AccountError or WeakPasswordError."""
    if is_locked_out(session, user.email, client, now):
        raise AccountError(LOCKED_MESSAGE)
    if not password_matches(user.password_hash, current):
        record_attempt(session, user.email, client, False, now)
        raise AccountError("The current password is wrong.")
    user.password_hash = hash_password(new)
    return end_sessions_of(session, user, keep_token=keep_token)


def disable_user(session: Session, email: str) -> tuple[User, int]:
    """No sign-in from now on, and the account's live sessions end at once."""
    user = existing_user(session, email)
    if user.disabled_at is None:
        user.disabled_at = utcnow()
    return user, end_sessions_of(session, user)


def disable_user_as(session: Session, actor: User, user: User) -> int:
    """An admin disables another account (the admin page): never their own, never the last
    enabled admin. Returns how many sessions were ended; raises AccountError (after which the
    caller rolls back: the check runs after the change, see below)."""
    if user.id == actor.id:
        raise AccountError("You cannot disable your own account.")
    # PostgreSQL: two admins disabling each other at once queue here, and the second one then
    # counts the first one's change. SQLite has no row locks but one writer at a time, so the
    # count after the change below sees every change committed before it.
    session.execute(
        select(User.id).where(User.role == "admin", User.disabled_at.is_(None)).with_for_update()
    ).all()
    _user, ended = disable_user(session, user.email)
    session.flush()
    if not enabled_admins(session):
        raise AccountError(LAST_ADMIN_MESSAGE)
    return ended


def enabled_admins(session: Session) -> int:
    return (
        session.scalar(
            select(func.count())
            .select_from(User)
            .where(User.role == "admin", User.disabled_at.is_(None))
        )
        or 0
    )


def all_users(session: Session) -> Sequence[User]:
    return session.scalars(select(User).order_by(User.email)).all()


def last_sign_ins(session: Session) -> dict[str, datetime]:
    """Each account's latest successful sign-in (the lock-out's record of attempts)."""
    rows = session.execute(
        select(LoginAttempt.email, func.max(LoginAttempt.at))
        .where(LoginAttempt.succeeded.is_(True))
        .group_by(LoginAttempt.email)
    )
    return {email: at for email, at in rows if at is not None}


def enable_user(session: Session, email: str) -> User:
    user = existing_user(session, email)
    user.disabled_at = None
    return user


def check_login(
    session: Session, email: str, password: str, client: str, now: datetime
) -> tuple[LoginOutcome, User | None]:
    typed, email = normalise_email(email), sign_in_name(email)
    if is_locked_out(session, email, client, now):
        return LoginOutcome.LOCKED, None
    # An address the database could not hold as typed is a wrong one, counted like any other.
    user = find_user(session, email) if email == typed else None
    matched = password_matches(user.password_hash if user else None, password)
    record_attempt(session, email, client, matched, now)
    if not matched or user is None:
        return LoginOutcome.WRONG, None
    if user.is_disabled:  # said only to someone who knows the password
        return LoginOutcome.DISABLED, None
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    return LoginOutcome.SIGNED_IN, user
