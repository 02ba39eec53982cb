"""Find the education topic that answers a question, by the words people use.

Each topic's index is its title, its summary and the questions it answers (`questions` in
data/knowledge/education.yml, written in everyday words). A question is matched by TF-IDF
cosine similarity over word stems, computed here in plain Python: the topics are few, and
the app environment carries no machine-learning library. Below `MIN_SCORE` nothing answers,
and the assistant says honestly that it cannot help with that.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

# Chosen on the questions in tests/app/knowledge/test_topic_search.py: unrelated questions
# score below it, paraphrases of a topic's questions above.
MIN_SCORE = 0.2
MAX_QUESTION_CHARS = 1_000
_WORD = re.compile(r"[a-z]+")
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


@dataclass(frozen=True)
class Match:
    slug: str
    score: float


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
    def __init__(self, topics: Sequence[Topic]) -> None:
        documents = {t.slug: stems(" ".join([t.title, t.summary, *t.questions])) for t in topics}
        frequency = Counter(stem for words in documents.values() for stem in set(words))
        count = len(documents)
        self.idf = {stem: math.log((1 + count) / (1 + n)) + 1 for stem, n in frequency.items()}
        self.vectors = {slug: self._vector(words) for slug, words in documents.items()}

    def _vector(self, words: list[str]) -> dict[str, float]:
        counts = Counter(words)
        vector = {w: (1 + math.log(n)) * self.idf.get(w, 0.0) for w, n in counts.items()}
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        return {w: v / norm for w, v in vector.items()}

    def best(self, question: str) -> Match | None:
        """The topic most like the question, or None when none is close enough."""
        asked = self._vector(stems(question))
        scored = [
            Match(slug, sum(weight * vector.get(w, 0.0) for w, weight in asked.items()))
            for slug, vector in self.vectors.items()
        ]
        top = max(scored, key=lambda m: m.score, default=None)
        return top if top is not None and top.score >= MIN_SCORE else None
