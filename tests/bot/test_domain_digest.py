"""Custom action calls carry the domain only until the action server holds it; a 449 sends it
again. The action server here keeps domains the way rasa-sdk 3.21 does (the real one is restarted
under a running Rasa in tests/integration/test_safety.py)."""

from __future__ import annotations

import asyncio
import socket

import pytest
from aiohttp import web
from rasa.core.actions.action import RemoteAction
from rasa.core.channels.channel import CollectingOutputChannel
from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SlotSet
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.exceptions import RasaException
from rasa.utils.endpoints import EndpointConfig

from bot_extensions import domain_digest

DOMAIN = Domain.from_yaml(
    """
version: "3.1"
slots:
  pain_area: {type: text, mappings: [{type: custom}]}
actions: [action_where]
"""
)
OTHER_DOMAIN = Domain.from_yaml(
    """
version: "3.1"
slots:
  pain_area: {type: text, mappings: [{type: custom}]}
  pain_score: {type: float, mappings: [{type: custom}]}
actions: [action_where]
"""
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ActionServer:
    """Keeps the last domain and its digest; 449 to a call with neither (rasa-sdk 3.21)."""

    def __init__(self, port: int, fail_with: int | None = None) -> None:
        self.port = port
        self.fail_with = fail_with
        self.calls: list[tuple[bool, str | None]] = []  # (domain sent, digest sent)
        self.held: tuple[dict, str | None] | None = None
        self.runner: web.AppRunner | None = None

    async def webhook(self, request: web.Request) -> web.Response:
        body = await request.json()
        self.calls.append(("domain" in body, body.get("domain_digest")))
        if self.fail_with:
            return web.json_response({"error": "broken"}, status=self.fail_with)
        digest = body.get("domain_digest")
        if "domain" not in body and (self.held is None or self.held[1] != digest):
            return web.json_response({"error": "Missing domain context"}, status=449)
        if "domain" in body:
            self.held = (body["domain"], digest)
        slots = self.held[0]["slots"] if self.held else {}
        return web.json_response(
            {"events": [{"event": "slot", "name": "pain_area", "value": str(len(slots))}]}
        )

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/webhook", self.webhook)
        self.runner = web.AppRunner(app)
        await self.runner.setup()
        await web.TCPSite(self.runner, "127.0.0.1", self.port).start()

    async def stop(self) -> None:
        assert self.runner is not None
        await self.runner.cleanup()


async def call(endpoint: EndpointConfig, domain: Domain = DOMAIN) -> list:
    tracker = DialogueStateTracker.from_events("person", [], slots=domain.slots)
    return await RemoteAction("action_where", endpoint).run(
        CollectingOutputChannel(), TemplatedNaturalLanguageGenerator({}), tracker, domain
    )


def served(server: ActionServer, domains: list[Domain]) -> tuple[list, list]:
    """Each domain's call to a fresh endpoint, while the server runs; the calls it saw."""

    async def scenario() -> list:
        await server.start()
        endpoint = EndpointConfig(f"http://127.0.0.1:{server.port}/webhook")
        try:
            return [await call(endpoint, domain) for domain in domains]
        finally:
            await server.stop()

    results = asyncio.run(scenario())
    return server.calls, results


def test_the_domain_goes_once_then_only_its_digest() -> None:
    calls, results = served(ActionServer(free_port()), [DOMAIN] * 3)
    digest = domain_digest.digest(DOMAIN)
    assert calls == [(True, digest), (False, digest), (False, digest)]
    # the action ran with the domain each time: its one slot read from the kept domain
    assert all(events == [SlotSet("pain_area", "1")] for events in results)


def test_a_restarted_action_server_is_sent_the_domain_again() -> None:
    async def scenario() -> tuple[list, list]:
        port = free_port()
        first = ActionServer(port)
        await first.start()
        endpoint = EndpointConfig(f"http://127.0.0.1:{port}/webhook")
        await call(endpoint)
        await first.stop()
        await asyncio.sleep(0.1)
        restarted = ActionServer(port)  # holds no domain
        await restarted.start()
        try:
            events = [await call(endpoint), await call(endpoint)]
        finally:
            await restarted.stop()
        return restarted.calls, events

    calls, events = asyncio.run(scenario())
    digest = domain_digest.digest(DOMAIN)
    assert calls == [(False, digest), (True, digest), (False, digest)]
    assert events == [[SlotSet("pain_area", "1")]] * 2


def test_another_domain_is_sent_in_full() -> None:
    calls, results = served(ActionServer(free_port()), [DOMAIN, OTHER_DOMAIN, DOMAIN])
    first, other = domain_digest.digest(DOMAIN), domain_digest.digest(OTHER_DOMAIN)
    assert first != other
    assert calls == [(True, first), (True, other), (True, first)]
    assert [events[0].value for events in results] == ["1", "2", "1"]


def test_other_errors_are_not_sent_again() -> None:
    server = ActionServer(free_port(), fail_with=500)
    with pytest.raises(RasaException):
        served(server, [DOMAIN])
    assert server.calls == [(True, domain_digest.digest(DOMAIN))]  # sent once, not again
