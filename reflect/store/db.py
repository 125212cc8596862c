"""What a record store is given: the journal's connection, its clock and its write transaction.

Stores (entries, settings, drafts, objectives, ...) depend on this small interface, not on
:class:`reflect.journal.Journal`, so that only ``journal.py`` knows every store and no store
needs to import it back. The file-format constant lives here too, for the same reason: the
journal, backups and the doctor all check it.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import AbstractContextManager
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Protocol

if TYPE_CHECKING:
    import sqlite_utils


def inserted_id(done: "sqlite3.Cursor | sqlite_utils.db.Table") -> int:
    """The id of the row an ``INSERT`` just added, through a cursor or sqlite-utils' ``insert``.

    Both type it as optional (it is None before any insert); after one it is the new row's id,
    so None here is a bug, not something a person can fix.
    """
    # A cursor (sqlite3's or SQLCipher's, a class of its own) has lastrowid; a Table has last_pk.
    new_id = getattr(done, "lastrowid", None)
    if new_id is None:
        new_id = getattr(done, "last_pk", None)
    if new_id is None:  # pragma: no cover - always set after an INSERT
        raise RuntimeError("the INSERT added no row")
    return int(new_id)


def query_dicts(conn: "sqlite3.Connection", sql: str, params: "list | tuple" = ()) -> list[dict]:
    """Rows as dicts keyed by column name, as sqlite-utils' ``query`` gives them, read straight
    from the connection: reading needs no sqlite-utils (whose import the first screen would wait for)."""
    cursor = conn.execute(sql, params)
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row)) for row in cursor]


#: The first 16 bytes of every SQLite file.
SQLITE_MAGIC = b"SQLite format 3\x00"

#: How long a write waits for another reflect (window or command) to finish its own;
#: ``$REFLECT_BUSY_TIMEOUT`` (seconds) overrides it.
BUSY_TIMEOUT_SECONDS = 15.0


def busy_timeout() -> float:
    """Seconds to wait for another reflect: ``$REFLECT_BUSY_TIMEOUT``, else :data:`BUSY_TIMEOUT_SECONDS`."""
    try:
        return max(0.0, float(os.environ.get("REFLECT_BUSY_TIMEOUT", BUSY_TIMEOUT_SECONDS)))
    except ValueError:
        return BUSY_TIMEOUT_SECONDS


def other_programs_header(header: bytes) -> bool:
    """Whether the first 100 bytes of an SQLite file show another program's database.

    Pages beyond the first at schema 0 are someone else's tables (a reflect journal has none
    at schema 0, and SQLite writes page 1 first when it copies its log into the file). Seen in
    the header, before SQLite opens the file: opening alone could replay (so change) its -wal.
    """
    return len(header) >= 100 and _header_int(header, 60) == 0 and _header_int(header, 28) > 1


def _header_int(header: bytes, offset: int) -> int:
    return int.from_bytes(header[offset:offset + 4], "big")


class JournalDB(Protocol):
    """The parts of an open journal a store may use."""

    conn: sqlite3.Connection
    path: Path
    clock: Callable[[], datetime]

    @property
    def db(self) -> "sqlite_utils.Database":
        """sqlite-utils on the same connection."""

    def now(self) -> str:
        """The current time as stored (ISO 8601, UTC)."""

    def today(self) -> date:
        """Today where the person is."""

    def write(self) -> AbstractContextManager["sqlite_utils.Database"]:
        """A write transaction (nested uses become savepoints)."""


# -- the journal files this process has open ---------------------------------------------------

#: Each journal file open in this process, by identity (device, inode): its salt if it is
#: encrypted, else b"", and how many connections hold it. Asked (is it encrypted? its salt?)
#: without opening the file: closing any descriptor of a file drops every POSIX lock this
#: process holds on it, SQLite's included. Only files open now are listed, so a number the
#: system gives to a new file once this one is gone is never mistaken for it.
_OPEN: dict[tuple[int, int], list] = {}


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_dev, info.st_ino)


def hold_kind(path: Path, salt: bytes | None) -> tuple[int, int] | None:
    """Note that a journal open here at ``path`` is encrypted with ``salt`` (None: plain);
    give the identity to :func:`release_kind` when it is closed."""
    identity = _identity(path)
    if identity is not None:
        entry = _OPEN.setdefault(identity, [salt or b"", 0])
        entry[1] += 1
    return identity


def release_kind(identity: tuple[int, int] | None) -> None:
    """The journal noted as ``identity`` was closed (once)."""
    if identity is None or identity not in _OPEN:
        return
    entry = _OPEN[identity]
    entry[1] -= 1
    if entry[1] <= 0:
        del _OPEN[identity]


def known_kind(path: Path) -> bytes | None:
    """The salt (b"" for a plain journal) of the journal open here at ``path``, else None."""
    identity = _identity(path)
    entry = _OPEN.get(identity) if identity is not None else None
    return entry[0] if entry is not None else None
