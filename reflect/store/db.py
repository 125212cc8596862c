"""What a record store is given: the journal's connection, its clock and its write transaction.

Stores (entries, settings, drafts, objectives, ...) depend on this small interface, not on
:class:`reflect.journal.Journal`, so that only ``journal.py`` knows every store and no store
needs to import it back. The file-format constant lives here too, for the same reason: the
journal, backups and the doctor all check it.
"""

from __future__ import annotations

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
    new_id = done.lastrowid if isinstance(done, sqlite3.Cursor) else done.last_pk
    if new_id is None:  # pragma: no cover - always set after an INSERT
        raise RuntimeError("the INSERT added no row")
    return int(new_id)


#: The first 16 bytes of every SQLite file.
SQLITE_MAGIC = b"SQLite format 3\x00"


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
