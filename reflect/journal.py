"""Opening a journal: one SQLite file, private to its owner, always at the current schema.

A :class:`Journal` is the handle every other part uses. It owns the connection (SQLite
connections belong to the thread that made them, so use a journal from one thread), the
clock (injectable, so tests and snapshots are deterministic) and the record stores, reached as
attributes: ``journal.entries``, ``journal.drafts``, ``journal.settings``, ...
"""

from __future__ import annotations

import os
import sqlite3
import stat
import time
from contextlib import contextmanager
from datetime import date, datetime, timezone
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator, cast

from reflect.errors import JournalBusyError, JournalError
from reflect.paths import usable_journal_path
from reflect.store.db import BUSY_TIMEOUT_SECONDS, SQLITE_MAGIC, busy_timeout, other_programs_header  # noqa: F401

if TYPE_CHECKING:
    import sqlite_utils

    from reflect.attachments.store import AttachmentStore
    from reflect.review.activities import ActivityStore
    from reflect.review.assessments import AssessmentStore
    from reflect.store.drafts import DraftStore
    from reflect.entries.store import EntryStore
    from reflect.review.feedback import FeedbackStore
    from reflect.review.objectives import ObjectiveStore
    from reflect.review.meeting_record import ReviewRecordStore
    from reflect.review.reviews import ReviewStore
    from reflect.store.settings import Settings
    from reflect.review.training import TrainingStore



def utc_now() -> datetime:
    """The current time in UTC (the default clock)."""
    return datetime.now(timezone.utc)


class Journal:
    """An open journal file. Create with :func:`open_journal`.

    ``conn`` is the plain :mod:`sqlite3` connection; ``db`` is sqlite-utils' view of the same
    connection, made on first use. Importing sqlite-utils takes about 55 ms, more than a whole
    `reflect list` needs otherwise, so the reading paths that commands start with (entries,
    settings) use ``conn`` and never pay for it.
    """

    def __init__(self, db: "sqlite3.Connection | sqlite_utils.Database", path: Path,
                 clock: Callable[[], datetime] = utc_now):
        # A sqlite-utils Database's connection, or the connection itself: sqlite3's, or an
        # encrypted journal's SQLCipher one (another class with the same API).
        self.conn = cast(sqlite3.Connection, getattr(db, "conn", db))
        if db is not self.conn:
            self.__dict__["db"] = db  # already wrapped: keep that one
        self.path = path
        self.clock = clock
        #: Why today's automatic backup failed, if it did (shown as a warning, never fatal).
        self.backup_problem: str | None = None
        #: Seconds a write waits for another reflect's to end (None: the usual busy timeout).
        self._wait: float | None = None
        #: Opened only to be read: the disk is full or read-only, or the file is not ours to change.
        self.read_only = False
        #: This file's identity while it is noted as open here (see :meth:`hold`).
        self._held: tuple[int, int] | None = None

    @cached_property
    def db(self) -> "sqlite_utils.Database":
        """sqlite-utils on this journal's connection (imported on first use)."""
        return _wrap(self.conn)

    @property
    def encrypted(self) -> bool:
        """Whether this journal is encrypted (an SQLCipher connection keyed with its key): then any
        plain copy of its content needs saying so."""
        return getattr(self.conn, "key_spec", None) is not None

    # -- time ---------------------------------------------------------------------------

    def now(self) -> str:
        """The current time as stored: ISO 8601 in UTC, to the second."""
        return self.clock().astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")

    def today(self) -> date:
        """Today's date where the user is."""
        return self.clock().astimezone().date()

    def change_mark(self) -> tuple[int, int]:
        """Where the journal's changes have got to: the same mark twice means nothing was
        written in between, by this connection (``total_changes``) or another reflect
        (``PRAGMA data_version``). Lets a screen skip working out again what cannot have changed."""
        conn = self.conn
        return conn.total_changes, conn.execute("PRAGMA data_version").fetchone()[0]

    # -- transactions ---------------------------------------------------------------------

    @contextmanager
    def write(self) -> Iterator[sqlite_utils.Database]:
        """A write transaction: everything inside lands together or not at all.

        ``BEGIN IMMEDIATE`` takes the write lock up front, so two reflect processes queue
        (for up to :data:`BUSY_TIMEOUT_SECONDS`) instead of failing half-way. Nested uses
        become savepoints.
        """
        conn = self.conn
        if conn.in_transaction:
            with self.db.atomic():
                yield self.db
            return
        self._begin_immediate()
        try:
            yield self.db
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        try:
            conn.execute("COMMIT")
        except sqlite3.OperationalError as error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise explain_sqlite_error(error, self.path) from None

    def set_wait(self, seconds: float | None) -> None:
        """How long this journal's writes wait for another reflect's write to end before
        raising :class:`JournalBusyError` (None: the usual :data:`BUSY_TIMEOUT_SECONDS`).
        The app waits briefly, so a long import elsewhere never freezes it."""
        self._wait = seconds
        waited = _busy_timeout() if seconds is None else max(0.0, seconds)
        self.conn.execute(f"PRAGMA busy_timeout = {int(waited * 1000)}")

    @contextmanager
    def waiting(self, seconds: float | None) -> Iterator[None]:
        """Writes inside wait at most ``seconds`` (see :meth:`set_wait`), then as before."""
        previous = self._wait
        self.set_wait(seconds)
        try:
            yield
        finally:
            self.set_wait(previous)

    def _begin_immediate(self) -> None:
        """Take the write lock, waiting up to the busy timeout however SQLite reports "busy".

        SQLite's own busy handler does the waiting in almost every case, but a few (a journal
        being recovered, a lock held across a checkpoint) return "busy" at once: those are
        retried with short sleeps until the same deadline, then reported plainly.
        """
        conn = self.conn
        deadline = time.monotonic() + (_busy_timeout() if self._wait is None else self._wait)
        pause = 0.005
        while True:
            try:
                conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as error:
                if not _is_busy(error):
                    raise explain_sqlite_error(error, self.path) from None
                if time.monotonic() >= deadline:
                    # Its own type, so the app can keep the words aside and try again.
                    raise JournalBusyError(str(explain_sqlite_error(error, self.path))) from None
            time.sleep(pause)
            pause = min(pause * 2, 0.1)

    def hold(self) -> None:
        """Note the file as open here (see :func:`reflect.store.db.hold_kind`), until :meth:`close`."""
        from reflect.store.db import hold_kind

        spec = getattr(self.conn, "key_spec", None)
        # The salt ends the key spec x'<key><salt>' (read from it: the file is not opened again).
        self._held = hold_kind(self.path, bytes.fromhex(spec[-33:-1]) if spec else None)

    def close(self) -> None:
        """Close the file (safe to call twice)."""
        from reflect.store.db import release_kind

        release_kind(self._held)
        self._held = None
        try:
            self.conn.close()
        except sqlite3.ProgrammingError:
            pass

    def __enter__(self) -> "Journal":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- stores ---------------------------------------------------------------------------

    @cached_property
    def entries(self) -> "EntryStore":
        from reflect.entries.store import EntryStore

        return EntryStore(self)

    @cached_property
    def attachments(self) -> "AttachmentStore":
        from reflect.attachments.store import AttachmentStore

        return AttachmentStore(self)

    @cached_property
    def drafts(self) -> "DraftStore":
        from reflect.store.drafts import DraftStore

        return DraftStore(self)

    @cached_property
    def settings(self) -> "Settings":
        from reflect.store.settings import Settings

        return Settings(self)

    @cached_property
    def assessments(self) -> "AssessmentStore":
        from reflect.review.assessments import AssessmentStore

        return AssessmentStore(self)

    @cached_property
    def objectives(self) -> "ObjectiveStore":
        from reflect.review.objectives import ObjectiveStore

        return ObjectiveStore(self)

    @cached_property
    def activities(self) -> "ActivityStore":
        from reflect.review.activities import ActivityStore

        return ActivityStore(self)

    @cached_property
    def feedback(self) -> "FeedbackStore":
        from reflect.review.feedback import FeedbackStore

        return FeedbackStore(self)

    @cached_property
    def training(self) -> "TrainingStore":
        from reflect.review.training import TrainingStore

        return TrainingStore(self)

    @cached_property
    def reviews(self) -> "ReviewStore":
        from reflect.review.reviews import ReviewStore

        return ReviewStore(self)

    @cached_property
    def review_records(self) -> "ReviewRecordStore":
        from reflect.review.meeting_record import ReviewRecordStore

        return ReviewRecordStore(self)

    @property
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]


def open_journal(
    path: str | os.PathLike,
    *,
    create: bool = True,
    clock: Callable[[], datetime] = utc_now,
    daily_backup: bool = False,
) -> Journal:
    """Open (and, with ``create``, make) the journal at ``path``, migrating it if needed.

    A new journal's file is created 0600 and any folder made for it 0700. A file that is not
    a reflect journal, or one written by a newer reflect, raises :class:`JournalError` and is
    left untouched. An existing journal is backed up (into ``backups/`` beside it) before it
    is upgraded; with ``daily_backup`` (the app, and commands that write) it is also backed up
    once a day. A daily backup that fails does not stop the journal opening: the reason is in
    ``journal.backup_problem``.
    """
    from reflect.store.migrations import CURRENT_VERSION, check_not_newer, migrate

    path = Path(path)
    exists = usable_journal_path(path)
    encrypted = False
    if not exists:
        if not create:
            raise JournalError(f"No journal at {path}")
        _create_private_file(path)
    else:
        encrypted = _check_is_sqlite(path)
    from reflect.store.faults import medium_fault

    # A journal on a full or read-only disk, or one we may not change, is still opened to be
    # read (and exported, and backed up elsewhere): see _open_read_only.
    if exists and medium_fault(path):
        return _open_read_only(path, clock, encrypted)
    try:
        if encrypted:
            from reflect.store import cipher

            conn = cipher.connect(path, timeout=_busy_timeout())
        else:
            conn = sqlite3.connect(str(path), timeout=_busy_timeout())
    except sqlite3.Error as error:
        raise JournalError(f"Cannot open the journal {path}: {error}") from None
    try:
        # Refuse a newer journal, or another program's database, before anything (even
        # switching to WAL) touches the file.
        version = check_not_newer(conn, path)
        _check_is_reflect_journal(conn, path, version)
        _configure(conn)
        db = None
        if version < CURRENT_VERSION:  # only then is sqlite-utils needed (see Journal)
            db = _wrap(conn)
            migrate(db, path, before=lambda version: _backup_before_upgrade(conn, path, version, clock))
    except JournalError:
        conn.close()
        raise
    except Exception as error:
        if not isinstance(error, sqlite3.DatabaseError) and not _sqlcipher_error(error):
            raise
        conn.close()
        if exists and medium_fault(path):  # the disk filled up, or was made read-only, meanwhile
            return _open_read_only(path, clock, encrypted)
        raise explain_sqlite_error(error, path) from None
    journal = Journal(db or conn, path, clock)
    journal.hold()
    if daily_backup and exists:
        from reflect.store.backup import daily_backup_if_due
        from reflect.errors import ReflectError

        try:
            daily_backup_if_due(journal)
        except (ReflectError, sqlite3.Error) as error:
            journal.backup_problem = f"today's automatic backup could not be made: {error}"
    return journal


def _sqlcipher_error(error: Exception) -> bool:
    return type(error).__module__.startswith("sqlcipher3")


def _open_read_only(path: Path, clock: Callable[[], datetime], encrypted: bool = False) -> Journal:
    """Open a journal that cannot be written here (full or read-only disk, no permission) to read it.

    See :func:`reflect.store.faults.read_only_connection`. ``query_only`` makes every write fail, and the error
    then names the disk's fault. Nothing is upgraded and no backup is taken.
    """
    from reflect.store.migrations import CURRENT_VERSION, check_not_newer

    from reflect.store.faults import read_only_connection

    if encrypted:
        from reflect.store import cipher

        conn = cipher.connect(path, timeout=_busy_timeout(), read_only=True)
    else:
        conn = read_only_connection(path, timeout=_busy_timeout())
    try:
        conn.execute("PRAGMA query_only=ON")
        version = check_not_newer(conn, path)
        _check_is_reflect_journal(conn, path, version)
        if version < CURRENT_VERSION:
            raise JournalError(f"The journal {path} needs upgrading to this reflect's format, which cannot be "
                               "done where it is (full or read-only disk, or no permission); nothing was "
                               "changed. Copy it somewhere writable, or use the older reflect to read it.")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA recursive_triggers=ON")
    except JournalError:
        conn.close()
        raise
    except sqlite3.DatabaseError as error:
        conn.close()
        raise explain_sqlite_error(error, path) from None
    journal = Journal(conn, path, clock)
    journal.read_only = True
    journal.hold()
    return journal


def _backup_before_upgrade(conn: sqlite3.Connection, path: Path, version: int,
                           clock: Callable[[], datetime]) -> None:
    """The safety copy taken before a journal is upgraded; no copy, no upgrade."""
    from reflect.store.backup import automatic_backup, keep_setting
    from reflect.errors import ReflectError

    try:
        # once: a migration that fails on every run is backed up the first time only, so
        # retries cannot rotate the good backups away.
        automatic_backup(conn, path, f"before-migration-v{version}", keep=keep_setting(conn), clock=clock,
                         once=True)
    except ReflectError as error:
        raise JournalError(f"Could not back up the journal before upgrading it ({error}); "
                           "nothing was changed.") from None


def _wrap(conn: sqlite3.Connection) -> "sqlite_utils.Database":
    import sqlite_utils

    # No sqlite-utils plugins: whatever happens to be installed has no business on a journal.
    return sqlite_utils.Database(conn, execute_plugins=False)


def _busy_timeout() -> float:
    return busy_timeout()


def _configure(conn: sqlite3.Connection) -> None:
    # WAL lets the app and a command read while the other writes; foreign keys keep links
    # (tags, criteria, drafts) from pointing at entries that are gone.
    mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
    if mode.lower() != "wal":  # pragma: no cover - e.g. a file system without shared memory
        conn.execute("PRAGMA journal_mode=DELETE")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA synchronous=NORMAL")
    # sqlite-utils turns this on when it wraps a connection; set it here so triggers behave
    # the same whether or not sqlite-utils was ever loaded.
    conn.execute("PRAGMA recursive_triggers=ON")


def _create_private_file(path: Path) -> None:
    from reflect.errors import ReflectError
    from reflect.files import create_private_empty

    try:
        # Every folder it makes 0700, whatever the umask. Made meanwhile by another reflect
        # (False): just open it.
        create_private_empty(path, "the journal")
    except ReflectError as error:
        raise JournalError(str(error)) from None


def _check_is_sqlite(path: Path) -> bool:
    """Refuse a file that is no journal; True if it is an encrypted one (see reflect.store.cipher)."""
    from reflect.store.db import known_kind

    kind = known_kind(path)
    if kind is not None:  # open in this process already (the dashboard's own connection): never reopened
        return kind != b""
    try:
        # Look before opening: opening a named pipe for reading would wait for ever.
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise JournalError(f"{path} is not a regular file, so not a journal; nothing was changed")
        with open(path, "rb") as handle:
            header = handle.read(100)
    except OSError as error:
        raise JournalError(f"Cannot read the journal {path}: {error.strerror or error}") from None
    # An empty file is what a crash right after creation leaves: treat it as new.
    if header and not header.startswith(SQLITE_MAGIC):
        from reflect.store import cipher

        if cipher.looks_encrypted(path):
            if not cipher.available():
                raise JournalError(f"{path} is encrypted (or not a journal): {cipher.MISSING_EXTRA}")
            return True
        raise JournalError(f"{path} is not a reflect journal (it is not an SQLite database); nothing was changed")
    if other_programs_header(header):
        raise _not_reflect(path)
    return False


def _not_reflect(path: Path) -> JournalError:
    return JournalError(f"{path} is an SQLite database but not a reflect journal (another program's?), "
                        "so reflect leaves it exactly as it is. Choose another file with --db.")


def _check_is_reflect_journal(conn: sqlite3.Connection, path: Path, version: int) -> None:
    """Refuse an SQLite file another program made; only reads it.

    A reflect journal at schema 1 or later has an ``entries`` table; at schema 0 it has no
    tables at all (a journal whose creation was cut short). Anything else is someone else's
    database, and reflect must not add its tables to it or switch it to WAL.
    """
    if version >= 1:
        found = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'entries'").fetchone()
    else:
        found = not conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' LIMIT 1").fetchone()
    if not found:
        raise _not_reflect(path)


def _is_busy(error: sqlite3.Error) -> bool:
    text = str(error)
    return "locked" in text or "busy" in text


def explain_sqlite_error(error: Exception, path: Path) -> JournalError:
    """The plain-words :class:`JournalError` for an SQLite error on the journal at ``path``.

    Full disk, read-only disk, permission, busy and damage each get their own sentence
    (:mod:`reflect.store.faults`).
    """
    from reflect.store.faults import journal_message

    return JournalError(journal_message(error, Path(path)))
