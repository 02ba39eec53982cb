"""The review app's view of the programme: a person's plan, check-ins and PEG on their
conversation, and the queue of people whose pain is getting worse or who told a new symptom
(oldest first). Erasure taking the programme with the conversation is checked in
test_real_conversations.py (the one test that erases a conversation of the shared store)."""

from __future__ import annotations

import re

import pytest

from tests.review.conftest import CLINICIAN, ClientFactory, Databases, csrf_of, page_text
from tests.review.programme_rows import give_programme
from tests.review.test_real_conversations import conversation_id

pytestmark = pytest.mark.integration


def test_the_queue_lists_worsening_people_oldest_first_and_the_transcript_shows_the_plan(
    bot_databases: Databases, bot_client_for: ClientFactory
) -> None:
    give_programme(bot_databases.app_url, "bot-back-pain", "pain getting worse (now 7/10)", 3)
    give_programme(bot_databases.app_url, "bot-red-flag", "new symptom: bladder-problems", 1)
    give_programme(bot_databases.app_url, "bot-contact", None, 2)
    clinician = bot_client_for(CLINICIAN)
    queue = page_text(clinician.get("/programme/queue").text)
    assert queue.index("new symptom: bladder-problems") < queue.index("pain getting worse")
    assert "bot-contact" not in queue and "Conversation" in queue

    page = page_text(
        clinician.get(f"/conversations/{conversation_id(clinician, 'bot-back-pain')}").text
    )
    assert "Programme" in page and "bird-dog" in page and "2 sets of 6 slow reps" in page
    assert "2026-03-05 09:00 7 some hurt" in page

    queue_page = clinician.get("/programme/queue").text
    first = re.search(r'action="/programme/queue/(\d+)/handled"', queue_page).group(1)
    done = clinician.post(
        f"/programme/queue/{first}/handled",
        data={"csrf_token": csrf_of(queue_page)},
        follow_redirects=False,
    )
    assert done.status_code == 303
    left = page_text(clinician.get("/programme/queue").text)
    assert "bladder-problems" not in left and "pain getting worse" in left
