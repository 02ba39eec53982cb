"""Start the Rasa server with its HTTP API always behind a token that never goes on a command line.

    python -m bot_extensions.serve [any `rasa run` arguments but --auth-token]

`rasa run --auth-token T` puts the token in the process's command line, which every user of the
machine reads with `ps`. This launcher reads the token from the environment instead and hands it
to Rasa in-process (`sys.argv` of this process only; the command line the kernel shows stays the
one above):

- `RASA_AUTH_TOKEN`: the token; set but empty (or blanks) is refused;
- else `RASA_AUTH_TOKEN_FILE`: a file holding it (`make run` generates `var/rasa-auth-token`,
  mode 600, when RASA_AUTH_TOKEN is unset); a missing or empty file is refused;
- neither: refused. The HTTP API (`--enable-api`, always on here) never runs open.

A `token` query parameter that is not the token is refused in constant time before Rasa's own
check sees it (`bot_extensions/http_guard.py`; Rasa compares it with `==`).

The socket.io channel lets a socket join a chat page's session only with the key the page
server gave for it, so this server needs the page server's secret
(`bot_extensions/channels/web_sessions.py`): `WEB_SESSION_SECRET`, else the file
`WEB_SESSION_SECRET_FILE` (default `var/web-session-secret`, generated once, mode 600, by
whichever of the two servers starts first). An empty or too short secret is refused here,
before Rasa starts.

It installs the project's Rasa patches (`bot_extensions/rasa_patches.py`), the Host and Origin
check (`bot_extensions/http_guard.py`) among them: allowed hosts are loopback plus
`RASA_ALLOWED_HOSTS`; allowed origins are the `--cors` arguments plus `RASA_ALLOWED_ORIGINS`,
and the same list goes to Rasa's `--cors` (its CORS headers, socket.io's included).
`--cors "*"` is refused: it would let any page in.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from bot_extensions import rasa_patches
from bot_extensions.channels import web_sessions
from bot_extensions.http_guard import normal_origin, split_list


class LaunchError(Exception):
    """The server cannot start with this configuration; the text says why and what to do."""


def auth_token(environ: Mapping[str, str]) -> str:
    """The token from RASA_AUTH_TOKEN, else from the file RASA_AUTH_TOKEN_FILE names."""
    if "RASA_AUTH_TOKEN" in environ:
        token = environ["RASA_AUTH_TOKEN"].strip()
        if not token:
            raise LaunchError(
                "RASA_AUTH_TOKEN is set but empty, which would leave the Rasa HTTP API open: "
                "set a token, or unset it (make run then generates var/rasa-auth-token)."
            )
        return token
    path = environ.get("RASA_AUTH_TOKEN_FILE", "").strip()
    if not path:
        raise LaunchError(
            "No token for the Rasa HTTP API: set RASA_AUTH_TOKEN or RASA_AUTH_TOKEN_FILE "
            "(make run generates var/rasa-auth-token)."
        )
    try:
        token = Path(path).read_text(encoding="utf-8").strip()
    except OSError as error:
        raise LaunchError(f"RASA_AUTH_TOKEN_FILE {path} cannot be read: {error}") from None
    if not token:
        raise LaunchError(f"RASA_AUTH_TOKEN_FILE {path} is empty.")
    return token


def rasa_arguments(
    args: Sequence[str], environ: Mapping[str, str]
) -> tuple[list[str], list[str], list[str]]:
    """(the `rasa run` arguments without --cors, the allowed origins, the allowed hosts)."""
    rest: list[str] = []
    origins: list[str] = []
    taking_cors = False
    for arg in args:
        if arg == "--auth-token" or arg.startswith("--auth-token="):
            raise LaunchError(
                "--auth-token would show the token to every user of the machine (ps): "
                "give it in RASA_AUTH_TOKEN or RASA_AUTH_TOKEN_FILE instead."
            )
        if arg == "--cors":
            taking_cors = True
            continue
        if arg.startswith("--cors="):
            origins.append(arg.split("=", 1)[1])
            continue
        if taking_cors and not arg.startswith("-"):
            origins.append(arg)
            continue
        taking_cors = False
        rest.append(arg)
    origins += split_list(environ.get("RASA_ALLOWED_ORIGINS"))
    for origin in origins:
        if origin.strip() == "*":
            raise LaunchError(
                'An allowed origin of "*" would let any web page write into conversations: '
                "list the chat page's origins instead."
            )
        if normal_origin(origin) is None:
            raise LaunchError(f"Not an origin (scheme://host[:port]): {origin!r}.")
    if "run" not in rest[:1]:
        rest.insert(0, "run")
    if "--enable-api" not in rest:
        rest.append("--enable-api")
    return rest, list(dict.fromkeys(origins)), split_list(environ.get("RASA_ALLOWED_HOSTS"))


def check_web_session_secret(environ: Mapping[str, str]) -> None:
    """The page server's secret is usable (read, or generated into its file when missing)."""
    try:
        web_sessions.session_secret(environ)
    except web_sessions.SecretError as error:
        raise LaunchError(
            f"{error} The socket.io channel checks the chat page's session keys with the page "
            "server's secret: give both servers the same WEB_SESSION_SECRET (or the same "
            "WEB_SESSION_SECRET_FILE)."
        ) from None


def rasa_argv(rest: Sequence[str], origins: Sequence[str], token: str) -> list[str]:
    """Rasa's command line: the arguments given, the origins for `--cors` and the token, as one
    `--auth-token=…` argument so that a token beginning with "-" is not read as an option."""
    cors = ["--cors", *origins] if origins else []
    return ["rasa", *rest, *cors, f"--auth-token={token}"]


def main(argv: Sequence[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        token = auth_token(os.environ)
        rest, origins, hosts = rasa_arguments(args, os.environ)
        check_web_session_secret(os.environ)
    except LaunchError as error:
        print(f"error: {error}", file=sys.stderr)
        raise SystemExit(2) from None
    # The Host and Origin check (bot_extensions/http_guard.py, installed with the other Rasa
    # patches) reads the complete lists from here.
    os.environ["RASA_ALLOWED_HOSTS"] = " ".join(hosts)
    os.environ["RASA_ALLOWED_ORIGINS"] = " ".join(origins)
    rasa_patches.install_all()
    # Only this process's own argv: /proc/<pid>/cmdline (what ps shows) is not changed.
    sys.argv = rasa_argv(rest, origins, token)
    from rasa.__main__ import main as rasa_main

    rasa_main()


if __name__ == "__main__":
    main()
