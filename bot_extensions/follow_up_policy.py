"""A policy that answers a question about the exercise card just shown, before the rules.

"Can I do it in bed?" or "both sides or just the tight one?" right after the bird dog's card
reads to the classifier as a request for exercises, and before the screening questions the
rules answer that with the screening ("Before I suggest exercises, a few quick questions...").
The person asked about the card: `action_answer_exercise` answers from it
(actions/follow_ups.py). The questions are told by the cues in data/knowledge/messages.yml
(`follow_ups`), the same data the action reads. The policy stands back when the message raises
an alarm or a check question, while a form asks its questions, and after an urgent referral or
an emergency, whose rules say what comes first.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot_extensions.check_policy import CHECK_FORMS
from bot_extensions.deterministic_policy import DeterministicPolicy
from bot_extensions.triage import ALARM_LEVELS
from bot_extensions.yaml_files import read_yaml

# Above RulePolicy (6); listed after the check and server-down policies, which win a tie.
PRIORITY = 7
# Read as the action reads them (actions/parsing.py `prepare`, actions/follow_ups.py): the first
# 500 characters, lower-cased, each run of spaces made one, apostrophes dropped. The app's
# package is not importable here, so the reading is written again and kept the same.
APOSTROPHES = re.compile(r"['‘’`]")
MAX_READ_CHARS = 500
# What the red-flag component writes when the message needs the safety rules' reply first.
SAFETY_ENTITIES = frozenset({"triage_level", *CHECK_FORMS})


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT], is_trainable=True
)
class FollowUpPolicy(DeterministicPolicy):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            "priority": PRIORITY,
            "messages_file": "data/knowledge/messages.yml",
            "action": "action_answer_exercise",
            "card_slot": "current_exercise",
            # the readings a question about the card gets from the classifier
            "intents": [
                "ask_exercise",
                "ask_exercise_safety",
                "ask_stiffness",
                "ask_hip_pain",
                "ask_pain_cause",
                "ask_sciatica",
                "inform",
                "out_of_scope",
                "nlu_fallback",
                # "and no equipment needed right?", "yes, how many?"
                "deny",
                "affirm",
            ],
        }

    def __init__(self, config: dict[str, Any], *args: Any, **kwargs: Any) -> None:
        super().__init__(config, *args, **kwargs)
        messages = read_yaml(Path(config["messages_file"]))
        cues = [cue for follow_up in messages["follow_ups"] for cue in follow_up["cues"]]
        self.cue = re.compile(r"\b(" + "|".join(re.escape(cue) for cue in cues) + r")\b")
        self.action = config["action"]
        self.card_slot = config["card_slot"]
        self.intents = frozenset(config["intents"])

    def next_action(self, tracker: DialogueStateTracker, domain: Domain) -> str | None:
        if not self._asks_about_the_card(tracker):
            return None
        if tracker.latest_action_name == ACTION_LISTEN_NAME:
            return self.action
        return ACTION_LISTEN_NAME if tracker.latest_action_name == self.action else None

    def _asks_about_the_card(self, tracker: DialogueStateTracker) -> bool:
        message = tracker.latest_message
        if message is None or tracker.active_loop_name:
            return False
        if (message.intent or {}).get("name") not in self.intents:
            return False
        if any(e.get("entity") in SAFETY_ENTITIES for e in message.entities):
            return False
        if tracker.get_slot("triage") in ALARM_LEVELS:
            return False
        text = APOSTROPHES.sub("", " ".join((message.text or "")[:MAX_READ_CHARS].lower().split()))
        return bool(self.cue.search(text)) and self._card_just_shown(tracker)

    def _card_just_shown(self, tracker: DialogueStateTracker) -> bool:
        """The card's slot was set between the person's previous message and this one."""
        users = [i for i, event in enumerate(tracker.events) if isinstance(event, UserUttered)]
        if len(users) < 2:
            return False
        return any(
            isinstance(event, SlotSet) and event.key == self.card_slot and event.value
            for event in list(tracker.events)[users[-2] : users[-1]]
        )
