"""The chat page's session keys, as the socket.io channel checks them.

The page server (`backcare/web.py`) gives each browser a page id and that id's key: an
HMAC-SHA256 of the id with the web session secret. The page id is not a secret (it is the REST
fallback's conversation id and appears in the page server's URLs), so the socket.io channel
lets a socket join a session's room, and speak in it, only with the key. Both servers read the
same secret:

- `WEB_SESSION_SECRET` from the environment (at least 16 characters once stripped; set but
  shorter, or empty, is refused);
- else the file `WEB_SESSION_SECRET_FILE` (default `var/web-session-secret` under the project
  root, `BACKCARE_HOME`), generated once (O_EXCL, mode 600) by whichever of the page server and
  the Rasa server starts first; the other reads it.

The same derivation is written in `backcare/web.py` (`session_secret`, `session_key`): the two
packages never import each other, and tests/security/test_socketio_keys.py checks they agree.
Standard library only, so the app environment's tests can import it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

SIGNED = b"backbone-web-session\x00"
MIN_SECRET_CHARS = 16
# Another process may have just created the file and not yet written it.
_WRITE_WAIT_SECONDS = 2.0


class SecretError(Exception):
    """No usable web session secret; the text says why and what to do."""


def project_root(environ: Mapping[str, str]) -> Path:
    return Path(environ.get("BACKCARE_HOME") or Path(__file__).resolve().parents[2])


def secret_file(environ: Mapping[str, str]) -> Path:
    given = environ.get("WEB_SESSION_SECRET_FILE")
    return Path(given) if given else project_root(environ) / "var" / "web-session-secret"


def session_secret(environ: Mapping[str, str] | None = None) -> bytes:
    """WEB_SESSION_SECRET, else the secret of WEB_SESSION_SECRET_FILE, generated if missing."""
    environ = os.environ if environ is None else environ
    given = environ.get("WEB_SESSION_SECRET")
    if given is not None:
        if len(given.strip()) < MIN_SECRET_CHARS:
            raise SecretError(
                f"WEB_SESSION_SECRET must be at least {MIN_SECRET_CHARS} characters "
                "(the page server's secret), or unset to use WEB_SESSION_SECRET_FILE."
            )
        return given.strip().encode()
    path = secret_file(environ)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(descriptor, "w") as created:
                created.write(secrets.token_urlsafe(48) + "\n")
        os.chmod(path, 0o600)
        secret = path.read_text(encoding="utf-8").strip()
        deadline = time.monotonic() + _WRITE_WAIT_SECONDS
        while len(secret) < MIN_SECRET_CHARS and time.monotonic() < deadline:
            time.sleep(0.05)
            secret = path.read_text(encoding="utf-8").strip()
    except OSError as error:
        raise SecretError(f"the web session secret file {path} cannot be used: {error}") from None
    if len(secret) < MIN_SECRET_CHARS:
        raise SecretError(f"{path} holds no usable secret; remove it to generate one.")
    return secret.encode()


def session_key(secret: bytes, session_id: str) -> str:
    """The key the page server gave the browser it issued `session_id` to."""
    digest = hmac.new(secret, SIGNED + session_id.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def key_matches(secret: bytes, session_id: str, given: Any) -> bool:
    """Whether `given` is the key of `session_id`, compared in constant time."""
    return isinstance(given, str) and hmac.compare_digest(
        session_key(secret, session_id).encode(), given.encode("utf-8", "replace")
    )
