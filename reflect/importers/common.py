"""Adding entries read from another file (a reflect export, a jrnl journal) to a journal.

All of one file lands in one transaction: a problem anywhere in it (a damaged line, a bad
date) leaves the journal exactly as it was. Entries whose stable id (``uid``) the journal
already has, in the trash or not, are skipped, so importing the same file twice adds
nothing the second time, except the attached files an entry already there lacks (same bytes,
by SHA-256, are never attached twice). The new entries are indexed for search together at the end
(:mod:`reflect.entries.search_index`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Callable, Iterable

from reflect.errors import InputError
from reflect.entries.search_index import indexing_at_the_end

if TYPE_CHECKING:
    from reflect.entries.models import Witness
    from reflect.journal import Journal


@dataclass(frozen=True)
class NewEntry:
    """An entry read from a file, ready to add. ``line`` says where it was, for messages."""

    uid: str
    day: date
    title: str
    body: str = ""
    skills: tuple[str, ...] = ()
    criteria: tuple[str, ...] = ()
    model: str = "none"
    private: bool = False
    confidence: int | None = None
    minutes: int | None = None
    created_at: str | None = None
    line: int = 0
    kind: str = "reflection"
    witness: "Witness | None" = None
    observer: str = ""
    participants: str = ""
    #: Attached files read with it (from an export's files folder).
    attachments: tuple = ()


@dataclass
class ImportResult:
    """What an import did (or, in a dry run, would do)."""

    added: int = 0
    skipped: int = 0
    #: Attached files brought in with the added entries.
    attachments: int = 0
    #: Attached files added to entries the journal already had (that lacked them), and to
    #: how many such entries.
    files_for_existing: int = 0
    existing_given_files: int = 0


def _add_missing_files(journal: "Journal", entry: NewEntry, result: ImportResult) -> None:
    existing = journal.entries.get_by_uid(entry.uid)
    if existing is None or existing.in_trash:
        return
    added = len(journal.attachments.add(existing.id, entry.attachments).added)
    if added:
        result.files_for_existing += added
        result.existing_given_files += 1


class _DryRun(Exception):
    """Raised inside the transaction to roll a dry run back."""


def add_entries(journal: "Journal", entries: Iterable[NewEntry], *, source: str = "the file",
                dry_run: bool = False, progress: Callable[[int], None] | None = None) -> ImportResult:
    """Add ``entries`` not already in the journal, all or nothing.

    ``entries`` may be a generator that reads the file as it goes: an error it raises
    half-way rolls back everything added before it. With ``dry_run`` everything is checked
    and counted, then rolled back. ``progress(entries read)`` is called every 1000 entries.
    """
    result = ImportResult()
    store = journal.entries
    try:
        with journal.write(), indexing_at_the_end(journal.conn):
            for count, entry in enumerate(entries, start=1):
                if progress and count % 1000 == 0:
                    progress(count)
                if store.has_uid(entry.uid):
                    result.skipped += 1
                    if entry.attachments:  # only the files it lacks were read (see import_markdown)
                        _add_missing_files(journal, entry, result)
                    continue
                try:
                    new_id = store.insert(day=entry.day, title=entry.title, body=entry.body, model=entry.model,
                                 skills=entry.skills, criteria=entry.criteria, private=entry.private,
                                 confidence=entry.confidence, minutes=entry.minutes, uid=entry.uid,
                                 created_at=entry.created_at, kind=entry.kind, witness=entry.witness,
                                 observer=entry.observer, participants=entry.participants)
                    if entry.attachments:
                        result.attachments += len(journal.attachments.add(new_id, entry.attachments).added)
                except InputError as error:
                    raise InputError(f"{source}, line {entry.line}: {error} Nothing was imported.") from None
                result.added += 1
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return result
