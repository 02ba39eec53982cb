"""Reminders: when they are due (local time, every N days, quiet hours), and the scheduler's
claim, which sends each reminder once however many passes run at the same time, and once
after downtime (no backlog), on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json
import threading
import warnings
from collections.abc import Iterator

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from backcare.database import make_engine, session_factory
from backcare.knowledge.loader import load_knowledge, read_knowledge
from backcare.knowledge.schema import QuietHours
from backcare.migrate import upgrade_to_head
from backcare.programme import clock
from backcare.programme.models import Person, Reminder
from backcare.programme.reminders import first_due, in_quiet_hours
from backcare.programme.scheduler import claim_due, run_once
from backcare.settings import PROJECT_ROOT

# Starlette asks for its httpx2 fork; the TestClient works the same with httpx (pinned here).
warnings.filterwarnings("ignore", "Using `httpx` with `starlette.testclient`")
from starlette.testclient import TestClient  # noqa: E402

NOW = dt.datetime(2026, 3, 5, 12, 0)  # London is on UTC in early March
QUIET = QuietHours(start="21:30", end="07:30")


@pytest.fixture(autouse=True)
def fixed_clock() -> Iterator[None]:
    clock.set_now(NOW)
    yield
    clock.set_now(None)


@pytest.fixture
def factory(database_url: str) -> Iterator[sessionmaker[Session]]:
    upgrade_to_head(database_url)
    engine = make_engine(database_url)
    with Session(engine) as session, session.begin():
        load_knowledge(session, read_knowledge(PROJECT_ROOT / "data" / "knowledge"))
    yield sessionmaker(engine, expire_on_commit=False)
    engine.dispose()


def add(
    factory: sessionmaker[Session], sender: str, due: dt.datetime, channel: str = "rest", n: int = 1
) -> None:
    with factory() as session, session.begin():
        session.add(
            Person(sender_id=sender, channel=channel, timezone="Europe/London", created_at=NOW)
        )
        for _ in range(n):
            session.add(
                Reminder(
                    sender_id=sender,
                    minute_of_day=8 * 60,
                    every_days=1,
                    next_due_at=due,
                    active=True,
                    unseen=False,
                )
            )


def test_times_of_day_are_local_and_quiet_hours_wait() -> None:
    assert first_due(NOW, 18 * 60, "Europe/London", QUIET) == dt.datetime(2026, 3, 5, 18, 0)
    assert first_due(NOW, 8 * 60, "Europe/London", QUIET) == dt.datetime(2026, 3, 6, 8, 0)
    # 23:00 is inside the quiet hours: the reminder comes when they end.
    assert first_due(NOW, 23 * 60, "Europe/London", QUIET) == dt.datetime(2026, 3, 6, 7, 30)
    assert first_due(NOW, 18 * 60, "America/New_York", QUIET) == dt.datetime(2026, 3, 5, 23, 0)
    assert in_quiet_hours(22 * 60, QUIET) and in_quiet_hours(6 * 60, QUIET)
    assert not in_quiet_hours(12 * 60, QUIET)


def test_after_downtime_one_message_then_the_next_time(factory: sessionmaker[Session]) -> None:
    add(factory, "away-three-days", NOW - dt.timedelta(days=3, hours=4))
    with factory() as session:
        assert len(claim_due(session)) == 1
        assert claim_due(session) == []
        reminder = session.scalars(select(Reminder)).one()
        assert reminder.next_due_at == dt.datetime(2026, 3, 6, 8, 0)
        assert reminder.last_sent_at == NOW


def test_nothing_is_sent_in_quiet_hours(factory: sessionmaker[Session]) -> None:
    add(factory, "night-owl", NOW - dt.timedelta(hours=1))
    clock.set_now(dt.datetime(2026, 3, 5, 23, 0))
    with factory() as session:
        assert claim_due(session) == []
    clock.set_now(dt.datetime(2026, 3, 6, 7, 45))
    with factory() as session:
        assert len(claim_due(session)) == 1


def test_passes_at_the_same_time_claim_each_reminder_once(factory: sessionmaker[Session]) -> None:
    for person in range(4):
        add(factory, f"person-{person}", NOW - dt.timedelta(minutes=5), n=5)
    claimed: list[int] = []
    lock = threading.Lock()
    start = threading.Barrier(4)

    def one_pass() -> None:
        start.wait()
        with factory() as session:
            found = claim_due(session)
        with lock:
            claimed.extend(item.reminder_id for item in found)

    passes = [threading.Thread(target=one_pass) for _ in range(4)]
    for thread in passes:
        thread.start()
    for thread in passes:
        thread.join()
    assert sorted(claimed) == sorted(set(claimed)) and len(claimed) == 20


def test_telegram_reminders_go_through_the_bot_api_and_a_failure_is_retried(
    factory: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TELEGRAM_TOKEN", "123:abc")
    monkeypatch.setenv("TELEGRAM_API_URL", "http://telegram.test")
    add(factory, "555001", NOW - dt.timedelta(minutes=1), channel="telegram")
    add(factory, "tg-555002", NOW - dt.timedelta(hours=1), channel="telegram")
    sent: list[dict] = []
    status = {"code": 500}

    def api(request: httpx.Request) -> httpx.Response:
        sent.append({"url": str(request.url), **json.loads(request.content)})
        return httpx.Response(status["code"], json={"ok": status["code"] == 200})

    with httpx.Client(transport=httpx.MockTransport(api)) as client:
        assert run_once(factory, client) == 0
        status["code"] = 200
        assert run_once(factory, client) == 2
        assert run_once(factory, client) == 0
    assert [s["url"] for s in sent] == ["http://telegram.test/bot123:abc/sendMessage"] * 4
    assert [s["chat_id"] for s in sent[2:]] == ["555002", "555001"]
    assert sent[-1]["text"].startswith("Time for your back")


def test_the_web_page_is_shown_a_reminder_due_while_away_once(
    factory: sessionmaker[Session], database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from backcare.web import create_app, session_key, web_conversation

    page_id, secret = "person-1234", b"a secret of the page server"
    add(factory, web_conversation(page_id), NOW - dt.timedelta(minutes=1))
    with httpx.Client() as client:
        assert run_once(factory, client) == 1
    monkeypatch.setenv("DATABASE_URL", database_url)
    session_factory.cache_clear()
    key = {"X-Backbone-Key": session_key(secret, page_id)}
    try:
        with TestClient(create_app(secret)) as page:
            # Only the browser given the id reads its programme.
            assert page.post(f"/api/programme/{page_id}/due").status_code == 403
            assert page.get(f"/api/programme/{page_id}/progress").status_code == 403
            first = page.post(f"/api/programme/{page_id}/due", headers=key).json()
            assert first["due"][0].startswith("Time for your back")
            assert page.post(f"/api/programme/{page_id}/due", headers=key).json() == {"due": []}
            assert page.post("/api/programme/x/due", headers=key).status_code == 400
            progress = page.get(f"/api/programme/{page_id}/progress", headers=key).json()
            assert progress["check_ins"] == []
    finally:
        session_factory.cache_clear()
