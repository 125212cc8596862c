"""The shortcuts that keep a 100,000-entry export fast give exactly what the plain code gives."""

from __future__ import annotations

import re
from datetime import date

from hypothesis import example, given, settings
from hypothesis import strategies as st

from reflect.export.rows import ExportRow
from reflect.export.body import BodyLayout, layout_body
from reflect.entries.kinds import KINDS
from reflect.entries.models import Witness
from reflect.export.entry_block import entry_data, entry_marker_for
from reflect.export.format import body_marker, entry_marker, inline

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")
_SPECIAL = re.compile(r"([\\`*_\[\]<|~])|&(?=#?\w+;)")


def inline_reference(text: str) -> str:
    """inline() as first written, without its shortcut."""
    text = " ".join(_CONTROL.sub(" ", text).split())
    text = _SPECIAL.sub(lambda m: "\\" + m.group(), text)
    bare = text.rstrip("#")
    return bare + "\\#" * (len(text) - len(bare))


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=40) | st.text(alphabet="ab _-#&<*. \t\u00a0\u2003\x85", max_size=12))
@example("a  b")
@example(" a")
@example("a\u00a0b")
@example("title #")
@example("snake_case")
def test_inline_shortcut_changes_nothing(text):
    assert inline(text) == inline_reference(text)


ROWS = st.builds(
    ExportRow,
    uid=st.text(min_size=1, max_size=20),
    day=st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 1, 1)),
    title=st.text(max_size=30),
    body=st.just(""),
    model=st.sampled_from(["none", "gibbs", "odd<>model"]),
    private=st.booleans(),
    confidence=st.none() | st.integers(1, 5),
    minutes=st.none() | st.integers(1, 10_000),
    created_at=st.text(max_size=25),
    skills=st.lists(st.text(max_size=10), max_size=3).map(tuple),
    criteria=st.lists(st.text(max_size=12), max_size=3).map(tuple),
    kind=st.sampled_from(KINDS),
    witness=st.none() | st.builds(Witness, name=st.text(max_size=12), role=st.text(max_size=8),
                                  relationship=st.text(max_size=8), contact=st.text(max_size=12),
                                  confirmed=st.booleans(), confirmed_on=st.none() | st.dates()),
    observer=st.text(max_size=10),
    participants=st.text(max_size=10),
)


@settings(max_examples=300, deadline=None)
@given(ROWS)
def test_entry_marker_written_directly_is_the_json_one(row):
    assert entry_marker_for(row) == entry_marker(entry_data(row))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
@example("")
@example("# Heading\ntext")
def test_body_marker_shortcut_is_the_json_one(body):
    _, layout = layout_body(body)
    assert layout.marker() == body_marker(layout.to_json())
    assert BodyLayout.from_json(layout.to_json()) == layout
