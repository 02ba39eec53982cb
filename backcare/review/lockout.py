"""Lock an account after repeated failed logins, and a client that fails across many accounts.

A lock lifts by itself once the failures fall out of the window; attempts made while locked are
refused without counting, so the lock cannot be extended forever by guessing."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from backcare.review.models import LoginAttempt

ACCOUNT_FAILURES = 5
CLIENT_FAILURES = 20
WINDOW = timedelta(minutes=15)


def _failures_since(session: Session, since: datetime, who: ColumnElement[bool]) -> int:
    return (
        session.scalar(
            select(func.count())
            .select_from(LoginAttempt)
            .where(LoginAttempt.at >= since, LoginAttempt.succeeded.is_(False), who)
        )
        or 0
    )


def is_locked_out(session: Session, email: str, client: str, now: datetime) -> bool:
    window_start = now - WINDOW
    last_success = session.scalar(
        select(func.max(LoginAttempt.at)).where(
            LoginAttempt.email == email,
            LoginAttempt.succeeded.is_(True),
            LoginAttempt.at >= window_start,
        )
    )
    account_since = max(window_start, last_success) if last_success else window_start
    return (
        _failures_since(session, account_since, LoginAttempt.email == email) >= ACCOUNT_FAILURES
        or _failures_since(session, window_start, LoginAttempt.client == client) >= CLIENT_FAILURES
    )


def record_attempt(
    session: Session, email: str, client: str, succeeded: bool, now: datetime
) -> None:
    session.add(LoginAttempt(email=email, client=client, succeeded=succeeded, at=now))
