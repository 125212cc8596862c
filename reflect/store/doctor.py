"""`reflect doctor`: check a journal file and explain, plainly, anything wrong with it.

The checks only read: the journal is opened without upgrading it, so a damaged or old file
can be examined as it is. Each check gives a :class:`Finding`: ``ok``, a ``note`` (worth
knowing, nothing broken) or a ``problem`` (something to act on), with what to do.
"""

from __future__ import annotations

from reflect.jsonable import Record

import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from reflect import system

if TYPE_CHECKING:
    from reflect.framework.standards import Framework

OK, NOTE, PROBLEM = "ok", "note", "problem"


@dataclass(frozen=True)
class Finding(Record):
    """The result of one check."""

    check: str
    level: str  # ok, note or problem
    message: str
    advice: str = ""
    details: list = field(default_factory=list)


def examine(path: Path, framework: "Framework | None" = None, *,
            clock: Callable[[], datetime] | None = None) -> list[Finding]:
    """Run every check on the journal file at ``path``; never changes its contents."""
    from reflect.store.db import SQLITE_MAGIC

    path = Path(path)
    if not path.exists():
        return [Finding("file", PROBLEM, f"There is no journal at {path}.",
                        "Check --db / $REFLECT_DB, or restore a backup with `reflect restore-backup FILE`.")]
    if not path.is_file():  # a pipe or a device: never open it (a pipe would wait for ever)
        return [Finding("file", PROBLEM, f"{path} is not a regular file, so not a journal.",
                        "Check --db / $REFLECT_DB.")]
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
    except OSError as error:
        return [Finding("file", PROBLEM, f"The journal {path} cannot be read: {error.strerror or error}.",
                        "Check that the file belongs to you.")]
    findings = [_permissions(path)]
    if not header.startswith(SQLITE_MAGIC) and _encrypted(path):
        return findings + _encrypted_checks(path, framework) + [_backups(path, clock)]
    if not header.startswith(SQLITE_MAGIC):
        findings.append(Finding("file", PROBLEM, f"{path} is not an SQLite database, so not a reflect journal.",
                                "If it should be your journal, restore a backup with `reflect restore-backup FILE`."))
        return findings + [_backups(path, clock)]
    from reflect.store.db import other_programs_header

    if other_programs_header(header):  # decided before SQLite opens (and could change) it
        return findings + [_NOT_REFLECT]
    from reflect.errors import JournalError
    from reflect.store.faults import read_only_connection
    from reflect.store.faults import DAMAGED, classify, medium_fault

    fault = medium_fault(path)
    if fault:
        findings.append(_disk(path, fault))
    try:
        # On a disk that cannot be written, read without making any file beside the journal.
        conn = read_only_connection(path) if fault else sqlite3.connect(path, timeout=5.0)
    except (sqlite3.Error, JournalError) as error:
        return findings + [Finding("file", PROBLEM, f"The journal cannot be opened: {error}.")]
    try:
        findings += _database_checks(conn, framework, writable=not fault)
    except sqlite3.DatabaseError as error:
        kind = classify(error, path)
        if kind == DAMAGED:
            findings.append(Finding("integrity", PROBLEM, f"The journal is damaged: {error}.",
                                    "Restore the newest good backup with `reflect restore-backup FILE`."))
        elif not fault:
            findings.append(_disk(path, kind) if kind in _DISK_ADVICE else
                            Finding("file", PROBLEM, f"The journal could not be read: {error}."))
    finally:
        conn.close()
    return findings + [_backups(path, clock)]


def _encrypted(path: Path) -> bool:
    from reflect.store import cipher

    return cipher.looks_encrypted(path) and cipher.available()


def _encrypted_checks(path: Path, framework: "Framework | None") -> list[Finding]:
    """The same checks inside an encrypted journal (its passphrase asked as for any command)."""
    from reflect.errors import ReflectError
    from reflect.store import cipher

    from reflect.store.faults import medium_fault

    fault = medium_fault(path)
    try:
        # On a disk that cannot be written, read without making any file beside the journal.
        conn = cipher.connect(path, read_only=bool(fault))
    except ReflectError as error:
        return [Finding("file", PROBLEM, f"The encrypted journal could not be opened: {error}.")]
    findings = [Finding("file", OK, "The journal is encrypted.")] + ([_disk(path, fault)] if fault else [])
    try:
        findings += _database_checks(conn, framework, writable=not fault)
    except Exception as error:  # SQLCipher's errors are not sqlite3's classes
        if not cipher.is_database_error(error):
            raise
        findings.append(Finding("integrity", PROBLEM, f"The journal is damaged: {error}.",
                                "Restore the newest good backup with `reflect restore-backup FILE`."))
    finally:
        conn.close()
    return findings


_DISK_ADVICE = {
    "full": ("The disk holding the journal is full, so nothing can be saved.",
             "Free some space. Your journal is not damaged: reading, exporting and backing up elsewhere "
             "still work."),
    "read-only": ("The journal is on a read-only disk (or in a read-only folder), so nothing can be saved.",
                  "Use it from a writable disk. Your journal is not damaged: reading, exporting and backing up "
                  "elsewhere still work."),
    "permission": ("You do not have permission to change the journal (or its folder).",
                   "Check who owns it. Reading, exporting and backing up elsewhere still work."),
}


def _disk(path: Path, kind: str) -> Finding:
    message, advice = _DISK_ADVICE[kind]
    return Finding("disk", PROBLEM, message, advice, [str(path)])


def healthy(findings: list[Finding]) -> bool:
    """True when no finding is a problem."""
    return all(f.level != PROBLEM for f in findings)


def rebuild_search_index(journal) -> None:
    """Rebuild the full-text index from the entries (fixes an inconsistent search index)."""
    with journal.write():
        journal.db.execute("INSERT INTO entries_fts(entries_fts) VALUES('rebuild')")


# -- the checks ---------------------------------------------------------------------------


def _permissions(path: Path) -> Finding:
    if system.is_windows():  # no modes to check: the folder's access list decides
        return Finding("permissions", OK, "On Windows the folder's access list decides who can read the journal: "
                                          "in your profile (the default), you and the computer's administrators.")
    loose = [p for p in (path, *_sidecars(path)) if system.loose_permissions(p)]
    if loose:
        names = ", ".join(p.name for p in loose)
        return Finding("permissions", PROBLEM, f"Other people on this computer may be able to read {names}.",
                       f"Run: {system.tighten_command(loose)}", [str(p) for p in loose])
    return Finding("permissions", OK, "Only you can read the journal file.")


def _sidecars(path: Path) -> list[Path]:
    return [p for p in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")) if p.exists()]


_NOT_REFLECT = Finding("schema", PROBLEM, "This is an SQLite database but not a reflect journal "
                       "(another program's?); reflect leaves it exactly as it is.", "Check --db / $REFLECT_DB.")


def _database_checks(conn: sqlite3.Connection, framework: "Framework | None", *,
                     writable: bool = True) -> list[Finding]:
    from reflect.store.migrations import CURRENT_VERSION

    findings = []
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > CURRENT_VERSION:
        return [Finding("schema", PROBLEM, f"The journal was written by a newer reflect (schema {version}; "
                        f"this reflect knows up to {CURRENT_VERSION}).", "Upgrade reflect to use it.")]
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if (version == 0 and tables) or (version >= 1 and "entries" not in tables):
        return [_NOT_REFLECT]
    if version == 0:
        return [Finding("schema", NOTE, "The journal is empty: reflect sets it up the first time you write.")]
    if version < CURRENT_VERSION:
        findings.append(Finding("schema", NOTE, f"The journal is at schema {version}; it is upgraded to "
                                f"{CURRENT_VERSION} the next time you use it (a backup is taken first)."))
    else:
        findings.append(Finding("schema", OK, f"Schema version {version} (current)."))
    findings.append(_integrity(conn))
    findings.append(_foreign_keys(conn))
    # The search check writes (and rolls back) a probe, which a read-only disk refuses.
    findings.append(_search_index(conn) if writable else
                    Finding("search", NOTE, "The search index was not checked (the journal cannot be written here)."))
    findings.append(_drafts(conn))
    findings.append(_attachments(conn))
    if framework is not None:
        findings.append(_unknown_criteria(conn, framework))
    return findings


def _integrity(conn: sqlite3.Connection) -> Finding:
    result = [r[0] for r in conn.execute("PRAGMA integrity_check(20)")]
    if result == ["ok"]:
        return Finding("integrity", OK, "SQLite's integrity check passed.")
    return Finding("integrity", PROBLEM, f"SQLite found {len(result)} problem(s) inside the file "
                   f"(first: {result[0]}).",
                   "Restore the newest good backup (see below) with `reflect restore-backup FILE`; the "
                   "damaged journal is kept in backups/ as it is.", result)


def _foreign_keys(conn: sqlite3.Connection) -> Finding:
    rows = conn.execute("PRAGMA foreign_key_check").fetchall()
    if not rows:
        return Finding("links", OK, "Every tag, link and draft points at a record that exists.")
    tables = sorted({r[0] for r in rows})
    return Finding("links", PROBLEM, f"{len(rows)} record(s) in {', '.join(tables)} point at records "
                   "that no longer exist.", "Restore a backup, or ask for help: nothing is lost yet.",
                   [f"{r[0]} row {r[1]} -> {r[2]}" for r in rows[:50]])


def _search_index(conn: sqlite3.Connection) -> Finding:
    conn.execute("BEGIN")
    try:
        # rank = 1 also compares the index with the entries' text (external content).
        conn.execute("INSERT INTO entries_fts(entries_fts, rank) VALUES('integrity-check', 1)")
    except sqlite3.DatabaseError:
        return Finding("search", PROBLEM, "The search index does not match the entries, so searches may miss some.",
                       "Run `reflect doctor --fix` to rebuild it; your entries are not affected.")
    finally:
        conn.execute("ROLLBACK")
    return Finding("search", OK, "The search index matches the entries.")


def _drafts(conn: sqlite3.Connection) -> Finding:
    count = conn.execute("SELECT count(*) FROM drafts").fetchone()[0]
    if count:
        return Finding("drafts", NOTE, f"{count} unsaved draft(s) are waiting.",
                       "Open the app (`reflect`) to finish or discard them.")
    return Finding("drafts", OK, "No unsaved drafts.")


def _attachments(conn: sqlite3.Connection) -> Finding:
    """Every attached file's bytes still match the SHA-256 they were stored under (read one at a
    time: the doctor is the one reader of them all)."""
    import hashlib

    if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'attachment_blobs'").fetchone() is None:
        return Finding("attachments", OK, "No attached files (this journal's schema has none yet).")
    count = total = 0
    damaged: list[int] = []
    for blob_id, sha256, size, data in conn.execute("SELECT id, sha256, size, data FROM attachment_blobs"):
        count += 1
        total += size
        if len(data) != size or hashlib.sha256(data).hexdigest() != sha256:
            damaged.append(blob_id)
    if not damaged:
        return Finding("attachments", OK, f"{count} attached file(s), {total / 1_000_000:.1f} MB, each as it was stored.")
    marks = ",".join("?" * len(damaged))
    links = conn.execute(f"SELECT entry_id, name FROM attachments WHERE blob_id IN ({marks}) ORDER BY entry_id",
                         damaged).fetchall()
    named = ", ".join(f"{name} (entry {entry_id})" for entry_id, name in links[:10])
    return Finding("attachments", PROBLEM, f"{len(damaged)} attached file(s) no longer match what was stored: {named}.",
                   "Restore a backup from before the damage (`reflect backup --list`), or detach them and "
                   "attach the originals again.",
                   [{"entry": entry_id, "name": name} for entry_id, name in links])


def _unknown_criteria(conn: sqlite3.Connection, framework: "Framework") -> Finding:
    unknown: dict[str, list[int]] = {}
    for entry_id, cid in conn.execute("SELECT entry_id, criterion_id FROM entry_criteria ORDER BY entry_id"):
        if framework.criterion(cid) is None:
            unknown.setdefault(cid, []).append(entry_id)
    if not unknown:
        return Finding("criteria", OK, "Every criterion cited is in the current framework.")
    entries = sorted({i for ids in unknown.values() for i in ids})
    return Finding("criteria", NOTE, f"{len(entries)} entr{'y cites' if len(entries) == 1 else 'ies cite'} "
                   f"{len(unknown)} criteri{'on' if len(unknown) == 1 else 'a'} not in the current framework "
                   f"(entries {', '.join(map(str, entries[:20]))}{'...' if len(entries) > 20 else ''}).",
                   "They are kept and shown as unknown criteria. If you changed framework, "
                   "`reflect config framework` shows which one is in use.",
                   [{"criterion": cid, "entries": ids} for cid, ids in sorted(unknown.items())])


def _backups(path: Path, clock) -> Finding:
    """How many backups there are, and the newest one that passes SQLite's check."""
    from reflect.store.backup import list_backups

    backups = list_backups(path)
    if not backups:
        return Finding("backups", NOTE, "No backups yet.",
                       "Make one with `reflect backup` (one is also made automatically each day you write).")
    loose = [b.path.name for b in backups if system.loose_permissions(b.path)]
    if loose:
        return Finding("backups", PROBLEM, f"{len(loose)} backup(s) can be read by other people on this computer.",
                       f"Run: chmod 600 {backups[0].path.parent}/*.db", loose)
    good, bad, locked = _newest_good(backups)
    details = [str(b.path) for b in backups]
    skipped = f" ({len(bad)} newer one(s) failed the check: {', '.join(b.path.name for b in bad)})" if bad else ""
    if good is None and locked and not bad:
        return Finding("backups", NOTE, f"The {len(locked)} backup(s) in {backups[0].path.parent} are encrypted "
                       "under another passphrase (taken before it was changed), so they could not be checked.",
                       "Make a fresh one with `reflect backup`.", details)
    if good is None:
        return Finding("backups", PROBLEM, f"None of the {len(backups)} backup(s) in {backups[0].path.parent} "
                       "passes SQLite's check.",
                       "Make a fresh one with `reflect backup` now, if `reflect doctor` finds the journal healthy.",
                       details)
    now = (clock or (lambda: datetime.now(timezone.utc)))()
    age = (now - good.taken_at).days
    when = "today" if age < 1 else f"{age} day{'s' if age != 1 else ''} ago"
    level = NOTE if age > 7 or bad else OK
    return Finding("backups", level, f"{len(backups)} backup(s) in {backups[0].path.parent}; the newest good one "
                   f"is {good.path.name}, taken {when}{skipped}.",
                   "Make a fresh one with `reflect backup`." if level == NOTE else "", details)


def _newest_good(backups: list) -> tuple:
    """The newest backup that passes SQLite's check (or None), and the newer ones that failed it."""
    from reflect.errors import ReflectError
    from reflect.store.backup import open_read_only, quick_check

    bad, locked = [], []
    for b in backups:
        if b.damaged:
            bad.append(b)
            continue
        if _encrypted(b.path):
            problem = _encrypted_backup_problem(b.path)
            if problem == _LOCKED:
                locked.append(b)
                continue
        else:
            try:
                conn = open_read_only(b.path)
            except ReflectError:
                bad.append(b)
                continue
            try:
                problem = quick_check(conn)
            finally:
                conn.close()
        if problem is None:
            return b, bad, locked
        bad.append(b)
    return None, bad, locked


_LOCKED = "encrypted under a passphrase not known here"


def _encrypted_backup_problem(path: Path) -> str | None:
    """SQLite's first complaint about an encrypted backup, None if it passes, or _LOCKED."""
    from reflect.errors import ReflectError
    from reflect.store import cipher

    try:
        conn = cipher.open_known(path)
    except ReflectError as error:
        return str(error)
    if conn is None:
        return _LOCKED
    try:
        result = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
    except Exception as error:  # SQLCipher's errors are not sqlite3's classes
        if not cipher.is_database_error(error):
            raise
        return str(error)
    finally:
        conn.close()
    return None if result == "ok" else result
