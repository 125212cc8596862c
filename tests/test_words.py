"""One word count: the editor, `reflect stats`, exports and the stored count agree, and the
template's headings and hints are never counted."""

from __future__ import annotations

from datetime import date

import pytest

from reflect.entries.templates import template_body
from reflect.store.migrations import MIGRATIONS
from reflect.words import body_words, count_words, entry_words


def test_bullets_and_dashes_are_not_words():
    assert count_words("- asked questions — then didn't follow-up") == 5


def test_a_fresh_template_has_no_words_of_yours():
    assert body_words(template_body("star")) == 0
    assert body_words(template_body("gibbs") + "I listened.\n") == 2


def test_title_and_body_counted_once(journal):
    body = "## What?\n\n> What happened?\n\nI helped a customer.\n"
    entry = journal.entries.add(day=date(2026, 11, 20), title="Till queue", body=body)
    stored = journal.conn.execute("SELECT words FROM entries WHERE id = ?", [entry.id]).fetchone()[0]
    assert stored == entry_words("Till queue", body) == 6


def test_stats_add_up_the_same_count(journal, framework):
    from reflect.progress.stats import journal_stats

    journal.entries.add(day=date(2026, 11, 20), title="One", body=template_body("driscoll") + "Two three.\n")
    journal.entries.add(day=date(2026, 11, 21), title="Four five", body="Six.")
    assert journal_stats(journal, framework).words == 6


def test_old_counts_are_recounted_when_the_journal_is_upgraded(journal):
    entry = journal.entries.add(day=date(2026, 11, 20), title="T", body=template_body("kolb") + "Mine.\n")
    conn = journal.conn
    conn.execute("UPDATE entries SET words = 99 WHERE id = ?", [entry.id])  # as an older reflect counted
    import sqlite_utils

    recount = next(step for step in MIGRATIONS if step.__name__ == "_v5_recount_words")  # later steps follow it
    with conn:
        recount(sqlite_utils.Database(conn))
    assert conn.execute("SELECT words FROM entries WHERE id = ?", [entry.id]).fetchone()[0] == 2
    assert conn.execute("SELECT sum(words) FROM tally_totals").fetchone()[0] == 2


@pytest.mark.parametrize(("n", "args", "said"), [
    (1, (), "1 reflection"), (0, (), "0 reflections"), (2, ("word",), "2 words"), (1, ("word",), "1 word"),
    (1200, ("word",), "1,200 words"), (3, ("criterion", "criteria"), "3 criteria"),
    (1, ("criterion", "criteria"), "1 criterion")])
def test_a_count_is_said_with_its_noun(n, args, said):
    from reflect.words import plural

    assert plural(n, *args) == said
