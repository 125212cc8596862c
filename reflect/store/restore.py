"""Putting a backup back: check it, keep a copy of the journal it replaces, copy it in whole.

Nothing is changed until the backup has passed every check (an SQLite file, intact, written
by this or an older reflect, with entries). The journal is then taken for this process alone
(:mod:`reflect.store.journal_lock`), copied into ``backups/`` and overwritten with the backup's
pages through SQLite's backup API, all under one exclusive lock: no write can land in between,
and the journal stays the same file (a symlink stays a symlink). A journal too damaged for
SQLite to read is copied byte for byte, then written over in place.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from reflect.store.backup import (
    automatic_backup,
    backup_name,
    backups_folder,
    connect_query_only,
    copy_raw,
)
from reflect.errors import JournalError, ReflectError
from reflect.files import ensure_private_dir, private_temp
from reflect.store.restore_checks import (
    Restored,
    check_contents,
    check_replaceable,
    check_writable,
    same_file,
)


def check_backup_file(path: Path) -> tuple[int, int]:
    """Check that ``path`` is an intact reflect journal this reflect can open.

    Returns ``(schema version, number of entries)``; raises :class:`JournalError` saying what
    is wrong otherwise. Only reads the file.
    """
    from reflect.store.db import SQLITE_MAGIC

    path = Path(path)
    try:
        if not path.is_file():
            raise JournalError(f"{path} is not a file" if path.exists() else f"No backup at {path}")
        with open(path, "rb") as handle:
            header = handle.read(len(SQLITE_MAGIC))
    except OSError as error:
        raise JournalError(f"Cannot read {path}: {error.strerror or error}") from None
    if header != SQLITE_MAGIC:
        if _encrypted(path):
            raise JournalError(f"{path} is an encrypted backup (or not a reflect backup): it can be checked only "
                               "with its passphrase, as `reflect restore-backup` does; nothing was changed.")
        raise JournalError(f"{path} is not a reflect backup (it is not an SQLite database); nothing was changed.")
    conn = connect_backup_file(path)
    try:
        return check_contents(conn, path, sqlite3.DatabaseError)
    finally:
        conn.close()


def _encrypted(path: Path) -> bool:
    from reflect.store import cipher

    return cipher.looks_encrypted(path)




def connect_backup_file(path: Path) -> sqlite3.Connection:
    """A reading connection to a backup that leaves nothing beside it, even if reflect is killed.

    A backup in WAL mode (a copy of a journal made by hand) would get ``-wal`` and ``-shm``
    files from an ordinary connection. With no ``-wal`` beside it, nothing but the file itself
    holds its content and nobody writes it, so it is read as ``immutable``; with one, that log
    is part of the backup and is read the ordinary way.
    """
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size:
        return connect_query_only(path)
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
        conn.execute("PRAGMA query_only=ON")
        return conn
    except sqlite3.Error as error:
        raise JournalError(f"Cannot open {path}: {error}") from None


def restore_backup(backup: Path, journal_path: Path, *,
                   clock: Callable[[], datetime] | None = None, wait: float | None = None) -> Restored:
    """Put the checked backup ``backup`` in place of the journal at ``journal_path``.

    The journal is taken for this process alone (waiting up to ``wait`` seconds for other
    reflects to close it, then refusing), copied into ``backups/`` and overwritten through
    SQLite's backup API under that one lock: a write saved before the restore is in the copy,
    one saved after is in the restored journal. The file keeps its identity (same inode, a
    symlink stays a symlink), and a kill mid-way leaves SQLite's own rollback journal to put
    the old content back.
    """
    from reflect.store.journal_lock import Unusable, journal_to_myself

    backup, journal_path = Path(backup), Path(journal_path)
    if _encrypted(backup) or _encrypted(journal_path):
        from reflect.store.restore_encrypted import restore_encrypted

        return restore_encrypted(backup, journal_path, clock=clock, wait=wait)
    version, entries = check_backup_file(backup)
    check_replaceable(journal_path)
    if journal_path.exists() and same_file(backup, journal_path):
        raise JournalError(f"{backup} is the journal itself; choose a backup file.")
    fresh = not journal_path.exists() or journal_path.stat().st_size == 0
    if not fresh:
        check_writable(journal_path)
    else:
        from reflect.files import create_private_empty

        create_private_empty(journal_path)
    try:
        with journal_to_myself(journal_path, wait) as conn:
            safety = None if fresh else _keep_current(conn, journal_path, clock)
            _copy_into(backup, conn)
    except Unusable:
        # SQLite cannot read the journal at all, so nobody can be using it: keep its bytes,
        # then write the backup's over them in place (same file, links kept).
        safety = _keep_raw(journal_path, clock)
        _overwrite_bytes(backup, journal_path)
    return Restored(journal_path, backup, version, entries, safety)


def _keep_current(conn: sqlite3.Connection, journal_path: Path, clock) -> Path:
    """Back up the journal about to be replaced, through the connection that holds it.

    It is kept even if it fails SQLite's check (it is the only copy of what it holds), but
    named ``before-restore-damaged`` so it is never taken for a good backup.
    """
    from reflect.store.backup import intact, keep_setting

    reason = "before-restore" if intact(conn) else "before-restore-damaged"
    return automatic_backup(conn, journal_path, reason, keep=keep_setting(conn), clock=clock, check=False)


def _keep_raw(journal_path: Path, clock) -> Path:
    """Copy the bytes of a journal SQLite cannot read (and of its -wal), as they are."""
    now = (clock or (lambda: datetime.now(timezone.utc)))()
    folder = backups_folder(journal_path)
    try:
        copy = copy_raw(journal_path, folder, backup_name(journal_path, now, "before-restore-raw"))
        wal = journal_path.with_name(journal_path.name + "-wal")
        if wal.exists():
            copy_raw(wal, folder, copy.name + "-wal")
        return copy
    except (OSError, ReflectError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise ReflectError(f"Could not keep a copy of the current journal ({reason}); "
                           "nothing was changed.") from None


def _copy_into(backup: Path, conn: sqlite3.Connection) -> None:
    """Overwrite the journal held by ``conn`` with the backup's pages (one SQLite transaction)."""
    source = connect_backup_file(backup)
    try:
        source.backup(conn)
    except sqlite3.Error as error:
        raise ReflectError(f"Could not restore {backup}: {error}; the journal was left as it was.") from None
    finally:
        source.close()


def _overwrite_bytes(backup: Path, journal_path: Path) -> None:
    """Write a self-contained copy of ``backup`` over the unreadable journal, in the same file."""
    folder = ensure_private_dir(journal_path.parent)
    with private_temp(folder, "restore") as (_, temp):
        _prepared_copy(backup, temp)
        try:
            for suffix in ("-wal", "-shm", "-journal"):  # already copied: never to be replayed
                journal_path.with_name(journal_path.name + suffix).unlink(missing_ok=True)
            with open(temp, "rb") as src, open(journal_path, "r+b") as out:
                out.truncate(0)
                shutil.copyfileobj(src, out)
                out.flush()
                os.fsync(out.fileno())
        except OSError as error:
            raise ReflectError(f"Could not write {journal_path}: {error.strerror or error}; its old "
                               "bytes are in the backups folder.") from None


def _prepared_copy(backup: Path, temp: Path) -> None:
    """Make ``temp`` a private, self-contained copy of ``backup``, ready to be renamed into place."""
    source = connect_backup_file(backup)
    try:
        copy = sqlite3.connect(temp)
        try:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")
        finally:
            copy.close()
            source.close()
        with open(temp, "rb") as handle:
            os.fsync(handle.fileno())
    except (OSError, sqlite3.Error) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise ReflectError(f"Could not copy {backup}: {reason}; nothing was changed.") from None
