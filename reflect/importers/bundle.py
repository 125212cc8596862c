"""Reading a bundle (`reflect export --bundle`): the zip is unpacked into a private temporary
folder, checked as it goes, and its Markdown imported from there with the files beside it.

Nothing in a zip is trusted: a member's name may not leave the folder (absolute, ``..``, a
drive, a backslash), there must be one Markdown file at its top, no file may be bigger than
an export or an attachment can be, and the whole is bounded, so a hostile zip cannot fill the
disk. The folder is removed afterwards, whatever happened.
"""

from __future__ import annotations

import shutil
import zipfile
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import Iterator

from reflect import system
from reflect.attachments.store import MAX_SIZE
from reflect.errors import InputError

#: Most members and bytes a bundle may unpack to.
MAX_MEMBERS = 20_000
MAX_TOTAL = 4_000_000_000
#: Largest Markdown or HTML file in a bundle.
MAX_TEXT = 1_000_000_000


def is_bundle(path: Path) -> bool:
    """Whether ``path`` is a zip (by its first bytes, not its name). Only an ordinary file is
    opened to look: opening a named pipe would wait for ever."""
    try:
        if not Path(path).is_file():
            return False
        with open(path, "rb") as handle:
            return handle.read(4) in (b"PK\x03\x04", b"PK\x05\x06")
    except OSError:
        return False


@contextmanager
def unpacked(path: Path) -> Iterator[Path]:
    """Unpack the bundle at ``path`` privately; yields the path of its Markdown file."""
    name = str(path)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        raise InputError(f"{name} is not a bundle reflect can read ({error}); nothing was imported.") from None
    with archive, system.temporary_folder("reflect-bundle-") as folder:
        members = archive.infolist()
        _check(members, name)
        markdown = [m for m in members if "/" not in m.filename and m.filename.lower().endswith(".md")]
        if len(markdown) != 1:
            raise InputError(f"{name} should hold one Markdown file at its top (a reflect bundle), not "
                             f"{len(markdown)}; nothing was imported.")
        for member in members:
            if member.is_dir():
                continue
            target = folder.joinpath(*PurePosixPath(member.filename).parts)
            system.make_private_dir(target.parent)
            with archive.open(member) as source, open(target, "xb") as out:
                shutil.copyfileobj(_Bounded(source, member.file_size, name), out)
        yield folder / markdown[0].filename


def _check(members: list[zipfile.ZipInfo], name: str) -> None:
    if len(members) > MAX_MEMBERS or sum(m.file_size for m in members) > MAX_TOTAL:
        raise InputError(f"{name} is far bigger than a reflect bundle can be; nothing was imported.")
    seen: set[str] = set()
    for member in members:
        filename = member.filename
        parts = PurePosixPath(filename).parts
        if (not parts or filename.startswith("/") or "\\" in filename or ":" in parts[0]
                or any(p in ("..", ".") for p in parts) or "\x00" in filename):
            raise InputError(f"{name} holds a file whose name leads outside it ({filename!r}); nothing was imported.")
        limit = MAX_TEXT if filename.lower().endswith((".md", ".html")) and len(parts) == 1 else MAX_SIZE
        if member.file_size > limit:
            raise InputError(f"{name}: {filename} is too big for a reflect bundle; nothing was imported.")
        if filename.casefold() in seen:
            raise InputError(f"{name} holds {filename} twice; nothing was imported.")
        seen.add(filename.casefold())


class _Bounded:
    """A member's stream that refuses to give more bytes than the zip's directory promised
    (a zip can lie about sizes to fill a disk)."""

    def __init__(self, source, limit: int, name: str):
        self.source, self.left, self.name = source, limit, name

    def read(self, size: int = -1) -> bytes:
        data = self.source.read(65536 if size is None or size < 0 else min(size, 65536))
        self.left -= len(data)
        if self.left < 0:
            raise InputError(f"{self.name} is damaged (a file in it is bigger than it says); nothing was imported.")
        return data
