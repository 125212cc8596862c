"""An encrypted journal on a real full or read-only disk: named as the plain journal's faults are.

Mirrors tests/reliability/test_faults.py: reading, searching, exporting and backing up
elsewhere still work; a write is one plain line and exit 2 naming the disk, never "wrong
passphrase" or "damaged"; nothing is made beside the journal and nothing is lost.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reflect.journal import open_journal
from reflect.store import cipher, encryption
from reflect.store.db import SQLITE_MAGIC
from tests.conftest import TINY_FRAMEWORK
from tests.encryption.conftest import PASSPHRASE
from tests.reliability.conftest import fill
from tests.reliability.test_faults import _doctor_says, _run, _writing_says, fill_up, make_read_only, small_disk  # noqa: F401

pytest.importorskip("sqlcipher3", reason="the encryption extra (sqlcipher3-binary) is not installed")


@pytest.fixture
def encrypted_on_disk(small_disk, tmp_path, monkeypatch) -> Path:
    """An encrypted journal with 20 entries (and an encrypted backup) on the small disk."""
    path = small_disk / "reflect" / "journal.db"
    fill(path, count=20)
    encryption.encrypt(path, PASSPHRASE)
    cipher.forget_keys()
    secret = tmp_path / "passphrase"
    secret.write_text(PASSPHRASE + "\n")
    monkeypatch.setenv("REFLECT_DB", str(path))
    monkeypatch.setenv("REFLECT_FRAMEWORK", str(TINY_FRAMEWORK))
    monkeypatch.setenv("REFLECT_PASSPHRASE_FILE", str(secret))
    from reflect.cli import main

    assert main(["backup"]) == 0
    return path


def _entries_in(copy: Path) -> int:
    cipher.set_passphrase_source(lambda _: PASSPHRASE)
    try:
        with open_journal(copy) as journal:
            return journal.entries.count() + journal.entries.count(trashed=True)
    finally:
        cipher.set_passphrase_source(None)


def _still_usable_for_reading(path: Path, tmp_path: Path, capsys) -> None:
    beside = sorted(p.name for p in path.parent.iterdir())
    before = path.read_bytes()
    status, out, _ = _run(capsys, "list", "-n", "100")
    assert status == 0 and "Entry 20" in out and "Entry 1" in out
    status, out, _ = _run(capsys, "search", "customer", "-n", "100")
    assert status == 0 and "Entry 7" in out
    status, out, err = _run(capsys, "export", "-o", str(tmp_path / "elsewhere" / "out.md"))
    assert status == 0 and "Served customer number 13." in (tmp_path / "elsewhere" / "out.md").read_text()
    status, out, _ = _run(capsys, "backup", f"{tmp_path}/usb/")
    assert status == 0 and "Backed up 20 entries" in out
    (copy,) = (tmp_path / "usb").iterdir()
    assert copy.read_bytes()[:16] != SQLITE_MAGIC  # the copy elsewhere is encrypted too
    assert _entries_in(copy) == 20
    assert sorted(p.name for p in path.parent.iterdir()) == beside  # no -shm, -wal or .part made
    assert path.read_bytes() == before


def test_an_encrypted_journal_on_a_read_only_disk_can_still_be_read(encrypted_on_disk, tmp_path, capsys):
    make_read_only(encrypted_on_disk.parent.parent)
    _still_usable_for_reading(encrypted_on_disk, tmp_path, capsys)
    _writing_says(capsys, "read-only disk")
    _doctor_says(capsys, "read-only disk")
    assert encrypted_on_disk.read_bytes()[:16] != SQLITE_MAGIC


def test_an_encrypted_journal_on_a_full_disk_can_still_be_read(encrypted_on_disk, tmp_path, capsys):
    fill_up(encrypted_on_disk.parent.parent)
    _still_usable_for_reading(encrypted_on_disk, tmp_path, capsys)
    _writing_says(capsys, "is full")
    _doctor_says(capsys, "disk holding the journal is full")


def test_a_wrong_passphrase_on_a_read_only_disk_is_still_named_as_one(encrypted_on_disk, tmp_path, capsys,
                                                                      monkeypatch):
    make_read_only(encrypted_on_disk.parent.parent)
    wrong = tmp_path / "wrong"
    wrong.write_text("not it\n")
    monkeypatch.setenv("REFLECT_PASSPHRASE_FILE", str(wrong))
    status, _, err = _run(capsys, "list")
    assert status == 2 and err.startswith("reflect: wrong passphrase") and err.count("\n") == 1


def test_restoring_onto_a_read_only_disk_says_so_and_changes_nothing(encrypted_on_disk, tmp_path, capsys):
    from reflect.store.backup import list_backups

    (saved,) = list_backups(encrypted_on_disk)
    make_read_only(encrypted_on_disk.parent.parent)
    before = encrypted_on_disk.read_bytes()
    status, _, err = _run(capsys, "restore-backup", str(saved.path))
    assert status == 2 and err.count("\n") == 1 and "read-only" in err
    assert encrypted_on_disk.read_bytes() == before
