"""Taking a journal for one process alone, through SQLite's own locks (so no platform code).

A restore must be the only one using the journal from the moment it copies the journal it
replaces until the backup is in place: a write landing in between would be in neither. Every
reflect holds a shared lock on a journal in WAL mode for as long as it has it open, so leaving
WAL mode succeeds only when nobody else has it open; in ``locking_mode=EXCLUSIVE`` the first
write then takes the exclusive lock and keeps it until the connection lets go. Anyone who opens
the journal meanwhile waits (its busy timeout) and then sees the restored journal.

While the lock is held, nothing in this process may open and close the journal file itself
(``open(path)``): closing any descriptor of a file drops every POSIX lock the process holds on
it, SQLite's included. Work through the connection instead.
"""

from __future__ import annotations

import sqlite3
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator

from reflect.errors import JournalError

#: How long a restore waits for other reflects to close the journal; ``$REFLECT_BUSY_TIMEOUT`` overrides it.
WAIT_SECONDS = 15.0


class Unusable(Exception):
    """SQLite cannot use the file at all (damaged beyond its header): nobody can be using it either."""


@contextmanager
def journal_to_myself(path: Path, wait: float | None = None, *,
                      connect: Callable[[float], Any] | None = None, dbapi: Any = sqlite3) -> Iterator[Any]:
    """Yield a connection that holds the journal at ``path`` exclusively, in rollback mode.

    ``connect(timeout)`` opens the journal (default: plain SQLite; an encrypted journal passes
    one that keys the connection, with ``dbapi`` the module whose errors it raises).

    Waits up to ``wait`` seconds (default: the busy timeout) for other reflects to close it,
    then refuses with a clear :class:`JournalError`. Raises :class:`Unusable` when SQLite cannot
    read the file. The connection is in autocommit mode, so it can be the source or the target
    of SQLite's backup API; the next reflect to open the journal puts it back in WAL mode.
    """
    from reflect.store.db import busy_timeout
    from reflect.store.faults import BUSY, FULL, PERMISSION, READ_ONLY, classify, journal_message

    deadline = time.monotonic() + (busy_timeout() if wait is None else wait)
    pause = 0.01
    while True:
        if connect is None:
            conn = sqlite3.connect(path, timeout=0.05, isolation_level=None)
        else:
            conn = connect(0.05)
            conn.isolation_level = None
        try:
            conn.execute("PRAGMA locking_mode=EXCLUSIVE")
            mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
            if mode.lower() != "delete":
                raise dbapi.OperationalError("database is locked")
            conn.execute("BEGIN EXCLUSIVE")
            conn.execute("COMMIT")  # the exclusive lock stays: locking_mode=EXCLUSIVE
            break
        except dbapi.OperationalError as error:
            conn.close()
            kind = classify(error, path)
            if kind in (FULL, READ_ONLY, PERMISSION):  # not damage: say what it is
                raise JournalError(journal_message(error, path)) from None
            if kind != BUSY:
                raise Unusable(str(error)) from None
            if time.monotonic() >= deadline:
                raise JournalError(f"The journal {path} is open in another reflect (the app?); close it "
                                   "and try again. Nothing was changed.") from None
        except dbapi.DatabaseError as error:
            conn.close()
            raise Unusable(str(error)) from None
        time.sleep(pause)
        pause = min(pause * 2, 0.1)
    try:
        yield conn
    finally:
        try:
            conn.execute("PRAGMA locking_mode=NORMAL")
            conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()  # lets the lock go
        except dbapi.Error:
            pass
        conn.close()
