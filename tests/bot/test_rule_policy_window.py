"""RulePolicy's window is one state longer than its longest rule, follows the rules it has, and
is installed at start-up; tests/bot/test_history_cache.py proves the predictions unchanged."""

from __future__ import annotations

import json
from itertools import product

from rasa.core.policies.policy import Policy
from rasa.core.policies.rule_policy import RULES, RULES_NOT_IN_STORIES, RulePolicy
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource

from bot_extensions import rasa_patches, rule_policy_window


def policy(tmp_path) -> RulePolicy:  # type: ignore[no-untyped-def]
    return RulePolicy.create(
        RulePolicy.get_default_config(),
        LocalModelStorage(tmp_path),
        Resource("rules"),
        ExecutionContext(GraphSchema({}), "test"),
    )


def key(length: int) -> str:
    return json.dumps([{"prev_action": {"action_name": f"a{i}"}} for i in range(length)])


def test_the_window_is_the_longest_rule_plus_one_and_follows_the_rules(tmp_path) -> None:
    rules = policy(tmp_path)
    rules.lookup = {RULES: {key(2): "utter_a", key(5): "utter_b"}, RULES_NOT_IN_STORIES: []}
    assert rule_policy_window.window(rules) == 6
    rules.lookup[RULES_NOT_IN_STORIES] = [key(7), "handling active loops and forms - form"]
    assert rule_policy_window.window(rules) == 8
    del rules.lookup[RULES][key(5)]
    rules.lookup[RULES_NOT_IN_STORIES] = []
    assert rule_policy_window.window(rules) == 3


def test_rule_policy_asks_for_its_window_only() -> None:
    assert RulePolicy._prediction_states is rule_policy_window._prediction_states
    assert Policy._prediction_states is not rule_policy_window._prediction_states


def test_rule_matching_is_rasas(tmp_path) -> None:
    """Rules of several lengths, a conversation-start rule and a slot that must not be set,
    against conversations of every length: the same rules are kept as by Rasa's own code."""
    rasa_get_possible_keys = rasa_patches.original(
        "rasa.core.policies.rule_policy:RulePolicy._get_possible_keys"
    )
    listen = {"prev_action": {"action_name": "action_listen"}}
    greet = {"user": {"intent": "greet"}, **listen}
    bye = {"user": {"intent": "bye"}, **listen}
    unset = {"slots": {"triage": "should_not_be_set"}, **greet}
    said = {"prev_action": {"action_name": "utter_greet"}}
    rules = {
        json.dumps([greet]): "utter_greet",
        json.dumps([said, bye]): "utter_bye",
        json.dumps([{}, greet]): "utter_welcome",  # conversation start
        json.dumps([unset]): "utter_plain",
        json.dumps([greet, said, greet, said, bye]): "utter_long",
    }
    triaged = {"slots": {"triage": (1.0,)}, **greet}
    rules_policy = policy(tmp_path)
    for length in range(1, 6):
        for states in product([{}, greet, bye, said, triaged], repeat=length):
            states_list = [dict(state) for state in states]
            assert rule_policy_window._get_possible_keys(
                rules_policy, rules, states_list
            ) == rasa_get_possible_keys(rules_policy, rules, states_list), states_list


def test_rules_are_tried_only_when_the_last_action_can_match(tmp_path) -> None:
    """The grouping by previous action skips rules, never keeps one Rasa would drop or drops
    one Rasa keeps, also when the rules change after a first lookup."""
    rasa_get_possible_keys = rasa_patches.original(
        "rasa.core.policies.rule_policy:RulePolicy._get_possible_keys"
    )
    listen = {"prev_action": {"action_name": "action_listen"}}
    form = {"prev_action": {"action_name": "screening_form"}, "active_loop": {"name": "x"}}
    unset = {"prev_action": {"action_name": "should_not_be_set"}}
    text = {"prev_action": {"action_text": "hello"}}
    rules = {
        json.dumps([{"user": {"intent": "greet"}, **listen}]): "utter_greet",
        json.dumps([form]): "screening_form",
        json.dumps([unset]): "utter_unset",
        json.dumps([text]): "utter_text",
        json.dumps([{}]): "utter_start",
    }
    rules_policy = policy(tmp_path)
    states = [{}, listen, form, unset, text, {"user": {"intent": "greet"}, **listen}]
    for state in states:
        for before in states:
            pair = [dict(before), dict(state)]
            assert rule_policy_window._get_possible_keys(
                rules_policy, rules, pair
            ) == rasa_get_possible_keys(rules_policy, rules, pair), pair
    assert rule_policy_window._get_possible_keys(rules_policy, rules, [dict(form)]) == {
        json.dumps([form])
    }
    rules[json.dumps([{"prev_action": {"action_name": "screening_form"}}])] = "utter_new"
    assert len(rule_policy_window._get_possible_keys(rules_policy, rules, [dict(form)])) == 2
