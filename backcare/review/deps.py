"""FastAPI dependencies: the database session, the signed-in user, roles, and the tracker sync."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from backcare.review.login_sessions import user_for_token
from backcare.review.models import User, utcnow
from backcare.review.summaries import sync_conversations


class LoginRequired(Exception):
    """No valid session: pages redirect to the login form, other requests get 401."""


def get_session(request: Request) -> Iterator[Session]:
    with request.app.state.sessions() as session:
        yield session


DbSession = Annotated[Session, Depends(get_session)]


def tracker_engine(request: Request) -> Engine:
    return request.app.state.tracker


Tracker = Annotated[Engine, Depends(tracker_engine)]


def current_user(request: Request, session: DbSession) -> User:
    token = request.session.get("token")
    user = user_for_token(session, token, utcnow()) if token else None
    if user is None:
        raise LoginRequired
    return user


CurrentUser = Annotated[User, Depends(current_user)]


def admin_user(user: CurrentUser) -> User:
    if not user.is_admin:
        raise HTTPException(status_code=403, detail="Only an admin can do this.")
    return user


AdminUser = Annotated[User, Depends(admin_user)]


def synced_tracker(request: Request, _signed_in: CurrentUser, tracker: Tracker) -> Engine:
    """Take in the tracker store's new events before answering; only for signed-in users, so an
    anonymous request cannot make the app do work."""
    sync_conversations(request.app.state.sessions, tracker)
    return tracker


SyncedTracker = Annotated[Engine, Depends(synced_tracker)]
