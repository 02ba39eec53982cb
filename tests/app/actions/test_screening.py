from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.orm import Session

from actions.parsing import duration_days, is_question, pain_score, wants_to_stop, yes_no
from actions.screening import (
    ActionScreeningResult,
    ValidateScreeningForm,
    _take_a_plain_answer_read_as_a_topic,
    clinician_signals,
)
from backcare.database import session_factory
from backcare.knowledge.models import Message, RedFlag, ScreeningQuestion
from backcare.knowledge.screening_responses import render
from tests.app.actions.conftest import DOMAIN, ROOT, entity, texts, tracker

validator = ValidateScreeningForm()

# The checklist's "yes" or "not sure" that names no sign files the flag that makes the
# checklist an emergency; each sign's button files the flag it names.
CHECKLIST_FLAG = "cauda-equina-signs"
FLAG_OF_BUTTON = {
    "Peeing or bowel trouble": "bladder-problems",
    "Numb around my bottom": "saddle-numbness",
    "Legs weak or both legs": "worsening-leg-weakness",
    "A fall, crash or knock": "major-injury",
    "Fever or very unwell": "fever-infection-signs",
    "Cancer or weight loss": "cancer-history",
}


def knowledge_questions() -> list[dict[str, Any]]:
    loaded = yaml.safe_load((ROOT / "data" / "knowledge" / "screening.yml").read_text())
    return list(loaded["questions"])


def payload_entities(payload: str) -> dict[str, str]:
    return dict(json.loads(payload[payload.index("{") :]))


def question_responses() -> dict[str, list[dict[str, Any]]]:
    return dict(yaml.safe_load(render(ROOT / "data" / "knowledge"))["responses"])


def test_form_slots_agree_across_domain_and_knowledge_and_each_is_asked_by_a_response() -> None:
    domain = yaml.safe_load((ROOT / "domain" / "screening.yml").read_text())
    knowledge = yaml.safe_load((ROOT / "data" / "knowledge" / "screening.yml").read_text())
    form_slots = domain["forms"]["screening_form"]["required_slots"]
    assert [q["slot"] for q in knowledge["questions"]] == form_slots
    assert list(question_responses()) == [f"utter_ask_{slot}" for slot in form_slots]
    # An action_ask_<slot> would take the response's place and cost a call to the action server.
    assert not {f"action_ask_{slot}" for slot in form_slots} & set(domain["actions"])


def test_at_most_five_questions_before_a_plan() -> None:
    assert len(knowledge_questions()) <= 5


def test_the_checklist_is_one_message_with_each_sign_on_its_own_line(db: Session) -> None:
    question = db.get_one(ScreeningQuestion, "rf_checklist")
    [asked] = question_responses()["utter_ask_rf_checklist"]
    assert asked["text"] == question.text
    assert len([line for line in question.text.splitlines() if line.startswith("- ")]) == 6
    titles = [b["title"] for b in asked["buttons"]]
    assert titles[:2] == ["None of these", "Not sure"]
    assert titles[2:] == list(FLAG_OF_BUTTON)


def test_only_the_checklist_files_a_flag_and_an_unnamed_yes_files_cauda_equina() -> None:
    flags = {q["slot"]: q.get("red_flag") for q in knowledge_questions()}
    assert flags == {
        "pain_area": None,
        "pain_duration": None,
        "leg_pain": None,
        "rf_checklist": CHECKLIST_FLAG,
        "pain_score": None,
    }


@pytest.mark.parametrize(("title", "flag"), FLAG_OF_BUTTON.items())
def test_each_sign_button_files_its_flag_at_its_urgency(title: str, flag: str, db: Session) -> None:
    checklist = next(q for q in knowledge_questions() if q["slot"] == "rf_checklist")
    payload = next(b["payload"] for b in checklist["buttons"] if b["title"] == title)
    assert payload.startswith("/report_red_flag{")
    assert payload_entities(payload) == {
        "red_flag": flag,
        "triage_level": db.get_one(RedFlag, flag).urgency,
    }


def test_a_named_sign_is_an_answer_and_files_nothing_more(dispatcher: CollectingDispatcher) -> None:
    # The detector (or the button) has filed the sign and raised triage already.
    said = tracker(
        intent="report_red_flag",
        text="yes i cant feel the paper when i wipe",
        entities=[entity("red_flag", "saddle-numbness"), entity("triage_level", "emergency")],
    )
    assert validator.validate_rf_checklist("x", dispatcher, said, {}) == {"rf_checklist": "yes"}


def test_a_sign_the_detector_judged_over_is_no_yes_to_the_checklist(
    dispatcher: CollectingDispatcher,
) -> None:
    typed = "my foot went tingly for a bit after a long drive but it went away"
    said = tracker("inform", typed)
    said.latest_message["red_flag_findings"] = {
        "findings": [{"slug": "one-leg-numbness-weakness", "status": "past"}]
    }
    result = validator.validate_rf_checklist(typed, dispatcher, said, {})
    assert result["rf_checklist"] is None
    assert "triage" not in result
    # told as still there, the same words are a yes
    said.latest_message["red_flag_findings"]["findings"][0]["status"] = "unclear"
    assert validator.validate_rf_checklist(typed, dispatcher, said, {})["rf_checklist"] == "yes"


@pytest.mark.parametrize(
    ("typed", "intent", "answer"),
    [
        ("yes", "affirm", "yes"),
        ("Yes, one of these", "affirm", "yes"),
        ("yeah one of them", "inform", "yes"),
        ("not sure", "skip", "unsure"),
        ("dunno tbh", "skip", "unsure"),
        ("maybe", "nlu_fallback", "unsure"),
    ],
)
def test_an_unnamed_yes_or_not_sure_to_the_checklist_raises_triage_to_its_level(
    typed: str, intent: str, answer: str, dispatcher: CollectingDispatcher, db: Session
) -> None:
    result = validator.validate_rf_checklist(typed, dispatcher, tracker(intent, typed), {})
    assert result == {
        "rf_checklist": answer,
        "triage": db.get_one(RedFlag, CHECKLIST_FLAG).urgency,
        "red_flags": [CHECKLIST_FLAG],
    }
    assert result["triage"] == "emergency"


@pytest.mark.parametrize(
    ("typed", "intent"),
    [
        ("none of these", "deny"),
        ("no to all of those", "deny"),
        ("nope none", "inform"),
        ("/deny", "deny"),
        ("nothing like that", "nlu_fallback"),
        ("i dont have any of those", "out_of_scope"),
    ],
)
def test_no_to_the_checklist_changes_nothing_else(
    typed: str, intent: str, dispatcher: CollectingDispatcher
) -> None:
    result = validator.validate_rf_checklist(typed, dispatcher, tracker(intent, typed), {})
    assert result == {"rf_checklist": "no"}


@pytest.mark.parametrize(
    ("typed", "intent", "answer"),
    [
        ("yeah a bit", "affirm", "yes"),
        ("yep a bit down the right one", "inform", "yes"),
        ("sometimes", "nlu_fallback", "yes"),
        ("only when I bend", "inform", "yes"),
        ("it goes down my leg, is that sciatica?", "ask_sciatica", "yes"),
        ("/affirm", "affirm", "yes"),
        ("nah only in my back", "inform", "no"),
        ("not really", "deny", "no"),
        ("nope", "deny", "no"),
        ("/deny", "deny", "no"),
        ("not sure", "skip", "unsure"),
    ],
)
def test_leg_pain_is_read_from_the_words(
    typed: str, intent: str, answer: str, dispatcher: CollectingDispatcher
) -> None:
    result = validator.validate_leg_pain(typed, dispatcher, tracker(intent, typed), {})
    assert result == {"leg_pain": answer}


def test_a_score_told_while_the_leg_is_asked_is_no_yes_read_from_its_topic(
    dispatcher: CollectingDispatcher,
) -> None:
    typed = "pain is 4 from 10"
    result = validator.validate_leg_pain(typed, dispatcher, tracker("ask_sciatica", typed), {})
    assert result == {"leg_pain": None, "pain_score": "4"}


@pytest.mark.parametrize(
    "typed",
    [
        "no numbness, no trouble with toilet, no fever, no weakness, nothing in my legs",
        "I have no numbness, no problem with bladder or bowel, no fever, no weight loss",
        # the pain told as easing with rest, a strain's pattern, among the noes
        "no numbness, no bladder trouble, no fever, no weak legs, it eases when i lie down",
    ],
)
def test_a_no_to_the_leg_that_denies_the_listed_signs_answers_the_list_too(
    typed: str, dispatcher: CollectingDispatcher
) -> None:
    result = validator.validate_leg_pain(typed, dispatcher, tracker("deny", typed), {})
    assert result == {"leg_pain": "no", "rf_checklist": "no"}


@pytest.mark.parametrize(
    "typed",
    [
        # one sign told without its no
        "no numbness but my bladder feels odd since friday",
        "no fever, no weakness, though i wet myself yesterday",
        # one sign only
        "no, nothing in my legs",
    ],
)
def test_a_no_to_the_leg_leaves_the_list_to_be_asked_unless_all_its_signs_are_denied(
    typed: str, dispatcher: CollectingDispatcher
) -> None:
    result = validator.validate_leg_pain(typed, dispatcher, tracker("deny", typed), {})
    assert "rf_checklist" not in result


@pytest.mark.parametrize(
    "typed", ["on and off a couple of years, getting better with yoga", "on and off, 2 months now"]
)
def test_how_long_told_with_a_hedge_is_no_yes_about_the_leg(
    typed: str, dispatcher: CollectingDispatcher
) -> None:
    result = validator.validate_leg_pain(typed, dispatcher, tracker("inform", typed), {})
    assert result == {"leg_pain": None}


def test_a_question_about_sciatica_is_no_yes_to_the_signs(dispatcher: CollectingDispatcher) -> None:
    typed = "what if the sciatica comes back, how would i know"
    result = validator.validate_rf_checklist(typed, dispatcher, tracker("ask_sciatica", typed), {})
    assert result.get("rf_checklist") is None
    assert "triage" not in result


@pytest.mark.parametrize(
    "typed",
    ["She has no pain anywhere at the moment", "nowhere, im pain free", "no pain at all, 0/10"],
)
def test_no_pain_anywhere_answers_where_it_hurts(
    typed: str, dispatcher: CollectingDispatcher
) -> None:
    result = validator.validate_pain_area(typed, dispatcher, tracker("deny", typed), {})
    assert result == {"pain_area": typed}
    assert dispatcher.messages == []


def test_no_pain_answers_how_long_it_has_hurt(dispatcher: CollectingDispatcher) -> None:
    typed = "there's no pain at all, I just want to keep my hips moving"
    result = validator.validate_pain_duration(typed, dispatcher, tracker("inform", typed), {})
    assert result == {"pain_duration": typed}
    assert dispatcher.messages == []


def test_words_that_are_no_answer_are_not_stored_and_asked_again(
    dispatcher: CollectingDispatcher,
) -> None:
    result = validator.validate_leg_pain("hmm", dispatcher, tracker("nlu_fallback", "hmm"), {})
    assert result == {"leg_pain": None, "screening_misses": ["leg_pain"]}
    assert [m.get("response") for m in dispatcher.messages] == ["utter_screening_answer_not_read"]


@pytest.mark.parametrize(
    ("slot", "typed"),
    [
        # an age, which no question asks, given to the list of signs
        ("rf_checklist", "34"),
        ("rf_checklist", "im 52"),
        # its "I am" is no yes to the list
        ("rf_checklist", "I am 38"),
        ("pain_duration", "I am 61 years"),
        # where it hurts, told again when asked how long or about the leg
        ("pain_duration", "lower back"),
        ("leg_pain", "lower back"),
        # how long, told when asked about the signs
        ("rf_checklist", "like 5 days"),
    ],
)
def test_an_answer_to_another_question_is_thanked_and_counts_no_miss(
    slot: str, typed: str, dispatcher: CollectingDispatcher
) -> None:
    slots = {"screening_misses": [slot, slot]}
    validate = getattr(validator, f"validate_{slot}")
    result = validate(typed, dispatcher, tracker("inform", typed, slots=slots), {})
    assert result == {slot: None}
    assert [m.get("response") for m in dispatcher.messages] == ["utter_screening_answer_elsewhere"]


@pytest.mark.parametrize(
    "typed",
    [
        "lower back, a bit more on the right",
        "lower back mostly, both sides, bit into the hips",
        "lower back on the left, tight hips too, not in my legs",
        "right side of the low back, just above the hip bone",
    ],
)
def test_where_it_hurts_with_a_hedge_is_no_yes_to_the_signs(
    typed: str, dispatcher: CollectingDispatcher
) -> None:
    result = validator.validate_rf_checklist(typed, dispatcher, tracker("inform", typed), {})
    assert result == {"rf_checklist": None}
    assert [m.get("response") for m in dispatcher.messages] == ["utter_screening_answer_elsewhere"]


@pytest.mark.parametrize("typed", ["a bit, around my bum", "yes a bit in my lower back"])
def test_a_hedge_with_a_place_that_can_be_a_sign_is_still_a_yes(
    typed: str, dispatcher: CollectingDispatcher
) -> None:
    result = validator.validate_rf_checklist(typed, dispatcher, tracker("inform", typed), {})
    assert result["rf_checklist"] == "yes" and result["triage"]


@pytest.mark.parametrize(
    "typed",
    [
        "idk what to do rn",
        "no idea how to sit at my desk",
        # "right" mid-sentence is no yes
        "once I've got it right, how do I progress it?",
    ],
)
def test_not_knowing_something_else_is_no_unsure_to_the_signs(
    typed: str, dispatcher: CollectingDispatcher
) -> None:
    result = validator.validate_rf_checklist(typed, dispatcher, tracker("inform", typed), {})
    assert result == {"rf_checklist": None, "screening_misses": ["rf_checklist"]}
    assert "triage" not in result


def test_the_second_non_answer_offers_skipping_or_stopping_before_the_question_again(
    dispatcher: CollectingDispatcher,
) -> None:
    slots = {"screening_misses": ["leg_pain"]}
    result = validator.validate_leg_pain(
        "hmm", dispatcher, tracker("nlu_fallback", "hmm", slots=slots), {}
    )
    assert result == {"leg_pain": None, "screening_misses": ["leg_pain"] * 2}
    assert [m.get("response") for m in dispatcher.messages] == [
        "utter_screening_answer_not_read",
        "utter_screening_skip_or_stop",
    ]


def test_a_third_non_answer_stops_the_questions_for_now(dispatcher: CollectingDispatcher) -> None:
    slots = {"screening_misses": ["leg_pain", "leg_pain"]}
    result = validator.validate_leg_pain(
        "hmm", dispatcher, tracker("nlu_fallback", "hmm", slots=slots), {}
    )
    assert result == {
        "leg_pain": None,
        "screening_misses": ["leg_pain"] * 3,
        "screening_stopped": True,
    }


@pytest.mark.parametrize(
    "words", ["stop", "later", "never mind", "can we stop for now please", "stop"]
)
async def test_asking_to_stop_ends_the_form_without_storing_an_answer(
    words: str, dispatcher: CollectingDispatcher
) -> None:
    said = tracker(
        "deny",
        words,
        slots={"requested_slot": "leg_pain"},
        events=[{"event": "user", "text": words}],
    )
    events = await validator.run(dispatcher, said, {"forms": {}, "slots": {}})
    assert events == [
        SlotSet("leg_pain", None),
        SlotSet("screening_stopped", True),
        SlotSet("requested_slot", None),
    ]


async def test_coming_back_after_a_question_counts_as_no_answer(
    dispatcher: CollectingDispatcher,
) -> None:
    said = tracker(
        "thank",
        "thanks",
        slots={"requested_slot": "leg_pain"},
        events=[
            {"event": "user", "text": "thanks"},
            {"event": "action_execution_rejected", "name": "screening_form"},
            {"event": "action", "name": "utter_youre_welcome"},
        ],
    )
    events = await validator.run(dispatcher, said, {"forms": {}, "slots": {}})
    assert SlotSet("screening_misses", ["leg_pain"]) in events


async def test_coming_back_after_another_questions_answer_counts_no_miss(
    dispatcher: CollectingDispatcher,
) -> None:
    # a place told where the legs were asked, after another rule had replied to it
    said = tracker(
        "inform",
        "lower back",
        slots={"requested_slot": "leg_pain"},
        events=[
            {"event": "user", "text": "lower back"},
            {"event": "action_execution_rejected", "name": "screening_form"},
            {"event": "action", "name": "utter_clarify"},
        ],
    )
    events = await validator.run(dispatcher, said, {"forms": {}, "slots": {}})
    assert not any(event.get("name") == "screening_misses" for event in events)
    assert [m["response"] for m in dispatcher.messages] == ["utter_screening_answer_elsewhere"]


async def test_after_an_alarm_the_questions_end_without_a_word(
    dispatcher: CollectingDispatcher,
) -> None:
    # the second miss would offer "tap Skip" before asking again: not after an emergency
    told = tracker(
        "report_red_flag",
        "between my legs feels numb since this morning",
        slots={
            "requested_slot": "leg_pain",
            "screening_misses": ["leg_pain"],
            "triage": "emergency",
        },
        events=[
            {"event": "user", "text": "between my legs feels numb since this morning"},
            {"event": "action_execution_rejected", "name": "screening_form"},
            {"event": "action", "name": "utter_emergency"},
        ],
    )
    events = await validator.run(dispatcher, told, {"forms": {}, "slots": {}})
    assert dispatcher.messages == []
    assert not any(event.get("name") == "screening_misses" for event in events)


@pytest.mark.parametrize(
    ("intent", "words", "told", "slots", "flag"),
    [
        # told as an answer: said before the next question
        (
            "nlu_fallback",
            "sorry, it is five months not weeks, and no better",
            [("red_flag", "pain-beyond-six-weeks"), ("duration", "five months")],
            {"requested_slot": "pain_area", "triage": "see_clinician"},
            "pain-beyond-six-weeks",
        ),
        # told in the request that starts the questions: said first
        (
            "ask_exercise",
            "when i do the 90/90 my right hip clunks and sometimes locks for a sec",
            [("exercise", "90/90"), ("red_flag", "hip-locking-clicking")],
            {"triage": "see_clinician"},
            "hip-locking-clicking",
        ),
    ],
)
async def test_a_clinician_level_sign_is_said_when_it_is_told(
    dispatcher: CollectingDispatcher,
    db: Session,
    intent: str,
    words: str,
    told: list[tuple[str, str]],
    slots: dict,
    flag: str,
) -> None:
    message = tracker(
        intent,
        words,
        entities=[entity(name, value) for name, value in told],
        slots=slots,
        events=[{"event": "user", "text": words}],
    )
    await validator.run(dispatcher, message, {"forms": {}, "slots": {}})
    sign = db.get_one(RedFlag, flag)
    assert any(text.startswith(sign.message) for text in texts(dispatcher))


async def test_a_clinician_level_sign_already_said_is_not_said_again_when_the_questions_end(
    db: Session,
) -> None:
    ended = CollectingDispatcher()
    slots = {
        "triage": "see_clinician",
        "red_flags": ["pain-beyond-six-weeks"],
        "pain_duration": "five months",
        "screening_stopped": True,
    }
    await ActionScreeningResult().run(ended, tracker(slots=slots), DOMAIN)
    long_pain = db.get_one(RedFlag, "pain-beyond-six-weeks")
    assert not any(text.startswith(long_pain.message) for text in texts(ended))


async def test_stopped_questions_still_refer_long_pain_to_a_clinician(
    dispatcher: CollectingDispatcher, db: Session
) -> None:
    slots = {"triage": "none", "screening_stopped": True, "pain_duration": "about 4 months"}
    events = await ActionScreeningResult().run(dispatcher, tracker(slots=slots), DOMAIN)
    long_pain = db.get_one(RedFlag, "pain-beyond-six-weeks")
    assert texts(dispatcher)[0].startswith(long_pain.message)
    assert dispatcher.messages[-1].get("response") == "utter_screening_stopped"
    assert SlotSet("triage", "see_clinician") in events
    assert SlotSet("screened", True) not in events


async def test_result_after_stopping_says_how_to_come_back_and_gives_no_plan(
    dispatcher: CollectingDispatcher,
) -> None:
    slots = {"triage": "none", "screening_stopped": True, "screening_misses": ["leg_pain"]}
    events = await ActionScreeningResult().run(dispatcher, tracker(slots=slots), DOMAIN)
    assert [m.get("response") for m in dispatcher.messages] == ["utter_screening_stopped"]
    assert SlotSet("screened", True) not in events
    assert SlotSet("screening_stopped", False) in events
    assert SlotSet("screening_misses", []) in events


async def test_the_referral_is_not_repeated_when_the_red_flag_rule_just_gave_it(
    dispatcher: CollectingDispatcher,
) -> None:
    slots = {"triage": "emergency", "red_flags": ["saddle-numbness"]}
    events = [
        {"event": "user", "text": "i cant feel my bum"},
        {"event": "action", "name": "utter_emergency"},
        {"event": "action", "name": "action_red_flag_details"},
    ]
    result = await ActionScreeningResult().run(
        dispatcher, tracker(slots=slots, events=events), DOMAIN
    )
    assert dispatcher.messages == []
    assert SlotSet("screened", True) in result


@pytest.mark.parametrize(
    "typed",
    [
        "about the same, maybe a bit better",
        "not really changing",
        "getting worse tbh",
        "on and off a couple of years, getting better with yoga",
    ],
)
def test_how_the_pain_is_going_is_no_answer_to_the_checklist(
    typed: str, dispatcher: CollectingDispatcher
) -> None:
    result = validator.validate_rf_checklist(typed, dispatcher, tracker("inform", typed), {})
    assert result == {"rf_checklist": None}
    assert [m.get("response") for m in dispatcher.messages] == ["utter_screening_answer_elsewhere"]


@pytest.mark.parametrize("typed", ["yes, getting worse", "a bit worse and my legs feel weak"])
def test_the_course_told_with_a_sign_or_a_yes_is_still_a_yes(
    typed: str, dispatcher: CollectingDispatcher
) -> None:
    result = validator.validate_rf_checklist(typed, dispatcher, tracker("affirm", typed), {})
    assert result["rf_checklist"] == "yes" and result["triage"] == "emergency"


@pytest.mark.parametrize(
    "typed",
    [
        "sure go ahead",
        "sound 👍",
        "ok",
        "yes please",
        "👍🏽",
        "yes a plan pls",
        "yes just go",
        "yes he'll see the gp",
    ],
)
def test_a_go_ahead_to_the_checklist_is_asked_once_more_then_read_as_a_yes(
    typed: str, dispatcher: CollectingDispatcher, db: Session
) -> None:
    first = validator.validate_rf_checklist(typed, dispatcher, tracker("affirm", typed), {})
    assert first == {"rf_checklist": None, "screening_skips": ["rf_checklist"]}
    assert texts(dispatcher) == [db.get_one(Message, "signs-go-ahead-not-an-answer").text]
    asked_again = tracker("affirm", typed, slots={"screening_skips": ["rf_checklist"]})
    second = validator.validate_rf_checklist(typed, dispatcher, asked_again, {})
    assert second["rf_checklist"] == "yes" and second["triage"] == "emergency"


def test_a_skipped_question_is_asked_once_more_then_accepted(
    dispatcher: CollectingDispatcher, db: Session
) -> None:
    first = validator.validate_leg_pain("/skip", dispatcher, tracker("skip", "/skip"), {})
    assert first == {"leg_pain": None, "screening_skips": ["leg_pain"]}
    assert texts(dispatcher) == [db.get_one(Message, "ask-again-skipped").text]
    skipped_once = tracker("skip", "skip it", slots={"screening_skips": ["leg_pain"]})
    second = validator.validate_leg_pain("skip it", dispatcher, skipped_once, {})
    assert second == {"leg_pain": "skipped"}


@pytest.mark.parametrize(
    ("slot", "typed"),
    [("pain_area", "not sure"), ("pain_duration", "can't remember"), ("pain_score", "dunno")],
)
def test_not_sure_where_how_long_or_how_bad_is_a_skip(
    slot: str, typed: str, dispatcher: CollectingDispatcher
) -> None:
    validate = getattr(validator, f"validate_{slot}")
    said = tracker("skip", typed, slots={"screening_skips": [slot]})
    assert validate(typed, dispatcher, said, {}) == {slot: "skipped"}


@pytest.mark.parametrize(
    "typed",
    ["hang on, is exercising even safe with a bad back?", "what was the hinge again", "4", "ok"],
)
def test_a_question_or_another_answer_is_not_stored_as_the_pain_area(
    typed: str, dispatcher: CollectingDispatcher
) -> None:
    result = validator.validate_pain_area(typed, dispatcher, tracker("inform", typed), {})
    assert result["pain_area"] is None


def test_a_score_given_early_fills_its_question_and_is_no_miss(
    dispatcher: CollectingDispatcher,
) -> None:
    said = tracker("inform", "about a 4")
    said.slots["pain_score"] = "4"
    said.events.append({"event": "slot", "name": "pain_score", "value": "4"})
    result = validator.validate_rf_checklist("about a 4", dispatcher, said, {})
    assert result == {"rf_checklist": None}


def test_a_score_with_a_when_is_the_score_not_a_yes_to_the_signs(
    dispatcher: CollectingDispatcher,
) -> None:
    typed = "about 5/10, 7 when i stand up from the sofa"
    result = validator.validate_rf_checklist(typed, dispatcher, tracker("inform", typed), {})
    assert result == {"rf_checklist": None}
    assert dispatcher.messages[0]["response"] == "utter_screening_answer_elsewhere"


def test_a_no_said_beside_a_score_is_a_no_to_the_signs(dispatcher: CollectingDispatcher) -> None:
    typed = "lower back, 2 weeks. none of the warning stuff, no numbness. pain about 3/10"
    result = validator.validate_rf_checklist(typed, dispatcher, tracker("deny", typed), {})
    assert result["rf_checklist"] == "no"


def test_a_yes_said_beside_a_score_is_a_yes_to_the_signs(
    dispatcher: CollectingDispatcher,
) -> None:
    typed = "yes, 8/10 and I can't feel the toilet paper"
    result = validator.validate_rf_checklist(typed, dispatcher, tracker("affirm", typed), {})
    assert result["rf_checklist"] == "yes"


@pytest.mark.parametrize("typed", ["The pain is maybe 4 from 10.", "maybe a 6/10 today"])
def test_a_hedged_score_is_not_unsure_about_the_signs(
    typed: str, dispatcher: CollectingDispatcher
) -> None:
    result = validator.validate_rf_checklist(typed, dispatcher, tracker("inform", typed), {})
    assert result == {"rf_checklist": None}


@pytest.mark.parametrize(
    "typed",
    [
        "kinda boring tbh is there something else i can mix in",
        "sort of easy now, what comes after this one?",
    ],
)
def test_a_hedge_that_belongs_to_another_question_is_no_answer(
    typed: str, dispatcher: CollectingDispatcher
) -> None:
    # the only yes cue qualifies something else, and another question is asked: the list is
    # asked again, and nothing is raised
    result = validator.validate_rf_checklist(typed, dispatcher, tracker("skip", typed), {})
    assert result["rf_checklist"] is None and "triage" not in result


@pytest.mark.parametrize(
    "typed", ["kinda, is that bad?", "a bit when i bend", "yes a bit, how many reps"]
)
def test_a_hedge_asked_about_is_still_an_answer(
    typed: str, dispatcher: CollectingDispatcher
) -> None:
    result = validator.validate_rf_checklist(typed, dispatcher, tracker("inform", typed), {})
    assert result["rf_checklist"] == "yes" and result["triage"] == "emergency"


def test_a_hedge_about_a_sign_is_still_unsure(dispatcher: CollectingDispatcher) -> None:
    typed = "not sure, maybe the fever one"
    result = validator.validate_rf_checklist(typed, dispatcher, tracker("inform", typed), {})
    assert result["rf_checklist"] == "unsure" and result["triage"]


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
    assert validator.validate_pain_score(typed, dispatcher, tracker("inform", typed), {}) == {
        "pain_score": None,
        "screening_misses": ["pain_score"],
    }
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
    said = tracker("inform", typed)
    assert validator.validate_pain_area(typed, dispatcher, said, {}) == {"pain_area": stored}


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


def test_words_that_are_no_duration_are_asked_about_again_and_never_stored(
    dispatcher: CollectingDispatcher, db: Session
) -> None:
    first = validator.validate_pain_duration("lower back", dispatcher, tracker("inform"), {})
    assert first == {"pain_duration": None, "screening_misses": ["pain_duration"]}
    assert texts(dispatcher) == [db.get_one(Message, "duration-not-understood").text]
    missed = tracker("inform", slots={"screening_misses": ["pain_duration"]})
    second = validator.validate_pain_duration("ages", dispatcher, missed, {})
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


async def test_pregnancy_or_a_child_asks_no_questions_until_a_clinician_has_checked(
    dispatcher: CollectingDispatcher,
) -> None:
    slots = ["pain_area", "pain_duration"]
    pregnant = {"triage": "see_clinician", "red_flags": ["pregnancy-pelvic-pain"]}
    assert await validator.required_slots(slots, dispatcher, tracker(slots=pregnant), {}) == []
    checked = {**pregnant, "clinician_checked": True}
    assert await validator.required_slots(slots, dispatcher, tracker(slots=checked), {}) == slots


async def test_result_for_a_child_says_see_a_gp_first_and_leaves_the_questions_for_later(
    dispatcher: CollectingDispatcher,
) -> None:
    slots = {"triage": "see_clinician", "red_flags": ["under-16-back-pain"]}
    events = await ActionScreeningResult().run(dispatcher, tracker(slots=slots), DOMAIN)
    assert dispatcher.messages[-1]["response"] == "utter_see_first_child"
    # not screened: after the GP's check, a plan request asks the questions first
    assert SlotSet("screened", True) not in events
    assert not any(event["name"] == "current_plan" for event in events)


async def test_result_after_an_emergency_answer_is_the_emergency_reply(
    dispatcher: CollectingDispatcher,
) -> None:
    slots = {"triage": "emergency", "red_flags": ["saddle-numbness"]}
    events = await ActionScreeningResult().run(dispatcher, tracker(slots=slots), DOMAIN)
    assert dispatcher.messages[0]["response"] == "utter_emergency"
    assert events[0] == SlotSet("screened", True)
    assert not any(event["name"] == "current_plan" for event in events)
    assert not any("plan" in text.lower() for text in texts(dispatcher))


@pytest.mark.parametrize(
    ("told", "signals"),
    [
        ("on and off a couple of years, getting better with yoga", []),
        ("few months, bit better lately", []),
        ("10 months since my op, occasional ache now", []),
        ("a year, but way less than before the surgery", []),
        ("8 weeks, gradually better", []),
        ("two months, on the mend now", []),
        ("on and off for years, getting worse this winter", ["pain-beyond-six-weeks"]),
        ("3 months and not getting better", ["pain-beyond-six-weeks"]),
    ],
)
def test_long_pain_that_comes_and_goes_or_is_settling_is_no_referral(
    told: str, signals: list[str]
) -> None:
    assert clinician_signals(tracker(slots={"pain_duration": told, "leg_pain": "no"})) == signals


@pytest.mark.parametrize(("score", "signals"), [("0", []), ("1", ["pain-beyond-six-weeks"])])
def test_a_long_time_stiff_with_no_pain_today_is_no_long_pain(
    score: str, signals: list[str]
) -> None:
    slots = {"pain_duration": "ages, desk job", "leg_pain": "no", "pain_score": score}
    assert clinician_signals(tracker(slots=slots)) == signals


def test_the_course_told_in_another_message_counts_and_a_worse_anywhere_keeps_the_referral() -> (
    None
):
    def said(*texts: str) -> list[dict[str, Any]]:
        return [{"event": "user", "text": text} for text in texts]

    slots = {"pain_duration": "a couple of years", "leg_pain": "no"}
    settling = said("on and off a couple of years, getting better with yoga")
    assert clinician_signals(tracker(slots=slots, events=settling)) == []
    worse = said("on and off a couple of years", "its getting worse though")
    assert clinician_signals(tracker(slots=slots, events=worse)) == ["pain-beyond-six-weeks"]
    # a long conversation: the worse told late still counts
    long_worse = said("on and off a couple of years", *["lower back " * 60] * 3, "worse now")
    assert clinician_signals(tracker(slots=slots, events=long_worse)) == ["pain-beyond-six-weeks"]


def test_weeks_counted_since_are_a_point_in_time_not_how_long(
    dispatcher: CollectingDispatcher,
) -> None:
    typed = "few weeks, since about 20 weeks"
    said = tracker("inform", typed, [entity("duration", "20 weeks")])
    result = validator.validate_pain_duration("20 weeks", dispatcher, said, {})
    assert result == {"pain_duration": "few weeks"}


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
    result = validator.validate_rf_checklist("yes", dispatcher, tracker("affirm", "yes"), {})
    assert result == {"rf_checklist": "yes", "triage": "emergency"}


# ---------------------------------------------------------------- reading yes, no and stop


@pytest.mark.parametrize(
    ("typed", "answer"),
    [
        ("yeah a bit", "yes"),
        ("yep a bit down the right one", "yes"),
        ("sometimes", "yes"),
        ("only when I bend", "yes"),
        ("yse", "yes"),
        ("Yess", "yes"),
        ("kinda", "yes"),
        ("nah only in my back", "no"),
        ("not really", "no"),
        ("no to all of those", "no"),
        ("None of these", "no"),
        ("nope", "no"),
        ("noo", "no"),
        ("i dont think so", "no"),
        # the "i have" of a no
        ("I have no numbness and no trouble peeing", "no"),
        ("i had none of those", "no"),
        ("i have, in my left foot", "yes"),
        ("not sure", "unsure"),
        ("no idea", "unsure"),
        ("dunno", "unsure"),
        ("maybe", "unsure"),
        ("lower back", None),
        ("hmm", None),
        ("the numbness one", None),
    ],
)
def test_yes_no_or_not_sure_is_read_with_words_around_it(typed: str, answer: str | None) -> None:
    assert yes_no(typed) == answer


@pytest.mark.parametrize(
    ("typed", "stop"),
    [
        ("stop", True),
        ("later", True),
        ("never mind", True),
        ("nevermind", True),
        ("ok can we stop for now please", True),
        ("not now", True),
        ("it doesn't stop hurting", False),
        ("worse later in the day", False),
        ("no", False),
    ],
)
def test_asking_to_stop_is_the_whole_message(typed: str, stop: bool) -> None:
    assert wants_to_stop(typed) is stop


@pytest.mark.timing
def test_answer_patterns_stay_fast_on_a_wall_of_text() -> None:
    started = time.perf_counter()
    for text in ["no " * 5000, "ok " * 5000 + "x", "yes, " * 3000, "?" * 9000]:
        yes_no(text)
        wants_to_stop(text)
        is_question(text)
    assert time.perf_counter() - started < 0.5


def _story(*messages: str | tuple[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """User events for messages (text, or text with its entities), in the order typed."""
    events = []
    for told in messages:
        text, entities = (told, []) if isinstance(told, str) else told
        events.append({"event": "user", "text": text, "parse_data": {"entities": entities}})
    return events


async def _start_questions(
    dispatcher: CollectingDispatcher,
    events: list[dict[str, Any]],
    slots: dict[str, Any] | None = None,
) -> list[dict[str, Any]]:
    said = tracker("ask_exercise", "can you give me a plan", slots=slots, events=events)
    return await validator.run(dispatcher, said, {"forms": {}, "slots": {}})


async def test_where_and_how_long_told_before_the_questions_are_not_asked_again(
    dispatcher: CollectingDispatcher,
) -> None:
    events = await _start_questions(
        dispatcher,
        _story(
            "hiya",
            "my lower back has been killing me for about 10 days since i moved house, what now",
            "can you give me a plan",
        ),
    )
    assert SlotSet("pain_area", "lower back") in events
    duration = next(e["value"] for e in events if e.get("name") == "pain_duration")
    assert duration_days(duration) == 10
    assert texts(dispatcher) == [
        "Noted from what you've told me: lower back, for 10 days. No need to say that again."
    ]


@pytest.mark.parametrize(
    "told",
    [
        "my son's lower back has hurt for 2 weeks",
        "is it normal that my hip hurts after 2 weeks?",
        "I've been doing yoga for 3 weeks and love it",
        "she hurt her hip a month ago, can you help me help her",
        "what does sciatica feel like",
    ],
)
async def test_what_is_not_the_persons_own_pain_told_is_still_asked(
    told: str, dispatcher: CollectingDispatcher
) -> None:
    events = await _start_questions(dispatcher, _story(told, "give me exercises"))
    assert not any(e.get("name") in ("pain_area", "pain_duration") for e in events)
    assert texts(dispatcher) == []


async def test_an_exercise_named_is_no_place_and_a_later_telling_wins(
    dispatcher: CollectingDispatcher,
) -> None:
    circles = "my knees are sore after the hip circles"
    start = circles.index("hip circles")
    named = {"entity": "exercise", "value": "hip-circles", "start": start, "end": start + 11}
    events = await _start_questions(
        dispatcher,
        _story(
            "my back hurt a bit 3 days ago",
            "ok so it's actually my bum that's sore, it came back this week",
            (circles, [named]),
        ),
    )
    assert SlotSet("pain_area", "leg") in events
    duration = next(e["value"] for e in events if e.get("name") == "pain_duration")
    assert duration_days(duration) == 7


async def test_only_this_sessions_words_count_and_answers_already_given_are_kept(
    dispatcher: CollectingDispatcher,
) -> None:
    old = _story("my neck has been stiff for 5 months")
    new = _story("my lower back hurts since yesterday", "plan please")
    events = await _start_questions(
        dispatcher, [*old, {"event": "session_started"}, *new], slots={"pain_area": "hip"}
    )
    assert not any(e.get("name") == "pain_area" for e in events)
    duration = next(e["value"] for e in events if e.get("name") == "pain_duration")
    assert duration_days(duration) == 1


@pytest.mark.parametrize(
    ("intent", "taken"),
    [("bot_challenge", True), ("thank", True), ("report_red_flag", False)],
)
async def test_a_score_is_an_answer_whatever_the_classifier_made_of_its_words(
    intent: str, taken: bool, dispatcher: CollectingDispatcher
) -> None:
    said = tracker(
        intent,
        "5 i guess",
        slots={"requested_slot": "pain_score"},
        events=[{"event": "user", "text": "5 i guess"}],
    )
    domain = {"forms": {"screening_form": {"required_slots": ["pain_score"]}}, "slots": {}}
    events = await validator.run(dispatcher, said, domain)
    scores = [e["value"] for e in events if e.get("name") == "pain_score"]
    assert (scores and pain_score(scores[-1]) == 5) if taken else not any(scores), events


def _between_the_questions(text: str, card_messages_back: int) -> Tracker:
    """The pain_duration question waits; the Pallof press's card was shown before the person's
    message `card_messages_back` messages ago."""
    card = [
        {"event": "user", "text": "whats a pallof press"},
        {"event": "slot", "name": "current_exercise", "value": "pallof-press"},
        {"event": "bot", "text": "the card"},
    ]
    later = [{"event": "user", "text": "ok"}, {"event": "bot", "text": "How long?"}]
    return tracker(
        "ask_exercise",
        text,
        slots={"requested_slot": "pain_duration"},
        events=[*card, *later * (card_messages_back - 1), {"event": "user", "text": text}],
    )


async def test_a_question_about_the_card_between_the_questions_is_answered_and_asked_again(
    dispatcher: CollectingDispatcher,
) -> None:
    said = _between_the_questions("how many sets n reps", card_messages_back=2)
    events = await validator.run(dispatcher, said, {"forms": {}, "slots": {}})
    # the card's dose is said; the question is asked again, with no miss counted
    assert any("8 reps" in text for text in texts(dispatcher))
    assert SlotSet("pain_duration", None) in events
    assert "screening_misses" not in {event.get("name") for event in events}


@pytest.mark.parametrize(
    ("text", "messages_back"),
    [
        # an answer of the question's kind is read as the answer
        ("about 3 weeks, how many sets?", 2),
        # a card shown before more than the questions' start is no card just shown
        ("how many sets n reps", 3),
    ],
)
async def test_answers_and_older_cards_are_left_to_the_questions(
    text: str, messages_back: int, dispatcher: CollectingDispatcher
) -> None:
    said = _between_the_questions(text, messages_back)
    await validator.run(dispatcher, said, {"forms": {}, "slots": {}})
    assert not any("8 reps" in line for line in texts(dispatcher))


def test_the_time_of_a_pain_told_as_gone_is_asked_again(dispatcher: CollectingDispatcher) -> None:
    typed = "i had sciatica like 2 yrs ago, physio sorted it, totally gone since"
    result = validator.validate_pain_duration("2 yrs", dispatcher, tracker("inform", typed), {})
    assert result == {"pain_duration": None}
    assert texts(dispatcher), "the question is asked again"


@pytest.mark.parametrize(
    ("typed", "slot", "passed_over"),
    [
        ("just show me the exercises please", "pain_area", True),
        # an exercise asked about is answered between the questions, not a plea to skip them
        ("whats a plank lol", "pain_area", False),
        # the warning-sign questions are asked before any exercise, whatever the plea
        ("just show me the exercises please", "rf_checklist", False),
    ],
)
async def test_a_plea_for_the_exercises_passes_over_only_a_question_about_the_pain(
    typed: str, slot: str, passed_over: bool, dispatcher: CollectingDispatcher
) -> None:
    said = tracker(
        "ask_exercise",
        typed,
        slots={"requested_slot": slot},
        events=[{"event": "user", "text": typed}],
    )
    events = await validator.run(dispatcher, said, {"forms": {}, "slots": {}})
    assert (events == [SlotSet(slot, "skipped")]) is passed_over


@pytest.mark.parametrize(
    ("typed", "age"),
    [
        ("I am 29 years, healthy", "29 years"),
        # a child's age told without "old"
        ("I'm 32, baby is 5 months, no numbness now", "5 months"),
    ],
)
def test_an_age_is_no_time_and_keeps_the_time_told_before(
    dispatcher: CollectingDispatcher, typed: str, age: str
) -> None:
    said = tracker(
        "inform",
        typed,
        events=[
            {"event": "user", "text": "since 2 weeks"},
            {"event": "slot", "name": "pain_duration", "value": "2 weeks"},
            {"event": "user", "text": typed},
            {"event": "slot", "name": "pain_duration", "value": age},
        ],
    )
    assert validator.validate_pain_duration(age, dispatcher, said, {}) == {
        "pain_duration": "2 weeks"
    }


def test_signs_told_normal_in_a_list_of_noes_answer_the_list(
    dispatcher: CollectingDispatcher,
) -> None:
    typed = "No numb, no problem with toilet, no fever, the legs are strong, weight is same"
    result = validator.validate_leg_pain(typed, dispatcher, tracker("deny", typed), {})
    assert result == {"leg_pain": "no", "rf_checklist": "no"}


@pytest.mark.parametrize(
    ("typed", "answer"),
    [
        ("I am 29 years, healthy", "no"),
        ("healthy", "no"),
        ("im 45 and fit and well", "no"),
        # the age told after, or bare
        ("I am healthy, 38 years", "no"),
        ("29, healthy", "no"),
        ("healthy but my legs are weak", None),
        ("I was healthy until this, yes I am numb", "yes"),
    ],
)
def test_told_well_is_a_no_to_the_signs(typed: str, answer: str | None) -> None:
    assert yes_no(typed) == answer


@pytest.mark.parametrize(
    ("typed", "intent", "taken"),
    [
        # where, told as a whole sentence, as second-language answers say it
        ("Pain is in the low back, in the middle", "ask_pain_cause", True),
        ("hip", "ask_hip_pain", True),
        # a longer story read as a topic is no answer
        ("hips, a bit stiff from sitting all day at my desk lately", "ask_hip_pain", False),
        # a question is no answer, however short
        ("why does my hip hurt", "ask_hip_pain", False),
    ],
)
def test_a_plain_answer_read_as_a_topic_answers_where_it_hurts(
    typed: str, intent: str, taken: bool
) -> None:
    said = tracker(intent, typed, slots={"requested_slot": "pain_area"})
    _take_a_plain_answer_read_as_a_topic("pain_area", said)
    assert (said.get_slot("pain_area") == typed) is taken
