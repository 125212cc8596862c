"""Plain copies of attachments on disk: saved where someone asks, or opened in the system's viewer.

A copy is written atomically and private (0600), never over an existing file unless asked,
and never over the journal or its backups. Copies made to be opened go in a private (0700)
folder of their own in the system's temporary place; the app removes its folder when it
closes, and every new folder sweeps away this user's folders older than
:data:`STALE_SECONDS` (a command cannot wait for a viewer to finish reading).
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path
from typing import TYPE_CHECKING

from reflect import system
from reflect.attachments.names import safe_name

if TYPE_CHECKING:
    from reflect.attachments.store import Attachment, AttachmentStore

#: What the folders for opened copies are called (a random part follows).
VIEW_PREFIX = "reflect-open-"
#: Folders of opened copies older than this (seconds) are removed by the next one made.
STALE_SECONDS = 12 * 3600


def save_copy(store: "AttachmentStore", attachment: "Attachment", target: Path, *, overwrite: bool = False,
              journal_path: Path | None = None, folder: bool = False) -> Path:
    """Write the attachment's bytes to ``target``: a file, or a folder to put its name in (an
    existing one, or any with ``folder``: ``copies/`` as typed)."""
    from reflect.files import atomic_writer
    from reflect.store.own_files import refuse_journal_files

    target = Path(target)
    if folder or target.is_dir():
        target = target / attachment.name
    if journal_path is not None:
        refuse_journal_files(target, journal_path)  # not even with --force
    data = store.read(attachment)
    with atomic_writer(target, overwrite=overwrite, binary=True) as handle:
        handle.write(data)
    return target


def viewing_name(attachment: "Attachment") -> str:
    """The name a copy to open gets: the attachment's, with its real type's extension added when
    the name says otherwise (viewers choose by extension: a PDF called ``x.jpg`` opens as a PDF)."""
    extension = attachment.kind.extension
    name = safe_name(attachment.name, extension)
    if extension and not name.lower().endswith(extension) and not (
            extension == ".jpg" and name.lower().endswith(".jpeg")) and not (
            extension == ".tif" and name.lower().endswith(".tiff")):
        name += extension
    return name


def new_view_folder() -> Path:
    """A new private folder for copies to open; old ones of this user are swept first."""
    sweep_view_folders()
    return system.private_temp_dir(VIEW_PREFIX)


def copy_to_view(store: "AttachmentStore", attachment: "Attachment", folder: Path) -> Path:
    """Write a copy of the attachment into ``folder`` (from :func:`new_view_folder`) to be opened."""
    # A folder per attachment: two reflections may each have a "card.jpg".
    target = folder / str(attachment.id) / viewing_name(attachment)
    if target.exists():  # opened before from this folder: an attachment's bytes never change
        return target
    return save_copy(store, attachment, target)


def open_in_viewer(path: Path) -> None:
    """Open ``path`` with the system's viewer; a :class:`ReflectError` if none can start."""
    from reflect.errors import ReflectError

    try:
        system.open_with_viewer(path)
    except OSError as error:
        raise ReflectError(f"Could not open {path.name} with the system's viewer "
                           f"({error.strerror or error}); the copy is at {path}.") from None


def remove_view_folder(folder: Path) -> None:
    """Remove a folder of opened copies and all in it; never raises."""
    shutil.rmtree(folder, ignore_errors=True)


def sweep_view_folders(now: float | None = None) -> list[Path]:
    """Remove this user's folders of opened copies older than :data:`STALE_SECONDS`."""
    now = time.time() if now is None else now
    removed = []
    for folder in system.temp_root().glob(VIEW_PREFIX + "*"):
        try:
            info = folder.lstat()
        except OSError:
            continue
        if folder.is_symlink() or not folder.is_dir() or not system.owned_by_me(info):
            continue
        if now - info.st_mtime > STALE_SECONDS:
            remove_view_folder(folder)
            removed.append(folder)
    return removed
