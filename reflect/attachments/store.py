"""Attachments of journal items: files kept inside the journal, read only when asked for.

The bytes of each distinct file are stored once (``attachment_blobs``, keyed by SHA-256); an
item's attachment is a link to them with its own safe name, size, sniffed type and the time
it was added (``attachments``). Listing reads the links only, never the bytes, so a journal
full of photos lists and searches as fast as one without.

Detaching moves a link to the trash (``detached_at``): the app's undo and `reflect detach
--undo` put it back, and emptying the trash removes it for good. A trashed item keeps its
attachments (restoring it brings them back); purging it removes its links, and the schema's
trigger removes any blob no link uses any more.
"""

from __future__ import annotations

import builtins
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from reflect.attachments.names import human_size, numbered, safe_name
from reflect.attachments.sniff import MediaType, media_type, sniff
from reflect.errors import InputError, NotFoundError, ReflectError
from reflect.jsonable import Record
from reflect.store.db import inserted_id

if TYPE_CHECKING:
    from reflect.store.db import JournalDB

#: The largest file that may be attached (bytes): a phone photo or a scanned certificate fits
#: many times over, and a journal stays a size a backup can copy in moments.
MAX_SIZE = 25_000_000

_COLUMNS = ("a.id, a.entry_id, a.name, a.size, a.media_type, b.sha256, a.added_at, a.detached_at")


@dataclass(frozen=True)
class Attachment(Record):
    """A file attached to a journal item (its bytes are read apart: :meth:`AttachmentStore.read`)."""

    id: int
    entry_id: int
    name: str
    size: int
    media_type: str
    sha256: str
    added_at: str
    detached_at: str | None = None

    @property
    def kind(self) -> MediaType:
        """What the file is (sniffed from its bytes when it was added)."""
        return media_type(self.media_type)

    @property
    def size_text(self) -> str:
        """The size for people: ``2.3 MB``."""
        return human_size(self.size)

    def json_shape(self) -> dict:
        return {"id": self.id, "entry_id": self.entry_id, "name": self.name, "size": self.size,
                "type": self.media_type, "type_label": self.kind.label, "sha256": self.sha256,
                "added_at": self.added_at, "detached_at": self.detached_at}


@dataclass(frozen=True)
class NewFile:
    """A file read and checked, ready to attach: its safe name and its bytes."""

    name: str
    data: bytes
    source: str = ""
    #: When it was first attached (an import keeps the original time); None: now.
    added_at: str | None = None


@dataclass(frozen=True)
class AttachResult:
    """What attaching did: the new attachments, and the files the item already had (the same
    bytes, under the name shown), which were not attached twice."""

    added: list[Attachment]
    already: list[tuple[str, Attachment]]


def read_file(path: Path | str) -> NewFile:
    """Read a file to attach, refusing (in one sentence) what cannot be: missing, a folder or a
    device, unreadable, or over :data:`MAX_SIZE`. Never reads more than the limit allows."""
    from reflect.files import require_regular_file

    path = Path(path)
    shown = _shown_path(path)
    try:
        require_regular_file(path, "a file to attach")
    except ReflectError as error:
        raise InputError(str(error).replace(str(path), shown)) from None
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_SIZE + 1)
            if len(data) > MAX_SIZE:
                size = os.fstat(handle.fileno()).st_size
                raise InputError(too_big(shown, size))
    except OSError as error:
        raise InputError(f"Cannot read {shown}: {error.strerror or error}") from None
    return NewFile(path.name, data, shown)


def too_big(name: str, size: int) -> str:
    """The one line that says a file is over the limit."""
    size_text, limit_text = human_size(size), human_size(MAX_SIZE)
    if size_text == limit_text:  # just over: "25 MB; up to 25 MB" would make no sense
        size_text, limit_text = f"{size:,} bytes", f"{MAX_SIZE:,} bytes"
    return (f"{name} is {size_text}; a file attached to the journal can be up to {limit_text} "
            "(make a smaller copy, e.g. a photo at a lower resolution).")


def _shown_path(path: Path) -> str:
    from reflect.sanitize import one_line

    return one_line(os.fsdecode(path).encode("utf-8", "backslashreplace").decode("utf-8"))


class AttachmentStore:
    """The attachments of one journal's items. Reach it as ``journal.attachments``."""

    def __init__(self, journal: "JournalDB"):
        self.journal = journal
        self.conn = journal.conn

    # -- adding -----------------------------------------------------------------------------

    def attach(self, entry_id: int, paths: Iterable[Path | str]) -> AttachResult:
        """Attach the files at ``paths`` to item ``entry_id``: all of them or, if any cannot
        be read or is too big, none."""
        files = [read_file(p) for p in paths]  # every check before anything is written
        return self.add(entry_id, files)

    def add(self, entry_id: int, files: Iterable[NewFile], *, added_at: str | None = None) -> AttachResult:
        """Attach files already read, in one transaction. A file the item already has (the
        same bytes) is not attached again; a name already used on the item gets a number
        (``photo (2).jpg``)."""
        files = list(files)
        for f in files:
            if len(f.data) > MAX_SIZE:
                raise InputError(too_big(f.source or safe_name(f.name), len(f.data)))
        import hashlib  # only when files are attached: the journal's list counts them without it

        added: builtins.list[int] = []
        already: builtins.list[tuple[str, Attachment]] = []
        with self.journal.write():
            self._live_item(entry_id)
            current = self.list(entry_id)
            taken = {a.name for a in current}
            by_digest = {a.sha256: a for a in current}
            for f in files:
                digest = hashlib.sha256(f.data).hexdigest()
                if digest in by_digest:
                    already.append((f.source or f.name, by_digest[digest]))
                    continue
                kind = sniff(f.data)
                name = numbered(safe_name(f.name, kind.extension), taken)
                taken.add(name)
                new_id = self._link(entry_id, name, f.data, digest, kind, f.added_at or added_at or self.journal.now())
                added.append(new_id)
                by_digest[digest] = self.get_by_id(new_id)
        return AttachResult([self.get_by_id(i) for i in added], already)

    def _link(self, entry_id: int, name: str, data: bytes, digest: str, kind: MediaType, added_at: str) -> int:
        row = self.conn.execute("SELECT id FROM attachment_blobs WHERE sha256 = ?", [digest]).fetchone()
        if row is None:  # a file already in the journal is linked again, not stored twice
            blob_id = inserted_id(self.conn.execute(
                "INSERT INTO attachment_blobs (sha256, size, data) VALUES (?, ?, ?)", [digest, len(data), data]))
        else:
            blob_id = row[0]
        return inserted_id(self.conn.execute(
            "INSERT INTO attachments (entry_id, blob_id, name, size, media_type, added_at) VALUES (?, ?, ?, ?, ?, ?)",
            [entry_id, blob_id, name, len(data), kind.mime, added_at]))

    def _live_item(self, entry_id: int) -> None:
        row = self.conn.execute("SELECT deleted_at FROM entries WHERE id = ?", [entry_id]).fetchone()
        if row is None:
            raise NotFoundError(f"No entry {entry_id}. (`reflect list` shows entry numbers.)")
        if row[0] is not None:
            raise NotFoundError(f"Entry {entry_id} is in the trash. (`reflect restore {entry_id}` brings it back.)")

    # -- reading ----------------------------------------------------------------------------

    def list(self, entry_id: int, *, detached: bool = False) -> builtins.list[Attachment]:
        """The item's attachments (the detached ones with ``detached``), oldest first; no bytes."""
        where = "a.detached_at IS NOT NULL" if detached else "a.detached_at IS NULL"
        return self._select(f"a.entry_id = ? AND {where} ORDER BY a.added_at, a.id", [entry_id])

    def get(self, entry_id: int, name: str) -> Attachment:
        """The item's attachment called ``name`` (exactly, else ignoring case)."""
        found = self.list(entry_id)
        for match in (lambda a: a.name == name, lambda a: a.name.casefold() == name.casefold()):
            hits = [a for a in found if match(a)]
            if len(hits) == 1:
                return hits[0]
        self._live_item(entry_id)
        from reflect.sanitize import one_line

        names = ", ".join(a.name for a in found[:8]) or "none"
        raise NotFoundError(f'Entry {entry_id} has no attachment "{one_line(name)}" (it has: {one_line(names)}).')

    def get_by_id(self, attachment_id: int) -> Attachment:
        """An attachment by its number, detached or not."""
        rows = self._select("a.id = ?", [attachment_id])
        if not rows:
            raise NotFoundError(f"No attachment {attachment_id}.")
        return rows[0]

    def counts(self, entry_ids: Iterable[int]) -> dict[int, int]:
        """How many live attachments each of ``entry_ids`` has (those with none are left out)."""
        ids = list(entry_ids)
        found: dict[int, int] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            marks = ",".join("?" * len(chunk))
            found.update(self.conn.execute(
                f"SELECT entry_id, count(*) FROM attachments WHERE detached_at IS NULL AND entry_id IN ({marks})"
                " GROUP BY entry_id", chunk).fetchall())
        return found

    def known_digests(self, entry_id: int) -> set[str]:
        """The SHA-256 of every file item ``entry_id`` has, attached or detached (in the trash),
        so an import can tell which files of an exported copy it lacks without reading any."""
        return {row[0] for row in self.conn.execute(
            "SELECT b.sha256 FROM attachments a JOIN attachment_blobs b ON b.id = a.blob_id WHERE a.entry_id = ?",
            [entry_id])}

    def read(self, attachment: Attachment) -> bytes:
        """The attachment's bytes (the only call that reads them)."""
        row = self.conn.execute(
            "SELECT b.data FROM attachments a JOIN attachment_blobs b ON b.id = a.blob_id WHERE a.id = ?",
            [attachment.id]).fetchone()
        if row is None:
            raise NotFoundError(f'The attachment "{attachment.name}" is no longer in the journal.')
        return bytes(row[0])

    def _select(self, where: str, params: builtins.list) -> builtins.list[Attachment]:
        rows = self.conn.execute(
            f"SELECT {_COLUMNS} FROM attachments a JOIN attachment_blobs b ON b.id = a.blob_id WHERE {where}",
            params).fetchall()
        return [Attachment(*row) for row in rows]

    # -- detaching ----------------------------------------------------------------------------

    def detach(self, entry_id: int, name: str) -> Attachment:
        """Move the item's attachment ``name`` to the trash; :meth:`undo_detach` puts it back."""
        with self.journal.write():
            attachment = self.get(entry_id, name)
            now = self.journal.now()
            self.conn.execute("UPDATE attachments SET detached_at = ? WHERE id = ?", [now, attachment.id])
        return self.get_by_id(attachment.id)

    def undo_detach(self, attachment_id: int) -> Attachment:
        """Put a detached attachment back on its item (refused if a file of that name is there now)."""
        with self.journal.write():
            attachment = self.get_by_id(attachment_id)
            if attachment.detached_at is None:
                return attachment
            if any(a.name.casefold() == attachment.name.casefold() for a in self.list(attachment.entry_id)):
                raise InputError(f'Entry {attachment.entry_id} has another "{attachment.name}" now; detach it '
                                 "first to bring this one back.")
            self.conn.execute("UPDATE attachments SET detached_at = NULL WHERE id = ?", [attachment_id])
        return self.get_by_id(attachment_id)

    def last_detached(self, entry_id: int, name: str) -> Attachment:
        """The most recently detached attachment of the item called ``name``."""
        hits = [a for a in self.list(entry_id, detached=True) if a.name.casefold() == name.casefold()]
        if not hits:
            from reflect.sanitize import one_line

            raise NotFoundError(f'Entry {entry_id} has no detached attachment "{one_line(name)}" in the trash.')
        return max(hits, key=lambda a: (a.detached_at or "", a.id))

    def detached_count(self) -> int:
        """How many detached attachments wait in the trash."""
        return self.conn.execute("SELECT count(*) FROM attachments WHERE detached_at IS NOT NULL").fetchone()[0]

    def empty_trash(self) -> int:
        """Remove detached attachments for good (and any bytes no attachment uses); how many went."""
        with self.journal.write():
            return self.conn.execute("DELETE FROM attachments WHERE detached_at IS NOT NULL").rowcount

    def stored_bytes(self) -> tuple[int, int]:
        """``(files, bytes)`` of distinct files kept in the journal."""
        row = self.conn.execute("SELECT count(*), coalesce(sum(size), 0) FROM attachment_blobs").fetchone()
        return int(row[0]), int(row[1])
