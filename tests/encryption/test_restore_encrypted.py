"""`reflect restore-backup` with encrypted journals and backups: nothing readable, nothing lost."""

from __future__ import annotations

import hashlib
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from reflect.journal import open_journal
from reflect.store import cipher
from reflect.store.backup import list_backups
from reflect.store.db import SQLITE_MAGIC
from tests.cli_runner import ROOT, Reflect
from tests.encryption.conftest import PASSPHRASE, files_holding_canaries

pytest.importorskip("sqlcipher3", reason="the encryption extra (sqlcipher3-binary) is not installed")

OLD = "the passphrase it had before"


def _secret(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text + "\n")
    path.chmod(0o600)
    return path


@pytest.fixture
def reflect(tmp_path):
    """An encrypted journal with three entries, an encrypted backup of them, then a fourth entry."""
    run = Reflect(tmp_path)
    run.secret = _secret(tmp_path, "passphrase", PASSPHRASE)
    run.key = {"REFLECT_PASSPHRASE_FILE": str(run.secret)}
    for n in range(3):
        run.ok("add", f"Zanzibarcanary shift {n}")
    run.ok("encrypt", "--delete-plain-backups", env=run.key)
    run.backup = Path(run.ok("backup", str(tmp_path / "saved.db"), env=run.key).split(" to ")[1].strip())
    run.ok("add", "quokkasecret after the backup", env=run.key)
    return run


def _titles(path: Path, passphrase: str) -> list[str]:
    cipher.forget_keys()
    cipher.set_passphrase_source(lambda _: passphrase)
    try:
        with open_journal(path) as journal:
            return sorted(row[0] for row in journal.conn.execute("SELECT title FROM entries"))
    finally:
        cipher.forget_keys()
        cipher.set_passphrase_source(None)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_backup_with_the_same_passphrase_is_restored_and_the_journal_stays_encrypted(reflect):
    out = reflect.ok("restore-backup", str(reflect.backup), env=reflect.key)
    assert "Restored 3 entries" in out
    assert reflect.db.read_bytes()[:16] != SQLITE_MAGIC
    assert _titles(reflect.db, PASSPHRASE) == [f"Zanzibarcanary shift {n}" for n in range(3)]
    kept = [b for b in list_backups(reflect.db) if b.reason == "before-restore"]
    assert len(kept) == 1 and kept[0].path.read_bytes()[:16] != SQLITE_MAGIC
    assert "quokkasecret after the backup" in _titles(kept[0].path, PASSPHRASE)  # the replaced journal
    assert files_holding_canaries(reflect.db.parent) == []  # nothing decrypted on disk, leftovers included
    assert [p.name for p in reflect.db.parent.iterdir() if ".reflect-" in p.name] == []


def test_a_backup_made_under_an_older_passphrase_asks_for_that_one(reflect, tmp_path):
    new = _secret(tmp_path, "new", "a brand new passphrase")
    old_backup = reflect.backup
    reflect.ok("passphrase", env=reflect.key | {"REFLECT_NEW_PASSPHRASE_FILE": str(new)})
    now = {"REFLECT_PASSPHRASE_FILE": str(new)}
    before = _digest(reflect.db)

    asked = reflect("restore-backup", str(old_backup), env=now)  # no terminal, no source for the old one
    assert asked.returncode == 2 and asked.stderr.count("\n") == 1
    assert "needs a passphrase" in asked.stderr and "--backup-passphrase-fd" in asked.stderr
    wrong = reflect("restore-backup", str(old_backup),
                    env=now | {"REFLECT_BACKUP_PASSPHRASE_FILE": str(new)})
    assert wrong.returncode == 2 and wrong.stderr.startswith("reflect: wrong passphrase for the backup")
    assert _digest(reflect.db) == before
    assert not [b for b in list_backups(reflect.db) if b.reason == "before-restore"]

    reflect.ok("restore-backup", str(old_backup),
               env=now | {"REFLECT_BACKUP_PASSPHRASE_FILE": str(reflect.secret)})
    # The journal keeps its own (new) passphrase; the old one opens it no more.
    assert _titles(reflect.db, "a brand new passphrase") == [f"Zanzibarcanary shift {n}" for n in range(3)]
    assert reflect("list", env=reflect.key).returncode == 2
    assert files_holding_canaries(reflect.db.parent) == []


def test_the_old_passphrase_can_come_from_a_file_descriptor(reflect, tmp_path):
    import os

    new = _secret(tmp_path, "new", "a brand new passphrase")
    reflect.ok("passphrase", env=reflect.key | {"REFLECT_NEW_PASSPHRASE_FILE": str(new)})
    read, write = os.pipe()
    os.write(write, (PASSPHRASE + "\n").encode())
    os.close(write)
    try:
        reflect.ok("restore-backup", str(reflect.backup), "--backup-passphrase-fd", str(read),
                   env={"REFLECT_PASSPHRASE_FILE": str(new)})
    finally:
        os.close(read)
    assert len(_titles(reflect.db, "a brand new passphrase")) == 3


def test_a_wrong_journal_passphrase_changes_nothing(reflect, tmp_path):
    wrong = _secret(tmp_path, "wrong", "not it")
    before = _digest(reflect.db)
    result = reflect("restore-backup", str(reflect.backup), env={"REFLECT_PASSPHRASE_FILE": str(wrong)})
    assert result.returncode == 2 and result.stderr.startswith("reflect: wrong passphrase for the journal")
    assert result.stderr.count("\n") == 1
    assert _digest(reflect.db) == before
    assert not [b for b in list_backups(reflect.db) if b.reason == "before-restore"]


def test_an_encrypted_backup_is_never_restored_into_a_plain_journal(reflect):
    reflect.ok("decrypt", env=reflect.key)
    before = _digest(reflect.db)
    result = reflect("restore-backup", str(reflect.backup), env=reflect.key)
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert "not encrypted" in result.stderr and "reflect encrypt" in result.stderr
    assert _digest(reflect.db) == before


def test_a_plain_backup_restored_into_an_encrypted_journal_is_encrypted(tmp_path):
    run = Reflect(tmp_path)
    secret = _secret(tmp_path, "passphrase", PASSPHRASE)
    run.ok("add", "Zanzibarcanary before encryption")
    (tmp_path / "usb").mkdir()
    plain = Path(run.ok("backup", str(tmp_path / "usb" / "plain-saved.db")).split(" to ")[1].strip())
    run.ok("encrypt", "--delete-plain-backups", env={"REFLECT_PASSPHRASE_FILE": str(secret)})
    run.ok("add", "written while encrypted", env={"REFLECT_PASSPHRASE_FILE": str(secret)})
    run.ok("restore-backup", str(plain), env={"REFLECT_PASSPHRASE_FILE": str(secret)})
    assert run.db.read_bytes()[:16] != SQLITE_MAGIC
    assert _titles(run.db, PASSPHRASE) == ["Zanzibarcanary before encryption"]
    assert run.db.read_bytes()[:16] != SQLITE_MAGIC
    assert [name for name in files_holding_canaries(tmp_path) if not name.startswith("plain-saved.db")] == []


def test_an_encrypted_backup_into_a_missing_journal_keeps_its_passphrase(reflect, tmp_path):
    elsewhere = tmp_path / "new-laptop" / "journal.db"
    result = reflect("--db", str(elsewhere), "restore-backup", str(reflect.backup), env=reflect.key)
    assert result.returncode == 0, result.stderr
    assert elsewhere.read_bytes()[:16] != SQLITE_MAGIC
    assert len(_titles(elsewhere, PASSPHRASE)) == 3
    assert oct(elsewhere.stat().st_mode & 0o777) == "0o600"


def test_without_the_extra_an_encrypted_backup_is_one_clear_line(reflect, monkeypatch):
    from reflect.errors import ReflectError

    def missing():
        raise ReflectError(cipher.MISSING_EXTRA)

    monkeypatch.setattr(cipher, "dbapi", missing)
    before = _digest(reflect.db)
    result = reflect("restore-backup", str(reflect.backup), env=reflect.key)
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert "pip install 'reflect[encryption]'" in result.stderr
    assert _digest(reflect.db) == before


def test_a_restore_killed_while_copying_leaves_the_old_journal_whole(reflect, tmp_path):
    """Killed with the journal half overwritten: the next reflect rolls the copy back."""
    from datetime import date

    cipher.set_passphrase_source(lambda _: PASSPHRASE)
    with open_journal(reflect.db) as journal:  # enough pages for the copy to reach the file before the end
        for n in range(150):
            journal.entries.add(day=date(2026, 11, 2), title=f"more text {n}", body="words " * 200)
    cipher.forget_keys()
    big = Path(reflect.ok("backup", str(tmp_path / "big.db"), env=reflect.key).split(" to ")[1].strip())
    reflect.ok("restore-backup", str(reflect.backup), env=reflect.key)  # the journal: 3 entries again
    before = _titles(reflect.db, PASSPHRASE)
    raw = reflect.db.read_bytes()
    code = ("import os, signal, sys\n"
            "from pathlib import Path\n"
            "from reflect.store import cipher, restore_encrypted\n"
            "cipher.set_passphrase_source(lambda _: sys.argv[3])\n"
            "def killed_half_way(sqlcipher, temp, key, salt, conn, backup):\n"
            "    copy = cipher.open_keyed(sqlcipher, temp, key, salt)\n"
            "    conn.execute('PRAGMA cache_size=2')  # pages reach the file before the end\n"
            "    def progress(status, remaining, total):\n"
            "        if remaining < total // 2: os.kill(os.getpid(), signal.SIGKILL)\n"
            "    copy.backup(conn, pages=5, progress=progress)\n"
            "restore_encrypted.copy_into = killed_half_way\n"
            "from reflect.store.restore import restore_backup\n"
            "restore_backup(Path(sys.argv[1]), Path(sys.argv[2]))\n")
    result = subprocess.run([sys.executable, "-c", code, str(big), str(reflect.db), PASSPHRASE], cwd=ROOT)
    assert result.returncode == -signal.SIGKILL
    assert reflect.db.read_bytes() != raw  # killed with the journal half overwritten
    assert (reflect.db.parent / "journal.db-journal").exists()
    assert _titles(reflect.db, PASSPHRASE) == before  # the next reflect to open it rolls it back
    assert files_holding_canaries(reflect.db.parent) == []


def test_a_restore_waits_for_no_one_and_changes_nothing_while_another_reflect_has_the_journal(reflect):
    from reflect.errors import JournalError
    from reflect.store.restore import restore_backup

    cipher.set_passphrase_source(lambda _: PASSPHRASE)
    try:
        with open_journal(reflect.db):  # the app, say, holding the journal open
            before = _digest(reflect.db)
            with pytest.raises(JournalError, match="open in another reflect"):
                restore_backup(reflect.backup, reflect.db, wait=0.3)
            assert _digest(reflect.db) == before
        assert [p.name for p in reflect.db.parent.iterdir() if ".reflect-" in p.name] == []
        assert not [b for b in list_backups(reflect.db) if b.reason == "before-restore"]
    finally:
        cipher.set_passphrase_source(None)
