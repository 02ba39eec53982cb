"""`python -m backcare.programme.scheduler`: sends reminders when they are due.

Started by `make run` and the production profile; it keeps nothing in memory, so it survives
restarts: each pass reads the due reminders from the database. Several schedulers (or several
servers) may run at once and each reminder is still sent once: a pass claims a reminder by
moving its `next_due_at` on with a compare-and-set UPDATE (atomic on SQLite, which serialises
writers), and on PostgreSQL first takes the rows with SELECT ... FOR UPDATE SKIP LOCKED, so two
passes never even wait on the same row. A reminder missed while everything was down is sent
once, then moves on to its next time (no backlog). A reminder due inside the person's quiet
hours waits until they end.

Telegram reminders go through the Bot API (TELEGRAM_TOKEN, TELEGRAM_API_URL). The web page and
REST have no push: the reminder is marked unseen, and the page shows it when the person is back.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import time
from dataclasses import dataclass
from typing import Any

import httpx
from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from backcare.database import make_engine
from backcare.knowledge.queries import message
from backcare.programme import clock
from backcare.programme.models import Person, Reminder
from backcare.programme.reminders import in_quiet_hours, local_time, next_due
from backcare.programme.rules import programme_settings
from backcare.settings import Settings

logger = logging.getLogger(__name__)

POLL_SECONDS = 20.0
BATCH = 50
REMINDER_MESSAGE = "reminder-due"
DEFAULT_TELEGRAM_API = "https://api.telegram.org"
# Telegram conversations may be stored as `tg-<chat id>` (channel-prefixed sender ids); the Bot
# API wants the numeric chat id. The same rule as bot_extensions/channels, which this package
# does not import.
TELEGRAM_SENDER_PREFIX = "tg-"


def telegram_chat_id(sender_id: str) -> str:
    return sender_id.removeprefix(TELEGRAM_SENDER_PREFIX)


@dataclass(frozen=True)
class Claimed:
    reminder_id: int
    sender_id: str
    channel: str
    was_due: Any


def _local_minute(now: Any, zone: str) -> int:
    local = local_time(now, zone)
    return local.hour * 60 + local.minute


def claim_due(session: Session) -> list[Claimed]:
    """Claim the reminders due now and commit: no other pass can claim them again."""
    now = clock.now()
    quiet = programme_settings().reminders.quiet_hours
    rows = session.execute(
        select(Reminder, Person)
        .join(Person, Person.sender_id == Reminder.sender_id)
        .where(Reminder.active.is_(True), Reminder.next_due_at <= now)
        .order_by(Reminder.next_due_at)
        .limit(BATCH)
        .with_for_update(skip_locked=True, of=Reminder)
    ).all()
    claimed: list[Claimed] = []
    for reminder, person in rows:
        zone = person.timezone or "UTC"
        if in_quiet_hours(_local_minute(now, zone), quiet):
            continue
        was_due = reminder.next_due_at
        moved = session.execute(
            update(Reminder)
            .where(Reminder.id == reminder.id, Reminder.next_due_at == was_due)
            .values(next_due_at=next_due(reminder, zone, now), last_sent_at=now)
            .execution_options(synchronize_session=False)
        )
        if moved.rowcount == 1:  # type: ignore[attr-defined]
            claimed.append(Claimed(reminder.id, person.sender_id, person.channel, was_due))
    session.commit()
    return claimed


def reminder_text(session: Session) -> str:
    found = message(session, REMINDER_MESSAGE)
    return found.text if found else "Time for your back exercises."


def deliver(session: Session, claimed: Claimed, text: str, client: httpx.Client) -> bool:
    """Send on Telegram, or leave it for the web page; True when it is delivered or kept."""
    if claimed.channel == "telegram":
        token = os.environ.get("TELEGRAM_TOKEN", "")
        if not token:
            logger.warning("Telegram reminder %s not sent: no TELEGRAM_TOKEN", claimed.reminder_id)
            return False
        base = (os.environ.get("TELEGRAM_API_URL") or DEFAULT_TELEGRAM_API).rstrip("/")
        try:
            response = client.post(
                f"{base}/bot{token}/sendMessage",
                json={"chat_id": telegram_chat_id(claimed.sender_id), "text": text},
                timeout=10,
            )
        except httpx.HTTPError as error:
            logger.warning("Telegram reminder %s not sent: %s", claimed.reminder_id, error)
            return False
        return response.status_code == 200
    session.execute(update(Reminder).where(Reminder.id == claimed.reminder_id).values(unseen=True))
    session.commit()
    return True


def _give_back(session: Session, claimed: Claimed) -> None:
    """A send that failed: the reminder is due again at the next pass."""
    session.execute(
        update(Reminder)
        .where(Reminder.id == claimed.reminder_id)
        .values(next_due_at=claimed.was_due)
    )
    session.commit()


def run_once(factory: sessionmaker[Session], client: httpx.Client) -> int:
    """One pass: claim what is due, send it; returns how many were sent."""
    with factory() as session:
        claimed = claim_due(session)
        if not claimed:
            return 0
        text = reminder_text(session)
        sent = 0
        for item in claimed:
            if deliver(session, item, text, client):
                sent += 1
            else:
                _give_back(session, item)
        return sent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--once", action="store_true", help="one pass, then exit")
    parser.add_argument(
        "--interval",
        type=float,
        default=float(os.environ.get("REMINDER_POLL_SECONDS", POLL_SECONDS)),
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    engine = make_engine(Settings.from_env().database_url)
    factory = sessionmaker(engine, expire_on_commit=False)
    stopping = False

    def stop(*_: Any) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    with httpx.Client() as client:
        while True:
            try:
                sent = run_once(factory, client)
                if sent:
                    logger.info("sent %d reminder(s)", sent)
            except Exception:
                logger.exception("reminder pass failed; trying again at the next")
            if args.once or stopping:
                break
            deadline = time.monotonic() + args.interval
            while not stopping and time.monotonic() < deadline:
                time.sleep(min(0.2, args.interval))
    engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
