"""A policy that notices when the action server could not be reached and says so kindly.

Rasa logs a custom action that failed (action server down, timeout) as executed, with no
events after it, and sends the person nothing. Every custom action and form of this assistant
says something when it works, so "a custom action or form ran and nothing followed" means the
call failed. This policy then predicts a plain response, which needs no action server.

Two exceptions: actions that only add details after a rule's reply (the red-flag details after
the emergency reply) fail silently, so nothing dilutes "call emergency services now"; and
stories written in intents (training, `rasa test`) carry no text and no bot messages, so the
check applies to conversations with real messages only.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted
from rasa.shared.core.trackers import DialogueStateTracker

from bot_extensions.deterministic_policy import DeterministicPolicy

# Above RulePolicy (6), so the apology comes before any rule's next step.
PRIORITY = 7


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT], is_trainable=True
)
class ActionServerDownPolicy(DeterministicPolicy):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            "priority": PRIORITY,
            "response": "utter_lookup_unavailable",
            # Actions with nothing to add when there is nothing to answer: the red flag's
            # details after its reply, and the answer to a question beside the news of a
            # clinician's check ("a doctor came out and said bruising" asks nothing).
            "silent_when_failing": ["action_red_flag_details", "action_answer_after_check"],
        }

    def next_action(self, tracker: DialogueStateTracker, domain: Domain) -> str | None:
        if (
            tracker.latest_message
            and tracker.latest_message.text
            and self._last_remote_action_said_nothing(tracker, domain)
        ):
            return str(self.config["response"])
        return None

    def _last_remote_action_said_nothing(
        self, tracker: DialogueStateTracker, domain: Domain
    ) -> bool:
        last = tracker.events[-1] if tracker.events else None
        if not isinstance(last, ActionExecuted) or not last.action_name:
            return False
        remote = set(domain.user_actions) - set(domain.responses) | set(domain.form_names)
        return last.action_name in remote - set(self.config["silent_when_failing"])
