"""`python -m backcare.web`: serve the chat page on WEB_PORT.

Routes:

- `/` and the files of `web/public/`: the page and its widget (no CDN: the socket.io client is
  bundled in `web/public/vendor/` by `scripts/build_web.sh`);
- `/config.json`: where the browser finds the Rasa server and which transport to use;
- `POST /api/sessions`: a new conversation id for this browser and its key (below);
- `/api/conversations/{sender}`: the conversation so far (texts, buttons, the `triage` level),
  read from Rasa's tracker by this server, so the page can restore it after a reload;
- `/api/conversations/{sender}/state`: only the `triage` level, for the emergency banner;
- `/pictures/<slug>.svg|png`: exercise pictures (`backcare/pictures.py`), ETag and caching;
- `/api/exercises/<slug>`: a picture's alt text and the hold timer's seconds;
- `/plan/<sender>?drills=…&key=…`: the printable plan (`backcare/plan_page.py`);
- `/widget.js`: the embeddable widget (a file of `web/public/`); `WIDGET_ORIGINS` lists the
  other sites' origins allowed to call `/config.json` and `/api/...` (CORS).
- `/api/programme/{sender}/progress` and `POST .../due`: the programme's chart data and the
  reminders due (backcare/programme/web_routes.py), with the same key as the history.

History goes only to the browser this server issued the id to: the key is an HMAC-SHA256 of
the id with a secret only this server and the Rasa servers hold, kept by the page beside the id
and sent in the `X-Backbone-Key` header; it is compared in constant time, and anything else gets
403. The page sends the same key in its socket.io `session_request`, and Rasa's socket.io channel
joins the session only with it (bot_extensions/channels/web_sessions.py derives it the same way;
tests/security/test_socketio_keys.py checks the two agree). The page's REST fallback sends the
key too (`X-Backbone-Key`), and Rasa's REST channel then uses the same conversation, so the
conversation read is always `web-<digest of id>` whatever the transport (`?transport=rest`,
sent by pages from before, changes nothing). Every `/api/` route is rate-limited per client
address (`WEB_API_RATE` requests a minute, default 60, as a burst that refills evenly; 429
beyond).

The two conversation routes call Rasa's HTTP API (`rasa run --enable-api`) from here, not from
the browser, with the token, which never reaches the page.

Environment: `WEB_PORT` (8080), `RASA_PORT` (5005), `RASA_URL` (how this server reaches Rasa,
default `http://127.0.0.1:$RASA_PORT`), `RASA_PUBLIC_URL` (how browsers reach it, default the
same), `RASA_AUTH_TOKEN` or `RASA_AUTH_TOKEN_FILE` (the HTTP API's token), `WEB_TRANSPORT`
(`socketio`, or `rest` to force the REST channel), `WEB_SESSION_SECRET` (the key's secret, the
same for the Rasa servers; unset: generated once into `WEB_SESSION_SECRET_FILE`, default
`var/web-session-secret`, mode 600, by this server or Rasa, whichever starts first),
`WEB_API_RATE` (60), `WEB_TRUSTED_PROXIES` (addresses or networks whose `X-Forwarded-For` is
believed for the rate limit; default none).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import os
import re
import secrets
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import uvicorn
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from backcare import pictures, plan_page
from backcare.programme import web_routes as programme_routes
from backcare.review.client_address import Network, client_address, parse_trusted_proxies
from backcare.settings import PROJECT_ROOT
from backcare.triage import TRIAGE_LEVELS

logger = logging.getLogger(__name__)

PUBLIC_DIR = PROJECT_ROOT / "web" / "public"
SENDER_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
HISTORY_LIMIT = 200
KEY_HEADER = "X-Backbone-Key"
# The socket.io channel's conversation of a page id, as bot_extensions/channels/sender_ids.py
# derives it (the two packages never import each other; a test checks they agree).
WEB_PREFIX = "web-"
WEB_DIGEST_CONTEXT = b"backbone-web-conversation\x00"
SIGNED = b"backbone-web-session\x00"


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
            data = event.get("data") or {}
            image = str(data.get("image") or "")
            attachment = data.get("attachment")
            document = (
                attachment.get("payload")
                if isinstance(attachment, dict) and attachment.get("type") == "document"
                else None
            )
            if text or buttons or image or document:
                message: dict[str, Any] = {"from": "bot", "text": text, "buttons": buttons}
                if image:
                    message["image"] = image  # an exercise picture, shown beside the card
                if isinstance(document, dict):
                    message["document"] = document  # the plan to keep
                messages.append(message)
                last_buttons = buttons
        elif kind == "restart":
            messages.clear()
            last_buttons = []
    return {"triage": triage_of(tracker), "messages": messages[-HISTORY_LIMIT:]}


def web_conversation(sender: str) -> str:
    digest = hashlib.sha256(WEB_DIGEST_CONTEXT + sender.encode()).hexdigest()[:32]
    return WEB_PREFIX + digest


def rasa_token() -> str | None:
    """RASA_AUTH_TOKEN, else the contents of RASA_AUTH_TOKEN_FILE (how `make run` passes it)."""
    token = (os.environ.get("RASA_AUTH_TOKEN") or "").strip()
    if token:
        return token
    path = (os.environ.get("RASA_AUTH_TOKEN_FILE") or "").strip()
    if path:
        try:
            return Path(path).read_text(encoding="utf-8").strip() or None
        except OSError as error:
            logger.error("RASA_AUTH_TOKEN_FILE cannot be read (%s).", type(error).__name__)
    return None


def session_secret() -> bytes:
    """WEB_SESSION_SECRET, else a secret generated once into a file only its owner reads.

    The Rasa server reads the same (bot_extensions/channels/web_sessions.py `session_secret`).
    """
    given = os.environ.get("WEB_SESSION_SECRET")
    if given is not None:
        if len(given.strip()) < 16:
            raise SystemExit("error: WEB_SESSION_SECRET must be at least 16 characters.")
        return given.strip().encode()
    path = Path(
        os.environ.get("WEB_SESSION_SECRET_FILE") or PROJECT_ROOT / "var" / "web-session-secret"
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        pass
    else:
        with os.fdopen(descriptor, "w") as created:
            created.write(secrets.token_urlsafe(48) + "\n")
    os.chmod(path, 0o600)
    secret = path.read_text(encoding="utf-8").strip()
    # The Rasa server may have just created the file and not yet written it.
    deadline = time.monotonic() + 2.0
    while len(secret) < 16 and time.monotonic() < deadline:
        time.sleep(0.05)
        secret = path.read_text(encoding="utf-8").strip()
    if len(secret) < 16:
        raise SystemExit(f"error: {path} holds no usable secret; remove it to generate one.")
    return secret.encode()


def session_key(secret: bytes, sender: str) -> str:
    """The key that proves a browser was given `sender` by this server."""
    digest = hmac.new(secret, SIGNED + sender.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def key_matches(secret: bytes, sender: str, given: str | None) -> bool:
    return given is not None and hmac.compare_digest(
        session_key(secret, sender).encode(), given.encode("utf-8", "replace")
    )


class RateLimit:
    """Per client: a bucket of `per_minute` requests that refills evenly over a minute."""

    MAX_CLIENTS = 10_000

    def __init__(self, per_minute: int) -> None:
        self.capacity = float(per_minute)
        self.refill = per_minute / 60.0
        self.buckets: dict[str, tuple[float, float]] = {}
        self.lock = threading.Lock()

    def allow(self, client: str, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        with self.lock:
            tokens, then = self.buckets.get(client, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - then) * self.refill)
            if len(self.buckets) >= self.MAX_CLIENTS and client not in self.buckets:
                self._forget_full(now)
            if tokens < 1:
                self.buckets[client] = (tokens, now)
                return False
            self.buckets[client] = (tokens - 1, now)
            return True

    def _forget_full(self, now: float) -> None:
        """Drop the clients whose bucket has refilled (they would start full anyway)."""
        full = [
            client
            for client, (tokens, then) in self.buckets.items()
            if tokens + (now - then) * self.refill >= self.capacity
        ]
        for client in full or list(self.buckets)[: self.MAX_CLIENTS // 10]:
            del self.buckets[client]


# httpx's own TLS context, made once: a client makes a new one by default, loading the CA bundle
# (some 40 ms of CPU for each conversation shown).
_TLS = httpx.create_ssl_context()


async def _tracker(sender: str, include_events: str) -> dict[str, Any]:
    params = {"include_events": include_events}
    token = rasa_token()
    if token:
        params["token"] = token
    async with httpx.AsyncClient(timeout=15, verify=_TLS) as client:
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


def owned_conversation(request: Request) -> tuple[str, str] | JSONResponse:
    """(the page's id, the conversation to read), or the refusal: only with this id's key."""
    sender = request.path_params["sender"]
    if not SENDER_ID.fullmatch(sender):
        return JSONResponse({"error": "invalid sender id"}, status_code=400)
    if not key_matches(request.app.state.secret, sender, request.headers.get(KEY_HEADER)):
        return JSONResponse(
            {"error": "this conversation was not started in this browser"}, status_code=403
        )
    # One conversation for both transports: the REST channel, given the key, uses it too.
    return sender, web_conversation(sender)


async def new_session(request: Request) -> JSONResponse:
    sender = secrets.token_urlsafe(18)  # 24 characters of A-Z a-z 0-9 _ -
    return JSONResponse({"sender": sender, "key": session_key(request.app.state.secret, sender)})


async def conversation(request: Request) -> JSONResponse:
    owned = owned_conversation(request)
    if isinstance(owned, JSONResponse):
        return owned
    sender, conversation_id = owned
    try:
        tracker = await _tracker(conversation_id, "AFTER_RESTART")
    except (httpx.HTTPError, ValueError) as error:
        return unreachable(error)
    return JSONResponse({"sender": sender, **conversation_from_tracker(tracker)})


async def state(request: Request) -> JSONResponse:
    owned = owned_conversation(request)
    if isinstance(owned, JSONResponse):
        return owned
    sender, conversation_id = owned
    try:
        tracker = await _tracker(conversation_id, "NONE")
    except (httpx.HTTPError, ValueError) as error:
        return unreachable(error)
    return JSONResponse({"sender": sender, "triage": triage_of(tracker)})


async def programme_progress(request: Request) -> JSONResponse:
    owned = owned_conversation(request)
    if isinstance(owned, JSONResponse):
        return owned
    return await run_in_threadpool(programme_routes.progress, owned[1])


async def programme_due(request: Request) -> JSONResponse:
    owned = owned_conversation(request)
    if isinstance(owned, JSONResponse):
        return owned
    return await run_in_threadpool(programme_routes.due, owned[1])


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
        if request.url.path.startswith("/api/"):
            trusted: tuple[Network, ...] = request.app.state.trusted_proxies
            if not request.app.state.rate_limit.allow(client_address(request, trusted)):
                return JSONResponse(
                    {"error": "too many requests; please wait a moment"},
                    status_code=429,
                    headers={"Retry-After": "5", "Cache-Control": "no-store"},
                )
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = content_security_policy()
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        if request.url.path.startswith("/api/"):
            response.headers["Cache-Control"] = "no-store"
        return response


# --- exercise pictures and the printable plan (additive routes) -------------------------------

PICTURE_CACHE_CONTROL = "public, max-age=86400"


async def picture(request: Request) -> Response:
    """`/pictures/<slug>.svg|png`: an exercise picture, with an ETag and a day's caching."""
    found = pictures.file_for(request.path_params["name"])
    if found is None:
        return JSONResponse({"error": "no such picture"}, status_code=404)
    path, media_type = found
    body = path.read_bytes()
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    headers = {"ETag": etag, "Cache-Control": PICTURE_CACHE_CONTROL}
    wanted = [tag.strip() for tag in request.headers.get("if-none-match", "").split(",")]
    if etag in wanted or "*" in wanted:
        return Response(status_code=304, headers=headers)
    return Response(body, media_type=media_type, headers=headers)


async def exercise_facts(request: Request) -> JSONResponse:
    """`/api/exercises/<slug>`: the picture's alt text and the hold timer's seconds."""
    facts = plan_page.exercise_facts(request.path_params["slug"])
    if facts is None:
        return JSONResponse({"error": "no such exercise"}, status_code=404)
    return JSONResponse(facts)


async def person_plan(sender: str, linked: list[str]) -> list[str]:
    """The person's plan, as exercise slugs in order: the printable plan's one data source.

    Today the drills named in the signed link the plan action sent (the plan as the chat gave
    it); rewire here to read the person's stored plan instead.
    """
    return linked


async def printable_plan(request: Request) -> Response:
    """`/plan/<sender>?drills=…&key=…`: the plan to print; `&download=1`: one HTML file."""
    sender = request.path_params["sender"]
    drills = plan_page.linked_drills(request.query_params.get("drills", ""))
    key = request.query_params.get("key", "")
    if (
        drills is None
        or not plan_page.PLAN_SENDER.fullmatch(sender)
        or not plan_page.key_matches(sender, drills, key)
    ):
        return JSONResponse({"error": "unknown plan"}, status_code=404)
    slugs = await person_plan(sender, drills)
    if not slugs:
        return JSONResponse({"error": "no plan yet"}, status_code=404)
    download = request.query_params.get("download") == "1"
    html = plan_page.render_plan(slugs, standalone=download)
    headers = {"Cache-Control": "no-store"}
    if download:
        headers["Content-Disposition"] = f'attachment; filename="{plan_page.DOCUMENT_NAME}"'
    return HTMLResponse(html, headers=headers)


# --- the embeddable widget: which other sites' pages may use this server's API ---------------


def widget_origins() -> set[str]:
    """`WIDGET_ORIGINS`: origins (`https://clinic.example.org`), comma- or space-separated."""
    raw = os.environ.get("WIDGET_ORIGINS", "")
    return {origin.rstrip("/") for origin in re.split(r"[\s,]+", raw) if origin.strip()}


class WidgetCors(BaseHTTPMiddleware):
    """CORS for the widget's calls (`/config.json`, `/api/...`) from the allowed origins only.

    No credentials: the widget's calls carry none (the sender id is in the path).
    """

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        origin = request.headers.get("origin", "")
        path = request.url.path
        shared = path == "/config.json" or path.startswith("/api/")
        allowed = shared and origin in widget_origins()
        if request.method == "OPTIONS" and shared and origin:
            if not allowed:
                return Response(status_code=403)
            response = Response(status_code=204)
            response.headers["Access-Control-Allow-Methods"] = "GET, POST"
            response.headers["Access-Control-Allow-Headers"] = f"Content-Type, {KEY_HEADER}"
            response.headers["Access-Control-Max-Age"] = "600"
        else:
            response = await call_next(request)
        if allowed:
            response.headers["Access-Control-Allow-Origin"] = origin
        if shared:
            response.headers["Vary"] = "Origin"
        return response


def create_app(secret: bytes | None = None) -> Starlette:
    app = Starlette(
        routes=[
            Route("/config.json", widget_config),
            Route("/api/sessions", new_session, methods=["POST"]),
            Route("/api/conversations/{sender}", conversation),
            Route("/api/conversations/{sender}/state", state),
            Route("/api/exercises/{slug}", exercise_facts),
            Route("/pictures/{name}", picture),
            Route("/plan/{sender}", printable_plan),
            Route("/api/programme/{sender}/progress", programme_progress),
            Route("/api/programme/{sender}/due", programme_due, methods=["POST"]),
            Mount("/", StaticFiles(directory=PUBLIC_DIR, html=True)),
        ],
        middleware=[Middleware(SecurityHeaders), Middleware(WidgetCors)],
    )
    app.state.secret = secret if secret is not None else session_secret()
    app.state.rate_limit = RateLimit(int(os.environ.get("WEB_API_RATE") or 60))
    app.state.trusted_proxies = parse_trusted_proxies(os.environ.get("WEB_TRUSTED_PROXIES", ""))
    return app


if __name__ == "__main__":
    # No proxy headers from uvicorn (it trusts 127.0.0.1): WEB_TRUSTED_PROXIES decides instead.
    uvicorn.run(
        create_app(),
        host="127.0.0.1",
        port=int(os.environ.get("WEB_PORT", "8080")),
        proxy_headers=False,
    )
