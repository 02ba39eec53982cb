"""Time the review app's conversation list with 10,000 conversations in a tracker store.

    python bench/review_list.py                # SQLite files in a temporary directory
    python bench/review_list.py --postgresql   # a private PostgreSQL server (tests/postgres.py)

Fills a tracker store with synthetic conversations shaped like Rasa 3.6's events, signs in, lets
the first list request take in every conversation (timed apart), then times each list query
(the whole request: session check, sync check, count, page, audit entry, template) in-process."""

from __future__ import annotations

import argparse
import secrets
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from backcare.database import make_engine  # noqa: E402
from backcare.migrate import upgrade_to_head  # noqa: E402
from backcare.review.app import create_app  # noqa: E402
from backcare.review.settings import ReviewSettings  # noqa: E402
from tests.postgres import PostgresServer  # noqa: E402
from tests.review import synthetic_tracker as synthetic  # noqa: E402
from tests.review.conftest import ADMIN, TestClient, add_accounts, sign_in  # noqa: E402

QUERIES = {
    "first page": {},
    "page 100": {"page": "100"},
    "triage emergency": {"triage": "emergency"},
    "red flag": {"red_flag": "saddle-numbness"},
    "channel telegram": {"channel": "telegram"},
    "date range (a week)": {"date_from": "2026-09-23", "date_to": "2026-09-30"},
    "unreviewed only": {"unreviewed": "true"},
    "search 'stiff morning'": {"q": "stiff morning"},
    "search + triage + channel": {"q": "leg", "triage": "see_clinician", "channel": "socketio"},
}


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def measure(client: TestClient, params: dict[str, str], repeats: int) -> list[float]:
    def request() -> None:
        response = client.get("/conversations", params=params)
        assert response.status_code == 200, response.text

    request()  # warm caches
    return [timed(request) for _ in range(repeats)]


def run(app_url: str, tracker_url: str, conversations: int, repeats: int) -> None:
    tracker = make_engine(tracker_url)
    print(f"writing {conversations} conversations ...", flush=True)
    written = timed(lambda: synthetic.write(tracker, synthetic.random_conversations(conversations)))
    print(f"  {written / 1000:.1f} s")
    upgrade_to_head(app_url)
    add_accounts(app_url)
    settings = ReviewSettings(
        secret_key=secrets.token_urlsafe(48), database_url=app_url, tracker_db_url=tracker_url
    )
    with TestClient(create_app(settings)) as client:
        sign_in(client, ADMIN)
        first = timed(lambda: client.get("/conversations"))
        print(f"first list request, summarising every conversation: {first / 1000:.1f} s")
        new = synthetic.conversation(1_795_000_000.0, [synthetic.RED_FLAG])
        synthetic.write(tracker, [("arrived-during-bench", new)])
        one_new = timed(lambda: client.get("/conversations"))
        print(f"list request taking in one new conversation: {one_new:.0f} ms")
        print(f"\n{'query':28} {'median':>8} {'p95':>8} {'max':>8}   ({repeats} requests each, ms)")
        for name, params in QUERIES.items():
            times = sorted(measure(client, params, repeats))
            p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
            print(f"{name:28} {statistics.median(times):8.1f} {p95:8.1f} {times[-1]:8.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--conversations", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=30)
    parser.add_argument("--postgresql", action="store_true")
    args = parser.parse_args()
    if not args.postgresql:
        with tempfile.TemporaryDirectory() as directory:
            run(
                f"sqlite:///{directory}/review.db",
                f"sqlite:///{directory}/tracker.db",
                args.conversations,
                args.repeats,
            )
        return
    server = PostgresServer()
    server.start()
    try:
        server.wait_ready()
        run(
            server.create_database("review"),
            server.create_database("tracker"),
            args.conversations,
            args.repeats,
        )
    finally:
        server.stop()


if __name__ == "__main__":
    main()
