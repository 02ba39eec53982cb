"""The prebuilt validator accepts what Rasa's own check accepts and rejects what it rejects."""

from __future__ import annotations

import jsonschema
import pytest
from rasa.core.actions.action import RemoteAction
from rasa.utils.endpoints import EndpointConfig

import bot_extensions.policies  # noqa: F401  (installs the validator, as a running server does)


@pytest.fixture
def action() -> RemoteAction:
    return RemoteAction("action_explain_topic", EndpointConfig("http://127.0.0.1:1/webhook"))


def test_a_valid_response_passes(action: RemoteAction) -> None:
    result = {
        "events": [{"event": "slot", "name": "triage", "value": "none"}],
        "responses": [{"text": "hi"}],
    }
    assert action._validate_action_result(result) is True


def test_an_invalid_response_is_rejected_as_before(action: RemoteAction) -> None:
    with pytest.raises(jsonschema.ValidationError) as error:
        action._validate_action_result({"events": "not a list", "responses": []})
    assert "Failed to validate Action server response from API." in str(error.value)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"events": "not a list"}, RemoteAction.action_response_format_spec())
