"""Helpers for the running-totals tests: the totals as stored, and as counted from scratch."""

from __future__ import annotations

import pytest

from reflect.progress import counts, tallies
from reflect.store.tally_schema import TALLY_TABLES, fill_tallies


def live_words(journal) -> int:
    """The words of the live entries, counted from their text."""
    from reflect.words import entry_words

    return sum(entry_words(t, b) for t, b in journal.conn.execute(
        "SELECT title, body FROM entries WHERE deleted_at IS NULL"))


def stored(journal) -> dict[str, list[tuple]]:
    """Every tally table's rows, sorted."""
    return {t: sorted(journal.conn.execute(f"SELECT * FROM {t}").fetchall()) for t in TALLY_TABLES}


def recounted(journal) -> dict[str, list[tuple]]:
    """The tallies counted again from the entries (in a transaction rolled back afterwards)."""
    conn = journal.conn
    conn.execute("SAVEPOINT recount")
    try:
        fill_tallies(conn, count_words=False)  # the stored counts, as the triggers saw them
        counted = stored(journal)
    finally:
        conn.execute("ROLLBACK TO recount")
        conn.execute("RELEASE recount")
    return counted


@pytest.fixture
def exact(monkeypatch):
    """Make every summary count entry by entry, as if the tallies did not exist."""
    def use_entries() -> None:
        monkeypatch.setattr(counts, "covers", lambda filters: False)
    return use_entries
