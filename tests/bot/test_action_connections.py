"""Calls to the action server reuse one connection, with Rasa's headers and authentication,
and survive the action server restarting in between."""

from __future__ import annotations

import asyncio
import json
import socket

from aiohttp import web
from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker, EventVerbosity
from rasa.utils.endpoints import EndpointConfig

import bot_extensions.policies  # noqa: F401  (installs the kept-open sessions, as a server does)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def start_server(port: int, seen: list[tuple]) -> web.AppRunner:
    async def webhook(request: web.Request) -> web.Response:
        peer = request.transport.get_extra_info("peername")
        seen.append((peer, request.headers.get("X-Test"), request.headers.get("Authorization")))
        return web.json_response({"events": [], "responses": []})

    app = web.Application()
    app.router.add_post("/webhook", webhook)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    return runner


def test_calls_reuse_one_connection_with_rasas_headers_and_auth() -> None:
    async def scenario() -> list[tuple]:
        port, seen = free_port(), []
        runner = await start_server(port, seen)
        endpoint = EndpointConfig(
            f"http://127.0.0.1:{port}/webhook",
            headers={"X-Test": "kept"},
            basic_auth={"username": "rasa", "password": "secret"},
        )
        try:
            for _ in range(5):
                assert await endpoint.request(json={"next_action": "x"}, method="post") == {
                    "events": [],
                    "responses": [],
                }
        finally:
            await runner.cleanup()
        return seen

    seen = asyncio.run(scenario())
    assert len(seen) == 5
    assert len({peer for peer, _, _ in seen}) == 1  # one TCP connection for all five calls
    assert all(header == "kept" and auth.startswith("Basic ") for _, header, auth in seen)


def test_a_restarted_action_server_is_reached_again() -> None:
    async def scenario() -> list[tuple]:
        port, seen = free_port(), []
        endpoint = EndpointConfig(f"http://127.0.0.1:{port}/webhook")
        runner = await start_server(port, seen)
        await endpoint.request(json={}, method="post")
        await runner.cleanup()  # the action server goes away, its connections with it
        await asyncio.sleep(0.1)
        runner = await start_server(port, seen)
        try:
            await endpoint.request(json={}, method="post")
        finally:
            await runner.cleanup()
        return seen

    seen = asyncio.run(scenario())
    assert len(seen) == 2
    assert seen[0][0] != seen[1][0]  # a new connection after the restart


def test_the_body_is_the_trackers_json_read_back_unchanged() -> None:
    """The tracker goes out as compact JSON (ujson) that reads back to exactly what Rasa's
    json.dumps would have sent: floats, non-ASCII text, slashes and nesting included."""
    tracker = DialogueStateTracker.from_events(
        "tester",
        [
            ActionExecuted("action_listen"),
            UserUttered(
                "my back/hip hurts — since Tuesday 🙁",
                {"name": "describe_pain", "confidence": 0.123456789012345},
                timestamp=1764500000.987654,
            ),
            SlotSet("pain_duration", "3 weeks"),
        ],
    )
    state = tracker.current_state(EventVerbosity.ALL)
    bodies: list[bytes] = []

    async def scenario() -> None:
        async def webhook(request: web.Request) -> web.Response:
            bodies.append(await request.read())
            return web.json_response({"events": [], "responses": []})

        app = web.Application()
        app.router.add_post("/webhook", webhook)
        runner = web.AppRunner(app)
        await runner.setup()
        port = free_port()
        await web.TCPSite(runner, "127.0.0.1", port).start()
        try:
            await EndpointConfig(f"http://127.0.0.1:{port}/webhook").request(
                json={"tracker": state}, method="post"
            )
        finally:
            await runner.cleanup()

    asyncio.run(scenario())
    assert json.loads(bodies[0]) == json.loads(json.dumps({"tracker": state}))
    assert b", " not in bodies[0]  # compact: not json.dumps's separators
