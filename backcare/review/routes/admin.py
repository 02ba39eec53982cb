"""Admin only: read the audit log, and erase a conversation."""

from __future__ import annotations

from math import ceil
from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from backcare.review.audit import audit_actions, audit_page, record
from backcare.review.deps import AdminUser, DbSession, Tracker
from backcare.review.erasure import erase_conversation
from backcare.review.inputs import PageNumber, Text
from backcare.review.routes.conversations import conversation_or_404
from backcare.review.templating import render

router = APIRouter(prefix="/admin")
ENTRIES_PER_PAGE = 100


@router.get("/audit", response_class=HTMLResponse)
def audit_log(
    request: Request,
    session: DbSession,
    admin: AdminUser,
    page: PageNumber = 1,
    action: Annotated[str, Query(), Text(32)] = "",  # AuditEntry.action
    actor: Annotated[str, Query(), Text(254)] = "",  # AuditEntry.actor
) -> Response:
    entries, total = audit_page(session, page, ENTRIES_PER_PAGE, action=action, actor=actor)
    actions = audit_actions(session)
    record(
        session, admin.email, "view_audit_log", "audit log", page=page, action=action, actor=actor
    )
    session.commit()
    return render(
        request,
        "audit.html",
        {
            "user": admin,
            "entries": entries,
            "total": total,
            "page": page,
            "pages": max(1, ceil(total / ENTRIES_PER_PAGE)),
            "actions": actions,
            "filters": {"action": action, "actor": actor},
        },
    )


@router.post("/conversations/{conversation_id}/delete")
def delete_conversation(
    session: DbSession,
    admin: AdminUser,
    tracker: Tracker,
    conversation_id: str,
    confirm: Annotated[str, Form(), Text(255)] = "",  # Conversation.sender_id
) -> Response:
    conversation = conversation_or_404(session, conversation_id)
    if confirm != conversation.sender_id:
        raise HTTPException(400, "Type the conversation's sender id to confirm the deletion.")
    erase_conversation(session, tracker, conversation, admin.email)
    return RedirectResponse("/conversations?deleted=1", status_code=303)
