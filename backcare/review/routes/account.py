"""A signed-in person's own account: change the password, which ends every other session of the
account at once (this browser stays signed in)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from backcare.review.accounts import AccountError, change_own_password
from backcare.review.audit import record
from backcare.review.client_address import client_address
from backcare.review.deps import CurrentUser, DbSession
from backcare.review.models import utcnow
from backcare.review.passwords import WeakPasswordError
from backcare.review.templating import render

router = APIRouter()


@router.get("/account", response_class=HTMLResponse)
def account(request: Request, user: CurrentUser, changed: int | None = None) -> Response:
    return render(request, "account.html", {"user": user, "error": None, "changed": changed})


@router.post("/account/password", response_class=HTMLResponse)
def change_password(
    request: Request,
    session: DbSession,
    user: CurrentUser,
    current_password: Annotated[str, Form()],
    new_password: Annotated[str, Form()],
    new_password_again: Annotated[str, Form()],
) -> Response:
    client = client_address(request, request.app.state.settings.trusted_proxies)
    try:
        if new_password != new_password_again:
            raise AccountError("The two new passwords differ.")
        ended = change_own_password(
            session,
            user,
            current_password,
            new_password,
            request.session["token"],
            client,
            utcnow(),
        )
    except (AccountError, WeakPasswordError) as error:
        record(session, user.email, "change_password_refused", user.email, client=client)
        session.commit()
        context = {"user": user, "error": str(error), "changed": None}
        return render(request, "account.html", context, status_code=400)
    record(session, user.email, "change_password", user.email, client=client, sessions_ended=ended)
    session.commit()
    return RedirectResponse(f"/account?changed={ended}", status_code=303)
