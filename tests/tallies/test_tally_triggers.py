"""The running totals stay equal to a recount of the entries through every kind of write."""

from __future__ import annotations

from datetime import date

import pytest

from tests.tallies.conftest import recounted, stored


def _add(journal, day=date(2026, 11, 20), **kw):
    kw.setdefault("title", "A reflection")
    return journal.entries.add(day=day, **kw).id


def test_a_new_journal_has_empty_tallies(journal):
    assert all(rows == [] for rows in stored(journal).values())


def test_adding_entries_counts_them(journal):
    _add(journal, skills=["focus", "feeling"], criteria=["INSCS009.P1"], body="one two three", minutes=20)
    _add(journal, date(2026, 11, 21), private=True, criteria=["INSCS009.P1"], confidence=4)
    rows = stored(journal)
    assert rows["tally_totals"] == [(0, "none", 1, 5, 0, 20, 1, 0, 0), (1, "none", 1, 2, 0, 0, 0, 4, 1)]
    assert rows["tally_days"] == [("2026-11-20", 1, 0), ("2026-11-21", 0, 1)]
    assert rows["tally_criteria"] == [("INSCS009.P1", 0, 1, "2026-11-20", "2026-11-20"),
                                      ("INSCS009.P1", 1, 1, "2026-11-21", "2026-11-21")]
    assert rows["tally_skill_sets"] == [("", 1, 1, "2026-11-21"), ("feeling\x1ffocus", 0, 1, "2026-11-20")]
    assert stored(journal) == recounted(journal)


def test_trash_takes_an_entry_out_and_restore_puts_it_back(journal):
    keep = _add(journal, criteria=["X.P1"], skills=["focus"])
    gone = _add(journal, date(2026, 11, 23), criteria=["X.P1"], skills=["focus"])
    before = stored(journal)
    journal.entries.delete(gone)
    assert stored(journal)["tally_criteria"] == [("X.P1", 0, 1, "2026-11-20", "2026-11-20")]
    assert stored(journal) == recounted(journal)
    journal.entries.restore(gone)
    assert stored(journal) == before
    assert keep  # the other entry stayed counted throughout


def test_emptying_the_trash_changes_nothing_counted(journal):
    _add(journal, criteria=["X.P1"])
    journal.entries.delete(_add(journal, criteria=["X.P1"], skills=["focus"]))
    before = stored(journal)
    journal.entries.empty_trash()
    assert stored(journal) == before == recounted(journal)


def test_deleting_a_live_entry_outright_uncounts_it(journal):
    first = _add(journal, date(2026, 11, 1), criteria=["X.P1"], skills=["focus"])
    last = _add(journal, date(2026, 11, 9), criteria=["X.P1"], skills=["focus"])
    with journal.write():
        journal.conn.execute("DELETE FROM entries WHERE id = ?", [last])
    assert stored(journal)["tally_criteria"] == [("X.P1", 0, 1, "2026-11-01", "2026-11-01")]
    assert stored(journal) == recounted(journal)
    assert first


def test_moving_an_entry_to_another_day_moves_first_and_latest(journal):
    a = _add(journal, date(2026, 11, 1), criteria=["X.P1"], skills=["focus"])
    _add(journal, date(2026, 11, 5), criteria=["X.P1"], skills=["focus"])
    journal.entries.update(a, day=date(2026, 11, 30))
    assert stored(journal)["tally_criteria"] == [("X.P1", 0, 2, "2026-11-05", "2026-11-30")]
    assert stored(journal) == recounted(journal)


def test_making_an_entry_private_moves_it_between_the_splits(journal):
    a = _add(journal, criteria=["X.P1"], skills=["focus"], body="four words in here")
    journal.entries.update(a, private=True)
    assert {r[0] for r in stored(journal)["tally_totals"]} == {1}
    assert stored(journal) == recounted(journal)


def test_retagging_an_entry_moves_it_between_skill_sets_and_criteria(journal):
    a = _add(journal, criteria=["X.P1", "X.P2"], skills=["focus"])
    journal.entries.update(a, skills=["feeling", "focus"], criteria=["X.P2", "X.P3"])
    rows = stored(journal)
    assert [r[0] for r in rows["tally_criteria"]] == ["X.P2", "X.P3"]
    assert [r[0] for r in rows["tally_skill_sets"]] == ["feeling\x1ffocus"]
    assert rows == recounted(journal)


def _stale(journal) -> list[int]:
    return [i for (i,) in journal.conn.execute("SELECT entry_id FROM entry_words_stale")]


def test_an_edit_keeping_the_word_count_keeps_it_trusted(journal):
    a = _add(journal, body="three little words")
    journal.entries.update(a, body="three small words")
    assert journal.conn.execute("SELECT words FROM entries WHERE id = ?", [a]).fetchone() == (5,)
    assert _stale(journal) == []


def test_text_changed_by_another_tool_marks_the_word_count_stale(journal):
    a = _add(journal, body="three little words")
    with journal.write():
        journal.conn.execute("UPDATE entries SET body = 'now there are six words here' WHERE id = ?", [a])
    assert _stale(journal) == [a]
    journal.entries.update(a, title="Counted again")
    assert _stale(journal) == []


def test_words_add_the_stored_counts_and_the_texts_not_counted(journal):
    from reflect.progress import tallies

    _add(journal, body="three little words")  # 2 + 3
    b = _add(journal, private=True, body="one")  # 2 + 1, then changed behind reflect's back
    with journal.write():
        journal.conn.execute("UPDATE entries SET body = 'now there are six words here' WHERE id = ?", [b])
        journal.conn.execute("INSERT INTO entries (uid, day, title, body, created_at, updated_at)"
                             " VALUES ('x', '2026-11-22', 'By hand', 'four', 'c', 'u')")  # no count: 3 words
    assert stored(journal) == recounted(journal)
    assert [tallies.totals(journal.conn, p).words for p in (None, True, False)] == [5 + 8 + 3, 8, 5 + 3]


def test_links_written_by_another_tool_are_counted(journal):
    a = _add(journal)
    with journal.write():
        journal.conn.execute("INSERT INTO entry_skills VALUES (?, 'focus')", [a])
        journal.conn.execute("INSERT INTO entry_criteria VALUES (?, 'X.P9')", [a])
        journal.conn.execute("UPDATE entry_criteria SET criterion_id = 'X.P8' WHERE entry_id = ?", [a])
        journal.conn.execute("UPDATE entry_skills SET skill_id = 'feeling' WHERE entry_id = ?", [a])
    rows = stored(journal)
    assert [r[0] for r in rows["tally_criteria"]] == ["X.P8"]
    assert [r[0] for r in rows["tally_skill_sets"]] == ["feeling"]
    assert rows == recounted(journal)


def test_a_trashed_entry_retagged_stays_uncounted(journal):
    a = _add(journal, criteria=["X.P1"], skills=["focus"])
    journal.entries.delete(a)
    journal.entries.update(a, skills=["feeling"], criteria=["X.P2"])
    assert stored(journal) == recounted(journal)
    journal.entries.restore(a)
    assert [r[0] for r in stored(journal)["tally_criteria"]] == ["X.P2"]
    assert stored(journal) == recounted(journal)


@pytest.mark.parametrize("day", ["2026-11-23", "2026-11-29", "2026-11-30", "2024-02-29", "1901-01-07"])
def test_weeks_are_numbered_as_python_numbers_them(journal, day):
    from reflect.progress.tallies import week_number

    _add(journal, date.fromisoformat(day))
    assert stored(journal)["tally_weeks"] == [(week_number(date.fromisoformat(day)), 1, 0)]
