"""Turns built from events, contact masking, and the export formats (CSV, NLU YAML)."""

from __future__ import annotations

import csv
import io

import pytest
import yaml

from backcare.review.export_formats import csv_text, nlu_yaml
from backcare.review.masking import mask_contacts
from backcare.review.models import IntentCorrection
from backcare.review.tracker_store import TrackerEvent
from backcare.review.transcript import build_turns
from tests.review import synthetic_tracker as synthetic


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("mail jo.bloggs+back@example.co.uk today", "mail [e-mail hidden] today"),
        ("call 07700 900123 or +44 (0)20 7946 0958", "call [phone hidden] or [phone hidden]"),
        ("ring 555-1234 please", "ring [phone hidden] please"),
        ("10 reps, 3 sets, pain 7/10 since 2019", "10 reps, 3 sets, pain 7/10 since 2019"),
    ],
)
def test_contacts_are_masked_and_numbers_that_are_not_phones_are_kept(
    written: str, shown: str
) -> None:
    assert mask_contacts(written) == shown


def test_turns_pair_each_message_with_its_understanding_and_answers() -> None:
    said = [
        synthetic.EVERYDAY[0],
        synthetic.RED_FLAG,
        synthetic.Said("email me: a@b.org", "inform", 0.5),
    ]
    event_dicts = synthetic.conversation(1_790_000_000.0, said)
    tracker_events = [
        TrackerEvent(n, "s", e["event"], e["timestamp"], e)
        for n, e in enumerate(event_dicts, start=1)
    ]
    greeting, red_flag, contact = build_turns(tracker_events)
    assert greeting.new_session and greeting.text == "hi" and greeting.intent == "greet"
    assert [step.action for step in red_flag.steps] == [
        "utter_emergency",
        "action_red_flag_details",
    ]
    assert red_flag.steps[0].policy == "RulePolicy"
    assert (
        red_flag.findings[0].slug == "saddle-numbness" and red_flag.findings[0].status == "present"
    )
    assert ("triage", "emergency") in red_flag.slots
    assert contact.text == "email me: [e-mail hidden]"
    assert build_turns(tracker_events, masked=False)[2].text == "email me: a@b.org"


def test_csv_cells_cannot_run_as_spreadsheet_formulas() -> None:
    text = csv_text([['=HYPERLINK("http://evil")', "+1", "-2", "@SUM(A1)", "plain"]])
    assert next(csv.reader(io.StringIO(text))) == [
        '\'=HYPERLINK("http://evil")',
        "'+1",
        "'-2",
        "'@SUM(A1)",
        "plain",
    ]


def test_corrections_export_as_rasa_nlu_training_data() -> None:
    corrections = [
        IntentCorrection(corrected_intent="ask_hip_pain", example="my hip  hurts\nwhen I walk"),
        IntentCorrection(corrected_intent="ask_hip_pain", example="my hip hurts when I walk"),
        IntentCorrection(corrected_intent="greet", example='hiya: "there" #1'),
    ]
    text = nlu_yaml(corrections, exported_on="2026-01-01")
    assert (
        'version: "3.1"\nnlu:\n- intent: ask_hip_pain\n'
        "  examples: |\n    - my hip hurts when I walk\n" in text
    )
    assert yaml.safe_load(text)["nlu"][1] == {"intent": "greet", "examples": '- hiya: "there" #1\n'}
    assert yaml.safe_load(nlu_yaml([], exported_on="2026-01-01")) == {"version": "3.1", "nlu": []}
