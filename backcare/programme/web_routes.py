"""The chat page's programme answers (read from the app database), for backcare/web.py's
routes, which check the browser's key first and pass the conversation id:

- `GET /api/programme/{sender}/progress`: the check-ins' days and pain and the PEG scores, for
  the small chart drawn under "how am I doing?" (web/public/programme.js);
- `POST /api/programme/{sender}/due`: reminders sent while the person was away (the page has
  no push), now marked seen, so the page shows what is due when they come back.

With the database unreachable they answer as if there were nothing to show (and log it): the
chat itself must keep working.
"""

from __future__ import annotations

import logging

from sqlalchemy.exc import SQLAlchemyError
from starlette.responses import JSONResponse

from backcare.database import session_factory
from backcare.knowledge.queries import message
from backcare.programme import store
from backcare.programme.reminders import take_unseen
from backcare.programme.scheduler import REMINDER_MESSAGE

logger = logging.getLogger(__name__)


def progress(sender: str) -> JSONResponse:
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


def due(sender: str) -> JSONResponse:
    try:
        with session_factory()() as session:
            seen = take_unseen(session, sender)
            session.commit()
            text = message(session, REMINDER_MESSAGE) if seen else None
            return JSONResponse({"due": [text.text] if text else []})
    except SQLAlchemyError:
        logger.exception("reminders due unavailable")
        return JSONResponse({"due": []})
