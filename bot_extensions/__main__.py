"""Rasa's command line with this project's Rasa patches installed first.

`python -m bot_extensions <command> ...` is `rasa <command> ...` after
`rasa_patches.install_all()`, the one place where the patches are installed; `run` goes through
the launcher `bot_extensions/serve.py` (token from the environment, never argv), which installs
them the same way.
"""

from __future__ import annotations

import sys

from bot_extensions import rasa_patches


def main() -> None:
    if sys.argv[1:2] == ["run"]:
        # Serving goes through the launcher: the HTTP API always behind a token from the
        # environment, never argv (bot_extensions/serve.py).
        from bot_extensions import serve

        serve.main(sys.argv[1:])
        return
    rasa_patches.install_all()
    from rasa.__main__ import main as rasa_main

    sys.argv[0] = "rasa"
    rasa_main()


if __name__ == "__main__":
    main()
