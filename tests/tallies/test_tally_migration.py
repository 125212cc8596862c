"""Schema step 3 on a journal written by the previous reflect (schema 2): every row kept, the
derived facts right, and the tallies equal to a recount."""

from __future__ import annotations

import sqlite3
from datetime import date

from reflect.store import migrations
from reflect.progress import counts, tallies
from reflect.journal import open_journal
from reflect.progress.stats import journal_stats
from tests.conftest import TINY_FRAMEWORK, FakeClock
from tests.tallies.conftest import recounted, stored

ENTRIES = [  # id, day, title, body, private, deleted_at, minutes, confidence
    (1, "2026-09-01", "First day on the tills", "Lots to learn.\n\nTwo queues at once", 0, None, 30, 3),
    (2, "2026-09-08", "A complaint", "Stayed  calm\tand listened", 1, None, None, 4),
    (3, "2026-10-02", "Stock count", "", 0, "2026-10-03T09:00:00Z", 15, None),
    (4, "2026-11-20", "Team huddle", "Led it", 0, None, None, None),
]
SKILLS = [(1, "patience"), (1, "kneading"), (2, "patience"), (3, "decorating")]
CRITERIA = [(1, "BAKE01.P1"), (2, "BAKE01.P1"), (2, "SERVE02.K1"), (3, "ICE03.P1"), (4, "GONE99.P1")]


def _v2_journal(path) -> None:
    """A journal as the previous reflect left it: schema 2, written with plain SQL."""
    import sqlite_utils

    conn = sqlite3.connect(path, isolation_level=None)
    db = sqlite_utils.Database(conn, execute_plugins=False)
    for step in migrations.MIGRATIONS[:2]:
        step(db)
    conn.execute("PRAGMA user_version = 2")
    conn.executemany("INSERT INTO entries (id, uid, day, title, body, private, deleted_at, minutes, confidence,"
                     " created_at, updated_at) VALUES (?, 'u' || ?, ?, ?, ?, ?, ?, ?, ?, 'c', 'u')",
                     [(e[0], *e) for e in ENTRIES])
    conn.executemany("INSERT INTO entry_skills VALUES (?, ?)", SKILLS)
    conn.executemany("INSERT INTO entry_criteria VALUES (?, ?)", CRITERIA)
    conn.close()


def _migrated(tmp_path):
    path = tmp_path / "old.db"
    _v2_journal(path)
    return open_journal(path, clock=FakeClock())


def test_step_3_is_the_third_step():
    assert migrations.CURRENT_VERSION >= 3 and migrations.MIGRATIONS[2].__name__ == "v3_tallies"


def test_a_later_step_recounts_words():
    # Somewhere after step 3 (later steps follow it: not necessarily the last).
    assert "_v5_recount_words" in [step.__name__ for step in migrations.MIGRATIONS[3:]]


def test_every_row_is_kept(tmp_path):
    with _migrated(tmp_path) as j:
        assert j.schema_version == migrations.CURRENT_VERSION
        assert j.conn.execute("SELECT id, day, title, body, private, deleted_at, minutes, confidence"
                              " FROM entries ORDER BY id").fetchall() == ENTRIES
        assert sorted(j.conn.execute("SELECT * FROM entry_skills").fetchall()) == sorted(SKILLS)
        assert sorted(j.conn.execute("SELECT * FROM entry_criteria").fetchall()) == sorted(CRITERIA)


def test_words_and_skill_sets_are_filled_in(tmp_path):
    with _migrated(tmp_path) as j:
        assert j.conn.execute("SELECT id, words, skill_set FROM entries ORDER BY id").fetchall() == [
            (1, 5 + 7, "kneading\x1fpatience"), (2, 2 + 4, "patience"), (3, 2, "decorating"), (4, 2 + 2, "")]


def test_tallies_equal_a_recount(tmp_path):
    with _migrated(tmp_path) as j:
        rows = stored(j)
        assert rows == recounted(j)
        assert rows["tally_criteria"] == [
            ("BAKE01.P1", 0, 1, "2026-09-01", "2026-09-01"), ("BAKE01.P1", 1, 1, "2026-09-08", "2026-09-08"),
            ("GONE99.P1", 0, 1, "2026-11-20", "2026-11-20"), ("SERVE02.K1", 1, 1, "2026-09-08", "2026-09-08")]


def test_triggers_keep_counting_after_the_upgrade(tmp_path):
    with _migrated(tmp_path) as j:
        j.entries.restore(3)
        j.entries.update(1, private=True, skills=["decorating"])
        j.entries.add(day=date(2026, 11, 21), title="New", criteria=["ICE03.P1"])
        assert stored(j) == recounted(j)


def test_summaries_equal_counting_entry_by_entry(tmp_path, monkeypatch):
    from reflect.progress.summary import gap_summary
    from reflect.framework.standards import load_framework

    framework = load_framework(TINY_FRAMEWORK)
    today = date(2026, 11, 24)
    with _migrated(tmp_path) as j:
        fast = [gap_summary(j, framework, today=today).to_json(), journal_stats(j, framework, today=today).to_json()]
        monkeypatch.setattr(counts, "covers", lambda filters: False)
        slow = [gap_summary(j, framework, today=today).to_json(), journal_stats(j, framework, today=today).to_json()]
    assert fast == slow
    assert fast[1]["words"] == 12 + 6 + 4


def test_the_search_index_is_left_alone(tmp_path):
    from reflect.entries.models import EntryFilter

    with _migrated(tmp_path) as j:
        assert [e.id for e in j.entries.search(EntryFilter(text="queues"))] == [1]
        j.entries.update(1, body="Now about refunds")
        assert [e.id for e in j.entries.search(EntryFilter(text="refunds"))] == [1]
        assert j.entries.search(EntryFilter(text="queues")) == []
