"""CSRF protection for every form: a random token kept in the signed session cookie and sent
back in each form's hidden `csrf_token` field (the synchronizer-token pattern)."""

from __future__ import annotations

import secrets

from fastapi import HTTPException, Request

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
FIELD = "csrf_token"


def csrf_token(request: Request) -> str:
    """The session's token, made on first use (the login form needs one before any login)."""
    token = request.session.get("csrf")
    if not token:
        token = request.session["csrf"] = secrets.token_urlsafe(32)
    return str(token)


async def require_csrf_token(request: Request) -> None:
    """A router dependency: every unsafe request must carry the session's token."""
    if request.method in SAFE_METHODS:
        return
    expected = request.session.get("csrf")
    sent = (await request.form()).get(FIELD)
    # Compared as bytes: compare_digest refuses a str with a non-ASCII character (a TypeError,
    # so a 500), and a form decodes bytes that are not UTF-8 to U+FFFD.
    if (
        not expected
        or not isinstance(sent, str)
        or not secrets.compare_digest(_bytes(sent), _bytes(str(expected)))
    ):
        raise HTTPException(status_code=403, detail="The form's security token is missing or old.")


def _bytes(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")  # never fails, whatever the text holds
