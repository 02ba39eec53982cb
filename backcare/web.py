"""`python -m backcare.web`: serve the chat page on WEB_PORT and tell it where Rasa listens."""

from __future__ import annotations

import os

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from backcare.settings import PROJECT_ROOT


async def widget_config(_request: Request) -> JSONResponse:
    return JSONResponse({"rasaUrl": f"http://127.0.0.1:{os.environ.get('RASA_PORT', '5005')}"})


def create_app() -> Starlette:
    return Starlette(
        routes=[
            Route("/config.json", widget_config),
            Mount("/", StaticFiles(directory=PROJECT_ROOT / "web", html=True)),
        ]
    )


if __name__ == "__main__":
    uvicorn.run(create_app(), host="127.0.0.1", port=int(os.environ.get("WEB_PORT", "8080")))
