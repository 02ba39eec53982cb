"""A policy that asks the red-flag detector's check question before anything else.

The detector marks a message whose serious sign may be happening now with a `check_<level>`
entity (see bot_extensions/red_flags/component.py). Whatever the person asked, this policy
then starts the check form of that level; when an urgent sign is present as well, the urgent
reply comes first. It reads only the latest message, so the intent the classifier gave the
message stays as it is, and no rule has to list every intent and entity combination.
While a check form waits, a reply that is another request ("show me the plank") is no answer
(the slot mappings in domain/safety.yml leave `check_answer` empty): the policy says so and
the form asks again, so nothing is taught and nothing is assumed. The rules in
data/rules/safety.yml take over once the form has its answer.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker

from bot_extensions.deterministic_policy import DeterministicPolicy
from bot_extensions.triage import urgency_rank

# Above RulePolicy (6): the check comes before the rule that would answer the question.
PRIORITY = 7
# The form that asks each level's check question (entity `check_<level>`), most urgent first.
CHECK_PREFIX = "check_"
CHECK_FORMS = {
    "check_emergency": "emergency_check",
    "check_urgent": "urgent_check",
    "check_see_clinician": "clinician_check",
}
# The level each check form asks about.
FORM_LEVELS = {form: entity.removeprefix(CHECK_PREFIX) for entity, form in CHECK_FORMS.items()}
URGENT_REPLY = "utter_urgent"
ASK_AGAIN = "utter_check_again"


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT], is_trainable=True
)
class CheckQuestionPolicy(DeterministicPolicy):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"priority": PRIORITY}

    def next_action(self, tracker: DialogueStateTracker, domain: Domain) -> str | None:
        message = tracker.latest_message
        if message is None:
            return None
        last = tracker.latest_action_name
        names = {entity.get("entity") for entity in message.entities}
        # A check at a level the triage has already reached asks nothing new ("started this
        # morning and my back is agony" after an emergency): the rules answer instead.
        reached = urgency_rank(tracker.get_slot("triage"))
        form = next(
            (
                f
                for e, f in CHECK_FORMS.items()
                if e in names and urgency_rank(e.removeprefix(CHECK_PREFIX)) > reached
            ),
            None,
        )
        waiting = tracker.active_loop_name in CHECK_FORMS.values()
        # A check no more urgent than the one waiting does not take its place: the waiting
        # question is answered first ("osteoporosis... did it start after a fall?" / "she
        # slipped in the bath, it's been worse since" must not turn into a question about six
        # weeks of pain).
        if (
            waiting
            and form is not None
            and urgency_rank(FORM_LEVELS[form])
            <= urgency_rank(FORM_LEVELS[tracker.active_loop_name or ""])
        ):
            form = None
        if waiting and form is None:
            no_answer = last == ACTION_LISTEN_NAME and tracker.get_slot("check_answer") is None
            return ASK_AGAIN if no_answer else None
        if form is None or tracker.active_loop_name == form:
            return None
        urgent_now = any(
            e.get("entity") == "triage_level" and e.get("value") == "urgent"
            for e in message.entities
        )
        if last == ACTION_LISTEN_NAME:
            return URGENT_REPLY if urgent_now and form == "emergency_check" else form
        if last == URGENT_REPLY and urgent_now:
            return form
        return None
