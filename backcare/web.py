"""`python -m backcare.web`: serve the chat page on WEB_PORT.

Routes:

- `/` and the files of `web/public/`: the page and its widget (no CDN: the socket.io client is
  bundled in `web/public/vendor/` by `scripts/build_web.sh`);
- `/config.json`: where the browser finds the Rasa server and which transport to use;
- `/api/conversations/{sender}`: the conversation so far (texts, buttons, the `triage` level),
  read from Rasa's tracker by this server, so the page can restore it after a reload;
- `/api/conversations/{sender}/state`: only the `triage` level, for the emergency banner;
- `/api/programme/...`: the programme's chart data and the reminders due
  (backcare/programme/web_routes.py).

The two API routes call Rasa's HTTP API (`rasa run --enable-api`) from here, not from the
browser: with `RASA_AUTH_TOKEN` set, the token stays on the server and the page still works.
They answer only for sender ids shaped like the page's own (random, 8-64 URL-safe characters).

Environment: `WEB_PORT` (8080), `RASA_PORT` (5005), `RASA_URL` (how this server reaches Rasa,
default `http://127.0.0.1:$RASA_PORT`), `RASA_PUBLIC_URL` (how browsers reach it, default the
same), `RASA_AUTH_TOKEN` (unset), `WEB_TRANSPORT` (`socketio`, or `rest` to force the REST
channel).
"""

from __future__ import annotations

import logging
import os
import re
from typing import Any
from urllib.parse import urlsplit

import httpx
import uvicorn
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from backcare.programme import web_routes as programme_routes
from backcare.settings import PROJECT_ROOT
from backcare.triage import TRIAGE_LEVELS

logger = logging.getLogger(__name__)

PUBLIC_DIR = PROJECT_ROOT / "web" / "public"
SENDER_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
HISTORY_LIMIT = 200


def rasa_url() -> str:
    default = f"http://127.0.0.1:{os.environ.get('RASA_PORT', '5005')}"
    return (os.environ.get("RASA_URL") or default).rstrip("/")


def rasa_public_url() -> str:
    return (os.environ.get("RASA_PUBLIC_URL") or rasa_url()).rstrip("/")


def transport() -> str:
    return "rest" if os.environ.get("WEB_TRANSPORT", "").lower() == "rest" else "socketio"


def triage_of(tracker: dict[str, Any]) -> str:
    value = (tracker.get("slots") or {}).get("triage")
    return value if value in TRIAGE_LEVELS else "none"


def _buttons(data: dict[str, Any]) -> list[dict[str, str]]:
    raw = data.get("buttons") or data.get("quick_replies") or []
    return [
        {"title": str(button.get("title") or button["payload"]), "payload": str(button["payload"])}
        for button in raw
        if isinstance(button, dict) and button.get("payload")
    ]


def conversation_from_tracker(tracker: dict[str, Any]) -> dict[str, Any]:
    """The page's view of a Rasa tracker: who said what, with buttons, and the triage level.

    A button press is stored by Rasa as its payload (`/ask_exercise`); it is shown as the
    button's title, found in the page's metadata or among the buttons of the bot's last message.
    The page's opening "/greet" (metadata `hidden`) is left out.
    """
    messages: list[dict[str, Any]] = []
    last_buttons: list[dict[str, str]] = []
    for event in tracker.get("events") or []:
        kind = event.get("event")
        if kind == "user":
            text = str(event.get("text") or "")
            metadata = event.get("metadata")
            metadata = metadata if isinstance(metadata, dict) else {}
            if metadata.get("hidden"):
                continue  # the page's own "/greet" that opens a conversation
            shown = metadata.get("display_text")
            if not shown and text.startswith("/"):
                shown = next((b["title"] for b in last_buttons if b["payload"] == text), None)
            messages.append({"from": "user", "text": str(shown or text)})
        elif kind == "bot":
            text = str(event.get("text") or "")
            buttons = _buttons(event.get("data") or {})
            if text or buttons:
                messages.append({"from": "bot", "text": text, "buttons": buttons})
                last_buttons = buttons
        elif kind == "restart":
            messages.clear()
            last_buttons = []
    return {"triage": triage_of(tracker), "messages": messages[-HISTORY_LIMIT:]}


async def _tracker(sender: str, include_events: str) -> dict[str, Any]:
    params = {"include_events": include_events}
    token = os.environ.get("RASA_AUTH_TOKEN")
    if token:
        params["token"] = token
    async with httpx.AsyncClient(timeout=15) as client:
        response = await client.get(f"{rasa_url()}/conversations/{sender}/tracker", params=params)
        response.raise_for_status()
        result: dict[str, Any] = response.json()
        return result


def unreachable(error: Exception) -> JSONResponse:
    """502 without the error's text: httpx puts the URL, with `token=…`, in its messages."""
    status = error.response.status_code if isinstance(error, httpx.HTTPStatusError) else None
    logger.warning(
        "The Rasa server could not be read (%s%s).",
        type(error).__name__,
        f", status {status}" if status else "",
    )
    return JSONResponse({"error": "the assistant is unreachable"}, status_code=502)


async def conversation(request: Request) -> JSONResponse:
    sender = request.path_params["sender"]
    if not SENDER_ID.fullmatch(sender):
        return JSONResponse({"error": "invalid sender id"}, status_code=400)
    try:
        tracker = await _tracker(sender, "AFTER_RESTART")
    except (httpx.HTTPError, ValueError) as error:
        return unreachable(error)
    return JSONResponse({"sender": sender, **conversation_from_tracker(tracker)})


async def state(request: Request) -> JSONResponse:
    sender = request.path_params["sender"]
    if not SENDER_ID.fullmatch(sender):
        return JSONResponse({"error": "invalid sender id"}, status_code=400)
    try:
        tracker = await _tracker(sender, "NONE")
    except (httpx.HTTPError, ValueError) as error:
        return unreachable(error)
    return JSONResponse({"sender": sender, "triage": triage_of(tracker)})


async def widget_config(_request: Request) -> JSONResponse:
    return JSONResponse(
        {"rasaUrl": rasa_public_url(), "transport": transport(), "socketPath": "/socket.io"}
    )


def content_security_policy() -> str:
    """Scripts, styles and data only from this server and the Rasa server; no inline code."""
    public = urlsplit(rasa_public_url())
    return "; ".join(
        [
            "default-src 'self'",
            f"connect-src 'self' {public.scheme}://{public.netloc}",
            "img-src 'self' data:",
            "object-src 'none'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
            "form-action 'self'",
        ]
    )


class SecurityHeaders(BaseHTTPMiddleware):
    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = content_security_policy()
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        if request.url.path.startswith("/api/"):
            response.headers["Cache-Control"] = "no-store"
        return response


def create_app() -> Starlette:
    return Starlette(
        routes=[
            Route("/config.json", widget_config),
            Route("/api/conversations/{sender}", conversation),
            Route("/api/conversations/{sender}/state", state),
            *programme_routes.ROUTES,
            Mount("/", StaticFiles(directory=PUBLIC_DIR, html=True)),
        ],
        middleware=[Middleware(SecurityHeaders)],
    )


if __name__ == "__main__":
    uvicorn.run(create_app(), host="127.0.0.1", port=int(os.environ.get("WEB_PORT", "8080")))
