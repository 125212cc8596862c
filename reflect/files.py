"""Writing files so that nothing half-written ever replaces something good.

Exports, backups and review packs are written to a temporary file in the destination folder,
flushed to disk and then renamed over the target in one step (``os.replace`` is atomic on the
same file system). A crash leaves either the old file or the new one, never a mixture; the
temporary file is removed on failure. Files are created readable by their owner only.
"""

from __future__ import annotations

import os
import stat
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator

from reflect.errors import ReflectError


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
    """Create ``path`` (and parents) if missing; a folder reflect creates is 0700."""
    if not path.exists():
        try:
            path.mkdir(parents=True, mode=0o700)
            os.chmod(path, 0o700)  # mkdir's mode is filtered by the umask
        except OSError as error:
            raise ReflectError(f"Cannot create the folder {path}: {error.strerror or error}") from None
    elif not path.is_dir():
        raise ReflectError(f"{path} is a file, not a folder")
    return path


@contextmanager
def atomic_writer(target: Path, *, overwrite: bool = False, binary: bool = False) -> Iterator[IO]:
    """Open a private temporary file next to ``target``; on success, rename it into place.

    Refuses (before writing anything) to replace an existing file unless ``overwrite``.
    Any error while writing - a full disk, a killed process - leaves ``target`` as it was.
    """
    target = Path(target)
    if target.exists() and not overwrite:
        raise TargetExistsError(target)
    folder = target.parent
    ensure_private_dir(folder)
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as error:
        raise ReflectError(f"Cannot write in {folder}: {error.strerror or error}") from None
    temp = Path(temp_name)  # mkstemp creates it 0600
    try:
        with os.fdopen(fd, "wb" if binary else "w", **({} if binary else {"encoding": "utf-8", "newline": "\n"})) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise ReflectError(f"Could not write {target}: {error.strerror or error}; nothing was changed.") from None
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def write_private(target: Path, text: str, *, overwrite: bool = False) -> Path:
    """Write ``text`` to ``target`` atomically, 0600."""
    with atomic_writer(target, overwrite=overwrite) as handle:
        handle.write(text)
    return target
