from __future__ import annotations

import pytest

from actions.programme_parsing import exercises_done


@pytest.mark.parametrize(
    ("text", "done"),
    [
        ("every single one", "all"),
        ("did each one, twice", "all"),
        ("all of them", "all"),
        ("yep did them", "all"),
        ("not all of them", "some"),
        ("missed one", "some"),
        ("most of them", "some"),
        ("none", "none"),
        ("didn't get round to it", "none"),
        ("the weather was nice", None),
    ],
)
def test_how_many_exercises_were_done(text: str, done: str | None) -> None:
    assert exercises_done(text) == done
