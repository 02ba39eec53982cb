"""Server-side login sessions: the signed cookie carries a random token, the database keeps its
SHA-256 and an expiry, so logging out (or expiry) ends the session for good. A new password or
a disabled account ends every session of the account at once."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from backcare.review.models import LoginSession, User


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start_session(session: Session, user: User, now: datetime, hours: int) -> str:
    session.execute(delete(LoginSession).where(LoginSession.expires_at < now))
    token = secrets.token_urlsafe(32)
    session.add(
        LoginSession(
            token_hash=_digest(token),
            user_id=user.id,
            created_at=now,
            expires_at=now + timedelta(hours=hours),
        )
    )
    return token


def user_for_token(session: Session, token: str, now: datetime) -> User | None:
    found = session.scalar(
        select(LoginSession).where(
            LoginSession.token_hash == _digest(token), LoginSession.expires_at > now
        )
    )
    if found is None or found.user.is_disabled:
        return None
    return found.user


def end_sessions_of(session: Session, user: User, keep_token: str | None = None) -> int:
    """End every session of an account (but the one of `keep_token`, if given); returns how many
    were ended."""
    conditions = [LoginSession.user_id == user.id]
    if keep_token:
        conditions.append(LoginSession.token_hash != _digest(keep_token))
    ended = session.scalar(select(func.count()).select_from(LoginSession).where(*conditions)) or 0
    session.execute(delete(LoginSession).where(*conditions))
    return ended


def end_session(session: Session, token: str) -> None:
    session.execute(delete(LoginSession).where(LoginSession.token_hash == _digest(token)))
