"""Progress by the rules in data/knowledge/programme.yml: what a check-in changes in the plan.

Two check-ins in a row with the drills easy and pain not worse move a drill up a step. Pain up
by the rule's points, or "it hurt", moves every drill down a step; a drill moved down the
rule's number of times brings the advice to see a physiotherapist. The person is told each
change and why (actions/programme.py says it).
"""

from __future__ import annotations

from dataclasses import dataclass

from backcare.knowledge.schema import ProgrammeFile
from backcare.programme.models import CheckIn, Plan, PlanExercise
from backcare.programme.rules import ladder_of, programme_settings

UP, DOWN, TOP, BOTTOM, PHYSIO = "up", "down", "top", "bottom", "physio"
EASY, PAIN_RISE, HURT = "easy", "pain_rise", "hurt"


@dataclass(frozen=True)
class Change:
    kind: str
    reason: str
    before: str
    after: str = ""
    dose: str = ""

    def as_dict(self) -> dict[str, str]:
        return {
            "kind": self.kind,
            "reason": self.reason,
            "before": self.before,
            "after": self.after,
            "dose": self.dose,
        }


def pain_rise(check_in: CheckIn, previous: CheckIn | None) -> int:
    if previous is None or previous.pain is None or check_in.pain is None:
        return 0
    return check_in.pain - previous.pain


def apply_check_in(
    plan: Plan, check_in: CheckIn, previous: CheckIn | None, settings: ProgrammeFile | None = None
) -> list[Change]:
    """Move the plan's drills by the rules; record and return what changed."""
    settings = settings or programme_settings()
    rules = settings.progress
    rise = pain_rise(check_in, previous)
    changes: list[Change] = []
    if check_in.felt == "hurt" or rise >= rules.pain_rise_to_move_down:
        reason = HURT if check_in.felt == "hurt" else PAIN_RISE
        for drill in plan.exercises:
            changes.append(_move(drill, -1, reason, settings))
        if not plan.physio_advised and any(
            d.times_down >= rules.moves_down_before_physiotherapist for d in plan.exercises
        ):
            plan.physio_advised = True
            changes.append(Change(PHYSIO, reason, before=""))
    elif check_in.felt == "easy" and check_in.done in ("all", "some") and rise <= 0:
        for drill in plan.exercises:
            drill.easy_streak += 1
            if drill.easy_streak >= rules.easy_check_ins_to_move_up:
                changes.append(_move(drill, +1, EASY, settings))
    else:
        for drill in plan.exercises:
            drill.easy_streak = 0
    check_in.changes = [change.as_dict() for change in changes]
    return changes


def _move(drill: PlanExercise, direction: int, reason: str, settings: ProgrammeFile) -> Change:
    drill.easy_streak = 0
    if direction < 0:
        drill.times_down += 1
    ladder = ladder_of(drill.ladder, settings)
    before = drill.exercise_slug
    target = drill.step + direction
    if ladder is None or target < 0 or target >= len(ladder.steps):
        return Change(TOP if direction > 0 else BOTTOM, reason, before=before)
    step = ladder.steps[target]
    drill.step, drill.exercise_slug, drill.dose = target, step.exercise, step.dose
    return Change(
        UP if direction > 0 else DOWN, reason, before=before, after=step.exercise, dose=step.dose
    )


def worrying(check_in: CheckIn, changes: list[Change]) -> str | None:
    """Why the clinicians should look at this person now, or None."""
    if check_in.red_flags:
        return "new symptom: " + ", ".join(check_in.red_flags)
    if any(change.kind == PHYSIO for change in changes):
        return "moved down repeatedly: physiotherapist advised"
    if any(change.reason == PAIN_RISE for change in changes):
        return f"pain getting worse (now {check_in.pain}/10)"
    return None
