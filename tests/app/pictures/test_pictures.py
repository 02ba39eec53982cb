"""Every exercise has a picture: an SVG drawn in this repository, start and end position, that
parses and says what it shows (title and alt text from the exercise's steps)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from backcare import pictures
from backcare.knowledge import schema
from backcare.knowledge.loader import read_knowledge
from backcare.plan_page import (
    exercise_facts,
    key_matches,
    linked_drills,
    plan_key,
    plan_link,
    render_plan,
)
from backcare.settings import PROJECT_ROOT

SVG = "{http://www.w3.org/2000/svg}"
EXERCISES = read_knowledge(PROJECT_ROOT / "data" / "knowledge").exercises


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.slug)
def test_every_exercise_has_a_picture_that_parses_and_says_what_it_shows(
    exercise: schema.Exercise,
) -> None:
    path = pictures.svg_path(exercise.slug)
    assert path.is_file(), f"no picture for {exercise.slug}: draw web/pictures/{path.name}"
    root = ET.fromstring(path.read_bytes())
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img" and root.get("viewBox")
    assert root.get("aria-labelledby") == "title desc"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None and title.text == pictures.picture_title(exercise)
    assert desc is not None and desc.text == pictures.picture_alt(exercise)
    assert pictures.picture_alt(exercise) == " ".join(exercise.steps)
    labels = [text.text for text in root.iter(f"{SVG}text")]
    assert labels == ["Start", "End"], "two positions: start and end"
    drawn = [e for e in root.iter() if e.tag in (f"{SVG}polyline", f"{SVG}circle")]
    assert len(drawn) >= 10, "two figures (head, body, limbs)"
    # Drawn here, nothing fetched: no external reference, no script, no embedded raster.
    text = path.read_text(encoding="utf-8")
    for forbidden in ("<script", "href=", "<image", "<foreignObject", "url("):
        assert forbidden not in text


def test_no_picture_without_an_exercise() -> None:
    drawn = {path.stem for path in pictures.SVG_DIR.glob("*.svg")}
    assert drawn == {exercise.slug for exercise in EXERCISES}


@pytest.mark.parametrize(
    ("dose", "seconds"),
    [
        ("Hold for 10 to 20 seconds, 3 times", 20),
        ("Hold for 10 to 20 seconds on each side, 2 to 3 times", 20),
        ("hold for 30 seconds", 30),
        ("2 sets of 8 slow reps", None),
        ("30 to 60 seconds on each side", None),
        ("Only as your coach sets it", None),
    ],
)
def test_hold_seconds_from_the_dose(dose: str, seconds: int | None) -> None:
    assert pictures.hold_seconds(dose) == seconds


def test_the_held_exercises_get_a_timer_from_their_dose_data() -> None:
    timed = {e.slug: pictures.hold_seconds(e.dose) for e in EXERCISES}
    held = {slug: seconds for slug, seconds in timed.items() if seconds}
    assert held["plank"] == 20 and held["side-plank"] == 20
    assert "bird-dog" not in held
    facts = exercise_facts("plank")
    assert facts is not None and facts["hold_seconds"] == 20
    assert facts["picture"] == "/pictures/plank.svg"


@pytest.mark.parametrize(
    "name",
    [
        "../settings.py",
        "..%2Fsettings.py",
        "plank.svg/..",
        "plank.SVG",
        "plank.svg.png",
        "/etc/passwd",
        "plank",
        "no-such-exercise.svg",
        ".svg",
        "plank.svg\x00.png",
        "-plank.svg",
    ],
)
def test_only_existing_pictures_by_slug_are_served(name: str) -> None:
    assert pictures.file_for(name) is None


def test_a_picture_file_by_slug() -> None:
    found = pictures.file_for("plank.svg")
    assert found == (pictures.svg_path("plank"), "image/svg+xml")


def test_plan_links_are_signed_per_person_and_plan() -> None:
    drills = ["wall-hip-hinge", "plank"]
    key = plan_key("123456789", drills)
    assert key_matches("123456789", drills, key)
    assert not key_matches("123456780", drills, key)
    assert not key_matches("123456789", ["wall-hip-hinge", "side-plank"], key)
    assert not key_matches("123456789", drills, key[:-1] + ("A" if key[-1] != "A" else "B"))
    link = plan_link("123456789", drills)
    assert "/plan/123456789?drills=wall-hip-hinge%2Cplank&key=" in link
    assert linked_drills("wall-hip-hinge,plank") == drills
    for bad in ("", "../x", "a,,b", "plank;rm", ",".join(["plank"] * 13)):
        assert linked_drills(bad) is None


def test_the_plan_to_keep_holds_every_drill_with_its_picture() -> None:
    slugs = ["wall-hip-hinge", "plank", "bird-dog"]
    served = render_plan(slugs, standalone=False)
    for slug in slugs:
        assert f'src="/pictures/{slug}.svg"' in served
    assert 'href="/plan.css"' in served
    kept = render_plan(slugs, standalone=True)
    assert kept.count('src="data:image/svg+xml;base64,') == 3
    assert "@media print" in kept and "<script" not in kept
