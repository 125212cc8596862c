"""Backups: by hand, before every upgrade, once a day; rotation; permissions; failures change nothing."""

import errno
import os
import sqlite3
import stat
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

import reflect.files
from reflect.store import backup as backup_module
from reflect.store.backup import (
    automatic_backup,
    backup_to,
    daily_backup_if_due,
    list_backups,
    prune,
)
from reflect.errors import JournalError, ReflectError
from reflect.journal import open_journal
from tests.conftest import FakeClock
from tests.reliability.conftest import content_digest, fill

V1_SQL = Path(__file__).parent.parent / "data" / "journal_v1.sql"


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def entry_count(path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM entries").fetchone()[0]
    finally:
        conn.close()


def test_backup_to_a_folder_is_a_dated_private_file(filled, tmp_path):
    target = backup_to(filled, f"{tmp_path}/usb/", clock=FakeClock())
    assert target.name == "journal-2026-11-24T103000Z.db"
    assert mode(target) == 0o600
    assert mode(target.parent) == 0o700
    assert content_digest(target) == content_digest(filled)


def test_backup_to_a_file_name(filled, tmp_path):
    target = backup_to(filled, tmp_path / "copy.db")
    assert target == tmp_path / "copy.db"
    assert entry_count(target) == 3


def test_backup_is_one_self_contained_file(filled, tmp_path):
    target = backup_to(filled, tmp_path / "out", into_folder=True)
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name]
    conn = sqlite3.connect(target)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()


def test_backup_never_replaces_an_existing_file(filled, tmp_path):
    existing = tmp_path / "keep.db"
    existing.write_text("precious")
    with pytest.raises(ReflectError, match="already exists"):
        backup_to(filled, existing)
    assert existing.read_text() == "precious"


def test_two_backups_in_one_second_get_different_names(filled, tmp_path):
    first = backup_to(filled, tmp_path / "b", clock=FakeClock(), into_folder=True)
    second = backup_to(filled, tmp_path / "b", clock=FakeClock(), into_folder=True)
    assert first != second and second.name == "journal-2026-11-24T103000Z-2.db"


def test_backup_of_an_open_journal_sees_only_committed_writes(journal, tmp_path):
    journal.entries.add(day=date(2026, 11, 1), title="committed")
    other = open_journal(journal.path)
    try:
        with other.write():
            other.entries.add(day=date(2026, 11, 2), title="not yet committed")
            target = backup_to(journal, tmp_path / "b", into_folder=True)
    finally:
        other.close()
    assert entry_count(target) == 1


def test_backup_of_something_that_is_not_a_journal_is_refused(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("shopping")
    with pytest.raises(JournalError, match="not an SQLite database"):
        backup_to(notes, tmp_path / "b", into_folder=True)
    assert not (tmp_path / "b").exists()


def test_full_disk_during_backup_leaves_nothing_behind(filled, tmp_path, monkeypatch):
    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup_module.os, "fsync", full)
    folder = tmp_path / "b"
    folder.mkdir()
    with pytest.raises(ReflectError, match="is full; nothing was changed"):
        backup_to(filled, folder)
    assert list(folder.iterdir()) == []


def test_read_only_destination_gives_clear_error(filled, tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(reflect.files.system, "private_temp_file", refuse)
    with pytest.raises(ReflectError, match="Cannot write in .*Read-only file system"):
        backup_to(filled, tmp_path)


# -- automatic backups ------------------------------------------------------------------


def test_automatic_backups_keep_only_the_newest_n(filled):
    clock = FakeClock()
    for hour in range(5):  # one day: the spread adds nothing older to keep
        clock.now = datetime(2026, 11, 1, 9 + hour, tzinfo=timezone.utc)
        automatic_backup(filled, filled, "daily", keep=3, clock=clock)
    kept = list_backups(filled)
    assert [b.taken_at.hour for b in kept] == [13, 12, 11]


def test_rotation_never_removes_backups_people_made(filled):
    manual = backup_to(filled, filled.parent / "backups", into_folder=True, clock=FakeClock(datetime(2026, 1, 1, tzinfo=timezone.utc)))
    for hour in range(3):
        automatic_backup(filled, filled, "daily", keep=1,
                         clock=FakeClock(datetime(2026, 11, 1, 9 + hour, tzinfo=timezone.utc)))
    assert manual.exists()
    assert [b.reason for b in list_backups(filled)] == ["daily", "manual"]


def test_prune_keeps_at_least_one(filled):
    automatic_backup(filled, filled, "daily")
    prune(filled, 0)
    assert len(list_backups(filled)) == 1


def test_daily_backup_once_a_day(filled):
    clock = FakeClock()
    with open_journal(filled, clock=clock) as j:
        assert daily_backup_if_due(j) is not None
        assert daily_backup_if_due(j) is None
        clock.now += timedelta(days=1)
        assert daily_backup_if_due(j) is not None
    assert len(list_backups(filled)) == 2


def test_daily_backup_respects_backup_keep_setting(filled):
    clock = FakeClock()
    with open_journal(filled, clock=clock) as j:
        j.settings.set("backup_keep", 2)
        for hour in range(4):
            clock.now = datetime(2026, 11, 24, 9 + hour, tzinfo=timezone.utc)
            automatic_backup(j, j.path, "before-repair", clock=clock)  # keep read from the journal
    assert len(list_backups(filled)) == 2


def test_no_daily_backup_of_an_empty_journal(journal):
    assert daily_backup_if_due(journal) is None
    assert list_backups(journal.path) == []


def test_open_journal_takes_daily_backup_only_when_asked(filled):
    open_journal(filled).close()
    assert list_backups(filled) == []
    open_journal(filled, daily_backup=True).close()
    assert [b.reason for b in list_backups(filled)] == ["daily"]


def test_failed_daily_backup_does_not_stop_the_journal_opening(filled, monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(reflect.files.system, "private_temp_file", refuse)
    with open_journal(filled, daily_backup=True) as j:
        assert "Read-only file system" in j.backup_problem
        assert j.entries.count() == 3


def _v1_journal(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path)
    conn.executescript(V1_SQL.read_text())
    conn.close()


def test_upgrade_takes_a_backup_of_the_old_journal_first(tmp_path):
    path = tmp_path / "old" / "journal.db"
    _v1_journal(path)
    before = content_digest(path)
    open_journal(path).close()
    (taken,) = list_backups(path)
    assert taken.reason == "before-migration-v1"
    assert content_digest(taken.path) == before


def test_no_backup_no_upgrade(tmp_path, monkeypatch):
    path = tmp_path / "old" / "journal.db"
    _v1_journal(path)
    before = content_digest(path)

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup_module.os, "fsync", full)
    with pytest.raises(JournalError, match="Could not back up the journal before upgrading it"):
        open_journal(path)
    assert content_digest(path) == before


def test_new_journal_is_not_backed_up_on_creation(tmp_path):
    path = tmp_path / "new" / "journal.db"
    open_journal(path, daily_backup=True).close()
    assert not (path.parent / "backups").exists()


def test_fill_helper_makes_three_entries(filled):
    # Guards the fixture the tests above rely on.
    assert entry_count(filled) == 3
    fill(filled.parent / "other.db", count=1)
    assert entry_count(filled.parent / "other.db") == 1
