"""Check-ins: pain now (0-10), exercises done (all, some, none), how they felt (easy, fine,
hurt), and the weekly PEG when it is due; then the plan moves by the rules and the person is
told what changed and why.

Every message of a check-in still goes through the red-flag detector. A red flag gets the usual
referral by the safety rules; the check-in then ends, is stored with the flag for the
clinicians, and moves nothing (no teaching after an alarm: actions/teaching_gate.py).
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict
from sqlalchemy.orm import Session

from actions.knowledge_action import Events, KnowledgeAction, latest_entity_values, say
from actions.parsing import pain_score, wants_to_stop
from actions.programme import exercise_name
from actions.programme_parsing import exercises_done, how_it_felt
from actions.red_flags import send_red_flag_details
from actions.rendering import referral_line
from actions.teaching_gate import teaching_withheld, withhold_teaching
from backcare.database import session_factory
from backcare.knowledge.queries import referral
from backcare.programme import clock, store
from backcare.programme.models import CheckIn, Plan
from backcare.programme.progress import (
    BOTTOM,
    DOWN,
    HURT,
    PHYSIO,
    TOP,
    UP,
    Change,
    apply_check_in,
    worrying,
)
from backcare.programme.rules import programme_settings
from backcare.triage import CLINICIAN_LEVEL

FORM = "check_in_form"
CHECK_IN_INTENT = "check_in"
# Set by the NLU when news of exercises going well is read as a check-in
# (bot_extensions/progress_news.py).
PROGRESS_NEWS = "progress_news"
CHECK_IN_SLOTS = ("check_in_pain", "check_in_done", "check_in_felt")
OUTCOME_SLOTS = ("peg_pain", "peg_enjoyment", "peg_activity")


def _since_form_started(tracker: Tracker) -> list[dict[str, Any]]:
    """The events since the check-in form was last started."""
    events: list[dict[str, Any]] = []
    for event in reversed(tracker.events):
        if event.get("event") == "active_loop" and event.get("name") == FORM:
            break
        events.append(event)
    return list(reversed(events))


def red_flags_in_check_in(tracker: Tracker) -> list[str]:
    """Red flags the detector found in what the person wrote during this check-in."""
    flags: list[str] = []
    for event in _since_form_started(tracker):
        if event.get("event") != "user":
            continue
        for found in (event.get("parse_data") or {}).get("entities") or []:
            if found.get("entity") == "red_flag" and found.get("value") not in flags:
                flags.append(str(found.get("value")))
    latest = tracker.latest_message or {}
    for found in latest.get("entities") or []:
        if found.get("entity") == "red_flag" and found.get("value") not in flags:
            flags.append(str(found.get("value")))
    return flags


def _said(tracker: Tracker) -> list[str]:
    return [
        str(e.get("text"))
        for e in _since_form_started(tracker)
        if e.get("event") == "user" and e.get("text")
    ]


# After this many answers the check-in could not read, it stops for now.
STOP_AFTER_MISSES = 2


def _told_when_starting(tracker: Tracker) -> Events:
    """What the message that started the check-in already says: "did all 3 today" answers
    how many were done, "did them, felt easy" how they felt too."""
    message = tracker.latest_message or {}
    if (message.get("intent") or {}).get("name") != CHECK_IN_INTENT:
        return []
    told = _done_or_felt(str(message.get("text") or ""), tracker)
    return [SlotSet(slot, value) for slot, value in told.items()]


def _done_or_felt(text: str, tracker: Tracker) -> dict[str, str]:
    """How many were done and how they felt, as `text` tells them, for questions not answered."""
    told = {"check_in_done": exercises_done(text), "check_in_felt": how_it_felt(text)}
    return {
        slot: value
        for slot, value in told.items()
        if value is not None and tracker.get_slot(slot) is None
    }


def _stop_check_in() -> Events:
    """Ends the questions, storing nothing; action_check_in_result says how to come back."""
    return [*_clear(), SlotSet("check_in_stopped", True), SlotSet("requested_slot", None)]


class ValidateCheckInForm(FormValidationAction):
    def name(self) -> str:
        return "validate_check_in_form"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        requested = tracker.get_slot("requested_slot")
        if requested and wants_to_stop(str((tracker.latest_message or {}).get("text") or "")):
            return _stop_check_in()
        # No question asked yet: the check-in is starting.
        told = [] if requested else _told_when_starting(tracker)
        events = told + await super().run(dispatcher, tracker, domain)
        answered_another = any(
            e.get("name") in CHECK_IN_SLOTS and e.get("name") != requested and e.get("value")
            for e in events
        )
        if requested and SlotSet(requested, None) in events and not answered_another:
            misses = int(tracker.get_slot("check_in_misses") or 0) + 1
            if misses >= STOP_AFTER_MISSES:
                return _stop_check_in()
            events.append(SlotSet("check_in_misses", misses))
        return events

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        # No plan, a red flag just told, teaching withheld or a stop: the check-in ends at once.
        if (
            red_flags_in_check_in(tracker)
            or teaching_withheld(tracker)
            or tracker.get_slot("check_in_stopped")
        ):
            return []
        with session_factory()() as session:
            plan = store.plan_of(session, tracker.sender_id)
            if plan is None:
                return []
            due = store.outcome_due(plan)
        # Nothing done: there is nothing to say about how the exercises felt.
        skipped = {"check_in_felt"} if tracker.get_slot("check_in_done") == "none" else set()
        return [s for s in domain_slots if (due or s not in OUTCOME_SLOTS) and s not in skipped]

    def _score(self, slot: str, value: Any, dispatcher: CollectingDispatcher) -> dict[str, Any]:
        score = pain_score(str(value))
        if score is None:
            with session_factory()() as session:
                say(dispatcher, session, "check-in-pain-not-read")
            return {slot: None}
        return {slot: score}

    def validate_check_in_pain(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        # Asked the pain, people often tell what they did ("felt fine, bit stiff after"):
        # that answers the later questions, and the pain is asked again without a "sorry".
        if pain_score(str(value)) is None and (told := _done_or_felt(str(value), tracker)):
            with session_factory()() as session:
                say(dispatcher, session, "check-in-noted")
            return {"check_in_pain": None, **told}
        return self._score("check_in_pain", value, dispatcher)

    def validate_check_in_done(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        done = exercises_done(str(value))
        if done is None:
            with session_factory()() as session:
                say(dispatcher, session, "check-in-done-not-read")
        return {"check_in_done": done}

    def validate_check_in_felt(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        felt = how_it_felt(str(value))
        if felt is None:
            with session_factory()() as session:
                say(dispatcher, session, "check-in-felt-not-read")
        return {"check_in_felt": felt}

    def validate_peg_pain(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return self._score("peg_pain", value, dispatcher)

    def validate_peg_enjoyment(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return self._score("peg_enjoyment", value, dispatcher)

    def validate_peg_activity(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return self._score("peg_activity", value, dispatcher)


class _AskPhrase(KnowledgeAction):
    """Asks one check-in question, worded in data/knowledge/messages.yml."""

    slug = ""
    slot = ""

    def name(self) -> str:
        return f"action_ask_{self.slot}"

    def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, session: Session
    ) -> Events:
        say(dispatcher, session, self.slug)
        return []


class ActionAskCheckInPain(_AskPhrase):
    slug, slot = "check-in-pain", "check_in_pain"


class ActionAskCheckInDone(_AskPhrase):
    slug, slot = "check-in-done", "check_in_done"


class ActionAskCheckInFelt(_AskPhrase):
    slug, slot = "check-in-felt", "check_in_felt"


class _AskOutcome(KnowledgeAction):
    """Asks one PEG item, worded in data/knowledge/programme.yml; the first comes with why."""

    item = ""

    def name(self) -> str:
        return f"action_ask_peg_{self.item}"

    def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, session: Session
    ) -> Events:
        if self.item == "pain":
            say(dispatcher, session, "outcome-intro")
        dispatcher.utter_message(text=getattr(programme_settings().outcome.items, self.item))
        return []


class ActionAskPegPain(_AskOutcome):
    item = "pain"


class ActionAskPegEnjoyment(_AskOutcome):
    item = "enjoyment"


class ActionAskPegActivity(_AskOutcome):
    item = "activity"


def _clear() -> Events:
    return [SlotSet(slot, None) for slot in (*CHECK_IN_SLOTS, *OUTCOME_SLOTS, "check_in_misses")]


def tell_changes(
    dispatcher: CollectingDispatcher,
    session: Session,
    changes: list[Change],
    previous: CheckIn | None,
    check_in: CheckIn,
) -> None:
    """Each change and why, in the words of data/knowledge/messages.yml."""
    rules = programme_settings().progress
    for change in changes:
        before = exercise_name(session, change.before).lower() if change.before else ""
        after = exercise_name(session, change.after).lower() if change.after else ""
        if change.kind == UP:
            say(
                dispatcher,
                session,
                "moved-up",
                before=before,
                after=after,
                dose=change.dose,
                count=rules.easy_check_ins_to_move_up,
            )
        elif change.kind == TOP:
            say(dispatcher, session, "at-top-step", before=before)
        elif change.kind == DOWN and change.reason == HURT:
            say(
                dispatcher, session, "moved-down-hurt", before=before, after=after, dose=change.dose
            )
        elif change.kind == DOWN:
            rise = (check_in.pain or 0) - (previous.pain or 0 if previous else 0)
            say(
                dispatcher,
                session,
                "moved-down-pain",
                before=before,
                after=after,
                dose=change.dose,
                rise=rise,
            )
        elif change.kind == BOTTOM:
            say(dispatcher, session, "at-bottom-step", before=before)
        elif change.kind == PHYSIO:
            say(dispatcher, session, "see-physiotherapist")
            found = referral(session, rules.physiotherapist_referral)
            if found:
                dispatcher.utter_message(text=referral_line(found))


def _record(
    session: Session, plan: Plan, tracker: Tracker, flags: list[str]
) -> tuple[CheckIn, CheckIn | None]:
    previous = store.last_check_in(plan)
    check_in = CheckIn(
        at=clock.now(),
        pain=tracker.get_slot("check_in_pain"),
        done=tracker.get_slot("check_in_done"),
        felt=tracker.get_slot("check_in_felt"),
        said=_said(tracker),
        red_flags=flags,
        changes=[],
    )
    plan.check_ins.append(check_in)
    scores = [tracker.get_slot(slot) for slot in OUTCOME_SLOTS]
    if all(isinstance(score, int) for score in scores):
        store.add_outcome(session, plan, *scores)
    return check_in, previous


class ActionCheckInResult(KnowledgeAction):
    """Stores the check-in, moves the plan by the rules and says what changed and why."""

    def name(self) -> str:
        return "action_check_in_result"

    def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, session: Session
    ) -> Events:
        if tracker.get_slot("check_in_stopped"):
            say(dispatcher, session, "check-in-stopped")
            return [*_clear(), SlotSet("check_in_stopped", False)]
        plan = store.plan_of(session, tracker.sender_id)
        if plan is None:
            if teaching_withheld(tracker):
                # after an alarm, news of exercises gets where to get help, not "keep it up"
                withhold_teaching(dispatcher, tracker)
            else:
                # news of exercises going well, told without a plan, is good news first
                news = latest_entity_values(tracker, PROGRESS_NEWS)
                say(dispatcher, session, "progress-without-plan" if news else "no-plan-yet")
            return _clear()
        store.person(session, tracker.sender_id, tracker.get_latest_input_channel())
        flags = red_flags_in_check_in(tracker)
        if flags or teaching_withheld(tracker):
            # An alarm's referral was given by the safety rules; the check-in is kept, nothing
            # moves.
            check_in, _ = _record(session, plan, tracker, flags)
            if flags:
                _flag_concern(plan, worrying(check_in, []))
            session.commit()
            if flags:
                # A sign at the clinician's level told in an answer ("ngl its getting worse every
                # week") raises no alarm that stops the check-in: its referral is said here.
                send_red_flag_details(dispatcher, session, flags, {CLINICIAN_LEVEL})
            else:
                withhold_teaching(dispatcher, tracker)
            return _clear()
        check_in, previous = _record(session, plan, tracker, [])
        changes = apply_check_in(plan, check_in, previous)
        _flag_concern(plan, worrying(check_in, changes))
        session.commit()
        if check_in.done == "none":
            say(dispatcher, session, "check-in-saved-none-done", pain=check_in.pain)
        else:
            say(
                dispatcher,
                session,
                "check-in-saved",
                pain=check_in.pain,
                done=check_in.done,
                felt=check_in.felt,
            )
        tell_changes(dispatcher, session, changes, previous, check_in)
        if not changes:
            rules = programme_settings().progress
            if check_in.felt == "easy":
                say(dispatcher, session, "no-change-yet", count=rules.easy_check_ins_to_move_up)
            else:
                say(dispatcher, session, "no-change")
        return _clear()


def _flag_concern(plan: Plan, reason: str | None) -> None:
    """Put the person in the clinicians' queue (the first worrying check-in keeps its time)."""
    if reason is None:
        return
    plan.concern = reason
    if plan.concern_since is None:
        plan.concern_since = clock.now()
