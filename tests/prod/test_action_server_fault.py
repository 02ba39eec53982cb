"""The action server killed mid-conversation: people get a graceful "can't look that up right
now" (ActionServerDownPolicy), red-flag replies still work (they are domain responses chosen by
rules), and once the action server is back the conversation goes on."""

from __future__ import annotations

import asyncio
import uuid

import pytest
import yaml

from bench.loadgen.client import run_load, stored_turns
from bot_extensions.yaml_files import read_yaml
from tests.prod.profile import Profile
from tests.servers import ROOT

pytestmark = pytest.mark.prod

SAFETY = yaml.safe_load((ROOT / "domain" / "safety.yml").read_text())["responses"]
EMERGENCY_SELF = SAFETY["utter_emergency"][2]["text"]
LOOKUP_UNAVAILABLE = SAFETY["utter_lookup_unavailable"][0]["text"]
KNOWLEDGE = ROOT / "data" / "knowledge"
JOINT_BY_JOINT = next(
    t["summary"]
    for t in read_yaml(KNOWLEDGE / "education.yml")["topics"]
    if t["slug"] == "joint-by-joint"
)
BLADDER = next(
    f["message"]
    for f in read_yaml(KNOWLEDGE / "red_flags.yml")["red_flags"]
    if f["slug"] == "bladder-problems"
)


def texts(profile: Profile, sender: str, message: str) -> list[str]:
    response = profile.say(sender, message)
    assert response.status_code == 200, response.text
    return [reply.get("text", "") for reply in response.json()]


def test_action_server_killed_mid_conversation(profile: Profile) -> None:
    person, flagged = f"actions-{uuid.uuid4().hex[:10]}", f"actions-rf-{uuid.uuid4().hex[:10]}"
    assert texts(profile, person, "hi")
    assert JOINT_BY_JOINT in "\n".join(texts(profile, person, "why does my lower back hurt?"))

    profile.kill_actions()
    try:
        # A knowledge-base answer: the graceful reply instead of silence.
        assert texts(profile, person, "what are the warning signs?") == [LOOKUP_UNAVAILABLE]
        # Replies chosen by rules alone do not need the action server.
        assert texts(profile, person, "thanks")[0].startswith("You're welcome")
        # A red flag: the emergency reply, a domain response; the details from the knowledge
        # base are missing (at most the apology stands in for them).
        said = texts(profile, flagged, "I wet myself this morning and my back is agony")
        assert said[0] == EMERGENCY_SELF
        assert said[1:] in ([], [LOOKUP_UNAVAILABLE])
        assert profile.tracker(flagged)["slots"]["triage"] == "emergency"
        # Several people at once while it is down: every message is answered, except a bare
        # "yes"/"no" to an offer that could not be made (there is nothing to agree to).
        during = asyncio.run(run_load(profile.url, people=10, conversations=10, turns=4))
        unanswered = {
            text
            for c in during.conversations
            for text, t in zip(c.script, c.turns, strict=False)
            if t.error
        }
        assert {t.status for t in during.turns} == {200}
        assert unanswered <= {"yes", "sure", "no thanks"}, unanswered
    finally:
        profile.start_actions()

    # Back: the same conversations go on, with the knowledge base again.
    assert JOINT_BY_JOINT in "\n".join(texts(profile, person, "why does my lower back hurt?"))
    details = "\n".join(texts(profile, flagged, "I wet myself again just now"))
    assert " ".join(BLADDER.split()) in " ".join(details.split())
    # The outage left complete turns behind: each one ends listening, the fallback is stored.
    _, stored = stored_turns(profile.tracker(person)["events"])
    assert [t.user for t in stored] == [
        "hi",
        "why does my lower back hurt?",
        "what are the warning signs?",
        "thanks",
        "why does my lower back hurt?",
    ]
    assert all(t.events[-1] == "action:action_listen" for t in stored)
    assert stored[2].bot_texts == [LOOKUP_UNAVAILABLE]
