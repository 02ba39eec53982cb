"""What a request brings is checked before any of it reaches a database, so hostile input gets a
4xx with a one-line reason and never a 5xx (security issue 14).

PostgreSQL refuses a NUL character in text and a value longer than a `String(n)` column;
SQLite's driver refuses an integer beyond 64 bits, and PostgreSQL's INTEGER columns hold 32.
So:

- an id in a path is read by `row_id`: anything but a whole number from 1 to the narrowest
  integer column's largest names no row, and the page answers its own 404;
- whole numbers in a query string or a form are declared with the types below, which hold them
  within that column; the app answers a missing value, a wrong type or one out of range with
  400 and one line (404 for any other path parameter: `validation_failure`);
- text parameters carry `Text(n)`: no NUL character and at most n characters (the column's
  length, or `MAX_TEXT_CHARS` for a column without one); 400 otherwise, as `checked_text`
  answers for text read outside FastAPI's parameters (the conversation list's filters);
- an e-mail address typed to sign in or for a new account is kept as `storable` makes it (for
  the lock-out, the audit log and the form shown again) and refused by its own function as a
  wrong address.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Annotated, Any, TypeVar

from fastapi import Form, HTTPException, Query
from pydantic import AfterValidator
from sqlalchemy.orm import Session

MIN_INT = -(2**31)  # PostgreSQL's INTEGER, the narrowest integer column of either database
MAX_INT = 2**31 - 1
# A text column without a length (notes, examples): far more than anyone types into the forms
# (they stop at 5,000 characters, and the channels keep 5,000 of a message).
MAX_TEXT_CHARS = 20_000
NUL = "\x00"

_ROW_ID = re.compile(r"[1-9][0-9]{0,9}")

FormInt = Annotated[int, Form(ge=MIN_INT, le=MAX_INT)]
PageNumber = Annotated[int, Query(ge=1, le=MAX_INT)]


def row_id(value: str) -> int | None:
    """The row an id in a path names, or None when it can name none (ids count from 1 and fit
    the column)."""
    if not _ROW_ID.fullmatch(value) or int(value) > MAX_INT:
        return None
    return int(value)


Row = TypeVar("Row")


def row_or_404(session: Session, model: type[Row], value: str, missing: str) -> Row:
    """The row of `model` that a path's id names, or 404 with `missing` (any text: a malformed
    id names no row)."""
    number = row_id(value)
    row = session.get(model, number) if number is not None else None
    if row is None:
        raise HTTPException(404, missing)
    return row


def text_problem(value: str, max_chars: int) -> str | None:
    """Why `value` cannot be stored or looked up as it is (one line), or None."""
    if NUL in value:
        return "must not contain a NUL character"
    if len(value) > max_chars:
        return f"must be at most {max_chars:,} characters"
    return None


def Text(max_chars: int) -> AfterValidator:
    """For `Annotated[str, Form(), Text(n)]` or `Query()`: the app answers 400 with the reason."""

    def check(value: str) -> str:
        problem = text_problem(value, max_chars)
        if problem:
            raise ValueError(problem)
        return value

    return AfterValidator(check)


def checked_text(name: str, value: str, max_chars: int) -> str:
    """`value`, or HTTPException 400 naming the parameter (for code outside FastAPI's
    parameters, such as the conversation list's filters)."""
    problem = text_problem(value, max_chars)
    if problem:
        raise HTTPException(400, f"{name}: {problem}.")
    return value


def storable(value: str, max_chars: int) -> str:
    """What of a typed value a database keeps: its printable characters, cut to the column (for
    the lock-out's record, audit entries and a form shown again)."""
    return "".join(char for char in value if char.isprintable())[:max_chars]


def validation_failure(errors: Sequence[Any]) -> tuple[int, str]:
    """The status and one-line reason for FastAPI's validation errors: 404 when the path names
    nothing that can exist, 400 for a missing or wrong query or form value."""
    status = 404 if any(_location(error)[:1] == ("path",) for error in errors) else 400
    first = errors[0] if errors else {}
    name = str(_location(first)[-1]) if _location(first) else "the request"
    kind = first.get("type") if isinstance(first, dict) else None
    message = "is missing" if kind == "missing" else str(first.get("msg", "is not valid"))
    message = message.removeprefix("Value error, ")
    reason = " ".join(f"{name}: {message[:1].lower()}{message[1:]}".split())[:200]
    return status, reason if reason.endswith(".") else f"{reason}."


def _location(error: Any) -> tuple[Any, ...]:
    return tuple(error.get("loc", ())) if isinstance(error, dict) else ()
