"""The mandatory training log: name, provider, when due, when completed, certificate reference."""

from __future__ import annotations

import builtins
from datetime import date
from typing import TYPE_CHECKING

from reflect.review import fields as f
from reflect.errors import InputError, NotFoundError
from reflect.review.models import Training
from reflect.review.paging import count_rows, page_clause, position_of
from reflect.store.db import inserted_id, query_dicts

if TYPE_CHECKING:
    import sqlite_utils

    from reflect.store.db import JournalDB

_FIELDS = ("name", "provider", "due", "certificate_ref", "minutes")


class TrainingStore:
    """Mandatory training of one journal. Reach it as ``journal.training``."""

    def __init__(self, journal: "JournalDB"):
        self.journal = journal

    @property
    def db(self) -> "sqlite_utils.Database":
        """sqlite-utils on the journal, made on first use (reading needs only ``journal.conn``)."""
        return self.journal.db

    def add(self, *, name: str, provider: str = "", due: date | None = None,
            completed_on: date | None = None, certificate_ref: str = "", minutes: int | None = None) -> Training:
        """Log a piece of mandatory training (still to do, or already completed) and return it.
        ``minutes``: time spent on it."""
        values = self._checked(dict(name=name, provider=provider, due=due, certificate_ref=certificate_ref,
                                    minutes=minutes))
        done = f.day(completed_on, "The completion date", today=self.journal.today())
        now = self.journal.now()
        with self.journal.write():
            new_id = inserted_id(self.db.table("training").insert(
                values | {"completed_on": done, "created_at": now, "updated_at": now}))
        return self.get(new_id)

    def update(self, training_id: int, **changes) -> Training:
        """Change the name, provider, due date, certificate reference or time spent (minutes;
        None clears it)."""
        f.unknown_fields(changes, _FIELDS)
        with self.journal.write():
            values = self._checked({k: getattr(self.get(training_id), k) for k in _FIELDS} | changes)
            self.db.table("training").update(training_id, values | {"updated_at": self.journal.now()})
        return self.get(training_id)

    def complete(self, training_id: int, on: date | None = None, *, certificate_ref: str | None = None,
                 minutes: int | None = None) -> Training:
        """Mark it completed on ``on`` (default today), optionally with the certificate reference
        and the time it took."""
        done = f.day(on or self.journal.today(), "The completion date", today=self.journal.today())
        with self.journal.write():
            if self.get(training_id).done:
                raise InputError(f"Training {training_id} is already completed.")
            changes: dict = {"certificate_ref": certificate_ref} if certificate_ref is not None else {}
            if minutes is not None:
                changes["minutes"] = minutes
            if changes:
                self.update(training_id, **changes)
            self.db.table("training").update(training_id, {"completed_on": done, "updated_at": self.journal.now()})
        return self.get(training_id)

    def reopen(self, training_id: int) -> Training:
        """Mark completed training as not completed after all."""
        with self.journal.write():
            if not self.get(training_id).done:
                raise InputError(f"Training {training_id} is not completed yet.")
            self.db.execute("UPDATE training SET completed_on = NULL, updated_at = ? WHERE id = ?",
                            [self.journal.now(), training_id])
        return self.get(training_id)

    def delete(self, training_id: int) -> Training:
        """Remove a training record for good."""
        with self.journal.write():
            current = self.get(training_id)
            self.db.execute("DELETE FROM training WHERE id = ?", [training_id])
        return current

    def get(self, training_id: int) -> Training:
        """The training record with this id; :class:`NotFoundError` if there is none."""
        rows = self._rows("id = ?", [training_id])
        if not rows:
            raise NotFoundError(f"No training {training_id}. (`reflect training list` shows it.)")
        return rows[0]

    def list(self, *, done: bool | None = None, limit: int | None = None, offset: int = 0) -> list[Training]:
        """Training still to do first (by due date, none last), then completed, latest first;
        ``limit`` and ``offset`` read one page of that order."""
        return self._rows(_DONE[done], [], page_clause(limit, offset))

    def count(self, *, done: bool | None = None, overdue_on: date | None = None) -> int:
        """How many records :meth:`list` would give (only those not completed and due before
        ``overdue_on``, when given), counted in SQL."""
        where, params = _DONE[done], []
        if overdue_on is not None:
            where += " AND completed_on IS NULL AND due < ?"
            params.append(overdue_on.isoformat())
        return count_rows(self.journal.conn, "training", where, params)

    def position(self, training_id: int, *, done: bool | None = None) -> int | None:
        """Where the record stands (0 first) in :meth:`list` with the same ``done``, or None."""
        return position_of(self.journal.conn, "training", _DONE[done], _ORDER, [], training_id)

    def overdue(self, today: date | None = None) -> builtins.list[Training]:
        """Training not completed whose due date has passed."""
        today = today or self.journal.today()
        return self._rows("completed_on IS NULL AND due < ?", [today.isoformat()])

    def completed_between(self, start: date, end: date) -> builtins.list[Training]:
        """Training completed from ``start`` to ``end`` inclusive, oldest first."""
        rows = self._rows("completed_on BETWEEN ? AND ?", [start.isoformat(), end.isoformat()])
        return sorted(rows, key=lambda t: (t.completed_on, t.id))

    def _checked(self, values: dict) -> dict:
        return {"name": f.text(values.get("name"), "The training's name", required=True, limit=300),
                "provider": f.text(values.get("provider"), "The provider", limit=300),
                "due": f.day(values.get("due"), "The due date"),
                "certificate_ref": f.text(values.get("certificate_ref"), "The certificate reference", limit=300),
                "minutes": f.minutes(values.get("minutes"))}

    def _rows(self, where: str, params: builtins.list, page: str = "") -> builtins.list[Training]:
        return [_training(r) for r in query_dicts(
            self.journal.conn, f"SELECT * FROM training WHERE {where} ORDER BY {_ORDER}{page}", params)]


_DONE = {None: "1", True: "completed_on IS NOT NULL", False: "completed_on IS NULL"}
_ORDER = "completed_on IS NOT NULL, completed_on DESC, due IS NULL, due, id"


def _training(row: dict) -> Training:
    return Training(id=row["id"], name=row["name"], provider=row["provider"], due=f.stored_day(row["due"]),
                    completed_on=f.stored_day(row["completed_on"]), certificate_ref=row["certificate_ref"],
                    created_at=row["created_at"], updated_at=row["updated_at"], minutes=row.get("minutes"))
