"""The topic search: a question in everyday words finds the topic that answers it."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from backcare.knowledge.topic_search import TopicIndex, index_for, stems


@dataclass
class FakeTopic:
    slug: str
    title: str
    summary: str
    questions: list[str] = field(default_factory=list)
    key_terms: list[str] = field(default_factory=list)
    about_another_person: bool = False


TOPICS = [
    FakeTopic(
        "scans",
        "What a scan report means",
        "Bulges and wear are common in people without pain.",
        ["what does disc bulge mean on my mri", "do i need an x-ray"],
        ["mri", "disc bulge", "x ray"],
    ),
    FakeTopic(
        "tens",
        "TENS machines",
        "A TENS machine sends small electric pulses through the skin.",
        ["is a tens machine worth buying", "does tens help back pain"],
        ["tens machine", "tens unit"],
    ),
    FakeTopic(
        "mattress",
        "Mattresses and sleep",
        "No single mattress is best for back pain.",
        ["what mattress is best for a bad back", "firm or soft bed"],
        ["mattress", "pillow"],
    ),
]


@pytest.mark.parametrize(
    ("question", "slug"),
    [
        ("my MRI report says disc bulges at L4, what does that mean??", "scans"),
        ("Thinking of buying a TENS unit, are they any good", "tens"),
        ("should i get a firmer mattress for my back", "mattress"),
        ("x ray or mri, do I even need one", "scans"),
    ],
)
def test_a_question_finds_its_topic(question: str, slug: str) -> None:
    match = TopicIndex(TOPICS).best(question)
    assert match is not None and match.slug == slug


@pytest.mark.parametrize("question", ["what's the weather tomorrow", "", "!!!", "hello there"])
def test_a_question_no_topic_answers_finds_none(question: str) -> None:
    assert TopicIndex(TOPICS).best(question) is None


def test_forms_of_a_word_meet() -> None:
    assert stems("injections mattresses") == stems("injection mattress")
    assert stems("smoke") == stems("smoking") == stems("smoker")


def test_a_huge_question_is_read_only_to_its_cap() -> None:
    assert len(stems("scan " * 100_000)) <= 1_000


def test_a_long_story_is_answered_by_the_subject_it_names() -> None:
    story = (
        "So it started years ago when I moved house, and honestly it has been up and down "
        "ever since, good weeks and rough weeks, the kids, work, all of it. "
        * 12
        + "Anyway the question: my new mattress is rock hard, could that be making it worse?"
    )
    assert TopicIndex(TOPICS).most_like(story) is None
    match = TopicIndex(TOPICS).best(story)
    assert match is not None and match.slug == "mattress"


def test_the_topic_named_most_wins_and_the_first_named_breaks_a_tie() -> None:
    index = TopicIndex(TOPICS)
    named = index.named("the MRI showed a disc bulge, and I bought a new pillow")
    assert named is not None and named.slug == "scans"
    tie = index.named("new pillows and a TENS unit")
    assert tie is not None and tie.slug == "mattress"


@pytest.mark.parametrize("text", ["I felt tense all day", "my mattresses", "Mattress!"])
def test_key_terms_match_whole_words_and_their_plurals(text: str) -> None:
    named = TopicIndex(TOPICS).named(text)
    assert (named is not None) == ("mattress" in text.lower())


CHILDREN = FakeTopic(
    "children",
    "Back pain in children",
    "A child with back pain sees a doctor first.",
    ["my son has back pain"],
    ["my son", "my daughter", "year old son"],
    about_another_person=True,
)


@pytest.mark.parametrize(
    ("text", "about_the_child"),
    [
        ("my son is 12 and his back is sore after football", True),
        ("our worry: my 9 year old son keeps saying his back hurts", True),
        ("drove 9 hours to my daughters and my lower back is stiff as a board", False),
        ("I put my back out lifting my son into the car seat", False),
        ("my hip has ached since my daughter was born", False),
    ],
)
def test_a_topic_about_another_persons_pain_does_not_answer_the_writers_own(
    text: str, about_the_child: bool
) -> None:
    named = TopicIndex([*TOPICS, CHILDREN]).named(text)
    assert (named is not None and named.slug == "children") == about_the_child


def test_a_huge_message_is_searched_quickly() -> None:
    assert TopicIndex(TOPICS).named("word " * 100_000 + "mattress") is None


@dataclass
class FakeCorrection:
    question: str
    topic_slug: str | None


CORRECTIONS = [
    # Names a scan and a mattress, but clinicians said the TENS topic answers it.
    FakeCorrection("my mri is fine and my mattress is new so what about electric pads", "tens"),
    FakeCorrection("which shoes are best for a bad back", None),
    FakeCorrection("a question for a topic that is gone", "retired-topic"),
]


def test_a_corrected_question_gets_the_clinicians_topic_whatever_it_names() -> None:
    index = TopicIndex(TOPICS, CORRECTIONS)
    asked = "My MRI is fine and my mattress is new, so what about electric pads?"
    assert TopicIndex(TOPICS).best(asked) == index.named(asked)  # named: the scans
    for found in (index.best(asked), index.recognised(asked)):
        assert found is not None and found.slug == "tens"


def test_a_question_clinicians_said_no_topic_answers_gets_none() -> None:
    index = TopicIndex(TOPICS, CORRECTIONS)
    assert TopicIndex(TOPICS).best("which shoes are best for a bad back?") is not None
    assert index.best("which shoes are best for a bad back?") is None
    assert index.recognised("Which shoes are best for a bad back") is None
    # More like the unanswered question than like any topic: not answered by likeness.
    assert index.most_like("best shoes for a bad back") is None
    # Other questions keep their topics.
    for question, slug in [
        ("should i get a firmer mattress for my back", "mattress"),
        ("is a tens machine worth buying", "tens"),
        ("what does disc bulge mean on my mri", "scans"),
    ]:
        found = index.best(question)
        assert found is not None and found.slug == slug, question


def test_without_corrections_the_index_is_unchanged() -> None:
    plain, empty = TopicIndex(TOPICS), TopicIndex(TOPICS, [])
    assert plain.idf == empty.idf and plain.vectors == empty.vectors
    assert empty.reviewed("anything at all") is None


def test_the_index_is_built_once_per_version_of_the_topics() -> None:
    assert index_for(TOPICS) is index_for(list(TOPICS))
    changed = [*TOPICS[:2], FakeTopic("mattress", "Beds", "Other words.", [], ["bed"])]
    assert index_for(changed) is not index_for(TOPICS)
    named = index_for(changed).named("a new bed")
    assert named is not None and named.slug == "mattress"
    corrected = index_for(TOPICS, CORRECTIONS)
    assert corrected is index_for(TOPICS, list(CORRECTIONS)) and corrected is not index_for(TOPICS)
