"""Password hashing with Argon2id (argon2-cffi's defaults, RFC 9106's low-memory profile)."""

from __future__ import annotations

import os

from argon2 import PasswordHasher, profiles
from argon2.exceptions import InvalidHashError, VerificationError

# The test suite sets REVIEW_PASSWORD_HASHING=cheapest: Argon2's cost protects stored passwords,
# and in the suite it only burns CPU on every test login. Unset or anything else, the default
# profile; a hash made with either verifies with either (the review app refuses the cheapest
# behind HTTPS: settings.py).
CHEAPEST_HASHING = os.environ.get("REVIEW_PASSWORD_HASHING") == "cheapest"
_hasher = PasswordHasher.from_parameters(
    profiles.CHEAPEST if CHEAPEST_HASHING else profiles.RFC_9106_LOW_MEMORY
)
# Checked when the e-mail is unknown, so an unknown account takes as long as a wrong password.
_UNKNOWN_ACCOUNT_HASH = _hasher.hash("not a real account")
MINIMUM_PASSWORD_LENGTH = 12


class WeakPasswordError(ValueError):
    pass


def hash_password(password: str) -> str:
    if len(password) < MINIMUM_PASSWORD_LENGTH:
        raise WeakPasswordError(f"a password needs at least {MINIMUM_PASSWORD_LENGTH} characters")
    return _hasher.hash(password)


def password_matches(password_hash: str | None, password: str) -> bool:
    try:
        _hasher.verify(password_hash or _UNKNOWN_ACCOUNT_HASH, password)
    except (VerificationError, InvalidHashError):
        return False
    return password_hash is not None


def needs_rehash(password_hash: str) -> bool:
    return _hasher.check_needs_rehash(password_hash)
