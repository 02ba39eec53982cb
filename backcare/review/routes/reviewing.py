"""Forms on a transcript: add a note, mark reviewed, flag for follow-up, correct an intent.
Each is audited and answers with a redirect back to the transcript."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, HTTPException
from fastapi.responses import RedirectResponse

from backcare.review.annotations import (
    MAX_NOTE_LENGTH,
    AnnotationError,
    add_note,
    correct_intent,
    set_follow_up,
    set_reviewed,
)
from backcare.review.audit import conversation_target, record
from backcare.review.deps import CurrentUser, DbSession, Tracker
from backcare.review.domain_intents import known_intents
from backcare.review.inputs import MAX_TEXT_CHARS, FormInt, Text
from backcare.review.routes.conversations import conversation_or_404
from backcare.review.tracker_store import events_of

router = APIRouter()
MAX_INTENT_CHARS = 255  # IntentCorrection.corrected_intent


def back_to(conversation_id: int, anchor: str = "") -> RedirectResponse:
    return RedirectResponse(f"/conversations/{conversation_id}{anchor}", status_code=303)


@router.post("/conversations/{conversation_id}/notes")
def post_note(
    session: DbSession,
    user: CurrentUser,
    conversation_id: str,
    text: Annotated[str, Form(), Text(MAX_NOTE_LENGTH)],
) -> RedirectResponse:
    conversation = conversation_or_404(session, conversation_id)
    try:
        note = add_note(session, conversation, user.email, text)
    except AnnotationError as error:
        raise HTTPException(400, str(error)) from None
    session.flush()
    record(
        session,
        user.email,
        "note",
        conversation_target(conversation.id, conversation.sender_id),
        note_id=note.id,
    )
    session.commit()
    return back_to(conversation.id, "#notes")


@router.post("/conversations/{conversation_id}/review")
def post_review(
    session: DbSession,
    user: CurrentUser,
    conversation_id: str,
    reviewed: Annotated[bool, Form()],
    seen_through_event_id: FormInt,
) -> RedirectResponse:
    """Reviewed through the newest event on the page the clinician read, not any that came
    after it."""
    conversation = conversation_or_404(session, conversation_id)
    through = seen_through_event_id if reviewed else None
    set_reviewed(session, conversation, user.email, through)
    record(
        session,
        user.email,
        "review" if reviewed else "unreview",
        conversation_target(conversation.id, conversation.sender_id),
        through_event_id=through,
    )
    session.commit()
    return back_to(conversation.id)


@router.post("/conversations/{conversation_id}/follow-up")
def post_follow_up(
    session: DbSession,
    user: CurrentUser,
    conversation_id: str,
    follow_up: Annotated[bool, Form()],
) -> RedirectResponse:
    conversation = conversation_or_404(session, conversation_id)
    set_follow_up(session, conversation, user.email, follow_up)
    record(
        session,
        user.email,
        "follow_up" if follow_up else "follow_up_cleared",
        conversation_target(conversation.id, conversation.sender_id),
    )
    session.commit()
    return back_to(conversation.id)


@router.post("/conversations/{conversation_id}/corrections")
def post_correction(
    session: DbSession,
    user: CurrentUser,
    tracker: Tracker,
    conversation_id: str,
    event_id: FormInt,
    intent: Annotated[str, Form(), Text(MAX_INTENT_CHARS)],
    example: Annotated[str, Form(), Text(MAX_TEXT_CHARS)],
) -> RedirectResponse:
    conversation = conversation_or_404(session, conversation_id)
    if intent not in known_intents():
        raise HTTPException(400, f"{intent!r} is not an intent in the domain.")
    message = next(
        (
            event
            for event in events_of(tracker, conversation.sender_id)
            if event.id == event_id and event.type_name == "user"
        ),
        None,
    )
    if message is None:
        raise HTTPException(400, "That message is not in this conversation.")
    predicted = ((message.data.get("parse_data") or {}).get("intent") or {}).get("name")
    try:
        correct_intent(
            session,
            conversation,
            event_id=event_id,
            predicted=predicted,
            corrected=intent,
            example=example,
            author=user.email,
        )
    except AnnotationError as error:
        raise HTTPException(400, str(error)) from None
    record(
        session,
        user.email,
        "correct_intent",
        conversation_target(conversation.id, conversation.sender_id),
        event_id=event_id,
        predicted=predicted,
        corrected=intent,
    )
    session.commit()
    return back_to(conversation.id, f"#turn-{event_id}")
