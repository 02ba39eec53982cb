"""How knowledge-base rows read in a chat message. Wording of the content stays in the data."""

from __future__ import annotations

from backcare.knowledge.models import EducationTopic, Exercise, RedFlag, Referral
from backcare.pictures import has_picture, picture_url


def numbered(lines: list[str]) -> str:
    return "\n".join(f"{number}. {line}" for number, line in enumerate(lines, start=1))


def bulleted(lines: list[str]) -> str:
    return "\n".join(f"• {line}" for line in lines)


def exercise_card(exercise: Exercise, why: str, position: int | None = None) -> str:
    """Name, why it helps and dose, then who should check first, the steps, tips and when
    to stop."""
    heading = f"{position}. {exercise.name}" if position else exercise.name
    parts = [heading, why, f"How much: {exercise.dose}"]
    if exercise.cautions:
        parts += ["Check first:", bulleted([caution["text"] for caution in exercise.cautions])]
    parts += ["How to do it:", numbered(exercise.steps)]
    if exercise.cues:
        parts += ["Tips:", bulleted(exercise.cues)]
    parts += ["Stop if:", bulleted(exercise.stop_if)]
    return "\n".join(parts)


def exercise_picture(exercise: Exercise) -> str | None:
    """The URL of the exercise's picture (start and end position), sent as the card's image."""
    return picture_url(exercise.slug) if has_picture(exercise.slug) else None


def topic_message(topic: EducationTopic, detailed: bool = False) -> str:
    return f"{topic.title}\n{topic.body if detailed else topic.summary}"


def red_flag_message(flag: RedFlag, referral: Referral | None) -> str:
    return f"{flag.message}\n{referral.who}: {referral.how}" if referral else flag.message


def referral_line(referral: Referral) -> str:
    return f"{referral.who}: {referral.when} {referral.how}"
