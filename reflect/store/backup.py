"""Backups of the journal: on request, before every upgrade, and once a day.

A backup is a complete, self-contained copy of the journal made with SQLite's online backup
API, so it is consistent even while the app is writing. It is written to a temporary file in
the destination folder and renamed into place, readable by its owner only (0600, folder 0700).

Automatic backups live in ``backups/`` beside the journal and are named after the journal and
the moment they were taken, e.g. ``journal-2026-11-24T103000Z-daily.db``. Only the newest
:data:`DEFAULT_KEEP` (setting ``backup_keep``) automatic ones are kept; backups people make
themselves are never removed.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Callable, NamedTuple

from reflect.errors import JournalError, ReflectError
from reflect.files import ensure_private_dir, move_into_place, private_temp

if TYPE_CHECKING:
    from reflect.store.db import JournalDB

BACKUP_FOLDER = "backups"
DEFAULT_KEEP = 10
#: Reasons that mark a backup as automatic (and so subject to rotation).
AUTOMATIC_REASONS = ("daily", "before-migration", "before-restore", "before-repair")
_STAMP = "%Y-%m-%dT%H%M%SZ"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{4}-\d\d-\d\dT\d{6}Z)(?:-(?P<reason>[a-z][a-z0-9-]*?))?(?:-\d+)?\.db$")


class BackupInfo(NamedTuple):
    """A backup file found in a backups folder."""

    path: Path
    taken_at: datetime
    reason: str

    @property
    def automatic(self) -> bool:
        return self.reason.startswith(AUTOMATIC_REASONS)


def backups_folder(journal_path: Path) -> Path:
    """Where automatic backups of the journal at ``journal_path`` go."""
    return Path(journal_path).parent / BACKUP_FOLDER


def backup_name(journal_path: Path, when: datetime, reason: str = "") -> str:
    """The file name of a backup of ``journal_path`` taken at ``when``."""
    stamp = when.astimezone(timezone.utc).strftime(_STAMP)
    return f"{Path(journal_path).stem}-{stamp}" + (f"-{reason}" if reason else "") + ".db"


def backup_to(source: "JournalDB | sqlite3.Connection | str | os.PathLike", dest: str | os.PathLike, *, journal_path: Path | None = None,
              reason: str = "", clock: Callable[[], datetime] | None = None,
              overwrite: bool = False, into_folder: bool = False) -> Path:
    """Copy the journal ``source`` to ``dest`` (a file, or a folder to put a dated file in).

    ``source`` is an open journal, a raw connection, or the path of a journal file.
    ``dest`` is a folder if ``into_folder``, if it exists as one, or if it is spelled with a
    trailing slash (as people type it). An existing file is never replaced unless
    ``overwrite``. Returns the backup's path.
    """
    now = (clock or _utc_now)()
    if isinstance(source, sqlite3.Connection):
        conn, owned = source, False
    elif isinstance(source, (str, os.PathLike)):
        journal_path = journal_path or Path(source)
        conn, owned = open_read_only(Path(source)), True
    else:  # an open journal
        journal_path = journal_path or source.path
        conn, owned = source.conn, False
    try:
        spelled = str(dest) + ("/" if into_folder else "")
        target = _target(Path(dest), spelled, journal_path or Path("journal.db"), now, reason, overwrite)
        _copy_database(conn, target)
    finally:
        if owned:
            conn.close()
    return target


def automatic_backup(source: "JournalDB | sqlite3.Connection | str | os.PathLike", journal_path: Path, reason: str, *,
                     keep: int | None = None, clock: Callable[[], datetime] | None = None) -> Path:
    """Back up into ``backups/`` beside the journal, then keep only the newest ``keep`` automatic ones."""
    folder = backups_folder(journal_path)
    path = backup_to(source, folder, journal_path=journal_path, reason=reason, clock=clock, into_folder=True)
    prune(journal_path, keep if keep is not None else DEFAULT_KEEP)
    return path


def daily_backup_if_due(journal: "JournalDB") -> Path | None:
    """Take the day's automatic backup unless one was already taken today (or there is nothing to keep).

    Cheap when not due: one look at the backups folder's file names.
    """
    newest = next(iter(list_backups(journal.path)), None)
    if newest is not None and newest.taken_at.astimezone().date() >= journal.today():
        return None
    if journal.db.execute("SELECT count(*) FROM entries").fetchone()[0] == 0:
        return None  # a new, empty journal: nothing worth keeping yet
    return automatic_backup(journal, journal.path, "daily", keep=keep_setting(journal), clock=journal.clock)


def keep_setting(source: "JournalDB | sqlite3.Connection") -> int:
    """How many automatic backups to keep (setting ``backup_keep``; readable before an upgrade)."""
    import json

    conn = source if isinstance(source, sqlite3.Connection) else source.conn
    try:
        row = conn.execute("SELECT value FROM settings WHERE key = 'backup_keep'").fetchone()
        return max(1, int(json.loads(row[0]))) if row else DEFAULT_KEEP
    except (TypeError, ValueError, sqlite3.Error):
        return DEFAULT_KEEP


def list_backups(journal_path: Path) -> list[BackupInfo]:
    """Backups of this journal in its backups folder, newest first."""
    folder = backups_folder(journal_path)
    stem = Path(journal_path).stem
    found = []
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    for name in names:
        match = _NAME.match(name)
        if not match or match["stem"] != stem:
            continue
        when = datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=timezone.utc)
        found.append(BackupInfo(folder / name, when, match["reason"] or "manual"))
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def prune(journal_path: Path, keep: int) -> list[Path]:
    """Remove automatic backups beyond the newest ``keep``; return what was removed."""
    automatic = [b for b in list_backups(journal_path) if b.automatic]
    removed = []
    for old in automatic[max(1, keep):]:
        try:
            old.path.unlink()
            removed.append(old.path)
        except OSError:
            pass  # a backup we cannot remove is only untidy, never harmful
    return removed


def copy_raw(path: Path, folder: Path, name: str) -> Path:
    """Copy a (possibly damaged) journal file byte for byte, privately: the last-resort backup."""
    ensure_private_dir(folder)
    target = _free_name(folder / name)
    with private_temp(folder, target.name) as (fd, temp):
        with os.fdopen(os.dup(fd), "wb") as out, open(path, "rb") as src:
            shutil.copyfileobj(src, out)
            out.flush()
            os.fsync(out.fileno())
        move_into_place(temp, target)  # never half a copy under a backup's name
    return target


# -- internals ----------------------------------------------------------------------------


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


def open_read_only(path: Path) -> sqlite3.Connection:
    """A reading connection to the SQLite file at ``path`` (refused if it is not SQLite)."""
    from reflect.store.db import SQLITE_MAGIC

    try:
        with open(path, "rb") as handle:
            header = handle.read(len(SQLITE_MAGIC))
    except OSError as error:
        raise JournalError(f"Cannot read the journal {path}: {error.strerror or error}") from None
    if header != SQLITE_MAGIC:
        raise JournalError(f"{path} is not a reflect journal (it is not an SQLite database)")
    return connect_query_only(path)


def connect_query_only(path: Path) -> sqlite3.Connection:
    """A connection that can only read.

    Not SQLite's ``mode=ro``: on a WAL journal that leaves empty -wal and -shm files behind.
    """
    try:
        conn = sqlite3.connect(path, timeout=5.0)
        conn.execute("PRAGMA query_only=ON")
        return conn
    except sqlite3.Error as error:
        raise JournalError(f"Cannot open the journal {path}: {error}") from None


def _target(dest: Path, spelled: str, journal_path: Path, now: datetime, reason: str, overwrite: bool) -> Path:
    """The file to write: inside ``dest`` if it is (or is spelled as) a folder, else ``dest``."""
    try:
        is_folder = dest.is_dir() or spelled.endswith(("/", os.sep))
        if is_folder:
            ensure_private_dir(dest)
            return _free_name(dest / backup_name(journal_path, now, reason))
        if dest.exists() and not overwrite:
            raise ReflectError(f"{dest} already exists; choose another name or a folder (nothing was changed).")
        if dest.exists() and not dest.is_file():
            raise ReflectError(f"{dest} is not a regular file; choose a file name or a folder.")
        ensure_private_dir(dest.parent)
    except OSError as error:
        raise ReflectError(f"Cannot use {spelled!r} as a backup destination: {error.strerror or error}") from None
    return dest


def _free_name(path: Path) -> Path:
    """``path``, or ``name-2.db``, ``name-3.db``... if taken (two backups in one second)."""
    candidate, n = path, 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate


def _copy_database(conn: sqlite3.Connection, target: Path) -> None:
    """Online-backup ``conn`` into a private temp file beside ``target``, then rename it into place."""
    try:
        with private_temp(target.parent, target.name) as (_, temp):
            copy = sqlite3.connect(temp)
            try:
                conn.backup(copy)
                # One self-contained file: no -wal or -shm beside the backup.
                copy.execute("PRAGMA journal_mode=DELETE")
            finally:
                copy.close()
            with open(temp, "rb") as handle:
                os.fsync(handle.fileno())
            move_into_place(temp, target)
    except (OSError, sqlite3.Error) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise ReflectError(f"Could not write the backup {target}: {reason}; nothing was changed.") from None
