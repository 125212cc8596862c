"""Indexing entries for search at the end of a bulk write: the same index, found by search,
and the journal's insert trigger always back afterwards. One behaviour per test."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from reflect.importers.jrnl import import_jrnl
from reflect.entries.models import EntryFilter
from reflect.entries.search_index import INSERT_TRIGGER, indexing_at_the_end

DAY = date(2026, 11, 20)


def index_matches(journal) -> bool:
    try:
        journal.conn.execute("INSERT INTO entries_fts(entries_fts, rank) VALUES('integrity-check', 1)")
    except sqlite3.DatabaseError:
        return False
    return True


def trigger_exists(journal) -> bool:
    return journal.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                                [INSERT_TRIGGER]).fetchone() is not None


def found(journal, words: str) -> list[str]:
    return [e.title for e in journal.entries.search(EntryFilter(text=words))]


def test_entries_written_in_the_block_are_found_by_search(journal):
    journal.entries.add(day=DAY, title="Before", body="a kettle refund")
    with journal.write(), indexing_at_the_end(journal.conn):
        journal.entries.insert(day=DAY, title="During", body="another kettle refund")
        assert not trigger_exists(journal)
    assert sorted(found(journal, "kettle")) == ["Before", "During"]
    assert index_matches(journal)


def test_the_trigger_is_back_after_the_block(journal):
    with journal.write(), indexing_at_the_end(journal.conn):
        journal.entries.insert(day=DAY, title="During", body="till roll")
    journal.entries.add(day=DAY, title="After", body="till roll again")
    assert trigger_exists(journal)
    assert sorted(found(journal, "till")) == ["After", "During"]


def test_a_failed_block_rolled_back_leaves_the_trigger_and_a_matching_index(journal):
    journal.entries.add(day=DAY, title="Kept", body="queue cards")
    with pytest.raises(RuntimeError):
        with journal.write(), indexing_at_the_end(journal.conn):
            journal.entries.insert(day=DAY, title="Gone", body="queue cards too")
            raise RuntimeError("the file was damaged")
    assert trigger_exists(journal)
    assert index_matches(journal)
    assert found(journal, "queue") == ["Kept"]


def test_an_import_refused_half_way_leaves_search_as_it_was(journal, framework, tmp_path):
    journal.entries.add(day=DAY, title="Mine", body="a refund at the till")
    path = tmp_path / "journal.txt"
    path.write_bytes(b"[2026-01-05 09:00] One\nrefund\n\n[2026-01-06 09:00] Two \xff\nrefund\n")
    with pytest.raises(Exception):
        import_jrnl(journal, framework, path)
    assert trigger_exists(journal)
    assert index_matches(journal)
    assert found(journal, "refund") == ["Mine"]


def test_an_import_indexes_every_entry_it_adds(journal, framework, tmp_path):
    path = tmp_path / "journal.txt"
    path.write_text("".join(f"[2026-01-{d:02d} 09:00] Day {d}\nServed a customer.\n\n" for d in range(1, 21)))
    import_jrnl(journal, framework, path)
    assert journal.entries.count(EntryFilter(text="customer")) == 20
    assert index_matches(journal)
