"""The red-flag detector as a Rasa NLU component; its findings override the intent classifier.

Place it after the intent classifier and before the FallbackClassifier. For every message it
adds `red_flag` entities (one per present flag); `triage_level`, `referral` and
`red_flag_subject` entities for the most urgent one; and the full audit trail under
`red_flag_findings`.

When a sign more urgent than any present one may be happening now (told as long-ago history,
named only as a condition, or read by the intent classifier as a red flag the rules cannot
place), it asks: a `check_<level>` entity names the flag, `check_question` carries the
question's words and `check_answer` clears the previous answer, and CheckQuestionPolicy starts
the check form of that level. The question is a domain response filled from these slots, so
it is asked even when the action server is down.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot_extensions import cleared_checks, earlier_messages, waiting_check
from bot_extensions.intent_readings import drop_readings
from bot_extensions.red_flags import language
from bot_extensions.red_flags.detector import (
    ACROSS_MESSAGES_LAYER,
    ALL_CLEAR_LAYER,
    DENIAL_LAYER,
    SUSPECT_LAYER,
    Finding,
    RedFlagDetector,
    UnplacedCheck,
    check_to_ask,
    load_knowledge,
    most_urgent,
)
from bot_extensions.slots import CheckAnswerSlot
from bot_extensions.triage import (
    ALARM_LEVELS,
    MOST_URGENT,
    SEE_FIRST_GROUPS,
    URGENCY_ORDER,
    alarm_kind,
    kinds_told,
    urgency_rank,
)

logger = logging.getLogger(__name__)

RED_FLAG_INTENT = "report_red_flag"
CLINICIAN_CHECKED_INTENT = "inform_clinician_checked"
NOT_CHECKED_ENTITY = "not_checked"
CHECK_TOLD_ENTITY = "check_told"
CHECK_REPLY_ENTITY = "check_reply"
CHECKED_REPLY_ENTITY = "checked_reply"
PASSED_REPLY_ENTITY = "passed_reply"
SIGNS_DENIED_ENTITY = "signs_denied"
LASTING_REPLY_ENTITY = "lasting_reply"
HELP_COMING_ENTITY = "help_coming"
ALARM_KIND_ENTITY = "alarm_kind"
SEE_FIRST_ENTITY = "see_first"
DENY_INTENT = "deny"
# The intents that ask for something ("ask_exercise", "ask_pain_cause", ...).
QUESTION_INTENT_PREFIX = "ask_"
# Below this confidence a question read beside a check told is not answered as that question
# (the FallbackClassifier would turn it into "I'm not sure I understood").
QUESTION_CONFIDENCE = 0.3
# Up to this many words a check told is the message's news; a longer story that tells a check
# among other things ("the doctor cleared me... x-rays yesterday were fine... I'm on steroids")
# keeps the classifier's reading.
CHECK_TOLD_MOST_WORDS = 60
ANSWER_INTENTS = frozenset({"affirm", DENY_INTENT})
# From this many words, a message that opens with something other than a no tells a story.
STORY_WORDS = 12
# This many of the waiting check's signs denied in a reply make it a no, whatever it opens with.
SIGNS_DENIED_ONE_BY_ONE = 2
# From this many words, what follows a question asked back can answer the check ("does it
# matter? i slipped on the ice"); fewer ("why? just wondering") is part of the question.
TOLD_AFTER_ASKING_WORDS = 4
# The levels a check question can be asked at (every level above none; one check form each).
CHECK_LEVELS = URGENCY_ORDER[1:]
# The checks pain told as lasting can answer (an emergency check is not answered by it).
CHECK_LEVELS_BELOW_EMERGENCY = [level for level in CHECK_LEVELS if level != MOST_URGENT]
# The lowest of them: a clinician's check, not an alarm.
CLINICIAN_CHECK_LEVEL = CHECK_LEVELS[0]
# The classifier's confidence in a red flag above which one that no rule can place gets a check
# question; below it, the message is answered as the classifier's next-best reading. Chosen on
# the real development set (docs/nlu-pipeline.md): lower, and ordinary stories get questioned.
# (At 0.5 a short "and?" or "hips" drew the general question, and the next short word read as
# its yes: see docs/nlu-pipeline.md, stop 36.)
UNPLACED_CONFIDENCE = 0.6
# Each turn reads the person's earlier short messages again, alone and with the new one, and
# the next turn reads the same ones again: the detector is deterministic, so the texts read
# lately are remembered (per server process; a few hundred short texts).
RECENT_READINGS = 512
# Written into `check_answer` when a check starts; the slot type reads it as "not answered yet".
CHECK_PENDING = CheckAnswerSlot.PENDING
# Earlier messages are read as sentences of one story, in the order they were sent (see
# `told_apart`).
TOLD_APART = ". "
# ...and, for a sign only suspected, as one sentence.
ONE_SENTENCE = " "


@DefaultV1Recipe.register(
    [
        DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR,
        DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER,
    ],
    is_trainable=False,
)
class RedFlagDetectorComponent(GraphComponent, EntityExtractorMixin):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            "knowledge_file": "data/knowledge/red_flags.yml",
            "checks_file": "data/knowledge/sign_checks.yml",
        }

    def __init__(self, config: dict[str, Any]) -> None:
        path = Path(config["knowledge_file"])
        checks_path = Path(config["checks_file"])
        self.rules_version = hashlib.sha256(
            path.read_bytes() + checks_path.read_bytes()
        ).hexdigest()[:12]
        knowledge = load_knowledge(path, checks_path)
        self.detector = RedFlagDetector.from_knowledge(knowledge)
        self._read = functools.lru_cache(maxsize=RECENT_READINGS)(self._read_uncached)
        self.unplaced_check = knowledge.unplaced
        self.answer_signs = knowledge.answer_signs
        self.answered_by_a_finding = knowledge.answered_by_a_finding
        self.answered_no_by_a_short_time = knowledge.answered_no_by_a_short_time
        self.answered_no_by_short_stiffness = knowledge.answered_no_by_short_stiffness
        logger.info("Red-flag rules %s loaded from %s", self.rules_version, path)

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> RedFlagDetectorComponent:
        return cls(config)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            self._process_message(message)
        return messages

    def _process_message(self, message: Message) -> None:
        text = message.get("text") or ""
        # normalised once for the cue words read below (the detector normalises on its own)
        normalised = language.normalise(text)
        not_checked = language.NOT_CHECKED.search(normalised)
        clinician_named = language.CLINICIAN_NAMED.search(normalised)
        check_told = bool(
            not not_checked
            and clinician_named
            and language.CHECK_TOLD.search(normalised)
            and language.CHECKED_LATELY.search(normalised)
        )
        findings = list(self._read(text))
        if check_told:
            # "saw my oncologist today, she examined me": the clinician's name told with the
            # check is the history already answered, not a new sign
            findings = [f for f in findings if not _names_only_a_clinician(f)]
        told_across, burst_tells_a_flag = self._told_across_messages(
            earlier_messages.from_metadata(message.get("metadata")), text, findings
        )
        findings += told_across
        findings += self._emergency_of_the_storys_hip(
            earlier_messages.story_hip_from_metadata(message.get("metadata")), text, findings
        )
        present = [f for f in findings if f.is_present]
        entities = list(message.get("entities", []))
        for finding in present:
            entities.append(self._entity("red_flag", finding.slug, finding.start, finding.end))
            if finding.slug in SEE_FIRST_GROUPS:
                # who checks before any exercise: the screening's first words say so
                group = SEE_FIRST_GROUPS[finding.slug]
                entities.append(self._entity(SEE_FIRST_ENTITY, group, finding.start, finding.end))
        top = most_urgent(present)
        # a check answered with a clear no in this session is not asked again
        cleared = cleared_checks.from_metadata(message.get("metadata"))
        check = check_to_ask(
            f for f in findings if not (f.is_unclear and f.check_question in cleared)
        )
        if (
            check
            and check.check_question in self.answered_no_by_a_short_time
            and _tells_only_a_short_time(normalised, language.STARTED_DAYS_AGO)
        ):
            # "did a long hike last saturday and since then it aches": the time told already
            # answers whether the pain has lasted
            check = None
        waiting = waiting_check.from_metadata(message.get("metadata"))
        waiting_question = waiting_check.question_from_metadata(message.get("metadata"))
        if check and waiting and urgency_rank(check.urgency) <= urgency_rank(waiting):
            # the reply answers the check that waits; one no more urgent is not opened beside it
            check = None
        # The classifier's unplaced red flag is asked about only when the rules found nothing
        # at all (so there is no other check): a sign they found and judged (denied, over,
        # already referred) settles it. A check's answer told unasked ("I didn't fall") judges
        # only that check's sign, so it leaves the classifier's reading unplaced. A reply that
        # tells symptoms answers the check already waiting, if there is one, rather than
        # opening the general one.
        tells_symptoms = _tells_symptoms(message, normalised, findings, self.answer_signs)
        unplaced_sign_told = (
            not any(f.layer != DENIAL_LAYER for f in findings)
            and not burst_tells_a_flag
            and not tells_symptoms
            and self._classifier_reads_a_red_flag(message)
        )
        # "and both legs" / "cant feel them properly. since i woke up": a sign the rules cannot
        # place, told while a check at least as urgent waits, answers that check (a yes below),
        # and is not asked about again
        answers_the_waiting_check = (
            unplaced_sign_told
            and bool(waiting)
            and urgency_rank(self.unplaced_check.urgency) <= urgency_rank(waiting)
            and "?" not in normalised
            and not language.CLEAR_NO_FIRST.match(normalised)
        )
        unplaced = (
            self.unplaced_check if unplaced_sign_told and not answers_the_waiting_check else None
        )
        if check:
            entities += self._check_entities(check.slug, check.urgency, check.check_question)
        elif unplaced:
            entities += self._check_entities(unplaced.flag, unplaced.urgency, unplaced.question)
        if top:
            # The referral of the most urgent flag picks the reply's wording (crisis support,
            # emergency services); the subject says whether to address the person or others.
            entities.append(self._entity("triage_level", top.urgency, top.start, top.end))
            entities.append(self._entity("referral", top.referral, top.start, top.end))
            if top.urgency == MOST_URGENT:
                # which replies follow the emergency: a crisis line, or an examination
                # both kinds told in one message ("since a car crash... better off if I didn't
                # wake up") make the replies name both
                told = kinds_told(
                    alarm_kind(f.referral) for f in present if f.urgency == MOST_URGENT
                )
                entities.append(self._entity(ALARM_KIND_ENTITY, told, top.start, top.end))
            subject = "other" if any(f.subject == "other" for f in present) else "self"
            entities.append(self._entity("red_flag_subject", subject, top.start, top.end))
        # "Not rn but it was yesterday", "it comes and goes": no clear no, so a yes to a check
        # that waits (it opens no check of its own).
        # A check told as done is no "not a clear no": "saw the GP yesterday, she checked me"
        # tells when the check was, not the sign.
        told_done = check_told and not (top and top.urgency in ALARM_LEVELS)
        # "I tripped on a rug and went to A&E. They x-rayed my hip and nothing was broken",
        # answering a check below the emergency level: the injury it asks about was seen to, and
        # the outcome told. A no to that check (domain/safety.yml), not "anything but a clear no".
        injury_check_waits = waiting_question in self.answered_by_a_finding
        seen_to = (
            # an injury's check at any level: "the GP x-rayed her, no fracture"
            (waiting in CHECK_LEVELS_BELOW_EMERGENCY or injury_check_waits)
            and not present
            and bool(language.TREATED.search(normalised))
            # "...nothing broken, but I still can't walk" / "it's sore all the time since"
            and not language.STILL_UNABLE.search(normalised)
            and not _tells_lasting_pain(normalised)
        )
        # "yeah its fine now, can feel everything" or "not since the op", answering "is it
        # still there now?"
        over_now = _told_over_now(normalised, waiting_question)
        # "no numbness, no fever. its just not shifting", asked whether the pain has lasted
        # or got worse: a sign of the waiting clinician's check's level told again, whatever
        # no it opens with, is a yes.
        # At any level, the very sign the check asks about told still unclear, which no denial
        # in the reply settled: "no numbness, peeing normal, legs fine. but is it bad that my
        # bum feels numb?"
        tells_the_waiting_sign = any(
            (
                waiting == CLINICIAN_CHECK_LEVEL
                and f.urgency == waiting
                and (f.is_present or f.is_unclear)
            )
            or (bool(waiting) and f.is_unclear and f.check_question == waiting_question)
            for f in findings
        )
        if tells_the_waiting_sign:
            drop_readings(message, {DENY_INTENT})
        # "no no, me i never had cancer... pain only when i sit long time": a no first, and the
        # very sign the waiting check asks about denied in so many words, is a clear no whatever
        # hedge the rest of the reply carries about something else
        denies_what_was_asked = (
            bool(language.CLEAR_NO_FIRST.match(normalised))
            and not present
            and any(
                f.status == "negated" and f.check_question == waiting_question for f in findings
            )
        )
        if (
            tells_symptoms
            or tells_the_waiting_sign
            or answers_the_waiting_check
            or (
                _no_clear_no(normalised)
                and not told_done
                and not seen_to
                and not over_now
                and not denies_what_was_asked
            )
        ):
            # Read only while a check question waits for its answer (domain/safety.yml): a
            # reply that describes symptoms is "anything but a clear no", a yes that raises
            # the triage to the waiting check's level.
            entities.append(self._entity(CHECK_REPLY_ENTITY, "yes", 0, 0))
            entities = _raised_to(waiting, entities) + self._raise_entities(CHECK_LEVELS)
        elif "?" not in normalised and _tells_lasting_pain(normalised):
            # "no chest pain, breathing fine. its just sore there all the time": a yes to a
            # waiting check below the emergency level (domain/safety.yml), whatever no it opens
            # with; an emergency check is not answered by it.
            entities.append(self._entity(LASTING_REPLY_ENTITY, "yes", 0, 0))
            if waiting in CHECK_LEVELS_BELOW_EMERGENCY:
                entities = _raised_to(waiting, entities)
            entities += self._raise_entities(CHECK_LEVELS_BELOW_EMERGENCY)
        # "Went away in like a minute when i stood up. is that bad?": the sign passed with a
        # change of position, or is gone, nothing is told present, and a question is asked: a
        # no to a waiting check below the emergency level (domain/safety.yml). Only with a
        # question read, which raises no triage of its own, so the no is not met by a yes.
        asks_on = "?" in normalised and (_intent_name(message) or "").startswith(
            QUESTION_INTENT_PREFIX
        )
        passed_and_asks = _tells_it_passed(normalised) and (asks_on or _reads_a_question(message))
        if not present and (passed_and_asks or over_now):
            entities.append(self._entity(PASSED_REPLY_ENTITY, "no", 0, 0))
            # the question read stands, however unsure the classifier was: a reply that no
            # fallback turns into "not a clear no"
            self._set_intent(message, str(_intent_name(message)))
        # "She doesn't want to bother the doctor": after an alarm, the reply says again why a
        # check matters (actions/questions.py) instead of answering something else.
        if not_checked and clinician_named:
            entities.append(self._entity(NOT_CHECKED_ENTITY, "true", 0, 0))
        elif told_done:
            # "The doctor saw me yesterday, can I do the plank now?": the check is told, though
            # the classifier reads the exercise question; the hold on exercises lifts. Not with
            # an alarm told in the same message: that check came before the new sign. It also
            # answers a waiting check below the emergency level no (domain/safety.yml): the
            # clinician has seen what it asks about. An emergency check only when it is an
            # injury's ("the GP saw her this afternoon, x-ray, no fracture"): a check answers
            # none of the other emergency signs.
            entities.append(self._entity(CHECK_TOLD_ENTITY, "true", 0, 0))
            if waiting != MOST_URGENT or injury_check_waits:
                entities.append(self._entity(CHECKED_REPLY_ENTITY, "no", 0, 0))
        elif seen_to:
            # the injury's check, not one told lately: the hold on exercises stays as it is
            entities.append(self._entity(CHECKED_REPLY_ENTITY, "no", 0, 0))
        # "The ambulance is on its way, what do I do while we wait?": after an emergency, the
        # replies say what to do until help comes instead of asking again for the call made.
        if language.HELP_COMING.search(normalised):
            entities.append(self._entity(HELP_COMING_ENTITY, "true", 0, 0))
        # "no numbness, no bladder or bowel problems, no fever" with no check waiting: the signs
        # told absent, which the classifier reads as "no" and an offered exercise would take as
        # "no thanks" (actions/exercises.py answers it).
        if (
            not waiting
            and _denies_signs(normalised, findings)
            and not language.ASKED_WITHOUT_A_MARK.search(normalised)
        ):
            entities.append(self._entity(SIGNS_DENIED_ENTITY, "true", 0, 0))
        message.set("entities", entities, add_to_output=True)
        message.set(
            "red_flag_findings",
            {
                "rules_version": self.rules_version,
                "findings": [f.as_dict() for f in findings],
                "asked": _asked(check, unplaced),
                "classifier": (message.get("intent_ranking") or [])[:5],
            },
            add_to_output=True,
        )
        # A check is a question, not a finding. Below the emergency level it leaves the
        # classifier's reading alone unless that reading is a red flag itself:
        # CheckQuestionPolicy asks it first, and the answer to what the person asked follows.
        # An emergency check reads as a red flag whatever the classifier read.
        check_reads_red_flag = check is not None and (
            check.urgency == MOST_URGENT
            or (check.urgency in ALARM_LEVELS and _intent_name(message) == RED_FLAG_INTENT)
        )
        if (top and top.urgency in ALARM_LEVELS) or unplaced or check_reads_red_flag:
            self._set_intent(message, RED_FLAG_INTENT)
        else:
            # No alarm and no alarm-level question: the classifier's red-flag reading is
            # dropped and its next reading answered (a clinician-level signal or check rides
            # along with that answer).
            drop_readings(message, {RED_FLAG_INTENT})
            # "tweaked my back squatting on saturday... before you ask: no numbness, no fever":
            # a story that lists the signs it does not have is no bare yes or no; nor, while no
            # check waits, is one that closes with a question ("I never had cancer myself, no
            # fever. only when I bend is pain. is ok I exercise?").
            if _intent_name(message) in ANSWER_INTENTS and (
                _opens_with_a_story(normalised)
                or (not waiting and language.closes_with_a_question(normalised))
            ):
                drop_readings(message, ANSWER_INTENTS)
        # "no?? why" is a no, whatever else the classifier read: a waiting check is answered no.
        # Not when a sign told as passed comes with a question, which stands ("no, it goes away
        # completely when I stand. so is it a nerve thing?"): its no is the passed reply.
        if _plain_no(normalised, findings, entities) and not any(
            e.get("entity") == PASSED_REPLY_ENTITY for e in entities
        ):
            self._set_intent(message, DENY_INTENT)
        # "lower back. about 10 days. 4/10", asked whether the pain has lasted more than six
        # weeks or is getting worse: a short time, with nothing worse told, is a no.
        if (
            waiting_question in self.answered_no_by_a_short_time
            and _tells_only_a_short_time(normalised)
            and not any(f.is_present or f.is_unclear for f in findings)
        ):
            self._set_intent(message, DENY_INTENT, alone=True)
        # "Morning stiffness is maybe 5 minutes, gone by the time I've showered", asked whether
        # the back is stiff for over half an hour most mornings: minutes under that are a no.
        if (
            waiting_question in self.answered_no_by_short_stiffness
            and language.SHORT_STIFFNESS.search(normalised)
            and not language.LONG_STIFFNESS.search(normalised)
            and not any(f.is_present or f.is_unclear for f in findings)
        ):
            self._set_intent(message, DENY_INTENT, alone=True)
        # A story that ends in a clear no to a waiting check ("...did pelvic floor physio and
        # it's been fine since. nothing like that now at all"), telling no sign now and asking
        # nothing, is a no at any level: the question asked about now, and now is answered.
        if waiting and (
            _closes_with_an_all_clear(normalised, findings, waiting)
            or _denies_them_as_a_whole(normalised, findings)
        ):
            # alone: a question's reading made sure above (the passed reply) would tie with it
            self._set_intent(message, DENY_INTENT, alone=True)
        # "ok i checked: no numbness down there, can feel the toilet paper fine, peeing
        # normal, no leg pain or weakness. its just an ache when i sit long": the signs the
        # waiting check asks about denied one by one, none told present, nothing asked, is a no
        # however it opens.
        # Asked about first, then answered the same way: "why are you asking about my bladder,
        # is that how it starts?? for the record i pee totally normally, i can feel everything
        # down there, both legs feel normal" (what is told after the last question answers).
        # Denied one by one, then asked about ("...nothing numb anywhere, both legs are fine and
        # strong. so its NOT cauda equina??"): the question tells no sign of its own, so the
        # check is answered no and the question follows.
        if waiting and (
            _denies_signs(normalised, findings, waiting)
            or _asks_then_denies_signs(normalised, findings, waiting)
            or _denies_signs_then_asks_of_none(normalised, findings, waiting)
        ):
            self._set_intent(message, DENY_INTENT, alone=True)
        # "paralyzed is only my word, sorry. I can move legs normal, I walk. just stiff like
        # wood in morning", asked whether a leg is weak: the very sign the check asks about told
        # as fine in the person's own words, nothing told present or unclear and nothing asked,
        # is a no.
        if waiting and _tells_the_asked_sign_fine(normalised, findings, waiting_question):
            self._set_intent(message, DENY_INTENT, alone=True)
        # A check told as done is what a message says that asks nothing, or nothing the
        # classifier can read ("update - GP visited this afternoon, did an xray, no fracture"):
        # not a yes to a waiting check, nor "I'm not sure I understood".
        if (
            told_done
            and not _reads_a_question(message)
            and len(normalised.split()) <= CHECK_TOLD_MOST_WORDS
        ):
            self._set_intent(message, CLINICIAN_CHECKED_INTENT)
        # A check lifts the hold on exercises, so it must be told as done: "he refuses to go
        # to hospital" or "she doesn't want to bother the doctor" names a clinician, but says
        # nobody has checked; it is neither thanked as a check nor lifts the hold. Nor does a
        # check told as long ago ("checked my chest last month"), before the sign told since.
        if _intent_name(message) == CLINICIAN_CHECKED_INTENT and (
            language.NOT_CHECKED.search(normalised)
            or not language.CHECK_TOLD.search(normalised)
            or (
                language.CHECKED_LONG_AGO.search(normalised)
                and not language.CHECKED_LATELY.search(normalised)
            )
        ):
            drop_readings(message, {CLINICIAN_CHECKED_INTENT})

    def _told_across_messages(
        self, earlier: list[str], text: str, findings: list[Finding]
    ) -> tuple[list[Finding], bool]:
        """Red flags whose parts came in this message and the person's short messages just
        before it ("hes 81" / "slipped on the ice this morning"), told or only suspected (a
        check is then asked), and whether the burst tells any red flag at all.

        Only when this message alone raises no emergency, and only flags that this message did
        not judge on its own and the earlier ones did not raise or ask about (those were
        answered when they came; one they denied may still be told now: "didnt fall or
        anything" / "well i slipped on the stairs"). After an urgent finding of its own, only a
        more urgent flag counts ("my hip hurts after rugby" / "its swollen and red hot, i had a
        temp of 39" is a hot hip with a fever, not only a fever). A burst that tells a flag
        already answered ("my hip keeps catching" / "and its given way on the stairs") places
        the classifier's red-flag reading: no general check question is asked about it.
        """
        alarm = most_urgent(f for f in findings if f.is_present and f.urgency in ALARM_LEVELS)
        if not earlier or (alarm and alarm.urgency == MOST_URGENT):
            return [], False
        burst = self._read_together([*earlier, text])
        if not burst:
            return [], False
        # A flag this message only asks about is told when the burst tells it present: "her
        # lower back started hurting 3 wks ago" / "she had breast cancer about 8 years ago"
        # asks nothing the person has not said.
        asked_here = {f.slug for f in findings if f.is_unclear}
        # A cue of a flag denied here is no judgement of the flag's other signs: "im 58 lol. no
        # osteoporosis that i know of" after "tripped over a kerb on thurs" still tells an age
        # and a fall.
        seen = {
            f.slug
            for f in findings
            if not f.is_unclear and not (f.status == "negated" and f.layer == SUSPECT_LAYER)
        } | {f.slug for f in self._read_together(earlier)}
        # A flag the person denied in the burst is not asked about again on a cue the burst
        # still holds ("can back pain be cancer" / "never had cancer mate" / "what can i do"):
        # the denial answered it. Told present, it still counts.
        denied = {
            f.slug for f in [*findings, *self._read(told_apart(earlier))] if f.status == "negated"
        }
        told = [
            replace(f, layer=ACROSS_MESSAGES_LAYER, start=0, end=0)
            for f in burst
            if f.slug not in seen
            and (f.slug not in asked_here or f.is_present)
            and not (f.is_unclear and f.slug in denied)
            and (alarm is None or urgency_rank(f.urgency) > urgency_rank(alarm.urgency))
        ]
        return told, bool(burst)

    def _emergency_of_the_storys_hip(
        self, hip: str | None, text: str, findings: list[Finding]
    ) -> list[Finding]:
        """An emergency told right after a long story about the person's own hip, read of that
        hip: "My right hip started hurting 3 days ago..." / "it looks red and puffy and feels
        hot, my temp was 38.9" is a hot hip with a fever. Only an emergency this message did not
        judge on its own: the story's other hip signs were answered when it came."""
        if hip is None or any(f.is_present and f.urgency == MOST_URGENT for f in findings):
            return []
        judged = {f.slug for f in findings}
        return [
            replace(f, layer=ACROSS_MESSAGES_LAYER, start=0, end=0)
            for f in self._read(told_apart([hip, text]))
            if f.is_present and f.urgency == MOST_URGENT and f.slug not in judged
        ]

    def _read_together(self, messages: list[str]) -> list[Finding]:
        """The signs told or suspected in `messages` read as one story. A sign only suspected
        across them ("pain" / "between my shoulder blades") gets its check question, as it
        would told in one message: for it the short messages are also read as one sentence, as
        a suspect's words often sit in one sentence. Messages that carry on the one before them
        ("shooting pain" / "down both legs", "fell off" / "the garage roof yday", "my left leg" /
        "went numb overnight") are the rest of that sentence: what they tell together is told."""
        if not messages:
            return []
        pieces = _sentence_typed_in_pieces(messages)
        carried_on = self._read(ONE_SENTENCE.join(pieces)) if len(pieces) > 1 else ()
        return (
            [f for f in self._read(told_apart(messages)) if f.is_present or f.is_unclear]
            + [f for f in self._read(ONE_SENTENCE.join(messages)) if f.is_unclear]
            + [f for f in carried_on if f.is_present]
        )

    def _read_uncached(self, text: str) -> tuple[Finding, ...]:
        # a tuple of frozen findings: what is remembered cannot be changed by a caller
        return tuple(self.detector.detect(text))

    @staticmethod
    def _classifier_reads_a_red_flag(message: Message) -> bool:
        intent = message.get("intent") or {}
        return bool(
            intent.get("name") == RED_FLAG_INTENT
            and float(intent.get("confidence") or 0.0) >= UNPLACED_CONFIDENCE
        )

    def _check_entities(self, flag: str, urgency: str, question: str | None) -> list[dict]:
        return [
            self._entity(f"check_{urgency}", flag, 0, 0),
            self._entity("check_question", question or "", 0, 0),
            self._entity("check_answer", CHECK_PENDING, 0, 0),
        ]

    def _raise_entities(self, levels: Sequence[str]) -> list[dict[str, Any]]:
        """What raises the triage to the waiting check's level, if it is one of `levels`."""
        return [self._entity(f"raise_to_{level}", level, 0, 0) for level in levels]

    def _entity(self, name: str, value: str, start: int, end: int) -> dict[str, Any]:
        return {
            "entity": name,
            "value": value,
            "start": start,
            "end": end,
            "confidence_entity": 1.0,
            "extractor": self.__class__.__name__,
        }

    @staticmethod
    def _set_intent(message: Message, name: str, alone: bool = False) -> None:
        """`name` is the intent, sure; `alone` drops every other reading from the ranking."""
        ranking = [
            r for r in message.get("intent_ranking", []) if r.get("name") != name and not alone
        ]
        message.set("intent", {"name": name, "confidence": 1.0}, add_to_output=True)
        message.set(
            "intent_ranking", [{"name": name, "confidence": 1.0}, *ranking], add_to_output=True
        )


def told_apart(messages: list[str]) -> str:
    """The messages as the sentences of one story. A message that ends its own sentence is not
    given a second full stop: "just do exercise.. a question" is no sentence's end to the
    parser, and one message's "said" was read with the next one's "cauda equina"."""
    told = ""
    for message in messages[:-1]:
        message = message.rstrip()
        told += message + (" " if message.endswith((".", "!", "?")) else TOLD_APART)
    return told + messages[-1]


def _sentence_typed_in_pieces(messages: list[str]) -> list[str]:
    """The last messages that make one sentence: each carries on the one before it, by where
    the symptom goes or an "and", or because the one before stopped mid-sentence."""
    start = len(messages) - 1
    while start > 0 and _carries_on(messages[start - 1].lower(), messages[start].lower()):
        start -= 1
    return messages[start:]


def _carries_on(before: str, after: str) -> bool:
    return bool(
        language.CARRIES_ON.match(after)
        or language.GOES_ON.match(after)
        or language.STOPS_MID_SENTENCE.match(before)
    )


def _raised_to(level: str | None, entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A yes to the check waiting at `level`: a lower level told in the same message is raised
    to it. The triage slot keeps its first mapping that gives a value (domain/safety.yml), so
    "stiffness on and off, pain gone for 6 months" (six weeks' level) must not hide the
    emergency check's yes."""
    if not level:
        return entities
    below = urgency_rank(level)
    return [
        {**e, "value": level}
        if e.get("entity") == "triage_level" and urgency_rank(str(e.get("value"))) < below
        else e
        for e in entities
    ]


def _asked(check: Finding | None, unplaced: UnplacedCheck | None) -> dict[str, str] | None:
    """Which check question the message gets, and which layer chose it, for the review."""
    if check:
        return {"flag": check.slug, "urgency": check.urgency, "layer": check.layer}
    if unplaced:
        return {"flag": unplaced.flag, "urgency": unplaced.urgency, "layer": "classifier"}
    return None


def _tells_symptoms(
    message: Message, text: str, findings: list[Finding], signs: frozenset[str]
) -> bool:
    """A statement that names a sign and denies none: "both of them, since this morning,
    heavy and pins and needles". A question, a clear no or a denial is not one. `text` is
    the message normalised."""
    return (
        _intent_name(message) != "deny"
        and "?" not in text
        and not language.INTERROGATIVE_START.match(text)
        and any(
            e.get("entity") == "symptom" and str(e.get("value")).lower() in signs
            for e in message.get("entities", [])
        )
        and not any(f.status == "negated" for f in findings)
    )


def _tells_only_a_short_time(
    normalised: str, short_time: re.Pattern[str] = language.SHORT_TIME
) -> bool:
    """A time well under six weeks (`short_time`: how long, or the day it started), and no
    longer time nor anything worse told beside it."""
    return (
        bool(short_time.search(normalised))
        and not language.LONGER_TIME.search(normalised)
        and not language.WORSE_TOLD.search(normalised)
    )


def _plain_no(normalised: str, findings: list[Finding], entities: list[dict]) -> bool:
    """A no that comes first and tells nothing else: "no?? why". Not "no numbness but both
    legs are weak" (a sign told) or "not rn but it was yesterday" (no clear no)."""
    return (
        bool(language.CLEAR_NO_FIRST.match(normalised))
        and (
            _no_and_gone(normalised)
            or not (
                language.NOT_A_CLEAR_NO.search(normalised) or language.SOME_OF_IT.search(normalised)
            )
        )
        and not any(f.is_present or f.is_unclear for f in findings)
        and not any(e.get("entity") == "symptom" for e in entities)
    )


def _closes_with_an_all_clear(normalised: str, findings: list[Finding], waiting: str) -> bool:
    """The message's last sentence says none of the signs is there now, nothing before it is
    told present or unclear, and no question is asked. The last sentence says so with an
    all-clear ("can feel everything, peeing fine"), or opens by denying signs of the waiting
    check's level ("...sore since i moved house. no numbness no pee problems no nothing")."""
    last_sentence = re.split(r"[.!]+\s", normalised.strip().rstrip(".! "))[-1]
    opens_denying = bool(set(last_sentence.split()[:1]) & language.NEGATION_CUES)
    return (
        "?" not in normalised
        and not any(f.is_present or f.is_unclear for f in findings)
        and any(
            f.sentence.strip().rstrip(".! ") == last_sentence
            and (
                f.layer == ALL_CLEAR_LAYER
                or (opens_denying and f.status == "negated" and f.urgency == waiting)
            )
            for f in findings
        )
    )


def _denies_them_as_a_whole(normalised: str, findings: list[Finding]) -> bool:
    """The signs asked about denied as a whole ("none of that is happening btw, just an ache
    after work"), nothing after the denial keeping one, nothing told present or unclear, and
    nothing asked before the denial or in its own sentence. A question in a sentence after it
    asks something else: "I have none of those, I am pleased to say. What exercises might
    help?" is a no, and the question is not the answer."""
    denial = language.DENIED_AS_A_WHOLE.search(normalised)
    if denial is None:
        return False
    its_sentence = re.split(r"(?<=[.!?])\s", normalised[denial.start() :], maxsplit=1)[0]
    after = normalised[denial.end() :]
    return (
        not _asks(normalised[: denial.start()])
        and not _asks(its_sentence)
        # a question about the check itself is no answer yet: "nothing like that now. why do
        # you ask?"
        and not (_asks(after) and language.ASKS_ABOUT_THE_CHECK.search(after))
        and not language.KEEPS_THE_SIGN.search(after)
        and not any(f.is_present or f.is_unclear for f in findings)
    )


def _tells_the_asked_sign_fine(
    normalised: str, findings: list[Finding], waiting_question: str
) -> bool:
    """An all-clear of the sign the waiting check asks about, nothing told present or unclear,
    and no question asked."""
    return (
        not _asks(normalised)
        and not any(f.is_present or f.is_unclear for f in findings)
        and any(
            f.layer == ALL_CLEAR_LAYER and f.check_question == waiting_question for f in findings
        )
    )


def _asks(normalised: str) -> bool:
    """A question asked: not a checklist item read back and answered ("numb? no")."""
    return "?" in language.READ_BACK_DENIAL.sub(" ", normalised)


def _denies_signs(normalised: str, findings: list[Finding], level: str | None = None) -> bool:
    """Several signs denied (of `level`, when given: a waiting check's), none told present or
    unclear, and no question asked."""
    denied = {f.slug for f in findings if f.status == "negated" and level in (None, f.urgency)}
    return (
        not _asks(normalised)
        and len(denied) >= SIGNS_DENIED_ONE_BY_ONE
        and not any(f.is_present or f.is_unclear for f in findings)
    )


def _asks_then_denies_signs(normalised: str, findings: list[Finding], level: str) -> bool:
    """A question first, then several signs of `level` denied after the last question mark,
    and nothing told present or unclear anywhere in the message."""
    told_after_asking = normalised.rpartition("?")[2]
    return (
        "?" in normalised
        and not any(f.is_present or f.is_unclear for f in findings)
        and _denies_signs(
            told_after_asking, [f for f in findings if f.sentence in told_after_asking], level
        )
    )


def _denies_signs_then_asks_of_none(normalised: str, findings: list[Finding], level: str) -> bool:
    """Several signs of `level` denied and a question asked, with no sign told present, unclear
    or asked about anywhere in the message. Nor one the denials settled: "no numbness... but is
    it bad that my bum feels tingly?" asks about a sign of its own."""
    # told apart, each in its own words: "legs are fine i think?" denies two flags in one breath
    denied_where = {f.start for f in findings if f.status == "negated" and f.urgency == level}
    return (
        _asks(normalised)
        and len(denied_where) >= SIGNS_DENIED_ONE_BY_ONE
        and not any(
            f.is_present or f.is_unclear or f.status in ("question", "settled") for f in findings
        )
    )


def _tells_it_passed(normalised: str) -> bool:
    """The sign told as passing with a change of position, or as gone now."""
    return bool(language.PASSES_ON_MOVING.search(normalised) or language.GONE_NOW.match(normalised))


def _told_over_now(normalised: str, question: str) -> bool:
    """A reply that says the sign is not there now (after a yes that only takes the question
    in, or anywhere), answering a check that asks whether it is there now; nothing after it
    keeps the sign."""
    told_over = language.YES_THEN_OVER.match(normalised) or language.OVER_NOW.search(normalised)
    return bool(
        told_over
        and language.ASKS_ABOUT_NOW.search(language.normalise(question))
        and not language.KEEPS_THE_SIGN.search(normalised[told_over.end() :])
    )


def _no_and_gone(normalised: str) -> bool:
    """A no that says the sign has gone: "nah its gone now, its only when i sit like that"
    (what follows tells when it came, not that it is there)."""
    no = language.CLEAR_NO_FIRST.match(normalised)
    return bool(no and language.GONE_NOW.match(normalised[no.end() :]))


def _tells_lasting_pain(normalised: str) -> bool:
    """Pain told as lasting, not denied in the few words before ("its not there all the time")."""
    return any(
        not set(normalised[: found.start()].split()[-3:]) & language.NEGATION_CUES
        for found in language.LASTING_PAIN.finditer(normalised)
    )


def _opens_with_a_story(normalised: str) -> bool:
    """Long, and its first clause tells something rather than saying no ("I don't have any
    of that" and "nope, legs are fine" are answers)."""
    first_clause = re.split(r"[,.;:!?]", normalised, maxsplit=1)[0].split()
    return len(normalised.split()) >= STORY_WORDS and not any(
        word in language.NEGATION_CUES or word in {"nope", "nah", "naw"} for word in first_clause
    )


def _names_only_a_clinician(finding: Finding) -> bool:
    """Found by a clinician's name alone ("oncologist" tells a cancer history)."""
    return all(language.CLINICIAN_NAMED.fullmatch(term) for term in finding.terms)


def _no_clear_no(normalised: str) -> bool:
    """A reply that is no clear no: "kinda", "on and off", "sometimes? when i sit", or one that
    opens with a yes whatever the classifier reads in the rest ("yeah i mean i couldnt hold it").
    A question asked back is no answer ("what does that mean?"), but what is told after it can
    be ("why, does it matter? i sat down hard on the bath when i slipped")."""
    hedge_asked = language.HEDGE_ASKED.match(normalised)
    told_after_asking = normalised.rpartition("?")[2] if "?" in normalised else ""
    return (
        (
            "?" not in normalised[hedge_asked.end() if hedge_asked else 0 :]
            and bool(
                language.NOT_A_CLEAR_NO.search(normalised)
                or language.OPENS_WITH_YES.match(normalised)
            )
        )
        or (
            len(told_after_asking.split()) >= TOLD_AFTER_ASKING_WORDS
            and bool(language.NOT_A_CLEAR_NO.search(told_after_asking))
        )
    ) and not _no_and_gone(normalised)


def _reads_a_question(message: Message) -> bool:
    """The classifier reads a question, and surely enough to answer it."""
    intent = message.get("intent") or {}
    return (
        str(intent.get("name") or "").startswith(QUESTION_INTENT_PREFIX)
        and float(intent.get("confidence") or 0.0) >= QUESTION_CONFIDENCE
    )


def _intent_name(message: Message) -> str | None:
    return (message.get("intent") or {}).get("name")
