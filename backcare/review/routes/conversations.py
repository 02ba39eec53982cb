"""The conversation list, a transcript (masked, or unmasked on request) and its printable form.
Every view is written to the audit log."""

from __future__ import annotations

from math import ceil
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from backcare.programme.store import plan_of
from backcare.review.annotations import corrections_by_event, notes_of
from backcare.review.audit import conversation_target, record
from backcare.review.conversation_list import (
    PER_PAGE,
    ListFilters,
    conversations_page,
    count_conversations,
    filter_choices,
)
from backcare.review.deps import CurrentUser, DbSession, SyncedTracker
from backcare.review.domain_intents import known_intents
from backcare.review.inputs import PageNumber, row_or_404
from backcare.review.models import Conversation, User
from backcare.review.templating import render
from backcare.review.topic_corrections import topic_corrections_by_event, topic_titles
from backcare.review.tracker_store import events_of
from backcare.review.transcript import build_turns

router = APIRouter()
Filters = Annotated[ListFilters, Depends(ListFilters)]


def conversation_or_404(session: Session, conversation_id: str) -> Conversation:
    """The conversation a path's id names (any text: a malformed id names none)."""
    return row_or_404(
        session, Conversation, conversation_id, "No such conversation (it may have been deleted)."
    )


@router.get("/conversations", response_class=HTMLResponse)
def list_conversations(
    request: Request,
    session: DbSession,
    user: CurrentUser,
    _tracker: SyncedTracker,
    filters: Filters,
    page: PageNumber = 1,
) -> Response:
    total = count_conversations(session, filters)
    conversations = conversations_page(session, filters, page)
    record(session, user.email, "list", "conversations", filters=filters.active(), page=page)
    session.commit()
    return render(
        request,
        "conversations.html",
        {
            "user": user,
            "conversations": conversations,
            "total": total,
            "page": page,
            "pages": max(1, ceil(total / PER_PAGE)),
            "filters": filters.active(),
            "choices": filter_choices(session),
        },
    )


def audited_transcript(
    request: Request,
    session: Session,
    user: User,
    tracker: Engine,
    conversation_id: str,
    action: str,
    *,
    masked: bool,
    template: str = "transcript.html",
) -> Response:
    """Record who looked at the conversation and how, then show it."""
    conversation = conversation_or_404(session, conversation_id)
    record(
        session, user.email, action, conversation_target(conversation.id, conversation.sender_id)
    )
    session.commit()
    return render(
        request,
        template,
        {
            "user": user,
            "conversation": conversation,
            "turns": build_turns(events_of(tracker, conversation.sender_id), masked=masked),
            "masked": masked,
            "notes": notes_of(session, conversation),
            "corrections": corrections_by_event(session, conversation),
            "intents": known_intents(),
            "programme": plan_of(session, conversation.sender_id),
            "topic_corrections": topic_corrections_by_event(session, conversation),
            "topics": topic_titles(session),
        },
    )


@router.get("/conversations/{conversation_id}", response_class=HTMLResponse)
def view_conversation(
    request: Request,
    session: DbSession,
    user: CurrentUser,
    tracker: SyncedTracker,
    conversation_id: str,
) -> Response:
    return audited_transcript(request, session, user, tracker, conversation_id, "view", masked=True)


@router.post("/conversations/{conversation_id}/unmask", response_class=HTMLResponse)
def unmask_conversation(
    request: Request,
    session: DbSession,
    user: CurrentUser,
    tracker: SyncedTracker,
    conversation_id: str,
) -> Response:
    return audited_transcript(
        request, session, user, tracker, conversation_id, "unmask", masked=False
    )


@router.get("/conversations/{conversation_id}/print", response_class=HTMLResponse)
def print_conversation(
    request: Request,
    session: DbSession,
    user: CurrentUser,
    tracker: SyncedTracker,
    conversation_id: str,
) -> Response:
    return audited_transcript(
        request,
        session,
        user,
        tracker,
        conversation_id,
        "print",
        masked=True,
        template="print.html",
    )
