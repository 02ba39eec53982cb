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

logger = logging.getLogger(__name__)

Events = list[dict[str, Any]]


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
        except SQLAlchemyError:
            logger.exception("Knowledge base unavailable in %s", self.name())
            dispatcher.utter_message(response="utter_lookup_unavailable")
            return []

    @abstractmethod
    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, session: Session) -> Events:
        """Reply from the knowledge base and return the events to apply."""


def latest_entity_values(tracker: Tracker, entity: str) -> list[str]:
    return [str(value) for value in tracker.get_latest_entity_values(entity)]
