"""Questions outside the exercises (scans, medicines, treatments, work, sport, life stages):
the education topic that answers them, or one honest line on where to go."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.orm import Session

from actions.knowledge_action import Events, KnowledgeAction
from actions.rendering import topic_message
from backcare.knowledge.queries import topics_that_answer_questions
from backcare.knowledge.topic_search import TopicIndex

# A domain response: the honest line is sent even when no topic answers.
CANNOT_HELP = "utter_out_of_scope"


class ActionAnswerQuestion(KnowledgeAction):
    def name(self) -> str:
        return "action_answer_question"

    def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, session: Session
    ) -> Events:
        topics = topics_that_answer_questions(session)
        match = TopicIndex(topics).best(tracker.latest_message.get("text") or "")
        if match is None:
            dispatcher.utter_message(response=CANNOT_HELP)
            return []
        topic = next(t for t in topics if t.slug == match.slug)
        dispatcher.utter_message(text=topic_message(topic, detailed=True))
        return []
