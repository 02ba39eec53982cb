"""Find the education topic that answers a question, by the words people use.

First by name: a topic's `key_terms` (data/knowledge/education.yml) are the words that name
its subject outright ("epidural", "spinal fusion", "inversion table"); a message that uses
them is about that topic however long the story around them, and the topic with the most of
them answers. Long stories are where similarity fails: a few topic words are lost among a
hundred others.

Then by likeness: each topic's index is its title, its summary and the questions it answers
(`questions`, written in everyday words), matched by TF-IDF cosine similarity over word
stems, computed here in plain Python: the topics are few, and the app environment carries no
machine-learning library. Below `MIN_SCORE` nothing answers, and the assistant says honestly
that it cannot help with that.

Before both, what clinicians said: a message they pointed to a topic in the review app
(data/knowledge/topic_corrections.yml, `make corrections`) adds to that topic's questions,
and a message nearly the same as one they corrected (`SAME_QUESTION`) gets the topic they
chose, whatever words it names. A message they said no topic answers ("the honest line was
right") gets the honest line when it comes again, and a question more like those than like
any topic is not answered by likeness.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

# Chosen on the questions in tests/app/knowledge/test_topic_search.py: unrelated questions
# score below it, paraphrases of a topic's questions above.
MIN_SCORE = 0.2
# A message this like a question clinicians corrected is that question: it gets their answer.
SAME_QUESTION = 0.8
# The slug of a match that says no topic answers (clinicians chose the honest line).
NO_TOPIC = ""
MAX_QUESTION_CHARS = 1_000
# Key terms are looked for in the whole message, as far as the channels let it be.
MAX_MESSAGE_CHARS = 5_000
_WORD = re.compile(r"[a-z]+")
# The writer's own back or hip told as hurting, in `_words` form: "my lower back", "i put my
# back out". A topic about another person's pain does not answer it.
_OWN_PAIN = re.compile(
    r" my (?:(?:lower|low|upper|middle|mid|left|right) )?"
    r"(?:back|hip|hips|spine|tailbone|coccyx|pelvis|sacrum|sciatica) "
    r"| i (?:hurt|pulled|injured|tweaked|strained|put|threw|did) (?:out )?my "
)
_TOKEN = re.compile(r"[a-z0-9]+")
_STOPWORDS = frozenset(
    [
        "a",
        "about",
        "after",
        "again",
        "all",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "been",
        "before",
        "being",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "dont",
        "for",
        "from",
        "get",
        "got",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "him",
        "his",
        "how",
        "i",
        "if",
        "im",
        "in",
        "into",
        "is",
        "it",
        "its",
        "ive",
        "just",
        "me",
        "more",
        "most",
        "my",
        "no",
        "not",
        "now",
        "of",
        "on",
        "or",
        "our",
        "out",
        "over",
        "really",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "to",
        "too",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yes",
        "ok",
        "thanks",
        "please",
        "still",
        "also",
        "much",
        "one",
        "two",
        "bit",
        "lot",
        "like",
        "know",
        "think",
        "want",
        "need",
        "back",
        "pain",
    ]
)


class Topic(Protocol):
    slug: str
    title: str
    summary: str
    questions: list[str]
    key_terms: list[str]
    about_another_person: bool


class Correction(Protocol):
    """A question clinicians pointed to the topic that should answer it (None: no topic)."""

    question: str
    topic_slug: str | None


@dataclass(frozen=True)
class Match:
    slug: str
    score: float


def _words(text: str) -> str:
    """Lower-case words between single spaces, apostrophes dropped: "can't" is "cant"."""
    text = text[:MAX_MESSAGE_CHARS].lower().replace("'", "").replace("\u2019", "")
    return " " + " ".join(_TOKEN.findall(text)) + " "


def _forms(term: str) -> tuple[str, ...]:
    """A term and its plurals, as they appear between spaces: "injection", "injections"."""
    words = _words(term)
    return (words, words[:-1] + "s ", words[:-1] + "es ")


def stems(text: str) -> list[str]:
    """Lower-case word stems without the commonest words: "injections" and "injection" meet."""
    words = _WORD.findall(text[:MAX_QUESTION_CHARS].lower())
    return [_stem(word) for word in words if word not in _STOPWORDS and len(word) > 1]


def _stem(word: str) -> str:
    """A light English stemmer: plurals and -ing/-ed endings, enough for topic words."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("ss"):
        return word
    if word.endswith("es") and word[:-2].endswith(("s", "x", "z", "ch", "sh")):
        return word[:-2]
    for suffix in ("ing", "ers", "er", "ed", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    # "smoke" meets "smoking" and "smoker"
    return word[:-1] if word.endswith("e") and len(word) >= 5 else word


class TopicIndex:
    def __init__(self, topics: Sequence[Topic], corrections: Sequence[Correction] = ()) -> None:
        slugs = {t.slug for t in topics}
        corrections = [c for c in corrections if c.topic_slug is None or c.topic_slug in slugs]
        corrected: defaultdict[str, list[str]] = defaultdict(list)
        for correction in corrections:
            if correction.topic_slug is not None:
                corrected[correction.topic_slug].append(correction.question)
        documents = {
            t.slug: stems(" ".join([t.title, t.summary, *t.questions, *corrected[t.slug]]))
            for t in topics
        }
        # Questions no topic answers are documents too, so their words weigh something.
        unanswered = [stems(c.question) for c in corrections if c.topic_slug is None]
        every = [*documents.values(), *unanswered]
        frequency = Counter(stem for words in every for stem in set(words))
        count = len(every)
        self.idf = {stem: math.log((1 + count) / (1 + n)) + 1 for stem, n in frequency.items()}
        self.vectors = {slug: self._vector(words) for slug, words in documents.items()}
        self.key_terms = {t.slug: [_forms(term) for term in t.key_terms] for t in topics}
        self.about_another_person = {t.slug for t in topics if t.about_another_person}
        self.reviewed_vectors = [
            (c.topic_slug or NO_TOPIC, self._vector(stems(c.question))) for c in corrections
        ]
        self.unanswered = [vector for slug, vector in self.reviewed_vectors if slug == NO_TOPIC]

    def _vector(self, words: list[str]) -> dict[str, float]:
        counts = Counter(words)
        vector = {w: (1 + math.log(n)) * self.idf.get(w, 0.0) for w, n in counts.items()}
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        return {w: v / norm for w, v in vector.items()}

    def named(self, message: str) -> Match | None:
        """The topic whose key terms the message uses most (the first named on a tie)."""
        words = _words(message)
        own_pain = bool(_OWN_PAIN.search(words))
        found = []
        for slug, terms in self.key_terms.items():
            if own_pain and slug in self.about_another_person:
                continue
            places = [
                min(place for place in (words.find(form) for form in forms) if place >= 0)
                for forms in terms
                if any(form in words for form in forms)
            ]
            if places:
                found.append((-len(places), min(places), slug))
        if not found:
            return None
        count, _, slug = min(found)
        return Match(slug, float(-count))

    def reviewed(self, question: str) -> Match | None:
        """What clinicians chose for nearly this question (slug `NO_TOPIC`: no topic), if they
        corrected one like it."""
        asked = self._vector(stems(question))
        scored = [Match(slug, _cosine(asked, vector)) for slug, vector in self.reviewed_vectors]
        top = max(scored, key=lambda m: m.score, default=None)
        return top if top is not None and top.score >= SAME_QUESTION else None

    def recognised(self, message: str) -> Match | None:
        """The topic clinicians chose for nearly this message, else the one it names; None
        when they chose no topic for it or it names none."""
        reviewed = self.reviewed(message)
        if reviewed is not None:
            return None if reviewed.slug == NO_TOPIC else reviewed
        return self.named(message)

    def best(self, question: str) -> Match | None:
        """The topic clinicians chose for nearly this question, else the one it names, else
        the one most like it, else None."""
        reviewed = self.reviewed(question)
        if reviewed is not None:
            return None if reviewed.slug == NO_TOPIC else reviewed
        return self.named(question) or self.most_like(question)

    def most_like(self, question: str) -> Match | None:
        """The topic most like the question, or None when none is close enough or the
        question is more like one that clinicians said no topic answers."""
        asked = self._vector(stems(question))
        scored = [Match(slug, _cosine(asked, vector)) for slug, vector in self.vectors.items()]
        top = max(scored, key=lambda m: m.score, default=None)
        if top is None or top.score < MIN_SCORE:
            return None
        unanswered = max((_cosine(asked, vector) for vector in self.unanswered), default=0.0)
        return None if unanswered >= MIN_SCORE and unanswered > top.score else top


def _cosine(one: dict[str, float], other: dict[str, float]) -> float:
    """Of two unit vectors."""
    return sum(weight * other.get(word, 0.0) for word, weight in one.items())


@dataclass
class _TopicText:
    slug: str
    title: str
    summary: str
    questions: list[str]
    key_terms: list[str]
    about_another_person: bool


@dataclass
class _CorrectionText:
    question: str
    topic_slug: str | None


TopicKey = tuple[tuple[str, str, str, tuple[str, ...], tuple[str, ...], bool], ...]
CorrectionKey = tuple[tuple[str, str | None], ...]


def index_for(topics: Sequence[Topic], corrections: Sequence[Correction] = ()) -> TopicIndex:
    """The index of these topics and corrections, built once per version of their text.

    Building costs ten times a search, and the topics change only when the knowledge base is
    reloaded, which changes the key.
    """
    topic_key: TopicKey = tuple(
        (
            t.slug,
            t.title,
            t.summary,
            tuple(t.questions),
            tuple(t.key_terms),
            t.about_another_person,
        )
        for t in topics
    )
    correction_key: CorrectionKey = tuple((c.question, c.topic_slug) for c in corrections)
    return _index(topic_key, correction_key)


@functools.lru_cache(maxsize=4)
def _index(topics: TopicKey, corrections: CorrectionKey) -> TopicIndex:
    return TopicIndex(
        [
            _TopicText(slug, title, summary, list(q), list(k), other)
            for slug, title, summary, q, k, other in topics
        ],
        [_CorrectionText(question, slug) for question, slug in corrections],
    )
