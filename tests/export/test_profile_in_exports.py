"""The profile (name, employer, mentor, start date) is written where a mentor reads first: the
front matter and the opening lines of the reflections export and of the review pack."""

from __future__ import annotations

import io
from datetime import date

import pytest
from markdown_it import MarkdownIt
from mdit_py_plugins.front_matter import front_matter_plugin

from reflect.export.format import parse_front_matter
from reflect.export.pack import export_review_pack
from reflect.review.profile import Profile, save_profile
from tests.export.conftest import export_text
from tests.export.pack_journal import END, START, build


def parsed(text: str):
    return MarkdownIt("commonmark").enable("table").use(front_matter_plugin).parse(text)


def front(tokens) -> dict:
    assert tokens[0].type == "front_matter"
    return parse_front_matter(tokens[0].content.splitlines())


def first_heading(tokens) -> str:
    index = next(i for i, t in enumerate(tokens) if t.type == "heading_open")
    return tokens[index + 1].content


def first_list(tokens) -> dict[str, str]:
    """The first bullet list's items as "Label: value" pairs (the bold label, then the text)."""
    start = next(i for i, t in enumerate(tokens) if t.type == "bullet_list_open")
    items = {}
    for token in tokens[start:]:
        if token.type == "bullet_list_close":
            break
        if token.type == "inline":
            label, _, value = token.content.partition(":** ")
            items[label.removeprefix("**")] = value
    return items


def brief_facts(tokens) -> dict[str, str]:
    """The facts line under the pack's "Brief" heading ("**Label:** value · ..."), in order."""
    index = next(i for i, t in enumerate(tokens) if t.type == "inline" and t.content == "Brief")
    line = next(t for t in tokens[index + 1:] if t.type == "inline")
    pairs = [part.partition(":** ") for part in line.content.split(" · ")]
    return {label.removeprefix("**"): value for label, _, value in pairs}


@pytest.fixture
def profiled(journal, framework):
    return save_profile(journal, framework, Profile(name="Jamie Reid", employer="Harbour Travel",
                                                    mentor="Alex Smith", start_date=date(2026, 9, 1)))


def test_the_reflections_export_names_employer_mentor_and_start(journal, framework, profiled):
    journal.entries.add(day=date(2026, 11, 20), title="Calm at the desk", body="Words.")
    tokens = parsed(export_text(journal, framework))
    data = front(tokens)
    assert (data["apprentice"], data["employer"], data["mentor"], data["started"]) == (
        "Jamie Reid", "Harbour Travel", "Alex Smith", "2026-09-01")
    assert first_heading(tokens) == "Reflective journal — Jamie Reid"
    facts = first_list(tokens)
    assert (facts["Employer"], facts["Mentor"], facts["Apprenticeship started"]) == (
        "Harbour Travel", "Alex Smith", "Tue 1 Sep 2026")


def test_without_a_profile_the_export_says_nothing_of_it(journal, framework):
    journal.entries.add(day=date(2026, 11, 20), title="Calm at the desk", body="Words.")
    tokens = parsed(export_text(journal, framework))
    data = front(tokens)
    assert (data["employer"], data["mentor"], data["started"]) == ("", "", None)
    assert not {"Employer", "Mentor", "Apprenticeship started"} & set(first_list(tokens))


def pack_tokens(journal, framework):
    out = io.StringIO(newline="")
    export_review_pack(journal, framework, out, start=START, end=END)
    return parsed(out.getvalue())


def test_the_review_pack_opens_with_who_the_apprenticeship_is_with(journal, tiny_framework, profiled):
    build(journal)  # names the apprentice Sam Baker, and no mentor
    tokens = pack_tokens(journal, tiny_framework)
    data = front(tokens)
    assert (data["apprentice"], data["employer"], data["mentor"], data["started"]) == (
        "Sam Baker", "Harbour Travel", "Alex Smith", "2026-09-01")
    assert first_heading(tokens).startswith("Review pack — Sam Baker")
    facts = brief_facts(tokens)
    assert list(facts)[:4] == ["Employer", "Mentor", "Apprenticeship started", "Period"]
    assert (facts["Employer"], facts["Mentor"], facts["Apprenticeship started"]) == (
        "Harbour Travel", "Alex Smith", "01/09/2026")


def test_the_mentor_the_review_names_comes_before_the_profiles(journal, tiny_framework, profiled):
    build(journal)
    journal.reviews.save_draft(mentor_name="Priya Shah")
    tokens = pack_tokens(journal, tiny_framework)
    assert front(tokens)["mentor"] == "Priya Shah"
    assert brief_facts(tokens)["Mentor"] == "Priya Shah"
