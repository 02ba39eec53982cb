"""Admin only: the review accounts. List them; create one; set a new password; disable or
enable one. The same rules as `python -m backcare.review.admin` (the functions of accounts.py),
plus two of the page's own: an admin cannot disable their own account or the last enabled
admin, and sets their own password on /account (where the current one is asked for)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from backcare.review.accounts import (
    MAX_EMAIL_CHARS,
    ROLES,
    AccountError,
    all_users,
    create_user,
    disable_user_as,
    enable_user,
    last_sign_ins,
    set_password,
)
from backcare.review.audit import record
from backcare.review.client_address import client_address
from backcare.review.deps import AdminUser, DbSession
from backcare.review.inputs import row_or_404, storable
from backcare.review.models import User
from backcare.review.passwords import MINIMUM_PASSWORD_LENGTH, WeakPasswordError
from backcare.review.templating import render

router = APIRouter(prefix="/admin/accounts")
PAGE = "/admin/accounts"
NOTICE = "accounts_notice"  # the session key of the one-line notice after a change


def account_or_404(session: Session, user_id: str) -> User:
    return row_or_404(session, User, user_id, "No such account.")


def client_of(request: Request) -> str:
    return client_address(request, request.app.state.settings.trusted_proxies)


def sentence(error: Exception) -> str:
    """accounts.py's messages are the admin command's (`error: role must be ...`): a capital
    (unless it starts with an e-mail address) and a full stop."""
    text = str(error)
    if "@" not in text.split(" ")[0]:
        text = text[:1].upper() + text[1:]
    return text if text.endswith(".") else f"{text}."


def page(
    request: Request,
    session: Session,
    admin: User,
    status_code: int = 200,
    **form: Any,
) -> Response:
    context = {
        "user": admin,
        "accounts": all_users(session),
        "last_sign_ins": last_sign_ins(session),
        "roles": ROLES,
        "minimum": MINIMUM_PASSWORD_LENGTH,
        "notice": request.session.pop(NOTICE, None),
        "error": None,
        "error_for": None,  # "new", or the id of the account whose form failed
        "new": {"email": "", "role": "clinician"},
        **form,
    }
    return render(request, "accounts.html", context, status_code=status_code)


def refused(
    request: Request,
    session: Session,
    admin: User,
    action: str,
    target: str,
    error: Exception,
    error_for: str | int,
    **form: Any,
) -> Response:
    """Undo whatever the refused change did, audit the refusal, and show the form again."""
    session.rollback()
    record(
        session,
        admin.email,
        f"{action}_refused",
        target,
        client=client_of(request),
        reason=str(error),
    )
    session.commit()
    return page(request, session, admin, 400, error=sentence(error), error_for=error_for, **form)


def done(request: Request, notice: str) -> Response:
    request.session[NOTICE] = notice
    return RedirectResponse(PAGE, status_code=303)


@router.get("", response_class=HTMLResponse)
def accounts(request: Request, session: DbSession, admin: AdminUser) -> Response:
    record(session, admin.email, "view_accounts", "accounts")
    session.commit()
    return page(request, session, admin)


@router.post("", response_class=HTMLResponse)
def create_account(
    request: Request,
    session: DbSession,
    admin: AdminUser,
    email: Annotated[str, Form()] = "",
    role: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    password_again: Annotated[str, Form()] = "",
) -> Response:
    try:
        if password != password_again:
            raise AccountError("The two passwords differ.")
        user = create_user(session, email, password, role)
        try:
            session.flush()
        except IntegrityError:  # the same address, created a moment ago by another request
            raise AccountError(f"{user.email} already has an account") from None
    except (AccountError, WeakPasswordError) as error:
        # What was typed, kept on the form and in the audit log, less what no database stores.
        typed = storable(email.strip(), MAX_EMAIL_CHARS)
        kept = {"email": typed, "role": role if role in ROLES else "clinician"}
        return refused(request, session, admin, "create_user", typed, error, "new", new=kept)
    record(
        session, admin.email, "create_user", user.email, client=client_of(request), role=user.role
    )
    session.commit()
    return done(request, f"Account created: {user.email} ({user.role}).")


@router.post("/{user_id}/password", response_class=HTMLResponse)
def new_password(
    request: Request,
    session: DbSession,
    admin: AdminUser,
    user_id: str,
    password: Annotated[str, Form()] = "",
    password_again: Annotated[str, Form()] = "",
) -> Response:
    user = account_or_404(session, user_id)
    client = client_of(request)
    try:
        if user.id == admin.id:
            raise AccountError("Change your own password on the Account page.")
        if password != password_again:
            raise AccountError("The two passwords differ.")
        _user, ended = set_password(session, user.email, password)
    except (AccountError, WeakPasswordError) as error:
        return refused(request, session, admin, "set_password", user.email, error, user.id)
    record(session, admin.email, "set_password", user.email, client=client, sessions_ended=ended)
    session.commit()
    return done(request, f"New password set for {user.email}; sessions ended: {ended}.")


@router.post("/{user_id}/disable", response_class=HTMLResponse)
def disable_account(
    request: Request, session: DbSession, admin: AdminUser, user_id: str
) -> Response:
    user = account_or_404(session, user_id)
    client = client_of(request)
    try:
        ended = disable_user_as(session, admin, user)
    except AccountError as error:
        return refused(request, session, admin, "disable_user", user.email, error, user.id)
    record(session, admin.email, "disable_user", user.email, client=client, sessions_ended=ended)
    session.commit()
    return done(request, f"Disabled {user.email}; sessions ended: {ended}.")


@router.post("/{user_id}/enable")
def enable_account(
    request: Request, session: DbSession, admin: AdminUser, user_id: str
) -> Response:
    user = account_or_404(session, user_id)
    client = client_of(request)
    enable_user(session, user.email)
    record(session, admin.email, "enable_user", user.email, client=client)
    session.commit()
    return done(request, f"Enabled {user.email}.")
