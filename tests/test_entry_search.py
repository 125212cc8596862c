"""Search on big journals: ranking in two tiers, and short words while typing.

reflect.entries.search ranks the newest RANK_WINDOW entries first; these tests shrink the window
to a few entries so the tiers show on a small journal.
"""

import sqlite3
from datetime import date

import pytest
from hypothesis import given, strategies as st

from reflect.entries import search as entry_search
from reflect.entries.models import EntryFilter
from reflect.entries.search_query import to_fts_query

DAY = date(2026, 11, 20)


def add(journal, title, body):
    return journal.entries.add(day=DAY, title=title, body=body)


def ids(hits):
    return [h.id for h in hits]


@pytest.fixture
def six(journal, monkeypatch):
    """Six entries that all mention a refund; the window holds the newest three (4, 5, 6)."""
    monkeypatch.setattr(entry_search, "RANK_WINDOW", 3)
    add(journal, "Refund refund refund", "The best match of all: refund in the title.")  # 1
    add(journal, "Stock count", "A refund came up once.")  # 2
    add(journal, "Refund at the till", "A refund for a kettle.")  # 3
    add(journal, "Quiet day", "Nothing but one refund among many other words today.")  # 4
    add(journal, "Refund for a coat", "refund")  # 5
    add(journal, "Shelves", "Tidied the shelves, then a refund.")  # 6
    return journal


def test_newest_entries_are_ranked_first_then_older_ones(six):
    hits = ids(six.entries.search(EntryFilter(text="refund")))
    assert sorted(hits[:3]) == [4, 5, 6]
    assert sorted(hits[3:]) == [1, 2, 3]
    assert hits[0] == 5  # the best match in the window: refund in title and body
    assert hits[3] == 1  # the best older match leads the older ones


def test_pages_cover_both_tiers_once_each(six):
    whole = ids(six.entries.search(EntryFilter(text="refund")))
    for size in (1, 2, 4):
        paged = []
        for offset in range(0, 6, size):
            paged += ids(six.entries.search(EntryFilter(text="refund"), limit=size, offset=offset))
        assert paged == whole


def test_a_word_only_in_older_entries_is_found(six):
    assert ids(six.entries.search(EntryFilter(text="kettle"))) == [3]


def test_a_small_journal_is_ranked_whole(journal):
    add(journal, "Refund refund", "refund")
    add(journal, "Stock count", "A refund came up once among many other words.")
    assert ids(journal.entries.search(EntryFilter(text="refund"))) == [1, 2]


def test_typing_a_short_last_word_keeps_the_results_of_the_words_before(journal):
    add(journal, "Refund", "A refund for a kettle.")
    add(journal, "Refund", "A refund for a kit.")
    typed = journal.entries.search(EntryFilter(text="refund ke"), as_you_type=True)
    assert sorted(ids(typed)) == [1, 2]
    longer = journal.entries.search(EntryFilter(text="refund ket"), as_you_type=True)
    assert ids(longer) == [1]


def test_typing_one_letter_shows_the_whole_list(journal):
    add(journal, "Refund", "A customer wanted a refund.")
    add(journal, "Stock", "Counted.")
    assert ids(journal.entries.search(EntryFilter(text="c"), as_you_type=True)) == [2, 1]


def test_a_typed_star_still_searches_a_short_prefix(journal):
    add(journal, "Refund", "A customer wanted a refund.")
    add(journal, "Stock", "Counted.")
    assert ids(journal.entries.search(EntryFilter(text="cu*"), as_you_type=True)) == [1]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("c", None),
        ("cu", None),
        ("cus", '"cus"*'),
        ("customer c", '"customer"'),
        ("customer co", '"customer"'),
        ("customer com", '"customer" "com"*'),
        ("customer ", '"customer"'),
        ("refund OR ex", '"refund"'),
        ("follow-u", '"follow"'),
        ('"angry cu', '"angry"'),
        ("cu*", '"cu"*'),
        ("NOT cu", None),
    ],
)
def test_min_prefix_leaves_out_a_short_last_word(text, expected):
    assert to_fts_query(text, prefix_last=True, min_prefix=3) == expected


def test_min_prefix_changes_nothing_when_not_typing():
    assert to_fts_query("customer co", prefix_last=False, min_prefix=3) == '"customer" "co"'


@given(st.text(), st.integers(min_value=1, max_value=4))
def test_min_prefix_always_gives_none_or_a_query_fts5_accepts(text, min_prefix):
    query = to_fts_query(text, prefix_last=True, min_prefix=min_prefix)
    if query is None:
        return
    with sqlite3.connect(":memory:") as connection:
        connection.execute("CREATE VIRTUAL TABLE t USING fts5(body, tokenize='porter unicode61')")
        connection.execute("SELECT rowid FROM t WHERE t MATCH ?", (query,)).fetchall()


# -- streaming whole entries (exports) -----------------------------------------------------


def test_streamed_entries_equal_entries_read_one_by_one(journal):
    journal.entries.add(day=DAY, title="Tagged", body="b", skills=["integrity", "focus"],
                        criteria=["X.P2", "X.P1"], private=True, confidence=4, minutes=30)
    journal.entries.add(day=date(2026, 11, 1), title="Bare", body="")
    streamed = list(journal.entries.iter_entries(batch=1))
    assert streamed == [journal.entries.get(2), journal.entries.get(1)]
    assert streamed[1].skills == ("focus", "integrity")
    assert streamed[1].criteria == ("X.P1", "X.P2")


def test_stopping_a_stream_early_leaves_the_journal_writable(journal):
    for n in range(5):
        journal.entries.add(day=DAY, title=f"Entry {n}", body="b")
    stream = journal.entries.iter_entries(batch=2)
    next(stream)
    stream.close()
    journal.entries.add(day=DAY, title="After", body="b")
    assert journal.entries.count() == 6
