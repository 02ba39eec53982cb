"""The dashboard: figures in tables, and charts drawn from the same figures (embedded as JSON)
by the vendored Chart.js."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from backcare.review.audit import record
from backcare.review.deps import CurrentUser, DbSession, SyncedTracker
from backcare.review.statistics import dashboard_figures
from backcare.review.templating import render

router = APIRouter()


@router.get("/dashboard", response_class=HTMLResponse)
def dashboard(
    request: Request, session: DbSession, user: CurrentUser, _tracker: SyncedTracker
) -> Response:
    figures = dashboard_figures(session)
    record(session, user.email, "dashboard", "dashboard")
    session.commit()
    return render(request, "dashboard.html", {"user": user, "figures": figures})
