"""`python -m backcare.ports VAR ...`: fail in one line if a configured port is already taken."""

from __future__ import annotations

import os
import socket
import sys


def port_is_free(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


def main(variables: list[str]) -> int:
    for variable in variables:
        raw = os.environ.get(variable, "")
        if not raw.isdigit() or not 0 < int(raw) < 65536:
            print(f"error: {variable}={raw!r} is not a port number", file=sys.stderr)
            return 1
        if not port_is_free(int(raw)):
            print(
                f"error: port {raw} is already in use: set {variable} to a free port "
                f"(for example {variable}={int(raw) + 100} make run)",
                file=sys.stderr,
            )
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
