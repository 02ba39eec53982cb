"""Write and read the audit log: who viewed, exported, annotated or deleted what, and when."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from backcare.review.models import AuditEntry


def record(session: Session, actor: str, action: str, target: str = "", /, **detail: Any) -> None:
    """Add an entry to the caller's transaction (the caller commits)."""
    session.add(AuditEntry(actor=actor, action=action, target=target[:300], detail=detail))


def conversation_target(conversation_id: int, sender_id: str) -> str:
    return f"conversation {conversation_id} (sender {sender_id})"


def audit_page(
    session: Session, page: int, per_page: int, action: str = "", actor: str = ""
) -> tuple[Sequence[AuditEntry], int]:
    """Newest first, optionally for one action or one actor; returns the page and the total."""
    conditions = []
    if action:
        conditions.append(AuditEntry.action == action)
    if actor:
        conditions.append(AuditEntry.actor == actor)
    total = session.scalar(select(func.count()).select_from(AuditEntry).where(*conditions)) or 0
    entries = session.scalars(
        select(AuditEntry)
        .where(*conditions)
        .order_by(AuditEntry.id.desc())
        .limit(per_page)
        .offset((page - 1) * per_page)
    ).all()
    return entries, total


def audit_actions(session: Session) -> list[str]:
    return list(session.scalars(select(AuditEntry.action).distinct().order_by(AuditEntry.action)))
