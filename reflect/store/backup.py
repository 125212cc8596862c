"""Backups of the journal: on request, before every upgrade, and once a day.

A backup is a complete, self-contained copy of the journal made with SQLite's online backup
API, so it is consistent even while the app is writing. It is written to a temporary file in
the destination folder and renamed into place, readable by its owner only (0600, folder 0700).

Every copy is checked with SQLite's ``PRAGMA quick_check`` before it is renamed into place: a
journal that fails it is not backed up (:class:`DamagedJournalError` says so) and nothing is
rotated away, so a damaged journal can never wear the good backups out.

Automatic backups live in ``backups/`` beside the journal and are named after the journal and
the moment they were taken, e.g. ``journal-2026-11-24T103000Z-daily.db``. Rotation keeps a
spread (:func:`kept_backups`): the newest ``backup_keep`` (:data:`DEFAULT_KEEP`), the newest of
each of the last 7 days, 4 weeks and 6 months that have one, and every before-migration copy
of the last 30 days. Backups people make themselves are never removed.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, NamedTuple, cast

from reflect.errors import JournalError, ReflectError
from reflect.files import ensure_private_dir, move_into_place, private_temp

if TYPE_CHECKING:
    from reflect.store.db import JournalDB

BACKUP_FOLDER = "backups"
DEFAULT_KEEP = 10
#: Reasons that mark a backup as automatic (and so subject to rotation).
AUTOMATIC_REASONS = ("daily", "before-migration", "before-restore", "before-repair")
#: Reasons of copies kept although they failed SQLite's check (the journal a restore replaced).
DAMAGED_REASONS = ("before-restore-damaged", "before-restore-raw")
#: The spread rotation keeps beyond the newest ``backup_keep``: (how many, bucket) newest first.
SPREAD = ((7, "day"), (4, "week"), (6, "month"))
#: Before-migration copies younger than this are always kept.
MIGRATION_COPIES_KEPT = timedelta(days=30)


class DamagedJournalError(JournalError):
    """The journal failed SQLite's check, so no backup of it was made."""
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

    @property
    def damaged(self) -> bool:
        """A copy known to be damaged (kept only because it is what a restore replaced)."""
        return self.reason.startswith(DAMAGED_REASONS)


def backups_folder(journal_path: Path) -> Path:
    """Where automatic backups of the journal at ``journal_path`` go."""
    return Path(journal_path).parent / BACKUP_FOLDER


def backup_name(journal_path: Path, when: datetime, reason: str = "") -> str:
    """The file name of a backup of ``journal_path`` taken at ``when``."""
    stamp = when.astimezone(timezone.utc).strftime(_STAMP)
    return f"{Path(journal_path).stem}-{stamp}" + (f"-{reason}" if reason else "") + ".db"


def backup_to(source: "JournalDB | sqlite3.Connection | str | os.PathLike", dest: str | os.PathLike, *, journal_path: Path | None = None,
              reason: str = "", clock: Callable[[], datetime] | None = None,
              overwrite: bool = False, into_folder: bool = False, check: bool = True,
              same_as: Path | None = None) -> Path:
    """Copy the journal ``source`` to ``dest`` (a file, or a folder to put a dated file in).

    ``source`` is an open journal, a raw connection, or the path of a journal file.
    ``dest`` is a folder if ``into_folder``, if it exists as one, or if it is spelled with a
    trailing slash (as people type it). An existing file is never replaced unless
    ``overwrite``, and never the journal itself or one of its files. With ``check`` (the
    default) a copy that fails ``PRAGMA quick_check`` is thrown away and
    :class:`DamagedJournalError` raised. A copy byte for byte the same as the backup
    ``same_as`` is thrown away too, and ``same_as`` returned. Returns the backup's path.
    """
    now = (clock or _utc_now)()
    if isinstance(source, (str, os.PathLike)):
        journal_path = journal_path or Path(source)
        conn, owned = open_read_only(Path(source)), True
    elif hasattr(source, "conn"):  # an open journal
        journal = cast("JournalDB", source)
        journal_path = journal_path or journal.path
        conn, owned = journal.conn, False
    else:  # a connection (plain sqlite3, or an encrypted journal's)
        conn, owned = source, False
    try:
        spelled = str(dest) + ("/" if into_folder else "")
        target = _target(Path(dest), spelled, journal_path or Path("journal.db"), now, reason, overwrite)
        if journal_path is not None:
            from reflect.store.own_files import refuse_journal_files

            refuse_journal_files(target, journal_path)
        target = _copy_database(conn, target, journal_path=journal_path, check=check, same_as=same_as)
    finally:
        if owned:
            conn.close()
    return target


def automatic_backup(source: "JournalDB | sqlite3.Connection | str | os.PathLike", journal_path: Path, reason: str, *,
                     keep: int | None = None, clock: Callable[[], datetime] | None = None,
                     check: bool = True, once: bool = False) -> Path:
    """Back up into ``backups/`` beside the journal, then rotate (see :func:`kept_backups`).

    ``keep`` is the setting ``backup_keep`` (read from the journal when not given). A journal
    that fails the check is not backed up and nothing is rotated. With ``once``, a copy the
    same as the newest backup with this ``reason`` is not kept again (a migration that fails
    on every run is backed up once).
    """
    folder = backups_folder(journal_path)
    if keep is None:
        keep = _keep_of(source)
    same_as = next((b.path for b in list_backups(journal_path) if b.reason == reason), None) if once else None
    path = backup_to(source, folder, journal_path=journal_path, reason=reason, clock=clock, into_folder=True,
                     check=check, same_as=same_as)
    prune(journal_path, keep, clock=clock)
    return path


def _keep_of(source) -> int:
    if isinstance(source, (str, os.PathLike)):
        try:
            conn = open_read_only(Path(source))
        except ReflectError:
            return DEFAULT_KEEP
        try:
            return keep_setting(conn)
        finally:
            conn.close()
    return keep_setting(source)


def daily_backup_if_due(journal: "JournalDB") -> Path | None:
    """Take the day's automatic backup unless one was already taken today (or there is nothing to keep).

    Cheap when not due: one look at the backups folder's file names.
    """
    newest = next((b for b in list_backups(journal.path) if not b.damaged), None)
    if newest is not None and newest.taken_at.astimezone().date() >= journal.today():
        return None
    if journal.db.execute("SELECT count(*) FROM entries").fetchone()[0] == 0:
        return None  # a new, empty journal: nothing worth keeping yet
    return automatic_backup(journal, journal.path, "daily", keep=keep_setting(journal), clock=journal.clock)


def keep_setting(source: "JournalDB | sqlite3.Connection") -> int:
    """How many automatic backups to keep (setting ``backup_keep``; readable before an upgrade)."""
    import json

    # An open journal, or a (plain or SQLCipher) connection: the same DB-API either way.
    conn: Any = getattr(source, "conn", source)
    try:
        row = conn.execute("SELECT value FROM settings WHERE key = 'backup_keep'").fetchone()
        return max(1, int(json.loads(row[0]))) if row else DEFAULT_KEEP
    except Exception:  # sqlite3's or SQLCipher's errors, or a damaged value
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


def kept_backups(automatic: list[BackupInfo], keep: int, now: datetime) -> set[Path]:
    """Which of the ``automatic`` backups (newest first) rotation keeps.

    The newest ``keep`` (at least one); the newest good one of each of the last 7 days, 4 weeks
    and 6 months that have one (days, weeks and months where the person is); and every
    before-migration copy younger than 30 days. So a burst of copies (a bad day, a migration
    retried) can only ever replace the newest ones, never the spread behind them.
    """
    kept = {b.path for b in automatic[:max(1, keep)]}
    good = [b for b in automatic if not b.damaged]
    for size, bucket in SPREAD:
        seen: set = set()
        for b in good:
            key = _bucket(b.taken_at, bucket)
            if key not in seen:
                if len(seen) == size:
                    break
                seen.add(key)
                kept.add(b.path)
    kept |= {b.path for b in automatic
             if b.reason.startswith("before-migration") and now - b.taken_at <= MIGRATION_COPIES_KEPT}
    return kept


def _bucket(when: datetime, size: str) -> tuple:
    local = when.astimezone().date()
    if size == "day":
        return (local,)
    if size == "week":
        return tuple(local.isocalendar())[:2]
    return (local.year, local.month)


def prune(journal_path: Path, keep: int, *, clock: Callable[[], datetime] | None = None) -> list[Path]:
    """Remove the automatic backups rotation does not keep (:func:`kept_backups`); return them."""
    automatic = [b for b in list_backups(journal_path) if b.automatic]
    kept = kept_backups(automatic, keep, (clock or _utc_now)())
    removed = []
    for old in (b for b in automatic if b.path not in kept):
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
            header = handle.read(100)
    except OSError as error:
        raise JournalError(f"Cannot read the journal {path}: {error.strerror or error}") from None
    if not header.startswith(SQLITE_MAGIC):
        raise JournalError(f"{path} is not a reflect journal (it is not an SQLite database)")
    from reflect.store.db import other_programs_header

    if other_programs_header(header):
        raise JournalError(f"{path} is an SQLite database but not a reflect journal; nothing was changed")
    return connect_query_only(path)


def connect_query_only(path: Path) -> sqlite3.Connection:
    """A connection that can only read.

    Not SQLite's ``mode=ro``: on a WAL journal that leaves empty -wal and -shm files behind.
    On a disk that cannot be written, a connection that makes no file beside it.
    """
    from reflect.store.faults import medium_fault

    try:
        if medium_fault(path):
            from reflect.store.faults import read_only_connection

            conn = read_only_connection(Path(path))
        else:
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
        if os.path.lexists(dest) and not overwrite:  # a dangling symlink is there too
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


def intact(conn: sqlite3.Connection) -> bool:
    """Whether the database on ``conn`` passes SQLite's ``PRAGMA quick_check``."""
    return quick_check(conn) is None


def quick_check(conn: sqlite3.Connection) -> str | None:
    """SQLite's first complaint about the database on ``conn`` (``PRAGMA quick_check``), or None."""
    try:
        result = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
    except sqlite3.DatabaseError as error:
        return str(error)
    return None if result == "ok" else result


def _copy_database(conn: sqlite3.Connection, target: Path, *, journal_path: Path | None = None,
                   check: bool = True, same_as: Path | None = None) -> Path:
    """Online-backup ``conn`` into a private temp file beside ``target``, check it, rename it into place."""
    from reflect.files import describe_os_error
    from reflect.store.faults import explain_write_error

    try:
        with private_temp(target.parent, target.name) as (_, temp):
            from reflect.store import cipher

            # An encrypted journal's copy is encrypted the same way (same key, same passphrase).
            encrypted = cipher.is_encrypted_connection(conn)
            copy = cipher.backup_target(conn, temp) if encrypted else sqlite3.connect(temp)
            try:
                conn.backup(copy)
                # One self-contained file: no -wal or -shm beside the backup.
                copy.execute("PRAGMA journal_mode=DELETE")
                problem = quick_check(copy) if check else None
            finally:
                copy.close()
                Path(f"{temp}-journal").unlink(missing_ok=True)  # never left beside a failed copy
            if problem:
                where = f"The journal {journal_path}" if journal_path else "The journal"
                raise DamagedJournalError(
                    f"{where} is damaged ({problem}), so no backup was made and the good backups were "
                    "kept. Run `reflect doctor`.")
            if same_as is not None and _same_bytes(temp, same_as):
                return same_as
            with open(temp, "rb") as handle:
                os.fsync(handle.fileno())
            move_into_place(temp, target)
    except OSError as error:
        raise ReflectError(f"Could not write the backup {target}: {describe_os_error(error, target.parent)}; "
                           "nothing was changed.") from None
    except sqlite3.Error as error:
        raise ReflectError(f"Could not write the backup {target}: {explain_write_error(error, target.parent)}; "
                           "nothing was changed.") from None
    except Exception as error:
        from reflect.store import cipher

        if not cipher.is_database_error(error):  # SQLCipher's errors are not sqlite3's classes
            raise
        raise ReflectError(f"Could not write the backup {target}: {error}; nothing was changed.") from None
    return target


def _same_bytes(a: Path, b: Path) -> bool:
    import filecmp

    try:
        return filecmp.cmp(a, b, shallow=False)
    except OSError:
        return False
