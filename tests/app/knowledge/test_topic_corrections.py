"""Clinicians' topic corrections become training data: the admin export writes
topic_corrections.yml the schema accepts, the loader takes it in, and the topic search (and the
action that answers questions) then gives the corrected question its topic and keeps the honest
line for a question no topic answers."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import yaml
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from actions.questions import ActionAnswerQuestion
from backcare.database import session_factory
from backcare.knowledge.loader import KnowledgeError, load_knowledge, read_knowledge
from backcare.knowledge.models import EducationTopic, TopicQuestionCorrection
from backcare.knowledge.queries import topic_index
from backcare.knowledge.schema import TopicCorrectionsFile
from backcare.review import admin
from backcare.review.models import AuditEntry, Conversation, TopicCorrection
from backcare.review.topic_corrections import corrections_document, corrections_yaml
from tests.app.actions.conftest import DOMAIN, texts, tracker

# Questions the search gets wrong today (checked below, so the test means something).
BAND = "My physio gave me a rubber band thing to pull, is that OK? Mail me: jo@example.org"
BAND_QUESTION = "my physio gave me a rubber band thing to pull, is that ok"
SHOES = "what is the best shoe for back pain"
PHYSIO_NEAR_ME = "can you recommend a good physio near me"


def add_corrections(engine: Engine) -> None:
    """What the review app stores when clinicians use the form (text already masked)."""
    with Session(engine) as session, session.begin():
        conversation = Conversation(
            sender_id="someone",
            channel="rest",
            started_at=1.0,
            last_at=2.0,
            started_on=date(2026, 11, 30),
            turns=3,
            triage="none",
            search_text="",
            last_event_id=9,
        )
        session.add(conversation)
        session.flush()
        when = datetime(2026, 11, 30, 7, 0, tzinfo=UTC)
        for event_id, question, slug, author in [
            (
                1,
                "My physio gave me a rubber band thing to pull, is that OK? Mail me: "
                "[e-mail hidden]",
                "gym-and-weights",
                "a@example.org",
            ),
            (2, SHOES.upper(), "mattresses-and-sleep-positions", "a@example.org"),
            (3, PHYSIO_NEAR_ME, None, "b@example.org"),
            # The same question later pointed elsewhere: the later correction wins.
            (4, "What is the best  shoe for back pain", None, "b@example.org"),
        ]:
            session.add(
                TopicCorrection(
                    conversation_id=conversation.id,
                    event_id=event_id,
                    event_time=1.5,
                    message_text=question,
                    question=question,
                    topic_slug=slug,
                    note="only in the review app",
                    author=author,
                    corrected_at=when.replace(minute=event_id),
                )
            )


@pytest.fixture
def exported(
    loaded_engine: Engine,
    database_url: str,
    knowledge_copy: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> Path:
    add_corrections(loaded_engine)
    monkeypatch.setenv("DATABASE_URL", database_url)
    out = knowledge_copy / "topic_corrections.yml"
    assert admin.main(["export-topic-corrections", "--out", str(out)]) == 0
    printed = capsys.readouterr()
    assert "3 questions written" in printed.out
    assert "the later one is kept" in printed.err
    return out


@pytest.fixture
def actions_on(database_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("DATABASE_URL", database_url)
    session_factory.cache_clear()
    yield
    session_factory.cache_clear()


def test_the_search_gets_these_questions_wrong_without_corrections(session: Session) -> None:
    _, index = topic_index(session)
    assert index.best(BAND) is None
    assert index.best(SHOES) is not None
    assert index.best(PHYSIO_NEAR_ME) is not None


def test_the_export_is_reviewed_yaml_the_schema_accepts(
    exported: Path, loaded_engine: Engine
) -> None:
    text = exported.read_text(encoding="utf-8")
    assert text.startswith("# Questions clinicians pointed")
    document = TopicCorrectionsFile.model_validate(yaml.safe_load(text))
    assert [(c.topic, [q.text for q in c.questions]) for c in document.corrections] == [
        ("gym-and-weights", [BAND_QUESTION + "? mail me: [e-mail hidden]"]),
        (None, [PHYSIO_NEAR_ME, SHOES]),
    ]
    band = document.corrections[0].questions[0]
    assert band.reviewed_by == "a@example.org" and band.reviewed_on == date(2026, 11, 30)
    assert "jo@example.org" not in text and "only in the review app" not in text
    with Session(loaded_engine) as session:
        audit = session.scalars(select(AuditEntry)).one()
    assert (audit.actor, audit.action) == ("admin command", "export_topic_corrections")
    assert audit.detail == {"questions": 3, "warnings": 1}


def test_after_loading_the_corrected_question_finds_its_topic_and_no_topic_stays_honest(
    exported: Path, loaded_engine: Engine, knowledge_copy: Path
) -> None:
    with Session(loaded_engine) as session, session.begin():
        report = load_knowledge(session, read_knowledge(knowledge_copy))
    assert report.inserted["topic_corrections"] == 3
    with Session(loaded_engine) as session:
        _, index = topic_index(session)
        # The message as it came, and as it might come again.
        for asked in (BAND, "my physio gave me a rubber band thing to pull - is that ok??"):
            found = index.best(asked)
            assert found is not None and found.slug == "gym-and-weights", asked
        assert index.best(SHOES) is None
        assert index.best("What is the best shoe for back pain?") is None
        assert index.best(PHYSIO_NEAR_ME) is None
        # Questions nobody corrected keep their topics.
        found = index.best("should i get a firmer mattress for my back")
        assert found is not None and found.slug == "mattresses-and-sleep-positions"
        rows = session.scalars(select(TopicQuestionCorrection)).all()
        assert {row.topic_slug for row in rows} == {"gym-and-weights", None}


async def test_the_action_answers_the_corrected_question_and_keeps_the_honest_line(
    exported: Path, loaded_engine: Engine, knowledge_copy: Path, actions_on: None
) -> None:
    with Session(loaded_engine) as session, session.begin():
        load_knowledge(session, read_knowledge(knowledge_copy))
    dispatcher = CollectingDispatcher()
    await ActionAnswerQuestion().run(dispatcher, tracker("out_of_scope", BAND), DOMAIN)
    with Session(loaded_engine) as session:
        topic = session.get_one(EducationTopic, "gym-and-weights")
    assert texts(dispatcher) == [f"{topic.title}\n{topic.body}"]
    dispatcher = CollectingDispatcher()
    await ActionAnswerQuestion().run(dispatcher, tracker("out_of_scope", SHOES), DOMAIN)
    assert [m.get("response") for m in dispatcher.messages] == ["utter_out_of_scope"]


def test_the_committed_file_is_empty_and_optional(knowledge_copy: Path) -> None:
    committed = yaml.safe_load((knowledge_copy / "topic_corrections.yml").read_text())
    assert committed == {"version": 1, "corrections": []}
    (knowledge_copy / "topic_corrections.yml").unlink()
    assert read_knowledge(knowledge_copy).corrections == []


@pytest.mark.parametrize(
    ("entry", "error"),
    [
        ({"topic": "no-such-topic"}, "topic 'no-such-topic' does not exist"),
        ({"topic": "Not A Slug"}, "String should match pattern"),
        ({"topic": "massage", "text": "Upper Case"}, "lower case with single spaces"),
        ({"topic": "massage", "reviewed_on": "yesterday"}, "valid date"),
    ],
)
def test_a_bad_corrections_file_is_refused(
    knowledge_copy: Path, entry: dict[str, str], error: str
) -> None:
    question = {"text": "is a massage chair any good", "reviewed_by": "a@example.org"}
    question |= {"reviewed_on": entry.get("reviewed_on", "2026-11-30")}
    question |= {"text": entry.get("text", question["text"])}
    document = {"version": 1, "corrections": [{"topic": entry["topic"], "questions": [question]}]}
    (knowledge_copy / "topic_corrections.yml").write_text(yaml.safe_dump(document))
    with pytest.raises(KnowledgeError, match=error):
        read_knowledge(knowledge_copy)


def test_a_question_pointed_two_ways_is_refused(knowledge_copy: Path) -> None:
    question = {
        "text": "is a massage chair any good",
        "reviewed_by": "a",
        "reviewed_on": "2026-11-30",
    }
    document = {
        "version": 1,
        "corrections": [
            {"topic": "massage", "questions": [question]},
            {"topic": None, "questions": [question]},
        ],
    }
    (knowledge_copy / "topic_corrections.yml").write_text(yaml.safe_dump(document))
    with pytest.raises(KnowledgeError, match="corrected twice"):
        read_knowledge(knowledge_copy)


def test_the_committed_file_is_what_an_export_of_nothing_writes(knowledge_copy: Path) -> None:
    empty, warnings = corrections_document([], set())
    assert warnings == []
    assert (knowledge_copy / "topic_corrections.yml").read_text() == corrections_yaml(empty)


def test_awkward_questions_survive_the_yaml_round_trip() -> None:
    awkward = ["no", "null", "- is it: ok? #1", "'quoted' and \"double\"", "ça va? 10/10 pain"]
    when = datetime(2026, 11, 30, tzinfo=UTC)
    corrections = [
        TopicCorrection(question=text, topic_slug="massage", author="a", corrected_at=when)
        for text in awkward
    ]
    document, _ = corrections_document(corrections, {"massage"})
    again = TopicCorrectionsFile.model_validate(yaml.safe_load(corrections_yaml(document, "now")))
    assert again == document
    assert sorted(q.text for q in again.corrections[0].questions) == sorted(
        text.lower() for text in awkward
    )
