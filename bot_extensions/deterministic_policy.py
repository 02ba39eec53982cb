"""The shape shared by this project's deterministic policies: no training, one next action.

A subclass says which action comes next, or None; the policy then predicts it with certainty
and its priority decides against the other policies. Abstract, so the recipe registers only
the subclasses.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from rasa.core.policies.policy import Policy, PolicyPrediction
from rasa.engine.storage.resource import Resource
from rasa.shared.core.domain import Domain
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker

from bot_extensions import rasa_patches


class DeterministicPolicy(Policy, ABC):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Every Rasa server with this config builds these policies: the place to refuse a Rasa
        # started without the project's patches (the triage floor among them).
        rasa_patches.require_installed(type(self).__name__)
        super().__init__(*args, **kwargs)

    def train(
        self, training_trackers: list[TrackerWithCachedStates], domain: Domain, **kwargs: Any
    ) -> Resource:
        return self._resource

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        probabilities = self._default_predictions(domain)
        action = self.next_action(tracker, domain)
        if action is not None:
            probabilities[domain.index_for_action(action)] = 1.0
        return self._prediction(probabilities)

    @abstractmethod
    def next_action(self, tracker: DialogueStateTracker, domain: Domain) -> str | None:
        """The action that must come next, or None to leave it to the other policies."""
