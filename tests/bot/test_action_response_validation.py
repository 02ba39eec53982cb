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


RESPONSES = [
    {"events": [], "responses": []},
    {"events": [{"event": "slot", "name": "triage", "value": "urgent"}], "responses": []},
    {"events": [{"event": "followup", "name": "action_listen"}], "responses": [{"text": "x"}]},
    {"events": [{"event": "active_loop", "name": None}, {"event": "reset_slots"}]},
    {"events": [{"event": "bot", "text": "hi", "data": {}}]},
    # an event type Rasa does not know
    {"events": [{"event": "made_up", "name": "x"}]},
    # a known type with a field of the wrong type
    {"events": [{"event": "slot", "name": 3, "value": "x"}]},
    {"events": [{"event": "user", "text": "hi", "parse_data": "not an object"}]},
    {"events": [{"event": "slot", "name": "a", "value": 1, "timestamp": "yesterday"}]},
    # an event without its name, an event that is no object, a response that is no object
    {"events": [{"name": "triage"}]},
    {"events": ["slot"]},
    {"events": [], "responses": ["hi"]},
    {"events": "not a list"},
    "not an object",
]


@pytest.mark.parametrize("response", RESPONSES)
def test_the_quick_check_gives_the_full_schemas_verdict(
    action: RemoteAction, response: object
) -> None:
    full = jsonschema.validators.validator_for(RemoteAction.action_response_format_spec())(
        RemoteAction.action_response_format_spec()
    )
    if full.is_valid(response):
        assert action._validate_action_result(response) is True
    else:
        with pytest.raises(jsonschema.ValidationError) as error:
            action._validate_action_result(response)
        expected = jsonschema.exceptions.best_match(full.iter_errors(response))
        assert error.value.message.startswith(expected.message)
