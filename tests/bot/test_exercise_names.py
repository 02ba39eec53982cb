from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from rasa.shared.nlu.training_data.message import Message

from bot_extensions.exercise_names import ExerciseNameExtractor, typo_distance

ROOT = Path(__file__).resolve().parents[2]
EXERCISES = ROOT / "data" / "knowledge" / "exercises.yml"


@pytest.fixture(scope="module")
def extractor() -> ExerciseNameExtractor:
    return ExerciseNameExtractor({"knowledge_file": str(EXERCISES)})


def exercises(extractor: ExerciseNameExtractor, text: str) -> list[dict]:
    message = Message(data={"text": text})
    extractor.process([message])
    return [e for e in message.get("entities", []) if e["entity"] == "exercise"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("how do u do a palof press", "pallof press"),
        ("birdog pls", "bird dog"),
        ("side plnak for how long", "side plank"),
        ("fire hydrents next", "fire hydrants"),
        ("whats the frog one", "frog"),
        ("now the hip hinge pls", "hip hinge"),
        # named by what it is for, or as a verb
        ("how do i pick stuff up without hurting my back", "pick stuff up"),
        ("is planking ok for me", "planking"),
        # named by a nickname
        ("and the dog one, how many each side?", "the dog one"),
        ("how do i make the band one harder", "the band one"),
        ("is anti-rotation work good for a sore back", "anti rotation"),
    ],
)
def test_names_are_found_despite_typos(
    extractor: ExerciseNameExtractor, text: str, name: str
) -> None:
    found = exercises(extractor, text)
    assert [e["value"] for e in found] == [name]
    assert found[0]["end"] > found[0]["start"]


@pytest.mark.parametrize(
    "text",
    [
        "give me a plan",
        "squash after work hurts",
        "blanks",
        # words a nickname is a typo away from
        "is it safe to do exercises on warfarin",
        "can i do one more set",
    ],
)
def test_short_words_are_matched_exactly_only(extractor: ExerciseNameExtractor, text: str) -> None:
    assert exercises(extractor, text) == []


def test_the_longest_name_wins_and_names_do_not_overlap(extractor: ExerciseNameExtractor) -> None:
    found = exercises(extractor, "I did the side plank and then the birddog")
    assert [e["value"] for e in found] == ["side plank", "bird dog"]


def test_a_span_another_extractor_tagged_is_left_alone(extractor: ExerciseNameExtractor) -> None:
    text = "how long to hold a plank"
    start = text.index("plank")
    tagged = {"entity": "exercise", "value": "plank", "start": start, "end": start + 5}
    message = Message(data={"text": text, "entities": [tagged]})
    extractor.process([message])
    assert message.get("entities") == [tagged]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("how often should i do it", "do it"),
        ("the first one again please, i forgot how to hold the band", "the first one"),
        ("ok and that one?", "that one"),
        ("how many each side", "how many each side"),
        ("need a band?", "need a band"),
        ("how strong a band should i use", "how strong a band"),
        ("do i do both sides?", "do i do both sides"),
        ("how long do i hold", "how long do i hold"),
        ("which side first", "which side first"),
    ],
)
def test_a_short_follow_up_points_back_at_an_exercise(
    extractor: ExerciseNameExtractor, text: str, words: str
) -> None:
    [found] = exercises(extractor, text)
    assert found["reference"] is True and found["value"] == words


def test_a_named_exercise_or_a_long_story_is_no_reference(
    extractor: ExerciseNameExtractor,
) -> None:
    assert "reference" not in exercises(extractor, "how do i do it, the plank I mean")[0]
    story = (
        "my physio said I should just do it every day but my back has been sore for weeks "
        "since I moved house and lifted all the boxes myself"
    )
    assert exercises(extractor, story) == []
    # where the pain is, not how to do an exercise
    assert exercises(extractor, "my back hurts on both sides") == []


def test_a_new_alias_in_the_knowledge_file_is_understood(tmp_path: Path) -> None:
    knowledge = yaml.safe_load(EXERCISES.read_text())
    knowledge["exercises"][0]["aliases"].append("butt scoot")
    changed = tmp_path / "exercises.yml"
    changed.write_text(yaml.safe_dump(knowledge))
    extractor = ExerciseNameExtractor({"knowledge_file": str(changed)})
    assert [e["value"] for e in exercises(extractor, "how do I do the butt scoot")] == [
        "butt scoot"
    ]


def test_typo_distance_counts_a_swap_as_one_edit() -> None:
    assert typo_distance("plnak", "plank", 2) == 1
    assert typo_distance("pallof", "palof", 2) == 1
    assert typo_distance("hinge", "lunge", 1) == 2
