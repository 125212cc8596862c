"""Reflections in the journal: add, edit, trash and restore, list and search.

The store checks what it can check alone (dates, ranges, the reflective model) but not
meta-skill or criterion ids: those belong to the framework, which the command line and the
app use to resolve what people type. Keeping the store framework-blind means an entry that
cites a criterion the current framework no longer has is kept, never dropped.
"""

from __future__ import annotations

import builtins
import sqlite3
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Iterable, Iterator

from reflect.entries.query import (
    DETAIL_COLUMNS,
    STREAM_COLUMNS,
    STREAM_FROM,
    build_where,
    details_from,
    dict_rows,
    fetch_summaries,
    streamed_entry,
)
from reflect.entries.search import (
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    TYPED_PREFIX_MIN,
    search_rows,
)
from reflect.errors import InputError, NotFoundError, ReflectError
from reflect.entries.kinds import KINDS, REFLECTION, WITNESS, kind_label
from reflect.entries.models import MODELS, Entry, EntryFilter, EntryPage, EntrySummary, Witness
from reflect.sanitize import clean_body, clean_line
from reflect.entries.search_query import to_fts_query
from reflect.words import entry_words
from reflect.store.db import inserted_id

if TYPE_CHECKING:
    from reflect.store.db import JournalDB

__all__ = ["ConflictError", "EntryStore", "HIGHLIGHT_END", "HIGHLIGHT_START", "PAGE_SIZE"]
PAGE_SIZE = 100
_FIELDS = ("day", "title", "body", "model", "private", "confidence", "minutes", "kind")
#: The kind-specific details (kept in ``entry_details``; see :mod:`reflect.entries.kinds`).
_DETAILS = ("witness", "observer", "participants")


class ConflictError(ReflectError):
    """The entry changed elsewhere (another window) since it was loaded for editing."""

    def __init__(self, current: Entry):
        super().__init__(
            # update() raises this and keeps nothing; save_edit() catches it and keeps both.
            f'"{current.title}" was changed elsewhere while you edited it, so your change was not '
            "saved over it."
        )
        self.current = current


class EntryStore:
    """Reflections of one journal. Reach it as ``journal.entries``."""

    def __init__(self, journal: "JournalDB"):
        self.journal = journal
        # Plain sqlite3, not journal.db: see Journal for why the reading path avoids sqlite-utils.
        self.conn = journal.conn

    # -- writing --------------------------------------------------------------------------

    def add(self, **fields) -> Entry:
        """Write a new entry with its tags in one transaction and return it (the fields are
        :meth:`insert`'s)."""
        return self.get(self.insert(**fields))

    def insert(
        self,
        *,
        day: date,
        title: str,
        body: str = "",
        model: str = "none",
        skills: Iterable[str] = (),
        criteria: Iterable[str] = (),
        private: bool = False,
        confidence: int | None = None,
        minutes: int | None = None,
        uid: str | None = None,
        created_at: str | None = None,
        kind: str = REFLECTION,
        witness: Witness | None = None,
        observer: str = "",
        participants: str = "",
    ) -> int:
        """Write a new entry with its tags in one transaction; return its id (an import of
        many entries need not read each back: :meth:`add` does).

        ``kind`` is the kind of evidence; ``witness``, ``observer`` and ``participants`` its
        details (a witness testimony must name its witness)."""
        import uuid  # here, not at the top: reading commands never need it

        values = _checked(day=day, title=title, body=body, model=model, private=private,
                          confidence=confidence, minutes=minutes, kind=kind)
        details = _checked_details(kind, witness, observer, participants)
        now = self.journal.now()
        with self.journal.write():
            cursor = self.conn.execute(
                "INSERT INTO entries (uid, day, title, body, model, private, confidence, minutes,"
                " words, created_at, updated_at, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [uid or uuid.uuid4().hex, values["day"], values["title"], values["body"],
                 values["model"], values["private"], values["confidence"], values["minutes"],
                 values["words"], created_at or now, now, values["kind"]],
            )
            entry_id = inserted_id(cursor)
            self._set_tags(entry_id, skills, criteria)
            self._set_details(entry_id, details)
        return entry_id

    def update(self, entry_id: int, *, expected_revision: int | None = None, **changes) -> Entry:
        """Change some fields (and, with ``skills=``/``criteria=``, replace the tags).

        With ``expected_revision``, refuse with :class:`ConflictError` if the entry was saved
        elsewhere since that revision, so nobody's words are silently overwritten.
        """
        skills = changes.pop("skills", None)
        criteria = changes.pop("criteria", None)
        new_details = {name: changes.pop(name) for name in _DETAILS if name in changes}
        unknown = set(changes) - set(_FIELDS)
        if unknown:
            raise TypeError(f"cannot update {', '.join(sorted(unknown))}")
        with self.journal.write():
            current = self.get(entry_id, include_trashed=True)
            if expected_revision is not None and current.revision != expected_revision:
                raise ConflictError(current)
            merged = {f: getattr(current, f) for f in _FIELDS} | changes
            # A long title that came in another way (an import) may stay while other fields change.
            values = _checked(**merged, title_limit="title" in changes and clean_line(changes["title"] or "")
                              != current.title)
            details = {name: getattr(current, name) for name in _DETAILS} | new_details
            # Details the new kind does not use are kept (changing it back brings them back);
            # only what is required of the kind is checked.
            checked = _checked_details(values["kind"], **details)
            self.conn.execute(
                "UPDATE entries SET day = ?, title = ?, body = ?, model = ?, private = ?,"
                " confidence = ?, minutes = ?, words = ?, updated_at = ?, revision = revision + 1,"
                " kind = ? WHERE id = ?",
                [values["day"], values["title"], values["body"], values["model"], values["private"],
                 values["confidence"], values["minutes"], values["words"], self.journal.now(),
                 values["kind"], entry_id],
            )
            if new_details:
                self._set_details(entry_id, checked)
            # New text with the same number of words looks uncounted to the schema's trigger,
            # which marks the count as stale; it was counted just now.
            self.conn.execute("DELETE FROM entry_words_stale WHERE entry_id = ?", [entry_id])
            if skills is not None or criteria is not None:
                self._set_tags(entry_id, skills, criteria, replace_existing=True)
        return self.get(entry_id, include_trashed=True)

    def save_edit(self, entry_id: int, base_revision: int, **changes) -> tuple[Entry, Entry | None]:
        """Save an edit made from ``base_revision``, keeping both versions on a conflict.

        Returns ``(saved, other)``. Normally ``other`` is None. If the entry was saved elsewhere
        meanwhile (another window, the command line), that version stays as it is, this edit is
        saved as a new entry titled "... (conflicting copy)", and ``other`` is the untouched
        original, so the caller can tell the person. Nobody's words are overwritten.
        """
        with self.journal.write():
            try:
                return self.update(entry_id, expected_revision=base_revision, **changes), None
            except ConflictError as conflict:
                current = conflict.current
                fields = {f: getattr(current, f) for f in _FIELDS + _DETAILS}
                fields |= {"skills": current.skills, "criteria": current.criteria} | changes
                fields["title"] = f"{fields['title']} (conflicting copy)"
                return self.add(**fields), current

    def duplicate(self, entry_id: int, *, day: date | None = None) -> Entry:
        """A new entry with the same content and tags (dated today unless ``day`` is given)."""
        source = self.get(entry_id, include_trashed=True)
        return self.add(
            day=day or self.journal.today(), title=f"{source.title} (copy)", body=source.body,
            model=source.model, skills=source.skills, criteria=source.criteria,
            private=source.private, confidence=source.confidence, minutes=source.minutes,
            kind=source.kind, witness=source.witness, observer=source.observer,
            participants=source.participants,
        )

    def delete(self, entry_id: int) -> Entry:
        """Move an entry to the trash (it can be restored until the trash is emptied)."""
        now = self.journal.now()
        with self.journal.write():
            entry = self.get(entry_id)
            self.conn.execute("UPDATE entries SET deleted_at = ? WHERE id = ?", [now, entry_id])
        return replace(entry, deleted_at=now)

    def restore(self, entry_id: int) -> Entry:
        """Bring an entry back from the trash."""
        with self.journal.write():
            entry = self.get(entry_id, include_trashed=True)
            if not entry.in_trash:
                raise InputError(f"Entry {entry_id} is not in the trash.")
            self.conn.execute("UPDATE entries SET deleted_at = NULL WHERE id = ?", [entry_id])
        return self.get(entry_id)

    def empty_trash(self) -> int:
        """Remove trashed entries for good; return how many went."""
        with self.journal.write():
            cursor = self.conn.execute("DELETE FROM entries WHERE deleted_at IS NOT NULL")
        return cursor.rowcount

    def _set_tags(self, entry_id: int, skills, criteria, replace_existing: bool = False) -> None:
        for table, column, values in (("entry_skills", "skill_id", skills),
                                      ("entry_criteria", "criterion_id", criteria)):
            if values is None:
                continue
            if replace_existing:
                self.conn.execute(f"DELETE FROM {table} WHERE entry_id = ?", [entry_id])
            self.conn.executemany(
                f"INSERT OR IGNORE INTO {table} (entry_id, {column}) VALUES (?, ?)",
                [(entry_id, v) for v in dict.fromkeys(values)],
            )

    def _set_details(self, entry_id: int, details: dict) -> None:
        """Store an entry's kind-specific details: one row while it has any, none otherwise."""
        witness = details["witness"] or Witness()
        if witness.is_empty and not details["observer"] and not details["participants"]:
            self.conn.execute("DELETE FROM entry_details WHERE entry_id = ?", [entry_id])
            return
        self.conn.execute(
            "INSERT OR REPLACE INTO entry_details (entry_id, witness_name, witness_role, witness_relationship,"
            " witness_contact, confirmed, confirmed_on, observer, participants) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [entry_id, witness.name, witness.role, witness.relationship, witness.contact, int(witness.confirmed),
             witness.confirmed_on.isoformat() if witness.confirmed_on else None, details["observer"],
             details["participants"]])

    # -- reading --------------------------------------------------------------------------

    def get(self, entry_id: int, *, include_trashed: bool = False) -> Entry:
        """The entry with this id; :class:`NotFoundError` if there is none (or it is trashed)."""
        row = next(iter(dict_rows(self.conn.execute("SELECT * FROM entries WHERE id = ?", [entry_id]))), None)
        if row is None:
            raise NotFoundError(f"No entry {entry_id}. (`reflect list` shows entry numbers.)")
        entry = self._entry(row)
        if entry.in_trash and not include_trashed:
            raise NotFoundError(f"Entry {entry_id} is in the trash. (`reflect restore {entry_id}` brings it back.)")
        return entry

    def get_by_uid(self, uid: str) -> Entry | None:
        """The entry with this stable id, trashed or not; None if absent (imports only ask
        :meth:`has_uid`)."""
        row = next(iter(dict_rows(self.conn.execute("SELECT * FROM entries WHERE uid = ?", [uid]))), None)
        return self._entry(row) if row else None

    def has_uid(self, uid: str) -> bool:
        """Whether an entry (trashed or not) has this stable id: what an import asks of each entry."""
        return self.conn.execute("SELECT 1 FROM entries WHERE uid = ?", [uid]).fetchone() is not None

    def list(self, filters: EntryFilter = EntryFilter(), *, limit: int = PAGE_SIZE,
             after: tuple | None = None, trashed: bool = False) -> EntryPage:
        """Entries newest first (by day, then by when written), a page at a time.

        Pass the page's ``next_cursor`` as ``after`` for the next page. ``filters.text``
        narrows to entries matching the search but keeps date order.
        """
        where, params = build_where(filters, trashed=trashed)
        if after is not None:
            where.append("(e.day < ? OR (e.day = ? AND e.id < ?))")
            params += [after[0], after[0], after[1]]
        # Without statistics SQLite prefers the deleted_at index and sorts every live entry
        # (70 ms a page at 100,000 entries); the partial index is already in page order.
        index = "" if trashed else " INDEXED BY entries_live_by_day"
        if not trashed and len(filters.kinds) == 1:
            index = " INDEXED BY entries_live_by_kind"  # one kind's entries, already in page order
        sql = (f"SELECT e.id, e.day, e.title, e.private, e.model, e.deleted_at, e.kind FROM entries e{index}"
               f" WHERE {' AND '.join(where)} ORDER BY e.day DESC, e.id DESC LIMIT ?")
        rows = self._query(sql, params + [limit + 1])
        more = len(rows) > limit
        rows = rows[:limit]
        summaries = fetch_summaries(self.conn, rows)
        cursor = (rows[-1]["day"], rows[-1]["id"]) if more else None
        return EntryPage(summaries, cursor)

    def search(self, filters: EntryFilter, *, limit: int = PAGE_SIZE, offset: int = 0,
               as_you_type: bool = False) -> builtins.list[EntrySummary]:
        """Entries matching ``filters.text``, best match first, each with a highlighted snippet.

        On a very big journal only the newest matches are ranked (see :mod:`reflect.entries.search`).
        ``as_you_type`` treats the last word as a prefix (the person is still typing it) once
        it has :data:`~reflect.entries.search.TYPED_PREFIX_MIN` letters. With no searchable text
        this is the same as :meth:`list`.
        """
        query = to_fts_query(filters.text, prefix_last=as_you_type,
                             min_prefix=TYPED_PREFIX_MIN if as_you_type else 1)
        if query is None:
            return self.list(replace(filters, text=""), limit=limit).rows
        where, params = build_where(replace(filters, text=""))
        rows = search_rows(self.conn, query, where, params, limit, offset)
        return fetch_summaries(self.conn, rows)

    def count(self, filters: EntryFilter = EntryFilter(), *, trashed: bool = False) -> int:
        """How many entries match (live ones, or trashed ones with ``trashed=True``)."""
        where, params = build_where(filters, trashed=trashed)
        sql = f"SELECT count(*) AS n FROM entries e WHERE {' AND '.join(where)}"
        return self._query(sql, params)[0]["n"]

    def get_many(self, ids: builtins.list[int]) -> builtins.list[Entry]:
        """Several entries in full (trashed included), in the order of ``ids``; missing ids skipped."""
        found: dict[int, Entry] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            marks = ",".join("?" * len(chunk))
            tags = _tags_for(self.conn, chunk)
            details = _details_for(self.conn, chunk)
            for row in dict_rows(self.conn.execute(f"SELECT * FROM entries WHERE id IN ({marks})", chunk)):
                found[row["id"]] = _entry_from(row, *tags[row["id"]], details.get(row["id"], {}))
        return [found[i] for i in ids if i in found]

    def iter_entries(self, filters: EntryFilter = EntryFilter(), *, oldest_first: bool = True,
                     batch: int = 500) -> Iterator[Entry]:
        """Every matching entry in full, streamed so memory stays flat (exports).

        One ordered query brings each entry with its tags (joined into one text each), read
        ``batch`` rows at a time: a whole 100,000-entry journal streams in well under a second.
        """
        where, params = build_where(filters)
        order = "ASC" if oldest_first else "DESC"
        cursor = self.conn.execute(
            f"SELECT {STREAM_COLUMNS} FROM {STREAM_FROM} WHERE {' AND '.join(where)}"
            f" ORDER BY e.day {order}, e.id {order}", params)
        try:
            while rows := cursor.fetchmany(batch):
                yield from map(streamed_entry, rows)
        finally:
            cursor.close()  # also when the reader stops early

    def _entry(self, row: dict) -> Entry:
        return _entry_from(row, *_tags_for(self.conn, [row["id"]])[row["id"]],
                           _details_for(self.conn, [row["id"]]).get(row["id"], {}))

    def _query(self, sql: str, params: builtins.list) -> builtins.list[dict]:
        try:
            return dict_rows(self.conn.execute(sql, params))
        except sqlite3.OperationalError as error:
            # The query builder only emits safe FTS syntax; anything else is a real problem.
            raise ReflectError(f"Search failed: {error}") from None


def _entry_from(row: dict, skills: tuple, criteria: tuple, details: dict) -> Entry:
    return Entry(
        id=row["id"], uid=row["uid"], day=date.fromisoformat(row["day"]), title=row["title"],
        body=row["body"], model=row["model"], skills=skills, criteria=criteria,
        private=bool(row["private"]), confidence=row["confidence"], minutes=row["minutes"],
        created_at=row["created_at"], updated_at=row["updated_at"], deleted_at=row["deleted_at"],
        revision=row["revision"], kind=row["kind"], **details,
    )


def _details_for(db, ids: list[int]) -> dict[int, dict]:
    """The kind-specific details of those of ``ids`` that have any (as Entry fields)."""
    marks = ",".join("?" * len(ids))
    return {row[0]: details_from(row[1:]) for row in db.execute(
        f"SELECT d.entry_id, {DETAIL_COLUMNS} FROM entry_details d WHERE d.entry_id IN ({marks})", ids)}


def _tags_for(db, ids: list[int]) -> dict[int, tuple[tuple, tuple]]:
    """Skills and criteria of several entries in two queries."""
    marks = ",".join("?" * len(ids))
    skills: dict[int, list] = {}
    criteria: dict[int, list] = {}
    for entry_id, skill in db.execute(
            f"SELECT entry_id, skill_id FROM entry_skills WHERE entry_id IN ({marks}) ORDER BY skill_id", ids):
        skills.setdefault(entry_id, []).append(skill)
    for entry_id, crit in db.execute(
            f"SELECT entry_id, criterion_id FROM entry_criteria WHERE entry_id IN ({marks})"
            " ORDER BY criterion_id", ids):
        criteria.setdefault(entry_id, []).append(crit)
    return {i: (tuple(skills.get(i, ())), tuple(criteria.get(i, ()))) for i in ids}


#: Characters a title may have: a line that fits a list row; the reflection says the rest.
TITLE_LIMIT = 120


#: Characters a witness's name, role, contact, an observer's name... may have: one line each.
DETAIL_LIMIT = 200


def _checked_details(kind: str, witness: Witness | None, observer: str, participants: str) -> dict:
    """Validate kind-specific details and clean them to single lines."""
    def line(text: str, what: str) -> str:
        text = clean_line(text or "")
        if len(text) > DETAIL_LIMIT:
            raise InputError(f"The {what} should fit on a line of up to {DETAIL_LIMIT} characters "
                             f"(this one has {len(text)}).")
        return text

    witness = witness or Witness()
    if witness.confirmed_on is not None and not isinstance(witness.confirmed_on, date):
        raise InputError("The day the witness confirmed it should be a date.")
    witness = Witness(
        name=line(witness.name, "witness's name"), role=line(witness.role, "witness's role"),
        relationship=line(witness.relationship, "witness's relationship to you"),
        contact=line(witness.contact, "witness's contact"),
        # A day of confirmation says it was confirmed.
        confirmed=bool(witness.confirmed or witness.confirmed_on), confirmed_on=witness.confirmed_on,
    )
    if kind == WITNESS and not witness.name:
        raise InputError(f"A {kind_label(WITNESS)} needs the witness's name (who saw it?).")
    return {"witness": None if witness.is_empty else witness,
            "observer": line(observer, "observer's name"), "participants": line(participants, "list of participants")}


def _checked(*, day, title, body, model, private, confidence, minutes, kind=REFLECTION,
             title_limit: bool = True) -> dict:
    """Validate field values and convert them to their stored form."""
    if not isinstance(day, date):
        raise InputError("A reflection needs a date.")
    title = clean_line(title or "")
    if not title:
        raise InputError("A reflection needs a title.")
    if title_limit and len(title) > TITLE_LIMIT:
        raise InputError(f"A title of up to {TITLE_LIMIT} characters, please (this one has {len(title)}): "
                         "put the rest in the reflection itself.")
    if model not in MODELS:
        raise InputError(f'Unknown reflective model "{model}" (use one of: {", ".join(MODELS)}).')
    if kind not in KINDS:
        raise InputError(f'Unknown kind of evidence "{kind}" (use one of: {", ".join(KINDS)}).')
    if confidence is not None and not (isinstance(confidence, int) and 1 <= confidence <= 5):
        raise InputError(f"Confidence is rated 1 to 5, not {confidence}.")
    if minutes is not None and not (isinstance(minutes, int) and 0 < minutes <= 24 * 60):
        raise InputError(f"Time spent should be between 1 minute and 24 hours, not {minutes} minutes.")
    body = clean_body(body or "")
    return {"day": day.isoformat(), "title": title, "body": body, "model": model,
            "private": int(bool(private)), "confidence": confidence, "minutes": minutes,
            "words": entry_words(title, body), "kind": kind}
