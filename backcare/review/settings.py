"""The review app's settings, from the environment. There is no default secret key: the app
refuses to start without a real one."""

from __future__ import annotations

import os
from dataclasses import dataclass

from backcare.review.client_address import Network, parse_trusted_proxies
from backcare.review.passwords import CHEAPEST_HASHING
from backcare.settings import Settings

MINIMUM_SECRET_LENGTH = 32
PLACEHOLDER_WORDS = ("change", "secret", "example", "placeholder")
MINIMUM_DISTINCT_CHARACTERS = 12


class ConfigurationError(RuntimeError):
    pass


def check_secret_key(key: str) -> str:
    if not key:
        raise ConfigurationError(
            "REVIEW_SECRET_KEY is not set: generate one with "
            "`python -c 'import secrets; print(secrets.token_urlsafe(48))'`"
        )
    if (
        len(key) < MINIMUM_SECRET_LENGTH
        or len(set(key)) < MINIMUM_DISTINCT_CHARACTERS
        or any(word in key.lower() for word in PLACEHOLDER_WORDS)
    ):
        raise ConfigurationError(
            f"REVIEW_SECRET_KEY looks like a placeholder: use {MINIMUM_SECRET_LENGTH}+ random "
            "characters"
        )
    return key


@dataclass(frozen=True)
class ReviewSettings:
    secret_key: str
    database_url: str
    tracker_db_url: str
    https: bool = False
    session_hours: int = 8
    # Proxies whose X-Forwarded-For is believed (REVIEW_TRUSTED_PROXIES); none by default.
    trusted_proxies: tuple[Network, ...] = ()

    def __post_init__(self) -> None:
        check_secret_key(self.secret_key)

    @classmethod
    def from_env(cls) -> ReviewSettings:
        if os.environ.get("REVIEW_HTTPS") == "1" and CHEAPEST_HASHING:
            # the test suite's hashing behind TLS is a deployment that would store weak hashes
            raise ConfigurationError(
                "REVIEW_PASSWORD_HASHING=cheapest is for the test suite only; unset it to serve "
                "over HTTPS"
            )
        shared = Settings.from_env()
        return cls(
            secret_key=os.environ.get("REVIEW_SECRET_KEY", ""),
            database_url=shared.database_url,
            tracker_db_url=shared.tracker_db_url,
            https=os.environ.get("REVIEW_HTTPS") == "1",
            session_hours=int(os.environ.get("REVIEW_SESSION_HOURS") or 8),
            trusted_proxies=trusted_proxies_from_env(),
        )


def trusted_proxies_from_env() -> tuple[Network, ...]:
    value = os.environ.get("REVIEW_TRUSTED_PROXIES", "")
    try:
        return parse_trusted_proxies(value)
    except ValueError as error:
        raise ConfigurationError(
            f"REVIEW_TRUSTED_PROXIES must list addresses or networks, comma-separated ({error})"
        ) from None
