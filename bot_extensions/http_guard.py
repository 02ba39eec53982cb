"""Host and Origin checks for everything the Rasa server answers (HTTP API, channels, socket.io).

Without them, any web page the person visits can write into conversations on localhost: a
`Content-Type: text/plain` POST to `/conversations/<id>/tracker/events` needs no CORS preflight,
and DNS rebinding (a name of the attacker's that resolves to 127.0.0.1) lets a page read the
answers too. So every request is refused with 403 when:

- its `Host` is not an allowed host: the loopback names (`localhost`, `127.0.0.1`, `::1`) and
  the names in `RASA_ALLOWED_HOSTS` (comma- or space-separated; the production profile adds the
  names its proxy and the page server use);
- it carries an `Origin` that is not an allowed origin: the origins given to the launcher with
  `--cors` or in `RASA_ALLOWED_ORIGINS` (the chat page's own), the same list Rasa's CORS headers
  are built from. `Origin: null` (sandboxed frames, files) is foreign too.

A request without `Origin` (curl, the tools, the page server, Telegram) is not a browser's
cross-site request and passes the Origin check; the token (`bot_extensions/serve.py`) still
guards the HTTP API.

The token itself: Rasa 3.6 compares the `?token=` of an API request with its token using `==`
(`rasa.server.requires_auth`), which can return sooner the sooner the strings differ. So a
request whose `token` query parameter is present and is not the server's token (every value,
if the parameter is repeated) is refused here with 401 and the body Rasa gives
(`NotAuthenticated`), after a comparison in constant time (`hmac.compare_digest`); Rasa's `==`
only ever sees the right token. The token is the one Rasa is configured with
(`configure_app(auth_token=...)`: RASA_AUTH_TOKEN or the file RASA_AUTH_TOKEN_FILE names, handed
over by the launcher). A request without the parameter goes on to Rasa, which refuses it (401)
on the API's routes.

`install()` makes Rasa's `configure_app` register the check as the first request middleware of
the Sanic app it builds (`guard(app, hosts=..., origins=..., token=...)`); `bot_extensions/serve.py`
installs it once, with the other Rasa patches, before Rasa builds the app.
"""

from __future__ import annotations

import hmac
import inspect
import logging
import os
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from sanic import response
from sanic.request import Request
from sanic.response import HTTPResponse

logger = logging.getLogger(__name__)

LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})


def split_list(value: str | None) -> list[str]:
    """`"a, b c"` -> `["a", "b", "c"]` (RASA_ALLOWED_HOSTS, RASA_ALLOWED_ORIGINS)."""
    return [item for item in (value or "").replace(",", " ").split() if item]


def host_name(header: str | None) -> str | None:
    """The name of a `Host` header without its port (`[::1]:5005` -> `::1`), lower case."""
    if not header:
        return None
    value = header.strip().lower()
    if value.startswith("["):
        end = value.find("]")
        return value[1:end] if end > 0 else None
    name = value.rsplit(":", 1)[0] if value.count(":") == 1 else value
    return name.rstrip(".") or None


def normal_origin(value: str) -> str | None:
    """`scheme://host[:port]` in lower case, or None for anything that is not an origin."""
    parts = urlsplit(value.strip().lower())
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.path not in ("", "/"):
        return None
    return f"{parts.scheme}://{parts.netloc}"


def not_authenticated() -> dict[str, Any]:
    """The body Rasa answers a request without the right token with (`rasa.server`)."""
    import rasa
    from rasa.shared.constants import DOCS_BASE_URL

    return {
        "version": rasa.__version__,
        "status": "failure",
        "message": "User is not authenticated.",
        "reason": "NotAuthenticated",
        "details": {},
        "help": DOCS_BASE_URL + "/user-guide/configuring-http-api/#security-considerations",
        "code": 401,
    }


class HttpGuard:
    def __init__(
        self, hosts: Iterable[str] = (), origins: Iterable[str] = (), token: str | None = None
    ) -> None:
        self.hosts = LOOPBACK_HOSTS | {
            name for name in (host_name(host) for host in hosts) if name is not None
        }
        self.origins: frozenset[str] = frozenset()
        found = set()
        for origin in origins:
            normal = normal_origin(origin)
            if normal is None:
                raise ValueError(f"not an origin (scheme://host[:port]): {origin!r}")
            found.add(normal)
        self.origins = frozenset(found)
        # Bytes of the token, compared in constant time with every `token` query parameter.
        self.token = token.encode() if token else None

    def reason_to_refuse(self, host: str | None, origin: str | None) -> str | None:
        """Why a request with these headers is refused, or None when it may go on."""
        if host_name(host) not in self.hosts:
            return "This host name is not served here."
        if origin is not None and normal_origin(origin) not in self.origins:
            return "Requests from this origin are not accepted."
        return None

    def token_refused(self, given: list[str]) -> bool:
        """Whether any `token` query parameter given is not the token (constant time)."""
        if self.token is None:
            return False  # no token configured: Rasa's API is open or uses JWT, not ours to judge
        matches = [
            hmac.compare_digest(value.encode("utf-8", "replace"), self.token) for value in given
        ]
        return not all(matches)

    async def check(self, request: Request) -> HTTPResponse | None:
        reason = self.reason_to_refuse(request.headers.get("host"), request.headers.get("origin"))
        if reason is None:
            if self.token_refused(request.args.getlist("token", [])):
                logger.warning("Refused %s %s: not the API token.", request.method, request.path)
                return response.json(not_authenticated(), status=401)
            return None
        logger.warning(
            "Refused %s %s: %s (Host %r, Origin %r).",
            request.method,
            request.path,
            reason,
            (request.headers.get("host") or "")[:100],
            (request.headers.get("origin") or "")[:100],
        )
        return response.json({"error": reason}, status=403)


def install() -> None:
    """Make the Sanic app Rasa builds check Host and Origin (a patch of rasa_patches.py).

    The hosts and origins are read when the app is built: RASA_ALLOWED_HOSTS, and
    RASA_ALLOWED_ORIGINS, which the launcher (serve.py) fills with the `--cors` origins too.
    """
    import rasa.core.run

    build = rasa.core.run.configure_app

    signature = inspect.signature(build)

    def configure_app(*args: Any, **kwargs: Any) -> Any:
        app = build(*args, **kwargs)
        # The token Rasa was given (`--auth-token`, which the launcher fills in-process).
        token = signature.bind(*args, **kwargs).arguments.get("auth_token")
        guard(
            app,
            hosts=split_list(os.environ.get("RASA_ALLOWED_HOSTS")),
            origins=split_list(os.environ.get("RASA_ALLOWED_ORIGINS")),
            token=token,
        )
        return app

    rasa.core.run.configure_app = configure_app  # read by serve_application at call time


def guard(
    app: Any, hosts: Iterable[str] = (), origins: Iterable[str] = (), token: str | None = None
) -> HttpGuard:
    """Check Host, Origin and any `token` parameter before anything else the Sanic app does
    (CORS included)."""
    guard = HttpGuard(hosts, origins, token)
    # Sanic 21.12 reads `request_middleware` on every request, so the check applies to every
    # route, the channels' and socket.io's too; first, so a foreign preflight is refused as well.
    app.request_middleware.appendleft(guard.check)
    logger.info(
        "Host and Origin checked: hosts %s; origins %s; API token %s.",
        ", ".join(sorted(guard.hosts)),
        ", ".join(sorted(guard.origins)) or "none",
        "compared in constant time" if guard.token else "not configured",
    )
    return guard
