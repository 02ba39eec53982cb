"""Review accounts: create them (admin command) and check a login against the lock-out."""

from __future__ import annotations

from datetime import datetime
from enum import Enum

from sqlalchemy import select
from sqlalchemy.orm import Session

from backcare.review.lockout import is_locked_out, record_attempt
from backcare.review.login_sessions import end_sessions_of
from backcare.review.models import User, utcnow
from backcare.review.passwords import hash_password, needs_rehash, password_matches

LOCKED_MESSAGE = "Too many failed sign-ins. Wait 15 minutes and try again."

ROLES = ("clinician", "admin")


class AccountError(ValueError):
    pass


class LoginOutcome(Enum):
    SIGNED_IN = "signed in"
    WRONG = "wrong e-mail or password"
    LOCKED = "locked out"
    DISABLED = "account disabled"


def normalise_email(email: str) -> str:
    return email.strip().lower()


def find_user(session: Session, email: str) -> User | None:
    return session.scalar(select(User).where(User.email == normalise_email(email)))


def create_user(session: Session, email: str, password: str, role: str) -> User:
    email = normalise_email(email)
    if role not in ROLES:
        raise AccountError(f"role must be one of {', '.join(ROLES)}")
    if "@" not in email:
        raise AccountError("an account is an e-mail address")
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


def enable_user(session: Session, email: str) -> User:
    user = existing_user(session, email)
    user.disabled_at = None
    return user


def check_login(
    session: Session, email: str, password: str, client: str, now: datetime
) -> tuple[LoginOutcome, User | None]:
    email = normalise_email(email)
    if is_locked_out(session, email, client, now):
        return LoginOutcome.LOCKED, None
    user = find_user(session, email)
    matched = password_matches(user.password_hash if user else None, password)
    record_attempt(session, email, client, matched, now)
    if not matched or user is None:
        return LoginOutcome.WRONG, None
    if user.is_disabled:  # said only to someone who knows the password
        return LoginOutcome.DISABLED, None
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    return LoginOutcome.SIGNED_IN, user
