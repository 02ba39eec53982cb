"""Right to erasure: remove a conversation from the tracker store and everything the review app
holds about it (summary, marks, notes, corrections), the person's programme (plan, check-ins,
outcome answers, reminders), and record the deletion in the audit log."""

from __future__ import annotations

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from backcare.programme.store import erase_person
from backcare.review import tracker_store
from backcare.review.audit import conversation_target, record
from backcare.review.models import Conversation
from backcare.review.summaries import sync_lock


def erase_conversation(
    session: Session, tracker: Engine, conversation: Conversation, admin_email: str
) -> int:
    """Commits both databases (the tracker store's delete once the review rows are flushed) and
    returns how many tracker events were deleted."""
    target = conversation_target(conversation.id, conversation.sender_id)
    with sync_lock:
        session.delete(conversation)
        erase_person(session, conversation.sender_id)
        session.flush()
        removed = tracker_store.erase_conversation(tracker, conversation.sender_id)
        record(session, admin_email, "delete_conversation", target, tracker_events_deleted=removed)
        session.commit()
    return removed
