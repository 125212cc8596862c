"""Putting a backup back: check it, keep a copy of the journal it replaces, swap it in whole.

Nothing is changed until the backup has passed every check (an SQLite file, intact, written
by this or an older reflect, with entries). The journal being replaced is first backed up
itself (or, if it is too damaged for that, copied byte for byte), and the swap is a single
rename, so at every moment there is a complete journal on disk.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from dataclasses import dataclass
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
from reflect.files import ensure_private_dir, move_into_place, private_temp


@dataclass(frozen=True)
class Restored:
    """What :func:`restore_backup` did."""

    journal: Path
    source: Path
    version: int
    entries: int
    safety_copy: Path | None  # the replaced journal, kept in case it was the one wanted


def check_backup_file(path: Path) -> tuple[int, int]:
    """Check that ``path`` is an intact reflect journal this reflect can open.

    Returns ``(schema version, number of entries)``; raises :class:`JournalError` saying what
    is wrong otherwise. Only reads the file.
    """
    from reflect.store.db import SQLITE_MAGIC
    from reflect.store.migrations import CURRENT_VERSION

    path = Path(path)
    try:
        if not path.is_file():
            raise JournalError(f"{path} is not a file" if path.exists() else f"No backup at {path}")
        with open(path, "rb") as handle:
            header = handle.read(len(SQLITE_MAGIC))
    except OSError as error:
        raise JournalError(f"Cannot read {path}: {error.strerror or error}") from None
    if header != SQLITE_MAGIC:
        raise JournalError(f"{path} is not a reflect backup (it is not an SQLite database); nothing was changed.")
    conn = connect_query_only(path)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > CURRENT_VERSION:
            raise JournalError(f"{path} was written by a newer reflect (schema {version}); upgrade reflect "
                               "to restore it. Nothing was changed.")
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if version < 1 or "entries" not in tables:
            raise JournalError(f"{path} is an SQLite file but not a reflect journal; nothing was changed.")
        result = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        if result != ["ok"]:
            raise JournalError(f"{path} is damaged ({result[0]}); choose another backup. Nothing was changed.")
        entries = conn.execute("SELECT count(*) FROM entries").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise JournalError(f"{path} is damaged or unreadable ({error}); nothing was changed.") from None
    finally:
        conn.close()
    return version, entries


def restore_backup(backup: Path, journal_path: Path, *,
                   clock: Callable[[], datetime] | None = None) -> Restored:
    """Replace the journal at ``journal_path`` with the checked backup ``backup``."""
    backup, journal_path = Path(backup), Path(journal_path)
    version, entries = check_backup_file(backup)
    _check_replaceable(journal_path)
    if journal_path.exists() and _same_file(backup, journal_path):
        raise JournalError(f"{backup} is the journal itself; choose a backup file.")
    folder = ensure_private_dir(journal_path.parent)
    with private_temp(folder, "restore") as (_, temp):  # removed at the end unless swapped in
        _prepared_copy(backup, temp)
        safety = lock = None
        try:
            if journal_path.exists() and journal_path.stat().st_size > 0:
                safety = _keep_current(journal_path, clock)
                lock = _take_whole_journal(journal_path)
            move_into_place(temp, journal_path)
        except OSError as error:
            raise ReflectError(f"Could not replace {journal_path}: {error.strerror or error}; "
                               "nothing was changed.") from None
        finally:
            if lock is not None:
                lock.close()
    return Restored(journal_path, backup, version, entries, safety)


def _check_replaceable(journal_path: Path) -> None:
    """Refuse to replace anything but a journal (even a damaged one) or an empty file.

    ``--db`` can point anywhere: a restore must never put a journal in place of someone's
    notes, a device or a system file.
    """
    from reflect.store.db import SQLITE_MAGIC
    from reflect.paths import usable_journal_path

    if not usable_journal_path(journal_path):
        return
    try:
        if not stat.S_ISREG(journal_path.stat().st_mode):  # never open a pipe or a device
            raise JournalError(f"{journal_path} is not a regular file, so not a journal to replace; "
                               "nothing was changed.")
        with open(journal_path, "rb") as handle:
            header = handle.read(len(SQLITE_MAGIC))
    except OSError as error:
        raise JournalError(f"Cannot read {journal_path}: {error.strerror or error}; nothing was changed.") from None
    if header and header != SQLITE_MAGIC:
        raise JournalError(f"{journal_path} is not a reflect journal (it is not an SQLite database), so "
                           "restore-backup will not replace it; nothing was changed.")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _keep_current(journal_path: Path, clock) -> Path:
    """Back up the journal about to be replaced; if SQLite cannot read it, copy its bytes."""
    try:
        return automatic_backup(journal_path, journal_path, "before-restore", clock=clock)
    except ReflectError:
        now = (clock or (lambda: datetime.now(timezone.utc)))()
        folder = backups_folder(journal_path)
        try:
            copy = copy_raw(journal_path, folder, backup_name(journal_path, now, "before-restore-raw"))
            wal = journal_path.with_name(journal_path.name + "-wal")
            if wal.exists():
                copy_raw(wal, folder, copy.name + "-wal")
            return copy
        except OSError as error:
            raise ReflectError(f"Could not keep a copy of the current journal ({error.strerror or error}); "
                               "nothing was changed.") from None


def _take_whole_journal(journal_path: Path) -> sqlite3.Connection | None:
    """Make sure no other reflect has the journal open, and hold it until the swap is done.

    Leaving WAL mode needs the only connection, and empties the -wal file, so no leftover
    write-ahead log can be replayed into the restored file.
    """
    try:
        conn = sqlite3.connect(journal_path, timeout=1.0)
    except sqlite3.Error:
        return None
    try:
        mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
        if mode.lower() != "delete":
            raise sqlite3.OperationalError("database is locked")
        conn.execute("BEGIN EXCLUSIVE")
    except sqlite3.OperationalError as error:
        conn.close()
        if "locked" in str(error) or "busy" in str(error):
            raise JournalError(f"The journal {journal_path} is open in another reflect (the app?); close it "
                               "and try again. Nothing was changed.") from None
        _clear_sidecars(journal_path)
        return None
    except sqlite3.DatabaseError:
        conn.close()  # too damaged to lock: nobody can be using it
        _clear_sidecars(journal_path)
        return None
    return conn


def _clear_sidecars(journal_path: Path) -> None:
    # A damaged journal's -wal (already copied) must not be replayed into the restored file.
    for suffix in ("-wal", "-shm"):
        journal_path.with_name(journal_path.name + suffix).unlink(missing_ok=True)
    return None


def _prepared_copy(backup: Path, temp: Path) -> None:
    """Make ``temp`` a private, self-contained copy of ``backup``, ready to be renamed into place."""
    source = connect_query_only(backup)
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
