"""Find red flags in a message with spaCy's PhraseMatcher and decide each mention's status.

A flag fires when every term group of one of its `match` rules appears in one sentence (a term
inside one of the flag's `not_within` phrases does not count: "cancer screening"). Each
mention is then classed as present, negated ("no numbness"), a question about the signs, or
history that is over; only present mentions count. Every decision is kept as a Finding, so a
clinician can see why the detector said what it said.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import spacy
import yaml
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from bot_extensions.red_flags import language

URGENCY_ORDER = ["none", "see_clinician", "urgent", "emergency"]


@dataclass(frozen=True)
class FlagDefinition:
    slug: str
    urgency: str
    counts_when_past: bool
    referral: str
    rules: list[list[list[str]]]
    not_within: tuple[str, ...] = ()

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
        )


@dataclass(frozen=True)
class Finding:
    slug: str
    urgency: str
    referral: str
    status: str  # present | negated | question | past
    subject: str  # self | other
    sentence: str
    terms: tuple[str, ...]
    start: int
    end: int

    @property
    def is_present(self) -> bool:
        return self.status == "present"

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def load_definitions(path: Path) -> list[FlagDefinition]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [FlagDefinition.from_entry(entry) for entry in data["red_flags"]]


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


class RedFlagDetector:
    def __init__(self, definitions: Iterable[FlagDefinition], nlp: Language | None = None) -> None:
        self.definitions = {d.slug: d for d in definitions}
        self.nlp = nlp or build_language()
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="LEMMA")
        for definition in self.definitions.values():
            for rule_index, rule in enumerate(definition.rules):
                for group_index, group in enumerate(rule):
                    key = f"{definition.slug}|{rule_index}|{group_index}"
                    terms = [language.normalise(term) for term in group]
                    self.matcher.add(key, list(self.nlp.pipe(terms)))
        self.exclusions = PhraseMatcher(self.nlp.vocab, attr="LEMMA")
        for definition in self.definitions.values():
            if definition.not_within:
                phrases = [language.normalise(phrase) for phrase in definition.not_within]
                self.exclusions.add(definition.slug, list(self.nlp.pipe(phrases)))

    def detect(self, text: str) -> list[Finding]:
        """All mentions, one Finding per flag and sentence, the present ones first."""
        doc = self.nlp(language.normalise(text))
        excluded: dict[str, list[tuple[int, int]]] = {}
        for match_id, start, end in self.exclusions(doc):
            excluded.setdefault(self.nlp.vocab.strings[match_id], []).append((start, end))
        hits: dict[tuple[str, int, int], list[tuple[int, Span]]] = {}
        for match_id, start, end in self.matcher(doc):
            slug, rule, group = self.nlp.vocab.strings[match_id].split("|")
            if any(a <= start and end <= b for a, b in excluded.get(slug, [])):
                continue
            span = doc[start:end]
            hits.setdefault((slug, int(rule), span.sent.start), []).append((int(group), span))

        findings: dict[tuple[str, int], Finding] = {}
        for (slug, rule_index, sent_start), spans in hits.items():
            definition = self.definitions[slug]
            groups = len(definition.rules[rule_index])
            finding = self._judge(doc, definition, spans, groups)
            if finding is None:
                continue
            key = (slug, sent_start)
            if key not in findings or _rank(finding) > _rank(findings[key]):
                findings[key] = finding
        return sorted(findings.values(), key=lambda f: (not f.is_present, f.start))

    def _judge(
        self, doc: Doc, definition: FlagDefinition, spans: list[tuple[int, Span]], groups: int
    ) -> Finding | None:
        chosen: list[Span] = []
        negated = False
        for group in range(groups):
            candidates = [span for span_group, span in spans if span_group == group]
            if not candidates:
                return None
            open_mentions = [s for s in candidates if not _is_negated(doc, s)]
            chosen.append((open_mentions or candidates)[0])
            negated = negated or not open_mentions
        sentence = chosen[0].sent
        sentence_text = sentence.text
        first_mention = min(span.start_char for span in chosen) - sentence.start_char
        if negated:
            status = "negated"
        elif _asks_about_signs(sentence_text, first_mention):
            status = "question"
        elif not definition.counts_when_past and _is_over(sentence_text):
            status = "past"
        else:
            status = "present"
        return Finding(
            slug=definition.slug,
            urgency=definition.urgency,
            referral=definition.referral,
            status=status,
            subject="other" if language.OTHER_PERSON.search(sentence_text) else "self",
            sentence=sentence_text,
            terms=tuple(span.text for span in chosen),
            start=min(span.start_char for span in chosen),
            end=max(span.end_char for span in chosen),
        )


def _rank(finding: Finding) -> int:
    return 1 if finding.is_present else 0


def _is_negated(doc: Doc, span: Span) -> bool:
    """A negation cue shortly before the mention, in the same clause, denies it."""
    sentence_start = span.sent.start
    for index in range(
        span.start - 1, max(sentence_start, span.start - language.NEGATION_WINDOW) - 1, -1
    ):
        word = doc[index].lower_
        if word in language.SCOPE_BREAKS:
            return False
        if word in language.NEGATION_CUES:
            before = doc[max(sentence_start, index - 1) : index + 3].text
            return not any(pseudo in before for pseudo in language.PSEUDO_NEGATIONS)
    return False


def _asks_about_signs(sentence: str, first_mention: int) -> bool:
    """A question about the signs, not a report of them.

    "What are the warning signs of numbness down there?" has a cue before the symptom; "is
    losing control of your bowels a warning sign?" and "what does foot drop mean?" are
    questions with a cue, or with nobody who has the symptom. "Is it bad that I can't pee?"
    stays a report.
    """
    if any(cue in sentence[:first_mention] for cue in language.QUESTION_CUES):
        return True
    if not language.INTERROGATIVE_START.match(sentence):
        return False
    has_cue = any(cue in sentence for cue in language.QUESTION_CUES)
    return has_cue or not language.SOMEONE_HAS_IT.search(sentence)


def _is_over(sentence: str) -> bool:
    said_over = language.DISTANT_PAST.search(sentence) or any(
        cue in sentence for cue in language.RESOLVED_CUES
    )
    return bool(said_over) and not language.STILL_HAPPENING.search(sentence)


def most_urgent(findings: Iterable[Finding]) -> Finding | None:
    present = [f for f in findings if f.is_present]
    return max(present, key=lambda f: URGENCY_ORDER.index(f.urgency), default=None)
