"""Jinja2 templates (autoescaped), with the filters and globals every page uses."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from backcare.review.csrf import csrf_token

templates = Jinja2Templates(directory=Path(__file__).resolve().parent / "templates")


def when(value: float | datetime | None) -> str:
    """A time in UTC, to the second (turns are often seconds apart)."""
    if value is None:
        return ""
    moment = value if isinstance(value, datetime) else datetime.fromtimestamp(value, UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def percent(value: float | None) -> str:
    return "" if value is None else f"{value:.0%}"


def query_string(filters: dict[str, Any], **changes: Any) -> str:
    merged = {**filters, **changes}
    return urlencode(
        {key: value for key, value in merged.items() if value not in ("", None, False)}
    )


templates.env.filters.update(when=when, percent=percent)
templates.env.globals.update(csrf_token=csrf_token, query_string=query_string)


def render(
    request: Request, name: str, context: dict[str, Any], status_code: int = 200
) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context, status_code=status_code)
