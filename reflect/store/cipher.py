"""Encrypted journals: the one module that knows SQLCipher.

An encrypted journal is an SQLCipher 4 file: every page, the header included, is encrypted,
so it has no "SQLite format 3" magic at all. That absence (with a size that is a whole number
of pages) is how an encrypted journal is told apart without a passphrase.

The passphrase is turned into a key once per process (PBKDF2-HMAC-SHA512, 256,000 rounds,
with the 16-byte salt SQLCipher keeps at the start of the file, as SQLCipher 4 does itself)
and connections are keyed with that raw key, so opening the journal again, a backup or the
checks after a conversion do not pay the ~0.3 s derivation again. The key is kept in memory,
and in the system keyring only if the person asks (``reflect unlock --remember``).

Needs the optional ``sqlcipher3`` package: ``pip install 'reflect[encryption]'``.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Callable

from reflect.errors import JournalError, ReflectError
from reflect.store.db import SQLITE_MAGIC

#: What to tell someone whose reflect cannot open encrypted journals.
MISSING_EXTRA = ("encrypted journals need the encryption extra: "
                 "pip install 'reflect[encryption]'")

#: SQLCipher 4's defaults (the file format says nothing about them, so they must match).
KDF_ROUNDS = 256_000
SALT_BYTES = 16
KEY_BYTES = 32

#: Where passphrases come from when a journal needs one (the CLI or the app sets it).
PassphraseSource = Callable[[Path], str]
_source: PassphraseSource | None = None
#: Keys derived in this process, by the file's salt (a key fits only its salt).
_keys: dict[bytes, bytes] = {}


def dbapi():
    """The ``sqlcipher3`` DB-API module, or a :class:`ReflectError` saying how to get it."""
    try:
        from sqlcipher3 import dbapi2
    except ImportError:
        raise ReflectError(MISSING_EXTRA) from None
    return dbapi2


def available() -> bool:
    """Whether this reflect can open encrypted journals."""
    try:
        dbapi()
    except ReflectError:
        return False
    return True


def looks_encrypted(path: Path) -> bool:
    """Whether the file at ``path`` can be an encrypted journal (not SQLite, whole pages)."""
    from reflect.store.db import known_kind

    kind = known_kind(path)
    if kind is not None:  # a journal open in this process: never opened again (see reflect.store.db.hold_kind)
        return kind != b""
    try:
        info = path.stat()
        # Only a regular file is opened: reading a named pipe would wait for ever.
        if not stat.S_ISREG(info.st_mode) or info.st_size < 1024 or info.st_size % 512:
            return False
        with open(path, "rb") as handle:
            header = handle.read(len(SQLITE_MAGIC))
    except OSError:
        return False
    return header != SQLITE_MAGIC


def set_passphrase_source(source: PassphraseSource | None) -> None:
    """Say where to get a passphrase when an encrypted journal is opened without a known key."""
    global _source
    _source = source


def forget_keys() -> None:
    """Drop every key derived in this process."""
    _keys.clear()


def derive_key(passphrase: str, salt: bytes) -> bytes:
    """The raw key SQLCipher 4 derives from ``passphrase`` for a file with ``salt``."""
    import hashlib  # here: the app's start asks this module only whether a journal is encrypted

    return hashlib.pbkdf2_hmac("sha512", passphrase.encode("utf-8"), salt, KDF_ROUNDS, KEY_BYTES)


def key_spec(key: bytes, salt: bytes) -> str:
    """The value for ``PRAGMA key`` / ``ATTACH ... KEY``: raw key plus salt, as SQLCipher spells it."""
    return f"x'{key.hex()}{salt.hex()}'"


def new_key(passphrase: str) -> tuple[bytes, bytes]:
    """A fresh random salt and the key ``passphrase`` gives with it (remembered)."""
    if not passphrase:
        raise ReflectError("the passphrase cannot be empty; nothing was changed")
    salt = os.urandom(SALT_BYTES)
    key = derive_key(passphrase, salt)
    _keys[salt] = key
    return key, salt


def connect(path: Path, *, timeout: float = 5.0, passphrase: str | None = None, read_only: bool = False):
    """An open, keyed and checked connection to the encrypted journal at ``path``.

    The key comes from ``passphrase``, else one already derived in this process, else the
    passphrase source. A wrong passphrase raises :class:`JournalError` with nothing changed.
    ``read_only``: for a journal on a full or read-only disk (see :func:`open_keyed_read_only`).
    """
    sqlcipher = dbapi()
    salt = _salt(path)
    key = _keys.get(salt) if passphrase is None else None
    opener = open_keyed_read_only if read_only else open_keyed
    if key is None and passphrase is None:
        conn = _open_remembered(sqlcipher, path, salt, timeout, opener)
        if conn is not None:
            return conn
    if key is None:
        if passphrase is None:
            if _source is None:
                raise JournalError(f"the journal {path} is encrypted: give its passphrase on a terminal, "
                                   "with --passphrase-fd N, or in the file named by REFLECT_PASSPHRASE_FILE")
            passphrase = _source(path)
        key = derive_key(passphrase, salt)
    conn = opener(sqlcipher, path, key, salt, timeout=timeout)
    _keys[salt] = key
    return conn


def _open_remembered(sqlcipher, path: Path, salt: bytes, timeout: float, opener=None):
    """A connection keyed from the system keyring (see reflect.store.keychain), or None."""
    from reflect.store import keychain

    key = keychain.recall(salt)
    if key is None:
        return None
    try:
        conn = (opener or open_keyed)(sqlcipher, path, key, salt, timeout=timeout)
    except JournalError as error:
        if "wrong passphrase" in str(error):
            keychain.disproven(salt)
        return None  # not this file's key after all: ask for the passphrase
    keychain.proven(salt, key)
    _keys[salt] = key
    return conn


def remembered(path: Path) -> bool:
    """Whether the journal at ``path`` opens without asking (key known here or in the keyring)."""
    salt = _salt(path)
    if salt in _keys:
        return True
    conn = _open_remembered(dbapi(), path, salt, 5.0)
    if conn is None:
        return False
    conn.close()
    return True


def known_key(path: Path) -> tuple[bytes, bytes] | None:
    """(key, salt) of the journal at ``path`` if this process has unlocked it."""
    salt = _salt(path)
    return (_keys[salt], salt) if salt in _keys else None


def file_salt(path: Path) -> bytes:
    """The salt at the start of the encrypted journal at ``path``."""
    return _salt(path)


def unlock(path: Path, passphrase: str) -> bool:
    """Whether ``passphrase`` opens the journal at ``path`` (remembering its key if so)."""
    try:
        connect(path, passphrase=passphrase).close()
    except JournalError:
        return False
    return True


def open_keyed(sqlcipher, path: Path, key: bytes, salt: bytes, *, timeout: float = 5.0, check: bool = True):
    """Connect to ``path`` with a raw key and check it reads; :class:`JournalError` if not.

    ``check=False`` skips the read that proves the key (for a key already proven on this file).
    """
    conn = sqlcipher.connect(str(path), timeout=timeout, factory=_keyed_connection(sqlcipher))
    conn.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is our message, not SQLCipher's log
    # PRAGMA key must come before anything reads the file.
    conn.execute(f'PRAGMA key = "{key_spec(key, salt)}"')
    conn.key_spec = key_spec(key, salt)
    # Sorting and temporary tables stay in memory: decrypted pages never reach a temporary file.
    conn.execute("PRAGMA temp_store = MEMORY")
    if not check:
        return conn
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.DatabaseError:
        conn.close()
        raise JournalError(f"wrong passphrase for the journal {path} (or it is not a reflect journal); "
                           "nothing was changed") from None
    return conn


def open_keyed_read_only(sqlcipher, path: Path, key: bytes, salt: bytes, *, timeout: float = 5.0):
    """A keyed connection that reads a journal on a full or read-only disk, making nothing beside it.

    The key is proven first on the file alone (read as ``immutable``: no lock, no file made),
    so a wrong passphrase is named as one; then the journal is opened the ways
    :func:`reflect.store.faults.read_only_connection` tries, each keyed before its first read.
    """
    from reflect.store.faults import read_only_connection

    spec = key_spec(key, salt)
    uri = Path(path).resolve().as_uri()
    probe = _keyed_uri(sqlcipher, f"{uri}?mode=ro&immutable=1", True, spec, timeout)
    try:
        probe.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.DatabaseError as error:
        if "not a database" in str(error):
            raise JournalError(f"wrong passphrase for the journal {path} (or it is not a reflect journal); "
                               "nothing was changed") from None
    finally:
        probe.close()
    return read_only_connection(Path(path), timeout=timeout, dbapi=sqlcipher,
                                opener=lambda target, as_uri, wait: _keyed_uri(sqlcipher, target, as_uri, spec, wait))


def open_known(path: Path):
    """A reading connection to the encrypted file at ``path`` (a backup) if its key is known
    in this process or kept in the keyring, else None. Never asks; makes nothing beside it."""
    from reflect.store import keychain

    sqlcipher = dbapi()
    salt = _salt(path)
    key = _keys.get(salt) or keychain.recall(salt)
    if key is None:
        return None
    uri = Path(path).resolve().as_uri()
    return _keyed_uri(sqlcipher, f"{uri}?mode=ro&immutable=1", True, key_spec(key, salt), 5.0)


def _keyed_uri(sqlcipher, target: str, as_uri: bool, spec: str, timeout: float):
    conn = sqlcipher.connect(target, timeout=timeout, uri=as_uri, factory=_keyed_connection(sqlcipher))
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f'PRAGMA key = "{spec}"')
    conn.key_spec = spec
    conn.execute("PRAGMA temp_store = MEMORY")
    return conn


def open_plain(sqlcipher, uri: str):
    """An SQLCipher connection to a plain SQLite file named by ``uri`` (``key_spec`` None)."""
    conn = sqlcipher.connect(uri, uri=True, factory=_keyed_connection(sqlcipher))
    conn.execute("PRAGMA temp_store = MEMORY")
    return conn


def write_sealed(path: Path, spec: str, text: str) -> None:
    """Make ``path`` (new, empty, private) a small SQLCipher file holding ``text``, keyed with ``spec``.

    For writing kept beside an encrypted journal (the app's draft while the journal is busy):
    encrypted with the journal's own key, so it is as unreadable as the journal.
    """
    sqlcipher = dbapi()
    conn = sqlcipher.connect(str(path), isolation_level=None)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f'PRAGMA key = "{spec}"')
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA journal_mode = MEMORY")  # a new file, renamed into place: no log beside it
        conn.execute("BEGIN")  # the table and its text land together
        conn.execute("CREATE TABLE kept (text TEXT NOT NULL)")
        conn.execute("INSERT INTO kept VALUES (?)", (text,))
        conn.execute("COMMIT")
    finally:
        conn.close()
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def read_sealed(path: Path, spec: str) -> str:
    """The text :func:`write_sealed` kept in ``path``; :class:`JournalError` if it cannot be read."""
    sqlcipher = dbapi()
    conn = _keyed_uri(sqlcipher, f"{Path(path).resolve().as_uri()}?mode=ro&immutable=1", True, spec, 5.0)
    try:
        row = conn.execute("SELECT text FROM kept").fetchone()
    except sqlcipher.DatabaseError as error:
        raise JournalError(f"cannot read the kept writing in {path} ({error}); it stays where it is") from None
    finally:
        conn.close()
    return row[0] if row else ""


def is_encrypted_connection(conn) -> bool:
    """Whether ``conn`` is a keyed SQLCipher connection made here."""
    return getattr(conn, "key_spec", None) is not None


def is_database_error(error: BaseException) -> bool:
    """Whether ``error`` is SQLCipher's (its errors are not :mod:`sqlite3`'s classes)."""
    return type(error).__module__.startswith("sqlcipher3")


def backup_target(conn, target: Path):
    """A connection to the new file ``target``, keyed like the encrypted ``conn`` (same key and salt).

    ``conn.backup(copy)`` then copies the journal page by page into a file that opens with the
    same passphrase and is as unreadable without it.
    """
    sqlcipher = dbapi()
    copy = sqlcipher.connect(str(target), factory=_keyed_connection(sqlcipher))
    copy.execute("PRAGMA cipher_log_level = NONE")
    copy.execute(f'PRAGMA key = "{conn.key_spec}"')
    copy.key_spec = conn.key_spec
    return copy


def _salt(path: Path) -> bytes:
    from reflect.store.db import known_kind

    known = known_kind(path)
    if known:  # opened here before: read without opening the file again
        return known
    try:
        with open(path, "rb") as handle:
            salt = handle.read(SALT_BYTES)
    except OSError as error:
        raise JournalError(f"Cannot read the journal {path}: {error.strerror or error}") from None
    if len(salt) < SALT_BYTES:
        raise JournalError(f"{path} is not a reflect journal; nothing was changed")
    return salt


_factories: dict[object, type] = {}


def _keyed_connection(sqlcipher) -> type:
    """A connection class that remembers its key spec (for backups of the same journal)."""
    if sqlcipher not in _factories:
        class KeyedConnection(sqlcipher.Connection):
            key_spec: str | None = None

        _factories[sqlcipher] = KeyedConnection
    return _factories[sqlcipher]
