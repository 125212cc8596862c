"""Turning encryption on, off, or to a new passphrase, without ever leaving half a journal.

Each change writes a complete converted copy into a private temporary file beside the
journal (``sqlcipher_export``), checks it holds exactly as many rows in every table as the
journal, flushes it to disk, and only then renames it over the journal. A kill at any moment
leaves either the old journal or the new one, whole; a leftover temporary file is swept by
the next conversion.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any
from pathlib import Path

from reflect import system
from reflect.errors import JournalError, ReflectError
from reflect.files import private_temp, sweep_abandoned
from reflect.store import cipher
from reflect.store.db import SQLITE_MAGIC


@dataclass(frozen=True)
class Conversion:
    """What a conversion did: the journal, and how many rows the copy was checked to hold."""

    path: Path
    rows: int


def encrypt(path: Path, passphrase: str) -> Conversion:
    """Encrypt the plain journal at ``path`` with ``passphrase``."""
    if cipher.looks_encrypted(path):
        raise ReflectError(f"the journal {path} is already encrypted; `reflect passphrase` changes "
                           "its passphrase")
    key, salt = cipher.new_key(passphrase)
    return _convert(path, source_encrypted=False, target_spec=cipher.key_spec(key, salt))


def decrypt(path: Path) -> Conversion:
    """Turn the encrypted journal at ``path`` back into a plain SQLite file."""
    _require_encrypted(path)
    return _convert(path, source_encrypted=True, target_spec=None)


def change_passphrase(path: Path, new_passphrase: str) -> Conversion:
    """Re-encrypt the journal at ``path`` under ``new_passphrase`` (and a fresh salt)."""
    _require_encrypted(path)
    key, salt = cipher.new_key(new_passphrase)
    return _convert(path, source_encrypted=True, target_spec=cipher.key_spec(key, salt))


def plain_backups(journal_path: Path) -> list[Path]:
    """Backups beside the journal that anyone can read (plain SQLite files)."""
    from reflect.store.backup import list_backups

    found = []
    for info in list_backups(journal_path):
        try:
            with open(info.path, "rb") as handle:
                if handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC:
                    found.append(info.path)
        except OSError:
            continue
    return found


def _require_encrypted(path: Path) -> None:
    if not cipher.looks_encrypted(path):
        raise ReflectError(f"the journal {path} is not encrypted; nothing was changed")


def _convert(path: Path, *, source_encrypted: bool, target_spec: str | None) -> Conversion:
    """Write ``path`` anew keyed with ``target_spec`` (None: plain), check it, swap it in."""
    sqlcipher = cipher.dbapi()
    if not path.is_file():
        raise JournalError(f"No journal at {path}")
    sweep_abandoned(path.parent)  # a killed decryption's leftover copy must not linger
    if source_encrypted:
        conn = cipher.connect(path)
    else:
        conn = sqlcipher.connect(str(path), timeout=5.0)
    try:
        with private_temp(path.parent, path.name) as (fd, temp):
            rows, version = _export(sqlcipher, conn, temp, target_spec, path)
            os.fsync(fd)
            with open(temp, "rb") as handle:
                os.fsync(handle.fileno())
            _release(sqlcipher, conn, path, version)
            conn = None
            _crash_point("before-replace")
            os.replace(temp, path)
            system.sync_folder(path.parent)
    except OSError as error:
        raise ReflectError(f"Could not convert the journal {path}: {error.strerror or error}; "
                           "nothing was changed") from None
    finally:
        if conn is not None:
            conn.close()
    _remove_stale_side_files(path)
    return Conversion(path, rows)


def _export(sqlcipher, conn, temp: Path, target_spec: str | None, path: Path) -> tuple[int, int]:
    """Write the converted copy into ``temp`` and check it; (rows copied, the journal's data version)."""
    try:
        key = f'"{target_spec}"' if target_spec else "''"  # an empty key attaches a plain file
        conn.execute(f"ATTACH DATABASE ? AS converted KEY {key}", (str(temp),))
        # Hold the write lock while copying, so no other reflect adds a row that the copy misses.
        conn.execute("BEGIN IMMEDIATE")
        version = conn.execute("PRAGMA main.data_version").fetchone()[0]
        conn.execute("SELECT sqlcipher_export('converted')")
        user_version = conn.execute("PRAGMA main.user_version").fetchone()[0]
        conn.execute(f"PRAGMA converted.user_version = {int(user_version)}")
        _crash_point("exported")
        counts = _counts(conn, "main")
        conn.execute("COMMIT")
        conn.execute("DETACH DATABASE converted")
    except sqlcipher.OperationalError as error:
        if "locked" in str(error) or "busy" in str(error):
            raise JournalError(f"the journal {path} is in use by another reflect; close it and try again "
                               "(nothing was changed)") from None
        raise JournalError(f"Could not convert the journal {path}: {error}; nothing was changed") from None
    _check_copy(sqlcipher, temp, target_spec, counts, path)
    return sum(counts.values()), version


def _counts(conn, schema: str) -> dict[str, int]:
    """Rows in every table of ``schema`` (full-text tables included: they are read through)."""
    names = [name for (name,) in conn.execute(
        f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    counts = {}
    for name in names:
        quoted = '"' + name.replace('"', '""') + '"'
        counts[name] = conn.execute(f"SELECT count(*) FROM {schema}.{quoted}").fetchone()[0]
    return counts


def _check_copy(sqlcipher, temp: Path, target_spec: str | None, expected: dict[str, int], path: Path) -> None:
    """Open the copy afresh, as the next reflect will, and check it holds every row."""
    copy = sqlcipher.connect(str(temp))
    try:
        copy.execute("PRAGMA cipher_log_level = NONE")
        if target_spec:
            copy.execute(f'PRAGMA key = "{target_spec}"')
        ok = copy.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        found: dict[str, Any] = _counts(copy, "main")
    except sqlcipher.DatabaseError as error:
        ok, found = False, {"error": str(error)}
    finally:
        copy.close()
    if not ok or found != expected:
        lost = sorted(name for name in expected if found.get(name) != expected[name])
        raise JournalError(f"the converted copy of {path} did not check out ({', '.join(lost) or 'damaged'}); "
                           "nothing was changed")


def _release(sqlcipher, conn, path: Path, version: int) -> None:
    """Fold the journal's write-ahead log into it and close it, refusing if another reflect wrote or holds it."""
    try:
        changed = conn.execute("PRAGMA main.data_version").fetchone()[0] != version
        busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    except sqlcipher.OperationalError:
        changed, busy = False, 1
    conn.close()
    wal = Path(f"{path}-wal")
    if changed or busy or (wal.exists() and wal.stat().st_size > 0):
        raise JournalError(f"the journal {path} is open in another reflect; close it and try again "
                           "(nothing was changed)")


def _remove_stale_side_files(path: Path) -> None:
    # The old file's shared-memory index means nothing to the new one.
    for suffix in ("-wal", "-shm"):
        side = Path(f"{path}{suffix}")
        try:
            if side.exists() and (suffix == "-shm" or side.stat().st_size == 0):
                side.unlink()
        except OSError:
            pass


def _crash_point(name: str) -> None:
    """Die here, as a power cut would, when a test asks (``$REFLECT_TEST_CRASH_AT``)."""
    if os.environ.get("REFLECT_TEST_CRASH_AT") == name:
        os._exit(137)
