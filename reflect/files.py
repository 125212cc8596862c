"""Writing files so that nothing half-written ever replaces something good.

Exports, backups and review packs are written to a temporary file in the destination folder,
flushed to disk and then renamed over the target in one step (``os.replace`` is atomic on the
same file system). A crash leaves either the old file or the new one, never a mixture; the
temporary file is removed on failure. Files are created readable by their owner only.

A reflect that is killed (SIGKILL, power cut) cannot remove its temporary file. Each one is
named ``.<target>.reflect-<random>.part`` and locked (:func:`reflect.system.lock`) while it is
being written; the next write into the same folder removes those nobody holds a lock on
(:func:`sweep_abandoned`). Windows cannot rename or remove a file that is open, so there the
temporary file is closed just before :func:`move_into_place` renames it, and a sweep leaves
alone files younger than :data:`SWEEP_MIN_AGE` seconds.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import time
from contextlib import contextmanager
from pathlib import Path
from typing import IO, BinaryIO, ContextManager, Iterator, Literal, TextIO, overload

from reflect import system
from reflect.errors import ReflectError

#: What :func:`private_temp` names its files (mkstemp adds 8 characters of [a-z0-9_]).
TEMP_MARK = ".reflect-"
TEMP_SUFFIX = ".part"
_OURS = re.compile(r"\..*" + re.escape(TEMP_MARK) + r"[a-z0-9_]{8}" + re.escape(TEMP_SUFFIX), re.DOTALL)
#: Files SQLite may leave beside a database it was writing (backups are written with SQLite).
_SQLITE_SIDE_FILES = ("-journal", "-wal", "-shm")
#: On Windows, how old (seconds) a temporary file must be before a sweep may take it: there it
#: is closed, so unlocked, for the moment between its last write and its rename into place.
SWEEP_MIN_AGE = 60
#: The descriptor of each temporary file :func:`private_temp` holds open, by path.
_HELD: dict[Path, int] = {}


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
    with reading(path, what):
        mode = os.stat(path).st_mode
    if stat.S_ISDIR(mode):
        raise ReflectError(f"{path} is a folder, not {what}")
    if not stat.S_ISREG(mode):
        raise ReflectError(f"{path} is not a regular file, so not {what}")


@contextmanager
def reading(name: str | Path, what: str, not_text: str | None = None) -> Iterator[None]:
    """Say in one plain line why the person's file ``name`` could not be read: not there, a
    folder (not ``what``), refused by the system; with ``not_text``, not UTF-8 text (the
    sentence goes on with ``not_text``). Every importer reads a person's file inside this."""
    try:
        yield
    except FileNotFoundError:
        raise ReflectError(f"No such file: {name}") from None
    except IsADirectoryError:
        raise ReflectError(f"{name} is a folder, not {what}") from None
    except UnicodeDecodeError:
        if not_text is None:
            raise
        raise ReflectError(f"{name} is not UTF-8 text{not_text}") from None
    except OSError as error:
        raise ReflectError(f"Cannot read {name}: {error.strerror or error}") from None


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) if missing; every folder reflect creates is 0700.

    ``Path.mkdir(parents=True)`` makes the parents with the umask's permissions (0777 under
    ``umask 000``), so each missing level is made and tightened here, outermost first.
    """
    path = Path(path)
    if not path.exists():
        try:
            system.make_private_dir(path)
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
            fd, temp_name = system.private_temp_file(folder, f".{name[:100]}{TEMP_MARK}", TEMP_SUFFIX)
        except OSError as error:
            raise ReflectError(f"Cannot write in {folder}: {error.strerror or error}; nothing was changed.") from None
        if system.lock(fd, wait=True) and os.fstat(fd).st_nlink == 0:
            os.close(fd)  # another reflect's sweep took it before we locked it: make another
            continue
        break
    temp = Path(temp_name)
    _HELD[temp] = fd
    try:
        yield fd, temp
    finally:
        if not system.replace_while_open():
            _release(temp)  # Windows removes no file that is open
        try:
            temp.unlink(missing_ok=True)  # gone already when it was renamed into place
        finally:
            _release(temp)  # only now is the lock let go


def move_into_place(temp: Path, target: Path) -> None:
    """Rename the temporary file ``temp`` (from :func:`private_temp`) over ``target`` in one step.

    On Linux and macOS the file stays open and locked until its block ends; Windows renames
    no open file, so there it is closed first. Raises OSError as ``os.replace`` does.
    """
    if not system.replace_while_open():
        _release(temp)
    os.replace(temp, target)


def _release(temp: Path) -> None:
    fd = _HELD.pop(temp, None)
    if fd is not None:
        os.close(fd)


def sweep_abandoned(folder: Path) -> list[Path]:
    """Remove the temporary files in ``folder`` that reflects killed mid-write left behind.

    Only files named as :func:`private_temp` names them, owned by this user and locked by
    nobody (a reflect writing one holds its lock until it is done) are removed, with any
    SQLite side files beside them. Returns what was removed; never raises.
    """
    removed: list[Path] = []
    try:
        names = [n for n in os.listdir(folder) if _OURS.fullmatch(n)]
    except OSError:
        return removed
    for name in names:
        path = Path(folder) / name
        try:
            fd = system.open_to_inspect(path)  # never waits on a pipe, never follows a link
        except OSError:
            continue
        open_fd: int | None = fd
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode) or not system.owned_by_me(info) or not system.lock(fd, wait=False):
                continue
            if os.stat(path, follow_symlinks=False).st_ino != info.st_ino:
                continue  # renamed away and replaced meanwhile: not the file we locked
            if not system.replace_while_open():
                if time.time() - info.st_mtime < SWEEP_MIN_AGE:
                    continue  # maybe closed a moment ago to be renamed into place
                # Windows removes no file that is open: let ours go. A writer that still has
                # the file open makes the removal fail, which leaves it alone.
                os.close(fd)
                open_fd = None
            for side in _SQLITE_SIDE_FILES:
                Path(f"{path}{side}").unlink(missing_ok=True)
            path.unlink()
            removed.append(path)
        except OSError:
            continue
        finally:
            if open_fd is not None:
                os.close(open_fd)
    return removed


@overload
def atomic_writer(target: Path, *, overwrite: bool = ..., binary: Literal[False] = ...) -> ContextManager[TextIO]: ...


@overload
def atomic_writer(target: Path, *, overwrite: bool = ..., binary: Literal[True]) -> ContextManager[BinaryIO]: ...


@contextmanager  # type: ignore[misc]  # the overloads above say which kind of file it gives
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
            handle: IO = (os.fdopen(os.dup(fd), "wb") if binary
                          else os.fdopen(os.dup(fd), "w", encoding="utf-8", newline="\n"))
            with handle:
                yield handle
                handle.flush()
                os.fsync(handle.fileno())
            move_into_place(temp, target)
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
        fd = system.create_private_file(path)  # 0600 whatever the umask (Linux, macOS)
    except FileExistsError:
        return False
    except OSError as error:
        raise ReflectError(f"Cannot create {what} {path}: {describe_os_error(error, Path(path).parent)}") from None
    os.close(fd)
    return True


def write_private(target: Path, text: str, *, overwrite: bool = False) -> Path:
    """Write ``text`` to ``target`` atomically, 0600."""
    with atomic_writer(target, overwrite=overwrite) as handle:
        handle.write(text)
    return target
