"""RulePolicy reads only as many past states as its longest rule, not the whole conversation.

At every prediction RulePolicy (Rasa 3.6) asks for the state before every past action and
walks all of them for each rule: a turn's cost grew with the conversation, and matching rules
was a fifth of a loaded server's CPU. What it reads of them:

- `_get_possible_keys` keeps a rule when each of the rule's states matches the state as far
  back; from further back than the rule is long, `_is_rule_applicable` answers True without
  looking. States older than the longest rule change nothing.
- `_create_feature_key` (no rule found) is compared with the keys of rules kept out of stories
  to decide whether to hide the turn; a key holds one entry per state, so a key of more states
  than the longest rule equals none of them, whatever those older states are.
- its featurizer (`MaxHistoryTrackerFeaturizer` without a maximum) changes only the last state
  (text or intent of the latest message) and drops nothing for RulePolicy.

So the last `longest rule + 1` states give the same predictions (same action, same hidden turn,
same unhappy-path notice).

Matching itself (`_get_possible_keys`) is Rasa's test, rule by rule and state by state, with
each rule's states reversed once instead of on every test (Rasa rebuilt that list for every
rule at every state of every prediction), and only on the rules whose last state can match the
conversation's previous action (grouped once by what they ask of it).

`tests/bot/test_history_cache.py` compares whole long conversations with Rasa's own functions,
and `tests/bot/test_rule_policy_window.py` the matching directly.
"""

from __future__ import annotations

from typing import Any

from rasa.core.policies.policy import Policy
from rasa.core.policies.rule_policy import (
    RULES,
    RULES_FOR_LOOP_UNHAPPY_PATH,
    RULES_NOT_IN_STORIES,
    RulePolicy,
)
from rasa.shared.core.constants import PREVIOUS_ACTION, SHOULD_NOT_BE_SET
from rasa.shared.core.domain import Domain, State
from rasa.shared.core.trackers import DialogueStateTracker

from bot_extensions.history_cache import only_last_states

# One state more than the longest rule, so a key of the window is longer than any rule's.
MARGIN = 1
WINDOW = "_backbone_rule_window"
# The lookup tables whose keys are rules' states.
_TABLES = (RULES, RULES_FOR_LOOP_UNHAPPY_PATH, RULES_NOT_IN_STORIES)


def window(policy: RulePolicy) -> int:
    """The longest rule's number of states plus MARGIN, recomputed when the rules change
    (training removes contradicting ones)."""
    tables = tuple(policy.lookup.get(table) or () for table in _TABLES)
    sizes = tuple(len(table) for table in tables)
    kept: tuple[tuple[int, ...], int] | None = policy.__dict__.get(WINDOW)
    if kept is None or kept[0] != sizes:
        longest = max(
            (
                len(policy._rule_key_to_state(key))
                for table in tables
                for key in table
                # The states of a rule, as JSON; the rules kept out of stories also name
                # Rasa's default and loop rules in words, which no key of states can equal.
                if key.startswith("[")
            ),
            default=0,
        )
        kept = (sizes, longest + MARGIN)
        policy.__dict__[WINDOW] = kept
    return kept[1]


def _prediction_states(
    self: RulePolicy,
    tracker: DialogueStateTracker,
    domain: Domain,
    use_text_for_last_user_input: bool = False,
    rule_only_data: dict[str, Any] | None = None,
) -> list[State]:
    with only_last_states(window(self)):
        return Policy._prediction_states(
            self, tracker, domain, use_text_for_last_user_input, rule_only_data
        )


REVERSED = "_backbone_reversed_rule_states"


def _reversed_rule_states(policy: RulePolicy, rule_key: str) -> list[State]:
    reversed_states: dict[str, list[State]] = policy.__dict__.setdefault(REVERSED, {})
    states = reversed_states.get(rule_key)
    if states is None:
        states = list(reversed(policy._rule_key_to_state(rule_key)))
        reversed_states[rule_key] = states
    return states


def _is_rule_applicable(
    policy: RulePolicy, rule_key: str, turn_index: int, conversation_state: State
) -> bool:
    """`RulePolicy._is_rule_applicable` of Rasa 3.6.21, with the rule's states reversed once."""
    reversed_rule_states = _reversed_rule_states(policy, rule_key)
    if turn_index >= len(reversed_rule_states):
        return True
    current_previous_action = conversation_state.get(PREVIOUS_ACTION)
    rule_previous_action = reversed_rule_states[turn_index].get(PREVIOUS_ACTION)
    if not rule_previous_action and not current_previous_action:
        return True
    if not rule_previous_action or not current_previous_action:
        return False
    return bool(policy._does_rule_match_state(reversed_rule_states[turn_index], conversation_state))


BY_LAST_ACTION = "_backbone_rules_by_last_action"
NO_LAST_ACTION = None


def _required(sub_state: dict[str, Any]) -> frozenset[tuple[str, Any]]:
    """The values a rule's previous action must have in the conversation: those it sets (a rule
    value that is empty, or "should not be set", asks for no particular value)."""
    return frozenset(
        (key, tuple(value) if isinstance(value, list) else value)
        for key, value in sub_state.items()
        if value and value != SHOULD_NOT_BE_SET
    )


def _rules_by_last_action(
    policy: RulePolicy, lookup: dict[str, str]
) -> dict[frozenset[tuple[str, Any]] | None, set[str]]:
    """The rules grouped by what their last state asks of the previous action, once per lookup
    (`NO_LAST_ACTION`: rules whose last state names none)."""
    indexes: dict[int, Any] = policy.__dict__.setdefault(BY_LAST_ACTION, {})
    keys = frozenset(lookup)
    cached = indexes.get(id(lookup))
    if cached is not None and cached[0] is lookup and cached[1] == keys:
        return cached[2]
    groups: dict[frozenset[tuple[str, Any]] | None, set[str]] = {}
    for rule_key in lookup:
        last = _reversed_rule_states(policy, rule_key)[0]
        previous = last.get(PREVIOUS_ACTION)
        group = _required(previous) if previous else NO_LAST_ACTION
        groups.setdefault(group, set()).add(rule_key)
    indexes[id(lookup)] = (lookup, keys, groups)
    return groups


def _rules_the_last_action_allows(
    policy: RulePolicy, lookup: dict[str, str], state: State
) -> set[str]:
    """The rules whose last state can match this state's previous action: a rule that names a
    previous action needs every value it sets to be the conversation's (Rasa's
    `_does_rule_match_state`), and one that names none matches only a state without one
    (`_is_rule_applicable`). The full test still decides; this only skips the rules it would
    reject at once."""
    groups = _rules_by_last_action(policy, lookup)
    previous = state.get(PREVIOUS_ACTION)
    if not previous:
        return set(groups.get(NO_LAST_ACTION, ()))
    have = _required(previous)
    allowed: set[str] = set()
    for group, keys in groups.items():
        if group is not NO_LAST_ACTION and group <= have:
            allowed |= keys
    return allowed


def _get_possible_keys(self: RulePolicy, lookup: dict[str, str], states: list[State]) -> set[str]:
    """`RulePolicy._get_possible_keys` of Rasa 3.6.21: the rules every state so far allows."""
    if not states:
        return set(lookup.keys())
    possible_keys = _rules_the_last_action_allows(self, lookup, states[-1])
    for turn_index, state in enumerate(reversed(states)):
        possible_keys = {
            key for key in possible_keys if _is_rule_applicable(self, key, turn_index, state)
        }
    return possible_keys


def install() -> None:
    """Called once at start-up by bot_extensions/rasa_patches.py."""
    RulePolicy._prediction_states = _prediction_states  # type: ignore[method-assign]
    RulePolicy._get_possible_keys = _get_possible_keys  # type: ignore[method-assign]
