"""`reflect import` of reflect's own Markdown export: the entries the journal lacks, all or
nothing, with their attached files from the folder beside the export.

The file is read by :class:`reflect.importers.export_reader.ExportReader` (opened through
:func:`reflect.importers.export_file.open_export`); each entry is checked and turned into one
to add by :func:`reflect.importers.entry_fields.new_entry`. An entry whose text was changed
after export and cannot be given back exactly is skipped and named, unless asked to take it
as it now reads.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable

from reflect.importers.common import ImportResult, NewEntry, add_entries
from reflect.importers.entry_fields import new_entry
from reflect.importers.export_file import open_export
from reflect.importers.export_reader import ExportedEntry, ExportReader

if TYPE_CHECKING:
    from reflect.journal import Journal


def import_markdown(journal: "Journal", path: Path, *, dry_run: bool = False, accept_edited: bool = False,
                    progress: Callable[[int], None] | None = None,
                    attachments: bool = True, shown_as: str | None = None) -> tuple[ImportResult, ExportReader]:
    """Add the entries of the export at ``path`` that the journal lacks, all or nothing, with
    their attached files from the folder beside it (unless ``attachments=False``).

    An entry whose text was changed in the file and cannot be given back exactly is skipped
    and listed in ``reader.left_out`` (line, date and title), unless ``accept_edited``: then
    it is imported as it now reads. ``shown_as`` names the file in messages (a bundle's name
    for the Markdown unpacked from it).
    """
    name = shown_as or str(path)
    with open_export(path, shown_as=shown_as) as stream:
        reader = ExportReader(stream, name)

        def wanted(item: ExportedEntry) -> bool:
            if item.edited and not accept_edited:
                reader.left_out.append((item.line, str(item.data.get("date", "?")), str(item.data.get("title", ""))))
                return False
            return True

        base = Path(path).parent if attachments else None

        def entry_of(item: ExportedEntry) -> NewEntry:
            if base is None or not item.data.get("attachments"):
                return new_entry(item, name)
            uid = item.data.get("uid")
            existing = journal.entries.get_by_uid(uid) if isinstance(uid, str) else None
            if existing is None:
                return new_entry(item, name, base)
            if existing.in_trash:  # files cannot be attached to an item in the trash
                return new_entry(item, name)
            # An entry already there gets only the files it lacks (same bytes are never read
            # or attached twice; a file detached on purpose is not brought back).
            return new_entry(item, name, base, have=journal.attachments.known_digests(existing.id))

        entries = (entry_of(item) for item in reader if wanted(item))
        return add_entries(journal, entries, source=name, dry_run=dry_run, progress=progress), reader
