"""Restoring when the backup or the journal is encrypted, without a decrypted page on disk.

The backup is opened with its own key (the journal's when it shares the journal's salt, else
the keyring's, else its passphrase is asked: a backup taken before a passphrase change keeps
the old one) and checked as a plain backup is. It is then written, re-encrypted under the
journal's key, into a private temporary file beside the journal (``sqlcipher_export``), and
that copy goes into the journal through SQLite's backup API, holding the journal alone, as
:mod:`reflect.store.restore` does for plain journals: the replaced journal is kept (encrypted)
in ``backups/`` first, and a kill mid-way leaves SQLite's rollback journal (encrypted too) to
put the old content back. The journal keeps its passphrase; a restore into a missing journal
takes the backup's.

An encrypted backup is never restored into a plain journal: that would leave its reflections
readable by anyone. Encrypting the journal first is the way.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from typing import Callable

from reflect.errors import JournalError
from reflect.files import create_private_empty, move_into_place, private_temp
from reflect.store import cipher
from reflect.store.restore_checks import Restored, check_contents


def restore_encrypted(backup: Path, journal_path: Path, *, clock: Callable[[], datetime] | None = None,
                      wait: float | None = None) -> Restored:
    """Put ``backup`` in place of the journal when either of them is encrypted (see the module)."""
    from reflect.store.restore_checks import check_replaceable, check_writable, same_file

    sqlcipher = _extra(backup, journal_path)
    backup_encrypted = cipher.looks_encrypted(backup)
    journal_encrypted = cipher.looks_encrypted(journal_path)
    if not journal_encrypted:
        check_replaceable(journal_path)  # never a device, someone's notes or another program's database
    fresh = not journal_path.exists() or journal_path.stat().st_size == 0
    if not fresh and not journal_encrypted:
        raise JournalError(f"{backup} is an encrypted backup and the journal {journal_path} is not encrypted: "
                           "restoring it would leave its reflections readable by anyone. Encrypt the journal "
                           "first (`reflect encrypt`), then restore. Nothing was changed.")
    if not fresh and same_file(backup, journal_path):
        raise JournalError(f"{backup} is the journal itself; choose a backup file.")
    target_spec = None
    if not fresh:
        check_writable(journal_path)
        target_spec = _journal_key_spec(journal_path)
    source = _open_backup(sqlcipher, backup, backup_encrypted)
    try:
        version, entries = check_contents(source, backup, sqlcipher.DatabaseError)
        if target_spec is None:
            target_spec = source.key_spec  # a new journal takes the backup's passphrase
        if fresh:
            _restore_fresh(sqlcipher, source, backup, journal_path, target_spec)
            return Restored(journal_path, backup, version, entries, None)
        safety = _restore_over(sqlcipher, source, backup, journal_path, target_spec, clock, wait)
    finally:
        source.close()
    return Restored(journal_path, backup, version, entries, safety)


def _extra(backup: Path, journal_path: Path):
    try:
        return cipher.dbapi()
    except Exception:
        which = backup if cipher.looks_encrypted(backup) else journal_path
        raise JournalError(f"{which} is encrypted (or not a reflect journal): {cipher.MISSING_EXTRA}; "
                           "nothing was changed.") from None


def _journal_key_spec(journal_path: Path) -> str:
    """The journal's key, proven on it (its passphrase asked as for any command)."""
    try:
        cipher.connect(journal_path).close()
    except JournalError as error:
        if "wrong passphrase" not in str(error):
            raise
        raise JournalError(f"wrong passphrase for the journal {journal_path} (or it is damaged); nothing was "
                           "changed. If it is damaged, move it aside and restore into its place.") from None
    known = cipher.known_key(journal_path)
    assert known is not None  # connect has just proven it
    return cipher.key_spec(*known)


def _open_backup(sqlcipher, backup: Path, encrypted: bool):
    """A connection to the backup that only reads it (keyed when it is encrypted)."""
    if not encrypted:  # read as it is: no lock, nothing made beside it
        return cipher.open_plain(sqlcipher, f"{backup.resolve().as_uri()}?mode=ro&immutable=1")
    try:
        conn = cipher.connect(backup)
    except JournalError as error:
        if "wrong passphrase" not in str(error):
            raise
        raise JournalError(f"wrong passphrase for the backup {backup} (a backup taken before the passphrase was "
                           "changed needs the passphrase it had then; scripts give it with "
                           "--backup-passphrase-fd N or $REFLECT_BACKUP_PASSPHRASE_FILE); nothing was "
                           "changed.") from None
    return conn  # not query_only: the re-encrypted copy is attached to it and written


def _reencrypted_copy(sqlcipher, source, temp: Path, target_spec: str | None, backup: Path) -> None:
    """Write the backup into ``temp`` encrypted under ``target_spec``, in rollback mode, on disk."""
    try:
        key = f'"{target_spec}"' if target_spec else "''"  # an empty key: a plain file
        source.execute(f"ATTACH DATABASE ? AS restored KEY {key}", (str(temp),))
        source.execute("SELECT sqlcipher_export('restored')")
        user_version = source.execute("PRAGMA main.user_version").fetchone()[0]
        source.execute(f"PRAGMA restored.user_version = {int(user_version)}")
        source.execute("DETACH DATABASE restored")
    except sqlcipher.Error as error:
        raise JournalError(f"Could not copy {backup}: {error}; nothing was changed.") from None
    with open(temp, "rb") as handle:
        os.fsync(handle.fileno())


def _restore_fresh(sqlcipher, source, backup: Path, journal_path: Path, target_spec: str | None) -> None:
    """No journal yet: the re-encrypted copy is renamed into place whole."""
    create_private_empty(journal_path)  # makes its private folders
    with private_temp(journal_path.parent, journal_path.name) as (_, temp):
        _reencrypted_copy(sqlcipher, source, temp, target_spec, backup)
        move_into_place(temp, journal_path)


def _restore_over(sqlcipher, source, backup: Path, journal_path: Path, target_spec: str,
                  clock, wait: float | None) -> Path:
    """Replace the encrypted journal's content, holding it alone; the kept copy of the old one."""
    from reflect.store.backup import automatic_backup, intact, keep_setting
    from reflect.store.journal_lock import journal_to_myself

    key, salt = _split(target_spec)

    def connect(timeout: float):
        return cipher.open_keyed(sqlcipher, journal_path, key, salt, timeout=timeout, check=False)

    with private_temp(journal_path.parent, journal_path.name) as (_, temp):
        _reencrypted_copy(sqlcipher, source, temp, target_spec, backup)
        with journal_to_myself(journal_path, wait, connect=connect, dbapi=sqlcipher) as conn:
            reason = "before-restore" if intact(conn) else "before-restore-damaged"
            safety = automatic_backup(conn, journal_path, reason, keep=keep_setting(conn), clock=clock,
                                      check=False)
            copy_into(sqlcipher, temp, key, salt, conn, backup)
    return safety


def copy_into(sqlcipher, temp: Path, key: bytes, salt: bytes, conn, backup: Path) -> None:
    """Overwrite the journal held by ``conn`` with the re-encrypted copy's pages (one transaction)."""
    copy = cipher.open_keyed(sqlcipher, temp, key, salt)
    try:
        copy.backup(conn)
    except sqlcipher.Error as error:
        raise JournalError(f"Could not restore {backup}: {error}; the journal was left as it was.") from None
    finally:
        copy.close()


def _split(spec: str) -> tuple[bytes, bytes]:
    """(key, salt) back from a key spec ``x'<key><salt>'``."""
    raw = bytes.fromhex(spec[2:-1])
    return raw[:cipher.KEY_BYTES], raw[cipher.KEY_BYTES:]
