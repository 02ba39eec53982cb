"""Reminders: "remind me at 8am", "every other day at 6pm", "what reminders do I have?",
"stop reminders". The time zone is asked once (timezone_form) and kept with the person; the
reminders are kept in the app database and sent by backcare/programme/scheduler.py."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict
from sqlalchemy.orm import Session

from actions.knowledge_action import Events, KnowledgeAction, latest_intent, say
from actions.programme import phrase
from actions.programme_parsing import reminder_request
from backcare.database import session_factory
from backcare.programme import reminders, store
from backcare.programme.rules import programme_settings


def _every_text(session: Session, every_days: int) -> str:
    if every_days == 1:
        return phrase(session, "reminder-every-day")
    if every_days == 2:
        return phrase(session, "reminder-every-other-day")
    return phrase(session, "reminder-every-n-days", days=every_days)


class ActionSetReminder(KnowledgeAction):
    """Sets a reminder; without a known time zone, asks for it first (slot timezone_needed)."""

    def name(self) -> str:
        return "action_set_reminder"

    def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, session: Session
    ) -> Events:
        if latest_intent(tracker) == "set_reminder":
            text = str(tracker.latest_message.get("text") or "")
        else:
            text = str(tracker.get_slot("reminder_request") or "")
        settings = programme_settings().reminders
        request = reminder_request(text, settings.longest_gap_days)
        if request is None:
            say(dispatcher, session, "reminder-time-not-read")
            return [SlotSet("timezone_needed", False), SlotSet("reminder_request", None)]
        person = store.person(session, tracker.sender_id, tracker.get_latest_input_channel())
        zone = tracker.get_slot("timezone")
        if zone and not person.timezone:
            person.timezone = str(zone)
        if not person.timezone and latest_intent(tracker) != "set_reminder":
            # The time zone questions ended without a place I know: no reminder, no loop.
            session.commit()
            say(dispatcher, session, "timezone-gave-up")
            return [SlotSet("timezone_needed", False), SlotSet("reminder_request", None)]
        if not person.timezone:
            session.commit()
            return [SlotSet("timezone_needed", True), SlotSet("reminder_request", text)]
        reminders.add_reminder(session, person, request.minute_of_day, request.every_days)
        session.commit()
        minute = reminders.send_minute(request.minute_of_day, settings.quiet_hours)
        say(
            dispatcher,
            session,
            "reminder-set",
            time=reminders.local_time_text(minute),
            every=_every_text(session, request.every_days),
            zone=person.timezone,
        )
        if minute != request.minute_of_day:
            say(dispatcher, session, "reminder-quiet-hours", time=reminders.local_time_text(minute))
        return [
            SlotSet("timezone_needed", False),
            SlotSet("reminder_request", None),
            SlotSet("timezone", None),
        ]


class ActionListReminders(KnowledgeAction):
    def name(self) -> str:
        return "action_list_reminders"

    def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, session: Session
    ) -> Events:
        found = reminders.active_reminders(session, tracker.sender_id)
        if not found:
            say(dispatcher, session, "reminders-none")
            return []
        quiet = programme_settings().reminders.quiet_hours
        lines = [
            f"• {reminders.local_time_text(reminders.send_minute(r.minute_of_day, quiet))}, "
            f"{_every_text(session, r.every_days)}"
            for r in found
        ]
        dispatcher.utter_message(text="\n".join([phrase(session, "reminders-heading"), *lines]))
        return []


class ActionStopReminders(KnowledgeAction):
    def name(self) -> str:
        return "action_stop_reminders"

    def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, session: Session
    ) -> Events:
        stopped = reminders.stop_reminders(session, tracker.sender_id)
        session.commit()
        say(dispatcher, session, "reminders-stopped" if stopped else "reminders-none")
        return []


# After this many answers naming no place, the time zone question stops for now.
TIMEZONE_TRIES = 2


def _answers_since_asked(tracker: Tracker) -> int:
    """The messages since the time-zone question was first asked; none while it is starting
    (the messages before it answered other things: "remind me every evening")."""
    count = 0
    for event in reversed(tracker.events):
        if event.get("event") == "active_loop" and event.get("name") == "timezone_form":
            return count
        count += event.get("event") == "user"
    return 0


class ValidateTimezoneForm(FormValidationAction):
    def name(self) -> str:
        return "validate_timezone_form"

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        if not tracker.get_slot("timezone") and _answers_since_asked(tracker) >= TIMEZONE_TRIES:
            return []
        return domain_slots

    def validate_timezone(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        zone = reminders.find_timezone(str(value))
        if zone is None:
            with session_factory()() as session:
                say(dispatcher, session, "timezone-not-read")
        return {"timezone": zone}
