"""Faults named truthfully, reading still possible: a journal on a real full disk and on a real
read-only disk (small tmpfs mounts; skipped where the test may not mount one).

Full, read-only, no permission, locked and damaged each get their own message; a journal that
cannot be written can still be listed, searched, exported and backed up elsewhere, and nothing
is made beside it.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from reflect.cli import main
from reflect.journal import open_journal
from reflect.store.faults import FULL, READ_ONLY, classify
from tests.conftest import TINY_FRAMEWORK
from tests.reliability.conftest import fill


def _mount(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["mount", *args], capture_output=True, text=True)


@pytest.fixture
def small_disk(tmp_path):
    """A 4 MB disk of its own (tmpfs), unmounted afterwards."""
    if shutil.which("mount") is None or os.geteuid() != 0:
        pytest.skip("mounting a small disk needs root and mount(8)")
    folder = tmp_path / "disk"
    folder.mkdir()
    if _mount("-t", "tmpfs", "-o", "size=4m,mode=0700", "tmpfs", str(folder)).returncode:
        pytest.skip("this system does not let the test mount a tmpfs")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def fill_up(disk: Path) -> None:
    """Use every free byte of ``disk``."""
    with open(disk / "filler", "wb", buffering=0) as handle:
        try:
            while True:
                handle.write(b"\0" * 4096)
        except OSError as error:
            assert error.errno == errno.ENOSPC
    assert os.statvfs(disk).f_bavail == 0


def make_read_only(disk: Path) -> None:
    result = _mount("-o", "remount,ro", str(disk))
    if result.returncode:
        pytest.skip(f"cannot remount read-only: {result.stderr.strip()}")


@pytest.fixture
def on_disk(small_disk, monkeypatch) -> Path:
    """A journal with 20 entries (and a backup) on the small disk, as $REFLECT_DB."""
    path = small_disk / "reflect" / "journal.db"
    fill(path, count=20)
    monkeypatch.setenv("REFLECT_DB", str(path))
    monkeypatch.setenv("REFLECT_FRAMEWORK", str(TINY_FRAMEWORK))
    assert main(["backup"]) == 0
    return path


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out = capsys.readouterr()
    return status, out.out, out.err


def _still_usable_for_reading(path: Path, tmp_path: Path, capsys) -> None:
    beside = sorted(p.name for p in path.parent.iterdir())
    status, out, _ = _run(capsys, "list", "-n", "100")
    assert status == 0 and "Entry 20" in out and "Entry 1" in out
    status, out, _ = _run(capsys, "search", "customer", "-n", "100")
    assert status == 0 and "Entry 7" in out
    status, out, _ = _run(capsys, "export", "-o", str(tmp_path / "elsewhere" / "out.md"))
    assert status == 0 and "Served customer number 13." in (tmp_path / "elsewhere" / "out.md").read_text()
    status, out, _ = _run(capsys, "export", "-o", "-")
    assert status == 0 and "Entry 3" in out
    status, out, _ = _run(capsys, "backup", f"{tmp_path}/usb/")
    assert status == 0 and "Backed up 20 entries" in out
    (copy,) = (tmp_path / "usb").iterdir()
    with open_journal(copy) as j:
        assert j.entries.count() + j.entries.count(trashed=True) == 20
    assert sorted(p.name for p in path.parent.iterdir()) == beside  # no -shm, -wal or .part made


def _writing_says(capsys, words: str) -> None:
    status, _, err = _run(capsys, "add", "cannot be saved here")
    assert status == 2 and words in err and "damaged" not in err
    assert len(err.strip().splitlines()) == 1


def _doctor_says(capsys, words: str) -> None:
    status, out, _ = _run(capsys, "doctor")
    assert status == 1 and words in out
    assert "damaged" not in out.replace("not damaged", "") and "restore-backup" not in out


def test_a_journal_on_a_full_disk_can_still_be_read_searched_exported_and_backed_up(on_disk, tmp_path, capsys):
    fill_up(on_disk.parent.parent)
    _still_usable_for_reading(on_disk, tmp_path, capsys)
    _writing_says(capsys, "is full")
    _doctor_says(capsys, "disk holding the journal is full")


def test_a_journal_on_a_read_only_disk_can_still_be_read_searched_exported_and_backed_up(on_disk, tmp_path, capsys):
    make_read_only(on_disk.parent.parent)
    _still_usable_for_reading(on_disk, tmp_path, capsys)
    _writing_says(capsys, "read-only disk")
    _doctor_says(capsys, "read-only disk")


def test_a_full_disk_during_an_import_says_the_disk_is_full_and_changes_nothing(on_disk, tmp_path, capsys):
    # Big enough to fill SQLite's page cache, so the log grows (and meets the full disk)
    # half-way through the import rather than at its end.
    source = tmp_path / "jrnl.txt"
    source.write_text("".join(f"[2026-11-{1 + n % 28:02d} 10:{n % 60:02d}] Entry {n} title.\n"
                              + f"words {n} " * 300 + "\n\n" for n in range(1500)))
    disk = on_disk.parent.parent
    free = os.statvfs(disk).f_bavail * os.statvfs(disk).f_frsize
    (disk / "filler").write_bytes(b"\0" * (free - 1_800_000))  # leave less than the import needs
    status, _, err = _run(capsys, "import", "--from", "jrnl", str(source))
    assert status == 2 and "is full" in err and "trigger" not in err, err
    with open_journal(on_disk) as journal:
        assert journal.entries.count() + journal.entries.count(trashed=True) == 20
        assert journal.conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'entries_ai'").fetchone() == (1,)


def test_a_full_disk_while_backing_up_onto_it_leaves_no_part_files(small_disk, tmp_path, monkeypatch, capsys):
    path = tmp_path / "journal.db"
    fill(path, count=3)
    monkeypatch.setenv("REFLECT_DB", str(path))
    fill_up(small_disk)
    (small_disk / "filler").rename(small_disk / ".filler")
    status, _, err = _run(capsys, "backup", f"{small_disk}/")
    assert status == 2 and f"the disk holding {small_disk} is full" in err
    assert [p.name for p in small_disk.iterdir()] == [".filler"]


def test_read_only_and_full_are_told_apart_from_damage(small_disk):
    path = small_disk / "journal.db"
    fill(path, count=3)
    readonly = sqlite3.OperationalError("attempt to write a readonly database")
    io_error = sqlite3.OperationalError("disk I/O error")
    fill_up(small_disk)
    assert classify(io_error, path) == FULL and classify(readonly, path) == FULL
    (small_disk / "filler").unlink()
    make_read_only(small_disk)
    assert classify(io_error, path) == READ_ONLY and classify(readonly, path) == READ_ONLY


def test_a_journal_you_may_not_change_can_still_be_read(tmp_path, monkeypatch, capsys):
    folder = tmp_path / "theirs"
    path = folder / "journal.db"
    fill(path, count=20)
    monkeypatch.setenv("REFLECT_DB", str(path))
    monkeypatch.setenv("REFLECT_FRAMEWORK", str(TINY_FRAMEWORK))
    os.chmod(path, 0o400)
    os.chmod(folder, 0o500)
    try:
        if os.access(path, os.W_OK):
            pytest.skip("running as a user who can write anywhere")
        _still_usable_for_reading(path, tmp_path, capsys)
        _writing_says(capsys, "do not have permission")
    finally:
        os.chmod(folder, 0o700)
        os.chmod(path, 0o600)


def test_an_import_rolled_back_by_sqlite_itself_reports_the_real_error(tmp_path):
    """SQLite rolls the whole transaction back by itself on a full disk met mid-statement; the
    search index's repair must not then hide that error behind 'trigger already exists'."""
    from reflect.entries.search_index import indexing_at_the_end

    path = tmp_path / "journal.db"
    fill(path, count=3)
    with open_journal(path) as journal:
        conn = journal.conn
        with pytest.raises(sqlite3.OperationalError, match="database or disk is full"):
            with journal.write():
                with indexing_at_the_end(conn):
                    conn.execute("INSERT INTO entries (uid, day, title, created_at, updated_at) "
                                 "VALUES ('x', '2026-11-01', 'half-way', 'now', 'now')")
                    conn.execute("ROLLBACK")  # what SQLite does itself on SQLITE_FULL mid-spill
                    raise sqlite3.OperationalError("database or disk is full")
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        assert "entries_ai" in names and journal.entries.count() == 3


def test_a_file_system_that_reports_no_counts_is_not_taken_for_a_full_one(tmp_path, monkeypatch):
    from reflect.store.faults import medium_fault

    path = tmp_path / "journal.db"
    fill(path, count=1)
    # As btrfs and many FUSE file systems answer: no inode counts at all.
    no_inode_counts = os.statvfs_result((4096, 4096, 1000, 500, 500, 0, 0, 0, 0, 255))
    monkeypatch.setattr(os, "statvfs", lambda _: no_inode_counts)
    assert medium_fault(path) is None
    with open_journal(path) as journal:
        assert not journal.read_only


def test_a_journal_you_may_not_change_can_still_be_read_by_a_real_process(tmp_path):
    """Root ignores file modes; without its two file-access capabilities it meets them as anyone."""
    import sys

    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        pytest.skip("needs root and setpriv(1) to drop the capabilities that ignore file modes")
    folder = tmp_path / "theirs"
    path = folder / "journal.db"
    fill(path, count=20)
    os.chmod(path, 0o400)
    os.chmod(folder, 0o500)
    drop = ["setpriv", "--inh-caps=-dac_override,-dac_read_search",
            "--bounding-set=-dac_override,-dac_read_search", "--"]
    env = {k: v for k, v in os.environ.items() if not k.startswith("REFLECT_")}
    env.update(REFLECT_DB=str(path), REFLECT_FRAMEWORK=str(TINY_FRAMEWORK), HOME=str(tmp_path),
               PYTHONPATH=str(Path(__file__).parent.parent.parent))

    def run(*argv: str) -> subprocess.CompletedProcess:
        return subprocess.run([*drop, sys.executable, "-m", "reflect", *argv], capture_output=True, text=True,
                              env=env, timeout=60)

    try:
        if run("--version").returncode:
            pytest.skip("setpriv cannot drop capabilities here")
        before = sorted(p.name for p in folder.iterdir())
        listed = run("list", "-n", "100")
        assert listed.returncode == 0 and "Entry 20" in listed.stdout, listed.stderr
        assert "Entry 7" in run("search", "customer", "-n", "100").stdout
        assert run("export", "-o", str(tmp_path / "out.md")).returncode == 0
        assert run("backup", f"{tmp_path}/usb/").returncode == 0
        added = run("add", "cannot be saved here")
        assert added.returncode == 2 and "do not have permission" in added.stderr, added.stderr
        assert "damaged" not in added.stderr and len(added.stderr.strip().splitlines()) == 1
        assert sorted(p.name for p in folder.iterdir()) == before
    finally:
        os.chmod(folder, 0o700)
        os.chmod(path, 0o600)


def test_two_readers_at_once_on_a_full_disk(on_disk):
    """The app reads its dashboard on a second connection: both must work on a full disk."""
    fill_up(on_disk.parent.parent)
    with open_journal(on_disk) as first, open_journal(on_disk, create=False) as second:
        assert first.read_only and second.read_only
        assert first.entries.count() == second.entries.count() == 20
