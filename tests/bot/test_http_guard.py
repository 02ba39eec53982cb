"""The Rasa HTTP API's token is compared in constant time (bot_extensions/http_guard.py): a
request whose `token` is not the token is refused before Rasa's own `==` (rasa/server.py) sees
it. Rasa's app is built by the patched `configure_app` with a token that records every value
it is compared with, and served on a free loopback port."""

from __future__ import annotations

import asyncio
import socket
from typing import Any

import aiohttp
import rasa.core.run

TOKEN = "the-right-token-0123456789abcdef"


class RecordingToken(str):
    """The server's token; records what `==` compares it with (Rasa's `provided == token`
    calls this first: a subclass's reflected comparison has priority)."""

    compared: list[Any]

    def __eq__(self, other: object) -> bool:
        self.compared.append(other)
        return str.__eq__(self, other)

    __hash__ = str.__hash__


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def serve_and_ask(token: str, queries: list[str]) -> list[tuple[int, dict]]:
    async def scenario() -> list[tuple[int, dict]]:
        app = rasa.core.run.configure_app(input_channels=[], auth_token=token, enable_api=True)
        port = free_port()
        server = await app.create_server(
            host="127.0.0.1", port=port, return_asyncio_server=True, access_log=False
        )
        assert server is not None
        await server.startup()
        await server.before_start()
        await server.after_start()
        answers = []
        try:
            async with aiohttp.ClientSession() as client:
                for query in queries:
                    async with client.get(f"http://127.0.0.1:{port}/status?{query}") as reply:
                        answers.append((reply.status, await reply.json()))
        finally:
            await server.before_stop()
            await server.close()
            await server.after_stop()
        return answers

    return asyncio.run(scenario())


def test_rasa_compares_only_the_right_token() -> None:
    token = RecordingToken(TOKEN)
    token.compared = []
    wrong = [TOKEN[:-1] + "x", TOKEN[:-1], TOKEN + "x", "guess", "é"]
    answers = serve_and_ask(
        token,
        [f"token={value}" for value in wrong]
        + ["", f"token={TOKEN}&token=guess", f"token=guess&token={TOKEN}", f"token={TOKEN}"],
    )
    *refused, no_token, repeated_1, repeated_2, right = answers
    for status, body in [*refused, repeated_1, repeated_2]:
        assert status == 401
        assert body == no_token[1], "the body Rasa gives (NotAuthenticated)"
    assert no_token[0] == 401 and no_token[1]["reason"] == "NotAuthenticated"
    assert right[0] == 409, right  # past the token: no model loaded in this app
    # Rasa's `==` saw the right token and the request without one, nothing else.
    assert set(token.compared) <= {TOKEN, None}, token.compared
    assert TOKEN in token.compared
