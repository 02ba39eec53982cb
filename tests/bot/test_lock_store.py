"""AtomicRedisLockStore against a real, private redis-server: two stores (two Rasa servers) never
hold one conversation's lock at once, where Rasa's RedisLockStore does; expiry and cleanup are
Rasa's; Redis down or hung refuses the lock with a LockError."""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import signal
import socket
import subprocess
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import redis
from rasa.core.lock import TicketLock
from rasa.core.lock_store import LockError, LockStore, RedisLockStore
from rasa.core.utils import number_of_sanic_workers
from rasa.utils.endpoints import read_endpoint_config

from bot_extensions.lock_store import AtomicRedisLockStore
from tests.system_packages import require_file

ROOT = Path(__file__).resolve().parents[2]
REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"
PASSWORD = "test-" + uuid.uuid4().hex
STORES = [
    AtomicRedisLockStore,
    pytest.param(
        RedisLockStore,
        marks=pytest.mark.xfail(
            strict=True, reason="Rasa's RedisLockStore reads, changes and writes in separate steps"
        ),
    ),
]
BOTH = [AtomicRedisLockStore, RedisLockStore]


@pytest.fixture(autouse=True)
def _redis_installed() -> None:
    require_file(REDIS_SERVER, "redis-server")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class RedisServer:
    """A redis-server of our own on a free loopback port, with its data in a temp dir."""

    directory: Path
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        config = self.directory / "redis.conf"
        config.write_text(
            f"bind 127.0.0.1\nport {self.port}\nrequirepass {PASSWORD}\ndaemonize no\n"
            f"dir {self.directory}\nlogfile {self.directory / 'redis.log'}\n"
            'save ""\nappendonly no\n'
        )
        config.chmod(0o600)
        self.process = subprocess.Popen([REDIS_SERVER, str(config)])
        client = redis.Redis(port=self.port, password=PASSWORD, socket_timeout=1)
        deadline = time.monotonic() + 10
        while True:
            try:
                client.ping()
                return
            except redis.ConnectionError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise RuntimeError("redis-server did not start") from None
                time.sleep(0.02)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGCONT)  # in case a test left it paused
            self.process.terminate()
            self.process.wait(timeout=10)

    def store(self, store_class: type[RedisLockStore], **kwargs: object) -> RedisLockStore:
        options: dict = {"port": self.port, "password": PASSWORD, "key_prefix": "backbone"}
        options.update(kwargs)
        return store_class(host="127.0.0.1", **options)

    def client(self) -> redis.Redis:
        return redis.Redis(port=self.port, password=PASSWORD, db=1)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisServer]:
    running = RedisServer(tmp_path_factory.mktemp("redis"))
    running.start()
    yield running
    running.stop()


@pytest.fixture
def own_server(tmp_path: Path) -> Iterator[RedisServer]:
    """A server that a test may stop, restart or pause."""
    running = RedisServer(tmp_path)
    running.start()
    yield running
    running.stop()


def conversation() -> str:
    return "c" + uuid.uuid4().hex[:12]


# ---- (a) two servers, one conversation -------------------------------------------------------

WORKERS = 8  # threads, half on each store, each with its own event loop (a Rasa server's turns)
TURNS = 15  # per worker
BUDGET_SECONDS = 10.0  # no new turn after this (a correct run takes about 1 s)
TURN_TIMEOUT = 3.0  # a waiter that never gets the lock gives up (Rasa's store strands tickets)
LIFETIME = 2.0  # seconds; far above the longest wait in a correct run (about 8 × 5 ms)


@dataclass
class Contention:
    # (ticket number, were later tickets queued when its turn ended), in the order served
    served: list[tuple[int, bool]] = field(default_factory=list)
    turns: int = 0
    overlaps: int = 0  # times a second holder entered while one was inside
    errors: list[str] = field(default_factory=list)
    holders: int = 0
    guard: threading.Lock = field(default_factory=threading.Lock)
    failed: threading.Event = field(default_factory=threading.Event)  # no new turns after one

    def order_breaks(self) -> int:
        """Served tickets go 0, 1, 2, ...; numbering restarts at 0 only when the lock was
        deleted, which cannot happen while later tickets wait. Anything else (a number served
        twice, skipped, or a restart under waiting tickets) is two holders or a lost ticket."""
        pairs = zip(self.served, self.served[1:], strict=False)
        return sum(1 for (a, queued), (b, _) in pairs if b != a + 1 and (b != 0 or queued))


async def _worker(store: LockStore, conversation_id: str, stats: Contention, stop: float) -> None:
    async def turn() -> None:
        async with store.lock(conversation_id, LIFETIME, wait_time_in_seconds=0.002) as lock:
            ticket = lock.now_serving or 0
            with stats.guard:
                stats.holders += 1
                stats.overlaps += stats.holders > 1
                index = len(stats.served)
                stats.served.append((ticket, False))
            time.sleep(0.002)  # the turn's work, holding the lock
            now = store.get_lock(conversation_id)
            queued = now is not None and any(t.number > ticket for t in now.tickets)
            with stats.guard:
                stats.served[index] = (ticket, queued)
                stats.holders -= 1
                stats.turns += 1

    for _ in range(TURNS):
        if time.monotonic() > stop or stats.failed.is_set():
            return
        try:
            await asyncio.wait_for(turn(), TURN_TIMEOUT)
        except (TimeoutError, LockError) as error:
            with stats.guard:
                stats.errors.append(type(error).__name__)
            stats.failed.set()


def contend(stores: list[LockStore]) -> Contention:
    conversation_id = conversation()
    stats = Contention()
    stop = time.monotonic() + BUDGET_SECONDS
    threads = [
        threading.Thread(
            target=asyncio.run, args=(_worker(stores[i % 2], conversation_id, stats, stop),)
        )
        for i in range(WORKERS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(BUDGET_SECONDS + TURN_TIMEOUT + 5)
    assert not any(t.is_alive() for t in threads)
    return stats


@pytest.mark.parametrize("store_class", STORES)
def test_two_servers_never_hold_one_conversation_at_once(
    server: RedisServer, store_class: type[RedisLockStore]
) -> None:
    stats = contend([server.store(store_class), server.store(store_class)])
    print(
        f"{store_class.__name__}: {stats.turns} turns, {stats.overlaps} overlaps, "
        f"{stats.order_breaks()} order breaks, errors {stats.errors}"
    )
    assert stats.overlaps == 0
    assert stats.order_breaks() == 0
    assert stats.errors == []
    assert stats.turns == len(stats.served) == WORKERS * TURNS


@pytest.mark.parametrize(
    ("store_class", "expected"), [(RedisLockStore, [0, 0]), (AtomicRedisLockStore, [0, 1])]
)
def test_the_race_on_issuing_a_ticket(
    server: RedisServer, store_class: type[RedisLockStore], expected: list[int]
) -> None:
    """The interleaving behind the overlaps, step by step: server B issues a ticket after
    server A has read "no lock" and before A writes. Rasa's store then hands out ticket 0
    twice; ours sees the key change, reads again and issues 1."""
    conversation_id = conversation()
    a, b = server.store(store_class), server.store(store_class)
    b_tickets: list[int] = []

    def create_lock(conversation_id: str) -> TicketLock:
        if not b_tickets:
            b_tickets.append(b.issue_ticket(conversation_id))
        return TicketLock(conversation_id)

    a.create_lock = create_lock  # type: ignore[method-assign]
    assert sorted([a.issue_ticket(conversation_id), *b_tickets]) == expected


# ---- (b) expiry and cleanup, the same as Rasa's ----------------------------------------------


@pytest.mark.parametrize("store_class", BOTH)
def test_key_format_and_prefix_are_rasas(server: RedisServer, store_class: type) -> None:
    conversation_id = conversation()
    store = server.store(store_class)
    assert store.issue_ticket(conversation_id) == 0
    assert server.client().exists(f"backbone:lock:{conversation_id}")
    # Either store reads the other's lock (a rolling switch between them is possible).
    for reader_class in BOTH:
        lock = server.store(reader_class).get_lock(conversation_id)
        assert lock is not None and lock.now_serving == 0
    store.cleanup(conversation_id, 0)

    odd = server.store(store_class, key_prefix="not-alnum")
    assert odd.key_prefix == "lock:"  # Rasa ignores a non-alphanumeric prefix
    odd.issue_ticket(conversation_id)
    assert server.client().exists(f"lock:{conversation_id}")
    odd.cleanup(conversation_id, 0)
    assert not server.client().exists(f"lock:{conversation_id}")


@pytest.mark.parametrize("store_class", BOTH)
def test_tickets_expire_after_their_lifetime(server: RedisServer, store_class: type) -> None:
    conversation_id = conversation()
    store = server.store(store_class)
    assert store.issue_ticket(conversation_id, lock_lifetime=0.3) == 0
    assert store.issue_ticket(conversation_id, lock_lifetime=30) == 1
    assert store.get_lock(conversation_id).now_serving == 0
    time.sleep(0.4)
    assert store.get_lock(conversation_id).now_serving == 1  # 0 expired: 1 is served
    store.update_lock(conversation_id)
    assert [t.number for t in store.get_lock(conversation_id).tickets] == [1]
    assert store.issue_ticket(conversation_id, lock_lifetime=0.2) == 2
    store.cleanup(conversation_id, 1)
    time.sleep(0.3)
    # Every ticket expired: numbering starts again at 0, as in Rasa.
    assert store.issue_ticket(conversation_id) == 0
    assert [t.number for t in store.get_lock(conversation_id).tickets] == [0]
    store.cleanup(conversation_id, 0)


@pytest.mark.parametrize("store_class", BOTH)
def test_cleanup_deletes_the_lock_when_no_ticket_is_left(
    server: RedisServer, store_class: type
) -> None:
    conversation_id = conversation()
    key = f"backbone:lock:{conversation_id}"
    store = server.store(store_class)
    assert [store.issue_ticket(conversation_id) for _ in range(3)] == [0, 1, 2]
    store.finish_serving(conversation_id, 1)
    assert [t.number for t in store.get_lock(conversation_id).tickets] == [0, 2]
    store.cleanup(conversation_id, 0)
    assert store.is_someone_waiting(conversation_id)
    assert store.get_lock(conversation_id).now_serving == 2
    store.cleanup(conversation_id, 2)
    assert not server.client().exists(key)
    # Nothing to clean: no key is created.
    store.finish_serving(conversation_id, 5)
    store.update_lock(conversation_id)
    store.cleanup(conversation_id, 5)
    assert not server.client().exists(key)


@pytest.mark.parametrize("store_class", BOTH)
def test_a_dead_servers_ticket_stops_blocking_after_its_lifetime(
    server: RedisServer, store_class: type
) -> None:
    conversation_id = conversation()
    store = server.store(store_class)
    store.issue_ticket(conversation_id, lock_lifetime=0.3)  # its server died: no cleanup

    async def take() -> float:
        started = time.monotonic()
        async with store.lock(conversation_id, 5, wait_time_in_seconds=0.05) as lock:
            assert lock.now_serving == 1
            return time.monotonic() - started

    assert 0.25 < asyncio.run(take()) < 3
    assert not server.client().exists(f"backbone:lock:{conversation_id}")


# ---- (c) Redis down, hung or refusing ----------------------------------------------------------


def test_redis_down_is_a_lock_error_and_recovers(own_server: RedisServer) -> None:
    conversation_id = conversation()
    store = own_server.store(AtomicRedisLockStore, socket_timeout=1)
    assert store.issue_ticket(conversation_id) == 0
    own_server.stop()
    with pytest.raises(LockError, match="Error while acquiring lock") as error:
        store.issue_ticket(conversation_id)
    assert isinstance(error.value.__cause__.__cause__, redis.ConnectionError)
    for change in (store.cleanup, store.finish_serving):
        with pytest.raises(LockError):
            change(conversation_id, 0)
    with pytest.raises(LockError):
        store.update_lock(conversation_id)

    async def take() -> None:
        async with store.lock(conversation_id):
            raise AssertionError("processed without a lock")

    with pytest.raises(LockError):
        asyncio.run(take())

    own_server.start()  # same port: the same store instance reconnects
    assert store.issue_ticket(conversation_id) == 0  # Redis came back empty


def test_hung_redis_fails_within_the_socket_timeout(own_server: RedisServer) -> None:
    store = own_server.store(AtomicRedisLockStore, socket_timeout=0.5)
    assert own_server.process is not None
    os.kill(own_server.process.pid, signal.SIGSTOP)
    try:
        started = time.monotonic()
        with pytest.raises(LockError, match="Timeout"):
            store.issue_ticket(conversation())
        assert time.monotonic() - started < 3
    finally:
        os.kill(own_server.process.pid, signal.SIGCONT)
    assert store.issue_ticket(conversation()) == 0


def test_wrong_password_is_a_lock_error(server: RedisServer) -> None:
    store = server.store(AtomicRedisLockStore, password="wrong")
    with pytest.raises(LockError, match="Error while acquiring lock"):
        store.issue_ticket(conversation())


def test_retries_are_bounded(server: RedisServer) -> None:
    """A key that another client changes during every attempt ends in a LockError after
    `transaction_retries` attempts, not in an endless loop."""
    conversation_id = conversation()
    key = f"backbone:lock:{conversation_id}"
    store = server.store(AtomicRedisLockStore, transaction_retries=3)
    attempts: list[str] = []

    def create_lock(conversation_id: str) -> TicketLock:
        attempts.append(conversation_id)
        other = server.client()
        other.set(key, "{}")  # another server writes between our WATCH and EXEC
        other.delete(key)
        return TicketLock(conversation_id)

    store.create_lock = create_lock  # type: ignore[method-assign]
    with pytest.raises(LockError, match="3 times in a row"):
        store.issue_ticket(conversation_id)
    assert len(attempts) == 3
    assert not server.client().exists(key)


# ---- loading from the production endpoints ---------------------------------------------------


def test_loaded_from_the_production_endpoints(
    server: RedisServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = ROOT / "scripts" / "prod" / "endpoints.prod.yml"
    for name in set(re.findall(r"\$\{(\w+)\}", path.read_text())):
        monkeypatch.setenv(name, "1")
    monkeypatch.setenv("REDIS_HOST", "127.0.0.1")
    monkeypatch.setenv("REDIS_PORT", str(server.port))
    monkeypatch.setenv("REDIS_DB", "1")
    monkeypatch.setenv("REDIS_PASSWORD", PASSWORD)
    config = read_endpoint_config(str(path), "lock_store")
    assert config is not None and config.type == "bot_extensions.lock_store.AtomicRedisLockStore"

    store = LockStore.create(config)
    assert type(store) is AtomicRedisLockStore
    assert store.key_prefix == "backbone:lock:"
    connection = store.red.connection_pool.connection_kwargs
    assert connection["socket_timeout"] == 2 and connection["db"] == 1
    conversation_id = conversation()
    assert store.issue_ticket(conversation_id) == 0
    assert server.client().exists(f"backbone:lock:{conversation_id}")
    store.cleanup(conversation_id, 0)
    # Rasa allows several Sanic workers with it, as with `type: redis`.
    monkeypatch.setenv("SANIC_WORKERS", "2")
    assert number_of_sanic_workers(config) == 2
