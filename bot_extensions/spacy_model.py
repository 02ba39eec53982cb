"""`python -m bot_extensions.spacy_model PATH`: save the offline spaCy pipeline Rasa loads.

Pretrained English pipelines cannot be downloaded here, so this is a blank English pipeline
with a lookup lemmatizer (spacy-lookups-data): tokenisation and lemmas, no vectors.
"""

from __future__ import annotations

import sys
from pathlib import Path

from bot_extensions.red_flags.detector import build_language


def main(path: str) -> int:
    target = Path(path)
    if (target / "config.cfg").exists():
        return 0
    target.mkdir(parents=True, exist_ok=True)
    build_language().to_disk(target)
    print(f"spaCy pipeline saved to {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
