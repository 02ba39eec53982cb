"""The chat page's programme routes (served by backcare/web.py, read from the app database):

- `GET /api/programme/{sender}/progress`: the check-ins' days and pain and the PEG scores, for
  the small chart drawn under "how am I doing?" (web/public/programme.js);
- `POST /api/programme/{sender}/due`: reminders sent while the person was away (the page has
  no push), now marked seen, so the page shows what is due when they come back.

Like the conversation routes, they answer only for sender ids shaped like the page's own.
With the database unreachable they answer as if there were nothing to show (and log it): the
chat itself must keep working.
"""

from __future__ import annotations

import logging
import re

from sqlalchemy.exc import SQLAlchemyError
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from backcare.database import session_factory
from backcare.knowledge.queries import message
from backcare.programme import store
from backcare.programme.reminders import take_unseen
from backcare.programme.scheduler import REMINDER_MESSAGE

logger = logging.getLogger(__name__)
SENDER_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")


def _bad_sender(sender: str) -> JSONResponse | None:
    if SENDER_ID.fullmatch(sender):
        return None
    return JSONResponse({"error": "invalid sender id"}, status_code=400)


def progress(request: Request) -> JSONResponse:
    sender = request.path_params["sender"]
    if refused := _bad_sender(sender):
        return refused
    try:
        with session_factory()() as session:
            plan = store.plan_of(session, sender)
            if plan is None:
                return JSONResponse({"check_ins": [], "outcomes": []})
            return JSONResponse(
                {
                    "week": store.week_number(plan),
                    "check_ins": [{"at": c.at.isoformat(), "pain": c.pain} for c in plan.check_ins],
                    "outcomes": [{"at": o.at.isoformat(), "score": o.score} for o in plan.outcomes],
                }
            )
    except SQLAlchemyError:
        logger.exception("programme progress unavailable")
        return JSONResponse({"check_ins": [], "outcomes": []})


def due(request: Request) -> JSONResponse:
    sender = request.path_params["sender"]
    if refused := _bad_sender(sender):
        return refused
    try:
        with session_factory()() as session:
            seen = take_unseen(session, sender)
            session.commit()
            text = message(session, REMINDER_MESSAGE) if seen else None
            return JSONResponse({"due": [text.text] if text else []})
    except SQLAlchemyError:
        logger.exception("reminders due unavailable")
        return JSONResponse({"due": []})


ROUTES = [
    Route("/api/programme/{sender}/progress", progress),
    Route("/api/programme/{sender}/due", due, methods=["POST"]),
]
