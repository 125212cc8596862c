"""The feedback log: who said what, when, what I will do about it, and whether I did.

Feedback can be linked to an objective and to a reflection. ``import_key`` lets an importer
(mentor feedback from a file) recognise what it has already brought in:
:meth:`FeedbackStore.get_by_import_key` finds it, and adding the same key twice is refused.
"""

from __future__ import annotations

import builtins
import sqlite3
from datetime import date
from typing import TYPE_CHECKING

from reflect.review import fields as f
from reflect.errors import InputError, NotFoundError
from reflect.review.models import FEEDBACK_SOURCES, Feedback
from reflect.review.paging import count_rows, page_clause, position_of
from reflect.store.db import inserted_id, query_dicts

if TYPE_CHECKING:
    import sqlite_utils

    from reflect.store.db import JournalDB

_FIELDS = ("received_on", "source_kind", "source_name", "said", "action", "objective_id", "entry_id")


class FeedbackStore:
    """Feedback of one journal. Reach it as ``journal.feedback``."""

    def __init__(self, journal: "JournalDB"):
        self.journal = journal

    @property
    def db(self) -> "sqlite_utils.Database":
        """sqlite-utils on the journal, made on first use (reading needs only ``journal.conn``)."""
        return self.journal.db

    def add(self, *, received_on: date, source_kind: str, said: str, source_name: str = "",
            action: str = "", objective_id: int | None = None, entry_id: int | None = None,
            import_key: str | None = None, done_on: date | None = None) -> Feedback:
        """Log feedback and return it. With ``done_on`` it is logged as already acted on."""
        values = self._checked(dict(received_on=received_on, source_kind=source_kind, source_name=source_name,
                                    said=said, action=action, objective_id=objective_id, entry_id=entry_id))
        done = f.day(done_on, "The date it was done", today=self.journal.today())
        now = self.journal.now()
        with self.journal.write():
            self._require_links(objective_id, entry_id)
            if import_key is not None and self.get_by_import_key(import_key) is not None:
                raise InputError(f'Feedback "{import_key}" is already in the journal.')
            try:
                cursor = self.db.execute(
                    "INSERT INTO feedback (received_on, source_kind, source_name, said, action, done, done_on,"
                    " objective_id, entry_id, import_key, created_at, updated_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [values["received_on"], values["source_kind"], values["source_name"], values["said"],
                     values["action"], int(done is not None), done, objective_id, entry_id, import_key, now, now])
            except sqlite3.IntegrityError:  # pragma: no cover - another process added the same key meanwhile
                raise InputError(f'Feedback "{import_key}" is already in the journal.') from None
        return self.get(inserted_id(cursor))

    def update(self, feedback_id: int, **changes) -> Feedback:
        """Change any of the fields given to :meth:`add` (except ``import_key``)."""
        f.unknown_fields(changes, _FIELDS)
        with self.journal.write():
            current = self.get(feedback_id)
            values = self._checked({k: getattr(current, k) for k in _FIELDS} | changes)
            self._require_links(changes.get("objective_id"), changes.get("entry_id"))
            self.db.execute(
                "UPDATE feedback SET received_on = ?, source_kind = ?, source_name = ?, said = ?, action = ?,"
                " objective_id = ?, entry_id = ?, updated_at = ? WHERE id = ?",
                [values["received_on"], values["source_kind"], values["source_name"], values["said"],
                 values["action"], values["objective_id"], values["entry_id"], self.journal.now(), feedback_id])
        return self.get(feedback_id)

    def mark_done(self, feedback_id: int, done: bool = True, *, on: date | None = None,
                  action: str | None = None) -> Feedback:
        """Record that I acted on it (on ``on``, default today), optionally saying what I did."""
        today = self.journal.today()
        done_on = f.day(on or today, "The date it was done", today=today) if done else None
        with self.journal.write():
            current = self.get(feedback_id)
            if action is not None:
                self.update(feedback_id, action=action)
            elif done and not current.action:
                raise InputError(f"Say what you did about feedback {feedback_id} (an action).")
            self.db.execute("UPDATE feedback SET done = ?, done_on = ?, updated_at = ? WHERE id = ?",
                            [int(done), done_on, self.journal.now(), feedback_id])
        return self.get(feedback_id)

    def delete(self, feedback_id: int) -> Feedback:
        """Remove feedback for good."""
        with self.journal.write():
            current = self.get(feedback_id)
            self.db.execute("DELETE FROM feedback WHERE id = ?", [feedback_id])
        return current

    def get(self, feedback_id: int) -> Feedback:
        """The feedback with this id; :class:`NotFoundError` if there is none."""
        rows = self._rows("id = ?", [feedback_id])
        if not rows:
            raise NotFoundError(f"No feedback {feedback_id}. (`reflect feedback list` shows it.)")
        return rows[0]

    def get_by_import_key(self, key: str) -> Feedback | None:
        """The feedback an importer brought in under ``key``, or None."""
        rows = self._rows("import_key = ?", [key])
        return rows[0] if rows else None

    def by_import_prefix(self, prefix: str, source_name: str) -> list[Feedback]:
        """Imported feedback whose key starts with ``prefix``, from ``source_name`` (any case),
        newest first: what an importer brought in earlier for the same place."""
        like = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        return self._rows("import_key LIKE ? ESCAPE '\\' AND lower(source_name) = lower(?)", [like, source_name])

    def replace_imported(self, feedback_id: int, *, said: str, import_key: str, received_on: date) -> Feedback:
        """Put a re-sent version of imported feedback in place of the earlier one (what was
        done about it stays)."""
        with self.journal.write():
            current = self.get(feedback_id)
            values = self._checked({k: getattr(current, k) for k in _FIELDS} | {"said": said,
                                                                                 "received_on": received_on})
            self.db.execute("UPDATE feedback SET said = ?, received_on = ?, import_key = ?, updated_at = ?"
                            " WHERE id = ?", [values["said"], values["received_on"], import_key,
                                              self.journal.now(), feedback_id])
        return self.get(feedback_id)

    def list(self, *, source_kind: str | None = None, objective_id: int | None = None,
             entry_id: int | None = None, date_from: date | None = None, date_to: date | None = None,
             done: bool | None = None, limit: int | None = None, offset: int = 0) -> builtins.list[Feedback]:
        """Feedback newest first, narrowed by any of: source, objective, entry, dates, done or not;
        ``limit`` and ``offset`` read one page of that order."""
        where, params = self._where(source_kind=source_kind, objective_id=objective_id, entry_id=entry_id,
                                    date_from=date_from, date_to=date_to, done=done)
        return self._rows(where, params, page_clause(limit, offset))

    def count(self, *, done: bool | None = None) -> int:
        """How many feedback items there are (done or not, when ``done`` is given), counted in SQL."""
        where, params = self._where(done=done)
        return count_rows(self.journal.conn, "feedback", where, params)

    def position(self, feedback_id: int, *, done: bool | None = None) -> int | None:
        """Where the item stands (0 first) in :meth:`list` with the same ``done``, or None if it
        is not in that list."""
        where, params = self._where(done=done)
        return position_of(self.journal.conn, "feedback", where, _ORDER, params, feedback_id)

    def _where(self, *, source_kind: str | None = None, objective_id: int | None = None,
               entry_id: int | None = None, date_from: date | None = None, date_to: date | None = None,
               done: bool | None = None) -> tuple[str, builtins.list]:
        where, params = ["1"], []
        for column, value in (("source_kind", source_kind), ("objective_id", objective_id),
                              ("entry_id", entry_id)):
            if value is not None:
                where.append(f"{column} = ?")
                params.append(value)
        if date_from is not None:
            where.append("received_on >= ?")
            params.append(date_from.isoformat())
        if date_to is not None:
            where.append("received_on <= ?")
            params.append(date_to.isoformat())
        if done is not None:
            where.append("done = ?")
            params.append(int(done))
        return " AND ".join(where), params

    def _checked(self, values: dict) -> dict:
        return {
            "received_on": f.day(values.get("received_on"), "The date it was received",
                                 today=self.journal.today(), required=True),
            "source_kind": f.choice(values.get("source_kind"), FEEDBACK_SOURCES, "source of feedback"),
            "source_name": f.text(values.get("source_name"), "The name", limit=200),
            "said": f.text(values.get("said"), "What was said", required=True),
            "action": f.text(values.get("action"), "What you will do"),
            "objective_id": values.get("objective_id"),
            "entry_id": values.get("entry_id"),
        }

    def _require_links(self, objective_id: int | None, entry_id: int | None) -> None:
        f.require_row(self.db, "objectives", objective_id,
                      f"No objective {objective_id}. (`reflect objective list` shows them.)")
        f.require_live_entry(self.db, entry_id)

    def _rows(self, where: str, params: builtins.list, page: str = "") -> builtins.list[Feedback]:
        return [_feedback(r) for r in query_dicts(self.journal.conn,
            f"SELECT * FROM feedback WHERE {where} ORDER BY {_ORDER}{page}", params)]


_ORDER = "received_on DESC, id DESC"


def _feedback(row: dict) -> Feedback:
    return Feedback(
        id=row["id"], received_on=date.fromisoformat(row["received_on"]), source_kind=row["source_kind"],
        said=row["said"], source_name=row["source_name"], action=row["action"], done=bool(row["done"]),
        done_on=f.stored_day(row["done_on"]), objective_id=row["objective_id"], entry_id=row["entry_id"],
        import_key=row["import_key"], created_at=row["created_at"], updated_at=row["updated_at"])
