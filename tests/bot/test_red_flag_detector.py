"""The deterministic red-flag detector against lay sentences it must and must not flag.

Gate: recall 100% on every flag's positives; at most 5% false alarms on the negatives and on
ordinary messages.
"""

from __future__ import annotations

import pytest

from bot_extensions.red_flags.detector import RedFlagDetector, check_to_ask, most_urgent
from bot_extensions.triage import ALARM_LEVELS, urgency_rank

MAX_FALSE_ALARM_RATE = 0.05


def present_slugs(detector: RedFlagDetector, text: str) -> set[str]:
    return {f.slug for f in detector.detect(text) if f.is_present}


def test_every_flag_has_test_sentences(detector: RedFlagDetector, red_flag_cases: dict) -> None:
    for slug in detector.definitions:
        cases = red_flag_cases["cases"].get(slug, {})
        assert len(cases.get("positive", [])) >= 5, slug
        assert len(cases.get("negative", [])) >= 3, slug


def test_recall_is_total_on_positives(detector: RedFlagDetector, red_flag_cases: dict) -> None:
    missed = [
        (slug, text)
        for slug, cases in red_flag_cases["cases"].items()
        for text in cases["positive"]
        if slug not in present_slugs(detector, text)
    ]
    assert missed == []


def test_false_alarms_on_negatives_stay_under_five_percent(
    detector: RedFlagDetector, red_flag_cases: dict
) -> None:
    negatives = [
        (slug, text)
        for slug, cases in red_flag_cases["cases"].items()
        for text in cases["negative"]
    ]
    alarms = [(slug, text) for slug, text in negatives if slug in present_slugs(detector, text)]
    assert len(alarms) / len(negatives) <= MAX_FALSE_ALARM_RATE, alarms


def test_false_alarms_on_ordinary_messages_stay_under_five_percent(
    detector: RedFlagDetector, red_flag_cases: dict
) -> None:
    ordinary = red_flag_cases["ordinary"]
    alarms = [text for text in ordinary if present_slugs(detector, text)]
    assert len(alarms) / len(ordinary) <= MAX_FALSE_ALARM_RATE, alarms


def test_reports_for_someone_else_still_count_and_say_so(
    detector: RedFlagDetector, red_flag_cases: dict
) -> None:
    for case in red_flag_cases["other_person"]:
        findings = [
            f for f in detector.detect(case["text"]) if f.is_present and f.slug == case["flag"]
        ]
        assert findings, case["text"]
        assert findings[0].subject == "other", case["text"]


def test_they_opening_a_sentence_is_not_someone_else(detector: RedFlagDetector) -> None:
    findings = detector.detect("they were ok but both my legs have started going weak and numb")
    top = most_urgent([f for f in findings if f.is_present])
    assert top is not None and top.urgency == "emergency" and top.subject == "self"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("no numbness down there at all", "negated"),
        ("I don't have any numbness between my legs", "negated"),
        ("what are the warning signs of numbness down there?", "question"),
        ("I was numb between my legs years ago after surgery, all healed now", "past"),
        ("I can't feel the toilet paper when I wipe", "present"),
    ],
)
def test_each_mention_gets_its_status(detector: RedFlagDetector, text: str, status: str) -> None:
    findings = [f for f in detector.detect(text) if f.slug == "saddle-numbness"]
    assert [f.status for f in findings] == [status]


def test_negation_does_not_reach_past_but(detector: RedFlagDetector) -> None:
    found = present_slugs(detector, "no numbness down there but I wet myself last night")
    assert found == {"bladder-problems"}


def test_history_of_cancer_counts_even_though_it_is_past(detector: RedFlagDetector) -> None:
    assert "cancer-history" in present_slugs(
        detector, "I had breast cancer five years ago and now my back hurts"
    )


def test_most_urgent_finding_wins(detector: RedFlagDetector) -> None:
    findings = detector.detect("I've had a fever for two days and now I can't pee")
    top = most_urgent(findings)
    assert top is not None and top.urgency == "emergency"


def test_findings_say_which_words_matched(detector: RedFlagDetector) -> None:
    finding = next(f for f in detector.detect("legs keep buckling under me") if f.is_present)
    assert finding.terms and all(term in finding.sentence for term in finding.terms)


def test_unclear_signs_get_their_check_question(
    detector: RedFlagDetector, red_flag_cases: dict
) -> None:
    questions = {
        check: next(d.check_question for d in detector.rule_sets.values() if d.check_slug == check)
        for check in red_flag_cases["checks"]
    }
    wrong = []
    for check, texts in red_flag_cases["checks"].items():
        for text in texts:
            findings = detector.detect(text)
            asked = check_to_ask(findings)
            if (
                asked is None
                or asked.check_question != questions[check]
                or (
                    most_urgent(findings)
                    and urgency_rank(most_urgent(findings).urgency) >= urgency_rank(asked.urgency)
                )
            ):
                wrong.append((check, text, asked and asked.slug))
    assert wrong == []


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("much better now but I can't feel anything when I wipe", "present"),
        ("I had numbness between my legs after my op, it went away after a week", "past"),
        ("in 2019 I couldn't feel myself wipe", "unclear"),
        ("on this day in 2001 I was showing symptoms of cauda equina", "unclear"),
    ],
)
def test_over_only_when_the_clause_says_so(
    detector: RedFlagDetector, text: str, status: str
) -> None:
    statuses = {f.status for f in detector.detect(text) if f.urgency == "emergency"}
    assert status in statuses, statuses


def test_a_combination_told_across_sentences_counts(detector: RedFlagDetector) -> None:
    findings = detector.detect("I had breast cancer two years ago. Now my legs feel weak.")
    top = most_urgent(findings)
    assert top is not None and top.slug == "cancer-cord-compression"


def test_a_time_counts_for_the_pain_only_in_the_pain_s_own_clause(
    detector: RedFlagDetector,
) -> None:
    assert "pain-beyond-six-weeks" not in present_slugs(
        detector, "I've had eczema for years, and my back started aching after I moved house"
    )
    assert "pain-beyond-six-weeks" in present_slugs(
        detector, "I moved house in the spring, and my back has ached for months since"
    )


def test_a_hip_that_gives_way_is_the_joint_not_leg_weakness(detector: RedFlagDetector) -> None:
    slugs = present_slugs(
        detector, "the hip gives way going downstairs, I keep nearly falling, fell once"
    )
    assert "hip-locking-clicking" in slugs
    assert "worsening-leg-weakness" not in slugs


def test_a_relatives_cancer_told_as_family_history_is_not_the_writers(
    detector: RedFlagDetector,
) -> None:
    told = (
        "My aunt had bowel cancer. I'm 29 with a sore back from football, "
        "given my family history should I worry?"
    )
    assert {f.status for f in detector.detect(told) if f.slug == "cancer-history"} == {"family"}
    still = "My aunt had bowel cancer and now her back hurts all the time"
    assert "cancer-history" in present_slugs(detector, still)


def test_long_standing_signs_do_not_alarm_unless_new(detector: RedFlagDetector) -> None:
    assert not present_slugs(detector, "I'm diabetic and both my feet have tingled for years")
    assert "both-legs-symptoms" in present_slugs(
        detector, "I'm diabetic but since yesterday both my legs have gone numb"
    )


def test_findings_record_the_layer_and_rule(detector: RedFlagDetector) -> None:
    finding = next(f for f in detector.detect("the GP thinks it could be cauda equina"))
    assert (finding.layer, finding.status) == ("rule", "present")
    suspect = next(f for f in detector.detect("I read about cauda equina in a leaflet"))
    assert (suspect.layer, suspect.status) == ("suspect", "unclear")


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("had a temperature and the shivers at the weekend, but that's all cleared up now", "past"),
        (
            "this morning my left leg went numb from the knee. It went off after a minute",
            "past",
        ),
        ("yesterday I wet myself a bit but it's gone now, I can pee fine", "present"),
        ("both my feet went dead on the loo last night. It went off after a minute", "present"),
        ("a fever on Monday, it's gone now, my back is just stiff", "past"),
        ("a fever on Monday, it's gone now but I'm shivering again tonight", "present"),
        ("both my legs went numb this morning. It went away but keeps coming back", "present"),
        ("both my legs went numb this morning. My back went off to the left", "present"),
        ("I had a fever, it's gone up again tonight", "present"),
    ],
)
def test_the_next_clause_can_point_back_and_say_it_is_over(
    detector: RedFlagDetector, text: str, status: str
) -> None:
    statuses = {f.status for f in detector.detect(text) if f.urgency in ALARM_LEVELS}
    assert status in statuses, statuses


def test_advice_to_watch_for_a_sign_is_no_report(detector: RedFlagDetector) -> None:
    told = detector.detect("the physio told me to look out for cauda equina, I'm fine though")
    assert told and not any(f.is_present for f in told)


@pytest.mark.parametrize(
    "text",
    [
        "my mum had cauda equina two years ago, she's fine now. My back just aches after work",
        "I fractured my spine falling off a horse in 2015. Fully healed, back riding since",
        "had numbness in my saddle area after an op in 2018. Made a full recovery that summer",
    ],
)
def test_history_said_to_be_over_gets_no_alarm_and_no_question(
    detector: RedFlagDetector, text: str
) -> None:
    findings = detector.detect(text)
    assert findings and not any(f.is_present for f in findings)
    assert check_to_ask(findings) is None


def test_a_carers_next_clause_about_him_is_no_end_of_the_sign(detector: RedFlagDetector) -> None:
    findings = detector.detect(
        "since yesterday he can't empty his bladder; he doesn't feel the need to go as he used to"
    )
    assert any(f.is_present and f.urgency == "emergency" for f in findings)


def test_a_relatives_cancer_is_the_worry_of_a_writer_in_pain(detector: RedFlagDetector) -> None:
    worry = (
        "my dad had prostate cancer and it started with a bad back so I'm panicking, "
        "but I'm 34 and my back hurts since I moved the wardrobe"
    )
    assert {f.status for f in detector.detect(worry) if f.slug == "cancer-history"} == {"family"}
    carer = "my dad had prostate cancer and now his back hurts all the time, I'm so worried"
    assert "cancer-history" in present_slugs(detector, carer)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (
            "the physio asked me on Friday whether I'd had any numbness between my legs "
            "and no, nothing like that",
            "question",
        ),
        (
            "the GP asked if I had numbness between my legs and yes I have, since Sunday",
            "present",
        ),
    ],
)
def test_a_question_someone_asked_is_no_report_unless_answered_yes(
    detector: RedFlagDetector, text: str, status: str
) -> None:
    findings = [f for f in detector.detect(text) if f.slug == "saddle-numbness"]
    assert [f.status for f in findings] == [status]


def test_an_accident_years_ago_is_history_not_an_injury(detector: RedFlagDetector) -> None:
    old = "I came off a ladder about four years ago, broke my wrist, and my back has ached since"
    findings = detector.detect(old)
    assert not any(f.slug == "major-injury" and (f.is_present or f.is_unclear) for f in findings)
    again = "I fell off a ladder years ago, and yesterday I fell off the roof and my back is agony"
    assert any(
        f.slug == "major-injury" and (f.is_present or f.is_unclear) for f in detector.detect(again)
    )


def test_an_unclear_sign_the_message_denies_elsewhere_is_settled(
    detector: RedFlagDetector,
) -> None:
    text = (
        "I looked up cauda equina syndrome after my back went. The 111 nurse went through "
        "the questions and I have no symptoms of cauda equina."
    )
    findings = detector.detect(text)
    assert check_to_ask(findings) is None
    assert "settled" in {f.status for f in findings if f.slug == "cauda-equina-signs"}


def test_a_fear_of_what_may_come_is_no_report(detector: RedFlagDetector) -> None:
    findings = detector.detect("will this disc thing mean I end up paralysed one day?")
    assert not any(f.is_present or f.is_unclear for f in findings)


def test_signs_in_an_animal_are_not_a_persons(detector: RedFlagDetector) -> None:
    text = (
        "our old labrador is dragging his back legs and seems weak, "
        "my back is sore from lifting him"
    )
    assert not [f for f in detector.detect(text) if f.is_present or f.is_unclear]


def test_a_combination_across_sentences_is_judged_by_its_last_telling(
    detector: RedFlagDetector,
) -> None:
    text = (
        "My father is 88. He had a hip replaced in 2015 and has been fine since. "
        "On Monday he lost his balance in the garden and now his back is sore."
    )
    # "fine since" is about the hip replaced, not the fall told after it.
    assert "minor-fall-fragile-bones" in {f.slug for f in detector.detect(text) if f.is_present}


def test_a_rule_told_apart_combines_sentences_and_says_so(detector: RedFlagDetector) -> None:
    text = "I slipped in the kitchen on Monday. I have brittle bones. It's been sore since."
    findings = [f for f in detector.detect(text) if f.slug == "minor-fall-fragile-bones"]
    assert any(f.is_present and f.layer == "told_apart" for f in findings)


def test_a_fear_of_what_someone_may_do_is_no_report(detector: RedFlagDetector) -> None:
    text = "I'm terrified my husband will fall off the ladder at his age, anyway my back aches"
    assert not present_slugs(detector, text)


def test_a_question_about_an_infection_said_to_be_over_is_settled(
    detector: RedFlagDetector,
) -> None:
    text = (
        "Had a kidney infection with a fever in October, antibiotics cleared it. "
        "is this back ache left over from the infection?"
    )
    findings = detector.detect(text)
    assert not any(f.is_present for f in findings)
    assert check_to_ask(findings) is None or check_to_ask(findings).urgency == "see_clinician"


def test_a_saddle_numb_from_sitting_that_passes_on_getting_up_is_over(
    detector: RedFlagDetector,
) -> None:
    text = (
        "long drive to Cornwall and my bum went totally numb in the car. "
        "It was back to normal ten minutes after I got out and walked about."
    )
    findings = detector.detect(text)
    assert not any(f.is_present for f in findings)
    assert check_to_ask(findings) is None


def test_an_arm_and_a_leg_wobbling_in_a_balance_drill_is_no_weakness(
    detector: RedFlagDetector,
) -> None:
    text = "on all fours my arm and leg wobble loads when i stretch them out, is that normal"
    findings = detector.detect(text)
    assert not any(f.is_present for f in findings)
    assert check_to_ask(findings) is None
    # a leg alone that wobbles is still asked about
    assert check_to_ask(detector.detect("my left leg has felt wobbly since tuesday")) is not None


def test_a_condition_someone_else_had_long_ago_is_their_history(
    detector: RedFlagDetector,
) -> None:
    text = "my cousin had cauda equina a few years ago, how do I look after my own back?"
    assert check_to_ask(detector.detect(text)) is None


def test_a_pattern_asked_about_is_no_report(detector: RedFlagDetector) -> None:
    asked = "so it's my hips causing it, not my back??"
    assert "hip-pain-without-back-pain" not in present_slugs(detector, asked)
    told = "it's only my hip that hurts, my back is fine"
    assert "hip-pain-without-back-pain" in present_slugs(detector, told)


def test_a_named_worry_with_its_signs_denied_is_settled_unless_a_clinician_named_it(
    detector: RedFlagDetector,
) -> None:
    worry = "I'm scared it's cauda equina. I can pee fine, bowels normal, no numbness down there."
    assert "cauda-equina-signs" not in present_slugs(detector, worry)
    told = (
        "The GP suspects cauda equina and sent me to A&E. "
        "I can pee fine, bowels normal, no numbness down there."
    )
    assert "cauda-equina-signs" in present_slugs(detector, told)


def test_a_sign_set_against_the_denials_before_it_is_kept(detector: RedFlagDetector) -> None:
    kept = "no numbness, peeing normal, both legs fine. but is it bad that my bum feels numb?"
    assert "unclear" in {f.status for f in detector.detect(kept) if f.slug == "cauda-equina-signs"}
    # a worry about the condition's name, not the writer's body, is still answered by them
    worry = "i can pee fine and feel everything, legs strong. but could it be cauda equina?"
    assert check_to_ask(detector.detect(worry)) is None


def test_a_function_told_as_normal_denies_its_sign_and_says_so(detector: RedFlagDetector) -> None:
    text = (
        "Been reading about cauda equina and now I'm frightened. Lifted a sofa on Sunday. "
        "Legs are fine, toilet is normal, I can feel the toilet paper. Why does it hurt so much?"
    )
    findings = detector.detect(text)
    cleared = {f.slug for f in findings if f.layer == "all_clear"}
    assert {"both-legs-symptoms", "bladder-problems", "saddle-numbness"} <= cleared
    assert all(f.status == "negated" for f in findings if f.layer == "all_clear")
    assert not present_slugs(detector, text)
    assert check_to_ask(findings) is None


def test_what_a_check_asks_denied_settles_the_question_but_not_a_fall_told(
    detector: RedFlagDetector,
) -> None:
    denied = (
        "I'm 74, osteoporosis found on a scan last spring. No falls, no breaks, just a stiff back."
    )
    findings = detector.detect(denied)
    assert check_to_ask(findings) is None
    assert any(f.layer == "denial" and f.status == "negated" for f in findings)
    told = (
        "I have osteoporosis. I tripped on the kerb yesterday and my back is agony. No falls before"
    )
    assert "minor-fall-fragile-bones" in present_slugs(detector, told)


def test_a_function_told_as_normal_leaves_another_sign_present(detector: RedFlagDetector) -> None:
    text = "Toilet is normal but since last night I can't feel anything when I wipe"
    assert "saddle-numbness" in present_slugs(detector, text)


def test_pain_still_there_after_a_week_asks_no_six_weeks_question(
    detector: RedFlagDetector,
) -> None:
    after_a_week = detector.detect("my back still hurts after a week of the exercises")
    assert check_to_ask(after_a_week) is None
    asked = check_to_ask(detector.detect("my back still hurts every day and nothing helps"))
    assert asked is not None and asked.slug == "pain-beyond-six-weeks"


def test_an_inflamed_eye_told_apart_from_a_stiff_back_asks_about_the_mornings(
    detector: RedFlagDetector,
) -> None:
    text = "Had iritis last year, the optician sent me to eye casualty. My lower back is stiff."
    asked = check_to_ask(detector.detect(text))
    assert asked is not None and asked.slug == "inflammatory-morning-stiffness"


def test_legs_told_as_a_plural_ask_about_both_legs_and_one_leg_does_not(
    detector: RedFlagDetector,
) -> None:
    plural = check_to_ask(detector.detect("pins and needles down my legs since I moved house"))
    single = check_to_ask(detector.detect("pins and needles down my leg since I moved house"))
    assert plural is not None and "both legs" in (plural.check_question or "")
    assert single is None or "both legs" not in (single.check_question or "")


def test_a_rule_naming_one_leg_still_reads_the_plural(detector: RedFlagDetector) -> None:
    # "leg" in a rule finds "legs" too: the plural keeps its own lemma only for rules naming it
    assert "worsening-leg-weakness" in present_slugs(detector, "my legs are extremely weak")


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        # the noun "brakes" is no braking
        (
            "my coach calls the glutes the brakes of the hip, does the joint slam into anything?",
            "major-injury",
        ),
        # one position excepted is no "nothing eases it"
        (
            "my nan swears sleeping in any position other than on your back ruins the spine",
            "night-pain-unrelenting",
        ),
        # people in general, and whether the body could stand another
        (
            "the yoga teacher said twists are risky for those who have compression fractures",
            "minor-fall-fragile-bones",
        ),
        (
            "I healed well last year but could my back take a second spinal fracture skiing?",
            "minor-fall-fragile-bones",
        ),
        # a joke is no changed feeling
        (
            "I had a frame on the toilet so I could get up, it would have been a funny look",
            "saddle-numbness",
        ),
        # something dropped, or oneself dragged up
        (
            "to get dressed I drop my trousers on the floor and step in with one foot",
            "worsening-leg-weakness",
        ),
        (
            "I had to drag myself up onto my feet off the bathroom floor, my back is in spasm",
            "worsening-leg-weakness",
        ),
        # the garden's weeds and the mower
        (
            "sprayed weed killer on the path and did the lawn with the push mower, back is stiff",
            "bladder-problems",
        ),
        # a turn of phrase
        (
            "when it came to the sprint session my form collapsed and my back ached after",
            "sudden-severe-pain-fainting",
        ),
        # the pelvis's girdle in pregnancy
        (
            "at 30 weeks the pelvic girdle pain through my body is constant",
            "spinal-cord-compression",
        ),
        # the worst a clinician could find
        (
            "the physio said worst case there could be a fractured vertebra, I'm off for an x-ray",
            "minor-fall-fragile-bones",
        ),
        # a risk that is no sign, a stroke had and not happening, an idiom
        (
            "RA on methotrexate, well controlled, sore from digging the garden",
            "fever-infection-signs",
        ),
        (
            "I lift my husband, he's had a stroke but doing well, my back aches",
            "sudden-leg-weakness",
        ),
        (
            "the insurers are dragging their feet over my claim and my back still aches",
            "worsening-leg-weakness",
        ),
        # the parent's own walking beside the children
        (
            "chasing my kids round soft play my back seized, my hips went crooked, I can't walk",
            "child-limp-hip-pain",
        ),
        # the months since it last hurt, not how long it has hurt
        (
            "it's been months since my back bothered me, and this week it twinged again lifting",
            "pain-beyond-six-weeks",
        ),
    ],
)
def test_words_that_only_look_like_a_sign_raise_no_alarm(
    detector: RedFlagDetector, text: str, slug: str
) -> None:
    assert slug not in present_slugs(detector, text)


def test_a_star_sign_is_no_cancer(detector: RedFlagDetector) -> None:
    findings = detector.detect(
        "lol I'm a cancer \u264b so I overthink everything, my back is stiff"
    )
    # read and judged as a look-alike, which the review sees
    assert [f.status for f in findings if f.slug == "cancer-history"] == ["look_alike"]


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("honestly most mornings I think I'd be better off never waking up", "suicide-self-harm"),
        (
            "over the summer I've been losing the power in my legs, stairs are hard",
            "both-legs-symptoms",
        ),
        (
            "she fell off the kerb and now can't apply any weight on her left leg",
            "hip-injury-or-hot-hip",
        ),
        (
            "he couldn't even stand at the sink without nearly passing out",
            "sudden-severe-pain-fainting",
        ),
        (
            "I've got numbness in my right leg on and off. It came back again this morning.",
            "one-leg-numbness-weakness",
        ),
        (
            "the pain hit so hard I just about fainted on the kitchen floor",
            "sudden-severe-pain-fainting",
        ),
        ("since last night I can't wiggle my toes on the left foot", "worsening-leg-weakness"),
        # stop 41: both legs told as a plural, in second-language English among others
        ("i see my legs get numb when i walk to the bus", "both-legs-symptoms"),
        ("her legs was not supporting her this morning", "both-legs-symptoms"),
        ("pain is go down my legs till the feets, like electric shock", "both-legs-symptoms"),
        ("my legs tingle and now i cant walk", "both-legs-symptoms"),
        ("it is my right foot and my left leg, both numb", "both-legs-symptoms"),
        ("now both my legs are sciatic", "both-legs-symptoms"),
        # stop 69: the sciatic nerve named for the leg it runs down
        ("its like both my sciatic nerves are on fire", "both-legs-symptoms"),
        ("hurt my back, the leg is numb and the foot weak", "one-leg-numbness-weakness"),
        ("had typhoid last month and now my lower back is killing me", "fever-infection-signs"),
        ("sometimes i think it is better not to be here", "suicide-self-harm"),
        ("my knee crumpled under me twice today", "worsening-leg-weakness"),
        ("my hands are numb and weak and I can't button my coat", "spinal-cord-compression"),
        ("my dad fell in the garden and he can't move his right leg", "hip-injury-or-hot-hip"),
        (
            "Sorry, my mistake, it is five months not weeks. It is no better, maybe a bit worse.",
            "pain-beyond-six-weeks",
        ),
        ("my legs got me to the door and then quit on me", "worsening-leg-weakness"),
        (
            "lifting the box my back went and things went dark for a second",
            "sudden-severe-pain-fainting",
        ),
        (
            "three years after the car crash my neck and back are still sore",
            "pain-beyond-six-weeks",
        ),
        ("my hips have been aching, going on months now", "pain-beyond-six-weeks"),
    ],
)
def test_signs_told_in_other_words_still_count(
    detector: RedFlagDetector, text: str, slug: str
) -> None:
    assert slug in present_slugs(detector, text)


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("I waddle about like I've pooped myself since my back went", "bowel-control-loss"),
        (
            "my wife does child's pose and says her hip aches, and she limps a bit",
            "child-limp-hip-pain",
        ),
        ("my left hip feels like it needs to crack but won't", "hip-injury-or-hot-hip"),
        (
            "dad is still recovering from a broken hip after his fall in 2019",
            "hip-injury-or-hot-hip",
        ),
        ("I've been rear ended more times than I can count, the back is stiff", "major-injury"),
        ("my hips feel stiff not my back, mornings mostly", "hip-pain-without-back-pain"),
        ("it's been a couple of weeks and my back is no better", "pain-beyond-six-weeks"),
        (
            "I read it in the pregnancy books, my back aches from lifting boxes",
            "pregnancy-pelvic-pain",
        ),
        (
            "33 weeks with my third and my back aches, I went into labour with my first at 39",
            "pregnancy-bleeding-or-labour",
        ),
        # stop 41
        ("numb between my legs? no, nothing like that", "both-legs-symptoms"),
        ("the doctor said if it was the nerves my legs would be weak", "both-legs-symptoms"),
        ("I slipped on the ice and can't move my left leg without pain", "hip-injury-or-hot-hip"),
        ("my legs are weak from leg day", "hip-injury-or-hot-hip"),
        (
            "my daughter thinks it is my hips not my back, could she be right?",
            "hip-pain-without-back-pain",
        ),
        ("the spasm put me face down on the kitchen floor", "sudden-leg-weakness"),
        (
            "after 80 lunges my legs were jelly and nearly gave out on the stairs",
            "both-legs-symptoms",
        ),
        ("I thought I had broken my hip but the x-ray was clear", "hip-injury-or-hot-hip"),
        # the feet's neuropathy feels like cotton wool too: no sign of the cord on its own
        (
            "diabetic neuropathy, my soles feel like I'm walking on cotton wool",
            "spinal-cord-compression",
        ),
    ],
)
def test_look_alikes_of_this_stop_raise_nothing(
    detector: RedFlagDetector, text: str, slug: str
) -> None:
    assert slug not in present_slugs(detector, text)


def test_a_relatives_broken_back_is_asked_about_not_assumed(detector: RedFlagDetector) -> None:
    findings = [
        f for f in detector.detect("mum thinks she broke her back") if f.slug == "major-injury"
    ]
    assert [f.status for f in findings] == ["unclear"]
    assert findings[0].check_question


def test_an_accident_inside_a_story_dated_years_back_is_history(detector: RedFlagDetector) -> None:
    story = (
        "About six years ago, on a skiing trip, I was taken out by a snowboarder. "
        "I landed on my back on the ice and was helicoptered off the mountain."
    )
    assert "major-injury" not in present_slugs(detector, story)
    # a nearer time told after the date brings it to today
    assert "major-injury" in present_slugs(
        detector,
        "About six years ago I hurt my back at work. Yesterday I fell off the roof onto my back.",
    )
    # a calendar date is a story told as it happened: not history, at most asked about
    dated = detector.detect(
        "On March 3rd 2014 I fell off the roof onto my back and could not get up."
    )
    assert [f.status for f in dated if f.slug == "major-injury"] == ["unclear"]


def test_a_broken_hip_fixed_in_theatre_is_seen_to(detector: RedFlagDetector) -> None:
    assert "hip-injury-or-hot-hip" not in present_slugs(
        detector,
        "my nan broke her hip on the ice and went in to theatre the same night, "
        "what exercises help her now?",
    )
    assert "hip-injury-or-hot-hip" in present_slugs(
        detector, "my nan slipped on the ice and broke her hip, she is lying on the floor"
    )


def test_a_condition_assumed_and_left_is_a_guess_not_a_history(detector: RedFlagDetector) -> None:
    findings = detector.detect("I assumed I had bone cancer and ignored it")
    assert [f.status for f in findings if f.slug == "cancer-history"] != ["present"]


def test_a_friend_named_without_my_is_someone_else(detector: RedFlagDetector) -> None:
    findings = detector.detect("a close friend has cancer")
    assert {f.subject for f in findings if f.slug == "cancer-history"} == {"other"}


def test_a_checklist_item_answered_no_is_denied(detector: RedFlagDetector) -> None:
    checklist = "Pain down the leg. Yes. Numbness and weakness in the leg or foot. No..."
    assert "one-leg-numbness-weakness" not in present_slugs(detector, checklist)
    # a story's sentence is no checklist item: the "No." after it answers something else
    story = "I have numbness in my foot and weakness in my leg since Monday. No. It is not better."
    assert "one-leg-numbness-weakness" in present_slugs(detector, story)


def test_bone_thinning_spelt_as_other_languages_spell_it_counts(
    detector: RedFlagDetector,
) -> None:
    assert "minor-fall-fragile-bones" in present_slugs(
        detector, "my mother slip in the kitchen, she have osteoporose, now back pain"
    )


def test_a_spinal_fracture_already_found_refers_without_alarm(detector: RedFlagDetector) -> None:
    known = detector.detect("the scan showed two crush fractures in my vertebrae, healing slowly")
    assert [f.urgency for f in known if f.is_present] == ["see_clinician"]
    assert {f.slug for f in known if f.is_present} == {"known-spinal-fracture"}
    # a new slip with thin bones is still today's urgent sign
    assert "minor-fall-fragile-bones" in present_slugs(
        detector, "I have osteoporosis and slipped on the kitchen floor this morning"
    )


def test_a_faint_nearly_had_is_asked_about(detector: RedFlagDetector) -> None:
    for text in (
        "bent down for the drill and my back spasmed so hard i almost passed out",
        "my back went and the room spun, thought i was gonna pass out",
        "lifted my leg to put my jeans on and about keeled over",
    ):
        findings = [f for f in detector.detect(text) if f.slug == "sudden-severe-pain-fainting"]
        assert [f.status for f in findings] == ["unclear"], text
        question = check_to_ask(findings)
        assert question is not None and "faint" in str(question.check_question), text
    for text in (
        # a faint told as had, not nearly
        "I passed out in the kitchen with the back pain",
        # the aorta's other signs told beside it
        "my back locked and i went all grey and sweaty and nearly blacked out",
        "sudden tearing pain in my back and i nearly passed out",
        # another alarm told beside it: "a fever of 40, and I thought I'd pass out" is no question
        "i have a fever of 40 with my back pain and when i stood up i thought i would pass out",
    ):
        assert "sudden-severe-pain-fainting" in present_slugs(detector, text), text


def test_an_injury_told_with_the_months_of_mending_since_is_history(
    detector: RedFlagDetector,
) -> None:
    for text in (
        "a ladder support bent and I fell about 20 feet onto a railing. after three months of "
        "healing and therapy I finally got back in the workshop",
        "i fell off the roof in june. she says im still recovering from the fall but getting there",
        "I crashed down onto my right hip in the pub loo. Sunday marks one month since my mishap",
    ):
        assert not {"major-injury", "hip-injury-or-hot-hip"} & present_slugs(detector, text), text
    # a fall told today, with no mending told after it, is still today's
    assert "major-injury" in present_slugs(
        detector, "I fell about 20 feet off a ladder this morning and my back is agony"
    )


def test_words_that_only_look_like_a_flag_are_not_it(detector: RedFlagDetector) -> None:
    for text, slug in (
        # "boy" as a cry, not a child
        (
            "I crashed down onto my hip. Boy that hurt. I could only hobble home",
            "child-limp-hip-pain",
        ),
        # a heart valve, not the aorta's tear
        (
            "I had an aortic valve replacement years ago, my lower back aches",
            "sudden-severe-pain-fainting",
        ),
        # the writer's own pregnancy, not a child's hip
        (
            "I am 17 weeks pregnant with my third child and having trouble walking, my groin hurts",
            "child-limp-hip-pain",
        ),
        # falls in older people as a subject
        (
            "loosely related to the elderly and falling, I pulled a muscle in my hip getting up",
            "minor-fall-fragile-bones",
        ),
    ):
        assert slug not in present_slugs(detector, text), text
    assert "child-limp-hip-pain" in present_slugs(
        detector, "my boy is 7, he has been limping since friday and says his hip hurts"
    )


def test_an_end_told_without_its_subject_points_back(detector: RedFlagDetector) -> None:
    text = (
        "had sciatica back in 2015, was awful but cleared up after physio and has been fine "
        "since. now my back just aches after gardening"
    )
    assert not [f for f in detector.detect(text) if f.is_present or f.is_unclear]


def test_the_limb_said_normal_again_later_ends_its_sign(detector: RedFlagDetector) -> None:
    told = "in pilates i noticed i cant feel my hand touching my calf. "
    assert "one-leg-numbness-weakness" in present_slugs(detector, told + "it is still there")
    assert "one-leg-numbness-weakness" not in present_slugs(
        detector, told + "it stayed all day. now, 8 hours later, my leg is back to normal"
    )
    # another limb said normal ends nothing
    assert "one-leg-numbness-weakness" in present_slugs(
        detector, "at pilates i noticed i cant feel my calf at all. my arm is back to normal though"
    )


def test_a_wheelchair_users_falls_are_a_frail_persons_falls(detector: RedFlagDetector) -> None:
    told = (
        "mum has had back pain for weeks and asks for pain pills before she gets up. "
        "the brakes on her wheel chair failed and she and the aide ended up on the floor. "
    )
    assert "minor-fall-fragile-bones" in present_slugs(detector, told + "it happened again")
    # a fall feared, not had
    assert "minor-fall-fragile-bones" not in present_slugs(
        detector, "I never go out without my wheelchair for fear of falling on the concrete"
    )


def test_an_old_person_suddenly_unable_to_get_up_in_agony_is_the_hip_emergency(
    detector: RedFlagDetector,
) -> None:
    story = (
        "Grandpa couldn't get out of bed this morning. His right leg was bothering him. "
        "He screamed in pain when I touched it."
    )
    assert "hip-injury-or-hot-hip" in present_slugs(detector, story)
    # a grandparent's ordinary stiffness is not it, nor a granny as a likeness
    for text in (
        "Grandpa is stiff in the mornings but walks the dog every day",
        "sneezed and my back went, cant stand up straight, hobbling like a granny, its agony",
    ):
        assert "hip-injury-or-hot-hip" not in present_slugs(detector, text), text


def test_one_guess_of_several_is_no_report(detector: RedFlagDetector) -> None:
    for text in (
        "I have a bad back. Unless it's a pulled muscle. Or a slipped disc. Or a kidney infection.",
        "my back hurts, i was sure i had a torn muscle, or a kidney infection, or something worse",
    ):
        assert "kidney-infection" not in present_slugs(detector, text), text
    assert "kidney-infection" in present_slugs(
        detector, "my back hurts, i think i have a kidney infection or something like that"
    )


def test_a_fear_of_one_of_several_things_is_no_history(detector: RedFlagDetector) -> None:
    feared = "the pain sent me to the doctor with fears of a kidney stone, abscess or even a tumor"
    assert "cancer-history" not in present_slugs(detector, feared)
    # a cancer the person has is had, worry or not
    assert "cancer-history" in present_slugs(
        detector, "i had breast cancer two years ago and now my back hurts every night"
    )


def test_a_lists_last_item_is_denied_with_its_or_a_few_words_before(
    detector: RedFlagDetector,
) -> None:
    denied = "started yesterday, no problems with the toilet or anything down below, just my back"
    assert "saddle-numbness" not in present_slugs(detector, denied)


def test_a_month_written_short_keeps_its_date_in_the_sentence(detector: RedFlagDetector) -> None:
    dated = "when my aorta burst on Feb. 12, 2010, I was home and got to hospital quickly"
    findings = [f for f in detector.detect(dated) if f.slug == "sudden-severe-pain-fainting"]
    assert findings and not any(f.is_present for f in findings)
    assert "2010" in findings[0].sentence


def test_breath_taken_by_the_pain_is_asked_about(detector: RedFlagDetector) -> None:
    for text in (
        "my back locked up and the pain was so bad I couldn't breathe for a minute",
        "landed flat on the ice, it knocked the wind out of me and I couldn't breathe",
    ):
        findings = [f for f in detector.detect(text) if f.slug == "chest-pain-breathlessness"]
        assert [f.status for f in findings] == ["unclear"], text
        assert findings[0].check_question
    # the chest told beside it is the sign itself, whatever the pain did
    assert "chest-pain-breathlessness" in present_slugs(
        detector, "the pain is so bad I can't breathe and my chest feels tight"
    )
    # breathlessness with no cause told stays an alarm
    assert "chest-pain-breathlessness" in present_slugs(
        detector, "my upper back hurts and I'm struggling to breathe"
    )


def test_knocked_out_by_a_blow_is_no_faint_from_pain(detector: RedFlagDetector) -> None:
    blow = detector.detect("went in for a rugby tackle, hit my head and passed out for a bit")
    assert "sudden-severe-pain-fainting" not in {f.slug for f in blow if f.is_present}
    assert "sudden-severe-pain-fainting" in present_slugs(
        detector, "my back went suddenly, the worst pain ever, and I passed out on the floor"
    )


def test_an_accident_with_months_told_since_is_history(detector: RedFlagDetector) -> None:
    assert "major-injury" not in present_slugs(
        detector,
        "I came off my motorbike on the motorway. Seven months later my back is mostly fine, "
        "can I start running?",
    )
    assert "major-injury" in present_slugs(
        detector, "I came off my motorbike on the motorway an hour ago and my back is agony"
    )


def test_a_faint_at_a_needle_is_no_faint_from_pain(detector: RedFlagDetector) -> None:
    assert "sudden-severe-pain-fainting" not in present_slugs(
        detector, "had a blood test this morning and nearly passed out, went all clammy"
    )


def test_an_accident_healed_in_a_brace_is_history(detector: RedFlagDetector) -> None:
    assert "major-injury" not in present_slugs(
        detector,
        "I came off my motorbike and cracked two vertebrae. Brace for four months, healed "
        "fine. Can I start deadlifting again?",
    )


@pytest.mark.parametrize(
    ("text", "slug", "present"),
    [
        # another bone's break told beside the hip is not the hip's
        (
            "My left hip has been sore lately, which surprised me: my injuries were all on the "
            "right side, including a broken ankle ten years ago.",
            "hip-injury-or-hot-hip",
            False,
        ),
        ("She slipped and broke her left hip this morning", "hip-injury-or-hot-hip", True),
        # a fall feared is not a fall had
        (
            "My wife is 88 and she is scared of falling over again, her back aches",
            "minor-fall-fragile-bones",
            False,
        ),
        (
            "My wife is 88 and she fell over again today, her back aches",
            "minor-fall-fragile-bones",
            True,
        ),
        # a strain a doctor named after the injury: seen to
        (
            "My leg turned out and my hip popped on the climbing wall. The doctor told me that I "
            "have a hip flexor strain.",
            "hip-injury-or-hot-hip",
            False,
        ),
        # the break behind them: "before the fracture"
        (
            "My husband fell playing tennis and broke his hip. Despite his good mobility before "
            "the fracture, they say he won't walk alone again.",
            "hip-injury-or-hot-hip",
            False,
        ),
        # a small child with a fever who will not bend the leg: a joint infection until shown not
        (
            "my little boy has a fever tonight. since yesterday he refuses to bend his left leg",
            "hip-injury-or-hot-hip",
            True,
        ),
        # a fever gone, or one a doctor told them to watch for, is no fever had
        ("she woke up fever-free today and the hip is easing", "fever-infection-signs", False),
        (
            "the doctor said to bring him back if Jamie got a fever overnight",
            "fever-infection-signs",
            False,
        ),
        # standing or walking only shorter than before, after an infection treated years ago
        (
            "I had a spinal infection in 2015. I still can't stand in one position for very long",
            "spinal-infection-weak-legs",
            False,
        ),
    ],
)
def test_a_sign_is_told_apart_from_its_look_alikes(
    detector: RedFlagDetector, text: str, slug: str, present: bool
) -> None:
    assert (slug in present_slugs(detector, text)) is present


@pytest.mark.parametrize(
    ("text", "slug", "present"),
    [
        # "ill" typed for "I'll" before a verb is no illness; "so ill" before no verb still is
        (
            "got some bands so ill use them tonight, my back is stiff",
            "fever-infection-signs",
            False,
        ),
        ("my back is agony and i feel so ill, shivering all day", "fever-infection-signs", True),
        # coming back to the chat is no back in a hinge; a back named with the lift still is
        (
            "back again! did the hip hinge with a dowel all week, feels smooth now. "
            "deadlifts next?",
            "hinge-felt-in-lower-back",
            False,
        ),
        (
            "hey, did the hip hinge with a dowel all week and my lower back aches after every set",
            "hinge-felt-in-lower-back",
            True,
        ),
        # the only way left was the fall itself
        (
            "I broke my back last week: stuck on a roof, there was no other option than to jump",
            "major-injury",
            True,
        ),
        # a second break, told as the other hip
        (
            "grandad slipped on the stairs this morning and broke his other hip",
            "hip-injury-or-hot-hip",
            True,
        ),
        # a long lie on the floor after a fall
        (
            "nan tripped over the cat on sunday and was stuck on the floor until the carer came",
            "hip-injury-or-hot-hip",
            True,
        ),
        # a weak leg in an older word, with cancer in the spine
        (
            "the cancer has spread to my spine and since last week my left leg is feeble",
            "cancer-cord-compression",
            True,
        ),
        # swollen glands beside a fever are no swollen hip
        (
            "my hip has ached since the hike. a day later i got a fever and swollen glands "
            "with a cold",
            "hip-injury-or-hot-hip",
            False,
        ),
        # a craze called a fever
        (
            "I've got marathon fever but my lower back is tight, which stretch?",
            "fever-infection-signs",
            False,
        ),
        # a fever said gone in full words
        ("my back aches. the fever came for a day but it is gone.", "fever-infection-signs", False),
    ],
)
def test_stop_46_look_alikes_and_signs(
    detector: RedFlagDetector, text: str, slug: str, present: bool
) -> None:
    assert (slug in present_slugs(detector, text)) is present


def test_a_crash_dated_years_back_with_standing_still_is_asked_about_not_alarmed(
    detector: RedFlagDetector,
) -> None:
    # "standing still" is no "still happening": the crash keeps its distant date
    text = "my back was hurt in a car crash in 2008 where i was hit while standing still at lights"
    assert "major-injury" not in present_slugs(detector, text)
    asked = check_to_ask(detector.detect(text))
    assert asked is not None and asked.slug == "major-injury"


def test_worse_through_the_night_asks_about_night_pain_but_a_bad_word_does_not(
    detector: RedFlagDetector,
) -> None:
    worse = check_to_ask(detector.detect("my back got worse through the night, it was awful"))
    assert worse is not None and worse.slug == "night-pain-unrelenting"
    # "wrong" shares the lemma of "worst": no night-pain question for "slept wrong last night"
    assert (
        check_to_ask(detector.detect("i think i slept wrong last night, my back is tight")) is None
    )


@pytest.mark.parametrize(
    ("text", "present"),
    [
        # "issues" are problems, and "zero" before a trouble is its absence
        ("my back aches and ive got bladder issues since friday", True),
        ("my back aches but zero issues with peeing, legs feel strong", False),
        # temper, not urine
        ("i think i pissed off my hip flexor at the gym, it aches", False),
    ],
)
def test_bladder_issues_and_their_look_alikes(
    detector: RedFlagDetector, text: str, present: bool
) -> None:
    assert ("bladder-problems" in present_slugs(detector, text)) is present


def test_a_bladder_sign_told_a_while_back_is_asked_about(detector: RedFlagDetector) -> None:
    text = "lower back ache for a week. i had some bladder issues a while back tho"
    findings = detector.detect(text)
    assert "bladder-problems" not in {f.slug for f in findings if f.is_present}
    asked = check_to_ask(findings)
    assert asked is not None and asked.slug == "bladder-problems"


def test_what_fails_to_ease_the_pain_is_listed_not_denied(detector: RedFlagDetector) -> None:
    text = "nothing that eases it: laying down, ice, heat, every possible position. day three now"
    assert "night-pain-unrelenting" in present_slugs(detector, text)


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("what causes sudden sharp pain in the middle of the back", "thoracic-back-pain"),
        ("What can cause severe back pain and weakness in the leg?", "worsening-leg-weakness"),
    ],
)
def test_a_question_asking_what_causes_a_sign_asks_whether_it_is_happening(
    detector: RedFlagDetector, text: str, slug: str
) -> None:
    findings = detector.detect(text)
    assert slug not in {f.slug for f in findings if f.is_present}
    asked = check_to_ask(findings)
    assert asked is not None and asked.slug == slug


def test_a_question_about_warning_signs_stays_a_question(detector: RedFlagDetector) -> None:
    findings = detector.detect("what are the warning signs of weakness in the legs to look for?")
    assert check_to_ask(findings) is None
    assert not [f for f in findings if f.is_present]


@pytest.mark.parametrize(
    ("text", "slug", "present"),
    [
        # pins and needles shaken out after sitting: a position, over
        (
            "sat on the floor for an hour, pins and needles in both legs. shook them out, all good",
            "both-legs-symptoms",
            False,
        ),
        (
            "pins and needles in both legs since this morning, shook them out but still tingling",
            "both-legs-symptoms",
            True,
        ),
        # the sweat of effort, not of a fever
        (
            "my lower back aches and im sweating buckets doing the glute bridges",
            "fever-infection-signs",
            False,
        ),
        ("my lower back aches and im sweating buckets at night", "fever-infection-signs", True),
        # a tear felt at the moment of a fall is a muscle's; a tearing pain out of nowhere stays
        (
            "tripped on the stairs and felt a ripping sensation in my back as i went down",
            "sudden-severe-pain-fainting",
            False,
        ),
        (
            "sat watching tv and felt a ripping sensation in my back",
            "sudden-severe-pain-fainting",
            True,
        ),
        # months of the exercises with the pain getting worse
        (
            "been doing the bird dogs for three months now, honestly its getting worse",
            "pain-beyond-six-weeks",
            True,
        ),
    ],
)
def test_stop_47_look_alikes_and_signs(
    detector: RedFlagDetector, text: str, slug: str, present: bool
) -> None:
    assert (slug in present_slugs(detector, text)) is present


@pytest.mark.parametrize(
    ("text", "present"),
    [
        # an older person's fall told as a small one is still the fall
        ("my mum is 84 and had a bit of a tumble yesterday, her back is sore", True),
        # thin bones told in one sentence, the fall that started the pain in another
        ("it began right after the fall. she has osteoporosis too", True),
    ],
)
def test_a_fall_told_as_small_or_told_apart_from_thin_bones(
    detector: RedFlagDetector, text: str, present: bool
) -> None:
    assert ("minor-fall-fragile-bones" in present_slugs(detector, text)) is present


def test_thin_bones_with_no_falls_told_in_full_words_ask_nothing(
    detector: RedFlagDetector,
) -> None:
    findings = detector.detect("I have osteoporosis but no pain, and I have not had any falls")
    assert "minor-fall-fragile-bones" not in {f.slug for f in findings if f.is_present}
    assert check_to_ask(findings) is None


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("the doctor said my mums hip is broken after she fell at the home", True),
        # worn, not broken: "breaking" shares the lemma of "broken"
        ("the arthritis means her hip is breaking down, she is waiting for a new one", False),
    ],
)
def test_a_hip_told_broken_and_a_hip_wearing_out(
    detector: RedFlagDetector, text: str, present: bool
) -> None:
    assert ("hip-injury-or-hot-hip" in present_slugs(detector, text)) is present


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        # a verb's "-ing" typed without its "g"
        ("cant stop shakin n sweatin since last nite, proper burnin up", "fever-infection-signs"),
        ("its been pissin out in dribbles all day and i cant empty", "bladder-problems"),
    ],
)
def test_a_dropped_g_is_read_as_the_word(detector: RedFlagDetector, text: str, slug: str) -> None:
    assert slug in present_slugs(detector, text)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("out of nowhere my brother lost all sensation in his legs at the gym", True),
        ("she is losing the feeling in her legs since her back went on monday", True),
        # one leg, told by its side: not both
        ("lost the feeling down my left leg for a minute then it came back", False),
    ],
)
def test_feeling_lost_in_the_legs_together_is_both_legs(
    detector: RedFlagDetector, text: str, present: bool
) -> None:
    assert ("both-legs-symptoms" in present_slugs(detector, text)) is present


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        (
            "had bowel cancer 2019, all clear now. i have no pain in my back at all, just want "
            "to get fitter",
            "cancer-history",
        ),
        (
            "im 71 with osteoporosis and i have no pain anywhere, what if i fall on the ice this "
            "winter?",
            "minor-fall-fragile-bones",
        ),
        (
            "my prostate cancer was treated in 2020 and I don't have any hip or back pain at all. "
            "Which core exercises should I start with?",
            "cancer-history",
        ),
        ("Lymphoma survivor here. No pain anywhere. Keen to get strong again", "cancer-history"),
    ],
)
def test_a_risk_told_with_no_pain_at_all_asks_nothing(
    detector: RedFlagDetector, text: str, slug: str
) -> None:
    findings = detector.detect(text)
    assert slug not in {f.slug for f in findings if f.is_present}
    assert check_to_ask(findings) is None


def test_a_lifts_form_breaking_is_no_broken_bone(detector: RedFlagDetector) -> None:
    findings = detector.detect("pulled my back on a heavy squat when my form broke down at the end")
    assert "minor-fall-fragile-bones" not in {f.slug for f in findings}
    assert "minor-fall-fragile-bones" in {
        f.slug for f in detector.detect("i broke my back falling off a wall last week")
    }


@pytest.mark.parametrize(
    ("text", "present"),
    [
        # a friend's, feared for the future: asked about, not raised
        ("my neighbour got cauda equina from a disc, im worried what if it happens to me", False),
        ("i am scared it will happen to me too since my brother had cauda equina", False),
        # feared now
        ("im so scared this is cauda equina", True),
    ],
)
def test_cauda_equina_feared_for_the_future_is_asked_about(
    detector: RedFlagDetector, text: str, present: bool
) -> None:
    assert ("cauda-equina-signs" in present_slugs(detector, text)) is present


def test_pain_wrapping_round_the_rib_cage_asks_the_mid_back_check(
    detector: RedFlagDetector,
) -> None:
    check = check_to_ask(
        detector.detect("my back has been bad all week and the pain wraps round my rib cage")
    )
    assert check is not None and check.slug == "thoracic-back-pain"


def test_the_scots_nae_denies_the_sign(detector: RedFlagDetector) -> None:
    findings = detector.detect("nae numbness when am peein, it's just stiff")
    assert not any(f.is_present for f in findings if f.urgency == "emergency")


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        # a double negative in a second language tells the sign
        ("since monday i dont feel nothing between my legs when i wipe", "saddle-numbness"),
        (
            "some nights i think it is better if im not here, nobody would miss me",
            "suicide-self-harm",
        ),
        (
            "i stopped for years but been cutting again since my back went, it helps me cope",
            "suicide-self-harm",
        ),
        (
            "she has lost 6 kg since summer without any diet and her back aches at night",
            "unexplained-weight-loss",
        ),
        (
            "34 weeks and the baby has been so quiet since this morning",
            "pregnancy-bleeding-or-labour",
        ),
    ],
)
def test_signs_told_in_other_words(detector: RedFlagDetector, text: str, slug: str) -> None:
    assert slug in present_slugs(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "i used to cut my own hair during lockdown and started doing it again",
        "the baby was quiet in the car so i finally did my stretches",
    ],
)
def test_everyday_words_beside_those_signs_raise_nothing(
    detector: RedFlagDetector, text: str
) -> None:
    assert not any(f.is_present and f.urgency == "emergency" for f in detector.detect(text))


def test_one_leg_told_numb_asks_whether_it_is_new(detector: RedFlagDetector) -> None:
    check = check_to_ask(detector.detect("my right leg is numb and my back is sore"))
    assert check is not None and check.slug == "one-leg-numbness-weakness"


def test_a_parents_cancer_told_with_the_apostrophe_dropped_is_theirs(
    detector: RedFlagDetector,
) -> None:
    text = "back sore from digging. dads had cancer twice but ive never had it myself"
    assert "cancer-history" not in present_slugs(detector, text)


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        # a fall, then not walking at all since, anywhere in the story
        (
            "my husband slipped on the wet decking and fell. afterwards he couldnt walk at all",
            "major-injury",
        ),
        # a parent's fall told bare, with what it hurt
        (
            "Dad fell in the garage on sunday. he landed against the bench with his lower back",
            "minor-fall-fragile-bones",
        ),
        (
            "my mum tripped on the rug and now her left hip is black and blue",
            "minor-fall-fragile-bones",
        ),
    ],
)
def test_a_fall_with_what_it_left_is_asked_about(
    detector: RedFlagDetector, text: str, slug: str
) -> None:
    check = check_to_ask(detector.detect(text))
    assert check is not None and check.slug == slug


@pytest.mark.parametrize(
    "text",
    [
        # bent over with a spasm, not unable to walk
        "i fell off my bike as a kid. now after gardening i cant stand up straight",
        "she fell pregnant last year and since then she cant walk far without her back aching",
    ],
)
def test_a_fall_beside_a_look_alike_of_not_standing_asks_nothing(
    detector: RedFlagDetector, text: str
) -> None:
    check = check_to_ask(detector.detect(text))
    assert check is None or check.slug != "major-injury"


def test_a_body_part_told_alone_belongs_to_the_next_sentence(detector: RedFlagDetector) -> None:
    text = "scratch that. both legs. shooting down both sides and numb since lunch"
    assert "both-legs-symptoms" in present_slugs(detector, text)


def test_a_long_list_after_neither_denies_every_item(detector: RedFlagDetector) -> None:
    text = "neither of us has tingling, bladder or bowel trouble, fever, night sweats or falls"
    assert not any(f.is_present for f in detector.detect(text))


def test_a_relatives_operated_emergency_feared_for_oneself_is_their_story(
    detector: RedFlagDetector,
) -> None:
    text = (
        "my cousin ended up needing surgery when his went numb in both legs and he couldnt pee."
        " what if that happens to me? mine is just a sore right side"
    )
    assert not any(f.is_present and f.urgency == "emergency" for f in detector.detect(text))


def test_a_relatives_emergency_now_still_raises_whatever_the_writer_fears(
    detector: RedFlagDetector,
) -> None:
    text = "my brother cant pee and both his legs went numb today, what if that happens to me"
    assert any(f.is_present and f.urgency == "emergency" for f in detector.detect(text))


def test_a_cauda_equina_worry_cleared_by_a_scan_and_asked_again_is_a_check(
    detector: RedFlagDetector,
) -> None:
    text = (
        "last year the GP was worried about cauda equina, sent me for an MRI, it came back "
        "clear. back is achy again after moving house. should I be worried it's cauda equina?"
    )
    findings = detector.detect(text)
    assert not any(f.is_present and f.urgency == "emergency" for f in findings)
    check = check_to_ask(findings)
    assert check is not None and check.slug == "cauda-equina-signs"


def test_thin_bones_and_a_topple_told_apart_are_the_sign(detector: RedFlagDetector) -> None:
    text = "I'm 71 and have osteoporosis. Toppled over in the kitchen this morning. Hip is sore."
    assert "minor-fall-fragile-bones" in present_slugs(detector, text)


def test_a_grown_childs_stiffness_typed_by_a_parent_whose_own_back_is_fine(
    detector: RedFlagDetector,
) -> None:
    text = (
        "my daughter is 19 and her lower back is stiff every morning for over an hour, better "
        "once she moves, for 4 months now. my own back is fine. what should she do?"
    )
    assert "inflammatory-morning-stiffness" in present_slugs(detector, text)


def test_before_and_a_time_is_a_time_back_in_a_learners_english(
    detector: RedFlagDetector,
) -> None:
    text = "before 2 month i have this pain one week and it go. now again since yesterday"
    assert "pain-beyond-six-weeks" not in present_slugs(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        # the organ that holds bile
        "the scan showed gall bladder problems and the pain goes round to my back",
        # "number" is a noun, not "more numb"
        "bent down to pick up box number two from the van and my back twinged",
        # a risk told, not a leak had
        "the walk to the loo was slow and the danger of me wetting myself felt real",
        # the accident as a time gone by since
        "my longest drive since my last car accident was four hours, back was stiff after",
    ],
)
def test_look_alikes_of_emergency_words_raise_nothing(detector: RedFlagDetector, text: str) -> None:
    assert not any(f.is_present and f.urgency == "emergency" for f in detector.detect(text))


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        (
            "it began between my shoulder blades and spread into my chest within minutes",
            "chest-pain-breathlessness",
        ),
        (
            "since the weekend i get no warning when i need to go for a poo, it just happens",
            "bowel-control-loss",
        ),
        (
            "my husband says the pain in his belly is like ripping. now he's gone pale and "
            "clammy and says he feels faint",
            "sudden-severe-pain-fainting",
        ),
    ],
)
def test_signs_told_as_spreading_or_unannounced(
    detector: RedFlagDetector, text: str, slug: str
) -> None:
    assert slug in present_slugs(detector, text)


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        # the degree belongs to the pain gone, the weakness to the back
        (
            "the leg pain is totally gone now but my lower back still feels a bit stiff n weak",
            "worsening-leg-weakness",
        ),
        ("been pain free for months, want to start running again", "pain-beyond-six-weeks"),
        (
            "scoliosis since my teens, had it for years, mostly fine with pilates",
            "pain-beyond-six-weeks",
        ),
        ("after my stroke I was worried the old back ache would return", "sudden-leg-weakness"),
        (
            "I rocked on all fours, like I did in labour with my first, and it eased a bit",
            "pregnancy-bleeding-or-labour",
        ),
        (
            "fell off a roof, spinal fusion, rods and screws. was off work for three years after",
            "major-injury",
        ),
        (
            "I could feel my fever breaking by the evening and my back eased",
            "fever-infection-signs",
        ),
        (
            "came off my bike at speed. at the ER they told me all I did was strain my back",
            "major-injury",
        ),
        (
            "I fell off the ladder in the barn, the GP diagnosed me with a muscle strain",
            "major-injury",
        ),
        (
            "fell off a ladder picking apples, no real injuries apart from a sore bum",
            "major-injury",
        ),
        (
            "I was thrown from my horse and broke my back. I am fine now. The accident was 3 years "
            "ago.",
            "major-injury",
        ),
        # the first of several crashes
        (
            "in my first car accident I slipped two discs, and another one went in my second",
            "major-injury",
        ),
        # a day remembered
        (
            "I'll never forget the day I got out of bed and my legs went and I fell to the floor. "
            "When I tried again my right hip hurt so much I couldn't stand up at all.",
            "hip-injury-or-hot-hip",
        ),
        # the drug as the news tells of it
        (
            "the papers are full of the heroin epidemic and my GP won't refill my codeine",
            "fever-infection-signs",
        ),
    ],
)
def test_what_the_story_says_of_the_sign_keeps_it_from_alarming(
    detector: RedFlagDetector, text: str, slug: str
) -> None:
    assert slug not in present_slugs(detector, text)


def test_the_legs_weakness_told_severe_still_alarms(detector: RedFlagDetector) -> None:
    assert "worsening-leg-weakness" in present_slugs(
        detector, "my right leg has gone extremely weak since the weekend"
    )


def test_a_healed_fracture_with_no_pain_for_years_asks_nothing_of_thin_bones(
    detector: RedFlagDetector,
) -> None:
    text = (
        "In 2015 a van hit my bike and I cracked a vertebra. It mended and I've had no back pain "
        "for years. Can I start deadlifts?"
    )
    check = check_to_ask(detector.detect(text))
    assert check is None or check.slug != "minor-fall-fragile-bones"


def test_a_hip_told_well_beside_a_back_told_well_is_no_hip_pain(detector: RedFlagDetector) -> None:
    text = "nothing hurts, my hip is fine, back is good, just want to stay strong"
    assert "hip-pain-without-back-pain" not in present_slugs(detector, text)


def test_a_day_remembered_then_told_as_now_still_alarms(detector: RedFlagDetector) -> None:
    text = (
        "I will never forget the day my back went. I fell off the roof this morning and can't "
        "move my legs"
    )
    assert "major-injury" in present_slugs(detector, text)


def test_a_drug_the_writer_uses_still_counts_beside_the_news(detector: RedFlagDetector) -> None:
    text = "I read about the heroin epidemic, I use heroin myself and my back is agony"
    assert any(
        f.slug == "fever-infection-signs"
        for f in detector.detect(text)
        if f.is_present or f.is_unclear
    )


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        (
            "my grandad had his hip replaced last month, so I want to keep mine strong. which "
            "exercises?",
            "recent-back-or-hip-surgery",
        ),
        (
            "My dad fell and broke his hip, he's on painkillers now. I'm 41 and my low back "
            "aches after work. Will I end up like my dad?",
            "hip-injury-or-hot-hip",
        ),
        (
            "my flatmate got diagnosed with cauda equina on friday and now i'm scared, my back "
            "aches after the gym. how do i know if i have it?",
            "cauda-equina-signs",
        ),
        (
            "my wife has ankylosing spondylitis. my back is a bit stiff some mornings, could i "
            "get it from her?",
            "inflammatory-morning-stiffness",
        ),
    ],
)
def test_a_relatives_treated_injury_feared_by_the_writer_is_their_story(
    detector: RedFlagDetector, text: str, slug: str
) -> None:
    assert slug not in present_slugs(detector, text)


def test_a_relatives_broken_hip_in_agony_now_still_alarms_whatever_the_writer_fears(
    detector: RedFlagDetector,
) -> None:
    text = "Mum just fell and broke her hip, she's in agony on the floor. Will I end up like her?"
    assert "hip-injury-or-hot-hip" in present_slugs(detector, text)


def test_a_sign_word_told_normal_right_after_is_no_sign(detector: RedFlagDetector) -> None:
    text = "no, wee and poo are normal, its just my left foot thats numb"
    assert "bladder-problems" not in present_slugs(detector, text)


def test_told_normal_reaches_only_the_word_it_follows(detector: RedFlagDetector) -> None:
    text = "waterworks are fine but since monday i cant feel when i need to pee"
    assert "bladder-problems" in present_slugs(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "and if it starts to burn when i wee or i get a temperature, what then?",
        "if i get a fever with this back pain should i worry?",
        "if one day i couldnt feel the paper when i wipe, what then?",
    ],
)
def test_signs_asked_about_as_what_if_raise_nothing(detector: RedFlagDetector, text: str) -> None:
    assert not {"kidney-infection", "fever-infection-signs", "saddle-numbness"} & present_slugs(
        detector, text
    )


def test_a_fever_had_beside_an_if_still_counts(detector: RedFlagDetector) -> None:
    text = "i get a fever every night now and my back is agony, is it ok if i rest?"
    assert "fever-infection-signs" in present_slugs(detector, text)


def test_a_worry_getting_worse_asks_nothing_of_the_pain(detector: RedFlagDetector) -> None:
    text = "my back is only a bit stiff but the worry keeps getting worse the more i google"
    check = check_to_ask(detector.detect(text))
    assert check is None or check.slug not in {"severe-worsening-pain", "pain-beyond-six-weeks"}


def test_a_hip_condition_named_with_its_mechanics_told_sound_asks_nothing(
    detector: RedFlagDetector,
) -> None:
    text = "they found FAI in my right hip. all good now, no pain, no click. just tight hips"
    findings = detector.detect(text)
    assert "hip-locking-clicking" not in present_slugs(detector, text)
    check = check_to_ask(findings)
    assert check is None or check.slug != "hip-locking-clicking"


def _present_or_asked(findings: list, slug: str) -> set[str]:
    return {f.status for f in findings if f.slug == slug and (f.is_present or f.is_unclear)}


@pytest.mark.parametrize(
    "text",
    [
        "my consultant warned me I could develop cauda equina if the disc gets any bigger",
        "the physio said there's a risk of cauda equina with a disc this size",
        "it's possible I might get cauda equina one day, he said",
    ],
)
def test_a_condition_that_may_come_is_asked_about_not_alarmed(
    detector: RedFlagDetector, text: str
) -> None:
    findings = [f for f in detector.detect(text) if f.slug == "cauda-equina-signs"]
    assert findings and not any(f.is_present for f in findings)


def test_one_of_the_legs_is_no_both_legs(detector: RedFlagDetector) -> None:
    single = detector.detect("one of my legs goes numb when I drive for a couple of hours")
    assert not _present_or_asked(single, "both-legs-symptoms")
    both = detector.detect("both of my legs go numb when I drive, since last week")
    assert _present_or_asked(both, "both-legs-symptoms")


def test_a_friends_operated_emergency_feared_by_the_writer_is_their_story(
    detector: RedFlagDetector,
) -> None:
    text = (
        "my brother ended up in surgery for cauda equina, he said his first sign was he couldnt "
        "feel when he wiped. how would i even know if i got that? my back aches from work"
    )
    saddle = [f for f in detector.detect(text) if f.slug == "saddle-numbness"]
    assert [f.status for f in saddle] == ["family"]
    now = "my brother went numb when he wiped and his legs went weak this morning, help"
    assert _present_or_asked(detector.detect(now), "saddle-numbness")


def test_a_condition_named_with_its_signs_denied_is_not_asked(detector: RedFlagDetector) -> None:
    denied = detector.detect(
        "I read online about cauda equina and now I'm freaking out. my back aches but I have no "
        "numbness anywhere and I can pee fine"
    )
    assert check_to_ask(denied) is None
    named = detector.detect("I read online about cauda equina and now I'm freaking out")
    asked = check_to_ask(named)
    assert asked is not None and asked.slug == "cauda-equina-signs"


@pytest.mark.parametrize(
    "text",
    [
        "I broke two vertebrae when I came off my motorbike. The fractures have healed now and "
        "I have been signed off to start physio",
        "About ten weeks ago I crashed my mountain bike and hurt my back. What can I do now?",
        "My back trouble started in my 20s. The first time, I fell off a hay cart and landed on "
        "my back.",
        "I came off a horse years back and my back has never been the same since. It's stiff "
        "every morning.",
    ],
)
def test_an_injury_with_its_aftercare_told_is_history(detector: RedFlagDetector, text: str) -> None:
    assert not any(f.slug == "major-injury" and f.is_present for f in detector.detect(text))


@pytest.mark.parametrize(
    "text",
    [
        "I've lived with chronic pain for years. This morning I fell off a ladder onto my back",
        # an old pain, or a time that dates something else, is no aftercare of this injury
        "Living with chronic pain is hard. I fell off a ladder and landed on my back, agony",
        "I fell off a ladder and landed on my back. I have been living with chronic pain for years",
        "I had a cold 8 weeks ago. I fell off a ladder and my back is agony",
    ],
)
def test_an_injury_beside_other_time_or_old_pain_is_still_an_emergency(
    detector: RedFlagDetector, text: str
) -> None:
    assert any(f.slug == "major-injury" and f.is_present for f in detector.detect(text))


def test_an_accident_guessed_at_as_the_cause_is_asked_about(detector: RedFlagDetector) -> None:
    guessed = detector.detect(
        "I'll never know what started it. Was it the car accident? Bad posture?"
    )
    assert not any(f.slug == "major-injury" and f.is_present for f in guessed)
    recent = detector.detect("was it the car accident last night? my back is agony since")
    assert any(f.slug == "major-injury" and f.is_present for f in recent)


def test_cancer_the_writer_wonders_about_is_asked_but_a_doctors_word_counts(
    detector: RedFlagDetector,
) -> None:
    wondered = detector.detect("I read the leaflet. I may have cancer. My tailbone hurts.")
    assert not any(f.slug == "cancer-history" and f.is_present for f in wondered)
    told = detector.detect("the doctor said I may have cancer in my spine")
    assert any(f.slug == "cancer-history" and f.is_present for f in told)


def test_a_crash_as_a_likeness_is_no_injury(detector: RedFlagDetector) -> None:
    text = "my hips ache like being run over by a train every morning"
    assert not any(f.slug == "major-injury" and f.is_present for f in detector.detect(text))


@pytest.mark.parametrize(
    "text, slug",
    [
        (
            "my legs barely have the strength to get me to the loo since Tuesday",
            "worsening-leg-weakness",
        ),
        ("since yesterday I can no longer feel my legs", "both-legs-symptoms"),
        ("i can no longer control my bladder since my back went", "bladder-problems"),
    ],
)
def test_a_loss_told_with_no_longer_or_barely_is_the_sign(
    detector: RedFlagDetector, text: str, slug: str
) -> None:
    assert any(f.slug == slug and f.is_present for f in detector.detect(text))


@pytest.mark.parametrize(
    "text",
    [
        "since my back went I can no longer touch my toes in yoga",
        "my toddler won't walk anywhere so I carry him on my hip all day and my back aches",
    ],
)
def test_everyday_losses_and_carrying_are_no_alarm(detector: RedFlagDetector, text: str) -> None:
    assert not any(f.urgency in ALARM_LEVELS and f.is_present for f in detector.detect(text))


@pytest.mark.parametrize(
    "text",
    ["the pain fills my head with dark thoughts", "every day is a struggle to want to keep going"],
)
def test_despair_in_other_words_asks_the_crisis_question(
    detector: RedFlagDetector, text: str
) -> None:
    asked = check_to_ask(detector.detect(text))
    assert asked is not None and asked.slug == "suicide-self-harm"


def test_what_would_happen_if_asks_about_the_signs(detector: RedFlagDetector) -> None:
    asked = detector.detect(
        "silly question but what would happen if my sciatica ever went down both legs or i got "
        "numb in the saddle area"
    )
    assert not any(f.is_present for f in asked if f.urgency == "emergency")
    told = detector.detect("since yesterday the pain goes down both legs and my bum is numb")
    assert any(f.is_present for f in told if f.urgency == "emergency")


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("they tested me for ankylosing spondylitis and it was all negative", False),
        ("I'm stiff for ten minutes when I get up and sore if I stand a long time", False),
        ("I have ankylosing spondylitis and my back is stiff", True),
        ("stiff every morning and it takes a long time to loosen up", True),
    ],
)
def test_inflammatory_stiffness_needs_the_long_morning_or_the_condition(
    detector: RedFlagDetector, text: str, present: bool
) -> None:
    findings = detector.detect(text)
    assert (
        any(f.slug == "inflammatory-morning-stiffness" and f.is_present for f in findings)
        is present
    )


def test_if_i_ever_did_get_those_signs_is_a_possibility(detector: RedFlagDetector) -> None:
    text = "and if I ever did get those cauda equina symptoms again, what do I do? none now"
    assert not any(f.is_present or f.is_unclear for f in detector.detect(text))


def test_the_saddles_parts_typed_quickly_are_still_the_saddle(detector: RedFlagDetector) -> None:
    text = "since yesterday theres slight numbing around the buttox and grion"
    assert any(f.slug == "saddle-numbness" and f.is_present for f in detector.detect(text))


@pytest.mark.parametrize(
    "text", ["both my legs can get numb since monday", "both my legs would get numb and weak"]
)
def test_what_the_legs_can_get_is_what_happens(detector: RedFlagDetector, text: str) -> None:
    assert any(f.slug == "both-legs-symptoms" and f.is_present for f in detector.detect(text))


HIP_INJURY = "hip-injury-or-hot-hip"
HINGE_IN_THE_BACK = "hinge-felt-in-lower-back"
INFLAMMATORY = "inflammatory-morning-stiffness"


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        # a hip fracture told with its repair or the time since
        (
            "Two years ago I slipped in the garden and broke my hip. The surgeon operated on my "
            "hip that evening and now I walk every day",
            HIP_INJURY,
        ),
        ("Four years after my hip fracture I am back to golf, but my lower back aches", HIP_INJURY),
        (
            "I'm helping my dad stand again after he fell and broke his hip in the spring",
            HIP_INJURY,
        ),
        (
            "I came off my bike and broke my hip. Home and mended now, what helps the back?",
            HIP_INJURY,
        ),
        # the legs back after care
        (
            "I twisted and couldn't put any weight on my legs. After the scan they kept me in and "
            "I regained the ability to walk by the evening",
            HIP_INJURY,
        ),
        # a break warned against or feared for the future; a condition tests looked for
        ("my physio said to be careful not to trip and break my hip on the stairs", HIP_INJURY),
        ("I do balance classes so I don't have a fall where I might break a hip", HIP_INJURY),
        (
            "at the ER they were looking for kidney stones and a bladder infection, all normal",
            "kidney-infection",
        ),
        # a crash walked away from, or dated years back
        (
            "my uncle walked away from a nasty motorway crash last month and now his back is stiff",
            "major-injury",
        ),
        (
            "I was rear-ended by a van. This spring marks five years from the accident and my "
            "back still aches",
            "major-injury",
        ),
        # the back that stopped working; the writer in slang
        (
            "shaving my legs in the shower and suddenly it was my back that stopped working",
            "worsening-leg-weakness",
        ),
        ("ya girl is limping around the house with a pulled hip muscle", "child-limp-hip-pain"),
        # a search's word, a friend's guess, a wonder
        ("dr google says cauda equina?? my lower back aches", "cauda-equina-signs"),
        ("my wife reckons it's ankylosing spondylitis, my back is stiff", INFLAMMATORY),
        ("what if I had cancer and didn't know?", "cancer-history"),
        # a hinge the person wants to learn is not yet felt
        ("I'd like to learn the hip hinge, my lower back is sore from digging", HINGE_IN_THE_BACK),
        # a swing of the legs out of a seat is no kettlebell swing
        ("when I swing my legs out of the car my lower back twinges", HINGE_IN_THE_BACK),
        # a parent's history, in the words of home, beside the writer's own pain
        (
            "my mummy had breast cancer, I never had it myself, my back aches after work",
            "cancer-history",
        ),
        (
            "my brother has ankylosing spondylitis so I'm a bit worried, my back aches since "
            "I dug the garden last week",
            INFLAMMATORY,
        ),
        # a child carried by a parent whose own back hurts
        (
            "can't pick up the baby without my lower back aching, and the toddler wants carrying "
            "all day",
            "child-limp-hip-pain",
        ),
        # the month just gone is under six weeks
        ("lower back getting worse over the past month, what helps", "pain-beyond-six-weeks"),
        # worn out, not fainting; a limb that shakes, not rigors
        (
            "first spin class in years and I'm ready to pass out, back aches",
            "sudden-severe-pain-fainting",
        ),
        (
            "as the physio pressed the spot my left leg was shaking uncontrollably, sore back",
            "fever-infection-signs",
        ),
        # a cause told with the sign: a vaccine's fever, a needle on a nerve, a seizure
        (
            "the flu jab gave me a fever for a day and now my lower back aches",
            "fever-infection-signs",
        ),
        (
            "during the epidural they hit a nerve and one side of my body went numb for a bit",
            "sudden-leg-weakness",
        ),
        (
            "I had a seizure and loss of consciousness last month, my back is stiff since",
            "sudden-severe-pain-fainting",
        ),
        # figures of speech and a fright from reading
        (
            "I almost had a heart attack when the physio bill came, my back is stiff",
            "chest-pain-breathlessness",
        ),
        (
            "the heart attack was a joke, my chest is fine, how often should I stretch",
            "chest-pain-breathlessness",
        ),
        (
            "after leg day my legs are dead and I can't feel my legs lol, hips tight",
            "both-legs-symptoms",
        ),
        (
            "I read about cauda equina online and scared myself, back aches from lifting",
            "cauda-equina-signs",
        ),
        (
            "a deep unconscious moan came out when I bent over, sore back",
            "sudden-severe-pain-fainting",
        ),
        ("I used old patches from a car accident on my sore back, helped a bit", "major-injury"),
        # possibilities and others' stories, asked about for the future
        ("if i did ever get numb down there, what would i do? im fine now", "saddle-numbness"),
        (
            "if one day i couldnt feel my bum or had pee problems, thats the emergency right? "
            "im fine rn",
            "bladder-problems",
        ),
        (
            "read stories online about people going numb down there. nothing like that for me, "
            "just a stiff back",
            "saddle-numbness",
        ),
        # others: people in general, a death dated then its cause, a friend's illness feared
        ("other runners must have had broken hips, any tips for getting back?", HIP_INJURY),
        (
            "my uncle died two years ago from bowel cancer. the first sign he had of this cancer "
            "was jaundice",
            "cancer-history",
        ),
        (
            "I found out a friend has cancer and this scared me, my back has a lump that "
            "doesn't hurt",
            "cancer-history",
        ),
        # an old break told healed and signed off; a search's guess; a clot in the past
        (
            "back sore again. i broke a vertebra skiing back in 2012 but that all healed, the "
            "surgeon signed me off",
            "major-injury",
        ),
        ("my back aches since monday, i googled and it says maybe a tumour", "cancer-history"),
        ("I've been on warfarin since my DVT last year, can I do planks?", "hot-swollen-calf"),
        # a relative's condition feared for oneself
        (
            "my dad has osteoporosis and im scared im going to get it too, back aches after work",
            "minor-fall-fragile-bones",
        ),
        # a clear reason for new pain at 50 or over
        (
            "I'm 57 and my back started aching last week after a weekend of digging",
            "new-pain-under-20-or-over-50",
        ),
        # an old injury told as over
        (
            "I broke my wrist falling off a bike at 30, my back was checked and fine, never had "
            "any trouble from it since. now stiff after gardening",
            "minor-fall-fragile-bones",
        ),
        # the limbs told strong
        (
            "my arms and legs are still strong, but the back pain makes me feel weak",
            "spinal-cord-compression",
        ),
    ],
)
def test_history_possibility_or_a_laypersons_word_is_no_report(
    detector: RedFlagDetector, text: str, slug: str
) -> None:
    assert not any(f.slug == slug and f.is_present for f in detector.detect(text))


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        # an injury today, whatever is told after it
        (
            "I fell off the step this morning and broke my hip, they say they operated on my hip "
            "years ago",
            HIP_INJURY,
        ),
        ("I twisted and couldn't put any weight on my legs, help", HIP_INJURY),
        # a clinician's word, a diagnosis, a history told while asking whether it matters
        ("the physio said it may be cauda equina and sent me to A&E", "cauda-equina-signs"),
        ("I have ankylosing spondylitis, my back is stiff", INFLAMMATORY),
        (
            "does it matter that I had bowel cancer? it was years ago, my back aches",
            "cancer-history",
        ),
        # the exercise felt in the back, named or not
        ("when I do the hip hinge I feel it in my lower back, sore after", HINGE_IN_THE_BACK),
        ("did it twice, I feel it in my lower back, not my hamstrings, sore", HINGE_IN_THE_BACK),
        # "not able to" now is "can't"
        ("since yesterday I am not able to pass urine, and my back is worse", "bladder-problems"),
        # the writer's own long mornings, beside a relative's diagnosis
        (
            "my brother has AS and I'm stiff every morning for about 45 mins, it loosens as I move",
            INFLAMMATORY,
        ),
        # one leg, then both told by a word for the other
        (
            "sciatica down my left leg. actually both now, the right one started today",
            "both-legs-symptoms",
        ),
        # the arms and the legs together
        (
            "pins and needles in the feet spread to my arms and legs overnight",
            "spinal-cord-compression",
        ),
        # a new change after years of an old one
        (
            "numb toes for years from diabetes but these last few days both legs are going numb",
            "both-legs-symptoms",
        ),
        # a leg's feeling muffled, in a picture
        (
            "my right leg feels far away, like it's wrapped in cotton wool, since this morning",
            "one-leg-numbness-weakness",
        ),
        # months, and no better, told in clauses apart
        ("it's been 5 months, and honestly it's not better at all", "pain-beyond-six-weeks"),
        # a replaced hip that keeps coming out
        ("my mum's new hip keeps dislocating, what now?", "hip-locking-clicking"),
        # the saddle named by its adjective
        ("since saturday there's a tingling in my vaginal area when I sit", "saddle-numbness"),
        ("my anal area has gone numb since the disc flared up", "saddle-numbness"),
        # chills come on beside the back's pain
        (
            "back has been aching all week and then the chills started last night",
            "fever-infection-signs",
        ),
        # a phone's quick spellings
        ("honestly i just wanna kms, this pain never stops", "suicide-self-harm"),
        ("cnt feel nethin down there since this mornin n my bk is agony", "saddle-numbness"),
        ("cnt pee since last nite, bk is killing me", "bladder-problems"),
        # weight lost unexpectedly
        ("been losing weight unexpectedly and my back aches at night", "unexplained-weight-loss"),
    ],
)
def test_told_now_or_by_a_clinician_is_a_report(
    detector: RedFlagDetector, text: str, slug: str
) -> None:
    assert any(f.slug == slug and f.is_present for f in detector.detect(text))


def test_a_fall_today_with_a_hip_that_cannot_stand_is_an_emergency(
    detector: RedFlagDetector,
) -> None:
    findings = detector.detect("my nan fell in the kitchen an hour ago and cant stand up, her hip")
    assert any(f.urgency == "emergency" and f.is_present for f in findings)


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        (
            "my sciatica is brutal and I still have radiation treatment every weekday",
            "cancer-history",
        ),
        (
            "the paramedics came because of severe chills, and my lower back is killing me",
            "fever-infection-signs",
        ),
        (
            "there's a burning pain between my neck and the blades of my shoulders, all the time",
            "thoracic-back-pain",
        ),
    ],
)
def test_a_sign_in_other_everyday_words_is_read(
    detector: RedFlagDetector, text: str, slug: str
) -> None:
    findings = detector.detect(text)
    assert any(f.slug == slug and (f.is_present or f.is_unclear) for f in findings)


def test_a_search_naming_cauda_equina_asks_its_check(detector: RedFlagDetector) -> None:
    asked = check_to_ask(detector.detect("dr google says cauda equina?? my lower back aches"))
    assert asked is not None and asked.slug == "cauda-equina-signs"


def test_signs_if_one_day_they_came_are_a_possibility(detector: RedFlagDetector) -> None:
    findings = detector.detect(
        "if one day I got numbness round my bum or couldn't pee, what would that mean? I have "
        "none of that, my back just aches"
    )
    assert not any(f.is_present for f in findings if f.urgency == "emergency")


def test_the_waterworks_told_normal_asks_no_bladder_check(detector: RedFlagDetector) -> None:
    findings = detector.detect(
        "my back feels different this week after the long drive, peeing fine"
    )
    assert not any(f.slug == "cauda-equina-signs" and f.is_unclear for f in findings)


def test_legs_told_working_fine_are_an_all_clear(detector: RedFlagDetector) -> None:
    findings = detector.detect("thighs and calves very sore after the hike, legs work perfectly")
    assert any(f.slug == "both-legs-symptoms" and f.status == "negated" for f in findings)


@pytest.mark.parametrize(
    "text",
    [
        "my hamstrings want to buckle at times when I walk",
        "woke up and my leg didn't want to support me, back sore",
    ],
)
def test_a_leg_that_may_not_hold_asks_the_leg_check(detector: RedFlagDetector, text: str) -> None:
    asked = check_to_ask(detector.detect(text))
    assert asked is not None and asked.slug == "worsening-leg-weakness"


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        (
            "had a chest infection in 2019, antibiotics, nothing since; back aches",
            "fever-infection-signs",
        ),
        ("my bone scan showed osteopenia, is the plank ok for my back?", "cancer-history"),
        (
            "the scan was to eliminate the possibility of an infection, back still sore",
            "fever-infection-signs",
        ),
    ],
)
def test_a_past_or_tested_for_cue_asks_no_check(
    detector: RedFlagDetector, text: str, slug: str
) -> None:
    assert not any(f.slug == slug and (f.is_unclear or f.is_present) for f in detector.detect(text))


def test_a_medicine_that_may_come_asks_no_check(detector: RedFlagDetector) -> None:
    findings = detector.detect(
        "my rheumatologist said I might need to start methotrexate in the spring, back is sore"
    )
    assert not any(f.slug == "fever-infection-signs" and f.is_unclear for f in findings)


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        # a relative's death from the condition, and the writer's own scan told normal
        (
            "my uncle died of a burst aortic aneurysm, so I got scanned when my back went: aorta "
            "was normal, no aneurysm. sore from digging",
            "sudden-severe-pain-fainting",
        ),
        # a clinician's finding that the back is fine, with the hips weak, not sore
        (
            "the physio told me my back is fine, its weak hips, so she gave me clams",
            "hip-pain-without-back-pain",
        ),
        # a wait for a clinic, not how long it has hurt
        (
            "back pain since last friday, the waiting list is 12 weeks for the physio",
            "pain-beyond-six-weeks",
        ),
        # someone else's guess that the writer has it
        (
            "my wife is convinced I have a kidney infection but I tweaked it at the gym, no temp",
            "kidney-infection",
        ),
        # a relative's history, the relative told free of pain
        (
            "my mum had bowel cancer years ago, she has no back pain, just asking for me",
            "cancer-history",
        ),
        # a possibility told in its own sentence, apart from the rest
        (
            "doing the hip hinge and I feel it in my hamstrings. but if I ever did feel it in my "
            "lower back, what should I change?",
            "hinge-felt-in-lower-back",
        ),
    ],
)
def test_a_relatives_death_a_clinicians_finding_or_a_wait_is_no_report(
    detector: RedFlagDetector, text: str, slug: str
) -> None:
    assert not any(f.slug == slug and (f.is_present or f.is_unclear) for f in detector.detect(text))


def test_pain_told_long_beside_a_wait_is_still_long(detector: RedFlagDetector) -> None:
    findings = detector.detect("my back has hurt for 3 months and the physio wait is 8 weeks")
    assert any(f.slug == "pain-beyond-six-weeks" and f.is_present for f in findings)


def test_a_relatives_diagnosis_asks_the_writer_about_the_pattern(
    detector: RedFlagDetector,
) -> None:
    findings = detector.detect(
        "my brother has ankylosing spondylitis and I'm scared, my lower back has ached a week"
    )
    inflammatory = [f for f in findings if f.slug == "inflammatory-morning-stiffness"]
    assert inflammatory and all(f.is_unclear for f in inflammatory)


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        # sexual function lost, in plain second-language words
        (
            "since my back went on monday my man part is not working and i not feel it",
            "sexual-function-loss",
        ),
        # a urine infection's burning with shivers and a one-sided back ache
        (
            "peeing feels like razor blades and i am shivering, my back hurts under the ribs",
            "kidney-infection",
        ),
        # the joint's clunk told without naming the hip, which came before
        ("it catches now and then, with a clunk deep in the joint", "hip-locking-clicking"),
        # thin bones, then a sneeze, told in sentences apart
        (
            "I've had osteopenia for years. This morning I sneezed and my lower back went",
            "minor-fall-fragile-bones",
        ),
        # an older age, then a crack felt on a cough
        (
            "I am 81. Coughing all week with a cold and last night I felt a crack in my back",
            "minor-fall-fragile-bones",
        ),
        # clothes gone loose and kilos lost without trying
        (
            "my trousers are loose, 4 kilos since easter, not trying at all",
            "unexplained-weight-loss",
        ),
        # pain all night that moving does not change
        (
            "it hurts most of the night and moving doesn't change it one bit",
            "night-pain-unrelenting",
        ),
        (
            "sudden pain between my shoulder blades and I had to fight to breathe",
            "chest-pain-breathlessness",
        ),
        (
            "sharp pain in my rib cage out of nowhere, it hurts to take a deep breath",
            "thoracic-back-pain",
        ),
        ("since the op both of my butt cheeks are without feeling", "saddle-numbness"),
        (
            "the physio tested the strength in my leg and it has decreased a lot",
            "one-leg-numbness-weakness",
        ),
        # the pee named, how it goes told in the next sentence
        ("wee? sort of. cant get it started and it never feels empty", "bladder-problems"),
        # a cancer read back from a checklist, its history next
        ("cancer? yes, 2016, bowel. finished treatment and all clear since", "cancer-history"),
        # a time over six weeks as a short answer, then the course
        ("9 wks. no better. if anything worse", "pain-beyond-six-weeks"),
    ],
)
def test_signs_in_roundabout_words_or_told_apart_are_read(
    detector: RedFlagDetector, text: str, slug: str
) -> None:
    assert any(f.slug == slug and f.is_present for f in detector.detect(text))


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        (
            "i hold it fine, wees are normal, its only a twinge when i push on the loo",
            "bladder-problems",
        ),
        ("my only bladder problem is too much tea, peeing normal", "bladder-problems"),
        (
            "the numbness and the leg pain are completely gone now, sex life normal",
            "saddle-numbness",
        ),
        (
            "30 mins on the toilet and when i get up my back is stiff",
            "inflammatory-morning-stiffness",
        ),
        ("chronic-ish back pain for 2 weeks after the move", "pain-beyond-six-weeks"),
        ("numbness, leaking, legs weak? nope, none of it", "bladder-problems"),
        ("my hay fever is awful, back sore from sneezing", "fever-infection-signs"),
        ("could my back pain be cancer? it started after gardening", "cancer-history"),
        (
            "a lump was checked last year and the biopsy came back benign, back aches now",
            "cancer-history",
        ),
        ("my back spasmed and I walk like I pooped my pants lol", "bowel-control-loss"),
        ("bad sciatica, and arthritis in both my knees too", "both-legs-symptoms"),
        ("my hip hates the fluctuations in temperature this winter", "hip-injury-or-hot-hip"),
        ("bits of me go numb while cycling on long rides, no back pain", "saddle-numbness"),
        ("I fell off a stool, a one foot drop, and my back aches", "worsening-leg-weakness"),
        (
            "my lower back seized up. scenarios running through my head: a disc, a tumour",
            "cancer-history",
        ),
        (
            "what would you do if I told you my legs were numb? just asking, they aren't",
            "both-legs-symptoms",
        ),
        (
            "if my back gets worse over the next month, should I see someone?",
            "pain-beyond-six-weeks",
        ),
        # a child's fever nursed by a parent with a sore back
        (
            "my daughter had a fever for days so I was up all night with her, now my back aches",
            "fever-infection-signs",
        ),
        # a partner's guess
        (
            "my hubby keeps saying my back pain might be a kidney infection, no fever though",
            "kidney-infection",
        ),
    ],
)
def test_all_clears_possibilities_likenesses_and_everyday_causes_are_no_report(
    detector: RedFlagDetector, text: str, slug: str
) -> None:
    assert not any(f.slug == slug and f.is_present for f in detector.detect(text))


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        # a road scooter come off
        (
            "came off the scooter on a wet bend this morning and my back is killing me",
            "major-injury",
        ),
        # a player landing on top in a game
        (
            "in the match a defender landed on me as I went down, my back took the lot",
            "major-injury",
        ),
        # the pee in a word from another language, a stream that will not come
        ("since monday I push and push but the pipi comes only a little", "bladder-problems"),
        ("i dont feel when the bladder is full anymore", "bladder-problems"),
        # a numbness that is spreading now
        ("the ache runs down my calf which is now going numb", "one-leg-numbness-weakness"),
        # a breast cancer by its short name
        ("my back aches since the weekend. I had surgery and radiation for DCIS", "cancer-history"),
        # months of self-care, and the pain no better
        (
            "four months of stretching and heat and my back is the same or worse",
            "pain-beyond-six-weeks",
        ),
    ],
)
def test_signs_in_other_words_are_read(detector: RedFlagDetector, text: str, slug: str) -> None:
    assert any(f.slug == slug and f.is_present for f in detector.detect(text))


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        # a tearing pain, then the sweat and the near faint in the next sentence
        (
            "my dad says his back feels like tearing. now he is very sweaty and nearly fell down",
            "sudden-severe-pain-fainting",
        ),
        (
            "she suddenly has very strong pain in her back and belly",
            "sudden-severe-pain-fainting",
        ),
        # stepped on by a horse
        ("the horse panicked and he stepped on my pelvis, I could not move", "major-injury"),
    ],
)
def test_emergencies_told_in_a_story_are_read(
    detector: RedFlagDetector, text: str, slug: str
) -> None:
    assert any(f.slug == slug and f.is_present for f in detector.detect(text))


def test_the_spine_named_in_the_middle_asks_the_upper_back_check(
    detector: RedFlagDetector,
) -> None:
    findings = detector.detect("I get a pain in the middle part of my spine after rowing")
    assert any(f.slug == "thoracic-back-pain" and f.is_unclear for f in findings)


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        # a general question, the writer's own bladder told fine
        (
            "nothing is wrong with me, but what would it mean if a person with back pain "
            "started having trouble peeing? my own bladder is fine",
            "bladder-problems",
        ),
        # a relative's one-time illness
        ("my brother had a kidney infection once, it began with back ache", "kidney-infection"),
        # a journey, not a trip over
        (
            "I take apixaban. My back is stiff after a long bus trip to the coast",
            "fall-on-blood-thinners",
        ),
        # fears and risks of what may come
        (
            "and then there is my fear of death by a heart attack on the table",
            "chest-pain-breathlessness",
        ),
        (
            "what worries me is the likelihood of getting a fractured hip in the op",
            "hip-injury-or-hot-hip",
        ),
        # an accident dated years back by what came after it
        (
            "the sciatica started a few years after I was hit by a car",
            "major-injury",
        ),
        ("a small car accident last year, all sorted with physio, back fine", "major-injury"),
        # possibilities: anyone's legs, a day to come, a future foretold
        (
            "my coach says if your legs ever start giving way you go to hospital? mine are fine",
            "worsening-leg-weakness",
        ),
        ("if one day my legs become weak what do I do? they are strong now", "both-legs-symptoms"),
        ("my gran says I will become paralysed if I keep slouching", "worsening-leg-weakness"),
        # a conviction after reading, and a search engine's guess
        (
            "after googling I'm convinced my back pain is bone cancer. never had cancer",
            "cancer-history",
        ),
        ("go on, tell me I have cauda equina like dr google did", "cauda-equina-signs"),
        # steroids given into the spine, not tablets
        (
            "I slipped on the step. I have had steroids injected into my spine twice",
            "minor-fall-fragile-bones",
        ),
        # the nerve's course, not a symptom
        (
            "it is a problem with the sciatic nerve which runs from the spine down both legs",
            "both-legs-symptoms",
        ),
        # an X-ray's all-clear
        (
            "the bar hit my upper back, the x-ray showed nothing serious, just swelling",
            "thoracic-back-pain",
        ),
        # what a pain can be in general
        (
            "apparently kidney stones can present as pain between the shoulder blades",
            "thoracic-back-pain",
        ),
        # a relative's thin bones, the writer's own strain
        (
            "My dad has osteoporosis and broke his hip, so now I'm worried: I strained my back "
            "lifting a box. I don't have osteoporosis myself",
            "minor-fall-fragile-bones",
        ),
        # a clot being treated, a break long mended, time off a sport, a small crash
        ("on apixaban for a DVT since june, my back is stiff from gardening", "hot-swollen-calf"),
        ("will my old pelvis fracture stop me doing squats?", "hip-injury-or-hot-hip"),
        (
            "I've given myself a rest from running for a week but it still aches",
            "night-pain-unrelenting",
        ),
        ("a small motorbike accident in 2019, all fine since, now a desk ache", "major-injury"),
        # a kick long ago, going out, a school, a sign taken back at once
        (
            "when I was about nine a pony kicked me on the hip. My back is stiff from work",
            "major-injury",
        ),
        (
            "I'm 58 and I went out last night to walk the dog, my hip aches a bit",
            "hip-locking-clicking",
        ),
        ("I teach at a secondary school and my back aches after marking", "cancer-history"),
        (
            "it wakes me every night - wait no, sorry, the baby wakes me, my back is fine",
            "night-pain-unrelenting",
        ),
        (
            "stiff every morning for an hour - ok not an hour, more like 5 minutes",
            "inflammatory-morning-stiffness",
        ),
        # the saddle and the legs told fine in few words
        ("i can feel everything when i wipe and my legs are strong", "saddle-numbness"),
        ("i can feel everything when i wipe and my legs are strong", "both-legs-symptoms"),
        # someone else's history asked about for them, the writer apart and well
        (
            "asking for my gran, not me: she has osteoporosis. can she do bird dogs?",
            "minor-fall-fragile-bones",
        ),
        # a pregnancy told as past
        (
            "I had a fever when I was pregnant last year, now my back aches from lifting the baby",
            "pregnancy-bleeding-or-labour",
        ),
        # night pain set off by rolling over, which settles
        (
            "it woke me once when I rolled over in bed but it eased straight away",
            "night-pain-unrelenting",
        ),
    ],
)
def test_questions_histories_fears_and_everyday_causes_are_no_report(
    detector: RedFlagDetector, text: str, slug: str
) -> None:
    assert not any(f.slug == slug and f.is_present for f in detector.detect(text))


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        # the legs tingling, told as a plural
        ("when the pain flares my legs start to tingle", "cauda-equina-signs"),
        # over fifty, the back gone on a sneeze
        ("I'm 66 and my back went yesterday, I think I sneezed", "minor-fall-fragile-bones"),
    ],
)
def test_a_sign_that_may_be_there_asks_its_check(
    detector: RedFlagDetector, text: str, slug: str
) -> None:
    assert any(f.slug == slug and f.is_unclear for f in detector.detect(text))


def test_a_spasm_that_takes_the_breath_asks_the_breathing_check(detector: RedFlagDetector) -> None:
    findings = detector.detect("my lower back spasmed and it was almost impossible to breathe")
    breath = [f for f in findings if f.slug == "chest-pain-breathlessness"]
    assert breath and all(f.is_unclear for f in breath)


def test_a_sneeze_that_sets_off_something_else_asks_no_check(detector: RedFlagDetector) -> None:
    findings = detector.detect(
        "I'm 58, my back aches after work. I leak a little when I sneeze or jump, as ever"
    )
    assert not any(f.slug == "minor-fall-fragile-bones" and f.is_unclear for f in findings)


@pytest.mark.parametrize(
    "text",
    [
        # worse as what the person wants to prevent, or asks about, not what the pain does
        "my back's been a bit sore for ten days, I just want to stop it from getting worse",
        "my scan says wear and tear, is it going to keep getting worse?",
        # a child's fever nursed by the writer, who has none
        "my little one has a temperature so I've been up with her all night. I'm fine myself, "
        "my back is just stiff",
        # another's emergency told as their past, the writer's own set apart
        "my brother had cauda equina two years ago, he couldn't feel anything when he wiped. "
        "mine is nothing like that, just a sore back",
        # a condition read about, then denied as a whole
        "I read about spinal cord compression online. I don't have any of that, my back is just "
        "stiff",
        # a fall that did not happen
        "I nearly came off the ladder at the weekend, grabbed the gutter and didn't fall, my back "
        "was already stiff",
        # a drop of about one metre is no fall from a height
        "we jumped down about a metre from the wall, landed fine, back a bit stiff",
        # someone else's condition and its operation, feared by the writer for themselves
        "my friend at work had cauda equina and operation, now I am scared. Is same for me? my "
        "back hurts since a week",
        # what someone else read, then denied
        "she read online that if you cant pee or go numb down below its an emergency. she hasnt "
        "got any of that, just a stiff back",
        # over, in second-language English
        "last winter he had the flu with high fever, but this is finish long time, now no fever. "
        "his back aches from shovelling",
        # someone met at the gym, not the writer
        "a man at my gym just found out he has cancer in his spine, my back is sore from squats, "
        "should i worry",
        # a slipped disc is no slip
        "my grandad had a slipped disc years ago so backs run in the family, mine aches after work",
        # the baby held, not carried inside
        "she has the baby on her so cant type, her lower back aches from lifting him",
        # a wet told as a laugh
        "pulled my back picking up the dog, nearly pissed myself laughing at how daft it was",
        # someone on the writer's site, already taken by ambulance
        "a guy on our site fell off the scaffolding this morning, the ambulance took him. I'm "
        "fine, just a sore back from carrying blocks",
        # back pain asked about in general
        "random question but can back pain be cancer? mine started after I moved house last week",
        # tiredness, not pain, all the time; hours of sleep, not of stiffness
        "lower back aches after long shifts, tired all the time, sleep is rubbish, neck is sore",
        "I'm up every night with the baby, 3 hours sleep, and my back is stiff for five minutes "
        "when I get up",
    ],
)
def test_nothing_to_alarm_or_ask(detector: RedFlagDetector, text: str) -> None:
    findings = detector.detect(text)
    assert most_urgent(findings) is None and check_to_ask(findings) is None, findings


@pytest.mark.parametrize(
    "text",
    [
        # the writer's own cancer, with someone else named after it
        "I had bowel cancer treated three years ago and now my back aches, my husband told me "
        "to ask",
        # a reason told as a fact ends the advice the sentence opened with
        "the nurse said to come back if my pain didn't settle because I had breast cancer "
        "before, it's been four weeks",
        # a fever told as now, after an infection dated last month
        "had a chest infection last month and now I've got a fever and my back is killing me",
        # thin bones and a seat taken too hard
        "I have osteoporosis and this morning I sat down too hard on the kitchen chair, now a "
        "sharp pain in my back",
    ],
)
def test_a_same_day_sign_told_beside_another_story_is_found(
    detector: RedFlagDetector, text: str
) -> None:
    top = most_urgent(detector.detect(text))
    assert top is not None and top.urgency == "urgent"


def test_standing_lost_asks_the_leg_weakness_check(detector: RedFlagDetector) -> None:
    check = check_to_ask(detector.detect("since this morning he has lost the ability to stand"))
    assert check is not None and check.slug == "worsening-leg-weakness"


def test_a_relatives_operated_break_is_no_emergency_of_the_writer(
    detector: RedFlagDetector,
) -> None:
    findings = detector.detect(
        "my dad broke his hip and he has had an operation, now my back hurts from helping him "
        "in and out of the car"
    )
    assert not any(f.is_present and f.urgency == "emergency" for f in findings)


def test_a_sign_asked_back_then_told_is_found(detector: RedFlagDetector) -> None:
    """The sign's name asked back is no denial of what follows: "numbness? yes..."."""
    top = most_urgent(detector.detect("numbness? yes around my bum since this morning"))
    assert top is not None and top.urgency == "emergency"


def test_a_condition_watched_about_is_no_report(detector: RedFlagDetector) -> None:
    findings = detector.detect(
        "watched a video about spinal cord compression, what is that exactly, my back is just stiff"
    )
    assert most_urgent(findings) is None


def test_a_history_told_with_the_i_left_out_is_the_writers(detector: RedFlagDetector) -> None:
    """ "had bowel cancer..." opens with the writer's own history, whoever is named after it."""
    findings = detector.detect(
        "had bowel cancer 4 yrs ago, my wife told me to ask, my lower back has ached for weeks"
    )
    cancer = [f for f in findings if f.slug == "cancer-history" and f.is_present]
    assert cancer and all(f.subject == "self" for f in cancer)


@pytest.mark.parametrize(
    "text",
    [
        # the sign's word asked back, then answered in the next sentence
        "pee? kinda.. since monday its been really hard to get it going",
        "bladder? honestly since the weekend i cant tell when im full",
        "wee? not sure.. i cant really tell when im full anymore",
    ],
)
def test_a_bladder_sign_answered_after_its_word_asked_back_is_an_emergency(
    detector: RedFlagDetector, text: str
) -> None:
    top = most_urgent(detector.detect(text))
    assert top is not None and top.slug == "bladder-problems" and top.urgency == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "numb? nah. pee? all normal. fever? nope, just tired from the gym",
        "bladder? normal. legs? fine, both strong",
        # "full" is food's, with no pee word: and "i do feel when im full" is no sign
        "i cant tell when im full at dinner, i eat way too fast",
        "yes i do feel when im full and need to pee, all normal there",
    ],
)
def test_signs_asked_back_and_denied_or_fullness_felt_are_no_alarm(
    detector: RedFlagDetector, text: str
) -> None:
    top = most_urgent(detector.detect(text))
    assert top is None or top.urgency not in ALARM_LEVELS, top


def test_nothing_new_keeps_a_sign_long_standing(detector: RedFlagDetector) -> None:
    """Weak, numb legs for years "with nothing new" are no emergency told now; "this is new"
    still makes them one."""
    old = "my husband has had numb and weak legs for years from his ms, nothing new with him."
    assert not any(f.slug == "both-legs-symptoms" and f.is_present for f in detector.detect(old))
    new = "my legs have been numb for years but this is new, both legs since this morning"
    top = most_urgent(detector.detect(new))
    assert top is not None and top.urgency == "emergency"


def test_a_leg_told_too_beside_the_back_asks_and_the_second_leg_alarms(
    detector: RedFlagDetector,
) -> None:
    """A leg told "too" after the back's pain ("pain down my left leg too") is one leg until
    asked; the other leg named beside it is both legs."""
    one = detector.detect(
        "lifted the sofa on friday and my back is wrecked, aching down my right leg too"
    )
    top = most_urgent(one)
    assert top is None or top.urgency not in ALARM_LEVELS, top
    check = check_to_ask(one)
    assert check is not None and check.urgency == "emergency"
    both = "sciatica down my left leg since may and now its going down my right leg as well"
    top = most_urgent(detector.detect(both))
    assert top is not None and top.slug == "both-legs-symptoms" and top.urgency == "emergency"


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        # the stairs named as their flight
        (
            "missed the top step and tumbled down the whole flight, landed on my back",
            "major-injury",
        ),
        # one side weak, the leg not named
        ("sciatica on the left and weakness on my left side when i walk", "worsening-leg-weakness"),
        # a knee that held, though only just: asked, not an alarm
        ("my knees nearly give way when i carry the shopping up", "worsening-leg-weakness"),
    ],
)
def test_a_fall_down_the_flight_one_weak_side_or_a_knee_that_nearly_went_asks_its_check(
    detector: RedFlagDetector, text: str, slug: str
) -> None:
    findings = detector.detect(text)
    top = most_urgent(findings)
    assert top is None or top.urgency not in ALARM_LEVELS, top
    check = check_to_ask(findings)
    assert check is not None and check.slug == slug


def test_a_flight_taken_or_chills_from_a_story_are_no_sign(detector: RedFlagDetector) -> None:
    for text in (
        "fell asleep on the flight home and my back is stiff",
        "that film gave me chills, my back is a bit sore from the seats though",
    ):
        findings = detector.detect(text)
        assert most_urgent(findings) is None and check_to_ask(findings) is None, text


def test_a_sign_ended_by_physio_or_an_operation_is_over(detector: RedFlagDetector) -> None:
    """Told with the treatment that ended it, a sign is the writer's past; told since, it is
    not."""
    for text in (
        "years ago i had numbness down both legs in pregnancy but physio sorted it, nothing since",
        "had pins and needles down both legs before my op, the surgery fixed it",
    ):
        findings = detector.detect(text)
        assert most_urgent(findings) is None and check_to_ask(findings) is None, text
    now = "numb down both legs since monday, physio sorted my neck last year"
    top = most_urgent(detector.detect(now))
    assert top is not None and top.urgency == "emergency"


def test_a_relatives_break_told_as_a_bone_in_her_back_is_the_writers_fear(
    detector: RedFlagDetector,
) -> None:
    """The bone broken in a relative's back is no pain of hers told now: with the writer's own
    fear beside it, it is family history."""
    feared = (
        "my gran has osteoporosis and cracked a bone in her back falling on the ice two winters "
        "ago, so now im worried about mine. im 34 and my back is stiff after the gym"
    )
    findings = detector.detect(feared)
    top = most_urgent(findings)
    assert top is None or top.urgency not in ALARM_LEVELS, top
    today = "my gran has osteoporosis and fell on the ice this morning, her back hurts a lot"
    top = most_urgent(detector.detect(today))
    assert top is not None and top.urgency == "urgent"


def test_a_distance_in_kms_or_a_weight_off_the_shoulders_is_no_sign(
    detector: RedFlagDetector,
) -> None:
    for text in (
        "ran 12 kms this morning n my bk is sore after",
        "the scan was fine, suddenly lost the weight of the world off my shoulders",
    ):
        top = most_urgent(detector.detect(text))
        assert top is None or top.urgency not in ALARM_LEVELS, (text, top)


def test_down_the_stairs_on_the_back_asks_the_fall_check(detector: RedFlagDetector) -> None:
    check = check_to_ask(detector.detect("went all the way down the stairs on my bum last night"))
    assert check is not None and check.slug == "major-injury"


@pytest.mark.parametrize(
    "text",
    [
        # the person a carer writes about, set apart from their relative's history
        "asking for my wife, her mum had breast cancer, but she's never had cancer herself. "
        "she hurt her back digging the garden",
        # the one who has it set against the writer
        "its my brother with the cancer, not me. my back is sore from the gym",
        # the lower back called the waist, as some people translating from their own language do
        "my waist is hurting a lot since i moved house. my father he had the cancer before, "
        "i am afraid for me",
    ],
)
def test_a_relatives_cancer_told_by_a_carer_or_in_translated_words_is_family_history(
    detector: RedFlagDetector, text: str
) -> None:
    statuses = {f.status for f in detector.detect(text) if f.slug == "cancer-history"}
    assert statuses == {"family"}


def test_what_someone_says_a_sign_would_mean_is_no_report(detector: RedFlagDetector) -> None:
    said = "my cousin said if the wee gets difficult it is the nerves from the back, true?"
    assert "bladder-problems" not in present_slugs(detector, said)
    # the writer's own, told after it, still counts
    own = f"{said} because my wee is difficult since yesterday"
    assert "bladder-problems" in present_slugs(detector, own)


def test_weight_lost_with_no_diet_in_other_words_counts(detector: RedFlagDetector) -> None:
    text = "i lost 6 kilo since the summer and i am not doing any diet, back aches at night"
    assert "unexplained-weight-loss" in present_slugs(detector, text)


def test_children_as_the_company_of_the_writers_day_are_no_child_in_pain(
    detector: RedFlagDetector,
) -> None:
    text = (
        "six weeks after my hip operation, I played with the kids in the park today, "
        "still on one crutch for longer walks"
    )
    assert "child-limp-hip-pain" not in present_slugs(detector, text)
    child = "my son is 9, he played with the kids at school and now limps and says his hip hurts"
    assert "child-limp-hip-pain" in present_slugs(detector, child)


def test_new_pain_at_nineteen_after_carrying_boxes_is_a_strain(detector: RedFlagDetector) -> None:
    carried = "my son is 18, he carried a sofa up to his flat on friday and now his back is sore"
    assert "new-pain-under-20-or-over-50" not in present_slugs(detector, carried)
    no_reason = "my son is 18 and his back started hurting this week for no reason"
    assert "new-pain-under-20-or-over-50" in present_slugs(detector, no_reason)


@pytest.mark.parametrize(
    ("text", "crisis"),
    [
        # tablets counted against not waking up
        (
            "some evenings i look at my co-codamol and wonder how many it would take "
            "to not wake up",
            True,
        ),
        ("how many ibuprofen can i take in a day for my back", False),
        # a crash thought of on purpose
        ("driving home i keep thinking about swerving into a tree so it all ends", True),
        ("thinking about driving into town for physio tomorrow, is that ok with my back", False),
    ],
)
def test_a_way_to_die_thought_of_is_a_crisis(
    detector: RedFlagDetector, text: str, crisis: bool
) -> None:
    assert ("suicide-self-harm" in present_slugs(detector, text)) is crisis


def test_breathlessness_told_as_unlike_the_person_is_an_emergency(
    detector: RedFlagDetector,
) -> None:
    text = "my mid back aches and i get out of breath walking to the shop, which is not like me"
    assert "chest-pain-breathlessness" in present_slugs(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        # the treatment a relative is on, the writer sore from caring for them
        "my wife is on chemo so i do all the lifting at home and my lower back aches every night",
        # where the relative's cancer spread, and the writer's fear for their own back
        "my dad had cancer that spread to his spine, now my back hurts and im scared its the same",
    ],
)
def test_a_relatives_illness_beside_the_writers_own_pain_is_theirs(
    detector: RedFlagDetector, text: str
) -> None:
    assert not {"cancer-history", "fever-infection-signs"} & present_slugs(detector, text)
    assert not [f for f in detector.detect(text) if f.is_unclear]


def test_a_babys_age_and_a_baby_that_wakes_the_parent_are_not_the_pain(
    detector: RedFlagDetector,
) -> None:
    age = "my 3 month old wont settle and my back aches from rocking her"
    assert "pain-beyond-six-weeks" not in present_slugs(detector, age)
    woken = "its not my back that wakes me up, its the baby, my back aches in the day"
    assert not [f for f in detector.detect(woken) if f.slug == "night-pain-unrelenting"]


@pytest.mark.parametrize(
    "text",
    [
        "my baby is 4 months and my back aches from lifting her",
        "shes 5 months now, my back aches",
        # the time since the birth in its chat spelling
        "4 months pp, my lower back hurts constantly from carrying him",
        "6 wks pp, lower back pain came on about a week ago",
    ],
)
def test_a_childs_age_told_without_old_is_not_how_long_it_hurts(
    detector: RedFlagDetector, text: str
) -> None:
    assert not [f for f in detector.detect(text) if f.slug == "pain-beyond-six-weeks"]
    assert "pain-beyond-six-weeks" in present_slugs(detector, "my back has ached for 5 months")


@pytest.mark.parametrize(
    "text", ["my left foot is a little numb", "my right foot has gone kinda numb"]
)
def test_a_degree_word_does_not_hide_a_sign(detector: RedFlagDetector, text: str) -> None:
    degree_dropped = [w for w in text.split() if w not in {"a", "little", "kinda"}]
    plain = [(f.slug, f.status) for f in detector.detect(" ".join(degree_dropped))]
    assert plain
    assert [(f.slug, f.status) for f in detector.detect(text)] == plain


def test_back_then_dates_a_sign_but_an_upper_back_does_not(detector: RedFlagDetector) -> None:
    then = "the op was for sciatica down both legs back then, fine for years since"
    assert "both-legs-symptoms" not in present_slugs(detector, then)
    body = "pain in his upper back then his chest went tight and he cant breathe"
    assert "chest-pain-breathlessness" in present_slugs(detector, body)


def test_wetting_from_a_laugh_is_no_bladder_sign_whoever_laughed(
    detector: RedFlagDetector,
) -> None:
    assert "bladder-problems" not in present_slugs(
        detector, "hurt my back lifting the dog and my wife wet herself laughing"
    )
    assert "bladder-problems" in present_slugs(
        detector, "i wet myself and i am laughing about it but my back is killing me"
    )


@pytest.mark.parametrize(
    "text",
    [
        "my older brother was diagnosed with ankylosing spondylitis at 26",
        "my little sister has had a fever and back pain for two days",
    ],
)
def test_a_relative_named_with_which_one_is_someone_else(
    detector: RedFlagDetector, text: str
) -> None:
    found = [f for f in detector.detect(text) if f.is_present]
    assert found and all(f.subject == "other" for f in found)


def test_a_relatives_recovered_emergency_is_not_asked_about_for_the_writers_new_ache(
    detector: RedFlagDetector,
) -> None:
    relative = (
        "my dad had cauda equina in 2019, he is mostly fine now. "
        "two weeks ago i hurt my back building wardrobes, its 3/10 now and better than last week"
    )
    assert check_to_ask(detector.detect(relative)) is None
    own = "i had cauda equina in 2019, recovered well. this week my back's been achy"
    assert check_to_ask(detector.detect(own)) is not None


def _present(detector: RedFlagDetector, text: str) -> set[str]:
    return {f.slug for f in detector.detect(text) if f.is_present}


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        # second-language English leaves the article out
        (
            "chest is pressing, heavy, and i cannot take full breath since 1 hour",
            "chest-pain-breathlessness",
        ),
        ("my back hurts and i cant take deep breath", "chest-pain-breathlessness"),
        # a fever in whole degrees Celsius, with what measures it
        ("temp is 40 degrees and my back aches", "fever-infection-signs"),
        ("my temperature is nearly 40 ºC and the base of my spine aches", "fever-infection-signs"),
        # one leg that will not leave the ground
        ("tried running but could not lift my left leg off the road", "one-leg-numbness-weakness"),
        # how long, past six months
        ("my waist is hurt since 8 month, every day", "pain-beyond-six-weeks"),
    ],
)
def test_signs_told_in_plainer_or_second_language_words(
    detector: RedFlagDetector, text: str, slug: str
) -> None:
    assert slug in _present(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        # the weather, not the body
        "it was 40°c in spain and my back hurt",
        # a joint put back by a chiropractor, not a bone cracked
        "chiro said my si joint is out and needs cracking back in every week, low back ache",
        # a month of pregnancy or a toddler's age is not how long it has hurt
        "in my 8 month of pregnancy sciatica makes it hard to walk",
        "my 18 month old wants picking up all day and my back is killing me",
    ],
)
def test_look_alikes_of_those_signs_are_not_them(detector: RedFlagDetector, text: str) -> None:
    found = detector.detect(text)
    assert not any(f.is_present and f.urgency != "see_clinician" for f in found)
    assert "pain-beyond-six-weeks" not in _present(detector, text)
    assert check_to_ask(found) is None or check_to_ask(found).slug != "minor-fall-fragile-bones"


def test_an_old_pain_said_to_have_fully_gone_is_over(detector: RedFlagDetector) -> None:
    text = (
        "had leg pain back then but it fully went after about 3 months of physio and ive been "
        "lifting pain free since"
    )
    assert check_to_ask(detector.detect(text)) is None


def test_legs_told_as_working_deny_the_leg_weakness_a_word_suggested(
    detector: RedFlagDetector,
) -> None:
    text = "paralyzed is only my word, sorry. I can move legs normal, I walk. just stiff in morning"
    found = detector.detect(text)
    assert not any(f.is_present or f.is_unclear for f in found)
    assert any(f.slug == "worsening-leg-weakness" and f.status == "negated" for f in found)


def test_everything_told_normal_down_there_asks_no_saddle_check(detector: RedFlagDetector) -> None:
    text = (
        "is it true back pain can stop you feeling your bum? mine is just sore, "
        "all normal down there"
    )
    found = detector.detect(text)
    assert check_to_ask(found) is None
    assert any(f.slug == "saddle-numbness" and f.status == "negated" for f in found)


@pytest.mark.parametrize(
    "text",
    [
        # the one named as the writer's worry
        "my back is killing me from the move. whats worrying me is she had cancer in her spine "
        "years ago. im 34 and never had cancer myself",
        # the one it was like for, set before the writer's own
        "for him it was like 2 hours of stiffness every morning. me, i get 5 min and its gone",
    ],
)
def test_another_persons_history_told_by_a_pronoun_is_not_the_writers(
    detector: RedFlagDetector, text: str
) -> None:
    found = detector.detect(text)
    assert not any(f.is_present and f.subject == "self" for f in found)


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("i cant really tell when my bladda is full since yesterday", "bladder-problems"),
        ("my left leg has gone num since i woke up, the whole leg", "one-leg-numbness-weakness"),
        ("numness in my foot since monday and my back hurts", "one-leg-numbness-weakness"),
    ],
)
def test_signs_spelt_as_voice_to_text_spells_them(
    detector: RedFlagDetector, text: str, slug: str
) -> None:
    assert slug in _present(detector, text)


def test_a_recovery_told_as_going_well_asks_nothing_of_how_long(detector: RedFlagDetector) -> None:
    text = "had a lumbar fusion 10 months ago and recovery has been good, pain is way less now"
    assert check_to_ask(detector.detect(text)) is None
    assert (
        check_to_ask(detector.detect("had a lumbar fusion 10 months ago, back aches")) is not None
    )


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("i cant walk normally since this morning, my back is agony", "worsening-leg-weakness"),
        ("im not peeing normally since yesterday and my back hurts", "bladder-problems"),
    ],
)
def test_an_all_clear_said_not_to_hold_asks_its_check(
    detector: RedFlagDetector, text: str, slug: str
) -> None:
    found = detector.detect(text)
    assert not any(f.status == "negated" for f in found)
    check = check_to_ask(found)
    assert check is not None and check.slug == slug


def test_a_list_of_signs_denied_keeps_its_all_clears(detector: RedFlagDetector) -> None:
    found = detector.detect("im 30, no numbness no pee problems legs fine")
    assert check_to_ask(found) is None
    assert any(f.slug == "worsening-leg-weakness" and f.status == "negated" for f in found)


def test_a_faint_told_as_nearly_hitting_the_deck_is_the_faint(detector: RedFlagDetector) -> None:
    nearly = (
        "my back and belly ripped an hour ago, proper tearing feeling, clammy and nearly hit "
        "the deck"
    )
    assert "sudden-severe-pain-fainting" in present_slugs(detector, nearly)
    # a fall that happened is the everyday cause of what followed
    tackled = "got tackled and hit the deck, felt a ripping pain in my back and went clammy"
    assert "sudden-severe-pain-fainting" not in present_slugs(detector, tackled)


@pytest.mark.parametrize(
    ("text", "told"),
    [
        ("the only exercise im interested in is the one where i dont wake up lol", True),
        ("i just want to not wake up", True),
        ("last night was the first night where i dont wake up with pain", False),
    ],
)
def test_not_waking_told_as_the_one_thing_wanted(
    detector: RedFlagDetector, text: str, told: bool
) -> None:
    assert ("suicide-self-harm" in present_slugs(detector, text)) is told


def test_a_fall_told_as_a_joke_is_a_fall(detector: RedFlagDetector) -> None:
    text = "did a swan dive in the bathroom yesterday, im 78 with osteoporosis, back agony since"
    assert "minor-fall-fragile-bones" in present_slugs(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        # no temperature is no fever, for a cue of infection risk
        "im on tacrolimus after a transplant, my back aches. no temperature, feel fine",
        # the pee told clear, for a stone years ago
        "had a kidney stone years ago so i panic. this is after moving a wardrobe. pee is normal "
        "colour no blood",
    ],
)
def test_a_risk_told_with_its_signs_denied_asks_nothing(
    detector: RedFlagDetector, text: str
) -> None:
    asked = check_to_ask(detector.detect(text))
    assert asked is None or asked.slug not in {"fever-infection-signs", "kidney-stone"}


@pytest.mark.parametrize(
    ("text", "told"),
    [
        ("i get really out of breath going up the stairs which i never did before", True),
        ("since my op im out of breath on the stairs", True),
        ("i get out of breath on the stairs, always have, im unfit", False),
    ],
)
def test_breathlessness_told_as_new_is_the_chest_emergency(
    detector: RedFlagDetector, text: str, told: bool
) -> None:
    assert ("chest-pain-breathlessness" in present_slugs(detector, text)) is told


def test_an_injury_healed_long_ago_is_not_asked_about_again(detector: RedFlagDetector) -> None:
    healed = (
        "i broke my back falling off a horse when i was 16 (41 now, fully healed). "
        "today my lower back is sore after gardening"
    )
    assert check_to_ask(detector.detect(healed)) is None
    # a condition recovered from, with new back pain told after it, is asked about
    recovered = "cauda equina in 2019, recovered well. this week my back has been achy"
    assert check_to_ask(detector.detect(recovered)) is not None


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        # the search engine names the condition: a fear, not a history
        ("dr google says spinal tumour, my back hurts when i sit", "cancer-history"),
        # a cancer feared for the hip, not had
        (
            "pain in my right hip and googled it, now im scared its bone cancer",
            "hip-night-pain-systemic",
        ),
        # a heart attack believed, then told to be a panic attack
        (
            "i was sure it was a heart attack but it was just one of my usual panic attacks",
            "chest-pain-breathlessness",
        ),
    ],
)
def test_a_condition_feared_after_a_search_is_no_report(
    detector: RedFlagDetector, text: str, slug: str
) -> None:
    assert slug not in present_slugs(detector, text)


def test_a_cancer_had_beside_the_fear_still_counts(detector: RedFlagDetector) -> None:
    text = "my hip hurts at night and im scared its cancer, i had lymphoma before"
    assert {"hip-night-pain-systemic", "cancer-history"} <= present_slugs(detector, text)


@pytest.mark.parametrize(
    ("text", "told"),
    [
        # someone's rule for anyone, with the writer's own told fine
        ("my mate said if you go numb down there you need to go to a&e. mines fine btw", False),
        # the advice, then the sign told as the writer's own now
        ("the nurse said go to a&e if you get numb down there, and now i am numb down there", True),
    ],
)
def test_advice_put_as_a_rule_is_no_report_until_the_sign_is_told_as_ones_own(
    detector: RedFlagDetector, text: str, told: bool
) -> None:
    assert ("saddle-numbness" in present_slugs(detector, text)) is told


@pytest.mark.parametrize(
    ("text", "told"),
    [
        # worse with what is done is no course
        ("lower back pain that gets worse when i sit at my desk, 3 weeks now", False),
        # worse over the weeks is
        ("back pain for weeks now and its getting worse", True),
    ],
)
def test_worse_with_an_activity_is_no_pain_getting_worse(
    detector: RedFlagDetector, text: str, told: bool
) -> None:
    assert ("pain-beyond-six-weeks" in present_slugs(detector, text)) is told


@pytest.mark.parametrize(
    ("text", "slug", "told"),
    [
        # a load dropped from above
        (
            "monday a bundle of tiles came off the hoist and landed on my back, knocked me flat",
            "major-injury",
            True,
        ),
        (
            "we were laying tiles all day and i landed on my back on the sofa after",
            "major-injury",
            False,
        ),
        # a foot that has started to catch
        (
            "over the last three days i have started catching my left toes on the kerb",
            "worsening-leg-weakness",
            True,
        ),
        # a time past six weeks told a sentence after the pain, with no progress
        (
            "its the pain down my left leg. been 9 weeks now and its not getting any better",
            "pain-beyond-six-weeks",
            True,
        ),
        # hours of work are no long morning stiffness
        (
            "delivery driver, did an 11 hr shift yesterday, back is stiff this morning",
            "inflammatory-morning-stiffness",
            False,
        ),
        ("stiff for 2 hours every morning", "inflammatory-morning-stiffness", True),
    ],
)
def test_signs_told_at_work_and_in_clinical_words(
    detector: RedFlagDetector, text: str, slug: str, told: bool
) -> None:
    assert (slug in present_slugs(detector, text)) is told


def test_a_patient_seen_at_work_is_not_the_writers_sign(detector: RedFlagDetector) -> None:
    seen = (
        "last shift i attended a 45-year-old man with urinary retention and saddle anaesthesia, "
        "he went to theatre. i have a sore back myself. for clarity, i have none of his symptoms"
    )
    assert not present_slugs(detector, seen) & {"bladder-problems", "saddle-numbness"}
    # ...until the writer tells the sign as their own
    own = "last shift i attended a man with urinary retention. now i cant pee either"
    assert "bladder-problems" in present_slugs(detector, own)


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        # the back's own sound is no break
        ("my back cracks SO loud when i twist in my chair, does it mean my spine is damaged", None),
        # ...a crack felt once, with pain, is still asked about
        (
            "in a partner stretch i felt my spine crack in places and it hurt",
            "minor-fall-fragile-bones",
        ),
        # a pain that wakes, eased by turning over, is no unrelenting night pain
        (
            "my lower back aches when i lie on my front and wakes me but if i roll onto my side "
            "its gone in like a minute",
            None,
        ),
        ("it twinges and wakes me, then i turn over and im back asleep", None),
        ("my back pain wakes me up", "night-pain-unrelenting"),
        # someone's rule for anyone, that signs mean a condition, is no history
        ("my sister said weight loss and back pain = cancer and now im paranoid", None),
        ("my gp said the scan means cancer", "cancer-history"),
        # a hip that popped as the person went down: can it take weight?
        ("took a proper wipeout skiing, my left hip popped when i went down", "major-injury"),
        ("my hip pops when i do hip circles", None),
        # tablets put by, and a flight of stairs on the back
        ("ive been stockpiling my tablets in a drawer. just in case", "suicide-self-harm"),
        (
            "went down the marble stairs in the hotel, full flight of them, 10 steps on my back",
            "major-injury",
        ),
        ("went down the stairs to make a cup of tea and my back twinged", None),
        ("first marathon sunday, now i cant walk down stairs, going down backwards lol", None),
    ],
)
def test_what_the_checks_ask_about_and_what_they_leave(
    detector: RedFlagDetector, text: str, asked: str | None
) -> None:
    check = check_to_ask(detector.detect(text))
    assert (check.slug if check else None) == asked


CHECKLIST = (
    "Filled in the checklist before asking:\n\nRED FLAGS: none\n"
    "- numbness between legs / saddle: no\n- trouble peeing or leaking: no\n"
    "- bowel control: no change\n- pain down both legs: no\n- fever / chills: no\n"
    "- steroids / osteoporosis: n/a\n\nWhat I DO have: stiff back after decorating, worse bending"
)
TICKED = (
    "my physio gave me a checklist:\n[ ] numbness in the saddle area\n"
    "[ ] new bladder or bowel problems\n[ ] pain or numbness in both legs\n"
    "[x] back sore after gardening (5 days)"
)
ASKED_AND_ANSWERED = (
    "Q: where? A: low back\nQ: numbness? A: no\nQ: bladder/bowel? A: no issues\n"
    "Q: fever? A: no\nQ: cancer? A: no"
)


@pytest.mark.parametrize(
    "text",
    [
        CHECKLIST,
        TICKED,
        ASKED_AND_ANSWERED,
        "Pain? yes, low back\nNumbness? no\nBladder? fine\nBowel? fine\nFever? no",
    ],
)
def test_a_checklist_answered_no_tells_no_sign(detector: RedFlagDetector, text: str) -> None:
    findings = detector.detect(text)
    assert not present_slugs(detector, text)
    assert check_to_ask(findings) is None


def test_a_checklists_yes_still_tells_the_sign(detector: RedFlagDetector) -> None:
    assert "bladder-problems" in present_slugs(
        detector, "Bladder: leaking since Thursday\nFever: no"
    )
    assert "both-legs-symptoms" in present_slugs(detector, "[x] numbness in both legs\n[ ] fever")


# Signs and look-alikes found by the blind rounds of stop 70 (children and sleep, sport, lists
# and despair, carers and people touched by cancer).
@pytest.mark.parametrize(
    ("text", "slug", "told"),
    [
        # a first wet bed, told as never before, with when it happened
        (
            "no its definitely wee, smells like it. im 44 and ive never wet the bed in my life. "
            "i didnt even feel it happen",
            "bladder-problems",
            True,
        ),
        ("no i have never wet the bed in my life lol", "bladder-problems", False),
        # strangers' stories read at night are no report
        (
            "been on back pain forums for hours. people saying they woke up and couldnt feel "
            "their legs or wet the bed. what if that happens to me??",
            "bladder-problems",
            False,
        ),
        # "both" standing for the legs named a sentence before
        (
            "sorry i meant both legs not just the left. both are tingly and kind of numb from "
            "the knees down",
            "both-legs-symptoms",
            True,
        ),
        ("my arms, both are tingly", "both-legs-symptoms", False),
        # weight lost without trying, told across two sentences
        (
            "my daughter says ive lost weight. about a stone since christmas and i havent been "
            "trying",
            "unexplained-weight-loss",
            True,
        ),
        # a night's drink sweated out is no fever
        (
            "absolutely hanging, crashed on my mates sofa after a wedding, woke up drenched in "
            "sweat and my back is stiff",
            "fever-infection-signs",
            False,
        ),
        ("woke up drenched in sweat again and my back is stiff", "fever-infection-signs", True),
        # a baby's stage named by its age is not how long the pain has lasted
        (
            "been like this about 3 weeks since the 4 month sleep regression lol",
            "pain-beyond-six-weeks",
            False,
        ),
        # a "no" that answers denies nothing after it
        ("no i literally cant put any weight on it", "hip-injury-or-hot-hip", True),
        ("no i dont have any numbness down there", "saddle-numbness", False),
        # a rider's "what if", told sentences after the riding
        (
            "I ride 4x a week. lower back gets achey after rising trot. what if i come off one "
            "day, how would i know?",
            "major-injury",
            False,
        ),
        ("i ride most days. i came off yesterday and landed on my back", "major-injury", True),
        # thrown at speed, or over the horse's head
        (
            "went over the bars on a rock garden sunday, landed on my back against a tree",
            "major-injury",
            True,
        ),
        (
            "my horse stopped dead at a fence and i went straight over his head and landed flat "
            "on my back",
            "major-injury",
            True,
        ),
        # an ache after each ride, gone by the next day, is no pain that lasts
        (
            "on and off for about a year, always after long rides, gone by next day",
            "pain-beyond-six-weeks",
            False,
        ),
        ("pain for 3 months, never gone", "pain-beyond-six-weeks", True),
        # a plan thought through is the crisis itself
        (
            "ive been thinking about how to end it. like properly, looking things up",
            "suicide-self-harm",
            True,
        ),
        (
            "just in case it all gets too much. ive thought about taking them all at once",
            "suicide-self-harm",
            True,
        ),
        ("ive been saving up my tramadol and ive got enough now", "suicide-self-harm", True),
        # a diary's week past six, now worse
        (
            "Week 1: ache after spin\nWeek 9 (now): worse than at the start",
            "pain-beyond-six-weeks",
            True,
        ),
        # a height dropped, not a foot that drops
        (
            "i literally dropped about a foot onto a cushion, legs fine",
            "worsening-leg-weakness",
            False,
        ),
        # a relative named as a list's label
        (
            "- Dad: prostate cancer 2019, spread to his spine\n- Me: no health problems",
            "cancer-history",
            False,
        ),
        # a carer's back, the cared-for person's cancer
        (
            "my wife's on chemo for ovarian cancer and im her carer now, and helping her in and "
            "out of the bath has done my lower back in",
            "cancer-history",
            False,
        ),
        (
            "my dad has pancreatic cancer and im his main carer. my back's sore from helping him "
            "up off the sofa",
            "cancer-history",
            False,
        ),
        ("my dad has cancer and his back is agony", "cancer-history", True),
        # the writer's own cancer care named by its nurse
        ("ok ill ring my oncology nurse today", "cancer-history", True),
        # the writer's work, not their illness
        (
            "im a chemo nurse on an oncology ward and my lower back aches by the end of a shift",
            "cancer-history",
            False,
        ),
        # a cancer the writer convinced themselves of
        (
            "so i convinced myself i had ovarian cancer bc of google. gp did bloods, all normal",
            "cancer-history",
            False,
        ),
        ("i had ovarian cancer in 2019 and now my back aches", "cancer-history", True),
        # a foot that would not lift, told in the past
        (
            "tripped on the stairs cos my left foot wouldnt lift properly",
            "worsening-leg-weakness",
            True,
        ),
        # breathlessness told as unlike the writer
        (
            "its worse when i breathe in, and im out of breath on the stairs which i never do",
            "chest-pain-breathlessness",
            True,
        ),
        # a "no" said to someone, then the sign
        ("no mate i cant put any weight on it at all", "hip-injury-or-hot-hip", True),
        # a growing hip's trouble felt in the knee
        (
            "my son is 13 and hes been limping on and off for about 3 weeks and keeps saying his "
            "knee hurts",
            "child-limp-hip-pain",
            True,
        ),
    ],
)
def test_signs_found_by_the_blind_rounds_of_stop_70(
    detector: RedFlagDetector, text: str, slug: str, told: bool
) -> None:
    assert (slug in present_slugs(detector, text)) is told
