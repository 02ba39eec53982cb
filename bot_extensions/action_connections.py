"""Keep connections to the action server open between calls.

Rasa 3.6 opens a new aiohttp session, and with it a new TCP connection, for every custom action
it runs, and closes it afterwards; a form turn makes up to three such calls. Profiling put
about a third of a call's CPU in setting up the connection (docs/production.md). Here each
endpoint keeps one session per event loop, so calls reuse idle connections. Same headers,
authentication and time-outs as Rasa's own session.

Each call's body is the whole tracker (every event of the conversation so far), and Rasa's
`json.dumps` of it was a tenth of a loaded server's CPU; ujson (already one of Rasa's
dependencies) writes the same JSON about three times faster, without the spaces.
"""

from __future__ import annotations

import asyncio
from types import TracebackType

import aiohttp
import ujson
from rasa.utils.endpoints import DEFAULT_REQUEST_TIMEOUT, EndpointConfig

# Below the action server's (Sanic's) 5 s keep-alive, so a connection is never reused just as
# the server closes it.
IDLE_CONNECTION_SECONDS = 4.0


class _KeptOpen:
    """What `async with endpoint.session()` gets: the shared session, not closed on exit."""

    def __init__(self, session: aiohttp.ClientSession) -> None:
        self._session = session

    async def __aenter__(self) -> aiohttp.ClientSession:
        return self._session

    async def __aexit__(
        self,
        _type: type[BaseException] | None,
        _value: BaseException | None,
        _traceback: TracebackType | None,
    ) -> None:
        return None


def compact_json(value: object) -> str:
    """JSON that `json.loads` reads back to the same value; "/" left unescaped, as json does."""
    return ujson.dumps(value, escape_forward_slashes=False)


def _shared_session(endpoint: EndpointConfig) -> _KeptOpen:
    loop = asyncio.get_running_loop()
    kept: tuple[asyncio.AbstractEventLoop, aiohttp.ClientSession] | None = getattr(
        endpoint, "_kept_open_session", None
    )
    if kept is None or kept[0] is not loop or kept[1].closed:
        auth = (
            aiohttp.BasicAuth(endpoint.basic_auth["username"], endpoint.basic_auth["password"])
            if endpoint.basic_auth
            else None
        )
        session = aiohttp.ClientSession(
            headers=endpoint.headers,
            auth=auth,
            timeout=aiohttp.ClientTimeout(total=DEFAULT_REQUEST_TIMEOUT),
            connector=aiohttp.TCPConnector(keepalive_timeout=IDLE_CONNECTION_SECONDS),
            json_serialize=compact_json,
        )
        kept = (loop, session)
        endpoint._kept_open_session = kept  # type: ignore[attr-defined]
    return _KeptOpen(kept[1])


def install() -> None:
    """Called once at start-up by bot_extensions/rasa_patches.py."""
    EndpointConfig.session = _shared_session  # type: ignore[assignment,method-assign]
