"""restore-backup: only an intact reflect journal goes in, and the one it replaces is kept."""

import os
import sqlite3
import threading
import time
from datetime import date

import pytest

from reflect.store.backup import backup_to, list_backups
from reflect.errors import JournalError
from reflect.journal import open_journal
from reflect.store.migrations import CURRENT_VERSION
from reflect.store.restore import check_backup_file, restore_backup
from tests.reliability.conftest import content_digest, fill
from tests.test_cli_entries import ROOT


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
            restore_backup(saved, filled, wait=0.3)
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


def test_restore_keeps_the_journal_file_and_the_link_to_it(saved, tmp_path):
    real = tmp_path / "data" / "journal.db"
    fill(real)
    link = tmp_path / "journal.db"
    link.symlink_to(real)
    inode = os.stat(real).st_ino
    restore_backup(saved, link)
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert os.stat(real).st_ino == inode  # the same file, written in place
    assert content_digest(real) == content_digest(saved)
    assert sorted(p.name for p in real.parent.iterdir()) == ["journal.db"]  # no -wal or -journal left


def test_restore_waits_for_another_reflect_to_close_the_journal(filled, saved):
    import subprocess
    import sys

    code = ("import sys, time; from reflect.journal import open_journal\n"
            "j = open_journal(sys.argv[1]); j.entries.count(); print('open', flush=True)\n"
            "time.sleep(1.0); j.close()\n")
    other = subprocess.Popen([sys.executable, "-c", code, str(filled)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert other.stdout.readline().strip() == "open"
        started = time.monotonic()
        done = restore_backup(saved, filled, wait=30)
        waited = time.monotonic() - started
    finally:
        other.wait(30)
    assert content_digest(filled) == content_digest(saved) and done.entries == 3
    assert other.returncode == 0 and waited > 0.2  # it did wait for the other to close


def test_a_reflect_opening_the_journal_during_a_restore_waits_and_sees_the_restored_one(filled, saved):
    import json
    import subprocess
    import sys

    from reflect.store import restore as restore_module

    code = ("import json, sys; from reflect.journal import open_journal\n"
            "print('go', flush=True)\n"
            "with open_journal(sys.argv[1]) as j: print(json.dumps([e.title for e in j.entries.list().rows]))\n")
    opener = {}
    copy_into = restore_module._copy_into

    def copy_while_another_opens(backup, conn):
        opener["process"] = process = subprocess.Popen([sys.executable, "-c", code, str(filled)], cwd=ROOT,
                                                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert process.stdout.readline().strip() == "go"
        time.sleep(0.5)  # the other reflect is now waiting for the lock
        assert process.poll() is None
        copy_into(backup, conn)

    restore_module._copy_into = copy_while_another_opens
    try:
        restore_backup(saved, filled)
    finally:
        restore_module._copy_into = copy_into
    out, err = opener["process"].communicate(timeout=30)
    assert opener["process"].returncode == 0, err
    assert "written after the backup" not in json.loads(out) and len(json.loads(out)) == 3


def test_a_restore_killed_mid_way_leaves_nothing_beside_a_backup_in_wal_mode(filled, tmp_path):
    import shutil
    import signal
    import subprocess
    import sys

    wal_copy = tmp_path / "copied-by-hand.db"
    shutil.copy(filled, wal_copy)  # a WAL-mode journal, copied while closed: no -wal beside it
    assert wal_copy.read_bytes()[18] == 2
    code = ("import os, signal, sys\n"
            "from reflect.store import restore\n"
            "def killed(backup, conn): os.kill(os.getpid(), signal.SIGKILL)\n"
            "restore._copy_into = killed\n"
            "restore.restore_backup(sys.argv[1], sys.argv[2])\n")
    result = subprocess.run([sys.executable, "-c", code, str(wal_copy), str(filled)], cwd=ROOT)
    assert result.returncode == -signal.SIGKILL
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("copied")) == ["copied-by-hand.db"]
    with open_journal(filled) as j:  # the journal is untouched and whole
        assert j.entries.count() == 3


def test_restore_and_doctor_fix_honour_backup_keep(filled, saved, tmp_path):
    from reflect.cli import main

    with open_journal(filled) as j:
        j.settings.set("backup_keep", 2)
    keep_two = backup_to(filled, tmp_path / "keep-two.db")
    for _ in range(4):
        assert main(["--db", str(filled), "restore-backup", str(keep_two)]) == 0
    assert len([b for b in list_backups(filled) if b.automatic]) == 2
    for _ in range(3):
        with open_journal(filled) as j:  # put the search index out of step, so --fix works
            j.db.execute("DELETE FROM entries_fts")
            j.db.conn.commit()
        main(["--db", str(filled), "doctor", "--fix"])
    assert len([b for b in list_backups(filled) if b.automatic]) == 2


def test_a_restore_killed_while_copying_leaves_the_old_journal_whole(filled, tmp_path):
    import signal
    import subprocess
    import sys

    big = tmp_path / "big-backup.db"
    fill(big, count=400)
    backup_to(big, tmp_path / "big.db")
    before = content_digest(filled)
    raw = filled.read_bytes()
    code = ("import os, signal, sys\n"
            "from reflect.store import restore, backup\n"
            "def killed_half_way(path, conn):\n"
            "    source = restore.connect_backup_file(path)\n"
            "    conn.execute('PRAGMA cache_size=2')  # pages reach the file before the end\n"
            "    def progress(status, remaining, total):\n"
            "        if remaining < total // 2: os.kill(os.getpid(), signal.SIGKILL)\n"
            "    source.backup(conn, pages=5, progress=progress)\n"
            "restore._copy_into = killed_half_way\n"
            "restore.restore_backup(sys.argv[1], sys.argv[2])\n")
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path / "big.db"), str(filled)], cwd=ROOT)
    assert result.returncode == -signal.SIGKILL
    page = int.from_bytes(raw[16:18], "big")
    assert filled.read_bytes()[page:] != raw[page:]  # killed with the journal half overwritten
    assert (filled.parent / "journal.db-journal").exists()
    with open_journal(filled) as j:  # the next reflect to open it rolls the copy back
        assert j.entries.count() + j.entries.count(trashed=True) == 3
    assert content_digest(filled) == before  # every page as it was


@pytest.mark.parametrize("version", [0, 1])
def test_restore_never_replaces_another_programs_database(saved, tmp_path, version):
    other = _sqlite_file(tmp_path / "music.db", "CREATE TABLE songs (title)", "INSERT INTO songs VALUES ('x')",
                         version=version)
    before = other.read_bytes()
    with pytest.raises(JournalError, match="not a reflect journal"):
        restore_backup(saved, other)
    assert other.read_bytes() == before and not (tmp_path / "backups").exists()
