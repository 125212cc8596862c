"""Naming what went wrong with the journal's disk, truthfully.

SQLite reports a full disk, a read-only medium, a missing permission and a damaged file in
words that overlap ("disk I/O error", "unable to open database file"), and a full disk met
half-way through a statement can even surface as a later, unrelated error. Each fault here
gets its own sentence, decided by asking the file system when SQLite's words are ambiguous:
a full disk is not a damaged journal, and restoring a backup would not help it.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

BUSY, FULL, READ_ONLY, PERMISSION, DAMAGED, OTHER = "busy", "full", "read-only", "permission", "damaged", "other"


def medium_fault(path: Path) -> str | None:
    """FULL, READ_ONLY or PERMISSION if the file system says so for ``path`` (or its folder), else None."""
    path = Path(path)
    folder = path.parent if not path.is_dir() else path
    disk = _disk_state(folder)
    if disk:
        return disk
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        return PERMISSION
    return None


def _disk_state(folder: Path) -> str | None:
    """READ_ONLY or FULL if the file system holding ``folder`` says so (asked in reflect.system)."""
    from reflect import system

    read_only, full = system.disk_state(folder)
    return READ_ONLY if read_only else FULL if full else None


def classify(error: Exception, path: Path) -> str:
    """Which fault an SQLite error on the journal at ``path`` is."""
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return BUSY
    if "disk is full" in text:
        return FULL
    if "readonly" in text or "read-only" in text:
        return medium_fault(path) or READ_ONLY
    if "not a database" in text or "malformed" in text:
        # A full or read-only disk can make SQLite give up on a file it is half-way through
        # changing; that is not damage, and restoring a backup would not help.
        return medium_fault(path) or DAMAGED
    medium = medium_fault(path)
    if medium:
        return medium
    if "unable to open" in text:
        return PERMISSION if path.exists() and not os.access(path, os.R_OK) else OTHER
    return OTHER


def explain_write_error(error: sqlite3.Error, where: Path) -> str:
    """A few plain words for an SQLite error met writing a copy in the folder ``where``."""
    kind = classify(error, where / "x")
    if kind == FULL:
        return f"the disk holding {where} is full"
    if kind == READ_ONLY:
        return f"{where} is on a read-only disk"
    if kind == PERMISSION:
        return f"you do not have permission to write in {where}"
    return str(error)


def journal_message(error: Exception, path: Path) -> str:
    """The one line that explains an SQLite error on the journal at ``path``."""
    kind = classify(error, path)
    if kind == BUSY:
        return f"The journal {path} is busy: another reflect is writing to it. Try again in a moment."
    if kind == FULL:
        return (f"The disk holding {path} is full, so nothing was saved. Free some space and try again; "
                "the journal can still be read, exported and backed up elsewhere.")
    if kind == READ_ONLY:
        return (f"The journal {path} is on a read-only disk (or in a read-only folder), so nothing was "
                "changed; it can still be read, exported and backed up elsewhere.")
    if kind == PERMISSION:
        return (f"You do not have permission to change the journal {path} (or its folder), so nothing "
                "was changed; check who owns it.")
    if kind == DAMAGED:
        return f"The journal {path} is damaged ({error}). Run `reflect doctor` or restore a backup."
    return f"The journal {path} could not be used: {error}"


def read_only_connection(path: Path, *, timeout: float = 5.0, opener=None, dbapi=sqlite3) -> sqlite3.Connection:
    """A connection that reads the journal without making any file beside it.

    For a journal on a disk that cannot be written. When no ``-wal`` holds changes, the file
    alone holds the journal and nobody can be changing it (a change would need the log to
    grow), so it is read as ``immutable``: no lock, no file made, and the app's second
    connection can read beside the first. Otherwise ``locking_mode=EXCLUSIVE`` set before the
    first read keeps SQLite's WAL index in memory (making the ``-shm`` file is what fails on a
    full disk) while the ``-wal`` with saved changes is still read; then plain ``mode=ro``.
    Raises :class:`~reflect.errors.JournalError` saying why when nothing works. An encrypted
    journal passes ``opener(target, uri, timeout)``, which keys each connection before its
    first read, and ``dbapi``, the module whose errors it raises.
    """
    from reflect.errors import JournalError

    path = Path(path)
    wal = path.with_name(path.name + "-wal")
    uri = path.resolve().as_uri()
    attempts = [(str(path), False, True), (f"{uri}?mode=ro", True, False)]
    if not wal.exists() or wal.stat().st_size == 0:
        attempts.insert(0, (f"{uri}?mode=ro&immutable=1", True, False))
    last: Exception | None = None
    for target, as_uri, exclusive in attempts:
        try:
            if opener is None:
                conn = sqlite3.connect(target, timeout=timeout, uri=as_uri)
            else:
                conn = opener(target, as_uri, timeout)
        except dbapi.Error as error:
            last = error
            continue
        try:
            if exclusive:
                conn.execute("PRAGMA locking_mode=EXCLUSIVE")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except dbapi.DatabaseError as error:
            conn.close()
            last = error
    if wal.exists() and wal.stat().st_size:
        raise JournalError(f"The journal {path} has saved changes in {wal.name} that cannot be read where it "
                           "is (full or read-only disk); copy both files to a writable folder and use "
                           "--db there. Nothing was changed.")
    assert last is not None  # every attempt either returned or failed with an error
    raise JournalError(journal_message(last, path))
