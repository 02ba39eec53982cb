"""Questions outside the exercises get the topic that answers them, or an honest line."""

from __future__ import annotations

import re

import pytest
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.orm import Session

from actions.education import ActionExplainTopic
from actions.questions import ActionAnswerAfterCheck, ActionAnswerQuestion
from backcare.knowledge.models import EducationTopic, Exercise
from tests.app.actions.conftest import DOMAIN, entity, texts, tracker

A_DOSE = re.compile(r"\d+\s*(mg|milligram|ml|tablets? a day)", re.IGNORECASE)


@pytest.mark.parametrize(
    ("intent", "text", "slug"),
    [
        (
            "out_of_scope",
            "Long story short: three years of on-off lower back trouble, two rounds of physio, "
            "and now the pain clinic has booked me in for an epidural next month. I've read "
            "mixed things. Anyone know what actually happens on the day??",
            "injections",
        ),
        ("out_of_scope", "thinking of buying one of those inversion tables off a friend", None),
        ("nlu_fallback", "my brother swears by his inversion table, hmm", None),
        ("nlu_fallback", "how long til it gets better", "how-long-back-pain-lasts"),
    ],
)
async def test_a_message_that_names_a_subject_gets_that_topic_in_full(
    dispatcher: CollectingDispatcher, db: Session, intent: str, text: str, slug: str | None
) -> None:
    await ActionAnswerQuestion().run(dispatcher, tracker(intent, text), DOMAIN)
    topic = db.get_one(EducationTopic, slug or "traction-and-inversion-tables")
    assert texts(dispatcher) == [f"{topic.title}\n{topic.body}"]


async def test_an_unplaced_message_that_names_nothing_gets_the_clarifying_question(
    dispatcher: CollectingDispatcher,
) -> None:
    await ActionAnswerQuestion().run(
        dispatcher, tracker("nlu_fallback", "ugh today has been one of those days"), DOMAIN
    )
    assert [m.get("response") for m in dispatcher.messages] == ["utter_clarify"]


@pytest.mark.parametrize(
    ("parts", "symptoms", "slug"),
    [
        (["lower back"], ["aching"], "joint-by-joint"),
        (["back"], ["stiff"], "stiffness-basics"),
        (["leg"], ["pins and needles"], "sciatica-basics"),
    ],
)
async def test_an_unplaced_message_telling_a_concern_gets_its_answer(
    dispatcher: CollectingDispatcher, db: Session, parts: list[str], symptoms: list[str], slug: str
) -> None:
    told = [entity("body_part", part) for part in parts] + [
        entity("symptom", symptom) for symptom in symptoms
    ]
    await ActionAnswerQuestion().run(
        dispatcher, tracker("nlu_fallback", "sorry to bother, long week", told), DOMAIN
    )
    topic = db.get_one(EducationTopic, slug)
    assert texts(dispatcher)[0].startswith(topic.title)
    assert "utter_clarify" not in [m.get("response") for m in dispatcher.messages]


async def test_an_unplaced_concern_says_its_clinician_level_sign(
    dispatcher: CollectingDispatcher,
) -> None:
    told = [
        entity("body_part", "lower back"),
        entity("symptom", "aching"),
        entity("red_flag", "new-pain-under-20-or-over-50"),
    ]
    await ActionAnswerQuestion().run(
        dispatcher, tracker("nlu_fallback", "hi, I'm 81 and my back aches lately", told), DOMAIN
    )
    assert any("GP" in text for text in texts(dispatcher)), texts(dispatcher)


async def test_an_unplaced_message_naming_an_exercise_gets_its_card(
    dispatcher: CollectingDispatcher, db: Session
) -> None:
    named = [entity("exercise", "pallof press")]
    said = "whats the pallof press supposed to feel like? i mostly feel my arms lol"
    await ActionAnswerQuestion().run(dispatcher, tracker("nlu_fallback", said, named), DOMAIN)
    card = texts(dispatcher)[0]
    assert card.startswith(db.get_one(Exercise, "pallof-press").name)
    assert "utter_clarify" not in [m.get("response") for m in dispatcher.messages]


async def test_an_exercise_named_after_an_emergency_gets_no_card(
    dispatcher: CollectingDispatcher, db: Session
) -> None:
    named = [entity("exercise", "bird dog")]
    after = {"triage": "emergency", "red_flags": ["bladder-problems"]}
    said = "bird dog thing still ok to do?? lol"
    await ActionAnswerQuestion().run(
        dispatcher, tracker("nlu_fallback", said, named, slots=after), DOMAIN
    )
    shown = "\n".join(texts(dispatcher))
    assert db.get_one(Exercise, "bird-dog").name not in shown
    assert "hands and knees" not in shown.lower()


@pytest.mark.parametrize(
    ("help_coming", "response"),
    [("true", "utter_after_emergency"), (None, "utter_out_of_scope")],
)
async def test_the_call_told_after_an_emergency_gets_what_to_do_meanwhile(
    dispatcher: CollectingDispatcher, help_coming: str | None, response: str
) -> None:
    after = {"triage": "emergency", "red_flags": ["bladder-problems"]}
    said = "my wife is calling 999"
    slots = {**after, "help_on_the_way": help_coming}
    await ActionAnswerQuestion().run(dispatcher, tracker("out_of_scope", said, slots=slots), DOMAIN)
    assert [m.get("response") for m in dispatcher.messages] == [response]


async def test_a_knee_alone_is_no_back_concern(dispatcher: CollectingDispatcher) -> None:
    told = [entity("body_part", "knee"), entity("symptom", "aching")]
    await ActionAnswerQuestion().run(
        dispatcher, tracker("nlu_fallback", "knee's been grumpy", told), DOMAIN
    )
    assert [m.get("response") for m in dispatcher.messages] == ["utter_clarify"]


async def test_a_question_no_topic_answers_gets_the_honest_line(
    dispatcher: CollectingDispatcher,
) -> None:
    await ActionAnswerQuestion().run(
        dispatcher, tracker("out_of_scope", "who won the football last night"), DOMAIN
    )
    assert [m.get("response") for m in dispatcher.messages] == ["utter_out_of_scope"]


@pytest.mark.parametrize(
    "text",
    [
        "how many mg of tramadol can I take in a day for my back",
        "what dose of ibuprofen should I be on, I'm 70kg",
        "can I double up my naproxen when the pain is bad",
    ],
)
async def test_a_dose_question_never_gets_a_dose(
    dispatcher: CollectingDispatcher, text: str
) -> None:
    await ActionAnswerQuestion().run(dispatcher, tracker("out_of_scope", text), DOMAIN)
    answer = "\n".join(texts(dispatcher))
    assert "pharmacist" in answer.lower()
    assert not A_DOSE.search(answer)


async def test_a_story_that_names_a_treatment_gets_its_question_answered_and_the_treatment(
    dispatcher: CollectingDispatcher, db: Session
) -> None:
    text = (
        "Sciatica down my left leg for five weeks now, worse when I sit. The GP mentioned a "
        "steroid injection if it doesn't settle. Why does the pain go all the way to my foot?"
    )
    await ActionExplainTopic().run(dispatcher, tracker("ask_sciatica", text), DOMAIN)
    sciatica = db.get_one(EducationTopic, "sciatica-basics")
    injections = db.get_one(EducationTopic, "injections")
    assert texts(dispatcher)[:2] == [
        f"{sciatica.title}\n{sciatica.summary}",
        f"{injections.title}\n{injections.summary}",
    ]


async def test_a_story_that_names_nothing_gets_only_its_question_answered(
    dispatcher: CollectingDispatcher, db: Session
) -> None:
    await ActionExplainTopic().run(
        dispatcher, tracker("ask_sciatica", "why does sciatica hurt so much in my calf"), DOMAIN
    )
    topics = {t.title for t in db.query(EducationTopic)}
    assert [t.split("\n")[0] for t in texts(dispatcher) if t.split("\n")[0] in topics] == [
        db.get_one(EducationTopic, "sciatica-basics").title
    ]


# A promise of cure, or a diagnosis, in words an answer could use.
PROMISE_OR_DIAGNOSIS = re.compile(
    r"\b(cures?|cured|guarantee[sd]?|will (fix|heal|cure) (it|your)|100% (better|fixed)|"
    r"you (have|have got|'ve got) (a |an )?(slipped|herniated|bulging|ruptured|torn|"
    r"arthritis|sciatica|cauda|fracture))",
    re.IGNORECASE,
)


@pytest.mark.parametrize(
    "text",
    [
        "can you diagnose me? lower back, left side, hurts when I cough",
        "tell me what's wrong with my back, is it a slipped disc or not",
        "will a microdiscectomy cure my sciatica for good?",
        "which treatment will fix my back for good, chiro or acupuncture?",
        "is there an injection that cures back pain",
    ],
)
async def test_a_question_asking_for_a_diagnosis_or_a_cure_gets_neither(
    dispatcher: CollectingDispatcher, text: str
) -> None:
    await ActionAnswerQuestion().run(dispatcher, tracker("out_of_scope", text), DOMAIN)
    answer = "\n".join(texts(dispatcher))
    assert answer, "a topic or the honest line answers"
    assert not PROMISE_OR_DIAGNOSIS.search(answer), answer


@pytest.mark.parametrize(
    ("triage", "checked", "answer"),
    [
        ("urgent", False, ["utter_check_still_matters"]),
        ("emergency", False, ["utter_check_still_matters"]),
        ("urgent", True, ["utter_out_of_scope"]),
        ("none", False, ["utter_out_of_scope"]),
    ],
)
async def test_someone_who_will_not_be_checked_after_an_alarm_hears_why_it_matters(
    dispatcher: CollectingDispatcher, triage: str, checked: bool, answer: list[str]
) -> None:
    said = "she says she doesnt want to bother the doctor"
    slots = {"triage": triage, "clinician_checked": checked}
    await ActionAnswerQuestion().run(
        dispatcher,
        tracker("out_of_scope", said, [entity("not_checked", "true")], slots=slots),
        DOMAIN,
    )
    assert [m.get("response") for m in dispatcher.messages] == answer


@pytest.mark.parametrize(
    ("triage", "text", "entities", "answer"),
    [
        # an exercise named after an alarm: the hold only
        (
            "emergency",
            "can i just do the frog stretch tonight",
            [("exercise", "frog stretch")],
            ["utter_after_emergency"],
        ),
        (
            "urgent",
            "can i just do the frog stretch tonight",
            [("exercise", "frog stretch")],
            ["utter_after_urgent"],
        ),
        # after an emergency, a topic that leads to exercises is not taught
        (
            "emergency",
            "should i be building strength before flexibility",
            [],
            ["utter_after_emergency"],
        ),
        # after an urgent referral, a topic whose words name drills is not sent either
        (
            "urgent",
            "should i be building strength before flexibility",
            [],
            ["utter_after_urgent"],
        ),
        ("urgent", "what exercises are good for my hips", [], ["utter_after_urgent"]),
        # a topic with no exercises is answered, and the answer ends with the help needed
        ("emergency", "will they give me an mri scan", [], [None, "utter_after_emergency"]),
        ("urgent", "will they give me an mri scan", [], [None, "utter_after_urgent"]),
    ],
)
async def test_after_an_alarm_a_question_teaches_no_exercise_and_ends_with_the_help_needed(
    dispatcher: CollectingDispatcher,
    triage: str,
    text: str,
    entities: list[tuple[str, str]],
    answer: list[str | None],
) -> None:
    said = tracker(
        "out_of_scope",
        text,
        [entity(name, value) for name, value in entities],
        slots={"triage": triage, "clinician_checked": False},
    )
    await ActionAnswerQuestion().run(dispatcher, said, DOMAIN)
    assert [m.get("response") for m in dispatcher.messages] == answer


@pytest.mark.parametrize(
    ("text", "slots", "answered"),
    [
        # the question beside the news gets its topic
        (
            "Update: the GP x-rayed her, it's a strain. Is something gentle for her posture ok?",
            {"triage": "urgent", "clinician_checked": True},
            True,
        ),
        # news with no question: the thanks is the whole answer
        ("saw the GP today, she says it's a muscle strain", {"clinician_checked": True}, False),
        # after an emergency teaching stays held, whatever was asked
        (
            "the paramedics checked me. is good posture important?",
            {"triage": "emergency", "clinician_checked": True},
            False,
        ),
    ],
)
async def test_a_question_beside_a_clinicians_check_gets_its_topic(
    dispatcher: CollectingDispatcher, text: str, slots: dict, answered: bool
) -> None:
    said = tracker("inform_clinician_checked", text, slots=slots)
    await ActionAnswerAfterCheck().run(dispatcher, said, DOMAIN)
    assert bool(texts(dispatcher)) is answered, texts(dispatcher)


@pytest.mark.parametrize(
    ("text", "slots", "plan"),
    [
        # asking to begin, beside the all-clear: the plan
        (
            "saw her, she examined me and said its muscular and fine to exercise. "
            "can we start now?",
            {"triage": "urgent", "clinician_checked": True},
            True,
        ),
        ("physio checked me over. so what exercises can i do?", {"clinician_checked": True}, True),
        # a question about the exercises is a topic's, not a plan
        (
            "the GP says it's a strain. how often should I do the exercises?",
            {"triage": "urgent", "clinician_checked": True},
            False,
        ),
        # after an emergency teaching stays held
        (
            "the paramedics checked me. can we start now?",
            {"triage": "emergency", "clinician_checked": True},
            False,
        ),
    ],
)
async def test_asking_to_begin_beside_a_clinicians_check_gets_the_plan(
    dispatcher: CollectingDispatcher, db: Session, text: str, slots: dict, plan: bool
) -> None:
    said = tracker("inform_clinician_checked", text, slots=slots)
    events = await ActionAnswerAfterCheck().run(dispatcher, said, DOMAIN)
    kept = any(event.get("name") == "current_plan" for event in events)
    assert kept is plan, (texts(dispatcher), events)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # a topic answers the question
        ("8 months of pain, physio, pills, an injection, nothing helps", "out_of_scope"),
        # no topic does
        ("my back has hurt for 8 months, who won the football last night", "out_of_scope"),
    ],
)
async def test_a_question_outside_the_exercises_still_says_its_clinician_level_sign(
    dispatcher: CollectingDispatcher, text: str, intent: str
) -> None:
    told = [entity("red_flag", "pain-beyond-six-weeks")]
    await ActionAnswerQuestion().run(dispatcher, tracker(intent, text, told), DOMAIN)
    assert any("GP" in text for text in texts(dispatcher)), texts(dispatcher)
