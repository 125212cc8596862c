"""Encrypting, decrypting and changing the passphrase keep every row and leak no word."""

from __future__ import annotations

from datetime import date

import pytest

from reflect.errors import JournalError, ReflectError
from reflect.journal import open_journal
from reflect.store import cipher, encryption
from reflect.store.backup import automatic_backup
from reflect.store.db import SQLITE_MAGIC
from tests.encryption.conftest import CANARIES, PASSPHRASE, files_holding_canaries, row_counts

pytest.importorskip("sqlcipher3", reason="the encryption extra (sqlcipher3-binary) is not installed")


def _open(path, passphrase):
    cipher.forget_keys()
    cipher.set_passphrase_source(lambda _: passphrase)
    return open_journal(path)


def test_encrypt_keeps_every_row_and_hides_every_word(plain_journal):
    path, before = plain_journal
    assert files_holding_canaries(path.parent)  # the words are there to be found while plain
    done = encryption.encrypt(path, PASSPHRASE)
    assert done.rows >= sum(before.values())
    assert path.read_bytes()[:16] != SQLITE_MAGIC
    assert files_holding_canaries(path.parent) == []
    with _open(path, PASSPHRASE) as journal:
        assert row_counts(journal.conn) == before
        # Full-text search works inside the encrypted file.
        hits = journal.conn.execute("SELECT count(*) FROM entries_fts WHERE entries_fts MATCH 'quokkasecret'")
        assert hits.fetchone()[0] == 30


def test_writes_and_backups_of_an_encrypted_journal_stay_encrypted(plain_journal):
    path, before = plain_journal
    encryption.encrypt(path, PASSPHRASE)
    with _open(path, PASSPHRASE) as journal:
        journal.entries.add(day=date(2026, 11, 30), title="Zanzibarcanary again", body="quokkasecret")
        backup = automatic_backup(journal, path, "test")
        # The -wal file holds the new entry now: it must be as unreadable as the journal.
        assert files_holding_canaries(path.parent) == []
    assert backup.read_bytes()[:16] != SQLITE_MAGIC
    # The backup opens with the same passphrase (and not without it).
    with _open(backup, PASSPHRASE) as copy:
        assert copy.conn.execute("SELECT count(*) FROM entries").fetchone()[0] == before["entries"] + 1
    with pytest.raises(JournalError, match="wrong passphrase"):
        _open(backup, "not it")


def test_decrypt_gives_back_the_same_plain_journal(plain_journal):
    path, before = plain_journal
    encryption.encrypt(path, PASSPHRASE)
    cipher.set_passphrase_source(lambda _: PASSPHRASE)
    encryption.decrypt(path)
    assert path.read_bytes()[:16] == SQLITE_MAGIC
    cipher.set_passphrase_source(None)
    with open_journal(path) as journal:
        assert row_counts(journal.conn) == before
        assert any(word in path.read_bytes() for word in CANARIES)


def test_a_new_passphrase_replaces_the_old_one(plain_journal):
    path, before = plain_journal
    encryption.encrypt(path, PASSPHRASE)
    cipher.set_passphrase_source(lambda _: PASSPHRASE)
    encryption.change_passphrase(path, "a brand new one")
    with pytest.raises(JournalError, match="wrong passphrase"):
        _open(path, PASSPHRASE)
    with _open(path, "a brand new one") as journal:
        assert row_counts(journal.conn) == before
    assert files_holding_canaries(path.parent) == []


def test_a_wrong_passphrase_changes_nothing(plain_journal):
    path, _ = plain_journal
    encryption.encrypt(path, PASSPHRASE)
    files = {p: p.read_bytes() for p in path.parent.rglob("*") if p.is_file()}
    for attempt in (lambda: _open(path, "guess"),
                    lambda: (cipher.set_passphrase_source(lambda _: "guess"), encryption.decrypt(path)),
                    lambda: (cipher.set_passphrase_source(lambda _: "guess"),
                             encryption.change_passphrase(path, "x"))):
        cipher.forget_keys()
        with pytest.raises(JournalError, match="wrong passphrase"):
            attempt()
    assert {p: p.read_bytes() for p in path.parent.rglob("*") if p.is_file()} == files


def test_an_encrypted_journal_without_a_passphrase_source_is_refused_plainly(plain_journal):
    path, _ = plain_journal
    encryption.encrypt(path, PASSPHRASE)
    cipher.forget_keys()
    with pytest.raises(JournalError, match="is encrypted"):
        open_journal(path)


def test_encrypting_twice_or_decrypting_a_plain_journal_is_refused(plain_journal):
    path, _ = plain_journal
    with pytest.raises(ReflectError, match="not encrypted"):
        encryption.decrypt(path)
    encryption.encrypt(path, PASSPHRASE)
    with pytest.raises(ReflectError, match="already encrypted"):
        encryption.encrypt(path, PASSPHRASE)


def test_a_key_is_derived_once_per_process(plain_journal, monkeypatch):
    path, _ = plain_journal
    encryption.encrypt(path, PASSPHRASE)
    cipher.forget_keys()
    asked = []
    cipher.set_passphrase_source(lambda _: asked.append(1) or PASSPHRASE)
    derivations = []
    real = cipher.derive_key
    monkeypatch.setattr(cipher, "derive_key", lambda *a: derivations.append(1) or real(*a))
    for _ in range(3):
        open_journal(path).close()
    assert (len(asked), len(derivations)) == (1, 1)


def test_an_old_encrypted_journal_is_upgraded_with_an_encrypted_backup_first(tmp_path):
    import sqlite3

    from reflect.store.backup import list_backups
    from reflect.store.migrations import CURRENT_VERSION
    from tests.reliability.test_backup import V1_SQL

    path = tmp_path / "old" / "journal.db"
    path.parent.mkdir()
    conn = sqlite3.connect(path)
    conn.executescript(V1_SQL.read_text())
    entries = conn.execute("SELECT count(*) FROM entries").fetchone()[0]
    conn.close()
    encryption.encrypt(path, PASSPHRASE)
    cipher.forget_keys()
    cipher.set_passphrase_source(lambda _: PASSPHRASE)
    with open_journal(path) as journal:
        assert journal.conn.execute("PRAGMA user_version").fetchone()[0] == CURRENT_VERSION
        assert journal.conn.execute("SELECT count(*) FROM entries").fetchone()[0] == entries
    (taken,) = list_backups(path)
    assert taken.reason == "before-migration-v1"
    assert taken.path.read_bytes()[:16] != SQLITE_MAGIC and path.read_bytes()[:16] != SQLITE_MAGIC
