"""The base of every action that reads the knowledge base."""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from backcare.database import session_factory
from backcare.knowledge.models import Exercise
from backcare.knowledge.queries import find_exercise, message

logger = logging.getLogger(__name__)

Events = list[dict[str, Any]]

# A domain response, so the same words serve when the database or the action server is down.
LOOKUP_UNAVAILABLE = "utter_lookup_unavailable"


class PhraseMissing(LookupError):
    """A phrase slug used by an action is not in data/knowledge/messages.yml."""


class KnowledgeAction(Action, ABC):
    """Runs `answer` with a database session; when the database is down, says so kindly.

    Abstract, so the SDK does not register it as an action of its own.
    """

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> Events:
        try:
            with session_factory()() as session:
                return self.answer(dispatcher, tracker, session)
        except (SQLAlchemyError, PhraseMissing):
            logger.exception("Knowledge base unavailable in %s", self.name())
            dispatcher.utter_message(response=LOOKUP_UNAVAILABLE)
            return []

    @abstractmethod
    def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, session: Session
    ) -> Events:
        """Reply from the knowledge base and return the events to apply."""


def latest_intent(tracker: Tracker) -> str:
    """The latest message's intent as the NLU (and the red-flag detector) decided it."""
    return str((tracker.latest_message.get("intent") or {}).get("name") or "")


def latest_entity_values(tracker: Tracker, entity: str) -> list[str]:
    return [str(value) for value in tracker.get_latest_entity_values(entity)]


def exercises_named(tracker: Tracker, session: Session) -> list[Exercise]:
    """The exercises the latest message names that the knowledge base knows, in order."""
    found = (find_exercise(session, name) for name in latest_entity_values(tracker, "exercise"))
    return [exercise for exercise in found if exercise is not None]


def say(dispatcher: CollectingDispatcher, session: Session, slug: str, **values: Any) -> None:
    """Send the phrase `slug` from the knowledge base, with its buttons and placeholders filled."""
    phrase = message(session, slug)
    if phrase is None:
        raise PhraseMissing(slug)
    dispatcher.utter_message(text=phrase.text.format(**values), buttons=phrase.buttons or None)


def phrase_text(session: Session, slug: str, **values: Any) -> str:
    """The words of the phrase `slug`, placeholders filled, to be sent inside another."""
    phrase = message(session, slug)
    if phrase is None:
        raise PhraseMissing(slug)
    return phrase.text.format(**values)
