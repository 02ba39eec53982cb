"""Finds the exercises a message names, by the names in the knowledge base, typos included.

The exercises' names and aliases are defined once, in `data/knowledge/exercises.yml`; this
component reads them there, so a new alias is understood as soon as it is written. People
type fast and misspell ("palof press", "birdog", "fire hydrents"): a name of six letters or
more may be one slip away, one of ten or more two. Short words are matched exactly only, so
"plan" never reads as "plank". Place it after RegexEntityExtractor: a span another extractor
already tagged as an exercise is left alone.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.training_data.message import Message

from bot_extensions.knowledge_extractor import KnowledgeExtractor
from bot_extensions.yaml_files import read_yaml

ENTITY = "exercise"
# Typos allowed by the length of the name as typed (letters and digits only).
ONE_TYPO_FROM = 6
TWO_TYPOS_FROM = 10
# The longest name is four words ("half kneeling hip flexor stretch" is five, but its first
# four already name it); windows of up to this many words are compared.
MAX_WORDS = 5
# Typo matching costs a comparison per word window; a long story is matched exactly only.
FUZZY_WORD_LIMIT = 60
WORD = re.compile(r"[a-z0-9]+(?:[/:\-][a-z0-9]+)*")
# A short follow-up that points back at an exercise already shown ("how often should I do it",
# "the first one again"): tagged as an exercise too, marked as a reference, so the rules answer
# it as a named exercise and the action works out which one is meant.
BACK_REFERENCE = re.compile(
    r"\b(?:the (?:first|second|third|fourth|last|1st|2nd|3rd|4th|same) "
    r"(?:one|exercise|drill|move|stretch)|(?:do|doing|did|hold|holding|try|trying|practise|"
    r"practice) (?:it|that|this|them)|(?:that|this|same) one|it again|"
    r"(?:need|use|wear) for (?:it|that|this)|"
    # the kit of the one shown: "need a band?", "how strong a band should I use"
    r"(?:need|use|want) (?:a|an|any|the) (?:band|mat|weight|weights|kettlebell|cable|"
    r"equipment|kit)|"
    r"how (?:strong|heavy|thick|light|tight|hard|stretchy|big) (?:a |an |the )?"
    r"(?:band|weight|weights|kettlebell|dumbbell|mat)|"
    r"(?:what|which) (?:band|weight|weights|kettlebell|dumbbell|colou?r band)|"
    # how to do the one shown: "do I do both sides", "how long do I hold", "how low do I go"
    r"(?:do|should|shud|must) i (?:do |switch |swap |change )?(?:to )?(?:both|each|either|"
    r"the other) (?:sides?|legs?|arms?)|which side (?:first|do i|should i)|"
    r"how long (?:do|should|shud|must|can) i (?:hold|keep|stay)|"
    r"how (?:slow|fast|far|deep|low|high) (?:do|should|shud|must|can) i (?:go|move|lower|lift))\b|"
    # how much of the last one, said as the whole of a short message ("how many of them tho")
    r"\bhow (?:many|often)(?: (?:of )?(?:those|them|these|reps|sets|times))?"
    r"(?: (?:each|per|on each|for each) (?:side|way|leg|arm))?"
    r"(?: (?:should|shud|do|must) i (?:do|hold|go for))?(?: (?:tho|though|then|a day|a week))?"
    r"[?!. ]*$"
)
# Beyond this many words a message is a story, and "do it" in it points at nothing shown.
REFERENCE_WORD_LIMIT = 12
# Asking for something in place of the one shown points back at it from further away: "I'm in
# a hotel this week with no band, what can I do instead".
REPLACEMENT_REFERENCE = re.compile(
    r"\b(?:can|could|should) i do instead\b|\binstead of (?:it|that|this)\b"
)
REPLACEMENT_WORD_LIMIT = 20


def _reference(text: str) -> re.Match[str] | None:
    """The words that point back at an exercise shown, in a message short enough to mean it."""
    words = len(WORD.findall(text))
    if words <= REFERENCE_WORD_LIMIT and (found := BACK_REFERENCE.search(text)):
        return found
    if words <= REPLACEMENT_WORD_LIMIT:
        return REPLACEMENT_REFERENCE.search(text)
    return None


def squash(name: str) -> str:
    """'Bird-Dog', 'bird dog' and 'birddog' all become 'birddog'."""
    return re.sub(r"[^a-z0-9]", "", name.lower())


def typos_allowed(squashed: str) -> int:
    if len(squashed) >= TWO_TYPOS_FROM:
        return 2
    return 1 if len(squashed) >= ONE_TYPO_FROM else 0


def typo_distance(a: str, b: str, limit: int) -> int:
    """Edits between a and b (insert, delete, substitute, swap two neighbours), capped at
    limit + 1: the optimal string alignment distance."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, start=1):
            cost = 0 if char_a == char_b else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def load_names(path: Path) -> dict[str, str]:
    """Every exercise's name, slug and aliases, squashed, to the alias as written."""
    names: dict[str, str] = {}
    for exercise in read_yaml(path)["exercises"]:
        for written in (*exercise.get("aliases", []), exercise["slug"].replace("-", " ")):
            names.setdefault(squash(str(written)), str(written))
    return names


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class ExerciseNameExtractor(KnowledgeExtractor):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"knowledge_file": "data/knowledge/exercises.yml"}

    def __init__(self, config: dict[str, Any]) -> None:
        super().__init__(config)
        self.names = load_names(Path(config["knowledge_file"]))
        # Typos are looked for among the names that start with the same two letters: a slip in
        # the first letters is rare, and the comparisons stay few.
        self.by_start: dict[str, list[str]] = {}
        for name in self.names:
            if len(name) >= ONE_TYPO_FROM - 1:
                self.by_start.setdefault(name[:2], []).append(name)

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get("text") or ""
            entities = list(message.get("entities", []))
            taken = [(e["start"], e["end"]) for e in entities if e.get("entity") == ENTITY]
            for start, end, value in self.find(text):
                if not any(start < b and a < end for a, b in taken):
                    entities.append(self._entity(value, start, end))
                    taken.append((start, end))
            reference = _reference(text.lower())
            if not taken and reference:
                entities.append(
                    {**self._entity(reference.group(), *reference.span()), "reference": True}
                )
            message.set("entities", entities, add_to_output=True)
        return messages

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, name) of each exercise named, in order, no overlaps."""
        words = list(WORD.finditer(text.lower()))
        fuzzy = len(words) <= FUZZY_WORD_LIMIT
        candidates = []
        for first in range(len(words)):
            for last in range(first, min(first + MAX_WORDS, len(words))):
                typed = squash("".join(w.group() for w in words[first : last + 1]))
                match = self._match(typed, fuzzy)
                if match is not None:
                    distance, name = match
                    start, end = words[first].start(), words[last].end()
                    candidates.append((distance, -(end - start), start, end, name))
        # Exact names first ("hip hinge" in "hip hinge pls", not "hip hinges" two slips away),
        # then the longest ("side plank", not "plank").
        found: list[tuple[int, int, str]] = []
        for _, _, start, end, name in sorted(candidates):
            if not any(start < b and a < end for a, b, _ in found):
                found.append((start, end, name))
        return sorted(found)

    def _match(self, typed: str, fuzzy: bool) -> tuple[int, str] | None:
        if typed in self.names:
            return 0, self.names[typed]
        allowed = typos_allowed(typed)
        if not fuzzy or not allowed:
            return None
        best = min(
            (
                (typo_distance(typed, known, allowed), known)
                for known in self.by_start.get(typed[:2], [])
                if abs(len(known) - len(typed)) <= allowed
            ),
            default=None,
        )
        if best is None or best[0] > allowed:
            return None
        return best[0], self.names[best[1]]

    def _entity(self, value: str, start: int, end: int) -> dict[str, Any]:
        return {
            "entity": ENTITY,
            "value": value,
            "start": start,
            "end": end,
            "confidence_entity": 1.0,
            "extractor": self.__class__.__name__,
        }
