"""How entries, snippets and Markdown highlights are drawn."""

from datetime import date

from reflect.entries.store import HIGHLIGHT_END, HIGHLIGHT_START
from reflect.entries.models import Entry, EntryFilter, EntrySummary
from reflect.tui.text import entry_page, entry_row, snippet_content
from reflect.tui.widgets.filter_bar import chip_text
from reflect.tui.widgets.markdown_area import line_highlights

H0, H1 = HIGHLIGHT_START, HIGHLIGHT_END


def test_snippet_drops_markdown_marks_and_keeps_the_match():
    assert snippet_content(f"## What?\n\n> Q\n\nA **{H0}refund{H1}** was due").plain == "What? Q A refund was due"


def test_snippet_trims_long_text_before_the_match():
    text = snippet_content(f"{'word ' * 20}{H0}kettle{H1} after").plain
    assert text.startswith("…") and "kettle after" in text


def test_row_shows_date_title_skills_and_criteria(framework):
    row = entry_row(framework, EntrySummary(1, date(2026, 11, 24), "Till", ("focus",), 2, False)).plain
    assert row.splitlines() == ["Tue 24 Nov 2026  Till", "  Focus  2 criteria"]


def test_row_of_an_untagged_entry_says_so(framework):
    row = entry_row(framework, EntrySummary(1, date(2026, 11, 24), "Till", (), 0, True)).plain
    assert "private" in row and "not tagged yet" in row


def test_entry_page_gives_criteria_in_full_and_marks_unknown_ids(framework):
    entry = Entry(1, "u", date(2026, 11, 24), "T", "Body", criteria=("INSCS009.P1", "GONE.P1"))
    page = entry_page(framework, entry)
    assert framework.criterion("INSCS009.P1").text.split()[0] in page
    assert "`GONE.P1`: not in this framework" in page


def test_chip_shows_the_first_skill_and_how_many_more(framework):
    text = chip_text("skills", "Meta-skills", EntryFilter(skills=("focus", "feeling")), framework)
    assert text == "Meta-skills: Focus +1"


def test_headings_are_highlighted_with_their_marker():
    found, _ = line_highlights("## Feelings", False)
    assert [name for *_, name in found] == ["heading.marker", "heading"]


def test_guiding_question_is_a_hint():
    assert line_highlights("> What happened?", False)[0] == [(0, None, "hint")]


def test_highlights_count_bytes_not_characters():
    found, _ = line_highlights("café **bold**", False)
    assert found == [(6, 14, "bold")]


def test_code_fence_marks_lines_until_it_closes():
    _, inside = line_highlights("```", False)
    assert inside and line_highlights("## not a heading", True)[0] == [(0, None, "text.literal")]
