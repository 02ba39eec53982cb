"""The red-flag component's corrections of the intent classifier's reading."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot_extensions import cleared_checks, earlier_messages, waiting_check
from bot_extensions.check_policy import CHECK_FORMS
from bot_extensions.red_flags.component import RedFlagDetectorComponent, told_apart
from tests.bot.conftest import ROOT

CHECKED = "inform_clinician_checked"


@pytest.fixture(scope="module")
def component() -> RedFlagDetectorComponent:
    knowledge = ROOT / "data" / "knowledge"
    return RedFlagDetectorComponent(
        {
            "knowledge_file": str(knowledge / "red_flags.yml"),
            "checks_file": str(knowledge / "sign_checks.yml"),
        }
    )


def _read(
    component: RedFlagDetectorComponent,
    text: str,
    *readings: str,
    metadata: dict | None = None,
) -> Message:
    """The message once the component has read `text`, which the classifier read as
    `readings`, most likely first, with the `metadata` parse_message hands over."""
    ranking = [
        {"name": name, "confidence": share}
        for name, share in zip(readings, (0.5, 0.3, 0.2), strict=False)
    ]
    message = Message(
        data={
            "text": text,
            "intent": ranking[0],
            "intent_ranking": ranking,
            "entities": [],
            "metadata": metadata or {},
        }
    )
    component.process([message])
    return message


def _intent_after(component: RedFlagDetectorComponent, text: str) -> str:
    """The intent once the component has read `text` the classifier took for a check."""
    message = _read(component, text, CHECKED, "ask_exercise", "ask_pain_cause")
    return str(message.get("intent")["name"])


@pytest.mark.parametrize(
    "text",
    [
        "he refuses to go to hospital, says its just bruising. any gentle stretches?",
        "I haven't seen anyone yet, the GP can't get me in till Friday",
        "still waiting for a GP appointment, can I do the plank meanwhile",
        "she won't go to the doctor, what can she do at home",
        "she says she doesnt want to bother the doctor",
        "my husband thinks I should ring the GP but I'd rather not make a fuss",
        "do I need a doctor for this or can I just exercise",
        # a check long before the sign told since
        "its only a pulled muscle. my doctor checked me over last month and said i was fine",
        # a state told, of a cancer years ago, not a check of this pain
        "but im all clear tho so its fine right? just want some exercises",
    ],
)
def test_a_clinician_named_but_not_seen_is_no_check(
    component: RedFlagDetectorComponent, text: str
) -> None:
    assert _intent_after(component, text) == "ask_exercise"


@pytest.mark.parametrize(
    "text",
    [
        "the doctor at A&E checked me over and said it's a sprain",
        "been to the GP this morning, she examined me and said it's muscular",
        "saw the physio yesterday, she's happy for me to carry on",
        "the doc says its just a strain",
        "went to urgent care last night and the x-ray was clear",
        "got the all clear from my consultant",
    ],
)
def test_a_check_told_stays_a_check(component: RedFlagDetectorComponent, text: str) -> None:
    assert _intent_after(component, text) == CHECKED


def _reading_of(component: RedFlagDetectorComponent, text: str, classifier: str) -> str:
    message = _read(component, text, classifier, "report_red_flag", "ask_pain_cause")
    assert message.get("red_flag_findings")["asked"] is not None, "the text must get a check"
    return str(message.get("intent")["name"])


URGENT_CHECK = "had a fever last month and my back is stiff in the mornings, is that normal?"
EMERGENCY_CHECK = "years ago I lost control of my bladder once, my back aches when I sit"


def test_an_urgent_check_keeps_what_the_person_asked(component) -> None:
    assert _reading_of(component, URGENT_CHECK, "ask_stiffness") == "ask_stiffness"


def test_an_urgent_check_read_as_a_red_flag_by_the_classifier_stays_one(component) -> None:
    assert _reading_of(component, URGENT_CHECK, "report_red_flag") == "report_red_flag"


def test_an_emergency_check_reads_as_a_red_flag(component) -> None:
    assert _reading_of(component, EMERGENCY_CHECK, "ask_pain_cause") == "report_red_flag"


def _check_reply(component: RedFlagDetectorComponent, text: str) -> str | None:
    """How a waiting check reads the reply: a no (the deny intent), a yes (`check_reply`)."""
    message = _read(component, text, "nlu_fallback")
    if message.get("intent")["name"] == "deny":
        return "no"
    replies = [e["value"] for e in message.get("entities") if e["entity"] == "check_reply"]
    return replies[0] if replies else None


@pytest.mark.parametrize(
    ("text", "reply"),
    [
        ("no?? why", "no"),
        ("nah, why do you ask", "no"),
        ("not rn but it was yesterday", "yes"),
        # a fall told, for a check that asked about one
        ("oh he did slip on the stairs on monday, it got worse after", "yes"),
        ("last week i slip in the garden, small fall on my side", "yes"),
        ("it comes and goes", "yes"),
        ("kinda, only when I sit", "yes"),
        # a hedge in a questioning voice is still a hedge; a question after it is a question
        ("sometimes? it kinda comes back when ive been sat a while", "yes"),
        ("maybe? what do you mean by numb?", None),
        # a yes first, whatever the rest reads as
        ("yeah i mean i couldn't hold it, never happened before", "yes"),
        ("yep since tuesday", "yes"),
        ("what does that mean", None),
        # the help refused is no denial of the sign
        ("nah im not going to a&e tonight, its heaving. just give me a stretch", "yes"),
        ("no, i cant go to hospital, got work tomorrow", "yes"),
        # "a bit" as the answer is a hedge; a bit better, or a mild symptom described, is not
        ("a bit", "yes"),
        ("yeah a little", "yes"),
        ("its a little better each day, can i swim yet", None),
        # the sign told as someone else's
        ("not me lol, that was my dad. im just sore", "no"),
    ],
)
def test_a_check_answer_is_a_plain_no_or_no_clear_no(component, text: str, reply) -> None:
    assert _check_reply(component, text) == reply


def _read_after(
    component: RedFlagDetectorComponent,
    earlier: list[str],
    text: str,
    waiting: str | None = None,
    story_hip: str | None = None,
    cleared: tuple[str, ...] = (),
    intent: str = "ask_pain_cause",
) -> Message:
    """The message once the component has read `text`, which the classifier read as `intent`,
    sent after the short `earlier` ones (or after a long story that named `story_hip`), while a
    check of level `waiting` waits for its answer (None: none does)."""
    message = Message(
        data={
            "text": text,
            "intent": {"name": intent, "confidence": 0.6},
            "intent_ranking": [{"name": intent, "confidence": 0.6}],
            "entities": [],
            "metadata": cleared_checks.with_cleared(
                waiting_check.with_waiting(
                    earlier_messages.with_earlier({}, earlier, story_hip), waiting
                ),
                list(cleared),
            ),
        }
    )
    component.process([message])
    return message


def _alarm(message: Message) -> tuple[str | None, list[str]]:
    entities = message.get("entities")
    level = next((e["value"] for e in entities if e["entity"] == "triage_level"), None)
    return level, [
        f["layer"] for f in message.get("red_flag_findings")["findings"] if f["status"] == "present"
    ]


def test_a_reply_to_a_waiting_check_opens_none_less_urgent(component) -> None:
    reply = "about 5 weeks ago i think. its not getting better, same as the second week"
    checks = {"check_emergency", "check_urgent", "check_see_clinician"}
    # alone, the weeks of pain are asked about (five of them: eight are the referral itself)
    assert checks & {e["entity"] for e in _read_after(component, [], reply).get("entities")}
    # as the answer to the fall check, they are not: that check's answer is what is read
    waiting = _read_after(component, [], reply, waiting="emergency")
    assert not checks & {e["entity"] for e in waiting.get("entities")}
    # a client cannot say a check waits
    assert waiting_check.from_metadata({waiting_check.KEY: "no_such_level"}) is None


def test_an_age_told_after_a_fall_with_thin_bones_denied_still_raises_the_alarm(
    component,
) -> None:
    earlier = ["stumbled off the curb on monday and landed on my hip, lower back aches since"]
    text = "what's my age got to do with it? i'm 61. no osteoporosis as far as i know"
    assert _alarm(_read_after(component, earlier, text)) == ("urgent", ["told_across_messages"])
    # the fall itself denied is still no fall
    assert (
        _alarm(_read_after(component, ["i'm 61 and my lower back aches"], "no, i didn't fall"))[0]
        is None
    )


def test_a_fall_and_an_age_told_in_a_burst_of_messages_raise_the_alarm(component) -> None:
    earlier = ["its for my dad", "hes 81"]
    text = "slipped on the ice this morning n landed on his back"
    assert _alarm(_read_after(component, [], text)) == (None, [])
    told = _read_after(component, earlier, text)
    assert _alarm(told) == ("urgent", ["told_across_messages"])
    assert told.get("intent")["name"] == "report_red_flag"


def test_a_fall_denied_earlier_and_told_now_raises_the_alarm(component) -> None:
    earlier = ["im 80", "didnt fall or anything"]
    text = "well i slipped on the stairs this morning"
    assert _alarm(_read_after(component, [], text))[0] is None
    assert _alarm(_read_after(component, earlier, text)) == ("urgent", ["told_across_messages"])


def test_a_history_asked_about_alone_is_told_with_the_pain_just_before(component) -> None:
    # Alone, a relative's old cancer with no pain told asks whether it bears on a back pain;
    # after the pain told just before, it is the history with new back pain.
    earlier = ["my dad is 70, his lower back has been hurting for about a month"]
    text = "he had bowel cancer a few years back, all fine since"
    alone = _read_after(component, [], text)
    assert _alarm(alone)[0] is None
    assert any(e["entity"] == "check_question" for e in alone.get("entities"))
    assert _alarm(_read_after(component, earlier, text)) == ("urgent", ["told_across_messages"])


def test_a_more_urgent_flag_told_across_messages_lifts_an_urgent_one(component) -> None:
    # The fever alone is urgent; with the hip named just before, a hot swollen hip with a
    # fever is the emergency.
    earlier = ["my hip hurts after football, any stretches"]
    text = "its swollen and red hot now and i had a temp of 39 last night"
    assert _alarm(_read_after(component, [], text))[0] == "urgent"
    level, layers = _alarm(_read_after(component, earlier, text))
    assert level == "emergency"
    assert "told_across_messages" in layers


def test_an_urgent_flag_told_across_messages_adds_nothing_to_an_urgent_one(component) -> None:
    # A fever of this message's own is urgent; an age and a fall told across messages are
    # urgent too, and are not added on top.
    earlier = ["hes 81"]
    text = "he slipped on the ice this morning and now has a fever and shivers"
    findings = _read_after(component, earlier, text).get("red_flag_findings")["findings"]
    assert not [f for f in findings if f["layer"] == "told_across_messages"]


@pytest.mark.parametrize(
    ("earlier", "text"),
    [
        # Nothing in this message adds to what came before.
        (["hes 81", "slipped on the ice this morning n landed on his back"], "thanks"),
        # Told in the earlier messages alone: answered when it came, not raised again.
        (["hes 81 and slipped on the ice this morning"], "his back is sore"),
        # No age of 50 or more anywhere.
        (["its for my son", "hes 18"], "slipped on the ice this morning n landed on his back"),
        # The fall is denied.
        (["im 72"], "no falls or anything, it just aches in the mornings"),
    ],
)
def test_no_alarm_across_messages_without_a_new_part_of_it(component, earlier, text) -> None:
    assert _alarm(_read_after(component, earlier, text))[0] is None


def test_an_earlier_message_ends_its_sentence_once() -> None:
    assert (
        told_apart(["hes 81.", "slipped", "is that bad?", "x"]) == "hes 81. slipped. is that bad? x"
    )
    assert told_apart(["just the one"]) == "just the one"


def test_an_earlier_message_that_ended_its_sentence_is_not_read_into_the_next(component) -> None:
    # "...just do exercise.." ran on into the next message for the parser: the doctor's "said"
    # was read with the question's "cauda equina" as an emergency told
    message = _read_after(
        component,
        ["My GP examined me monday and said no signs of anything serious, just do exercise."],
        "only out of curiosity, can a bad back turn into cauda equina? i have none of it",
    )
    assert _alarm(message)[0] is None


@pytest.mark.parametrize(
    "metadata",
    [
        None,
        {"backbone_earlier_messages": "hes 81"},
        {"backbone_earlier_messages": [81, None, {"text": "hes 81"}]},
        {"backbone_earlier_messages": ["x" * 500 + " hes 81"]},
    ],
)
def test_malformed_earlier_messages_are_read_as_none(metadata) -> None:
    assert earlier_messages.from_metadata(metadata) == []


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        # a clinician named but not seen: the reply after an alarm says why a check matters
        ("she says she doesnt want to bother the doctor", "not_checked"),
        ("he refuses to go to hospital", "not_checked"),
        ("I'd rather not make a fuss at the GP", "not_checked"),
        ("I haven't seen the doctor yet, he refused to see me yesterday", "not_checked"),
        ("I don't want to make a fuss about a plank", None),
        # a check told as done lately, whatever is asked: the hold on exercises lifts
        ("saw the GP this morning, all fine", "check_told"),
        ("the gp checked me yesterday, can I do the plank now?", "check_told"),
        (
            "saw the physio this morning and she said its a strain, what about bird dogs?",
            "check_told",
        ),
        (
            "doctor see me yesterday, she make examination, she say it is ok. teach me plank",
            "check_told",
        ),
        # told with "today" as done, and in a second language's words
        ("saw my rheumatologist today and she examined me, side plank ok?", "check_told"),
        ("Today I was at GP. She check me, make blood test, all fine. Now plank?", "check_told"),
        # the clinician's name alone is no new sign: "oncologist" tells the old cancer
        (
            "saw my oncologist today, she examined me and said exercise is fine. side plank ok?",
            "check_told",
        ),
        ("the doctor will see me tomorrow, can I do the plank till then?", None),
        ("the doctor sees me today, what can I do meanwhile?", None),
        ("went to the GP last year about my back, can I do the plank?", None),
        # a new alarm in the same message: the check came before it
        (
            "saw the GP yesterday, but now I've got a fever and shivers with my back, plank ok?",
            None,
        ),
    ],
)
def test_a_clinician_named_is_marked_as_seen_lately_or_not_seen(
    component: RedFlagDetectorComponent, text: str, marked: str | None
) -> None:
    message = _read(component, text, "ask_exercise", "ask_pain_cause")
    names = {e["entity"] for e in message.get("entities")} & {"not_checked", "check_told"}
    assert names == ({marked} if marked else set())


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        # a check's answer told unasked judges only that check's sign
        ("the pain came back three weeks ago out of nowhere, I didn't fall or anything", True),
        # a sign the rules found and judged settles the classifier's reading
        ("no numbness down there, the pain came back three weeks ago", False),
    ],
)
def test_the_classifiers_red_flag_is_asked_about_unless_the_rules_judged_a_sign(
    component, text: str, asked: bool
) -> None:
    sure = {"name": "report_red_flag", "confidence": 0.9}
    message = Message(data={"text": text, "intent": sure, "intent_ranking": [sure], "entities": []})
    component.process([message])
    questions = [e for e in message.get("entities") if e["entity"] == "check_question"]
    assert bool(questions) is asked


@pytest.mark.parametrize(
    ("entity", "text", "value"),
    [
        # the kind of emergency, which picks the replies after it
        ("alarm_kind", "I want to kill myself, my back pain is too much", "crisis"),
        # both kinds in one message: the replies name a crisis line and an examination
        (
            "alarm_kind",
            "i fell off a ladder an hour ago, back is agony, honestly i just want to end it all",
            "both",
        ),
        (
            "alarm_kind",
            "I can't feel anything when I wipe and I wet myself this morning",
            "medical",
        ),
        # an urgent sign is no emergency: no kind
        ("alarm_kind", "I had breast cancer and now my back hurts", None),
        # who checks first, before any exercise
        ("see_first", "I'm 30 weeks pregnant and my lower back aches", "pregnancy"),
        ("see_first", "I had a discectomy two weeks ago, when can I do planks?", "surgery"),
        ("see_first", "my lower back aches after gardening", None),
        # help told as on its way, which the replies after an emergency then follow
        ("help_coming", "ok the ambulance is on its way, what do i do while we wait", "true"),
        ("help_coming", "hubby rang 999, paramedics are here", "true"),
        ("help_coming", "alright, she's ringing for an ambulance now. what do i do", "true"),
        ("help_coming", "we're in A&E now, can I have water", "true"),
        ("help_coming", "my husband is ringing 999 now, is there anything we should do", "true"),
        ("help_coming", "I'm not going to A&E, it's not that bad", None),
        ("help_coming", "ok fine we'll go. what do we say when we get there", "true"),
        ("help_coming", "driving her to the hospital now, anything we should bring", "true"),
        ("help_coming", "well i will go for a walk instead", None),
        ("help_coming", "in 2019 they called an ambulance when my back went", None),
        ("help_coming", "no help is coming, the roads are closed", None),
        ("help_coming", "ok ringing now. what do i do while we wait", "true"),
        ("help_coming", "my mum is calling now about the bins", None),
        # several signs told absent, which after an offer is no "no thanks"
        ("signs_denied", "no numbness, peeing fine, no fever, legs are strong", "true"),
        ("signs_denied", "no numbness but i wet myself this morning", None),
        ("signs_denied", "no numbness, no fever?", None),
        ("signs_denied", "no numbness, peeing is normal, no fever. can i still go gym", None),
        # checklist items read back as questions and answered no
        ("signs_denied", "fever? no. peeing fine. legs work fine", "true"),
    ],
)
def test_what_picks_the_replies_is_marked(
    component, entity: str, text: str, value: str | None
) -> None:
    message = _read(component, text, "report_red_flag")
    values = [e["value"] for e in message.get("entities") if e["entity"] == entity]
    assert values == ([value] if value else [])


@pytest.mark.parametrize(
    ("text", "answer_kept"),
    [
        (
            "pulled my back gardening on sunday, sore to bend. before you ask: no numbness, "
            "no bladder trouble, no fever",
            False,
        ),
        ("I don't have any numbness or bladder trouble and no fever, my legs are fine", True),
        ("nope, nothing like that at all, legs are fine and the toilet is normal too", True),
    ],
)
def test_a_story_that_lists_what_it_has_not_got_is_no_bare_no(
    component: RedFlagDetectorComponent, text: str, answer_kept: bool
) -> None:
    message = Message(
        data={
            "text": text,
            "intent": {"name": "report_red_flag", "confidence": 0.5},
            "intent_ranking": [
                {"name": "report_red_flag", "confidence": 0.5},
                {"name": "deny", "confidence": 0.3},
                {"name": "ask_pain_cause", "confidence": 0.2},
            ],
            "entities": [],
        }
    )
    component.process([message])
    assert (message.get("intent")["name"] == "deny") == answer_kept


@pytest.mark.parametrize(
    ("text", "lasting"),
    [
        ("no chest pain, breathing fine. its just sore there all the time", True),
        ("no, it wakes me every night", True),
        ("no, its not there all the time, only after work", False),
        ("is it bad if it hurts all the time?", False),
    ],
)
def test_pain_told_as_lasting_answers_the_checks_below_an_emergency(
    component: RedFlagDetectorComponent, text: str, lasting: bool
) -> None:
    message = _read(component, text, "deny", "ask_pain_cause")
    names = [e["entity"] for e in message.get("entities")]
    assert ("lasting_reply" in names) == lasting
    assert "raise_to_emergency" not in names or "check_reply" in names


@pytest.mark.parametrize(
    ("text", "reply", "intent"),
    [
        # a no that says the sign has gone: no "only when" yes after it
        ("nope its gone now, it only happens when i kneel like that", None, "deny"),
        ("not rn but it was there yesterday", "yes", "affirm"),
        # a check told while a check waits answers it no, and is what the message says
        (
            "update, the gp came this afternoon and examined her, no fracture on the xray",
            "no",
            "inform_clinician_checked",
        ),
        # told with its time, the check is no "it was yesterday" yes
        ("saw the doctor yesterday and she checked me over, all fine", "no", None),
        # a question asked back, then the answer told after it
        ("why does that matter? i tripped on the step in the garden, nothing much", "yes", None),
        # ...but a question alone, or with a few words after it, is no answer
        ("why does that matter? just wondering", None, None),
    ],
)
def test_a_reply_to_a_waiting_check_is_read_as_yes_no_or_a_check_told(
    component: RedFlagDetectorComponent, text: str, reply: str | None, intent: str | None
) -> None:
    message = _read(component, text, "affirm", "inform", "deny")
    answers = {
        e["value"]
        for e in message.get("entities")
        if e["entity"] in ("check_reply", "checked_reply")
    }
    assert answers == ({reply} if reply else set())
    if intent:
        assert message.get("intent")["name"] == intent


@pytest.mark.parametrize(
    ("text", "reading", "passed"),
    [
        (
            "it went away in a minute when i stood up and shook it. is that bad?",
            "ask_stiffness",
            True,
        ),
        ("its gone now, what stretches can i do?", "ask_exercise", True),
        # no question read: a yes/no of its own, as before
        ("it went away in a minute when i stood up", "inform", False),
        # told present: no
        ("it went away when i stood up but now both my legs are numb, why?", "ask_sciatica", False),
    ],
)
def test_a_sign_told_as_passed_answers_a_waiting_check_no(
    component: RedFlagDetectorComponent, text: str, reading: str, passed: bool
) -> None:
    message = _read(component, text, reading, "inform", "affirm")
    told = [e["value"] for e in message.get("entities") if e["entity"] == "passed_reply"]
    assert told == (["no"] if passed else [])


@pytest.mark.parametrize(
    ("earlier", "text", "asked"),
    [
        # a sign only suspected across short messages gets its check question
        (["pain"], "between my shoulder blades", "thoracic-back-pain"),
        (["my back is killing me"], "its up between the shoulder blades", "thoracic-back-pain"),
        # ...once: the answer after it opens no new question
        (["pain", "between my shoulder blades"], "its there most of the time", None),
        (["my lower back aches"], "after gardening all weekend", None),
    ],
)
def test_a_sign_suspected_across_short_messages_gets_its_check_once(
    component: RedFlagDetectorComponent, earlier: list[str], text: str, asked: str | None
) -> None:
    message = _read_after(component, earlier, text)
    checks = [e["value"] for e in message.get("entities") if e["entity"] in CHECK_FORMS]
    assert checks == ([asked] if asked else [])


@pytest.mark.parametrize(("confidence", "asked"), [(0.65, True), (0.55, False)])
def test_a_red_flag_no_rule_places_is_asked_about_when_the_classifier_is_fairly_sure(
    component: RedFlagDetectorComponent, confidence: float, asked: bool
) -> None:
    text = "something is really not right with my back this week and I am scared"
    message = Message(
        data={
            "text": text,
            "intent": {"name": "report_red_flag", "confidence": confidence},
            "intent_ranking": [
                {"name": "report_red_flag", "confidence": confidence},
                {"name": "ask_pain_cause", "confidence": 1.0 - confidence},
            ],
            "entities": [],
        }
    )
    component.process([message])
    findings = message.get("red_flag_findings")
    assert findings["findings"] == []
    assert (findings["asked"] or {}).get("layer") == ("classifier" if asked else None)
    assert message.get("intent")["name"] == ("report_red_flag" if asked else "ask_pain_cause")


def test_a_red_flag_reading_of_a_look_alike_the_rules_judged_is_not_asked_about(
    component: RedFlagDetectorComponent,
) -> None:
    text = "ive been killing myself at the gym for weeks trying to fix my back"
    message = Message(
        data={
            "text": text,
            "intent": {"name": "report_red_flag", "confidence": 0.8},
            "intent_ranking": [
                {"name": "report_red_flag", "confidence": 0.8},
                {"name": "ask_exercise_safety", "confidence": 0.2},
            ],
            "entities": [],
        }
    )
    component.process([message])
    findings = message.get("red_flag_findings")
    assert [(f["slug"], f["status"]) for f in findings["findings"]] == [
        ("suicide-self-harm", "look_alike")
    ]
    assert findings["asked"] is None
    assert message.get("intent")["name"] == "ask_exercise_safety"


def test_a_no_with_a_sign_passed_and_a_question_keeps_the_question(
    component: RedFlagDetectorComponent,
) -> None:
    text = (
        "no, nothing anywhere else and it goes away completely when i stand. "
        "so is it a nerve thing?"
    )
    message = _read(component, text, "ask_sciatica", "deny", "ask_pain_cause")
    assert message.get("intent")["name"] == "ask_sciatica"
    assert any(
        e["entity"] == "passed_reply" and e["value"] == "no" for e in message.get("entities")
    )


@pytest.mark.parametrize(
    ("text", "waiting", "reply"),
    [
        # the fall the urgent check asks about, seen to with its outcome told: a no
        (
            "I tripped on a rug and went to A&E. They x-rayed my hip and nothing was broken.",
            "urgent",
            {"checked_reply": "no"},
        ),
        # ...not while an emergency check waits, whose yes stands
        (
            "I tripped on a rug and went to A&E. They x-rayed my hip and nothing was broken.",
            "emergency",
            {"check_reply": "yes"},
        ),
        # seen to, and still unable to walk: anything but a clear no
        (
            "I tripped and they x-rayed my hip, nothing was broken but I still can't walk",
            "urgent",
            {"check_reply": "yes"},
        ),
    ],
)
def test_an_injury_told_as_seen_to_answers_a_waiting_check_below_emergency_no(
    component: RedFlagDetectorComponent, text: str, waiting: str, reply: dict[str, str]
) -> None:
    entities = _read_after(component, [], text, waiting=waiting).get("entities")
    answers = {
        e["entity"]: e["value"] for e in entities if e["entity"] in ("check_reply", "checked_reply")
    }
    assert answers == reply


def _read_while_waiting(
    component: RedFlagDetectorComponent,
    text: str,
    question: str,
    level: str,
    reading: tuple[str, float] = ("ask_exercise", 0.4),
) -> Message:
    """`text` read while the check `question` of `level` waits, the classifier's `reading`."""
    name, confidence = reading
    message = Message(
        data={
            "text": text,
            "intent": {"name": name, "confidence": confidence},
            "intent_ranking": [{"name": name, "confidence": confidence}],
            "entities": [],
            "metadata": waiting_check.with_waiting({}, level, question),
        }
    )
    component.process([message])
    return message


def _replies_to(
    component: RedFlagDetectorComponent, text: str, question: str, level: str = "urgent"
) -> set[str]:
    """The answer entities read from `text` while the check `question` of `level` waits."""
    message = _read_while_waiting(component, text, question, level)
    return {f"{e['entity']}={e['value']}" for e in message.get("entities")}


FEVER_QUESTION = (
    "Do you have a fever, shivers or sweats, or feel very unwell with this back pain now?"
)


@pytest.mark.parametrize(
    ("text", "clear_no"),
    [
        # a pain score's range is no hedge
        ("no temperature now, feel fine, just sore after the gym. like a 2, maybe 3", True),
        ("nope, feel fine. maybe a 4 on a bad day", True),
        # a hedge is
        ("no... maybe a bit shivery last night", False),
    ],
)
def test_a_no_with_a_pain_score_range_answers_the_check_no(
    component: RedFlagDetectorComponent, text: str, clear_no: bool
) -> None:
    message = _read_while_waiting(component, text, FEVER_QUESTION, "urgent", ("ask_stiffness", 0.3))
    assert (message.get("intent")["name"] == "deny") is clear_no


NOW_QUESTION = "Is that tingling or numbness in your leg or foot still there now, or spreading?"
HISTORY_QUESTION = "Have you ever had cancer, or are you being checked or treated for it?"


@pytest.mark.parametrize(
    ("text", "question", "reply"),
    [
        # a yes that says the sign is over answers "is it there now?" with a no
        (
            "yeah its fine now, can feel everything. what should i do for my back",
            NOW_QUESTION,
            "no",
        ),
        ("yep all gone now", NOW_QUESTION, "no"),
        # a reply that says it is not there now, whatever it opens with
        ("not since the op. bladder's fine, feeling's all back, that was 2018", NOW_QUESTION, "no"),
        ("nothing like that now, just achy", NOW_QUESTION, "no"),
        # an injury told as mended
        ("fully healed, the surgeon signed me off in 2019", NOW_QUESTION, "no"),
        # ...but not with the sign kept after it
        ("yeah its fine now but my foot is still numb", NOW_QUESTION, "yes"),
        # a history asked about: "fine now" is the yes of someone who had it
        ("yeah its fine now, in remission", HISTORY_QUESTION, "yes"),
    ],
)
def test_a_yes_that_tells_the_sign_over_answers_a_question_about_now(
    component: RedFlagDetectorComponent, text: str, question: str, reply: str
) -> None:
    replies = _replies_to(component, text, question)
    assert ("check_reply=yes" in replies) == (reply == "yes")
    assert ("passed_reply=no" in replies) == (reply == "no")


def test_a_client_cannot_hand_over_a_waiting_question() -> None:
    # the question is read only beside a waiting check's level, which parse_message writes
    assert waiting_check.question_from_metadata({waiting_check.QUESTION_KEY: "now?"}) == ""
    handed = waiting_check.with_waiting({}, "urgent", "x" * 1000)
    assert len(waiting_check.question_from_metadata(handed)) == waiting_check.LONGEST_QUESTION


def test_not_since_a_day_is_no_end(component: RedFlagDetectorComponent) -> None:
    # "not since monday" tells since when it has lasted, not that it has ended
    replies = _replies_to(component, "i havent felt my foot right, not since monday", NOW_QUESTION)
    assert "passed_reply=no" not in replies


@pytest.mark.parametrize(
    ("text", "no"),
    [
        # a story that ends in the check's clear no
        (
            "ha long story, years ago after my first kid i leaked when i coughed, physio fixed "
            "it ages ago. nothing like that now",
            True,
        ),
        # a sign told today, then the same words, is still a sign
        ("i wet myself this morning on the bus. nothing like that now", False),
        # a question asked after it is no answer yet
        ("nothing like that now. why do you ask?", False),
        # a story that ends by denying the check's signs, one by one
        (
            "its just my lower back, sore since i carried the boxes upstairs. no numbness no "
            "problems peeing nothing",
            True,
        ),
        # a denial of one sign with another told is no no
        ("sore since the weekend. no trouble peeing but my bum is numb", False),
        # a denial that opens nothing: the sentence tells the sign
        ("sore since the weekend. i have no feeling when i pee", False),
    ],
)
def test_a_story_ending_in_a_clear_no_answers_an_emergency_check_no(
    component, text: str, no: bool
) -> None:
    message = _read_after(component, [], text, "emergency")
    assert (message.get("intent")["name"] == "deny") is no


INJURY_QUESTION = (
    "Since that fall, is any of this happening now: you can't stand or walk, a leg is numb, "
    "weak or tingling, or the pain is severe and getting worse?"
)
CAUDA_EQUINA_QUESTION = (
    "Before anything else, is any of this happening to you now: numbness around your bottom or "
    "genitals, new trouble peeing or controlling your bowels, or pain, numbness or weakness in "
    "both legs?"
)
FINDING = "Update: the GP saw her this afternoon and sent her for an x-ray, no fracture"


@pytest.mark.parametrize(
    ("question", "no"), [(INJURY_QUESTION, True), (CAUDA_EQUINA_QUESTION, False)]
)
def test_a_clinicians_finding_answers_an_injurys_emergency_check_no(
    component: RedFlagDetectorComponent, question: str, no: bool
) -> None:
    # the injury's check asks what the x-ray looked at; the cauda equina one asks signs no
    # x-ray answers
    replies = _replies_to(component, FINDING, question, level="emergency")
    assert ("checked_reply=no" in replies) is no


PERSISTING_QUESTION = (
    "So I can point you to the right help: has this pain lasted more than six weeks, or is it "
    "getting worse or stopping you from doing everyday things?"
)


def _intent_while_waiting(
    component: RedFlagDetectorComponent, text: str, question: str, level: str
) -> str:
    message = _read_while_waiting(component, text, question, level, ("inform", 0.6))
    return str(message.get("intent")["name"])


@pytest.mark.parametrize(
    ("text", "no"),
    [
        ("lower back mostly. about 10 days. 4/10. no numbness, no fever", True),
        ("its been 2 wks, like a 5 out of 10", True),
        # a longer time, or worse, told beside it: not a no
        ("about 10 days this time but on and off for months", False),
        ("about 10 days and getting worse every day", False),
        ("8 weeks now", False),
    ],
)
def test_a_short_time_answers_how_long_it_has_lasted_no(
    component: RedFlagDetectorComponent, text: str, no: bool
) -> None:
    intent = _intent_while_waiting(component, text, PERSISTING_QUESTION, "see_clinician")
    assert (intent == "deny") is no


MORNING_STIFFNESS_QUESTION = (
    "So I can point you to the right help: is your back stiff for more than half an hour "
    "most mornings, easing as you move, or does stiffness wake you in the second half of "
    "the night?"
)


def test_a_short_time_answers_no_other_check(component: RedFlagDetectorComponent) -> None:
    # "about 10 days" says nothing of whether the stiffness lasts half an hour each morning
    intent = _intent_while_waiting(
        component, "about 10 days, 4/10", MORNING_STIFFNESS_QUESTION, "see_clinician"
    )
    assert intent != "deny"


@pytest.mark.parametrize(
    ("text", "no"),
    [
        ("stiff maybe 10 mins when i get up, then fine", True),
        ("a few minutes, its gone by the time ive had breakfast", True),
        # half an hour or more, or a longer time beside it: not a no
        ("5 mins some days but most mornings over an hour", False),
        ("about 45 minutes", False),
    ],
)
def test_minutes_of_stiffness_answer_the_morning_stiffness_check(
    component: RedFlagDetectorComponent, text: str, no: bool
) -> None:
    intent = _intent_while_waiting(component, text, MORNING_STIFFNESS_QUESTION, "see_clinician")
    assert (intent == "deny") is no


def test_the_waiting_checks_own_sign_told_again_is_a_yes(
    component: RedFlagDetectorComponent,
) -> None:
    text = "no numbness, no bladder stuff, no fever. its just not shifting"
    replies = _replies_to(component, text, PERSISTING_QUESTION, level="see_clinician")
    assert "check_reply=yes" in replies
    assert _intent_while_waiting(component, text, PERSISTING_QUESTION, "see_clinician") != "deny"


def _reply_to_the_cancer_check(component, text: str, reading: str) -> list[str]:
    """How `text`, read by the classifier as `reading`, answers the cancer history's check
    question while it waits: the `check_reply` entities it gets."""
    question = next(
        f.check_question
        for f in component.detector.detect("my back hurts and I'm scared it's cancer")
        if f.slug == "cancer-history"
    )
    message = Message(
        data={
            "text": text,
            "intent": {"name": reading, "confidence": 0.6},
            "intent_ranking": [{"name": reading, "confidence": 0.6}],
            "entities": [],
            "metadata": waiting_check.with_waiting({}, "urgent", question),
        }
    )
    component.process([message])
    return [e["value"] for e in message.get("entities") if e["entity"] == "check_reply"]


def test_a_no_that_denies_the_very_sign_asked_is_a_clear_no(component) -> None:
    text = "no, i never had cancer myself, only my aunt. it aches only when i sit long"
    assert _reply_to_the_cancer_check(component, text, "deny") == []


def test_a_hedge_about_the_sign_asked_is_still_no_clear_no(component) -> None:
    text = "not sure, they found something on a scan once but only when i had bloods"
    assert _reply_to_the_cancer_check(component, text, "nlu_fallback") == ["yes"]


def test_a_hot_hip_told_after_a_long_story_of_that_hip_is_the_emergency(component) -> None:
    text = "oh and now its red and puffy and feels hot. been shivery, temp 38.7 this morning"
    # alone, a fever with something hot and red somewhere
    assert _alarm(_read_after(component, [], text))[0] == "urgent"
    assert _alarm(_read_after(component, [], text, story_hip="my left hip")) == (
        "emergency",
        ["rule", "told_across_messages"],
    )
    # the story's hip makes no lesser sign of this message
    assert _alarm(_read_after(component, [], "it clicks a bit", story_hip="my left hip"))[0] is None


def test_a_check_answered_no_this_session_is_not_asked_again(component) -> None:
    text = "but my uncle had a tumour in his spine... should i be worried??"
    asked = _read_after(component, [], text)
    question = next(e["value"] for e in asked.get("entities") if e["entity"] == "check_question")
    again = _read_after(component, [], text, cleared=(question,))
    assert not {"check_question", "check_urgent"} & {e["entity"] for e in again.get("entities")}
    # a sign told as there now still raises the alarm
    told = "i had breast cancer in 2019 and this new back pain wakes me every night"
    assert _alarm(_read_after(component, [], told, cleared=(question,)))[0] == "urgent"


def _asked(message: Message) -> list[str]:
    return [e["value"] for e in message.get("entities") if e["entity"] == "check_question"]


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        # the day it started told: the time already answers how long it has lasted
        ("went on a long walk last saturday and ever since then my groin has ached", False),
        # an aside between the day and "ever since"
        (
            "did a 10k on sunday (a best for a 51 year old), and ever since my hips are stiff",
            False,
        ),
        ("did a 10k on sunday and ever since my hips are stiff, like every year", True),
        # the day, then the pain told "ever since" in its own words
        ("we painted the hall last week and my lower back has been sore ever since??", False),
        ("since yesterday my back aches and it's not getting better", True),
        ("i hurt my back lifting and nothing seems to help", True),
    ],
)
def test_a_short_time_told_with_the_pain_asks_nothing_of_how_long(
    component: RedFlagDetectorComponent, text: str, asked: bool
) -> None:
    message = _read(component, text, "ask_pain_cause")
    assert (PERSISTING_QUESTION in _asked(message)) is asked


@pytest.mark.parametrize(
    ("earlier", "text", "level"),
    [
        # the second message carries on the first's sentence
        (["sharp shooting pain"], "down both legs", "emergency"),
        (["numbness"], "and into my bum and groin", "emergency"),
        # a new sentence of its own tells nothing across: "in the mornings" is when, not where
        (["sore back"], "in the mornings mostly", None),
        (["shooting pain"], "my legs are fine though", None),
    ],
)
def test_a_message_that_carries_on_the_one_before_is_read_as_its_sentence(
    component: RedFlagDetectorComponent, earlier: list[str], text: str, level: str | None
) -> None:
    assert _alarm(_read_after(component, earlier, text))[0] == level


def test_a_flag_denied_earlier_in_the_burst_is_not_asked_again(
    component: RedFlagDetectorComponent,
) -> None:
    earlier = [
        "can a sore back be cancer",
        "never had cancer, a friend just mentioned it",
        "no weight loss, sleeping fine",
    ]
    assert _asked(_read_after(component, earlier, "what can i do for it")) == []
    # told present after the denial, it still counts
    told = _read_after(component, earlier, "wait, i did have breast cancer in 2015")
    assert _alarm(told)[0] == "urgent"


def test_the_signs_asked_denied_one_by_one_answer_the_check_no(component) -> None:
    message = _read_after(
        component,
        [],
        "right so i checked: no numbness in my saddle area, peeing normal, no leg weakness. its "
        "just a dull ache low down when i stand a while",
        waiting="emergency",
    )
    assert message.get("intent")["name"] == "deny"
    assert not [e for e in message.get("entities") if e["entity"].startswith("raise_to")]


def test_a_question_about_the_check_then_its_signs_denied_answer_it_no(component) -> None:
    message = _read_after(
        component,
        [],
        "why do you want to know about my bladder, is that how it begins?? anyway i pee "
        "normally, no numbness down there, both legs feel normal",
        waiting="emergency",
    )
    assert message.get("intent")["name"] == "deny"
    assert not [e for e in message.get("entities") if e["entity"].startswith("raise_to")]
    # a question after the denials is answered once the check has its no (stop 69: asked
    # again, a person with none of the signs was taken to the emergency by their next words)
    asked_last = _read_after(
        component,
        [],
        "i pee normally, no numbness down there, both legs feel normal. is that how it begins?",
        waiting="emergency",
    )
    assert asked_last.get("intent")["name"] == "deny"
    # ...but not a question that tells a sign
    told_in_asking = _read_after(
        component,
        [],
        "i pee normally, no numbness down there. is it bad my left leg gave way twice today?",
        waiting="emergency",
    )
    assert told_in_asking.get("intent")["name"] != "deny"


def test_the_signs_denied_as_a_whole_answer_the_check_no(component) -> None:
    message = _read_after(
        component,
        [],
        "ok good to know. none of that is happening, just a dull ache after my shift",
        waiting="emergency",
    )
    assert message.get("intent")["name"] == "deny"
    # something kept after the denial is no clear no
    kept = _read_after(
        component, [], "none of that, but i did leak a bit yesterday", waiting="emergency"
    )
    assert kept.get("intent")["name"] != "deny"
    # said of oneself, then something else asked in a sentence after it: still the answer
    asked_after = _read_after(
        component,
        [],
        "thanks. i have none of those, glad to say. which stretches should i start with?",
        waiting="emergency",
    )
    assert asked_after.get("intent")["name"] == "deny"
    # a denial asked back is no answer
    asked_back = _read_after(component, [], "you mean none of those?", waiting="emergency")
    assert asked_back.get("intent")["name"] != "deny"


def test_a_yes_to_a_check_raises_a_lower_level_told_beside_it_to_the_checks(component) -> None:
    # the triage slot keeps its first mapping that gives a value: the six weeks' level told in
    # the reply must not hide the emergency check's yes
    message = _read_after(
        component, [], "on and off really, its been sore for 3 months now", waiting="emergency"
    )
    levels = [e["value"] for e in message.get("entities") if e["entity"] == "triage_level"]
    assert levels == ["emergency"]


@pytest.mark.parametrize(
    ("earlier", "text", "level"),
    [
        # a verb left on its particle, then where from
        (["fell off"], "the garage roof yday. back's agony", "emergency"),
        # a bare body part, then what it did
        (["my left leg"], "went numb overnight", "urgent"),
        # "and" going on, after a time
        (["back's killing me", "since fri"], "and i havent peed", "emergency"),
        # three pieces: the leg, what it did (typed as voice-to-text spells it), how far
        (
            ["my left leg", "gone num"],
            "like the whole leg since i woke up, back hurts too, yesterday it was fine",
            "urgent",
        ),
        # three pieces: the hip, what it does, and more of it
        (
            ["my hip", "clicks"],
            "n sometimes locks. like gets stuck n i have to wiggle it",
            "see_clinician",
        ),
    ],
)
def test_a_sentence_typed_in_pieces_is_read_whole(
    component: RedFlagDetectorComponent, earlier: list[str], text: str, level: str
) -> None:
    # alone, the last piece tells nothing
    assert _alarm(_read_after(component, [], text)) == (None, [])
    told = _read_after(component, earlier, text)
    assert "told_across_messages" in _alarm(told)[1]
    assert _alarm(told)[0] == level


@pytest.mark.parametrize(
    ("earlier", "text"),
    [
        # the pieces make no sign
        (["fell off"], "the wagon lol"),
        # a one-word topic is no sentence left open
        (["deadlifts"], "my lower back gets sore after"),
    ],
)
def test_pieces_that_tell_no_sign_stay_quiet(
    component: RedFlagDetectorComponent, earlier: list[str], text: str
) -> None:
    assert _alarm(_read_after(component, earlier, text)) == (None, [])


def test_a_sign_no_rule_places_answers_the_general_check_that_waits(component) -> None:
    """ "and both legs" drew the general check; "cant feel them properly" answers it (a yes),
    and is not asked it again."""
    reply = "cant feel them properly. since i woke up"
    checks = {"check_emergency", "check_urgent", "check_see_clinician"}

    def read(waiting: str | None) -> list[dict]:
        message = _read_after(component, [], reply, waiting=waiting, intent="report_red_flag")
        return message.get("entities")

    alone = {e["entity"] for e in read(None)}
    assert checks & alone and "check_reply" not in alone
    answering = read("emergency")
    assert not checks & {e["entity"] for e in answering}
    assert next(e["value"] for e in answering if e["entity"] == "check_reply") == "yes"


LEG_WEAKNESS_QUESTION = (
    "Is either leg weak, giving way or hard to control right now, or is a foot dragging or "
    "slapping when you walk?"
)


@pytest.mark.parametrize(
    ("text", "no"),
    [
        # the legs told as working, in the person's own words
        (
            "paralyzed is only my word, sorry. I can move legs normal, I walk. just stiff",
            True,
        ),
        ("legs are fine, i walk fine. its just my back", True),
        # ...but not with the sign told beside it, nor with a question asked
        ("i walk normal but my left leg keeps giving way", False),
        ("legs are fine i think? is that what you mean", False),
    ],
)
def test_the_sign_asked_about_told_as_fine_is_a_no(
    component: RedFlagDetectorComponent, text: str, no: bool
) -> None:
    intent = _intent_while_waiting(component, text, LEG_WEAKNESS_QUESTION, "emergency")
    assert (intent == "deny") is no


def test_a_story_of_signs_denied_closing_with_a_question_is_no_bare_no(
    component: RedFlagDetectorComponent,
) -> None:
    text = (
        "I never had cancer myself, I dont lose weight, no fever, I sleep good. only when I "
        "bend is pain. is ok I exercise?"
    )
    message = Message(
        data={
            "text": text,
            "intent": {"name": "report_red_flag", "confidence": 0.5},
            "intent_ranking": [
                {"name": "report_red_flag", "confidence": 0.5},
                {"name": "deny", "confidence": 0.2},
                {"name": "ask_exercise", "confidence": 0.1},
            ],
            "entities": [],
            "metadata": {},
        }
    )
    component.process([message])
    assert message.get("intent")["name"] == "ask_exercise"


def _answer_read(component: RedFlagDetectorComponent, text: str, waiting: str | None = None) -> str:
    """The intent once the component has read `text`, which the classifier read as a no,
    while a check of level `waiting` waits (None: none does)."""
    metadata = waiting_check.with_waiting({}, waiting, "is any of this now?")
    message = _read(
        component, text, "deny", "ask_warning_signs", "ask_pain_cause", metadata=metadata
    )
    return str(message.get("intent")["name"])


@pytest.mark.parametrize(
    "text",
    [
        # a short tag, not a question of its own
        "no numbness, no fever, nothing like that at all. right?",
        # one sentence: the no comes first
        "no numbness no fever nothing down the legs is that good?",
    ],
)
def test_a_denial_with_only_a_tag_question_stays_a_no(
    component: RedFlagDetectorComponent, text: str
) -> None:
    assert _answer_read(component, text) == "deny"


def test_a_checks_answer_that_asks_back_stays_a_no(component: RedFlagDetectorComponent) -> None:
    text = "no numbness, no fever and I walk fine. is that a good sign then?"
    assert _answer_read(component, text, waiting="emergency") == "deny"


def test_a_story_closing_with_a_question_read_as_a_no_is_the_question(
    component: RedFlagDetectorComponent,
) -> None:
    text = (
        "I never had cancer myself, I dont lose weight, no fever, I sleep good. only when I "
        "bend is pain. is ok I exercise?"
    )
    assert _answer_read(component, text) == "ask_warning_signs"


@pytest.mark.parametrize(
    ("text", "no"),
    [
        # every sign denied, then a question that tells none of its own
        (
            "right, checked them all. toilet paper feels normal, wee is normal, bowels fine, "
            "nothing numb, both legs strong. so it's definitely not cauda equina then??",
            True,
        ),
        # one sign denied is no answer to the rest
        ("peeing is normal. so what is it then??", False),
    ],
)
def test_signs_denied_one_by_one_then_a_question_answer_the_check_no(
    component: RedFlagDetectorComponent, text: str, no: bool
) -> None:
    message = _read_after(component, [], text, "emergency")
    assert (message.get("intent")["name"] == "deny") is no


def test_the_asked_sign_told_after_its_denials_is_a_yes(
    component: RedFlagDetectorComponent,
) -> None:
    text = "no numbness, peeing normal, both legs fine. but is it bad that my bum feels numb?"
    waiting = waiting_check.with_waiting({}, "emergency", CAUDA_EQUINA_QUESTION)
    message = _read(component, text, "deny", "ask_pain_cause", metadata=waiting)
    entities = {f"{e['entity']}={e['value']}" for e in message.get("entities")}
    assert {"check_reply=yes", "raise_to_emergency=emergency"} <= entities
    assert message.get("intent")["name"] != "deny"


@pytest.mark.parametrize(
    ("text", "yes"),
    [
        # landing on the feet is landing safely
        ("nope no falls at all, landed on my feet every time. just stiff, easing a bit", False),
        ("nope, just landed on my bum off the trampoline", True),
    ],
)
def test_a_safe_landing_is_a_clear_no_to_the_injury_check(
    component: RedFlagDetectorComponent, text: str, yes: bool
) -> None:
    assert ("check_reply=yes" in _replies_to(component, text, INJURY_QUESTION, "emergency")) is yes


def test_nothing_else_going_on_is_a_no_to_the_check(component: RedFlagDetectorComponent) -> None:
    question = (
        "Is this upper or middle back pain there all the time, worse at night or when you "
        "breathe in, or with feeling unwell or losing weight?"
    )
    text = "been like this about 3 weeks. nothing else going on, just sore and knackered"
    message = _read_while_waiting(component, text, question, "urgent", ("nlu_fallback", 0.2))
    assert message.get("intent")["name"] == "deny"
    # "nothing else helps" is no denial of anything
    told = "been like this about 3 weeks. nothing else helps"
    message = _read_while_waiting(component, told, question, "urgent", ("nlu_fallback", 0.2))
    assert message.get("intent")["name"] != "deny"


def test_one_leg_told_beside_a_denial_of_the_rest_is_a_no(
    component: RedFlagDetectorComponent,
) -> None:
    text = (
        "no nothing like that for me. wiping feels normal, weeing normal, only my right leg, "
        "left one totally fine"
    )
    message = _read_while_waiting(
        component, text, CAUDA_EQUINA_QUESTION, "emergency", ("ask_sciatica", 0.5)
    )
    assert message.get("intent")["name"] == "deny"


def test_no_appointment_to_be_had_is_no_check_told(component: RedFlagDetectorComponent) -> None:
    message = _read(component, "cant get a gp appt till next week anyway", "skip", "goodbye")
    assert "not_checked" in {e["entity"] for e in message.get("entities")}
