"""A yes or a no is an answer; a message that asks something is not one, and a message that
tells a symptom without a word of no in it is no "no".

"Does my back pain need a doctor? no numbness down below, legs are fine, no fever" reads to
the classifier as a "no" (four denials), and a bare "no" with nothing asked is not
understood. A message that opens with a question word and goes on for a while asks
something: its yes/no readings are dropped and its next reading answered.

"and my leg's numb", sent after an offer of an exercise, reads to the classifier as a "no
thanks" (a short reply after a question) and got "No problem"; it tells a symptom, and has no
"no", "not" or "nah" in it.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.training_data.message import Message

from bot_extensions import waiting_check
from bot_extensions.intent_readings import ReadingCorrection, drop_readings, read_as
from bot_extensions.red_flags.language import (
    ASKS_WHEN,
    ASKS_WHERE,
    DURATION_ONLY,
    INTERROGATIVE_START,
    MILD_SCORE_ONLY,
    NEGATION_CUES,
    NOT_A_CLEAR_NO,
    OPENS_WITH_YES,
    REQUEST_START,
    WHERE_IN_THE_BACK_ONLY,
    normalise,
)
from bot_extensions.topic_names import spaced_words

# The words a "no" is said with, beyond the detector's negation cues: "nah", "can't".
NO_WORDS = NEGATION_CUES | {"nah", "naw", "na", "cant", "cannot", "wont", "couldnt"}


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class QuestionIsNoAnswer(ReadingCorrection):
    """A message that opens with a question or a request and goes on is no bare yes or no. (A
    story that closes with its own question is told apart by the red-flag component, which
    reads the whole story's findings first.)"""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        # "no, does that matter?" is an answer: it opens with the no, not with a question.
        return {"answer_intents": ["affirm", "deny"], "min_words": 8}

    def __init__(self, config: dict[str, Any]) -> None:
        super().__init__(config)
        self.answer_intents = frozenset(config["answer_intents"])
        self.min_words = int(config["min_words"])

    def applies(self, message: Message) -> bool:
        text = normalise(message.get("text") or "")
        intent = (message.get("intent") or {}).get("name")
        return (
            intent in self.answer_intents
            and len(text.split()) >= self.min_words
            and bool(INTERROGATIVE_START.match(text) or REQUEST_START.match(text))
        )

    def correct(self, message: Message) -> None:
        drop_readings(message, self.answer_intents)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class SymptomIsNoNo(ReadingCorrection):
    """Runs after the entity extractors: it reads the `symptom` entities they found."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        # Only the nerve signs: "legs fine, just the usual ache" answers a check question no.
        return {
            "no_intent": "deny",
            "symptom_entity": "symptom",
            "signs": ["numb", "numbness", "tingling", "pins and needles", "weakness"],
        }

    def __init__(self, config: dict[str, Any]) -> None:
        super().__init__(config)
        self.no_intent = config["no_intent"]
        self.symptom_entity = config["symptom_entity"]
        self.signs = frozenset(config["signs"])

    def applies(self, message: Message) -> bool:
        words = set(spaced_words(message.get("text") or "").split())
        return (
            (message.get("intent") or {}).get("name") == self.no_intent
            and any(
                e.get("entity") == self.symptom_entity and str(e.get("value")).lower() in self.signs
                for e in message.get("entities", [])
            )
            and not words & NO_WORDS
        )

    def correct(self, message: Message) -> None:
        drop_readings(message, {self.no_intent})


class ReplyToAWaitingCheck(ReadingCorrection):
    """A correction of a reply sent while a check question waits, one that tells no sign and no
    yes of its own (`answer_entities`: a sign found in it, a reply told as a yes or as lasting
    pain keep the reading)."""

    ANSWER_ENTITIES = ["red_flag", "check_reply", "lasting_reply"]

    def __init__(self, config: dict[str, Any]) -> None:
        super().__init__(config)
        self.answer_entities = frozenset(config["answer_entities"])

    def waits_unanswered(self, message: Message) -> bool:
        return waiting_check.from_metadata(message.get("metadata")) is not None and not any(
            e.get("entity") in self.answer_entities for e in message.get("entities", [])
        )


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class QuestionBackIsNoAnswer(ReplyToAWaitingCheck):
    """A question asked back while a check question waits is no answer to it.

    "What if it hurts?" after "...did this pain start after a fall?" is a question the
    classifier cannot place (`nlu_fallback`), and a reading that is neither a question nor a
    no answers a waiting check yes (domain/safety.yml). Read as its best question reading, it
    is no answer: the check is asked again. Runs after the FallbackClassifier and the red-flag
    detector: a sign told in the question (`red_flag`), a reply told as a yes, or a half yes
    asked about ("sort of, is that bad?") keeps its reading.
    """

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            "fallback_intent": "nlu_fallback",
            "question_prefix": "ask_",
            "answer_entities": ReplyToAWaitingCheck.ANSWER_ENTITIES,
        }

    def __init__(self, config: dict[str, Any]) -> None:
        super().__init__(config)
        self.fallback_intent = config["fallback_intent"]
        self.question_prefix = config["question_prefix"]

    def applies(self, message: Message) -> bool:
        if not self.waits_unanswered(message):
            return False
        text = normalise(message.get("text") or "")
        return (
            (message.get("intent") or {}).get("name") == self.fallback_intent
            and ("?" in text or bool(INTERROGATIVE_START.match(text)))
            and not (NOT_A_CLEAR_NO.search(text) or OPENS_WITH_YES.match(text))
            and self._best_question(message) is not None
        )

    def correct(self, message: Message) -> None:
        read_as(message, str(self._best_question(message)))

    def _best_question(self, message: Message) -> str | None:
        return next(
            (
                str(r.get("name"))
                for r in message.get("intent_ranking") or []
                if str(r.get("name") or "").startswith(self.question_prefix)
            ),
            None,
        )


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class AnotherQuestionsAnswerIsNoAnswer(ReplyToAWaitingCheck):
    """The answer to another question, told while a check question waits, is no answer to it.

    "Lower back, left side" or "4 from 10", sent after "has this pain lasted more than six
    weeks...?", answers the where or how bad the person expected next; read as information it
    would answer the check yes (domain/safety.yml) with nothing of its signs told. Read as a
    request for help, it is no answer: the check is asked again. A check whose own words a
    place in the back could answer ("is this upper or middle back pain...") keeps the reading,
    and so does a reply with a sign in it (`red_flag`, `check_reply`, `lasting_reply`). How long
    told alone ("8 days", "since friday, 4 days") is no answer to a check that asks nothing of
    now or of time ("do you have thin bones...?", "does your hip lock...?"); to one that does
    ("is any of this happening to you now?") it is an answer, and keeps the reading.
    """

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            "no_answer_intent": "ask_help",
            "answer_entities": ReplyToAWaitingCheck.ANSWER_ENTITIES,
        }

    def __init__(self, config: dict[str, Any]) -> None:
        super().__init__(config)
        self.no_answer_intent = config["no_answer_intent"]

    def applies(self, message: Message) -> bool:
        if not self.waits_unanswered(message):
            return False
        text = normalise(message.get("text") or "")
        question = normalise(waiting_check.question_from_metadata(message.get("metadata")))
        return bool(
            MILD_SCORE_ONLY.match(text)
            or (WHERE_IN_THE_BACK_ONLY.match(text) and not ASKS_WHERE.search(question))
            or (DURATION_ONLY.match(text) and not ASKS_WHEN.search(question))
        )

    def correct(self, message: Message) -> None:
        read_as(message, self.no_answer_intent)
