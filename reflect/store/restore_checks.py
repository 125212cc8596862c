"""The checks every restore makes before it changes anything, plain or encrypted.

:mod:`reflect.store.restore` puts a plain backup back and :mod:`reflect.store.restore_encrypted`
an encrypted one; both refuse the same things, with the same words, through these.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from dataclasses import dataclass
from pathlib import Path

from reflect.errors import JournalError


@dataclass(frozen=True)
class Restored:
    """What :func:`restore_backup` did."""

    journal: Path
    source: Path
    version: int
    entries: int
    safety_copy: Path | None  # the replaced journal, kept in case it was the one wanted


def check_contents(conn, path: Path, database_error: type[Exception]) -> tuple[int, int]:
    """The checks of :func:`check_backup_file` on an open backup (plain or encrypted)."""
    from reflect.store.migrations import CURRENT_VERSION

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
    except database_error as error:
        raise JournalError(f"{path} is damaged or unreadable ({error}); nothing was changed.") from None
    return version, entries


def check_writable(journal_path: Path) -> None:
    """Refuse, before anything is changed, a journal this process may not write."""
    from reflect.files import describe_os_error

    try:
        with open(journal_path, "r+b"):
            pass
    except OSError as error:
        raise JournalError(f"Cannot restore into {journal_path}: {describe_os_error(error, journal_path)}; "
                           "nothing was changed.") from None


def check_replaceable(journal_path: Path) -> None:
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
            header = handle.read(100)
    except OSError as error:
        raise JournalError(f"Cannot read {journal_path}: {error.strerror or error}; nothing was changed.") from None
    if header and not header.startswith(SQLITE_MAGIC):
        raise JournalError(f"{journal_path} is not a reflect journal (it is not an SQLite database), so "
                           "restore-backup will not replace it; nothing was changed.")
    if header and _another_programs(journal_path, header):
        raise JournalError(f"{journal_path} is an SQLite database but not a reflect journal, so "
                           "restore-backup will not replace it; nothing was changed.")


def _another_programs(journal_path: Path, header: bytes) -> bool:
    """Whether an SQLite file is another program's database (a damaged journal is still ours)."""
    from reflect.store.db import other_programs_header

    if other_programs_header(header):
        return True
    if len(header) < 100 or int.from_bytes(header[60:64], "big") == 0:
        return False  # no tables yet: a journal whose creation was cut short
    try:
        conn = sqlite3.connect(f"{journal_path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error:
        return False
    try:  # immutable: makes nothing beside the file, replays nothing
        return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'entries'").fetchone() is None
    except sqlite3.DatabaseError:
        return False  # too damaged to tell: treated as the damaged journal it most likely is
    finally:
        conn.close()


def same_file(a: Path, b: Path) -> bool:
    """Whether ``a`` and ``b`` are the same file (False if either cannot be looked at)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
