"""What clinicians add to a conversation: notes, review marks, follow-up flags and intent
corrections. Functions take a session and never commit."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from backcare.review.masking import mask_contacts
from backcare.review.models import Conversation, IntentCorrection, Note, ReviewMark, utcnow

MAX_NOTE_LENGTH = 5000


class AnnotationError(ValueError):
    pass


def _mark(session: Session, conversation: Conversation) -> ReviewMark:
    if conversation.mark is None:
        conversation.mark = ReviewMark(follow_up=False)
        session.add(conversation.mark)
    return conversation.mark


def add_note(session: Session, conversation: Conversation, author: str, text: str) -> Note:
    text = text.strip()
    if not text or len(text) > MAX_NOTE_LENGTH:
        raise AnnotationError(f"a note needs 1 to {MAX_NOTE_LENGTH} characters")
    note = Note(conversation_id=conversation.id, author=author, text=text)
    session.add(note)
    return note


def set_reviewed(
    session: Session, conversation: Conversation, by: str, through_event_id: int | None
) -> None:
    """Reviewed up to the newest event the clinician saw (None: not reviewed). Anything said
    later makes the conversation unreviewed again."""
    mark = _mark(session, conversation)
    if through_event_id is not None:
        through_event_id = min(through_event_id, conversation.last_event_id)
    mark.reviewed_through_event_id = through_event_id
    mark.reviewed_by = by if through_event_id is not None else None
    mark.reviewed_at = utcnow() if through_event_id is not None else None


def set_follow_up(session: Session, conversation: Conversation, by: str, wanted: bool) -> None:
    mark = _mark(session, conversation)
    mark.follow_up = wanted
    mark.follow_up_by = by if wanted else None


def correct_intent(
    session: Session,
    conversation: Conversation,
    *,
    event_id: int,
    predicted: str | None,
    corrected: str,
    example: str,
    author: str,
) -> IntentCorrection:
    """Record (or replace) the right intent for one message. The example is stored masked, so
    training data never carries an e-mail address or phone number."""
    example = mask_contacts(" ".join(example.split()))
    if not example:
        raise AnnotationError("the example text is empty")
    correction = session.scalar(
        select(IntentCorrection).where(IntentCorrection.event_id == event_id)
    ) or IntentCorrection(conversation_id=conversation.id, event_id=event_id)
    correction.predicted_intent = predicted
    correction.corrected_intent = corrected
    correction.example = example
    correction.author = author
    correction.created_at = utcnow()
    session.add(correction)
    return correction


def notes_of(session: Session, conversation: Conversation) -> Sequence[Note]:
    return session.scalars(
        select(Note).where(Note.conversation_id == conversation.id).order_by(Note.id)
    ).all()


def corrections_by_event(
    session: Session, conversation: Conversation
) -> dict[int, IntentCorrection]:
    found = session.scalars(
        select(IntentCorrection).where(IntentCorrection.conversation_id == conversation.id)
    )
    return {correction.event_id: correction for correction in found}


def all_corrections(session: Session) -> Sequence[IntentCorrection]:
    return session.scalars(
        select(IntentCorrection).order_by(IntentCorrection.corrected_intent, IntentCorrection.id)
    ).all()
