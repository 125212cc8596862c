"""reflect writes only its own files: no output replaces the journal, its SQLite files or a
backup (not even with --force); another program's SQLite file is left byte for byte as it was;
every folder reflect makes is private; a symlink is never silently replaced."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from reflect.cli import main
from reflect.errors import ReflectError
from reflect.store.backup import automatic_backup, backup_to
from tests.conftest import TINY_FRAMEWORK
from tests.reliability.conftest import content_digest, fill


@pytest.fixture
def journal_db(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "data" / "journal.db"
    fill(path)
    monkeypatch.setenv("REFLECT_DB", str(path))
    monkeypatch.setenv("REFLECT_FRAMEWORK", str(TINY_FRAMEWORK))
    return path


def _refused(argv: list[str], capsys) -> str:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    return err


# -- outputs never replace the journal's files ----------------------------------------------


@pytest.mark.parametrize("command", [["export"], ["review", "export"], ["review", "export", "--html"]],
                         ids=" ".join)
def test_export_over_the_journal_is_refused_even_with_force(journal_db, capsys, command):
    before = journal_db.read_bytes()
    err = _refused([*command, "-o", str(journal_db), "--force"], capsys)
    assert "never writes over" in err
    assert journal_db.read_bytes() == before


@pytest.mark.parametrize("how", ["symlink", "hard link", "relative path"])
def test_export_over_the_journal_through_another_name_is_refused(journal_db, tmp_path, capsys, monkeypatch, how):
    other = tmp_path / "looks-harmless.md"
    if how == "symlink":
        other.symlink_to(journal_db)
    elif how == "hard link":
        os.link(journal_db, other)
    else:
        monkeypatch.chdir(journal_db.parent / "..")
        other = Path("data/../data/journal.db")
    digest = content_digest(journal_db)
    _refused(["export", "-o", str(other), "--force"], capsys)
    assert content_digest(journal_db) == digest
    assert how != "symlink" or (other.is_symlink() and other.resolve() == journal_db.resolve())


def test_the_journal_reached_through_a_symlinked_db_is_guarded_too(journal_db, tmp_path, capsys, monkeypatch):
    link = tmp_path / "journal-link.db"
    link.symlink_to(journal_db)
    monkeypatch.setenv("REFLECT_DB", str(link))
    main(["list"])  # the -wal now sits beside the real file
    before = journal_db.read_bytes()
    _refused(["export", "-o", str(journal_db), "--force"], capsys)
    _refused(["export", "-o", f"{journal_db}-wal", "--force"], capsys)
    assert journal_db.read_bytes() == before and not Path(f"{journal_db}-wal").exists()


@pytest.mark.parametrize("suffix", ["-wal", "-shm", "-journal"])
def test_export_over_the_journals_sqlite_files_is_refused(journal_db, capsys, suffix):
    side = Path(f"{journal_db}{suffix}")
    existed = side.exists()
    _refused(["export", "-o", str(side), "--force"], capsys)
    assert side.exists() == existed  # not made either: SQLite would take it for its own


def test_export_over_a_backup_is_refused(journal_db, capsys):
    kept = automatic_backup(journal_db, journal_db, "daily")
    before = kept.read_bytes()
    _refused(["export", "-o", str(kept), "--force"], capsys)
    assert kept.read_bytes() == before


def test_backup_over_the_journal_or_a_backup_is_refused(journal_db, tmp_path):
    kept = automatic_backup(journal_db, journal_db, "daily")
    link = tmp_path / "link.db"
    link.symlink_to(journal_db)
    for target in (journal_db, link, kept):
        before = target.read_bytes()
        with pytest.raises(ReflectError, match="never writes over"):
            backup_to(journal_db, target, overwrite=True)
        assert target.read_bytes() == before


@pytest.mark.parametrize("command", [["export", "-o"], ["backup"]], ids=" ".join)
def test_a_dangling_symlink_is_not_replaced_without_force(journal_db, tmp_path, capsys, command):
    link = tmp_path / "out.md"
    link.symlink_to(tmp_path / "nowhere" / "gone.md")
    err = _refused([*command, str(link)], capsys)
    assert "already exists" in err
    assert link.is_symlink() and os.readlink(link) == str(tmp_path / "nowhere" / "gone.md")


# -- another program's SQLite file ----------------------------------------------------------


READING = [["list"], ["ls", "-n", "1"], ["search", "customer"], ["show", "1"], ["trash"], ["config"],
           ["stats"], ["gaps"], ["units"], ["objective", "list"], ["activity", "list"], ["feedback", "list"],
           ["training", "list"], ["review", "list"], ["export", "-o", "-"], ["review", "export", "-o", "-"],
           ["backup", "--list"], ["doctor"]]
WRITING = [["add", "words"], ["config", "backup_keep", "3"], ["backup"], ["trash", "empty", "--yes"]]


def _files(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.fixture
def foreign(tmp_path, monkeypatch) -> Path:
    """Another application's database, in rollback mode as most are."""
    path = tmp_path / "other-app" / "music.db"
    path.parent.mkdir()
    conn = sqlite3.connect(path)
    conn.executescript("CREATE TABLE songs (id INTEGER PRIMARY KEY, title TEXT);"
                       "INSERT INTO songs (title) VALUES ('Loch Lomond'), ('Caledonia');")
    conn.close()
    monkeypatch.setenv("REFLECT_DB", str(path))
    monkeypatch.setenv("REFLECT_FRAMEWORK", str(TINY_FRAMEWORK))
    return path


@pytest.mark.parametrize("command", READING + WRITING, ids=" ".join)
def test_another_programs_database_is_left_byte_for_byte(foreign, capsys, command):
    before = _files(foreign.parent)
    status = main(command)
    out = capsys.readouterr()
    assert _files(foreign.parent) == before  # the file unchanged, nothing made beside it
    if command != ["backup", "--list"]:  # which only looks in the backups folder
        assert status in (1, 2) and "not a reflect journal" in out.err + out.out


def test_another_programs_database_using_user_version_is_left_alone(foreign, capsys):
    conn = sqlite3.connect(foreign)
    conn.execute("PRAGMA user_version = 1")  # many programs number their own schema
    conn.close()
    before = _files(foreign.parent)
    assert main(["list"]) == 2
    assert "not a reflect journal" in capsys.readouterr().err
    assert _files(foreign.parent) == before


def test_an_empty_file_becomes_a_journal(tmp_path, monkeypatch):
    path = tmp_path / "journal.db"
    path.touch(mode=0o600)
    monkeypatch.setenv("REFLECT_DB", str(path))
    assert main(["add", "the first words"]) == 0
    assert content_digest(path)


# -- private folders -----------------------------------------------------------------------


@pytest.fixture
def open_umask():
    old = os.umask(0)
    yield
    os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_every_folder_an_export_makes_is_private_under_umask_000(journal_db, tmp_path, open_umask):
    assert main(["export", "-o", str(tmp_path / "a" / "b" / "c" / "x.md")]) == 0
    for folder in ("a", "a/b", "a/b/c"):
        assert _mode(tmp_path / folder) == 0o700, folder


def test_every_folder_a_new_journal_needs_is_private_under_umask_000(tmp_path, monkeypatch, open_umask):
    monkeypatch.delenv("REFLECT_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home" / ".local" / "share"))
    monkeypatch.setenv("REFLECT_FRAMEWORK", str(TINY_FRAMEWORK))
    assert main(["add", "first words"]) == 0
    for folder in ("home", "home/.local", "home/.local/share", "home/.local/share/reflect"):
        assert _mode(tmp_path / folder) == 0o700, folder


def test_every_folder_a_backup_makes_is_private_under_umask_000(journal_db, tmp_path, open_umask):
    target = backup_to(journal_db, f"{tmp_path}/usb/deep/")
    assert _mode(tmp_path / "usb") == 0o700 and _mode(tmp_path / "usb" / "deep") == 0o700
    assert _mode(target) == 0o600


def test_another_programs_database_with_changes_still_in_its_log_is_left_alone(tmp_path, monkeypatch, capsys):
    """A WAL-mode database whose program was killed: its -wal holds changes. Opening it the
    ordinary way would replay them into the file; reflect must not even do that."""
    import signal
    import subprocess
    import sys

    path = tmp_path / "other-app" / "notes.db"
    path.parent.mkdir()
    code = ("import os, signal, sqlite3, sys\n"
            "c = sqlite3.connect(sys.argv[1]); c.execute('PRAGMA journal_mode=WAL')\n"
            "c.execute('CREATE TABLE notes (t TEXT)'); c.commit()\n"
            "c.execute('PRAGMA wal_checkpoint'); c.execute(\"INSERT INTO notes VALUES ('in the log only')\")\n"
            "c.commit(); os.kill(os.getpid(), signal.SIGKILL)\n")
    assert subprocess.run([sys.executable, "-c", code, str(path)]).returncode == -signal.SIGKILL
    assert Path(f"{path}-wal").stat().st_size > 0
    before = _files(path.parent)
    monkeypatch.setenv("REFLECT_DB", str(path))
    for command in (["list"], ["add", "words"], ["doctor"], ["export", "-o", "-"]):
        assert main(command) in (1, 2)
        out = capsys.readouterr()
        assert "not a reflect journal" in out.err + out.out
    assert _files(path.parent) == before
