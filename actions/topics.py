"""Which education topic a message names, or answers best: one index, read by every action."""

from __future__ import annotations

from sqlalchemy.orm import Session

from backcare.knowledge.models import EducationTopic
from backcare.knowledge.queries import education_topic, topic_index
from backcare.knowledge.topic_search import Match


def topic_named_in(session: Session, text: str) -> EducationTopic | None:
    """The topic whose subject the message names ("epidural", "spinal fusion"), or that
    clinicians chose for a message nearly the same, if any."""
    slugs, index = topic_index(session)
    return matched_topic(session, slugs, index.recognised(text))


def matched_topic(
    session: Session, slugs: tuple[str, ...], match: Match | None
) -> EducationTopic | None:
    """The matched topic, if it is one of those the search was built from."""
    if match is None or match.slug not in slugs:
        return None
    return education_topic(session, match.slug)
