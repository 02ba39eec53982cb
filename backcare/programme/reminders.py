"""When a reminder is due: the person's local time of day, every N days, outside quiet hours.

Times are stored as naive UTC; a reminder's times of day are local to the person's time zone
(asked once). After downtime a reminder sends one message and moves on to its next time:
missed ones are not sent as a backlog.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from zoneinfo import ZoneInfo, available_timezones

from sqlalchemy import select
from sqlalchemy.orm import Session

from backcare.knowledge.schema import QuietHours
from backcare.programme import clock
from backcare.programme.models import Person, Reminder
from backcare.programme.rules import programme_settings

# Everyday names of a few places whose zone name is not the place.
_PLACE_ZONES = {
    "uk": "Europe/London",
    "england": "Europe/London",
    "scotland": "Europe/London",
    "wales": "Europe/London",
    "britain": "Europe/London",
    "ireland": "Europe/Dublin",
    "gmt": "Europe/London",
    "utc": "UTC",
    "germany": "Europe/Berlin",
    "france": "Europe/Paris",
    "spain": "Europe/Madrid",
    "italy": "Europe/Rome",
    "netherlands": "Europe/Amsterdam",
    "india": "Asia/Kolkata",
    "delhi": "Asia/Kolkata",
    "mumbai": "Asia/Kolkata",
    "eastern": "America/New_York",
    "est": "America/New_York",
    "central": "America/Chicago",
    "pacific": "America/Los_Angeles",
    "pst": "America/Los_Angeles",
    "san francisco": "America/Los_Angeles",
    "seattle": "America/Los_Angeles",
    "boston": "America/New_York",
    "washington": "America/New_York",
    "australia": "Australia/Sydney",
    "new zealand": "Pacific/Auckland",
}


@lru_cache(maxsize=1)
def _zones_by_place() -> dict[str, str]:
    zones: dict[str, str] = {}
    for name in sorted(available_timezones()):
        if "/" in name and not name.startswith(("Etc/", "SystemV/")):
            zones.setdefault(name.rsplit("/", 1)[1].replace("_", " ").lower(), name)
        zones.setdefault(name.lower(), name)
    return {**zones, **_PLACE_ZONES}


def find_timezone(text: str) -> str | None:
    """The IANA zone named by a city, country or zone ("london", "Europe/Berlin"), or None."""
    words = " ".join(text.lower().replace("_", " ").replace(",", " ").split())[:200]
    zones = _zones_by_place()
    if words.replace(" ", "_") in zones:
        return zones[words.replace(" ", "_")]
    found = [place for place in zones if f" {place} " in f" {words} "]
    return zones[max(found, key=len)] if found else None


def _minutes(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def in_quiet_hours(minute_of_day: int, quiet: QuietHours) -> bool:
    start, end = _minutes(quiet.start), _minutes(quiet.end)
    if start <= end:
        return start <= minute_of_day < end
    return minute_of_day >= start or minute_of_day < end


def local_time(moment_utc: dt.datetime, zone: str) -> dt.datetime:
    return moment_utc.replace(tzinfo=dt.UTC).astimezone(ZoneInfo(zone))


def _at(day: dt.date, minute_of_day: int, zone: str) -> dt.datetime:
    local = dt.datetime.combine(day, dt.time(minute_of_day // 60, minute_of_day % 60))
    return clock.naive_utc(local.replace(tzinfo=ZoneInfo(zone)))


def send_minute(minute_of_day: int, quiet: QuietHours) -> int:
    """The time of day a reminder is sent: its own, or the end of quiet hours."""
    return _minutes(quiet.end) if in_quiet_hours(minute_of_day, quiet) else minute_of_day


def first_due(
    now: dt.datetime, minute_of_day: int, zone: str, quiet: QuietHours | None = None
) -> dt.datetime:
    """The next local time of day after `now` (moved out of quiet hours)."""
    quiet = quiet or programme_settings().reminders.quiet_hours
    minute = send_minute(minute_of_day, quiet)
    today = local_time(now, zone).date()
    due = _at(today, minute, zone)
    return due if due > now else _at(today + dt.timedelta(days=1), minute, zone)


def next_due(reminder: Reminder, zone: str, now: dt.datetime) -> dt.datetime:
    """The time after the one just due: every N days on, skipping any missed while down."""
    quiet = programme_settings().reminders.quiet_hours
    minute = send_minute(reminder.minute_of_day, quiet)
    day = local_time(reminder.next_due_at, zone).date()
    step = dt.timedelta(days=reminder.every_days)
    due = _at(day + step, minute, zone)
    while due <= now:
        day += step
        due = _at(day + step, minute, zone)
    return due


def add_reminder(session: Session, person: Person, minute_of_day: int, every_days: int) -> Reminder:
    assert person.timezone, "the time zone is asked before a reminder is set"
    reminder = Reminder(
        sender_id=person.sender_id,
        minute_of_day=minute_of_day,
        every_days=every_days,
        next_due_at=first_due(clock.now(), minute_of_day, person.timezone),
        active=True,
        unseen=False,
    )
    person.reminders.append(reminder)
    session.flush()
    return reminder


def active_reminders(session: Session, sender_id: str) -> list[Reminder]:
    return list(
        session.scalars(
            select(Reminder)
            .where(Reminder.sender_id == sender_id, Reminder.active.is_(True))
            .order_by(Reminder.id)
        )
    )


def stop_reminders(session: Session, sender_id: str) -> int:
    stopped = active_reminders(session, sender_id)
    for reminder in stopped:
        reminder.active = False
        reminder.unseen = False
    session.flush()
    return len(stopped)


def take_unseen(session: Session, sender_id: str) -> list[Reminder]:
    """Reminders sent while the person was away on a channel with no push; now seen."""
    found = list(
        session.scalars(
            select(Reminder).where(Reminder.sender_id == sender_id, Reminder.unseen.is_(True))
        )
    )
    for reminder in found:
        reminder.unseen = False
    session.flush()
    return found


def local_time_text(minute_of_day: int) -> str:
    hour, minute = divmod(minute_of_day, 60)
    suffix = "am" if hour < 12 else "pm"
    shown = hour % 12 or 12
    return f"{shown}:{minute:02d}{suffix}" if minute else f"{shown}{suffix}"
