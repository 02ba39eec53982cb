"""Sign in and out. A new sign-in gets a fresh session (no fixation) and a fresh CSRF token."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from backcare.review.accounts import (
    LOCKED_MESSAGE,
    MAX_EMAIL_CHARS,
    LoginOutcome,
    check_login,
    sign_in_name,
)
from backcare.review.audit import record
from backcare.review.client_address import client_address
from backcare.review.deps import DbSession
from backcare.review.inputs import storable
from backcare.review.login_sessions import end_session, start_session, user_for_token
from backcare.review.models import utcnow
from backcare.review.templating import render

router = APIRouter()
# Refused sign-ins: HTTP status, audit action, message.
REFUSALS = {
    LoginOutcome.WRONG: (401, "login_failed", "Wrong e-mail or password."),
    LoginOutcome.DISABLED: (403, "login_disabled", "This account is disabled."),
    LoginOutcome.LOCKED: (429, "login_locked", LOCKED_MESSAGE),
}


def safe_next(target: str) -> str:
    """Only a path on this site (no open redirect to another host)."""
    if target.startswith("/") and not target.startswith(("//", "/\\")):
        return target
    return "/conversations"


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, session: DbSession, next: str = "") -> Response:
    token = request.session.get("token")
    if token and user_for_token(session, token, utcnow()):
        return RedirectResponse(safe_next(next), status_code=303)
    return render(request, "login.html", {"next": safe_next(next), "error": None, "email": ""})


@router.post("/login", response_class=HTMLResponse)
def login(
    request: Request,
    session: DbSession,
    email: Annotated[str, Form()],
    password: Annotated[str, Form()],
    next: Annotated[str, Form()] = "",
) -> Response:
    now = utcnow()
    client = client_address(request, request.app.state.settings.trusted_proxies)
    outcome, user = check_login(session, email, password, client, now)
    if user is None:
        status, action, message = REFUSALS[outcome]
        record(session, sign_in_name(email), action, client=client)
        session.commit()
        typed = storable(email, MAX_EMAIL_CHARS)  # shown again, less what no page can hold
        context = {"next": safe_next(next), "error": message, "email": typed}
        return render(request, "login.html", context, status_code=status)
    request.session.clear()
    request.session["token"] = start_session(
        session, user, now, request.app.state.settings.session_hours
    )
    record(session, user.email, "login", client=client)
    session.commit()
    return RedirectResponse(safe_next(next), status_code=303)


@router.post("/logout")
def logout(request: Request, session: DbSession) -> Response:
    token = request.session.get("token")
    user = user_for_token(session, token, utcnow()) if token else None
    if token:
        end_session(session, token)
    if user:
        record(session, user.email, "logout")
    session.commit()
    request.session.clear()
    return RedirectResponse("/login", status_code=303)
