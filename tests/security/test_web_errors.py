"""The chat page's server: a 502 says the assistant is unreachable, never where or with what
token (httpx's error text carries the URL with `&token=…`)."""

from __future__ import annotations

import warnings

import httpx
import pytest
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route

from backcare import web
from tests.servers import free_port

warnings.filterwarnings("ignore", "Using `httpx` with `starlette.testclient`")
from starlette.testclient import TestClient  # noqa: E402

TOKEN = "s3cret-token-0123456789abcdef"
SENDER = "abcdef0123456789"
SECRET = b"web-session-secret-for-the-tests"
KEY = {web.KEY_HEADER: web.session_key(SECRET, SENDER)}


@pytest.mark.parametrize(
    "path", [f"/api/conversations/{SENDER}", f"/api/conversations/{SENDER}/state"]
)
def test_502_body_carries_no_url_or_token_when_rasa_is_down(
    monkeypatch: pytest.MonkeyPatch, path: str
) -> None:
    monkeypatch.setenv("RASA_AUTH_TOKEN", TOKEN)
    monkeypatch.setenv("RASA_URL", f"http://127.0.0.1:{free_port()}")  # nothing listens
    with TestClient(web.create_app(SECRET)) as client:
        response = client.get(path, headers=KEY)
    assert response.status_code == 502
    assert response.json() == {"error": "the assistant is unreachable"}
    assert TOKEN not in response.text and "127.0.0.1" not in response.text


def test_502_body_carries_no_url_or_token_when_rasa_refuses(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async def refuse(_request: object) -> JSONResponse:
        return JSONResponse({"message": "no"}, status_code=401)

    rasa = Starlette(routes=[Route("/conversations/{sender}/tracker", refuse)])
    monkeypatch.setenv("RASA_AUTH_TOKEN", TOKEN)
    monkeypatch.setenv("RASA_URL", "http://rasa.internal:5005")
    real_client = httpx.AsyncClient

    def to_fake_rasa(**kwargs: object) -> httpx.AsyncClient:
        return real_client(transport=httpx.ASGITransport(app=rasa), **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(web.httpx, "AsyncClient", to_fake_rasa)
    with TestClient(web.create_app(SECRET)) as client:
        response = client.get(f"/api/conversations/{SENDER}", headers=KEY)
    assert response.status_code == 502
    assert TOKEN not in response.text and "rasa.internal" not in response.text
