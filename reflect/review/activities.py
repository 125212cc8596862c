"""Development activities under an objective: a course, shadowing, reading, practice.

Each has an optional due date and a completion date; an open activity past its due date is
overdue (:meth:`Activity.is_overdue`) while its objective is open, and
:meth:`ActivityStore.overdue` lists them all, so the app and the review can make them stand out.
"""

from __future__ import annotations

import builtins
from datetime import date
from typing import TYPE_CHECKING

from reflect.review import fields as f
from reflect.errors import InputError, NotFoundError
from reflect.review.models import ACTIVITY_KINDS, OPEN_STATUSES, Activity
from reflect.store.db import inserted_id

if TYPE_CHECKING:
    from reflect.store.db import JournalDB

_FIELDS = ("title", "kind", "due", "notes", "objective_id", "minutes")


class ActivityStore:
    """Development activities of one journal. Reach it as ``journal.activities``."""

    def __init__(self, journal: "JournalDB"):
        self.journal = journal
        self.db = journal.db

    def add(self, *, objective_id: int, title: str, kind: str = "practice", due: date | None = None,
            notes: str = "", completed_on: date | None = None, minutes: int | None = None) -> Activity:
        """Plan an activity under an objective and return it. ``minutes``: time spent on it."""
        values = self._checked(dict(objective_id=objective_id, title=title, kind=kind, due=due, notes=notes,
                                    minutes=minutes))
        done = f.day(completed_on, "The completion date", today=self.journal.today())
        now = self.journal.now()
        with self.journal.write():
            self._require_objective(objective_id)
            new_id = inserted_id(self.db.table("activities").insert(
                values | {"completed_on": done, "created_at": now, "updated_at": now}))
        return self.get(new_id)

    def update(self, activity_id: int, **changes) -> Activity:
        """Change the title, kind, due date, notes, time spent (minutes; None clears it) or the
        objective it belongs to."""
        f.unknown_fields(changes, _FIELDS)
        with self.journal.write():
            current = self.get(activity_id)
            values = self._checked({k: getattr(current, k) for k in _FIELDS} | changes)
            if "objective_id" in changes:
                self._require_objective(values["objective_id"])
            self.db.table("activities").update(activity_id, values | {"updated_at": self.journal.now()})
        return self.get(activity_id)

    def complete(self, activity_id: int, on: date | None = None, *, minutes: int | None = None) -> Activity:
        """Mark the activity done on ``on`` (default today), with the time it took if given."""
        done = f.day(on or self.journal.today(), "The completion date", today=self.journal.today())
        spent = f.minutes(minutes)
        with self.journal.write():
            current = self.get(activity_id)
            if current.done:
                raise InputError(f"Activity {activity_id} is already done.")
            self._set_completed(activity_id, done)
            if spent is not None:
                self.db.execute("UPDATE activities SET minutes = ? WHERE id = ?", [spent, activity_id])
        return self.get(activity_id)

    def reopen(self, activity_id: int) -> Activity:
        """Mark a done activity as not done after all."""
        with self.journal.write():
            if not self.get(activity_id).done:
                raise InputError(f"Activity {activity_id} is not done yet.")
            self._set_completed(activity_id, None)
        return self.get(activity_id)

    def delete(self, activity_id: int) -> Activity:
        """Remove an activity for good."""
        with self.journal.write():
            current = self.get(activity_id)
            self.db.execute("DELETE FROM activities WHERE id = ?", [activity_id])
        return current

    def get(self, activity_id: int) -> Activity:
        """The activity with this id; :class:`NotFoundError` if there is none."""
        rows = self._rows("id = ?", [activity_id])
        if not rows:
            raise NotFoundError(f"No activity {activity_id}. (`reflect activity list` shows them.)")
        return rows[0]

    def list(self, *, objective_id: int | None = None, done: bool | None = None) -> list[Activity]:
        """Activities, open ones first by due date (none last), then done ones, latest first.

        ``objective_id`` narrows to one objective; ``done`` to done (True) or open (False) ones.
        """
        where, params = ["1"], []
        if objective_id is not None:
            where.append("objective_id = ?")
            params.append(objective_id)
        if done is not None:
            where.append("completed_on IS NOT NULL" if done else "completed_on IS NULL")
        return self._rows(" AND ".join(where), params)

    def overdue(self, today: date | None = None) -> builtins.list[Activity]:
        """Open activities past their due date, most overdue first. Activities of an objective
        that is closed (achieved, not achieved, dropped) no longer count: nobody is waiting on them."""
        today = today or self.journal.today()
        open_statuses = ",".join(repr(s) for s in OPEN_STATUSES)
        return self._rows("completed_on IS NULL AND due < ? AND objective_id IN"
                          f" (SELECT id FROM objectives WHERE status IN ({open_statuses}))", [today.isoformat()])

    def completed_between(self, start: date, end: date) -> builtins.list[Activity]:
        """Activities completed from ``start`` to ``end`` inclusive, oldest first."""
        rows = self._rows("completed_on BETWEEN ? AND ?", [start.isoformat(), end.isoformat()])
        return sorted(rows, key=lambda a: (a.completed_on, a.id))

    def _checked(self, values: dict) -> dict:
        if not isinstance(values.get("objective_id"), int):
            raise InputError("An activity belongs to an objective: give its number.")
        return {"objective_id": values["objective_id"],
                "title": f.text(values.get("title"), "The activity", required=True, limit=500),
                "kind": f.choice(values.get("kind") or "practice", ACTIVITY_KINDS, "kind of activity"),
                "due": f.day(values.get("due"), "The due date"),
                "notes": f.text(values.get("notes"), "The notes"),
                "minutes": f.minutes(values.get("minutes"))}

    def _require_objective(self, objective_id: int) -> None:
        f.require_row(self.db, "objectives", objective_id,
                      f"No objective {objective_id}. (`reflect objective list` shows them.)")

    def _set_completed(self, activity_id: int, done: str | None) -> None:
        self.db.execute("UPDATE activities SET completed_on = ?, updated_at = ? WHERE id = ?",
                        [done, self.journal.now(), activity_id])

    def _rows(self, where: str, params: builtins.list) -> builtins.list[Activity]:
        order = ("completed_on IS NOT NULL, completed_on DESC, due IS NULL, due, id")
        return [_activity(r) for r in self.db.query(
            f"SELECT * FROM activities WHERE {where} ORDER BY {order}", params)]


def _activity(row: dict) -> Activity:
    return Activity(id=row["id"], objective_id=row["objective_id"], title=row["title"], kind=row["kind"],
                    due=f.stored_day(row["due"]), completed_on=f.stored_day(row["completed_on"]),
                    notes=row["notes"], created_at=row["created_at"], updated_at=row["updated_at"],
                    minutes=row.get("minutes"))
