"""A minimal socket.io client over Engine.IO 4 long-polling (what the chat page uses), with
httpx only: the app environment has no socket.io client."""

from __future__ import annotations

import json
import time
from typing import Any

import httpx

SEPARATOR = "\x1e"


class PollingClient:
    def __init__(self, base_url: str, headers: dict[str, str] | None = None) -> None:
        self.url = base_url.rstrip("/") + "/socket.io/"
        self.http = httpx.Client(timeout=30, headers=headers)
        opened = self.http.get(self.url, params={"EIO": "4", "transport": "polling"})
        opened.raise_for_status()
        assert opened.text.startswith("0"), opened.text
        self.sid = json.loads(opened.text[1:])["sid"]
        self._post("40")
        self.events: list[tuple[str, Any]] = []
        self.wait_for(lambda: self.connected, timeout=10)

    connected = False

    def _params(self) -> dict[str, str]:
        return {"EIO": "4", "transport": "polling", "sid": self.sid, "t": str(time.time())}

    def _post(self, packet: str) -> None:
        self.http.post(self.url, params=self._params(), content=packet.encode()).raise_for_status()

    def emit(self, event: str, data: Any) -> None:
        self._post("42" + json.dumps([event, data]))

    def poll(self, timeout: float | None = None) -> None:
        """One long-poll; with `timeout`, nothing waiting for this socket returns nothing."""
        try:
            body = self.http.get(self.url, params=self._params(), timeout=timeout or 30).text
        except httpx.ReadTimeout:
            if timeout is None:
                raise
            return
        for packet in body.split(SEPARATOR):
            if packet.startswith("40"):
                self.connected = True
            elif packet.startswith("42"):
                name, *args = json.loads(packet[2:])
                self.events.append((name, args[0] if args else None))
            elif packet == "2":  # ping
                self._post("3")

    def wait_for(self, condition: Any, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError(f"socket.io: condition not met; events {self.events}")
            self.poll()

    def received(self, name: str) -> list[Any]:
        return [data for event, data in self.events if event == name]

    def close(self) -> None:
        try:
            self._post("1")
        except httpx.HTTPStatusError:
            pass  # the server already dropped it (e.g. after a long-poll given up on)
        finally:
            self.http.close()
