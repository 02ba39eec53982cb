"""The programme queue: people whose pain is getting worse or who told a new symptom during a
check-in, the longest waiting first, until a clinician marks them handled. Each view and each
"handled" is written to the audit log."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select

from backcare.programme import store
from backcare.programme.models import Plan
from backcare.review.audit import record
from backcare.review.deps import CurrentUser, DbSession, SyncedTracker
from backcare.review.inputs import row_or_404
from backcare.review.models import Conversation
from backcare.review.templating import render

router = APIRouter()


@dataclass(frozen=True)
class QueueEntry:
    plan: Plan
    latest_pain: int | None
    week: int
    conversation_id: int | None


@router.get("/programme/queue", response_class=HTMLResponse)
def programme_queue(
    request: Request, session: DbSession, user: CurrentUser, _tracker: SyncedTracker
) -> Response:
    plans = store.concern_queue(session)
    rows = session.execute(
        select(Conversation.sender_id, Conversation.id).where(
            Conversation.sender_id.in_([plan.sender_id for plan in plans])
        )
    )
    conversations = {sender: number for sender, number in rows}
    entries = [
        QueueEntry(
            plan=plan,
            latest_pain=plan.check_ins[-1].pain if plan.check_ins else None,
            week=store.week_number(plan),
            conversation_id=conversations.get(plan.sender_id),
        )
        for plan in plans
    ]
    record(session, user.email, "list", "programme_queue", people=len(entries))
    session.commit()
    return render(request, "programme_queue.html", {"user": user, "entries": entries})


@router.post("/programme/queue/{plan_id}/handled")
def mark_handled(session: DbSession, user: CurrentUser, plan_id: str) -> RedirectResponse:
    """A clinician has looked at the person: out of the queue until a new worrying check-in."""
    plan = row_or_404(session, Plan, plan_id, "No such programme (it may have been erased).")
    record(
        session,
        user.email,
        "programme_handled",
        f"programme {plan.id} (sender {plan.sender_id})",
        concern=plan.concern,
    )
    plan.concern, plan.concern_since = None, None
    session.commit()
    return RedirectResponse("/programme/queue", status_code=303)
