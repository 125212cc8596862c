"""The personal-data finder: the labelled tables, precision and recall floors, and redaction."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from reflect.coach.personal_data import KINDS, describe, find_personal_data, luhn_ok, mask_cards, redact, shown

DATA = Path(__file__).parent.parent / "data"
TABLES = [json.loads((DATA / name).read_text(encoding="utf-8"))["cases"]
          for name in ("personal_data.json", "personal_data_unseen.json")]
CASES = [case for table in TABLES for case in table]


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_table(case):
    found = [(f.kind, f.text) for f in find_personal_data(case["text"])]
    assert sorted(found) == sorted(tuple(e) for e in case["expected"])


def test_tables_hold_both_kinds_of_case():
    positives = [c for c in CASES if c["expected"]]
    negatives = [c for c in CASES if not c["expected"]]
    assert len(positives) >= 40 and len(negatives) >= 30
    assert {e[0] for c in positives for e in c["expected"]} == set(KINDS)


def test_offsets_point_at_the_text():
    text = "Ring Mrs Low on 07700 900123 or mail low@example.com."
    for finding in find_personal_data(text):
        assert text[finding.start:finding.end] == finding.text


@pytest.mark.parametrize(("number", "ok"), [
    ("4111111111111111", True), ("5555555555554444", True), ("378282246310005", True),
    ("4111111111111112", False), ("1234567812345678", False),
])
def test_luhn(number, ok):
    assert luhn_ok(number) is ok


def test_card_number_failing_luhn_is_not_a_card():
    assert find_personal_data("Ref 4111 1111 1111 1112 on the box.") == []


def test_redact_replaces_each_finding_with_its_label():
    text = ("Mr Brown (07700 900123, brown@example.com, EH1 1YZ) paid with 4111 1111 1111 1111; "
            "booking reference XK7Q2P, NI AB 12 34 56 C, born 01/02/1990. A customer called Sam Reid.")
    assert redact(text) == ("Mr [name] ([phone], [email], [postcode]) paid with [card]; booking reference [reference], "
                            "NI [NI number], born [date of birth]. A customer called [name].")


def test_mask_cards_touches_only_card_numbers():
    text = "Mr Brown read out 4111 1111 1111 1111 and 07700 900123."
    assert mask_cards(text) == "Mr Brown read out [card] and 07700 900123."
    assert mask_cards("£12.99 at 14:30") == "£12.99 at 14:30"


def test_shown_hides_all_but_the_last_four_digits_of_a_card():
    (finding,) = find_personal_data("card 5555 5555 5555 4444")
    assert shown(finding) == "•••• 4444"
    assert "5555 5555" not in json.dumps(finding.to_json())


def test_describe_counts_each_kind():
    findings = find_personal_data("07700 900123 and 07700 900124, Mr Smith")
    assert describe(findings) == "2 phone numbers, 1 person's name"


@given(st.lists(st.sampled_from([
    "Call 07700 900123.", "Mr Smith came in.", "Mr Kipling cakes.", "£4.99", "14:30", "a@example.com",
    "4111 1111 1111 1111", "EH1 1YZ", "till 3", "booking ref XK7Q2P", "I listened carefully.", "\n",
]), max_size=12))
def test_redaction_round_trip(parts):
    """Redacted text has no personal data left, redacting again changes nothing, and the
    words around each finding are kept in order."""
    text = " ".join(parts)
    once = redact(text)
    assert find_personal_data(once) == []
    assert redact(once) == once
    pieces = []
    last = 0
    for finding in find_personal_data(text):
        pieces.append(text[last:finding.start])
        last = finding.end
    pieces.append(text[last:])
    position = 0
    for piece in pieces:
        position = once.index(piece, position) + len(piece)


@given(st.text(max_size=200) | st.from_regex(r"(Mr|Dr|call|born|ref|order) ?[A-Z0-9][a-z0-9 @.+-]{0,30}", fullmatch=True))
def test_any_text_is_scanned_and_redacted_cleanly(text):
    findings = find_personal_data(text)
    for finding in findings:
        assert text[finding.start:finding.end] == finding.text
    assert find_personal_data(redact(text)) == []
