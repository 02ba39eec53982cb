"""Forms beside each of the person's messages: point it to the education topic that should
have answered it (or to none), change that, remove it. Each is audited and answers with a
redirect back to the message."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException
from fastapi.responses import RedirectResponse

from backcare.review.annotations import MAX_NOTE_LENGTH, AnnotationError
from backcare.review.audit import conversation_target, record
from backcare.review.deps import CurrentUser, DbSession, Tracker
from backcare.review.inputs import MAX_TEXT_CHARS, FormInt, Text
from backcare.review.models import User
from backcare.review.routes.conversations import conversation_or_404
from backcare.review.routes.reviewing import back_to
from backcare.review.topic_corrections import (
    NO_TOPIC,
    REVIEWER_ROLES,
    remove_topic_correction,
    set_topic_correction,
)
from backcare.review.tracker_store import events_of

router = APIRouter()
MAX_TOPIC_CHARS = 64  # TopicCorrection.topic_slug


def reviewer(user: CurrentUser) -> User:
    """A clinician or an admin: the roles that annotate conversations."""
    if user.role not in REVIEWER_ROLES:
        raise HTTPException(status_code=403, detail="Only a clinician can correct a topic.")
    return user


Reviewer = Annotated[User, Depends(reviewer)]


@router.post("/conversations/{conversation_id}/topic-corrections")
def post_topic_correction(
    session: DbSession,
    user: Reviewer,
    tracker: Tracker,
    conversation_id: str,
    event_id: FormInt,
    topic: Annotated[str, Form(), Text(MAX_TOPIC_CHARS)],
    question: Annotated[str, Form(), Text(MAX_TEXT_CHARS)] = "",
    note: Annotated[str, Form(), Text(MAX_NOTE_LENGTH)] = "",
) -> RedirectResponse:
    conversation = conversation_or_404(session, conversation_id)
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
    slug = None if topic == NO_TOPIC else topic
    try:
        correction = set_topic_correction(
            session,
            conversation,
            event_id=event_id,
            event_time=message.timestamp,
            message=str(message.data.get("text") or ""),
            topic_slug=slug,
            question=question,
            note=note,
            author=user.email,
        )
    except AnnotationError as error:
        raise HTTPException(400, str(error)) from None
    record(
        session,
        user.email,
        "correct_topic",
        conversation_target(conversation.id, conversation.sender_id),
        event_id=event_id,
        topic=slug,
        question=correction.question,
    )
    session.commit()
    return back_to(conversation.id, f"#turn-{event_id}")


@router.post("/conversations/{conversation_id}/topic-corrections/remove")
def post_topic_correction_removal(
    session: DbSession,
    user: Reviewer,
    conversation_id: str,
    event_id: FormInt,
) -> RedirectResponse:
    conversation = conversation_or_404(session, conversation_id)
    removed = remove_topic_correction(session, conversation, event_id)
    if removed is None:
        raise HTTPException(404, "That message has no topic correction.")
    record(
        session,
        user.email,
        "remove_topic_correction",
        conversation_target(conversation.id, conversation.sender_id),
        event_id=event_id,
        topic=removed.topic_slug,
    )
    session.commit()
    return back_to(conversation.id, f"#turn-{event_id}")
