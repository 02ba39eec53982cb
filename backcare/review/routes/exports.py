"""Downloads: one conversation or a filtered set as CSV or JSON (masked, streamed), and the
intent corrections as Rasa NLU YAML. Every export is audited with what it contained. Exports are
POSTs, so each needs the session's CSRF token: a link or image on another site cannot make a
signed-in clinician's browser download (and the audit log record) an export."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from typing import Literal

from fastapi import APIRouter
from fastapi.responses import Response, StreamingResponse
from sqlalchemy import Engine

from backcare.review.annotations import all_corrections
from backcare.review.audit import conversation_target, record
from backcare.review.conversation_list import all_matching
from backcare.review.deps import CurrentUser, DbSession, SyncedTracker
from backcare.review.export_formats import conversation_document, csv_rows, csv_text, nlu_yaml
from backcare.review.models import Conversation
from backcare.review.routes.conversations import Filters, conversation_or_404
from backcare.review.summaries import batched
from backcare.review.tracker_store import conversation_events
from backcare.review.transcript import build_turns

router = APIRouter()
Format = Literal["csv", "json"]
MEDIA_TYPES = {"csv": "text/csv; charset=utf-8", "json": "application/json"}
CONVERSATIONS_PER_READ = 200


def _download(body: Iterator[str] | str, fmt: str, filename: str) -> Response:
    headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
    if isinstance(body, str):
        return Response(body, media_type=MEDIA_TYPES[fmt], headers=headers)
    return StreamingResponse(body, media_type=MEDIA_TYPES[fmt], headers=headers)


def _export_lines(
    conversations: Sequence[Conversation], tracker: Engine, fmt: str, header: dict
) -> Iterator[str]:
    """The export piece by piece, reading events for a few hundred conversations at a time."""
    if fmt == "csv":
        yield csv_text([], header=True)
    else:
        yield json.dumps(header)[:-1] + ', "conversations": ['  # the header object, left open
    written = 0
    for chunk in batched((c.sender_id for c in conversations), CONVERSATIONS_PER_READ):
        with tracker.connect() as connection:
            events = dict(conversation_events(connection, chunk))
        for conversation in conversations[written : written + len(chunk)]:
            turns = build_turns(events.get(conversation.sender_id, []), masked=True)
            if fmt == "csv":
                yield csv_text(csv_rows(conversation, turns))
            else:
                separator = ", " if written else ""
                yield separator + json.dumps(conversation_document(conversation, turns))
            written += 1
    if fmt == "json":
        yield "]}\n"


def _stamp() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@router.post("/conversations/{conversation_id}/export.{fmt}")
def export_conversation(
    session: DbSession,
    user: CurrentUser,
    tracker: SyncedTracker,
    conversation_id: str,
    fmt: Format,
) -> Response:
    conversation = conversation_or_404(session, conversation_id)
    record(
        session,
        user.email,
        f"export_{fmt}",
        conversation_target(conversation.id, conversation.sender_id),
    )
    session.commit()
    header = {"exported_at": _stamp(), "exported_by": user.email}
    body = "".join(_export_lines([conversation], tracker, fmt, header))
    return _download(body, fmt, f"backbone-conversation-{conversation.id}.{fmt}")


@router.post("/exports/conversations.{fmt}")
def export_conversations(
    session: DbSession, user: CurrentUser, tracker: SyncedTracker, filters: Filters, fmt: Format
) -> Response:
    conversations = all_matching(session, filters)
    record(
        session,
        user.email,
        f"export_{fmt}",
        f"{len(conversations)} conversations",
        filters=filters.active(),
        conversation_ids=[c.id for c in conversations],
    )
    session.commit()
    header = {"exported_at": _stamp(), "exported_by": user.email, "filters": filters.active()}
    lines = _export_lines(conversations, tracker, fmt, header)
    return _download(lines, fmt, f"backbone-conversations.{fmt}")


@router.post("/exports/corrections.yml")
def export_corrections(session: DbSession, user: CurrentUser) -> Response:
    corrections = all_corrections(session)
    record(session, user.email, "export_corrections", f"{len(corrections)} corrections")
    session.commit()
    body = nlu_yaml(corrections, exported_on=_stamp())
    return Response(
        body,
        media_type="application/x-yaml",
        headers={"Content-Disposition": 'attachment; filename="review_corrections.yml"'},
    )
