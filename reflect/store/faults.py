"""Naming what went wrong with the journal's disk, truthfully.

SQLite reports a full disk, a read-only medium, a missing permission and a damaged file in
words that overlap ("disk I/O error", "unable to open database file"), and a full disk met
half-way through a statement can even surface as a later, unrelated error. Each fault here
gets its own sentence, decided by asking the file system when SQLite's words are ambiguous:
a full disk is not a damaged journal, and restoring a backup would not help it.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

BUSY, FULL, READ_ONLY, PERMISSION, DAMAGED, OTHER = "busy", "full", "read-only", "permission", "damaged", "other"


def medium_fault(path: Path) -> str | None:
    """FULL, READ_ONLY or PERMISSION if the file system says so for ``path`` (or its folder), else None."""
    path = Path(path)
    folder = path.parent if not path.is_dir() else path
    disk = _disk_state(folder)
    if disk:
        return disk
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        return PERMISSION
    return None


def _disk_state(folder: Path) -> str | None:
    """READ_ONLY or FULL if the file system holding ``folder`` says so (the platform-specific part)."""
    statvfs = getattr(os, "statvfs", None)
    try:
        if statvfs is None:  # pragma: no cover - Windows: no read-only flag to ask for
            import shutil

            return FULL if shutil.disk_usage(folder).free == 0 else None
        info = statvfs(folder)
    except OSError:
        return None
    if info.f_flag & os.ST_RDONLY:
        return READ_ONLY
    # Some file systems (btrfs, many FUSE ones) report no block or inode counts at all: only a
    # count that exists and has run out means full.
    if (info.f_blocks and info.f_bavail == 0) or (info.f_files and info.f_favail == 0):
        return FULL
    return None


def classify(error: sqlite3.Error, path: Path) -> str:
    """Which fault an SQLite error on the journal at ``path`` is."""
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return BUSY
    if "disk is full" in text:
        return FULL
    if "readonly" in text or "read-only" in text:
        return medium_fault(path) or READ_ONLY
    if "not a database" in text or "malformed" in text:
        # A full or read-only disk can make SQLite give up on a file it is half-way through
        # changing; that is not damage, and restoring a backup would not help.
        return medium_fault(path) or DAMAGED
    medium = medium_fault(path)
    if medium:
        return medium
    if "unable to open" in text:
        return PERMISSION if path.exists() and not os.access(path, os.R_OK) else OTHER
    return OTHER


def os_fault(error: OSError) -> str:
    """Which fault an :class:`OSError` is."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return FULL
    if error.errno == errno.EROFS:
        return READ_ONLY
    if error.errno in (errno.EACCES, errno.EPERM):
        return PERMISSION
    return OTHER


def describe_os_error(error: OSError, where: Path) -> str:
    """A few plain words for an :class:`OSError` met writing in ``where``."""
    kind = os_fault(error)
    if kind == FULL:
        return f"the disk holding {where} is full"
    if kind == READ_ONLY:
        return f"{where} is on a read-only disk"
    if kind == PERMISSION:
        return f"you do not have permission to write in {where}"
    return error.strerror or str(error)


def explain_write_error(error: sqlite3.Error, where: Path) -> str:
    """A few plain words for an SQLite error met writing a copy in the folder ``where``."""
    kind = classify(error, where / "x")
    if kind == FULL:
        return f"the disk holding {where} is full"
    if kind == READ_ONLY:
        return f"{where} is on a read-only disk"
    if kind == PERMISSION:
        return f"you do not have permission to write in {where}"
    return str(error)


def journal_message(error: sqlite3.Error, path: Path) -> str:
    """The one line that explains an SQLite error on the journal at ``path``."""
    kind = classify(error, path)
    if kind == BUSY:
        return f"The journal {path} is busy: another reflect is writing to it. Try again in a moment."
    if kind == FULL:
        return (f"The disk holding {path} is full, so nothing was saved. Free some space and try again; "
                "the journal can still be read, exported and backed up elsewhere.")
    if kind == READ_ONLY:
        return (f"The journal {path} is on a read-only disk (or in a read-only folder), so nothing was "
                "changed; it can still be read, exported and backed up elsewhere.")
    if kind == PERMISSION:
        return (f"You do not have permission to change the journal {path} (or its folder), so nothing "
                "was changed; check who owns it.")
    if kind == DAMAGED:
        return f"The journal {path} is damaged ({error}). Run `reflect doctor` or restore a backup."
    return f"The journal {path} could not be used: {error}"
