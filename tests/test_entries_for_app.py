"""What the app needs from the journal: evidence counts per criterion, and listing pages
that stay quick however long the journal gets."""

from datetime import date

from reflect.progress import tallies as counts

DAY = date(2026, 11, 20)


def add(journal, criteria, title="Handled a refund"):
    return journal.entries.add(day=DAY, title=title, criteria=criteria)


def criterion_counts(journal):
    return {cid: n for cid, (n, _) in counts.criteria(journal.conn, None).items()}


def test_counts_each_criterion_once_per_entry(journal):
    add(journal, ["INSCS009.P1", "INSCS009.P2"])
    add(journal, ["INSCS009.P1"])
    assert criterion_counts(journal) == {"INSCS009.P1": 2, "INSCS009.P2": 1}


def test_trashed_entries_do_not_count(journal):
    add(journal, ["SDS0223.K5"])
    gone = add(journal, ["SDS0223.K5", "SDS0223.K6"])
    journal.entries.delete(gone.id)
    assert criterion_counts(journal) == {"SDS0223.K5": 1}


def test_restored_entries_count_again(journal):
    entry = add(journal, ["SDS0223.K5"])
    journal.entries.delete(entry.id)
    journal.entries.restore(entry.id)
    assert criterion_counts(journal) == {"SDS0223.K5": 1}


def test_empty_journal_has_no_counts(journal):
    assert criterion_counts(journal) == {}


def test_home_listing_reads_pages_in_index_order_without_sorting(journal):
    """A page of the newest entries must not sort the whole journal (100,000 entries)."""
    add(journal, [])
    statements: list[str] = []
    journal.db.conn.set_trace_callback(statements.append)
    try:
        rows = journal.entries.list(limit=10).rows
    finally:
        journal.db.conn.set_trace_callback(None)
    listing = next(s for s in statements if "FROM entries e" in s)
    plan = journal.db.execute("EXPLAIN QUERY PLAN " + listing).fetchall()
    assert not any("TEMP B-TREE" in row[-1] for row in plan)
    assert [r.title for r in rows] == ["Handled a refund"]
