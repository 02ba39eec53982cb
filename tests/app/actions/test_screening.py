from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.orm import Session

from actions.screening import (
    ActionScreeningResult,
    AskBladderBowel,
    AskScreeningQuestion,
    ValidateScreeningForm,
    clinician_signals,
)
from backcare.database import session_factory
from backcare.knowledge.models import Message, RedFlag, ScreeningQuestion
from tests.app.actions.conftest import DOMAIN, ROOT, texts, tracker

validator = ValidateScreeningForm()

# The flag a "yes" to each red-flag question files: what the question asks about.
FLAG_OF_QUESTION = {
    "rf_bladder_bowel": "bladder-problems",
    "rf_saddle_numbness": "saddle-numbness",
    "rf_leg_weakness": "worsening-leg-weakness",
    "rf_injury": "major-injury",
    "rf_fever": "fever-infection-signs",
    "rf_cancer": "cancer-history",
}


def test_form_slots_agree_across_domain_knowledge_and_actions() -> None:
    domain = yaml.safe_load((ROOT / "domain" / "screening.yml").read_text())
    knowledge = yaml.safe_load((ROOT / "data" / "knowledge" / "screening.yml").read_text())
    form_slots = domain["forms"]["screening_form"]["required_slots"]
    assert [q["slot"] for q in knowledge["questions"]] == form_slots
    asked = {cls().name() for cls in AskScreeningQuestion.__subclasses__()}
    assert asked == {f"action_ask_{slot}" for slot in form_slots}
    assert asked <= set(domain["actions"])


async def test_each_question_is_asked_with_its_buttons(
    dispatcher: CollectingDispatcher, db: Session
) -> None:
    question = db.get_one(ScreeningQuestion, "rf_bladder_bowel")
    await AskBladderBowel().run(dispatcher, tracker(), DOMAIN)
    assert dispatcher.messages[0]["text"] == question.text
    assert [b["title"] for b in dispatcher.messages[0]["buttons"]] == ["Yes", "No", "Skip"]


def test_every_red_flag_question_has_its_expected_flag() -> None:
    knowledge = yaml.safe_load((ROOT / "data" / "knowledge" / "screening.yml").read_text())
    flags = {q["slot"]: q["red_flag"] for q in knowledge["questions"] if q.get("red_flag")}
    assert flags == FLAG_OF_QUESTION


@pytest.mark.parametrize(("slot", "flag"), FLAG_OF_QUESTION.items())
def test_yes_to_each_red_flag_question_files_the_flag_it_asks_about(
    slot: str, flag: str, dispatcher: CollectingDispatcher, db: Session
) -> None:
    result = getattr(validator, f"validate_{slot}")("yes", dispatcher, tracker(), {})
    assert result == {
        slot: "yes",
        "triage": db.get_one(RedFlag, flag).urgency,
        "red_flags": [flag],
    }


def test_no_to_a_red_flag_question_changes_nothing_else(dispatcher: CollectingDispatcher) -> None:
    assert validator.validate_rf_injury("no", dispatcher, tracker(), {}) == {"rf_injury": "no"}


def test_a_skipped_question_is_asked_once_more_then_accepted(
    dispatcher: CollectingDispatcher, db: Session
) -> None:
    first = validator.validate_leg_pain("skipped", dispatcher, tracker(), {})
    assert first == {"leg_pain": None, "screening_skips": ["leg_pain"]}
    assert texts(dispatcher) == [db.get_one(Message, "ask-again-skipped").text]
    second = validator.validate_leg_pain(
        "skipped", dispatcher, tracker(slots={"screening_skips": ["leg_pain"]}), {}
    )
    assert second == {"leg_pain": "skipped"}


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("7/10", "7"), ("maybe a 4 out of 10", "4"), ("10", "10"), ("about a 6", "6"), ("ten", "10")],
)
def test_pain_score_is_read_from_what_people_type(
    typed: str, stored: str, dispatcher: CollectingDispatcher
) -> None:
    assert validator.validate_pain_score(typed, dispatcher, tracker(), {}) == {"pain_score": stored}


@pytest.mark.parametrize("typed", ["terrible", "pretty bad", "worse than yesterday"])
def test_a_pain_score_that_is_not_a_number_is_asked_again(
    typed: str, dispatcher: CollectingDispatcher, db: Session
) -> None:
    assert validator.validate_pain_score(typed, dispatcher, tracker(), {}) == {"pain_score": None}
    assert texts(dispatcher) == [db.get_one(Message, "pain-score-invalid").text]


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("lower back", "lower back"),
        ("my bum mostly", "buttock"),
        ("low back and down my left leg", "lower back and leg"),
        ("between my shoulder blades", "upper or middle back"),
        ("where my old scar is", "where my old scar is"),
    ],
)
def test_a_pain_area_is_kept_as_the_place_it_names(
    typed: str, stored: str, dispatcher: CollectingDispatcher
) -> None:
    assert validator.validate_pain_area(typed, dispatcher, tracker(), {}) == {"pain_area": stored}


@pytest.mark.parametrize(
    "typed",
    [
        "3 weeks",
        "since March",
        "about two months",
        "yesterday",
        "it may have started yesterday",
        "since Christmas",
        "a fortnight",
    ],
)
def test_a_duration_is_kept_as_typed(typed: str, dispatcher: CollectingDispatcher) -> None:
    assert validator.validate_pain_duration(typed, dispatcher, tracker(), {}) == {
        "pain_duration": typed
    }
    assert texts(dispatcher) == []


def test_words_that_are_no_duration_are_asked_about_once_then_kept(
    dispatcher: CollectingDispatcher, db: Session
) -> None:
    first = validator.validate_pain_duration("lower back", dispatcher, tracker(), {})
    assert first == {"pain_duration": None, "screening_skips": ["pain_duration"]}
    assert texts(dispatcher) == [db.get_one(Message, "duration-not-understood").text]
    second = validator.validate_pain_duration(
        "ages", dispatcher, tracker(slots={"screening_skips": ["pain_duration"]}), {}
    )
    assert second == {"pain_duration": "ages"}


async def test_an_urgent_or_emergency_triage_ends_the_questions(
    dispatcher: CollectingDispatcher,
) -> None:
    slots = ["pain_area", "pain_duration"]
    assert (
        await validator.required_slots(
            slots, dispatcher, tracker(slots={"triage": "emergency"}), {}
        )
        == []
    )
    assert (
        await validator.required_slots(
            slots, dispatcher, tracker(slots={"triage": "see_clinician"}), {}
        )
        == slots
    )


async def test_result_after_an_emergency_answer_is_the_emergency_reply(
    dispatcher: CollectingDispatcher,
) -> None:
    slots = {"triage": "emergency", "red_flags": ["saddle-numbness"]}
    events = await ActionScreeningResult().run(dispatcher, tracker(slots=slots), DOMAIN)
    assert dispatcher.messages[0]["response"] == "utter_emergency"
    assert events == [SlotSet("screened", True)]
    assert not any("plan" in text.lower() for text in texts(dispatcher))


def test_may_the_verb_is_no_month_so_new_pain_raises_no_long_pain_signal() -> None:
    slots = {"pain_duration": "it may have started yesterday", "leg_pain": "yes"}
    assert clinician_signals(tracker(slots=slots)) == []


async def test_result_for_long_leg_pain_adds_a_clinician_note_then_the_plan(
    dispatcher: CollectingDispatcher, db: Session
) -> None:
    slots = {"triage": "none", "pain_duration": "3 months", "leg_pain": "yes", "pain_score": "5"}
    events = await ActionScreeningResult().run(dispatcher, tracker(slots=slots), DOMAIN)
    assert events[:3] == [
        SlotSet("screened", True),
        SlotSet("triage", "see_clinician"),
        SlotSet("red_flags", ["pain-beyond-six-weeks", "severe-sciatica"]),
    ]
    said = texts(dispatcher)
    assert said[0].startswith(db.get_one(RedFlag, "pain-beyond-six-weeks").message)
    assert events[3]["name"] == "current_plan"


async def test_with_the_database_down_the_person_is_told_kindly(
    dispatcher: CollectingDispatcher, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'missing' / 'nothing.db'}")
    session_factory.cache_clear()
    events = await ActionScreeningResult().run(
        dispatcher, tracker(slots={"triage": "none"}), DOMAIN
    )
    assert events == []
    assert [m["response"] for m in dispatcher.messages] == ["utter_lookup_unavailable"]


def test_with_the_database_down_a_yes_is_treated_as_an_emergency(
    dispatcher: CollectingDispatcher, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'missing' / 'nothing.db'}")
    session_factory.cache_clear()
    result = validator.validate_rf_saddle_numbness("yes", dispatcher, tracker(), {})
    assert result == {"rf_saddle_numbness": "yes", "triage": "emergency"}
