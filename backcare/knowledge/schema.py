"""Pydantic schema of the versioned knowledge YAML in data/knowledge/.

The format is described in docs/knowledge-format.md.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

Slug = str
Urgency = Literal["emergency", "urgent", "see_clinician"]

# Where a rule's term groups must all be found: one clause, one sentence, or anywhere.
MatchScope = Literal["clause", "sentence", "message"]
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"


class Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(Entry):
    id: str = Field(pattern=SLUG_PATTERN)
    title: str
    # article: a seed article; guideline: a guideline or official patient information;
    # paper: a published paper or editorial.
    kind: Literal["article", "guideline", "paper"]
    reference: str


# Who a caution is for. `active-back-injury`: hip stretches that can stir up a sore back.
CautionTopic = Literal["hip-replacement", "pregnancy", "blood-thinners", "active-back-injury"]


class Caution(Entry):
    """A note shown before an exercise's steps, for the people it concerns."""

    about: CautionTopic
    text: str
    sources: list[str] = Field(min_length=1)


class Exercise(Entry):
    slug: Slug = Field(pattern=SLUG_PATTERN)
    name: str
    aliases: list[str] = []
    region: Literal["hips", "core", "lumbar-spine", "legs", "full-body"]
    purpose: Literal["mobility", "stability", "strength"]
    level: Literal["beginner", "intermediate", "advanced"]
    supervision: Literal["self", "coach"]
    equipment: list[str] = []
    steps: list[str] = Field(min_length=1)
    cues: list[str] = []
    common_mistakes: list[str] = []
    stop_if: list[str] = Field(min_length=1)
    cautions: list[Caution] = []
    dose: str
    regression: Slug | None = None
    progression: Slug | None = None
    sources: list[str] = Field(min_length=1)


MatchRule = list[list[str]]


class RedFlag(Entry):
    slug: Slug = Field(pattern=SLUG_PATTERN)
    name: str
    urgency: Urgency
    suspected_condition: str
    condition_plain: str
    message: str
    referral: Slug
    counts_when_past: bool = False
    phrases: list[str] = Field(min_length=5)
    match: list[MatchRule] = Field(min_length=1)
    # Phrases inside which a matched term does not count ("cancer screening" is no cancer).
    not_within: list[str] = []
    # "message": a rule's term groups may sit in different sentences (a combination told as a
    # story: "I had cancer. Now my legs are weak."); "sentence": all in one sentence; "clause":
    # all in one clause ("pins and needles in my feet for years, and my back is sore" is no
    # long-lasting back pain).
    scope: MatchScope = "sentence"
    # The sign counts only when it is new since the back pain: "for years", "since my
    # diabetes" in its sentence make it long-standing, not a red flag.
    must_be_new: bool = False
    # A history that is a sign only with back pain (a past cancer): a message that says there
    # is no pain at all ("my back is fine, no pain") has no sign.
    needs_pain: bool = False
    # An event (a fall, a crash): told as years ago in its clause, it is history, not a new
    # injury ("fell off a step ladder about 3 years ago... ever since I get this ache").
    event: bool = False
    # Rules whose groups may sit in different sentences of the message, whatever `scope` says
    # for the others: "I slipped in the bathroom on Tuesday. I've got osteoporosis."
    told_apart: list[MatchRule] = []
    # A pattern that only a statement reports: asked as a question ("so it's my hips, not my
    # back??") it is a question about the cause.
    statements_only: bool = False
    # Plain statements that the function this flag is about is normal ("toilet is normal",
    # "I feel everything down there"): a denial of the sign, though no sign word is negated.
    all_clear: list[str] = []
    # Statements that deny what the flag's check question asks ("no falls", "no breaks"): they
    # settle a mention that would be asked about, but never a sign told present ("slipped on
    # the stairs yesterday... no falls before that").
    denied_by: list[str] = []
    # The names of a condition whose same-day need is a clinician naming and treating it
    # (shingles, a kidney infection): told by one of these names with a visit or a diagnosis
    # beside it ("went to my doctor... I've got shingles", "turns out it was a kidney
    # infection"), the person's own condition has been seen to. A sign told in other words (a
    # rash in a band) is not, nor a relative's diagnosis.
    diagnosed_as: list[str] = []
    # What, told in the clause of a mention, gives the sign an everyday cause: a leak "when I
    # sneeze" is stress incontinence, not a bladder that has stopped working.
    everyday_cause: list[str] = []
    sources: list[str] = Field(min_length=1)


class SignCheck(Entry):
    """One short question asked when it is unclear whether serious signs are happening now.

    Asked when a sign of one of the `covers` flags is told as long-ago history, or when one of
    the weaker `suspect` cues fires (the condition's name, a sign without its context). "Yes"
    files `flag` and raises the triage to its urgency.
    """

    slug: Slug = Field(pattern=SLUG_PATTERN)
    question: str
    flag: Slug
    covers: list[Slug] = []
    suspect: list[MatchRule] = []
    not_within: list[str] = []
    scope: MatchScope = "sentence"
    # Flags whose sign, told with the operation that treated or caused it and nothing told as
    # new or worse since ("left with drop foot... now, 2 weeks post"), is asked with this
    # check's question instead of alarmed: whether it is new, spreading or worse is the point.
    after_operation: list[Slug] = []
    # Told in the same sentence as a sign of `flag` made only of `taken_signs` words, these say
    # what took it ("in so much pain I could barely breathe", "it knocked the wind out of
    # me"): the sign is asked about with this check's question, not alarmed.
    taken_by: list[str] = []
    taken_signs: list[str] = []
    # Words that, in a sign's own words or just before them, say it nearly happened ("almost
    # passed out", "thought I was gonna pass out"): a sign of `flag` told by a one-group rule
    # and only nearly had is asked about with this check's question, unless one of
    # `nearly_unless` is told in the message, one of `nearly_again` before it in its sentence
    # (it keeps nearly happening: "can't stand without nearly passing out"), or another alarm
    # is present beside it.
    nearly: list[str] = []
    nearly_unless: list[str] = []
    nearly_again: list[str] = []
    # An injury's check, which a clinician's finding told since answers no ("the GP x-rayed
    # her, no fracture"), whatever its level: what it asks is what the examination looked at.
    answered_by_a_finding: bool = False
    # a time well under six weeks, told with nothing worse, answers it no (how long it lasted)
    answered_no_by_a_short_time: bool = False
    # morning stiffness told as lasting minutes, under half an hour, with nothing longer told,
    # answers it no ("maybe 5 minutes, gone by the time I've showered")
    answered_no_by_short_stiffness: bool = False
    sources: list[str] = Field(min_length=1)


class EducationTopic(Entry):
    slug: Slug = Field(pattern=SLUG_PATTERN)
    title: str
    summary: str
    body: str
    related_exercises: list[Slug] = []
    # Questions people ask that this topic answers, in their words: the search index for
    # questions outside the exercises (backcare/knowledge/topic_search.py).
    questions: list[str] = []
    # Words that name the topic's subject outright ("epidural", "spinal fusion", "inversion
    # table"): a message that uses one is about this topic whatever else it says.
    key_terms: list[str] = []
    # A topic about another person's pain (a child's): a message that tells the writer's own
    # back or hip pain is not about it, whoever else it names ("drove to my daughter's, and my
    # lower back is stiff as a board").
    about_another_person: bool = False
    sources: list[str] = Field(min_length=1)


class Referral(Entry):
    slug: Slug = Field(pattern=SLUG_PATTERN)
    who: str
    when: str
    how: str
    sources: list[str] = []


class Button(Entry):
    title: str
    payload: str


class Message(Entry):
    """A phrase the custom actions say; `{name}` placeholders are filled in by the action."""

    slug: Slug = Field(pattern=SLUG_PATTERN)
    text: str
    buttons: list[Button] = []


class ScreeningQuestion(Entry):
    """One screening question, asked for the form slot of the same name."""

    slot: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    text: str
    buttons: list[Button] = []
    red_flag: Slug | None = None


class SourcesFile(Entry):
    version: int
    sources: list[Source]


class ExercisesFile(Entry):
    version: int
    exercises: list[Exercise]


class RedFlagsFile(Entry):
    version: int
    red_flags: list[RedFlag]


class BesideACause(Entry):
    """A possible sign of a squeezed spinal cord or nerve roots, told beside a present cause of
    that squeezing, is the emergency, not a question."""

    causes: list[Slug] = Field(min_length=1)
    signs: list[Slug] = Field(min_length=1)
    sources: list[str] = Field(min_length=1)


class SignChecksFile(Entry):
    version: int
    checks: list[SignCheck]
    beside_a_cause: BesideACause
    # The check asked when the intent classifier reads a red flag that no rule can place.
    unplaced: Slug
    # Signs (the NLU's `symptom` values) that answer a waiting check question with a yes.
    answer_signs: list[str] = Field(min_length=1)


class EducationFile(Entry):
    version: int
    topics: list[EducationTopic]


class ReferralsFile(Entry):
    version: int
    referrals: list[Referral]


class FollowUp(Entry):
    """A question about the exercise just shown ("what if my knee won't go down?"), told by one
    of its cue phrases, and the message that answers it (placeholders: `{exercise_name}`,
    `{dose}`)."""

    slug: Slug = Field(pattern=SLUG_PATTERN)
    cues: list[str] = Field(min_length=1)
    message: Slug


class MessagesFile(Entry):
    version: int
    messages: list[Message]
    # Read in this order: the first whose cue the question holds answers it.
    follow_ups: list[FollowUp] = []


class ScreeningFile(Entry):
    version: int
    questions: list[ScreeningQuestion]


class ProgrammeRules(Entry):
    """When a drill moves up or down a step (docs/programme.md)."""

    easy_check_ins_to_move_up: int = Field(ge=1)
    pain_rise_to_move_down: int = Field(ge=1, le=10)
    moves_down_before_physiotherapist: int = Field(ge=1)
    physiotherapist_referral: Slug
    sources: list[str] = Field(min_length=1)


class OutcomeItems(Entry):
    pain: str
    enjoyment: str
    activity: str


class OutcomeMeasure(Entry):
    """A free-to-use outcome measure (PEG), asked at the start and every `every_days` days."""

    name: str
    every_days: int = Field(ge=1)
    items: OutcomeItems
    sources: list[str] = Field(min_length=1)


class QuietHours(Entry):
    start: str = Field(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")
    end: str = Field(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")


class ReminderSettings(Entry):
    quiet_hours: QuietHours
    longest_gap_days: int = Field(ge=1)


class LadderStep(Entry):
    exercise: Slug
    dose: str


class Ladder(Entry):
    """One exercise's steps from easiest to hardest; the plan begins on `start`."""

    exercise: Slug
    start: int = Field(ge=0)
    steps: list[LadderStep] = Field(min_length=2)
    sources: list[str] = Field(min_length=1)


class ProgrammeFile(Entry):
    version: int
    progress: ProgrammeRules
    outcome: OutcomeMeasure
    reminders: ReminderSettings
    ladders: list[Ladder]


# A corrected question is searched like a topic's own questions, so it is held to the same cap.
MAX_CORRECTED_QUESTION_CHARS = 1_000


class CorrectedQuestion(Entry):
    """One message a clinician pointed to a topic (or to the honest line) in the review app,
    after the review app's masking: lower case, single-spaced."""

    text: str = Field(min_length=1, max_length=MAX_CORRECTED_QUESTION_CHARS)
    reviewed_by: str = Field(min_length=1)
    reviewed_on: date

    @field_validator("text")
    @classmethod
    def _lower_case_single_spaced(cls, text: str) -> str:
        if text != " ".join(text.lower().split()):
            raise ValueError("a corrected question is lower case with single spaces")
        return text


class TopicCorrection(Entry):
    """The questions clinicians said a topic should have answered. `topic: null`: no topic
    should; the assistant's honest "can't help" line was right, and the search must not
    answer them."""

    topic: Annotated[Slug, Field(pattern=SLUG_PATTERN)] | None
    questions: list[CorrectedQuestion] = Field(min_length=1)


class TopicCorrectionsFile(Entry):
    version: int
    corrections: list[TopicCorrection]


KNOWLEDGE_FILES: dict[str, type[Entry]] = {
    "sources.yml": SourcesFile,
    "referrals.yml": ReferralsFile,
    "exercises.yml": ExercisesFile,
    "education.yml": EducationFile,
    "red_flags.yml": RedFlagsFile,
    "sign_checks.yml": SignChecksFile,
    "messages.yml": MessagesFile,
    "screening.yml": ScreeningFile,
    "programme.yml": ProgrammeFile,
}

# Files that may be absent (read as empty): the reviewed clinicians' corrections, written by
# `make corrections` from the review app.
OPTIONAL_KNOWLEDGE_FILES: dict[str, type[Entry]] = {
    "topic_corrections.yml": TopicCorrectionsFile,
}
