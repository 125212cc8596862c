"""Writing files so that nothing half-written ever replaces something good.

Exports, backups and review packs are written to a temporary file in the destination folder,
flushed to disk and then renamed over the target in one step (``os.replace`` is atomic on the
same file system). A crash leaves either the old file or the new one, never a mixture; the
temporary file is removed on failure. Files are created readable by their owner only.

A reflect that is killed (SIGKILL, power cut) cannot remove its temporary file. Each one is
named ``.<target>.reflect-<random>.part`` and locked (``flock``) while it is being written; the
next write into the same folder removes those nobody holds a lock on (:func:`sweep_abandoned`).
"""

from __future__ import annotations

import errno
import os
import re
import stat
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator

from reflect.errors import ReflectError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no locks, so nothing is swept either
    fcntl = None  # type: ignore[assignment]

#: What :func:`private_temp` names its files (mkstemp adds 8 characters of [a-z0-9_]).
TEMP_MARK = ".reflect-"
TEMP_SUFFIX = ".part"
_OURS = re.compile(r"\..*" + re.escape(TEMP_MARK) + r"[a-z0-9_]{8}" + re.escape(TEMP_SUFFIX), re.DOTALL)
#: Files SQLite may leave beside a database it was writing (backups are written with SQLite).
_SQLITE_SIDE_FILES = ("-journal", "-wal", "-shm")


class TargetExistsError(ReflectError):
    """The file to write already exists and replacing it was not asked for."""

    def __init__(self, path: Path):
        super().__init__(f"{path} already exists; use --force to replace it.")
        self.path = path


def require_regular_file(path: Path, what: str = "file") -> None:
    """Refuse, before opening it, anything that is not an ordinary file.

    Reading a named pipe waits for ever and a device may never end, so an import or a
    restore pointed at one must say so instead of hanging.
    """
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise ReflectError(f"No such file: {path}") from None
    except OSError as error:
        raise ReflectError(f"Cannot read {path}: {error.strerror or error}") from None
    if stat.S_ISDIR(mode):
        raise ReflectError(f"{path} is a folder, not {what}")
    if not stat.S_ISREG(mode):
        raise ReflectError(f"{path} is not a regular file, so not {what}")


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) if missing; every folder reflect creates is 0700.

    ``Path.mkdir(parents=True)`` makes the parents with the umask's permissions (0777 under
    ``umask 000``), so each missing level is made and tightened here, outermost first.
    """
    path = Path(path)
    if not path.exists():
        missing = []
        level = path
        while not os.path.lexists(level) and level != level.parent:
            missing.append(level)
            level = level.parent
        try:
            for folder in reversed(missing):
                try:
                    folder.mkdir(mode=0o700)
                except FileExistsError:
                    continue  # made by another reflect meanwhile: not ours to change
                os.chmod(folder, 0o700)  # mkdir's mode is filtered by the umask
        except OSError as error:
            raise ReflectError(f"Cannot create the folder {path}: {error.strerror or error}") from None
    elif not path.is_dir():
        raise ReflectError(f"{path} is a file, not a folder")
    return path


@contextmanager
def private_temp(folder: Path, name: str) -> Iterator[tuple[int, Path]]:
    """A new, empty, private (0600) temporary file in ``folder``, for writing ``name``.

    Yields ``(fd, path)``; the file stays locked until the block ends, and is removed then
    unless the block renamed it into place. Leftovers of killed reflects in ``folder`` are
    swept first.
    """
    folder = Path(folder)
    sweep_abandoned(folder)
    while True:
        try:
            fd, temp_name = tempfile.mkstemp(prefix=f".{name[:100]}{TEMP_MARK}", suffix=TEMP_SUFFIX, dir=folder)
        except OSError as error:
            raise ReflectError(f"Cannot write in {folder}: {error.strerror or error}; nothing was changed.") from None
        if _lock(fd, wait=True) and os.fstat(fd).st_nlink == 0:
            os.close(fd)  # another reflect's sweep took it before we locked it: make another
            continue
        break
    temp = Path(temp_name)
    try:
        yield fd, temp
    finally:
        try:
            temp.unlink(missing_ok=True)  # gone already when it was renamed into place
        finally:
            os.close(fd)  # only now is the lock let go


def sweep_abandoned(folder: Path) -> list[Path]:
    """Remove the temporary files in ``folder`` that reflects killed mid-write left behind.

    Only files named as :func:`private_temp` names them, owned by this user and locked by
    nobody (a reflect writing one holds its lock until it is done) are removed, with any
    SQLite side files beside them. Returns what was removed; never raises.
    """
    removed: list[Path] = []
    if fcntl is None:
        return removed
    try:
        names = [n for n in os.listdir(folder) if _OURS.fullmatch(n)]
    except OSError:
        return removed
    for name in names:
        path = Path(folder) / name
        try:
            # O_NONBLOCK: a pipe with our name must not stop everything; O_NOFOLLOW: no links.
            fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
        except OSError:
            continue
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode) or info.st_uid != os.getuid() or not _lock(fd, wait=False):
                continue
            if os.stat(path, follow_symlinks=False).st_ino != info.st_ino:
                continue  # renamed away and replaced meanwhile: not the file we locked
            for side in _SQLITE_SIDE_FILES:
                Path(f"{path}{side}").unlink(missing_ok=True)
            path.unlink()
            removed.append(path)
        except OSError:
            continue
        finally:
            os.close(fd)
    return removed


def _lock(fd: int, *, wait: bool) -> bool:
    """Take the exclusive lock on ``fd``; False if someone else holds it (or locks are unsupported)."""
    if fcntl is None:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        return True
    except OSError:
        return False


@contextmanager
def atomic_writer(target: Path, *, overwrite: bool = False, binary: bool = False) -> Iterator[IO]:
    """Open a private temporary file next to ``target``; on success, rename it into place.

    Refuses (before writing anything) to replace an existing file unless ``overwrite``; a
    symlink counts as existing even when what it points at does not (replacing it is a
    change too). Any error while writing - a full disk, a killed process - leaves ``target``
    as it was.
    """
    target = Path(target)
    if os.path.lexists(target) and not overwrite:
        raise TargetExistsError(target)
    folder = target.parent
    ensure_private_dir(folder)
    with private_temp(folder, target.name) as (fd, temp):
        # The handle gets its own descriptor: ``fd`` (and so the lock) stays open until the
        # file has been renamed into place.
        try:
            with os.fdopen(os.dup(fd), "wb" if binary else "w",
                           **({} if binary else {"encoding": "utf-8", "newline": "\n"})) as handle:
                yield handle
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp, target)
        except OSError as error:
            raise ReflectError(f"Could not write {target}: {describe_os_error(error, folder)}; "
                               "nothing was changed.") from None


def describe_os_error(error: OSError, where: Path) -> str:
    """A few plain words for an :class:`OSError` met writing in ``where``."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"the disk holding {where} is full"
    if error.errno == errno.EROFS:
        return f"{where} is on a read-only disk"
    if error.errno in (errno.EACCES, errno.EPERM):
        return f"you do not have permission to write in {where}"
    return error.strerror or str(error)


def create_private_empty(path: Path, what: str = "the file") -> bool:
    """Create ``path`` as a new, empty file only its owner can read (0600), with private folders.

    Returns False if it already exists (another process made it first). Raises
    :class:`ReflectError` saying why it cannot be made.
    """
    ensure_private_dir(Path(path).parent)
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return False
    except OSError as error:
        raise ReflectError(f"Cannot create {what} {path}: {describe_os_error(error, Path(path).parent)}") from None
    os.close(fd)
    os.chmod(path, 0o600)  # the umask may have taken more away; never added
    return True


def write_private(target: Path, text: str, *, overwrite: bool = False) -> Path:
    """Write ``text`` to ``target`` atomically, 0600."""
    with atomic_writer(target, overwrite=overwrite) as handle:
        handle.write(text)
    return target
