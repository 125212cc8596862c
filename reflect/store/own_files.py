"""reflect writes only its own files: never over the journal, its SQLite files or a backup.

An output path (``export -o``, ``review export -o``, ``backup DEST``, the app's export) can
name the journal by mistake, directly, through a symlink or a hard link, or name the ``-wal``
file SQLite would then replay. :func:`refuse_journal_files` is asked before anything is
written, and ``--force`` does not overrule it: nothing reflect writes is worth the journal.
"""

from __future__ import annotations

import os
from pathlib import Path

from reflect.errors import ReflectError

#: Files SQLite keeps beside a journal.
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")


class JournalFileError(ReflectError):
    """An output was pointed at the journal, one of its SQLite files, or a backup of it."""


def journal_files(journal_path: Path) -> list[Path]:
    """The journal and the files SQLite keeps beside it (existing or not)."""
    journal_path = Path(journal_path)
    return [journal_path, *(journal_path.with_name(journal_path.name + s) for s in SIDE_SUFFIXES)]


def refuse_journal_files(target: Path, journal_path: Path) -> None:
    """Raise :class:`JournalFileError` if writing ``target`` would replace one of the journal's files.

    Compared by device and inode (through symlinks and hard links) with the journal, its
    SQLite files and its backups, and by resolved name with the SQLite files that do not
    exist yet (a file written there would be taken for the journal's log).
    """
    from reflect.store.backup import list_backups

    target = Path(target)
    # SQLite keeps its -wal beside the real file, not beside a symlink to it.
    guarded = journal_files(journal_path) + journal_files(Path(os.path.realpath(journal_path)))
    real_target = os.path.realpath(target)
    for path in guarded:
        if os.path.realpath(path) == real_target:
            _refuse(target, journal_path)
    try:
        identity = _identity(target)
    except OSError:
        return  # nothing there yet (or unreadable): no file of the journal's can be replaced
    for path in [*guarded, *(b.path for b in list_backups(journal_path))]:
        try:
            if _identity(path) == identity:
                _refuse(target, journal_path)
        except OSError:
            continue


def _identity(path: Path) -> tuple[int, int]:
    info = os.stat(path)
    return info.st_dev, info.st_ino


def _refuse(target: Path, journal_path: Path) -> None:
    raise JournalFileError(f"{target} is the journal {journal_path}, one of its files or one of its backups; "
                           "reflect never writes over those, even with --force. Choose another file name; "
                           "nothing was changed.")
