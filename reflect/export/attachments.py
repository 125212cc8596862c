"""The attached files of an export: which go, where they go, and how they are linked.

An export (or a review pack) written to ``NAME.md`` puts its entries' attachments in a folder
beside it, ``NAME_files/``, one sub-folder per entry (``2026-11-20-1a2b3c4d/``), and links
them from the entry with relative links, so the Markdown, the HTML and the files can be
moved or zipped together. Each entry's hidden marker lists its files (name, path, SHA-256,
size, type, when added): `reflect import` brings them back byte for byte.

A private entry's attachments are never exported, not even when its text is
(``--include-private``): a photo or a document can say more than its owner remembers.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Iterable
from urllib.parse import quote

from reflect.attachments.names import human_size, safe_name
from reflect.attachments.sniff import media_type
from reflect.entries.models import EntryFilter
from reflect.entries.query import build_where
from reflect.export.format import inline

if TYPE_CHECKING:
    from reflect.journal import Journal

#: What the folder beside ``NAME.md`` is called.
FOLDER_SUFFIX = "_files"


@dataclass(frozen=True)
class ExportedFile:
    """One attachment as an export writes it: ``path`` is relative to the Markdown's folder."""

    attachment_id: int
    name: str
    path: str
    size: int
    media_type: str
    sha256: str
    added_at: str

    @property
    def link(self) -> str:
        """``path`` as a link target (spaces and brackets encoded; slashes kept)."""
        return quote(self.path, safe="/")

    def marker_data(self) -> dict:
        """What the entry marker says about it."""
        return {"name": self.name, "file": self.path, "sha256": self.sha256, "size": self.size,
                "type": self.media_type, "added_at": self.added_at}

    def describe(self) -> str:
        """``2.3 MB, JPEG image``."""
        return f"{human_size(self.size)}, {media_type(self.media_type).label}"


def folder_for(markdown: Path | str) -> str:
    """The name of the files folder beside ``markdown``: ``2026-11-24-reflections_files``."""
    return PurePosixPath(Path(markdown).name).stem + FOLDER_SUFFIX


def export_files(journal: "Journal", filters: EntryFilter, folder: str) -> dict[str, list[ExportedFile]]:
    """The attachments of the live, non-private entries ``filters`` select, by entry uid, each
    with its path under ``folder``. Only the links are read (not the bytes)."""
    where, params = build_where(filters)
    rows = journal.conn.execute(
        "SELECT e.uid, e.day, a.id, a.name, a.size, a.media_type, b.sha256, a.added_at"
        " FROM attachments a JOIN entries e ON e.id = a.entry_id JOIN attachment_blobs b ON b.id = a.blob_id"
        f" WHERE a.detached_at IS NULL AND e.private = 0 AND {' AND '.join(where)}"
        " ORDER BY e.day, e.id, a.added_at, a.id", params).fetchall()
    found: dict[str, list[ExportedFile]] = {}
    places: dict[str, str] = {}  # uid -> its folder's name, each used once
    for uid, day, attachment_id, name, size, mime, sha256, added_at in rows:
        place = places.get(uid)
        if place is None:
            place = _place(day, uid, set(places.values()))
            places[uid] = place
        found.setdefault(uid, []).append(ExportedFile(attachment_id, name, f"{folder}/{place}/{name}", size, mime,
                                                      sha256, added_at))
    return found


def private_files(journal: "Journal", filters: EntryFilter) -> int:
    """How many files are attached to the private entries ``filters`` select: they stay home
    even when the entries' text goes (told to the person exporting, never written in the file)."""
    where, params = build_where(filters)
    return journal.conn.execute(
        "SELECT count(*) FROM attachments a JOIN entries e ON e.id = a.entry_id"
        f" WHERE a.detached_at IS NULL AND e.private = 1 AND {' AND '.join(where)}", params).fetchone()[0]


def _place(day: str, uid: str, taken: set[str]) -> str:
    """An entry's folder: its day and a short fingerprint of its id (ids from other programs
    can share a prefix), numbered in the rare case two entries of a day still meet."""
    import hashlib

    base = safe_name(f"{day}-{hashlib.sha256(uid.encode('utf-8', 'surrogatepass')).hexdigest()[:8]}")
    place, n = base, 2
    while place in taken:
        place, n = f"{base}-{n}", n + 1
    return place


#: At most this many bytes of pictures go inside one HTML page (a pack with a few photos shows
#: them all; a whole journal of them would make a page no browser opens comfortably): the rest
#: are linked to the folder beside it, like other files.
INLINE_BUDGET = 30_000_000


def inline_pictures(by_entry: dict[str, list[ExportedFile]], budget: int | None = None) -> frozenset[int]:
    """The attachment ids of the pictures an HTML page shows inside itself, oldest first, while
    they fit in ``budget`` bytes (default :data:`INLINE_BUDGET`)."""
    budget = INLINE_BUDGET if budget is None else budget
    chosen = []
    for f in all_files(by_entry):
        if media_type(f.media_type).is_image and f.size <= budget:
            chosen.append(f.attachment_id)
            budget -= f.size
    return frozenset(chosen)


def markdown_lines(files: Iterable[ExportedFile], *, pictures: bool = True) -> list[str]:
    """The "Attachments" lines of an entry's details: each file linked, pictures shown (with
    ``pictures``; an HTML page shows its own)."""
    lines = []
    for f in files:
        link = f"[{inline(f.name)}]({f.link})"
        if pictures and media_type(f.media_type).is_image:
            link = f"![{inline(f.name)}]({f.link}) {link}"
        lines.append(f"  - {link} ({f.describe()})")
    return ["- **Attachments:**", *lines] if lines else []


def write_files(journal: "Journal", files: Iterable[ExportedFile], base: Path, *, overwrite: bool = False,
                folder: str | None = None) -> int:
    """Write each file (atomically, 0600, in 0700 folders) under ``base``; return how many are
    there. One already there with the same bytes (the review pack's Markdown and HTML share
    the folder) is left as it is; one with other bytes is replaced only with ``overwrite``.

    With ``overwrite`` and ``folder`` (the export's files folder under ``base``), files left
    there by an earlier export of the same name and not in this one are removed: a file since
    detached, or made private, must not travel with the new export by mistake.
    """
    from reflect.files import atomic_writer

    store = journal.attachments
    files = list(files)
    written = 0
    for f in files:
        if _same_file(base / f.path, f.sha256):
            written += 1
            continue
        attachment = store.get_by_id(f.attachment_id)
        with atomic_writer(base / f.path, overwrite=overwrite, binary=True) as handle:
            handle.write(store.read(attachment))
        written += 1
    if overwrite and folder:
        prune(base / folder, {base / f.path for f in files})
    return written


def prune(folder: Path, keep: set[Path]) -> list[Path]:
    """Remove what is in ``folder`` but not in ``keep`` (links are removed, never followed),
    then any folder left empty; return what was removed."""
    import os

    removed: list[Path] = []
    if folder.is_symlink() or not folder.is_dir():
        return removed
    for root, dirs, names in os.walk(folder, topdown=False):
        here = Path(root)
        for name in names:
            path = here / name
            if path not in keep:
                path.unlink(missing_ok=True)
                removed.append(path)
        for name in dirs:
            sub = here / name
            if sub.is_symlink():
                sub.unlink()
                removed.append(sub)
            elif not any(sub.iterdir()):
                sub.rmdir()
    return removed


def all_files(by_entry: dict[str, list[ExportedFile]]) -> list[ExportedFile]:
    """Every file of an export, in order."""
    return [f for files in by_entry.values() for f in files]


def _same_file(path: Path, sha256: str) -> bool:
    import hashlib

    try:
        if path.is_symlink() or not path.is_file():
            return False
        with open(path, "rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest() == sha256
    except OSError:
        return False
