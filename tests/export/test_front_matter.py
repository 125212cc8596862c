"""Front matter: written as YAML, read back as YAML however a mentor's editor re-styles it."""

from datetime import date

import pytest

from reflect.export.format import front_matter, parse_front_matter


def read(text: str) -> dict:
    return parse_front_matter(text.splitlines(keepends=True))


def test_round_trip_keeps_text_numbers_dates_and_nesting():
    data = {"reflect_export": 1, "kind": "review-pack", "apprentice": "Siobhán Ó Briain",
            "period": {"from": date(2026, 9, 1), "to": date(2026, 11, 24)}, "mentor": None}
    written = front_matter(data)
    assert written.startswith("---\nreflect_export: 1\nkind: \"review-pack\"\n")
    assert read(written.strip("-\n")) == {"reflect_export": 1, "kind": "review-pack",
                                          "apprentice": "Siobhán Ó Briain",
                                          "period": {"from": "2026-09-01", "to": "2026-11-24"}, "mentor": None}


@pytest.mark.parametrize("tricky", ["yes", "no", "1.0", "# not a comment", "a: b", "'quoted'", "null", "~"])
def test_text_that_looks_like_yaml_stays_text(tricky):
    assert read(front_matter({"title": tricky}).strip("-\n")) == {"title": tricky}


def test_single_quotes_lists_and_block_scalars_from_an_editor_are_read():
    text = ("mentor: 'Fiona Campbell'\n"
            "units:\n  - INSCS009\n  - SDS0223\n"
            "note: |\n  Two lines\n  of text\n")
    assert read(text) == {"mentor": "Fiona Campbell", "units": ["INSCS009", "SDS0223"],
                          "note": "Two lines\nof text\n"}


def test_crlf_lines_are_read():
    assert read("reflect_export: 1\r\nkind: \"reflections\"\r\n") == {"reflect_export": 1, "kind": "reflections"}


@pytest.mark.parametrize("bad, reason", [
    ("kind: [unclosed\n", "not readable YAML"),
    ("- just\n- a list\n", "not a list of names and values"),
    ("x: " + "a" * 70_000 + "\n", "far too long"),
])
def test_what_is_not_front_matter_is_refused_with_a_reason(bad, reason):
    with pytest.raises(ValueError, match=reason):
        read(bad)
