"""Where the command line gets a passphrase: a terminal, a file descriptor or a file; never an argument.

An argument would sit in the shell's history and in every other user's ``ps``. Scripts pass
``--passphrase-fd N`` (a pipe or a file opened on N) or name a private file in
``$REFLECT_PASSPHRASE_FILE``; people type it at the prompt. Only the first line counts.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from reflect.errors import InputError

#: The file that holds the passphrase for scripts (first line).
FILE_VARIABLE = "REFLECT_PASSPHRASE_FILE"
#: The file that holds the new passphrase for `reflect passphrase` in scripts.
NEW_FILE_VARIABLE = "REFLECT_NEW_PASSPHRASE_FILE"
#: The file that holds an encrypted backup's own passphrase for `reflect restore-backup` in scripts.
BACKUP_FILE_VARIABLE = "REFLECT_BACKUP_PASSPHRASE_FILE"


def script_source_given(args) -> bool:
    """Whether a passphrase comes from a descriptor or a file rather than a person."""
    return getattr(args, "passphrase_fd", None) is not None or bool(os.environ.get(FILE_VARIABLE))


def _backup_source_given(args) -> bool:
    return getattr(args, "backup_passphrase_fd", None) is not None or bool(os.environ.get(BACKUP_FILE_VARIABLE))


def read_passphrase(args, path: Path, *, new: bool = False, confirm: bool = False, backup: bool = False) -> str:
    """The passphrase for the journal at ``path`` (``new``: the one to change it to; ``backup``:
    the passphrase of the backup at ``path``).

    Raises :class:`InputError` (exit 2) when there is no terminal to ask and no other source.
    """
    kind = "new_" if new else "backup_" if backup else ""
    fd = getattr(args, f"{kind}passphrase_fd", None)
    variable = NEW_FILE_VARIABLE if new else BACKUP_FILE_VARIABLE if backup else FILE_VARIABLE
    if fd is not None:
        return _first_line(_read_fd(fd), f"file descriptor {fd}")
    if os.environ.get(variable):
        return _read_file(Path(os.environ[variable]), variable)
    if not sys.stdin.isatty():
        option = f"--{kind.replace('_', '-')}passphrase-fd N"
        what = "the backup" if backup else "the journal"
        raise InputError(f"{what} {path} needs a{' new' if new else ''} passphrase and there is no terminal "
                         f"to ask for it: use {option} or ${variable} (nothing was changed)")
    import getpass

    what = ("New passphrase for" if new else "Passphrase the backup was made under," if backup
            else "Passphrase for")
    try:
        typed = getpass.getpass(f"{what} {path}: ")
        if confirm and getpass.getpass("The same again, to be sure: ") != typed:
            raise InputError("the two passphrases differ; nothing was changed")
    except EOFError:
        raise InputError("no passphrase given; nothing was changed") from None
    return typed


def _read_fd(fd: int) -> bytes:
    chunks: list[bytes] = []
    try:
        while b"\n" not in b"".join(chunks[-1:]):
            chunk = os.read(fd, 4096)
            if not chunk:
                break
            chunks.append(chunk)
    except OSError as error:
        raise InputError(f"cannot read a passphrase from file descriptor {fd}: "
                         f"{error.strerror or error}") from None
    return b"".join(chunks)


def _read_file(path: Path, variable: str) -> str:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read the passphrase file ${variable} ({path}): "
                         f"{error.strerror or error}") from None
    return _first_line(data, str(path))


def _first_line(data: bytes, where: str) -> str:
    try:
        line = data.decode("utf-8").split("\n", 1)[0].rstrip("\r")
    except UnicodeDecodeError:
        raise InputError(f"the passphrase in {where} is not UTF-8 text") from None
    if not line:
        raise InputError(f"no passphrase in {where}; nothing was changed")
    return line


def install(args, *, backup: Path | None = None) -> None:
    """Let an encrypted journal opened by this command ask for its passphrase (once).

    With ``backup``, the encrypted backup at that path asks for its own (it was perhaps made
    under an older passphrase); the journal's is tried on it first, so a backup that shares
    the journal's passphrase never asks twice.
    """
    from reflect.store import cipher

    given: dict[str, str] = {}

    def source(path: Path) -> str:
        if backup is not None and path == backup:
            if "passphrase" not in given and script_source_given(args) and not _backup_source_given(args):
                # A script restoring into a new journal gives one passphrase: the backup's.
                given["passphrase"] = read_passphrase(args, path)
            tried = given.get("passphrase")
            if tried is not None and cipher.unlock(path, tried):
                return tried
            if "backup" not in given:
                given["backup"] = read_passphrase(args, path, backup=True)
            return given["backup"]
        if "passphrase" not in given:  # a descriptor can be read only once
            given["passphrase"] = read_passphrase(args, path)
        return given["passphrase"]

    cipher.set_passphrase_source(source)
