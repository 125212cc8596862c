"""restore-backup: only an intact reflect journal goes in, and the one it replaces is kept."""

import sqlite3
from datetime import date

import pytest

from reflect.store.backup import backup_to, list_backups
from reflect.errors import JournalError
from reflect.journal import open_journal
from reflect.store.migrations import CURRENT_VERSION
from reflect.store.restore import check_backup_file, restore_backup
from tests.reliability.conftest import content_digest, fill


@pytest.fixture
def saved(filled, tmp_path):
    """A backup of the three-entry journal, after which the journal gains a fourth entry."""
    copy = backup_to(filled, tmp_path / "saved.db")
    with open_journal(filled) as j:
        j.entries.add(day=date(2026, 11, 20), title="written after the backup")
    return copy


def test_restore_puts_the_backup_in_place(filled, saved):
    expected = content_digest(saved)
    done = restore_backup(saved, filled)
    assert content_digest(filled) == expected
    assert done.entries == 3 and done.version == CURRENT_VERSION


def test_restore_keeps_the_replaced_journal(filled, saved):
    replaced = content_digest(filled)
    done = restore_backup(saved, filled)
    assert done.safety_copy is not None
    assert content_digest(done.safety_copy) == replaced
    assert [b.reason for b in list_backups(filled)] == ["before-restore"]


def test_restored_journal_opens_and_is_usable(filled, saved):
    restore_backup(saved, filled)
    with open_journal(filled) as j:
        assert [e.title for e in j.entries.list().rows][-1] == "Entry 1"
        j.entries.add(day=date(2026, 11, 21), title="after restore")
        assert j.entries.count() == 4


def test_restore_into_a_missing_journal(saved, tmp_path):
    target = tmp_path / "new" / "journal.db"
    done = restore_backup(saved, target)
    assert done.safety_copy is None
    assert content_digest(target) == content_digest(saved)


def test_restore_is_refused_while_another_reflect_has_the_journal_open(filled, saved):
    before = content_digest(filled)
    other = open_journal(filled)
    try:
        with pytest.raises(JournalError, match="open in another reflect"):
            restore_backup(saved, filled)
    finally:
        other.close()
    assert content_digest(filled) == before


def test_restore_over_a_damaged_journal_keeps_its_bytes(filled, saved, tmp_path):
    filled.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    damaged = filled.read_bytes()
    done = restore_backup(saved, filled)
    assert done.safety_copy.read_bytes() == damaged
    assert content_digest(filled) == content_digest(saved)


def test_restore_refuses_the_journal_itself(filled):
    with pytest.raises(JournalError, match="is the journal itself"):
        restore_backup(filled, filled)


def _sqlite_file(path, *statements, version=CURRENT_VERSION):
    conn = sqlite3.connect(path)
    for sql in statements:
        conn.execute(sql)
    conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()
    return path


BAD_BACKUPS = {
    "not sqlite": (lambda p: (p.write_text("holiday photos"), p)[1], "not an SQLite database"),
    "empty": (lambda p: (p.write_bytes(b""), p)[1], "not an SQLite database"),
    "another app's database": (lambda p: _sqlite_file(p, "CREATE TABLE songs (x)"), "not a reflect journal"),
    "newer reflect": (lambda p: _sqlite_file(p, "CREATE TABLE entries (x)", version=CURRENT_VERSION + 1),
                      "newer reflect"),
    "a folder": (lambda p: p.mkdir() or p, "not a file"),
    "missing": (lambda p: p, "No backup at"),
}


@pytest.mark.parametrize("kind", BAD_BACKUPS)
def test_bad_backup_is_refused_and_journal_untouched(filled, tmp_path, kind):
    make, message = BAD_BACKUPS[kind]
    bad = make(tmp_path / "bad.db")
    before = content_digest(filled)
    with pytest.raises(JournalError, match=message):
        restore_backup(bad, filled)
    assert content_digest(filled) == before
    assert list_backups(filled) == []


def test_truncated_backup_is_refused(filled, tmp_path):
    fill(tmp_path / "big.db", count=300)
    data = (tmp_path / "big.db").read_bytes()
    cut = tmp_path / "cut.db"
    cut.write_bytes(data[: len(data) // 2])
    before = content_digest(filled)
    with pytest.raises(JournalError, match="damaged"):
        restore_backup(cut, filled)
    assert content_digest(filled) == before


def test_check_backup_file_reports_version_and_entries(saved):
    assert check_backup_file(saved) == (CURRENT_VERSION, 3)


def test_restore_leaves_no_temporary_files(filled, saved):
    restore_backup(saved, filled)
    leftovers = [p.name for p in filled.parent.iterdir() if p.name.endswith(".part")]
    assert leftovers == []


def test_restore_never_replaces_a_file_that_is_not_a_journal(saved, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("someone's notes, named by a mistyped --db")
    with pytest.raises(JournalError, match="will not replace it"):
        restore_backup(saved, notes)
    assert notes.read_text() == "someone's notes, named by a mistyped --db"
    assert not (tmp_path / "backups").exists()


def test_restore_never_replaces_a_device(saved, tmp_path):
    import os
    import stat

    device = tmp_path / "full"
    try:
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 7))  # a private /dev/full
    except (PermissionError, OSError):
        pytest.skip("cannot make a device node here")
    with pytest.raises(JournalError, match="not a regular file"):
        restore_backup(saved, device)
    assert stat.S_ISCHR(os.stat(device).st_mode)
