"""The review app: FastAPI with server-rendered pages, one router per resource."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import PlainTextResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy.orm import sessionmaker
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.sessions import SessionMiddleware

from backcare.database import make_engine
from backcare.review.csrf import require_csrf_token
from backcare.review.deps import LoginRequired
from backcare.review.inputs import validation_failure
from backcare.review.routes import (
    account,
    accounts,
    admin,
    auth,
    conversations,
    dashboard,
    exports,
    programme,
    reviewing,
    topic_corrections,
)
from backcare.review.security_headers import SecurityHeadersMiddleware
from backcare.review.settings import ReviewSettings
from backcare.review.templating import render

STATIC = Path(__file__).resolve().parent / "static"
SESSION_COOKIE = "backbone_review"
ROUTERS = tuple(
    module.router
    for module in (
        auth,
        account,
        conversations,
        reviewing,
        topic_corrections,
        exports,
        dashboard,
        programme,
        admin,
        accounts,
    )
)


def create_app(settings: ReviewSettings) -> FastAPI:
    app = FastAPI(
        title="Backbone clinician review", docs_url=None, redoc_url=None, openapi_url=None
    )
    app.state.settings = settings
    app.state.sessions = sessionmaker(make_engine(settings.database_url), expire_on_commit=False)
    app.state.tracker = make_engine(settings.tracker_db_url)
    app.add_middleware(
        SessionMiddleware,
        secret_key=settings.secret_key,
        session_cookie=SESSION_COOKIE,
        max_age=settings.session_hours * 3600,
        same_site="lax",
        https_only=settings.https,
    )
    app.add_middleware(SecurityHeadersMiddleware)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for router in ROUTERS:
        app.include_router(router, dependencies=[Depends(require_csrf_token)])
    app.add_exception_handler(LoginRequired, _to_login)
    app.add_exception_handler(StarletteHTTPException, _error_page)
    app.add_exception_handler(RequestValidationError, _invalid_input)

    @app.get("/", include_in_schema=False)
    def home() -> RedirectResponse:
        return RedirectResponse("/conversations", status_code=303)

    return app


async def _to_login(request: Request, _error: Exception) -> Response:
    if request.method != "GET":
        return PlainTextResponse("Sign in first.", status_code=401)
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return RedirectResponse(f"/login?next={quote(target, safe='')}", status_code=303)


async def _error_page(request: Request, error: Exception) -> Response:
    assert isinstance(error, StarletteHTTPException)
    return render(
        request,
        "error.html",
        {"status": error.status_code, "detail": error.detail},
        status_code=error.status_code,
    )


async def _invalid_input(request: Request, error: Exception) -> Response:
    """A missing, wrong-typed or out-of-range parameter: 400 (404 in the path) with one line,
    instead of FastAPI's 422 with its JSON."""
    assert isinstance(error, RequestValidationError)
    status, reason = validation_failure(error.errors())
    return render(request, "error.html", {"status": status, "detail": reason}, status_code=status)
