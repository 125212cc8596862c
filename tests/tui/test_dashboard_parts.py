"""The dashboard's drawing helpers: shades, bars and words, without an app."""

from __future__ import annotations

from datetime import date

from reflect.progress.criteria import Tally
from reflect.entries.models import EntryFilter
from reflect.tui.screens.entries import describe_filter
from reflect.tui.widgets.heatmap import shade, spark
from reflect.tui.widgets.skill_bars import bar
from reflect.tui.widgets.unit_progress import progress_bar, tally_words


def test_a_day_is_shaded_by_how_many_reflections_it_has():
    assert [shade(n) for n in range(6)] == ["·", "░", "▒", "▓", "█", "█"]


def test_the_busiest_week_gets_the_tallest_bar_and_an_empty_week_a_dot():
    assert spark(7, 7) == "█"
    assert spark(1, 7) == "▂"
    assert spark(0, 7) == "·"
    assert spark(0, 0) == "·"


def test_skill_bars_are_in_proportion_and_never_vanish():
    assert bar(10, 10, width=8) == "█" * 8
    assert bar(5, 10, width=8) == "████    "
    assert bar(1, 1000, width=8).strip() == "▏"  # a little is not shown as nothing
    assert bar(0, 10, width=8) == " " * 8


def test_a_unit_bar_shows_recent_stale_and_missing():
    plain = progress_bar(Tally(total=20, ok=5, stale=5, gaps=10), width=20).plain
    assert plain == "█" * 5 + "▒" * 5 + "░" * 10


def test_a_unit_bar_never_looks_complete_while_something_is_missing():
    plain = progress_bar(Tally(total=100, ok=99, stale=0, gaps=1), width=20).plain
    assert plain.endswith("░") and len(plain) == 20


def test_a_unit_bar_shows_a_little_evidence_as_some():
    plain = progress_bar(Tally(total=100, ok=1, stale=1, gaps=98), width=20).plain
    assert plain.startswith("█▒░")


def test_unit_numbers_in_words():
    assert tally_words(Tally(total=44, ok=11, stale=1, gaps=32)) == "12/44 evidenced, 1 stale, 32 gaps"
    assert tally_words(Tally(total=3, ok=3, stale=0, gaps=0)) == "3/3 evidenced ✓"
    assert tally_words(Tally(total=3, ok=2, stale=0, gaps=1)) == "2/3 evidenced, 1 gap"


def test_a_filter_in_words(framework):
    day = date(2026, 11, 20)
    assert describe_filter(framework, EntryFilter(skills=("leadership",))) == "Reflections tagged Leadership"
    assert describe_filter(framework, EntryFilter(date_from=day, date_to=day)) == "Reflections on Fri 20 Nov 2026"
    week = EntryFilter(date_from=date(2026, 11, 16), date_to=date(2026, 11, 22))
    assert describe_filter(framework, week) == "Reflections in the week of Mon 16 Nov 2026"
    assert describe_filter(framework, EntryFilter(units=("INSCS009",), private=False)) == \
        "Reflections citing criteria of INSCS009 (not private)"
