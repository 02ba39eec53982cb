"""Rasa's Redis lock store with every change of a ticket lock done as one Redis transaction.

Rasa 3.6's `RedisLockStore` reads a conversation's `TicketLock`, changes it in Python and writes
it back with separate commands. Two Rasa servers handling one sender at the same moment can both
read the same ticket list: both then issue ticket 0 and both process the conversation, or one
server's write undoes the other's (a finished ticket comes back, a new one is lost). Here each
read-modify-write runs under WATCH/MULTI/EXEC and is retried when another client changed the key
in between, so tickets are unique and served in order across servers.

Same keys (`lock:<conversation id>`, or `<key_prefix>:lock:...`), JSON value, ticket lifetimes
and constructor arguments as `RedisLockStore` (plus an optional `transaction_retries`); only
`type` changes in the endpoints file:

    lock_store:
      type: bot_extensions.lock_store.AtomicRedisLockStore
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import TypeVar

from rasa.core.lock import TicketLock
from rasa.core.lock_store import (
    DEFAULT_SOCKET_TIMEOUT_IN_SECONDS,
    LOCK_LIFETIME,
    LockError,
    RedisLockStore,
)
from rasa.utils.endpoints import EndpointConfig
from redis.exceptions import RedisError, WatchError

logger = logging.getLogger(__name__)

# Another writer can only win a round by changing the key, and one conversation has few writers
# (one per message in flight), so a handful of retries is plenty; the bound turns a pathological
# livelock into a LockError (the turn is refused) instead of blocking the event loop.
DEFAULT_TRANSACTION_RETRIES = 20

T = TypeVar("T")
# Gets the stored lock (None when there is none), may change it in place, and returns the lock
# to store (None: delete the key) and the caller's result.
Change = Callable[[TicketLock | None], tuple[TicketLock | None, T]]


class AtomicRedisLockStore(RedisLockStore):
    """`RedisLockStore` whose ticket changes are optimistic Redis transactions."""

    def __init__(
        self,
        host: str = "localhost",
        port: int = 6379,
        db: int = 1,
        username: str | None = None,
        password: str | None = None,
        use_ssl: bool = False,
        ssl_certfile: str | None = None,
        ssl_keyfile: str | None = None,
        ssl_ca_certs: str | None = None,
        key_prefix: str | None = None,
        socket_timeout: float = DEFAULT_SOCKET_TIMEOUT_IN_SECONDS,
        transaction_retries: int = DEFAULT_TRANSACTION_RETRIES,
        endpoint_config: EndpointConfig | None = None,
    ) -> None:
        if endpoint_config is not None:
            # Rasa builds its own Redis store as RedisLockStore(host=url, **kwargs) but a custom
            # one as cls(endpoint_config=...): unpack it the same way, so the endpoints keys
            # stay those of `type: redis` (an unknown key fails the start, as there).
            settings = dict(endpoint_config.kwargs)
            transaction_retries = int(settings.pop("transaction_retries", transaction_retries))
            super().__init__(host=endpoint_config.url or host, **settings)
        else:
            super().__init__(
                host=host,
                port=port,
                db=db,
                username=username,
                password=password,
                use_ssl=use_ssl,
                ssl_certfile=ssl_certfile,
                ssl_keyfile=ssl_keyfile,
                ssl_ca_certs=ssl_ca_certs,
                key_prefix=key_prefix,
                socket_timeout=socket_timeout,
            )
        self.transaction_retries = max(1, transaction_retries)

    def _transact(self, conversation_id: str, change: Change[T]) -> T:
        """Apply `change` to the stored lock atomically; retry if the key changed meanwhile."""
        key = self.key_prefix + conversation_id
        try:
            with self.red.pipeline(transaction=True) as pipe:
                for _ in range(self.transaction_retries):
                    try:
                        pipe.watch(key)  # immediate mode: the GET below runs now
                        raw = pipe.get(key)
                        lock = TicketLock.from_dict(json.loads(raw)) if raw else None
                        before = lock.dumps() if lock else None
                        new_lock, result = change(lock)
                        after = new_lock.dumps() if new_lock else None
                        if after == before:
                            # Nothing to write (the usual case for a waiter's periodic
                            # update): a write would only make other clients retry.
                            pipe.unwatch()
                            return result
                        pipe.multi()
                        if new_lock is None:
                            pipe.delete(key)
                        else:
                            pipe.set(key, after)
                        pipe.execute()  # WatchError if anyone wrote the key since WATCH
                        return result
                    except WatchError:
                        logger.debug(f"Lock for '{conversation_id}' changed meanwhile; retrying.")
        except RedisError as error:
            # Connection refused, timeout, auth: surface it as Rasa's lock failure so the turn
            # is refused, never processed without a lock.
            raise LockError(
                f"Redis error on the lock for conversation '{conversation_id}': {error!r}"
            ) from error
        raise LockError(
            f"The lock for conversation '{conversation_id}' was changed by others "
            f"{self.transaction_retries} times in a row; gave up."
        )

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        """Issue a ticket (creating the lock if needed) in one transaction."""
        logger.debug(f"Issuing ticket for conversation '{conversation_id}'.")

        def change(lock: TicketLock | None) -> tuple[TicketLock | None, int]:
            lock = lock or self.create_lock(conversation_id)
            return lock, lock.issue_ticket(lock_lifetime)

        try:
            return self._transact(conversation_id, change)
        except Exception as error:
            # As Rasa: any failure is a LockError with this message, which operators (and
            # tests/prod/test_redis_fault.py) look for in the logs.
            raise LockError(f"Error while acquiring lock. Error:\n{error}") from error

    def update_lock(self, conversation_id: str) -> None:
        """Remove expired tickets (a waiter calls this between its attempts)."""

        def change(lock: TicketLock | None) -> tuple[TicketLock | None, None]:
            if lock:
                lock.remove_expired_tickets()
            return lock, None

        self._transact(conversation_id, change)

    def finish_serving(self, conversation_id: str, ticket_number: int) -> None:
        """Remove the ticket `ticket_number` in one transaction."""

        def change(lock: TicketLock | None) -> tuple[TicketLock | None, None]:
            if lock:
                lock.remove_ticket_for(ticket_number)
            return lock, None

        self._transact(conversation_id, change)

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        """Remove the ticket, and the lock if no ticket is left, in one transaction.

        Rasa checks "is someone waiting?" and deletes in two more steps, which can delete a
        ticket another server issued in between (its message then fails with a LockError).
        """

        def change(lock: TicketLock | None) -> tuple[TicketLock | None, None]:
            if lock is None:
                return None, None
            lock.remove_ticket_for(ticket_number)
            return (lock if lock.is_someone_waiting() else None), None

        self._transact(conversation_id, change)
