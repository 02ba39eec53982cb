"""Find red flags in a message with spaCy's PhraseMatcher and decide each mention's status.

A flag fires when every term group of one of its `match` rules appears in one sentence (a term
inside one of the flag's `not_within` phrases does not count: "cancer screening"). Each
mention is then classed as present, negated ("no numbness"), a question about the signs,
history that is over ("it went away"), or unclear; only present mentions raise the triage.
A mention is unclear when it is told as long-ago history that nobody said is over, or when
only one of the flag's weaker `suspect` rules fired (the condition's name, a sign without its
context): the assistant then asks the flag's check question. Every decision is kept as a
Finding with the layer and rule that fired, so a clinician can see why the detector said what
it said.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from bot_extensions.red_flags import language
from bot_extensions.triage import ALARM_LEVELS, CRISIS_REFERRALS, MOST_URGENT, urgency_rank
from bot_extensions.yaml_files import read_yaml

# Which kind of rule found a mention: a full `match` rule (or phrase), or a weaker `suspect` cue.
RULE_LAYER = "rule"
SUSPECT_LAYER = "suspect"
# A flag's own rules whose parts may be told in different sentences (`told_apart`).
TOLD_APART_LAYER = "told_apart"
# A flag's `all_clear` statements: the function is said to be normal, a denial of the sign.
ALL_CLEAR_LAYER = "all_clear"
# A flag's `denied_by` statements: what its check question asks, denied ("no falls"). They
# settle an unclear mention; unlike an all-clear, they never close a sign told present.
DENIAL_LAYER = "denial"
# The layers whose findings deny their flag rather than report it.
DENYING_LAYERS = (ALL_CLEAR_LAYER, DENIAL_LAYER)
# Parts told in this message and the person's short messages before it (set by the Rasa
# component, which is handed those messages; the detector reads one text).
ACROSS_MESSAGES_LAYER = "told_across_messages"
# An unclear nerve sign made present by a present cause of compression told beside it
# (sign_checks.yml, `beside_a_cause`).
BESIDE_A_CAUSE_LAYER = "beside_a_cause"
# A finding's status when a rule's cue was told inside one of its `not_within` look-alikes.
LOOK_ALIKE = "look_alike"


@dataclass(frozen=True)
class FlagDefinition:
    """A set of rules that finds one flag: the flag's own, or a check question's suspect cues."""

    slug: str  # the flag a finding files
    urgency: str
    counts_when_past: bool
    referral: str
    rules: list[list[list[str]]]
    not_within: tuple[str, ...] = ()
    # "message": a rule's groups may be found in different sentences of the message;
    # "clause": all in one clause (language.SCOPE_CLAUSE_BREAKS).
    scope: str = "sentence"
    # Only counts when new since the back pain; long-standing in its sentence, it is over.
    must_be_new: bool = False
    # A history that is a sign only with back pain: a message with no pain at all has none.
    needs_pain: bool = False
    # An event (a fall, a crash): told as years ago in its clause, it is history.
    event: bool = False
    # A pattern only a statement reports: in a sentence that asks, it is a question.
    statements_only: bool = False
    # A condition told by one of these names, with a clinician's visit or diagnosis told
    # around it, has been seen to.
    diagnosed_as: tuple[str, ...] = ()
    # Told in a mention's clause, these give the sign an everyday cause ("when I sneeze").
    everyday_cause: tuple[str, ...] = ()
    layer: str = RULE_LAYER
    # The question asked when a mention is unclear; None when no check covers the flag.
    check_question: str | None = None
    check_slug: str = ""
    covers: tuple[str, ...] = ()
    # The question asked instead of an alarm when the sign is told with the operation that
    # treated or caused it, and nothing new or worse since (sign_checks.yml, `after_operation`).
    after_operation_question: str | None = None
    # The question asked instead of an alarm when the sign is only what a pain or a fall did
    # ("in so much pain I could barely breathe"): a `taken_by` cue told in the mention's
    # sentence, and every matched term one of the `taken_signs` (sign_checks.yml).
    taken_by_question: str | None = None
    taken_by: tuple[str, ...] = ()
    taken_signs: tuple[str, ...] = ()
    # The question asked instead of an alarm when the sign is only told as nearly had ("almost
    # passed out"): one of the `nearly` words in the sign's words or just before them, none of
    # `nearly_unless` in the message nor `nearly_again` before it in its sentence
    # (sign_checks.yml), and no other alarm beside it.
    nearly_question: str | None = None
    nearly: tuple[str, ...] = ()
    nearly_unless: tuple[str, ...] = ()
    nearly_again: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        if self.layer == RULE_LAYER:
            return self.slug
        return f"{self.layer}:{self.check_slug if self.layer == SUSPECT_LAYER else self.slug}"

    @classmethod
    def from_entry(cls, entry: dict[str, Any]) -> FlagDefinition:
        rules = [list(rule) for rule in entry["match"]]
        # Every listed lay phrase is also an exact single-group rule.
        rules += [[[phrase]] for phrase in entry.get("phrases", [])]
        return cls(
            slug=entry["slug"],
            urgency=entry["urgency"],
            counts_when_past=bool(entry.get("counts_when_past")),
            referral=entry["referral"],
            rules=rules,
            not_within=tuple(entry.get("not_within", [])),
            scope=entry.get("scope", "sentence"),
            must_be_new=bool(entry.get("must_be_new")),
            needs_pain=bool(entry.get("needs_pain")),
            event=bool(entry.get("event")),
            statements_only=bool(entry.get("statements_only")),
            diagnosed_as=tuple(language.normalise(name) for name in entry.get("diagnosed_as", [])),
            everyday_cause=tuple(
                language.normalise(cause) for cause in entry.get("everyday_cause", [])
            ),
        )


@dataclass(frozen=True)
class Finding:
    slug: str
    urgency: str
    referral: str
    # present | negated | question | past | unclear | family | settled | not_a_person | explained
    # | look_alike
    status: str
    subject: str  # self | other
    sentence: str
    terms: tuple[str, ...]
    start: int
    end: int
    # rule | suspect | told_apart | all_clear | denial | told_across_messages | beside_a_cause
    layer: str = RULE_LAYER
    rule: int = 0  # index of the rule within its layer (phrases follow the match rules)
    check_question: str | None = None
    # The flags a suspect's check question covers (cauda equina: saddle, bladder, bowel...).
    covers: tuple[str, ...] = ()

    @property
    def is_present(self) -> bool:
        return self.status == "present"

    @property
    def is_unclear(self) -> bool:
        """Worth one check question: it may be happening now, and a question can be asked."""
        return self.status == "unclear" and self.check_question is not None

    def as_dict(self) -> dict[str, Any]:
        # shallow: every field is a string, a number or a tuple of strings (asdict's recursive
        # copy took about 5% of a turn in a profile of the one-client benchmark)
        return {field.name: getattr(self, field.name) for field in fields(self)}


@dataclass(frozen=True)
class UnplacedCheck:
    """The check asked when the intent classifier reads a red flag that no rule can place."""

    question: str
    flag: str
    urgency: str


@dataclass(frozen=True)
class BesideACause:
    """Nerve signs that a present cause of compression, told in the same message, makes present."""

    causes: frozenset[str] = frozenset()
    signs: frozenset[str] = frozenset()

    def settle(self, findings: list[Finding]) -> list[Finding]:
        """An unclear suspect sign beside a present cause is present, not a question: "the
        doctor says I have a spinal infection, and one of my legs is weak"."""
        if not any(f.is_present and f.slug in self.causes for f in findings):
            return findings
        return [
            replace(f, status="present", layer=BESIDE_A_CAUSE_LAYER, check_question=None)
            if f.status == "unclear"
            and f.layer == SUSPECT_LAYER
            and f.slug in self.signs
            and not language.tells_distant_past(f.sentence)
            else f
            for f in findings
        ]


@dataclass(frozen=True)
class Knowledge:
    """What the detector reads: the flags, and the check questions with their suspect cues."""

    flags: list[FlagDefinition]
    suspects: list[FlagDefinition]
    told_apart: list[FlagDefinition]
    all_clear: list[FlagDefinition]
    unplaced: UnplacedCheck
    # The `symptom` values that, told while a check question waits, answer it with a yes.
    answer_signs: frozenset[str]
    # The questions of the injury checks a clinician's finding answers no, at any level.
    answered_by_a_finding: frozenset[str]
    # The questions of how long the pain has lasted that a short time told answers no.
    answered_no_by_a_short_time: frozenset[str]
    # The questions about long morning stiffness that a few minutes of it answers no.
    answered_no_by_short_stiffness: frozenset[str]
    beside_a_cause: BesideACause


def _questions_marked(checks: dict[str, Any], mark: str) -> frozenset[str]:
    """The questions of the checks that `mark` is set on (sign_checks.yml)."""
    return frozenset(check["question"] for check in checks["checks"] if check.get(mark))


def load_knowledge(red_flags_file: Path, checks_file: Path) -> Knowledge:
    flag_entries = read_yaml(red_flags_file)["red_flags"]
    checks = read_yaml(checks_file)
    flags = {entry["slug"]: FlagDefinition.from_entry(entry) for entry in flag_entries}
    question_for: dict[str, tuple[str, str]] = {}
    suspects = []
    for check in checks["checks"]:
        filed = flags[check["flag"]]
        for slug in [check["flag"], *check.get("covers", [])]:
            question_for.setdefault(slug, (check["slug"], check["question"]))
        suspects.append(
            replace(
                filed,
                rules=[list(rule) for rule in check.get("suspect", [])],
                not_within=tuple(check.get("not_within", [])),
                layer=SUSPECT_LAYER,
                scope=check.get("scope", "sentence"),
                check_question=check["question"],
                check_slug=check["slug"],
                covers=tuple(check.get("covers", [])),
            )
        )
    covers_of: dict[str, tuple[str, ...]] = {}
    for check in checks["checks"]:
        covers_of[check["flag"]] = covers_of.get(check["flag"], ()) + tuple(check.get("covers", []))
    flags = {
        slug: replace(
            flag,
            check_slug=question_for[slug][0],
            check_question=question_for[slug][1],
            covers=covers_of.get(slug, ()),
        )
        if slug in question_for
        else flag
        for slug, flag in flags.items()
    }
    for check in checks["checks"]:
        for slug in check.get("after_operation", []):
            flags[slug] = replace(flags[slug], after_operation_question=check["question"])
        if "taken_by" in check:
            flags[check["flag"]] = replace(
                flags[check["flag"]],
                taken_by_question=check["question"],
                taken_by=_cues(check, "taken_by"),
                taken_signs=tuple(check["taken_signs"]),
            )
        if "nearly" in check:
            flags[check["flag"]] = replace(
                flags[check["flag"]],
                nearly_question=check["question"],
                nearly=_cues(check, "nearly"),
                nearly_unless=_cues(check, "nearly_unless"),
                nearly_again=_cues(check, "nearly_again"),
            )
    told_apart = [
        replace(
            flags[entry["slug"]],
            rules=[list(rule) for rule in entry["told_apart"]],
            scope="message",
            layer=TOLD_APART_LAYER,
        )
        for entry in flag_entries
        if entry.get("told_apart")
    ]
    all_clear = [
        replace(
            flags[entry["slug"]],
            rules=[[[statement]] for statement in entry[field]],
            not_within=(),
            layer=layer,
        )
        for entry in flag_entries
        for field, layer in (("all_clear", ALL_CLEAR_LAYER), ("denied_by", DENIAL_LAYER))
        if entry.get(field)
    ]
    unplaced = next(c for c in checks["checks"] if c["slug"] == checks["unplaced"])
    return Knowledge(
        flags=list(flags.values()),
        suspects=suspects,
        told_apart=told_apart,
        all_clear=all_clear,
        unplaced=UnplacedCheck(
            unplaced["question"], unplaced["flag"], flags[unplaced["flag"]].urgency
        ),
        answer_signs=frozenset(checks["answer_signs"]),
        answered_by_a_finding=_questions_marked(checks, "answered_by_a_finding"),
        answered_no_by_a_short_time=_questions_marked(checks, "answered_no_by_a_short_time"),
        answered_no_by_short_stiffness=_questions_marked(checks, "answered_no_by_short_stiffness"),
        beside_a_cause=BesideACause(
            frozenset(checks["beside_a_cause"]["causes"]),
            frozenset(checks["beside_a_cause"]["signs"]),
        ),
    )


def _cues(check: dict[str, Any], key: str) -> tuple[str, ...]:
    """A check's cue words under `key`, normalised as messages are."""
    return tuple(language.normalise(cue) for cue in check.get(key, []))


def build_language() -> Language:
    nlp = spacy.blank("en")
    # normalise() writes "can't" as "cant"; spaCy would split that back into "ca" + "nt".
    nlp.tokenizer.rules = {
        text: tokens
        for text, tokens in nlp.tokenizer.rules.items()
        if "'" in text or len(tokens) == 1
    }
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    return nlp


# How many words before a list's last item its "or" may come ("or the dreaded leukemia").
LIST_END_BEFORE = 3
# How many words before a sign may say it was only nearly had ("thought i was gonna pass out").
NEARLY_WINDOW = 4
# Words whose plural keeps its own lemma. People say "pain down my legs" for both legs and
# "down my leg" for one, so a rule may name the plural alone; a rule's "leg" still finds both
# forms, because every term with "leg" gets a twin with "legs".
KEPT_PLURALS = {"leg": "legs"}
# Words whose degree tells a sign apart, which the lemmatiser merges ("worst" and "worse" are
# both "wrong"): "the worst pain of my life" is no "does bad sleep make back pain worse".
KEPT_DEGREES = {"worse", "worst", "better", "best"}
# Words the lemmatiser reads as another word's degree: "number" is a noun, not "more numb" ("as
# I bent over to drop in tent number two" tells no numbness).
KEPT_NOUNS = {"number"}
KEPT_AS_WRITTEN = frozenset({*KEPT_PLURALS.values(), *KEPT_DEGREES, *KEPT_NOUNS})
TEXT_KEY = "backbone_text"


def _text(doc: Doc) -> str:
    """The doc's text, joined from its tokens once: spaCy's `Doc.text` joins them at every
    read, and the judging reads it tens of times a message (four-tenths of the detector's time,
    a stop 54 profile)."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = "".join(token.text_with_ws for token in doc)
    return str(text)


def _keep_own_lemmas(doc: Doc) -> Doc:
    """The words of KEPT_AS_WRITTEN keep their own form as their lemma."""
    for token in doc:
        if token.lower_ in KEPT_AS_WRITTEN:
            token.lemma_ = token.lower_
    return doc


def _with_plural_twins(terms: Iterable[str]) -> list[str]:
    twinned = []
    for term in terms:
        twinned.append(term)
        for singular, plural in KEPT_PLURALS.items():
            twin = re.sub(rf"\b{singular}\b", plural, term)
            if twin != term and twin not in twinned:
                twinned.append(twin)
    return twinned


class RedFlagDetector:
    def __init__(
        self,
        definitions: Iterable[FlagDefinition],
        nlp: Language | None = None,
        suspects: Iterable[FlagDefinition] = (),
        told_apart: Iterable[FlagDefinition] = (),
        all_clear: Iterable[FlagDefinition] = (),
        beside_a_cause: BesideACause = BesideACause(),
    ) -> None:
        self.beside_a_cause = beside_a_cause
        self.definitions = {d.slug: d for d in definitions}
        self.rule_sets = {
            d.key: d for d in [*self.definitions.values(), *suspects, *told_apart, *all_clear]
        }
        self.nlp = nlp or build_language()
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="LEMMA")
        self.exclusions = PhraseMatcher(self.nlp.vocab, attr="LEMMA")
        # Each match's rule set, rule and group, by the match's id: read per match, a message
        # has about a hundred.
        self.match_keys: dict[int, tuple[str, int, int]] = {}
        # A term comes back in many rules' groups (19,019 terms, 11,890 different ones, in stop
        # 64): each is normalised and made a doc once, which is most of a Rasa start's detector.
        normalise = functools.cache(language.normalise)
        term_docs: dict[str, Doc] = {}

        def docs(terms: Iterable[str]) -> list[Doc]:
            twinned = _with_plural_twins(normalise(term) for term in terms)
            new = [term for term in dict.fromkeys(twinned) if term not in term_docs]
            for term, doc in zip(new, self.nlp.pipe(new), strict=True):
                term_docs[term] = _keep_own_lemmas(doc)
            return [term_docs[term] for term in twinned]

        for definition in self.rule_sets.values():
            for rule_index, rule in enumerate(definition.rules):
                for group_index, group in enumerate(rule):
                    key = f"{definition.key}|{rule_index}|{group_index}"
                    self.matcher.add(key, docs(group))
                    match_id = self.nlp.vocab.strings[key]
                    self.match_keys[match_id] = (definition.key, rule_index, group_index)
            if definition.not_within:
                self.exclusions.add(definition.key, docs(definition.not_within))

    @classmethod
    def from_knowledge(cls, knowledge: Knowledge) -> RedFlagDetector:
        return cls(
            knowledge.flags,
            suspects=knowledge.suspects,
            told_apart=knowledge.told_apart,
            all_clear=knowledge.all_clear,
            beside_a_cause=knowledge.beside_a_cause,
        )

    def detect(self, text: str) -> list[Finding]:
        """All mentions, one Finding per flag and sentence, the present ones first."""
        doc = _keep_own_lemmas(self.nlp(language.normalise(text)))
        excluded: dict[str, list[tuple[int, int]]] = {}
        for match_id, start, end in self.exclusions(doc):
            excluded.setdefault(self.nlp.vocab.strings[match_id], []).append((start, end))
        # (group, start, end) of each match, by rule and place: spans are made only for the
        # few rules whose every group is told
        hits: dict[tuple[str, int, int], list[tuple[int, int, int]]] = {}
        clauses: list[int] = []
        sentence_starts: list[int] = []
        # A rule's whole cue told inside one of its look-alikes ("killing myself at the gym"):
        # the alarming words have been read and judged, which the review sees and which keeps
        # the intent classifier's red-flag reading of the same words from being asked about.
        looked_alike: dict[tuple[str, int], Finding] = {}
        for match_id, start, end in self.matcher(doc):
            rule_set, rule, group = self.match_keys[match_id]
            if any(a <= start and end <= b for a, b in excluded.get(rule_set, [])):
                definition = self.rule_sets[rule_set]
                if len(definition.rules[rule]) == 1 and definition.layer not in DENYING_LAYERS:
                    span = doc[start:end]
                    looked_alike.setdefault(
                        (definition.slug, span.sent.start),
                        _look_alike(definition, rule, span),
                    )
                continue
            scope = self.rule_sets[rule_set].scope
            if scope == "clause" and not clauses:
                clauses = _clause_numbers(doc)
            if scope == "clause" and clauses[start] != clauses[end - 1]:
                continue
            # Groups found within the same `where` may combine into one finding.
            if scope == "sentence":
                if not sentence_starts:
                    sentence_starts = _sentence_starts(doc)
                where = sentence_starts[start]
            elif scope == "clause":
                where = clauses[start]
            else:
                where = 0
            hits.setdefault((rule_set, rule, where), []).append((group, start, end))

        findings: dict[tuple[str, int], Finding] = {}
        # An all-clear counts though a stronger reading of its flag's sentence is kept: "I have
        # osteoporosis, no new pain" keeps the unclear mention, and the all-clear settles it.
        cleared: set[str] = set()
        # Where an all-clear closes its flag's story: nothing new, again or now told after it.
        closed_at: dict[str, int] = {}
        for (rule_set, rule_index, sent_start), matches in hits.items():
            definition = self.rule_sets[rule_set]
            finding = self._judge(doc, definition, rule_index, matches)
            if finding is None:
                continue
            # An all-clear asked about is a doubt, not a clearing: "surely it wasn't the cancer,
            # because my bone scan was clear?"
            if (
                definition.layer in DENYING_LAYERS
                and finding.status == "negated"
                and not _is_a_question(finding.sentence)
            ):
                cleared.add(finding.slug)
                if definition.layer == ALL_CLEAR_LAYER and _nothing_new_after(
                    _text(doc)[finding.end :]
                ):
                    closed_at[finding.slug] = max(closed_at.get(finding.slug, -1), finding.start)
            key = (definition.slug, sent_start)
            if key not in findings or _rank(finding) > _rank(findings[key]):
                findings[key] = finding
        for key, look_alike in looked_alike.items():
            findings.setdefault(key, look_alike)
        told = _told_after_a_death(doc, _beside_its_diagnosis(doc, list(findings.values())))
        judged = self._nearly_beside_an_alarm(
            self.beside_a_cause.settle(_settle(told, cleared, closed_at, _text(doc)))
        )
        return sorted(judged, key=lambda f: (-_rank(f), f.start))

    def _nearly_beside_an_alarm(self, findings: list[Finding]) -> list[Finding]:
        """A sign told as nearly had is present beside another alarm told as present: "a
        fever of 40, and when I stood up I thought I'd pass out" is not a question."""
        if not any(f.is_present and f.urgency in ALARM_LEVELS for f in findings):
            return findings
        return [
            replace(f, status="present", check_question=None)
            if f.status == "unclear"
            and f.layer == RULE_LAYER
            and f.check_question is not None
            and f.check_question == self.definitions[f.slug].nearly_question
            else f
            for f in findings
        ]

    def _judge(
        self,
        doc: Doc,
        definition: FlagDefinition,
        rule_index: int,
        matches: list[tuple[int, int, int]],
    ) -> Finding | None:
        groups = len(definition.rules[rule_index])
        # Every group must be told before any mention is weighed: most rules matched in part
        # stop here, and weighing negation is most of the detector's time.
        if len({group for group, _, _ in matches}) < groups:
            return None
        by_group: list[list[Span]] = [[] for _ in range(groups)]
        for group, start, end in matches:
            by_group[group].append(doc[start:end])
        chosen: list[Span] = []
        negated = False
        own = frozenset(i for _, start, end in matches for i in range(start, end))
        for candidates in by_group:
            open_mentions = [s for s in candidates if not _is_negated(doc, s, own)]
            chosen.append((open_mentions or candidates)[0])
            negated = negated or not open_mentions
        first = min(chosen, key=lambda span: span.start)
        sentence = first.sent
        # its text, joined from its tokens once (spaCy joins them at every read)
        told_in = sentence.text
        sentences = list(dict.fromkeys(span.sent for span in chosen))
        sentence_text = " ".join(s.text for s in sentences)
        first_mention = first.start_char - sentence.start_char
        last_mention = max(span.start_char for span in chosen) - sentence.start_char
        long_ago = not definition.counts_when_past and _is_long_ago(sentence_text)
        # An emergency sign that came and went days ago still needs a clinician today ("wet
        # myself a bit yesterday but it's gone now"): only its own clause can end it. Other
        # signs, and any sign told as long past, may be ended by a closing "now" ("he's fine
        # now") or by the clause after that points back at it ("that's all cleared up").
        reach_on = long_ago or urgency_rank(definition.urgency) < urgency_rank(MOST_URGENT)
        over = (
            not definition.counts_when_past
            and (
                _is_over(_clause_around(doc, chosen, closing_now=reach_on))
                or (reach_on and _said_over_after(doc, chosen))
                or (reach_on and _limb_normal_again(doc, chosen, sentence_text))
            )
            and not _came_back_after(doc, chosen)
            and not language.FEELING_NOT_BACK.search(sentence_text)
        )
        # "think it went away?": an end the person is unsure of is asked about, not taken
        hedged_end = over and bool(
            language.HEDGED_END.search(_clause_around(doc, chosen, closing_now=reach_on))
        )
        not_new = definition.must_be_new and _is_long_standing(sentence_text)
        years_back = definition.event and (
            (
                bool(language.YEARS_AGO.search(_clause_around(doc, chosen)))
                and not language.STILL_HAPPENING.search(sentence_text)
                and not language.RECENT.search(sentence_text)
            )
            or _in_a_story_dated_long_ago(doc, first)
        )
        # An injury told, then its repair: "she broke her hip. She had surgery to repair it and
        # now we are faced with next steps" asks about afterwards, not about today's fall.
        told_after = _text(doc)[max(span.end_char for span in chosen) :]
        treated = (
            definition.event
            and bool(
                language.TREATED.search(told_after)
                or language.TREATED_BEFORE.search(told_in[:first_mention])
                or language.TIME_SINCE_EVENT.search(_text(doc)[first.sent.end_char :])
                or (
                    (
                        language.INJURY_CARED_FOR_SINCE.search(_text(doc)[first.sent.start_char :])
                        or language.WEEKS_SINCE_INJURY.search(sentence_text)
                    )
                    and not language.RECENT.search(sentence_text)
                )
            )
            and not language.STILL_UNABLE.search(told_after)
        )
        subject = (
            "other"
            if language.OTHER_PERSON.search(sentence_text)
            and not language.FELLOW_SUFFERER.search(sentence_text)
            and not language.WRITERS_OWN_BEFORE.search(told_in[:last_mention])
            else "self"
        )
        # The person's own condition, told by its name with a clinician's visit or diagnosis
        # beside it: seen to. Settled, not over: the pattern told elsewhere in the message is
        # not ended by it ("my GP said mechanical... my brother has AS" keeps the stiffness).
        named_as_diagnosed = any(span.text in definition.diagnosed_as for span in chosen)
        diagnosed = (
            subject == "self" and named_as_diagnosed and _named_by_a_clinician(doc, first.sent)
        )
        long_ago_other = language.tells_distant_past(sentence_text)
        check_question = definition.check_question
        # An all-clear said not to hold ("im not peeing normally", "i cant walk normally since
        # this morning") clears nothing: whether the sign is there is asked.
        # (A "no" before it is a list of signs denied: "no numbness, no pee problems, legs fine".)
        all_clear_undone = definition.layer == ALL_CLEAR_LAYER and bool(
            language.UNDONE_JUST_BEFORE.search(told_in[:first_mention])
        )
        # A sign told as the writer's own now, whatever was asked, advised or supposed before
        # it: "go to a&e if you get numb down there, and now i am numb down there".
        owned_now = bool(language.NOW_HAS_THE_SIGN.search(told_in[first_mention:]))
        if all_clear_undone:
            status = "unclear"
        elif (
            negated
            or definition.layer in DENYING_LAYERS
            or (definition.needs_pain and language.says_pain_free(_text(doc)))
        ):
            status = "negated"
        elif definition.layer == SUSPECT_LAYER and language.SUSPECTED_NOW.search(
            told_in[:first_mention]
        ):
            # "I was worried it could be a kidney infection": whether its signs are there now
            # is asked, as for the condition named outright.
            status = "unclear"
        elif (
            not owned_now
            and (
                _asks_about_signs(told_in, first_mention, last_mention)
                or (
                    language.IN_GENERAL_AFTER.match(told_in[last_mention:])
                    and not language.OWNED_BEFORE.search(told_in[:first_mention])
                )
                or (
                    language.HEARSAY_BEFORE.search(told_in[:first_mention])
                    and language.MEANING_AFTER.match(told_in[first_mention:])
                    and not language.SAYS_THEY_HAVE_IT.search(told_in[first_mention:])
                )
                or (
                    (
                        language.READ_ONLINE_CAN_BE.search(told_in[:first_mention])
                        # a condition read about, named by a rule; named only, it is asked about
                        or (
                            definition.layer != SUSPECT_LAYER
                            and language.READ_ABOUT.search(told_in[:first_mention])
                        )
                    )
                    and not language.OWN_HISTORY_AFTER.search(told_in[first_mention:])
                )
                or (
                    definition.layer != SUSPECT_LAYER
                    and language.GOOGLE_NAMES_IT.search(told_in[:first_mention])
                )
                or _is_hypothetical(doc, chosen)
                or language.STRANGERS_TOLD.search(told_in[:first_mention])
                or language.GUESS_OPENS.match(told_in[:first_mention])
                or language.OTHERS_GUESS.search(told_in[:first_mention])
                or (
                    definition.event
                    and language.CAUSE_GUESSED.match(told_in[:first_mention])
                    and not language.RECENT.search(told_in)
                )
                or language.POSSIBILITIES_BEFORE.search(told_in[:first_mention])
                or language.GUESS_ENDS.match(told_in[last_mention:])
                or (
                    definition.statements_only
                    and _asked_in_its_clause(told_in, last_mention)
                    and not language.RELEVANCE_ASKED.search(told_in[:first_mention])
                )
                or (definition.counts_when_past and _feared(told_in, first_mention, last_mention))
            )
        ):
            status = (
                "unclear"
                if check_question and language.ASKS_ITS_CAUSE.match(told_in)
                else "question"
            )
        elif _denied_after(doc, chosen):
            status = "negated"
        elif diagnosed or (definition.needs_pain and language.says_pain_long_standing(_text(doc))):
            status = "settled"
        elif _told_with_an_everyday_cause(doc, definition, chosen):
            # "I leak a bit of wee when I sneeze": stress incontinence, not the bladder sign
            status = "explained"
        elif (
            definition.layer == SUSPECT_LAYER
            and definition.urgency == MOST_URGENT
            and not definition.event
            and over
            and subject == "self"
            and language.RECENT.search(_text(doc)[sentence.end_char :])
        ):
            # An emergency condition told as recovered from, then new back pain told after it
            # ("cauda equina in 2019, recovered well. this week my back's been achy"): whether
            # its signs are back is asked. Not a relative's recovery ("my dad had cauda equina...
            # he's mostly fine now"), whatever the writer's own back does since. An injury is
            # an event, not a condition whose signs come back ("broke my back off a horse at
            # 16, fully healed. today my back is sore after gardening").
            status = "unclear"
        elif hedged_end:
            status = "unclear"
        elif over or not_new or years_back or treated or _passes_on_moving(doc, chosen):
            status = "past"
        elif subject == "other" and language.DIED_OF.search(told_in[:first_mention]):
            # Someone else's sign told as what they died of ("my wife passed away from
            # myeloma"): a story that has ended, with no one to send for help. Only that form:
            # a bereaved writer's own signs in the same sentence are still read.
            status = "past"
        elif (
            subject == "other"
            and definition.counts_when_past
            and language.OTHER_HAS_NO_PAIN.search(_text(doc))
        ):
            # A relative's history, with the relative told free of pain: nothing to act on.
            status = "family"
        elif (
            subject == "other"
            and (
                definition.counts_when_past
                or definition.layer == SUSPECT_LAYER
                # another's sign told as their past: "my mate had cauda equina last year, he
                # couldnt feel his bum... mines nothing like that tho"
                or long_ago_other
            )
            and language.WRITER_NOT_CONCERNED.search(_text(doc))
        ):
            # Someone else's history asked about for them, the writer telling themselves apart
            # and well ("question for my mum, not me: she has osteoporosis... I'm 30 and
            # fine"): nothing to ask the writer.
            status = "family"
        elif (
            subject == "other"
            and language.SEEN_AT_WORK.search(told_in[:first_mention])
            and language.WRITER_NOT_CONCERNED.search(_text(doc))
        ):
            # A patient the writer saw at work, the writer telling themselves apart ("last shift
            # I attended a man with urinary retention... I have none of his symptoms"): in care
            # already, and nothing to ask the writer.
            status = "family"
        elif (
            subject == "other"
            and (
                definition.counts_when_past
                or long_ago_other
                # the writer turning to their own back, apart from the other's risk: "my
                # husband's been on steroids for years... me, I just get a stiff back"
                or (
                    definition.urgency != MOST_URGENT
                    and bool(language.TURNS_TO_OWN_BACK.search(_text(doc)))
                )
                # the treatment a relative is on, the writer in pain from caring for them
                or (
                    definition.urgency != MOST_URGENT
                    and bool(language.RELATIVE_ON_TREATMENT.search(_text(doc)))
                )
            )
            and _is_family_history(_text(doc))
        ):
            # A relative's history, or someone else's sign long ago, told by a writer in pain
            # themselves: "my uncle had cauda equina years back... I just have an achy back".
            status = "family"
        elif (
            subject == "other"
            and (
                definition.urgency != MOST_URGENT
                or language.OTHERS_TREATMENT.search(_text(doc))
                # their injury dated long gone: "my nan broke her hip last year... so now im
                # paranoid"
                or (definition.event and long_ago_other)
            )
            and language.FEARS_IT_TOO.search(_text(doc))
            and not language.OTHER_IN_PAIN.search(_text(doc))
        ):
            # A relative's diagnosis feared by the writer for themselves, with nothing told of
            # the relative's pain: the writer's worry. An emergency of theirs only once its
            # operation is told: until then they may need help now.
            status = "family"
        elif (
            subject == "other"
            and check_question
            and definition.urgency not in ALARM_LEVELS
            and named_as_diagnosed
            and (
                language.WRITERS_OWN_PAIN.search(_text(doc))
                or language.WRITER_IN_PAIN.search(_text(doc))
            )
        ):
            # A relative's diagnosis, told by a writer with a back of their own ("my cousin has
            # ankylosing spondylitis and I'm worried I've got it... my lower back aches"): a
            # risk, not the pattern. Whether the writer has the pattern is asked.
            status = "unclear"
        elif (
            subject == "other"
            and definition.counts_when_past
            and definition.check_question
            and not language.PAIN_WORDS.search(_text(doc))
            and not language.HOW_THEY_ARE_NOW.search(_text(doc))
        ):
            # A relative's history with nothing told of how anyone is now ("my dad had
            # cancer"): whether it bears on a back pain now is asked, not alarmed.
            status = "unclear"
        elif (
            definition.urgency != MOST_URGENT
            and language.CARRIED_CHILD.search(sentence_text)
            and not language.SELF_UNWELL.search(sentence_text)
            and not language.OTHER_IN_PAIN.search(sentence_text)
        ):
            # the child's illness, the carrying parent's back
            status = "family"
        elif language.NOT_A_PERSON.search(sentence_text) or language.NOT_A_PERSON_BEFORE.search(
            told_in[:first_mention]
        ):
            status = "not_a_person"
        elif definition.layer == SUSPECT_LAYER and subject == "other" and long_ago_other:
            # A condition named of someone else, told as their past ("my friend had cauda
            # equina last year"): their history, not a sign to ask the writer about.
            status = "family"
        elif definition.layer == SUSPECT_LAYER or long_ago:
            status = "unclear"
        elif definition.after_operation_question and _told_with_its_operation(doc, sentence_text):
            status = "unclear"
            check_question = definition.after_operation_question
        elif definition.taken_by_question and _taken_by(definition, chosen, sentence_text):
            status = "unclear"
            check_question = definition.taken_by_question
        elif definition.nearly_question and groups == 1 and _only_nearly(definition, first, doc):
            status = "unclear"
            check_question = definition.nearly_question
        else:
            status = "present"
        return Finding(
            slug=definition.slug,
            urgency=definition.urgency,
            referral=definition.referral,
            status=status,
            subject=subject,
            sentence=sentence_text,
            terms=tuple(span.text for span in chosen),
            start=min(span.start_char for span in chosen),
            end=max(span.end_char for span in chosen),
            layer=definition.layer,
            rule=rule_index,
            check_question=check_question,
            covers=definition.covers,
        )


def _look_alike(definition: FlagDefinition, rule_index: int, span: Span) -> Finding:
    return Finding(
        slug=definition.slug,
        urgency=definition.urgency,
        referral=definition.referral,
        status=LOOK_ALIKE,
        subject="self",
        sentence=span.sent.text,
        terms=(span.text,),
        start=span.start_char,
        end=span.end_char,
        layer=definition.layer,
        rule=rule_index,
    )


def _rank(finding: Finding) -> int:
    """Present beats unclear beats everything else, for one flag in one sentence."""
    return 2 if finding.is_present else 1 if finding.status == "unclear" else 0


def _sentence_starts(doc: Doc) -> list[int]:
    """Each token's sentence, by the index of its first token: `Span.sent` searches for it anew
    at every read."""
    return [sentence.start for sentence in doc.sents for _ in range(len(sentence))]


def _clause_numbers(doc: Doc) -> list[int]:
    """Each token's clause, counted from 0, for rules scoped to one clause."""
    numbers: list[int] = []
    clause = 0
    for token in doc:
        previous = doc[token.i - 1] if token.i else None
        if previous is not None and (
            token.is_sent_start
            or previous.lower_ in language.SCOPE_CLAUSE_BREAKS
            or (previous.text == "," and token.lower_ in language.CONJUNCTIONS_AFTER_COMMA)
        ):
            clause += 1
        numbers.append(clause)
    return numbers


def _clause_around(doc: Doc, mentions: list[Span], closing_now: bool = False) -> str:
    """The mentions' clause: from the last clause break before them to the first one after.

    "Much better, but I can't feel anything when I wipe": "much better" is over, the numbness
    in the clause after "but" is not.
    """
    # Told across sentences ("my mother is 84... Last week she lost her balance"), the clause
    # of the last telling decides: a sentence in between belongs to neither.
    sentence = max(mentions, key=lambda span: span.end).sent
    mentions = [span for span in mentions if span.sent == sentence]
    first = min(span.start for span in mentions)
    last = max(span.end for span in mentions)
    start = first
    while start > sentence.start and doc[start - 1].lower_ not in language.CLAUSE_BREAKS:
        start -= 1
    end = _clause_break_from(doc, last, sentence)
    # With `closing_now`, a "now" closing the clause belongs to it: "he's fine now".
    if closing_now and end < sentence.end and doc[end].lower_ == "now":
        end += 1
    return doc[start:end].text


def _told_with_an_everyday_cause(doc: Doc, definition: FlagDefinition, chosen: list[Span]) -> bool:
    """The mentions' clause names an everyday cause of the sign ("I leak a bit of wee when I
    sneeze"). The clause is found once: found per cause it was a sixth of the detector's time.
    A cause that nearly happened is none: "went all clammy and nearly hit the deck" tells the
    faint itself."""
    if not definition.everyday_cause:
        return False
    clause = _clause_around(doc, chosen)
    return any(
        cause in clause and not language.NEARLY_BEFORE.search(clause[: clause.index(cause)])
        for cause in definition.everyday_cause
    )


def _came_back_after(doc: Doc, mentions: list[Span]) -> bool:
    """The rest of the sentence, or the next one, says the sign came back after it had gone:
    "it went away but it came back this week", "...went away. Now it has started again"."""
    last = max(mentions, key=lambda span: span.end)
    rest = doc[last.end : last.sent.end].text
    if last.sent.end < len(doc):
        rest += " " + _next_sentence(doc, last.sent).text
    return bool(language.CAME_BACK.search(rest))


def _said_over_after(doc: Doc, mentions: list[Span]) -> bool:
    """The clause, or else the sentence, right after the mentions' clause points back at them
    ("it", "that", "which") and says they are over.

    "A temperature of 39 and shivering, but that's all cleared up now" and "both legs had gone
    dead and tingly. It went off within a minute" say the sign is over; "both legs went numb.
    My back went off to the left" does not point back, and "it's gone numb" is no end.
    """
    last = max(mentions, key=lambda span: span.end)
    sentence = last.sent
    # The rest of the sentence after the break, up to the next break; at the sentence's end,
    # the next sentence.
    start = _clause_break_from(doc, last.end, sentence) + 1
    if start < sentence.end:
        following = doc[start : _clause_break_from(doc, start, sentence)].text
        # the treatment finished, then the end: "...but finished the antibiotics and its all
        # cleared up"
        following = language.COURSE_DONE.sub("", following, count=1)
    elif sentence.end < len(doc):
        # the next sentence's first clause: "That's all over now, temp has been normal since
        # Saturday, back at work today" ends the fever; its later clauses tell of other things
        following = _next_sentence(doc, sentence).text.split(",")[0]
    else:
        following = ""
    return bool(language.POINTS_BACK.match(following)) and _is_over(following, pointing_back=True)


def _limb_normal_again(doc: Doc, mentions: list[Span], sentence: str) -> bool:
    """The limb the sign was told in is said normal again later in the message ("I couldn't
    feel my hand touching my leg... 8 hours later, my leg is back to normal")."""
    after = _text(doc)[max(span.end_char for span in mentions) :]
    return any(
        re.search(
            language.LIMB_PARTS.get(told["limb"].rstrip("s"), rf"\b{told['limb']}\b"), sentence
        )
        for told in language.LIMB_NORMAL_AGAIN.finditer(after)
    )


def _clause_break_from(doc: Doc, index: int, sentence: Span) -> int:
    """The index of the first clause break at or after `index` in `sentence`, or its end."""
    while index < sentence.end and doc[index].lower_ not in language.CLAUSE_BREAKS:
        index += 1
    return index


def _is_negated(doc: Doc, span: Span, own: frozenset[int] = frozenset()) -> bool:
    """A negation cue shortly before the mention, in the same clause, denies it. A cue inside
    the rule's own words (`own`: "haven't been for a wee since last night") denies nothing."""
    sentence_start = span.sent.start
    # ticked off after the sign, as answers are typed: "fever no", "fever nah. weight loss i
    # WISH"; not "bladder no control"
    if language.DENIED_AFTER.match(_text(doc)[span.end_char : span.end_char + 24]):
        return True
    if language.LISTED_THEN_DENIED.match(_text(doc)[span.end_char : span.end_char + 100]):
        return True
    if language.DENIED_AT_LINE_END.match(_text(doc)[span.end_char : span.end_char + 100]):
        return True
    if span.text in language.FUNCTION_WORDS and language.TOLD_NORMAL_AFTER.match(
        _text(doc)[span.end_char : span.end_char + 40]
    ):
        return True
    in_list = _in_or_list(doc, span)
    # A mention that carries its own negation ("don't want to be here") is a clause of its own
    # from its subject on: "i dont care anymore i dont want to be here" denies nothing.
    own_negation = doc[span.start].lower_ in language.NEGATION_CUES
    window = language.NEGATION_WINDOW + (language.LIST_REACH if in_list else 0)
    lowest = max(sentence_start, span.start - window)
    index = span.start
    while index > lowest:
        index -= 1
        word = doc[index].lower_
        if word in language.SCOPE_BREAKS and not (in_list and word == ","):
            return False
        # each earlier item of the list brings its opening negation one item nearer
        if in_list and word == ",":
            lowest = max(sentence_start, min(lowest, index - language.LIST_REACH))
        # a list item is a noun, not a new clause: "I don't have back pain, I have numbness"
        if (in_list or own_negation) and word in language.SUBJECTS:
            return False
        if word in language.NEGATION_CUES and index not in own:
            # a "no" said as an answer, its subject right after it, denies nothing that follows:
            # "no i literally cant put any weight on it"
            if word == language.ANSWERING_NO and _answers(doc, index + 1):
                continue
            if word == language.NEGATED_WITHOUT and _negated_before(doc, index, sentence_start):
                return False
            if language.CLEFT_NEGATION.match(doc[index : span.end + 2].text):
                return False
            before = doc[max(sentence_start, index - 1) : index + 3].text
            return not any(pseudo in before for pseudo in language.PSEUDO_NEGATIONS)
    return False


def _answers(doc: Doc, index: int) -> bool:
    """A "no" that answers: its subject right after it, or after a word for the one asked
    ("no mate i cant put any weight on it")."""
    if doc[index].lower_ in language.ADDRESS_WORDS and index + 1 < len(doc):
        index += 1
    return doc[index].lower_ in language.SUBJECTS


def _in_or_list(doc: Doc, span: Span) -> bool:
    """The mention is an item of a list that ends in "or", whose items a negation before the
    first denies: "no redness, drainage or fever", "no pain, numbness or weakness" (an "and"
    list is no denial: "no pain, and numb legs")."""
    # the last item, its "or" a word or two before it: "or the dreaded leukemia", "or even a"
    for index in range(span.start - 1, max(span.sent.start, span.start - LIST_END_BEFORE) - 1, -1):
        word = doc[index].lower_
        if word in language.LIST_ENDS:
            return True
        if word in language.SCOPE_BREAKS:
            break
    # each comma opens one more item, so a long list reaches its "or" however far: "neither of
    # us has numbness, bladder or bowel problems, fever, weakness, weight loss or any falls"
    reach = span.end + language.LIST_REACH
    sentence_end = span.sent.end  # (a span's sentence is found anew at every read)
    index = span.end
    while index < min(sentence_end, reach):
        word = doc[index].lower_
        if word in language.LIST_ENDS:
            return True
        if word in language.SCOPE_BREAKS and word != ",":
            return False
        if word == ",":
            reach = index + 1 + language.LIST_REACH
        index += 1
    return False


def _in_a_story_dated_long_ago(doc: Doc, first: Span) -> bool:
    """An event told inside a story dated long ago before it ("About five years ago my dad fell
    off a ladder... he fell backwards"), with no nearer time and nothing told as now between the
    date and the end of the event's sentence."""
    dates = list(language.STORY_LONG_AGO.finditer(_text(doc)[: first.start_char]))
    if not dates:
        return False
    since = _text(doc)[dates[-1].end() : first.sent.end_char]
    return not (
        language.RECENT.search(since)
        or language.STILL_HAPPENING.search(since)
        or language.NOW_TOLD.search(first.sent.text)
    )


def _negated_before(doc: Doc, index: int, sentence_start: int) -> bool:
    """A negation earlier in the clause of the word at `index`: "can't jump or run without"."""
    for before in range(
        index - 1, max(sentence_start, index - language.NEGATED_WITHOUT_WINDOW) - 1, -1
    ):
        word = doc[before].lower_
        if word in language.SCOPE_BREAKS - {"and"}:
            return False
        if word in language.DOUBLE_NEGATION_CUES:
            return True
    return False


def _feared(sentence: str, first_mention: int, last_mention: int) -> bool:
    """A history feared, not had ("scared its cancer", "I suspected everything from a pulled
    muscle to cancer"): only for a flag that is a history, since "I think it's sciatica in both
    legs" tells a sign the person has."""
    return bool(language.FEARED_CONDITION.search(sentence[:first_mention])) and not (
        language.FEARED_RETURN.match(sentence[last_mention:])
    )


def _asks_about_signs(sentence: str, first_mention: int, last_mention: int) -> bool:
    """A question about the signs, not a report of them.

    "What are the warning signs of numbness down there?" has a cue before the symptom; "is
    losing control of your bowels a warning sign?" and "what does foot drop mean?" are
    questions with a cue, or with nobody who has the symptom. "Is it bad that I can't pee?"
    stays a report, and so does "I was showing symptoms of cauda equina": words that name the
    signs as a topic only make a question of a sentence that asks one.
    """
    cues = language.QUESTION_CUES
    if language.ASKS.search(sentence):
        cues = cues + language.TOPIC_CUES
        if language.ASKS_IF_IT_IS.search(sentence[:first_mention]):
            return True
    framed_from = max(
        (m.start() for m in language.REASON_TOLD.finditer(sentence[:first_mention])), default=0
    )
    if any(cue in sentence[framed_from:first_mention] for cue in cues):
        return True
    if language.WHAT_IT_IS_BEFORE.search(sentence[:first_mention]) and (
        language.WHAT_IT_IS_AFTER.match(sentence[first_mention:])
    ):
        return True
    if language.REPORTED_QUESTION.search(sentence[:first_mention]):
        return not language.ANSWERED_YES.search(sentence[last_mention:])
    # Advice to watch for a sign, before the last of the rule's words: "told me to look out
    # for cauda equina" is no report, though "told me" comes first.
    if any(cue in sentence[framed_from:last_mention] for cue in language.ADVICE_CUES):
        return True
    if language.SAID_TO_MEAN.search(sentence[framed_from:first_mention]) and not (
        language.CLINICIAN_NAMED.search(sentence[:first_mention])
    ):
        return True
    if not language.INTERROGATIVE_START.match(sentence) or language.WHAT_WAS_TOLD.match(sentence):
        return False
    has_cue = any(cue in sentence for cue in cues)
    return has_cue or not language.SOMEONE_HAS_IT.search(sentence)


def _named_by_a_clinician(doc: Doc, sentence: Span) -> bool:
    """A visit or a diagnosis told in the mention's sentence or the one on either side: "a
    quick trip to my provider confirmed what I suspected. I had shingles." Not when the
    message goes on to tell it coming back or coming on since ("but now there's a rash", "is
    it the kidney thing coming back?")."""
    before = doc[sentence.start - 1].sent.text if sentence.start > 0 else ""
    after = _next_sentence(doc, sentence).text if sentence.end < len(doc) else ""
    around = " ".join((before, sentence.text, after))
    since = _text(doc)[sentence.start_char :]
    return bool(
        language.NAMED_BY_A_CLINICIAN.search(around)
        or language.CLINICIAN_SAID.search(around)
        or language.CHECK_TOLD.search(around)
    ) and not (language.SINCE_SEEN.search(since) or language.CAME_BACK.search(since))


def _asked_in_its_clause(sentence: str, last_mention: int) -> bool:
    """The clause with the sign ends in a question mark: "so it's my hips not my back??", but
    not "hip pain on its own, no back problems, will the hinge help?"."""
    rest = sentence[last_mention:]
    return "?" in rest and not any(mark in rest[: rest.index("?")] for mark in ",;.")


def _nothing_new_after(rest: str) -> bool:
    """Nothing told as new, back again or now after this point ("MRI clear, consultant says
    mechanical" closes; "scan was clear in 2020, now I have new pain" does not). The all-clear's
    own time is part of it: "walking normally again tonight"."""
    rest = language.ALL_CLEAR_TIME.sub("", rest, count=1)
    return not (
        language.STILL_HAPPENING.search(rest)
        or language.NEWLY.search(rest)
        or language.CAME_BACK.search(rest)
    )


def _beside_its_diagnosis(doc: Doc, findings: list[Finding]) -> list[Finding]:
    """A condition a clinician named (`diagnosed_as`) is the sign told beside it: in other words
    in the diagnosis's sentence or the one on either side ("GP confirmed shingles last week and
    gave me antivirals. Rash wraps round from my spine"), then in the same words anywhere in the
    message ("the doctor said classic shingles... shingles is pretty uncomfortable"). Told in
    other words elsewhere ("...and now blisters on my chest") it is not, nor is an emergency
    sign, which only its own clause can end."""
    starts = [sentence.start_char for sentence in doc.sents]

    def sentence_of(finding: Finding) -> int:
        return bisect_right(starts, finding.start) - 1

    def seen_to(found: list[Finding], diagnosed: Callable[[Finding], bool]) -> list[Finding]:
        return [
            replace(f, status="settled")
            if f.is_present and f.urgency != MOST_URGENT and diagnosed(f)
            else f
            for f in found
        ]

    near = {
        (f.slug, sentence_of(f) + step)
        for f in findings
        if f.status == "settled"
        for step in (-1, 0, 1)
    }
    findings = seen_to(findings, lambda f: (f.slug, sentence_of(f)) in near)
    names: dict[str, set[str]] = {}
    for f in findings:
        if f.status == "settled":
            names.setdefault(f.slug, set()).update(f.terms)
    return seen_to(findings, lambda f: set(f.terms) <= names.get(f.slug, set()))


def _settle(
    findings: list[Finding], cleared: set[str], closed_at: dict[str, int], text: str
) -> list[Finding]:
    """What the rest of the message says about a sign decides it.

    - An unclear mention of a sign the message denies elsewhere is settled: "my mum broke her
      hip at 80... I'm not on steroids and have never been told I've got thin bones". So is a
      condition named, even as a worry, when two of the signs its question covers are denied
      ("reading about cauda equina... I can pee normally, bowels normal, I can feel the toilet
      paper"), unless a clinician named it ("the GP suspects cauda equina"). `cleared` are the
      flags an all-clear statement denies anywhere, in the sentence of a kept mention too.
      Neither is a mention told after every denial and set against them ("no numbness, peeing
      normal, legs fine. but is it bad that my bum feels numb?"): that is the one kept.
    - A sign that is not an emergency is settled by an all-clear told after every mention of
      it, with nothing new, again or now after it (`closed_at`: where each such all-clear is).
    - So is a question about a sign said to be over: "a UTI, antibiotics sorted it... is that
      left over from the infection?" (a new fall after an old one told as over is not).
    - A sign told in the past tense and said later to be over is over, unless told again after
      ("at its worst I had numbness... by June the numbness had gone completely"). Not an
      emergency sign: one that came and went recently still needs a clinician today.
    """
    denied = {f.slug for f in findings if f.status == "negated"} | cleared
    last_denial = max((f.end for f in findings if f.status == "negated"), default=len(text))

    def kept_against_the_denials(f: Finding) -> bool:
        # told of the writer's own body: "but could it be cauda equina?" is a worry the
        # denials answer
        between = text[last_denial : f.start]
        return (
            f.status == "unclear"
            and f.start > last_denial
            # at most the next sentence: in a long story, a "but" many lines on sets nothing
            # against the denials
            and len(language.SENTENCE_END.findall(between)) <= 1
            and bool(language.KEEPS_THE_SIGN.search(between))
            and bool(language.OWN_BODY.search(text[last_denial : f.end]))
        )

    over_at = {f.slug: f.start for f in findings if f.status == "past"}
    # Where each present sign was last told: for one told across sentences, its last part
    # ("my mother is 84... an old collapse, fine since... last week she lost her balance").
    present_at = {}
    for f in findings:
        if f.is_present:
            present_at[f.slug] = max(present_at.get(f.slug, -1), f.end)

    def settled(f: Finding) -> str:
        kept = kept_against_the_denials(f)
        if (
            f.status == "unclear"
            and not kept
            and (f.slug in denied or (f.slug in over_at and _is_a_question(f.sentence)))
        ):
            return "settled"
        if (
            f.status in ("unclear", "present")
            and not kept
            and len(denied.intersection(f.covers)) >= 2
            and not language.CLINICIAN_SAID.search(f.sentence)
        ):
            return "settled"
        # A condition named without saying when, whose signs are told as over: "surgery for
        # cauda equina in 2020... the numbness went completely, bladder normal for years".
        if f.status == "unclear" and len(set(over_at).intersection(f.covers)) >= 2:
            return "settled"
        if (
            f.is_present
            and f.urgency != MOST_URGENT
            and over_at.get(f.slug, -1) > f.end
            and present_at[f.slug] < over_at[f.slug]
        ):
            return "past"
        # An all-clear told after every mention, with nothing new after it, closes a sign that
        # is not an emergency: "breast cancer in 2016... new back pain, MRI clear, consultant
        # says mechanical". (An emergency sign is ended only in its own clause.)
        if (
            f.is_present
            and f.urgency != MOST_URGENT
            and closed_at.get(f.slug, -1) > present_at[f.slug]
        ):
            return "settled"
        return f.status

    return [
        replace(f, status=status) if (status := settled(f)) != f.status else f for f in findings
    ]


def _is_a_question(sentence: str) -> bool:
    return "?" in sentence or bool(language.INTERROGATIVE_START.match(sentence))


def _rest_and_next_sentence(doc: Doc, mentions: list[Span]) -> str:
    """The text after the last mention to the end of the next sentence."""
    last = max(mentions, key=lambda span: span.end)
    stop = (
        _next_sentence(doc, last.sent).end_char if last.sent.end < len(doc) else last.sent.end_char
    )
    return _text(doc)[last.end_char : stop]


def _next_sentence(doc: Doc, sentence: Span) -> Span:
    """The sentence after `sentence` (which must not be the last)."""
    return next(iter(doc[sentence.end :].sents))


def _denied_after(doc: Doc, mentions: list[Span]) -> bool:
    """The signs just listed are denied as a whole: "...not being able to wee, weakness in the
    legs, and none of that has happened", or ticked off a checklist with a bare "No..." as the
    next sentence."""
    if language.DENIES_BACK.search(_rest_and_next_sentence(doc, mentions)):
        return True
    # Only a checklist's item, which tells nobody's story: "Weakness, numbness or difficulty
    # moving the leg or foot. No..." (a "No." after "the lymphoma I have been struggling with"
    # answers something else).
    sentence = max(mentions, key=lambda span: span.end).sent
    return (
        sentence.end < len(doc)
        and not language.PERSON_WORDS.search(sentence.text)
        and bool(language.BARE_NO.match(_next_sentence(doc, sentence).text))
    )


def _passes_on_moving(doc: Doc, mentions: list[Span]) -> bool:
    """Told, in its sentence or the next, as passing the moment the person moves: a position,
    not a lasting sign ("both feet go numb when I sit cross-legged, but it goes as soon as I
    get up"; "a numb bum by the end of the ride. Back to normal an hour after I got off").
    Also after a "but" that follows the first mention, where a time word may itself be a
    mention ("foot goes pins n needles when i sit... but it goes after like a min when i get
    up")."""
    rest = _rest_and_next_sentence(doc, mentions)
    first = min(mentions, key=lambda span: span.start)
    last = max(mentions, key=lambda span: span.end)
    from_first = _text(doc)[first.end_char : last.end_char + len(rest)]
    contrast = language.CONTRAST.search(from_first)
    return bool(language.PASSES_ON_MOVING.search(rest)) or bool(
        contrast and language.PASSES_ON_MOVING.search(from_first[contrast.end() :])
    )


def _taken_by(definition: FlagDefinition, chosen: list[Span], sentence: str) -> bool:
    """The sign told only as what a pain or a fall did to it: every matched term is one of the
    check's signs, and one of its causes is told in the same sentence."""
    return all(
        any(sign in span.text for sign in definition.taken_signs) for span in chosen
    ) and any(cue in sentence for cue in definition.taken_by)


def _only_nearly(definition: FlagDefinition, mention: Span, doc: Doc) -> bool:
    """The sign told as nearly had once: a `nearly` word in its words or in the few words
    before them in its sentence ("about keeled over", "thought I was gonna pass out"), nothing
    before it in its sentence saying it keeps nearly happening ("every time I stand"), and none
    of the signs that make it the flag's whole picture anywhere in the message."""
    before = doc[max(mention.sent.start, mention.start - NEARLY_WINDOW) : mention.start].text
    told = f" {before} {mention.text} "
    sentence_before = f" {doc[mention.sent.start : mention.start].text} "
    message = f" {_text(doc)} "
    return (
        any(f" {cue} " in told for cue in definition.nearly)
        and not any(f" {cue} " in sentence_before for cue in definition.nearly_again)
        and not any(f" {cue} " in message for cue in definition.nearly_unless)
    )


def _told_with_its_operation(doc: Doc, sentence: str) -> bool:
    """An operation told in the message, and nothing new, spreading or worse told after it or
    in the sign's own sentence, which is not dated to the last day or two either ("I had surgery
    last year... now I have foot drop"; not "since the op my foot drags and it's getting worse",
    nor "my foot drop is getting worse. I had surgery in 2019")."""
    operation = language.OPERATED.search(_text(doc))
    return (
        operation is not None
        and not language.WORSE_SINCE.search(_text(doc)[operation.start() :])
        and not language.WORSE_SINCE.search(sentence)
        and not language.RECENT.search(sentence)
    )


def _is_family_history(text: str) -> bool:
    """A relative's history told as the writer's family history, or as the worry of a writer
    who is in pain themselves while nothing is said of the relative's back."""
    return bool(language.FAMILY_HISTORY.search(text)) or bool(
        language.WRITER_IN_PAIN.search(text) and not language.OTHER_IN_PAIN.search(text)
    )


def _is_hypothetical(doc: Doc, mentions: list[Span]) -> bool:
    """A possibility, not a report: "you could develop it", "if I lose control of my bladder",
    "told not to fall and break my hip", "they were looking for kidney stones".

    The cue must come before the first of the rule's words: in "better off if I never woke
    up" the wish frames the whole sign, and the "if" inside it asks nothing.
    """
    span = min(mentions, key=lambda mention: mention.start)
    last = max(mentions, key=lambda mention: mention.start)
    text = _text(doc)
    in_sentence_before = text[span.sent.start_char : span.start_char]
    if language.RELEVANCE_ASKED.search(in_sentence_before):
        return False
    # parts told sentences apart, a later one framed as a possibility: "the hinge, I feel it in
    # my hamstrings. and if i ever did feel it in my lower back instead, what then?"
    if any(
        mention.sent.start != span.sent.start
        and not language.PAST_DAY.search(mention.sent.text)
        and _possibility_just_before(text, mention)
        for mention in mentions
    ):
        return True
    if (
        language.HYPOTHETICAL_OR.search(in_sentence_before)
        or language.WISHED.search(in_sentence_before)
        or language.WARNED_AGAINST.search(in_sentence_before)
        or language.TESTED_FOR.search(in_sentence_before)
    ):
        return True
    # a day gone by makes a possibility a real event ("what if i slipped on friday?")
    if not language.PAST_DAY.search(span.sent.text):
        reach = max(span.sent.start_char, last.start_char - language.HYPOTHETICAL_REACH)
        if (
            _possibility_just_before(text, span)
            or language.WHAT_IF.search(in_sentence_before)
            or language.MAY_DEVELOP.search(text[reach : last.start_char])
        ):
            return True
    return bool(language.FEARED.search(text[span.sent.start_char : last.start_char]))


def _possibility_just_before(text: str, mention: Span) -> bool:
    """A possibility framed just before the mention, in its sentence: "if I ever did feel"."""
    start = max(mention.sent.start_char, mention.start_char - language.HYPOTHETICAL_REACH)
    return bool(language.HYPOTHETICAL.search(text[start : mention.start_char]))


def _is_over(clause: str, pointing_back: bool = False) -> bool:
    """The clause says the sign has gone ("it went away", "had the operation and recovered").

    "It never fully went away" says the opposite. A clause `pointing_back` at a sign told
    before it also ends it with "it's gone", and "used to" there is no end (see language).
    """
    cues = language.RESOLVED_AFTER_CUES if pointing_back else language.RESOLVED_CUES
    said_over = (
        any(cue in clause for cue in cues)
        or bool(language.SYMPTOM_GONE.search(clause))
        or (pointing_back and bool(language.GONE_NOW.match(clause)))
    )
    return (
        said_over
        and not language.NOT_OVER.search(clause)
        and not language.STILL_HAPPENING.search(clause)
    )


def _told_after_a_death(doc: Doc, findings: list[Finding]) -> list[Finding]:
    """A story told of someone who has died, by a writer who tells no pain of their own: its
    signs are a life's history, not a call for help ("my dear old mum passed off this mortal
    coil... at the age of 89, another hip fracture"). A sign dated today or yesterday is still
    read, and so is any crisis, which is the writer's."""
    if not language.DEATH_TOLD.search(_text(doc)) or language.WRITERS_OWN_PAIN.search(_text(doc)):
        return findings
    return [
        replace(f, status="past", check_question=None)
        if f.is_present
        and f.referral not in CRISIS_REFERRALS
        and not language.RECENT.search(f.sentence)
        else f
        for f in findings
    ]


def _is_long_standing(sentence: str) -> bool:
    """Told as something the person has had for years, and nothing says it is new now."""
    return bool(language.LONG_STANDING.search(sentence)) and not (
        language.NEWLY.search(sentence) or language.STILL_HAPPENING.search(sentence)
    )


def _is_long_ago(sentence: str) -> bool:
    """Told as history from years back ("in 2003", "years ago"), not said to be over."""
    return language.tells_distant_past(sentence) and not (language.STILL_HAPPENING.search(sentence))


def most_urgent(findings: Iterable[Finding]) -> Finding | None:
    present = [f for f in findings if f.is_present]
    return max(present, key=lambda f: urgency_rank(f.urgency), default=None)


def check_to_ask(findings: Iterable[Finding]) -> Finding | None:
    """The unclear mention to ask about: the most urgent one, above every present finding.

    A condition only named or half-told is not asked about when the same message denies a
    sign its question asks about: "I read about cauda equina... no numbness anywhere, peeing
    normal" has given the question's no. A denied suspect cue ("not cauda equina I hope")
    judges none of the signs, and a sign told as history is still asked about.
    """
    findings = list(findings)
    top = most_urgent(findings)
    floor = urgency_rank(top.urgency) if top else -1
    answered = {
        f.check_question
        for f in findings
        if f.status == "negated" and f.check_question and f.layer != SUSPECT_LAYER
    }
    unclear = [
        f
        for f in findings
        if f.is_unclear
        and urgency_rank(f.urgency) > floor
        and not (f.layer == SUSPECT_LAYER and f.check_question in answered)
    ]
    return max(unclear, key=lambda f: urgency_rank(f.urgency), default=None)
