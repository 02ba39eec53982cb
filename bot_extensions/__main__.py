"""Rasa's command line with this project's Rasa patches installed first.

`python -m bot_extensions run ...` is `rasa run ...` after `rasa_patches.install_all()`, the one
place where the patches are installed (scripts/rasa, the Docker image and the tests start Rasa
this way).
"""

from __future__ import annotations

import sys

from bot_extensions import rasa_patches


def main() -> None:
    rasa_patches.install_all()
    from rasa.__main__ import main as rasa_main

    sys.argv[0] = "rasa"
    rasa_main()


if __name__ == "__main__":
    main()
