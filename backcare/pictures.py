"""Exercise pictures: one hand-drawn SVG per exercise, found from the exercise's slug.

- `web/pictures/<slug>.svg`: start and end position, drawn in this repository; its `<title>`
  names the exercise and its `<desc>` holds the alt text (the exercise's steps);
- `var/pictures/<slug>.png`: the same picture as PNG, rendered when the project is built
  (`python -m backcare.pictures`, run by `make pictures`) for Telegram, which shows no SVG.

The page server serves both at `/pictures/<slug>.svg` and `/pictures/<slug>.png`. Exercise
replies carry the SVG's absolute URL as a Rasa `image`, built on `WEB_PUBLIC_URL` (how people
reach the page server; default `http://127.0.0.1:$WEB_PORT`). The Telegram channel, which may
not import this package, maps such a URL's path to the PNG by the same convention.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

from backcare.settings import PROJECT_ROOT

SVG_DIR = PROJECT_ROOT / "web" / "pictures"
PNG_DIR = PROJECT_ROOT / "var" / "pictures"
ROUTE = "/pictures"
# A picture's file name: an exercise slug and a known extension; nothing else is served.
FILE_NAME = re.compile(r"^(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)\.(?P<ext>svg|png)$")
MEDIA_TYPES = {"svg": "image/svg+xml", "png": "image/png"}
# "Hold for 10 to 20 seconds, 3 times": the timer counts the longer hold.
_HOLD = re.compile(r"\bhold for (\d{1,3})(?: to (\d{1,3}))? seconds?\b", re.IGNORECASE)


class Drawn(Protocol):
    """What a picture needs of an exercise (the knowledge model or the YAML schema)."""

    slug: str
    name: str
    steps: list[str]
    dose: str


def short_name(name: str) -> str:
    """ "Plank (hold your body straight on your forearms)" -> "Plank"."""
    return name.split(" (", 1)[0].strip()


def picture_title(exercise: Drawn) -> str:
    return f"{short_name(exercise.name)}: start and end position"


def picture_alt(exercise: Drawn) -> str:
    """The alt text: the exercise's steps, which the picture shows."""
    return " ".join(step.strip() for step in exercise.steps)


def hold_seconds(dose: str) -> int | None:
    """The seconds of one hold, for a held exercise's timer; None for repetitions."""
    match = _HOLD.search(dose)
    if match is None:
        return None
    return int(match.group(2) or match.group(1))


def svg_path(slug: str) -> Path:
    return SVG_DIR / f"{slug}.svg"


def png_path(slug: str) -> Path:
    return PNG_DIR / f"{slug}.png"


def file_for(name: str) -> tuple[Path, str] | None:
    """The file and media type for a requested picture file name, or None.

    Only `<slug>.svg` and `<slug>.png` of an existing picture: no separators, dots or other
    characters reach the file system, so no path can leave the pictures' folders.
    """
    match = FILE_NAME.fullmatch(name)
    if match is None:
        return None
    slug, ext = match["slug"], match["ext"]
    path = svg_path(slug) if ext == "svg" else png_path(slug)
    if not path.is_file():
        return None
    return path, MEDIA_TYPES[ext]


def public_base_url() -> str:
    default = f"http://127.0.0.1:{os.environ.get('WEB_PORT', '8080')}"
    return (os.environ.get("WEB_PUBLIC_URL") or default).rstrip("/")


def picture_url(slug: str, kind: str = "svg") -> str:
    return f"{public_base_url()}{ROUTE}/{slug}.{kind}"


def has_picture(slug: str) -> bool:
    return svg_path(slug).is_file()


def missing_pngs(slugs: Iterable[str]) -> list[str]:
    return [slug for slug in slugs if not png_path(slug).is_file()]
