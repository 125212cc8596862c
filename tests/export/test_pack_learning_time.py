"""Learning time in the review pack: the brief says how much time the period's reflections,
activities and training took, read here as a Markdown viewer reads it (markdown-it-py), and
private reflections' time counts only in a pack that includes them."""

from __future__ import annotations

import io
from datetime import date

import pytest
from markdown_it import MarkdownIt
from mdit_py_plugins.front_matter import front_matter_plugin

from reflect.export.format import parse_front_matter
from reflect.export.pack import export_review_pack
from tests.export.pack_journal import END, PRIVATE_TITLE, START, build


@pytest.fixture
def records(journal):
    """The pack journal (period 1 to 24 Nov 2026) with time spent: 30 minutes on a reflection
    of the period (already there), 60 on the private one, 45 on a reflection before the period;
    1.5 hours on an activity and 6 hours of training done in the period."""
    records = build(journal)
    journal.entries.update(records.secret.id, minutes=60)
    journal.entries.update(records.old.id, minutes=45)
    [practice] = [a for a in journal.activities.list() if a.title == "Practise with the scales"]
    journal.activities.update(practice.id, minutes=90)
    [fire] = [t for t in journal.training.list() if t.name == "Fire safety"]
    journal.training.update(fire.id, minutes=360)
    return records


def pack(journal, framework, **options) -> str:
    out = io.StringIO(newline="")
    export_review_pack(journal, framework, out, start=START, end=END, **options)
    return out.getvalue()


def brief_facts(text: str) -> dict[str, str]:
    """The brief's facts line ("**Label:** value · ...") as a viewer renders it: label -> value."""
    tokens = MarkdownIt("commonmark").enable("table").use(front_matter_plugin).parse(text)
    heading = next(i for i, t in enumerate(tokens) if t.type == "heading_open" and tokens[i + 1].content == "Brief")
    inline = next(t for t in tokens[heading + 3:] if t.type == "inline")
    facts: dict[str, list[str]] = {}
    label, in_label = None, False
    for child in inline.children or []:
        if child.type in ("strong_open", "strong_close"):
            in_label = child.type == "strong_open"
        elif child.type == "text" and in_label:
            label = child.content.rstrip(":")
            facts[label] = []
        elif label is not None:
            facts[label].append(child.content)
    return {name: "".join(parts).strip(" ·") for name, parts in facts.items()}


def test_the_brief_gives_the_period_s_learning_time(journal, tiny_framework, records):
    facts = brief_facts(pack(journal, tiny_framework))
    assert facts["Learning time"] == ("8 hours of learning this period, of which training 6 hours"
                                      " (reflections 30 minutes, activities 1.5 hours)")


def test_the_front_matter_gives_it_in_whole_minutes(journal, tiny_framework, records):
    text = pack(journal, tiny_framework)
    data = parse_front_matter(text.split("---\n")[1].splitlines(keepends=True))
    assert data["learning_time"] == {"minutes": 480, "reflections": 30, "activities": 90, "training": 360}


def test_private_reflections_time_counts_only_when_they_are_included(journal, tiny_framework, records):
    shown = pack(journal, tiny_framework, include_private=True)
    assert brief_facts(shown)["Learning time"].startswith("9 hours of learning this period")
    left_out = pack(journal, tiny_framework)
    assert PRIVATE_TITLE not in left_out and "9 hours" not in left_out


def test_the_html_pack_says_it_too(journal, tiny_framework, records):
    html = pack(journal, tiny_framework, html=True)
    assert ("<strong>Learning time:</strong> 8 hours of learning this period, of which training 6 hours"
            " (reflections 30 minutes, activities 1.5 hours)") in html


def test_a_period_with_no_time_says_none_recorded(journal, tiny_framework):
    build(journal)  # time only on a reflection of 2 November
    out = io.StringIO(newline="")
    export_review_pack(journal, tiny_framework, out, start=date(2026, 11, 21), end=END)
    assert brief_facts(out.getvalue())["Learning time"] == "none recorded"
