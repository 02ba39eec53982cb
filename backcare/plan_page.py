"""The person's plan as a page to keep: every drill with its picture, dose, steps and stop signs.

Served by the page server at `/plan/<sender>?drills=<slug,...>&key=<signature>` (print CSS:
one drill per block, no page chrome), and, with `&download=1`, as one self-contained HTML file
(styles and pictures inline) that the Telegram channel sends as a document while the turn that
made the plan is still running (so before Rasa has stored the plan in the tracker). The link is
made by the plan action (`plan_link`) and signed with `PLAN_LINK_SECRET` (or a key generated
once into `var/plan_link_secret`): only links the assistant made open a page.

Which drills the page shows comes from `backcare.web.person_plan` (one function); this module
only signs links and turns exercises into the page.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
from functools import lru_cache
from urllib.parse import quote, urlencode

from jinja2 import Environment, PackageLoader, select_autoescape

from backcare.knowledge import schema
from backcare.knowledge.loader import read_knowledge
from backcare.pictures import (
    hold_seconds,
    picture_alt,
    picture_title,
    public_base_url,
    short_name,
    svg_path,
)
from backcare.settings import PROJECT_ROOT, Settings

# Web page sender ids and Telegram chat ids (digits, maybe a minus sign in groups).
PLAN_SENDER = re.compile(r"^-?[A-Za-z0-9_-]{1,64}$")
PLAN_DRILLS = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:,[a-z0-9]+(?:-[a-z0-9]+)*){0,11}$")
SECRET_FILE = PROJECT_ROOT / "var" / "plan_link_secret"
CSS_FILE = PROJECT_ROOT / "web" / "public" / "plan.css"
DOCUMENT_NAME = "backbone-plan.html"

_templates = Environment(
    loader=PackageLoader("backcare", "templates"),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)


def _secret() -> bytes:
    configured = os.environ.get("PLAN_LINK_SECRET")
    if configured:
        return configured.encode()
    try:
        return SECRET_FILE.read_bytes().strip()
    except FileNotFoundError:
        pass
    SECRET_FILE.parent.mkdir(parents=True, exist_ok=True)
    try:
        # O_EXCL: of two processes starting together, one writes and both read the same key.
        descriptor = os.open(SECRET_FILE, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return SECRET_FILE.read_bytes().strip()
    with os.fdopen(descriptor, "w") as handle:
        handle.write(base64.urlsafe_b64encode(os.urandom(32)).decode())
    return SECRET_FILE.read_bytes().strip()


def plan_key(sender: str, drills: list[str]) -> str:
    signed = f"plan:{sender}:{','.join(drills)}".encode()
    digest = hmac.new(_secret(), signed, hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest[:18]).decode()


def key_matches(sender: str, drills: list[str], key: str) -> bool:
    return hmac.compare_digest(plan_key(sender, drills).encode(), key.encode())


def linked_drills(value: str) -> list[str] | None:
    """The drills named in a plan link's `drills`, or None when malformed."""
    return value.split(",") if PLAN_DRILLS.fullmatch(value) else None


def plan_link(sender: str, drills: list[str]) -> str:
    """The absolute link to a person's printable plan, as the chat sends it."""
    query = urlencode({"drills": ",".join(drills), "key": plan_key(sender, drills)})
    return f"{public_base_url()}/plan/{quote(sender, safe='')}?{query}"


@lru_cache(maxsize=1)
def _exercises() -> dict[str, schema.Exercise]:
    knowledge = read_knowledge(Settings.from_env().knowledge_dir)
    return {exercise.slug: exercise for exercise in knowledge.exercises}


def exercise(slug: str) -> schema.Exercise | None:
    return _exercises().get(slug)


def exercise_facts(slug: str) -> dict[str, object] | None:
    """What the chat page shows beside an exercise's steps: its picture and the hold timer."""
    found = exercise(slug)
    if found is None:
        return None
    return {
        "slug": found.slug,
        "name": short_name(found.name),
        "title": picture_title(found),
        "alt": picture_alt(found),
        "picture": f"/pictures/{found.slug}.svg",
        "dose": found.dose,
        "hold_seconds": hold_seconds(found.dose),
    }


def _svg_data_uri(slug: str) -> str | None:
    path = svg_path(slug)
    if not path.is_file():
        return None
    return "data:image/svg+xml;base64," + base64.b64encode(path.read_bytes()).decode()


def render_plan(slugs: list[str], *, standalone: bool) -> str:
    """The plan page; `standalone`: styles and pictures inline, for a file to keep."""
    drills = []
    for slug in slugs:
        found = exercise(slug)
        if found is None:
            continue
        drills.append(
            {
                "exercise": found,
                "name": short_name(found.name),
                "picture": _svg_data_uri(slug) if standalone else f"/pictures/{slug}.svg",
                "alt": picture_alt(found),
            }
        )
    css = CSS_FILE.read_text(encoding="utf-8") if standalone else None
    return _templates.get_template("plan.html").render(
        drills=drills, standalone=standalone, css=css
    )
