"""Topic corrections: a clinician points one of the person's messages to the education topic
that should have answered it, or says no topic should (the honest "can't help" line was
right). Exported with `python -m backcare.review.admin export-topic-corrections` as
data/knowledge/topic_corrections.yml, which the topic search reads once it is reviewed and
loaded (`make corrections`, then `make db`).

The message is stored as the review app masks it (e-mail addresses and phone numbers hidden)
whatever the clinician was shown, and so is the training question the clinician may shorten
from it: the training data never carries a contact. Names and other details in free text are
not detected: the clinician cuts them from the question, and whoever commits the file reads
it first. Clinicians' notes stay in the review app; they are not exported.

Functions take a session and never commit."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import yaml
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from backcare.knowledge.models import EducationTopic
from backcare.knowledge.schema import MAX_CORRECTED_QUESTION_CHARS, TopicCorrectionsFile
from backcare.review.annotations import MAX_NOTE_LENGTH, AnnotationError
from backcare.review.audit import record
from backcare.review.masking import mask_contacts
from backcare.review.models import Conversation, TopicCorrection, utcnow

# The form's value for "no topic: the honest line was right" (never a slug: slugs have no
# brackets).
NO_TOPIC = "(none)"
# Who may correct: the review roles that annotate conversations.
REVIEWER_ROLES = frozenset({"clinician", "admin"})
EXPORT_HEADER = """\
# Questions clinicians pointed, in the review app, to the education topic that should have
# answered them; `topic: null` lists questions no topic answers (the honest "can't help" line
# was right). Written by `make corrections` from the review database, then read and committed
# by whoever retrains (docs/review.md). Text is masked (no e-mail addresses or phone numbers)
# and lower case. The topic search (backcare/knowledge/topic_search.py) reads it.
"""


def topic_titles(session: Session) -> dict[str, str]:
    """Every education topic in the knowledge base, slug to title, in order of title."""
    topics = session.execute(
        select(EducationTopic.slug, EducationTopic.title).order_by(EducationTopic.title)
    )
    return {slug: title for slug, title in topics}


def clean_text(text: str) -> str:
    """Single-spaced, with contacts masked."""
    return mask_contacts(" ".join(text.split()))


def set_topic_correction(
    session: Session,
    conversation: Conversation,
    *,
    event_id: int,
    event_time: float,
    message: str,
    topic_slug: str | None,
    question: str,
    note: str,
    author: str,
) -> TopicCorrection:
    """Record (or replace) the topic that should have answered one message (None: no topic).
    `question` is the training text, the masked message when left empty."""
    if topic_slug is not None and topic_slug not in topic_titles(session):
        raise AnnotationError(f"{topic_slug!r} is not an education topic")
    message = clean_text(message)
    question = clean_text(question) or message
    if not question or len(question) > MAX_CORRECTED_QUESTION_CHARS:
        raise AnnotationError(f"the question needs 1 to {MAX_CORRECTED_QUESTION_CHARS} characters")
    note = note.strip()
    if len(note) > MAX_NOTE_LENGTH:
        raise AnnotationError(f"a note has at most {MAX_NOTE_LENGTH} characters")
    correction = session.scalar(
        select(TopicCorrection).where(TopicCorrection.event_id == event_id)
    ) or TopicCorrection(conversation_id=conversation.id, event_id=event_id)
    correction.event_time = event_time
    correction.message_text = message
    correction.question = question
    correction.topic_slug = topic_slug
    correction.note = note or None
    correction.author = author
    correction.corrected_at = utcnow()
    session.add(correction)
    return correction


def remove_topic_correction(
    session: Session, conversation: Conversation, event_id: int
) -> TopicCorrection | None:
    correction = session.scalar(
        select(TopicCorrection).where(
            TopicCorrection.conversation_id == conversation.id,
            TopicCorrection.event_id == event_id,
        )
    )
    if correction is not None:
        session.delete(correction)
    return correction


def topic_corrections_by_event(
    session: Session, conversation: Conversation
) -> dict[int, TopicCorrection]:
    found = session.scalars(
        select(TopicCorrection).where(TopicCorrection.conversation_id == conversation.id)
    )
    return {correction.event_id: correction for correction in found}


def all_topic_corrections(session: Session) -> Sequence[TopicCorrection]:
    """Oldest first, so a later correction of the same question wins."""
    return session.scalars(
        select(TopicCorrection).order_by(TopicCorrection.corrected_at, TopicCorrection.id)
    ).all()


def training_question(text: str) -> str:
    """Lower case, single-spaced, within the length the schema allows."""
    return " ".join(text.lower().split())[:MAX_CORRECTED_QUESTION_CHARS].strip()


def corrections_document(
    corrections: Sequence[TopicCorrection], topics: set[str]
) -> tuple[TopicCorrectionsFile, list[str]]:
    """The corrections as data/knowledge/topic_corrections.yml's content (validated by the
    schema), and warnings about what was left out: a topic no longer in the knowledge base,
    or a question corrected twice (the later correction wins)."""
    latest: dict[str, TopicCorrection] = {}
    warnings: list[str] = []
    for correction in corrections:
        question = training_question(correction.question)
        if correction.topic_slug is not None and correction.topic_slug not in topics:
            warnings.append(f"left out {question!r}: topic {correction.topic_slug!r} is gone")
            continue
        earlier = latest.get(question)
        if earlier is not None and earlier.topic_slug != correction.topic_slug:
            warnings.append(
                f"{question!r} was pointed to {earlier.topic_slug or 'no topic'} by "
                f"{earlier.author} and later to {correction.topic_slug or 'no topic'} by "
                f"{correction.author}: the later one is kept"
            )
        latest[question] = correction
    by_topic: dict[str | None, list[dict[str, object]]] = {}
    for question, correction in latest.items():
        by_topic.setdefault(correction.topic_slug, []).append(
            {
                "text": question,
                "reviewed_by": correction.author,
                "reviewed_on": correction.corrected_at.astimezone(UTC).date(),
            }
        )
    ordered = sorted(by_topic, key=lambda slug: (slug is None, slug or ""))
    document = TopicCorrectionsFile.model_validate(
        {
            "version": 1,
            "corrections": [
                {"topic": slug, "questions": sorted(by_topic[slug], key=lambda q: str(q["text"]))}
                for slug in ordered
            ],
        }
    )
    return document, warnings


def corrections_yaml(document: TopicCorrectionsFile, exported_at: str = "") -> str:
    body = yaml.safe_dump(
        document.model_dump(mode="python"), sort_keys=False, allow_unicode=True, width=100
    )
    stamp = f"# Exported {exported_at}.\n" if exported_at else ""
    return EXPORT_HEADER + stamp + body


def export_topic_corrections(engine: Engine, out: Path, actor: str) -> tuple[int, list[str]]:
    """Write every topic correction in the review database to `out` as reviewed knowledge
    YAML, audited; returns how many questions were written and the warnings."""
    stamp = datetime.now(UTC).isoformat(timespec="seconds")
    with Session(engine) as session, session.begin():
        document, warnings = corrections_document(
            all_topic_corrections(session), set(topic_titles(session))
        )
        written = sum(len(c.questions) for c in document.corrections)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(corrections_yaml(document, stamp), encoding="utf-8")
        record(
            session,
            actor,
            "export_topic_corrections",
            str(out),
            questions=written,
            warnings=len(warnings),
        )
    return written, warnings
