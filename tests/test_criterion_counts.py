"""EntryStore.criterion_counts: how many live entries evidence each criterion."""

from datetime import date

DAY = date(2026, 11, 20)


def add(journal, criteria, title="Handled a refund"):
    return journal.entries.add(day=DAY, title=title, criteria=criteria)


def test_counts_each_criterion_once_per_entry(journal):
    add(journal, ["INSCS009.P1", "INSCS009.P2"])
    add(journal, ["INSCS009.P1"])
    assert journal.entries.criterion_counts() == {"INSCS009.P1": 2, "INSCS009.P2": 1}


def test_trashed_entries_do_not_count(journal):
    add(journal, ["SDS0223.K5"])
    gone = add(journal, ["SDS0223.K5", "SDS0223.K6"])
    journal.entries.delete(gone.id)
    assert journal.entries.criterion_counts() == {"SDS0223.K5": 1}


def test_restored_entries_count_again(journal):
    entry = add(journal, ["SDS0223.K5"])
    journal.entries.delete(entry.id)
    journal.entries.restore(entry.id)
    assert journal.entries.criterion_counts() == {"SDS0223.K5": 1}


def test_empty_journal_has_no_counts(journal):
    assert journal.entries.criterion_counts() == {}
