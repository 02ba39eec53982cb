"""Fill a tracker store with real conversations: start the real action server and Rasa server
with the tracker store pointed at the test database, talk over REST, stop them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from tests.knowledge_db import build_knowledge_db
from tests.servers import Assistant

# sender id -> what the person types, in order
CONVERSATIONS: dict[str, list[str]] = {
    "bot-back-pain": ["hi", "why does my lower back hurt?", "yes", "bye"],
    "bot-red-flag": ["hello", "I can't feel anything when I wipe"],
    "bot-contact": ["my email is jo.bloggs@example.com and my number is 07700 900123"],
    "bot-script": ["<script>alert('xss')</script> my back hurts"],
    "bot-injection": ["'; DROP TABLE events; -- my hip hurts"],
    "bot-erase-me": ["hi", "my name is Jo and my back hurts"],
}


def talk_to_the_bot(workdir: Path, tracker_store: dict[str, Any]) -> None:
    endpoints = workdir / "endpoints.yml"
    assistant = Assistant(
        workdir=workdir, database_url=build_knowledge_db(workdir), endpoints=endpoints
    )
    endpoints.write_text(
        yaml.safe_dump(
            {
                "action_endpoint": {"url": f"http://127.0.0.1:{assistant.actions_port}/webhook"},
                "tracker_store": {"type": "SQL", **tracker_store},
            }
        )
    )
    try:
        assistant.start()
        for sender, messages in CONVERSATIONS.items():
            for message in messages:
                assistant.say(sender, message)
    finally:
        assistant.stop()
