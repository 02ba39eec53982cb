"""A question about the exercise shown in the last reply ("what if my knee won't go down?", "is
it ok if my knees click?"): its answer, not the card again or the screening questions.

The questions and their answers are data (data/knowledge/messages.yml, `follow_ups`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.orm import Session

from actions.knowledge_action import Events, exercises_named, say
from actions.parsing import prepare
from actions.teaching_gate import withhold_teaching
from backcare.knowledge.loader import read_follow_ups
from backcare.knowledge.models import Exercise
from backcare.knowledge.queries import find_exercise
from backcare.knowledge.schema import FollowUp
from backcare.settings import Settings

# The slot the exercise card sets when it is shown (actions/exercises.py, `show_exercise`).
CURRENT_EXERCISE = "current_exercise"
APOSTROPHES = re.compile(r"['‘`]")


@lru_cache(maxsize=1)
def _cues() -> tuple[tuple[FollowUp, re.Pattern[str]], ...]:
    return tuple(
        (
            follow_up,
            re.compile(r"\b(" + "|".join(re.escape(cue) for cue in follow_up.cues) + r")\b"),
        )
        for follow_up in read_follow_ups(Settings.from_env().knowledge_dir)
    )


def follow_up_asked(text: str) -> FollowUp | None:
    """The first follow-up whose cue the question holds, if any."""
    said = APOSTROPHES.sub("", prepare(text))
    return next((follow_up for follow_up, cue in _cues() if cue.search(said)), None)


def just_shown(tracker: Tracker, session: Session, messages_back: int = 1) -> Exercise | None:
    """The exercise whose card the last reply showed: the `current_exercise` slot was set after
    the person's previous message (or, with `messages_back`, one of the messages before it)."""
    users = [i for i, event in enumerate(tracker.events) if event.get("event") == "user"]
    if len(users) < 2:
        return None
    start = users[-min(messages_back + 1, len(users))]
    for event in reversed(tracker.events[start : users[-1]]):
        if event.get("event") == "slot" and event.get("name") == CURRENT_EXERCISE:
            slug = event.get("value")
            return find_exercise(session, str(slug)) if slug else None
    return None


def answer_follow_up(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    session: Session,
    messages_back: int = 1,
) -> Events | None:
    """Answer a question about the exercise just shown; None when the message is not one (it
    names another exercise, or asks nothing the follow-ups know). The exercise stays the one
    just shown, so "how many?" then "what if it hurts?" both ask about it."""
    shown = just_shown(tracker, session, messages_back)
    if shown is None:
        return None
    if any(exercise.slug != shown.slug for exercise in exercises_named(tracker, session)):
        return None
    follow_up = follow_up_asked(tracker.latest_message.get("text") or "")
    if follow_up is None:
        return None
    if withhold_teaching(dispatcher, tracker):
        return []
    say(
        dispatcher,
        session,
        follow_up.message,
        exercise_name=shown.name.lower(),
        dose=shown.dose.lower(),
    )
    return [SlotSet(CURRENT_EXERCISE, shown.slug)]
