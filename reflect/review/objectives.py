"""SMART objectives: set, agree, work on and close them, with a dated reason for each step.

Every status change is a row in ``objective_status_changes``; the first is the status the
objective was created with, so the history always says when it was set. Which moves are
allowed (see :data:`TRANSITIONS`):

* open objectives move forward or sideways: draft -> agreed / in progress / dropped;
  agreed -> in progress / achieved / not achieved / dropped / back to draft;
  in progress -> achieved / not achieved / dropped / back to agreed;
* a closed one (achieved, not achieved, dropped) can be reopened: to agreed or in progress
  (and a dropped one back to draft);
* a draft cannot jump straight to achieved or not achieved: agree it first.

Moving to *agreed* needs who agreed it (kept in ``agreed_by``/``agreed_on``). Dropping,
marking not achieved, reopening and going back to draft need a reason. A change is dated
(default today), never in the future and never before the previous change.

Reflections are linked to objectives as progress evidence through ``entry_objectives``.
The store is framework-blind, like the entry store: skill and criterion ids are resolved
where people type them.
"""

from __future__ import annotations

import builtins
import uuid
from datetime import date
from typing import TYPE_CHECKING, Iterable

from reflect.review import fields as f
from reflect.dates import format_short
from reflect.errors import InputError, NotFoundError
from reflect.entries.models import EntryFilter, EntrySummary
from reflect.review.models import (
    CLOSED_STATUSES,
    OBJECTIVE_STATUSES,
    OPEN_STATUSES,
    Objective,
    StatusChange,
)
from reflect.review.paging import count_rows, page_clause, position_of
from reflect.store.db import inserted_id, query_dicts

if TYPE_CHECKING:
    import sqlite_utils

    from reflect.store.db import JournalDB

#: status -> the statuses it may move to.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "draft": ("agreed", "in-progress", "dropped"),
    "agreed": ("in-progress", "achieved", "not-achieved", "dropped", "draft"),
    "in-progress": ("achieved", "not-achieved", "dropped", "agreed"),
    "achieved": ("in-progress", "agreed"),
    "not-achieved": ("in-progress", "agreed"),
    "dropped": ("draft", "agreed", "in-progress"),
}
#: Statuses an objective can be created with.
START_STATUSES = OPEN_STATUSES
_TEXT_FIELDS = ("specific", "measure", "achievable", "relevant", "agreed_by")
_FIELDS = _TEXT_FIELDS + ("deadline", "agreed_on", "skills", "criteria")
_LIMITS = {"specific": 2000, "agreed_by": 200}
_NAMES = {"specific": "What you will do", "measure": "How it is measured", "achievable": "Why it is achievable",
          "relevant": "Why it is relevant", "agreed_by": "Who agreed it"}


def needs_reason(old: str, new: str) -> bool:
    """Whether moving from ``old`` to ``new`` must say why."""
    return new in ("not-achieved", "dropped", "draft") or old in CLOSED_STATUSES


class ObjectiveStore:
    """SMART objectives of one journal. Reach it as ``journal.objectives``."""

    def __init__(self, journal: "JournalDB"):
        self.journal = journal

    @property
    def db(self) -> "sqlite_utils.Database":
        """sqlite-utils on the journal, made on first use (reading needs only ``journal.conn``)."""
        return self.journal.db

    # -- writing --------------------------------------------------------------------------

    def add(self, *, specific: str, measure: str = "", achievable: str = "", relevant: str = "",
            deadline: date | None = None, skills: Iterable[str] = (), criteria: Iterable[str] = (),
            status: str = "draft", set_on: date | None = None, reason: str = "", agreed_by: str = "",
            agreed_on: date | None = None, source_entry_id: int | None = None,
            uid: str | None = None) -> Objective:
        """Set a new objective (draft unless told otherwise) and return it.

        ``set_on`` (default today) dates its first status. Creating it *agreed* needs
        ``agreed_by``; ``agreed_on`` defaults to ``set_on``.
        """
        today = self.journal.today()
        set_on = set_on or today
        f.day(set_on, "The date it was set", today=today)
        f.choice(status, START_STATUSES, "starting status")
        values = self._checked(dict(specific=specific, measure=measure, achievable=achievable,
                                    relevant=relevant, agreed_by=agreed_by, deadline=deadline,
                                    agreed_on=agreed_on))
        if status == "agreed":
            if not values["agreed_by"]:
                raise InputError("Who agreed it? Give the name of your mentor or manager.")
            values["agreed_on"] = values["agreed_on"] or set_on.isoformat()
        now = self.journal.now()
        with self.journal.write():
            f.require_live_entry(self.db, source_entry_id)
            cursor = self.db.execute(
                "INSERT INTO objectives (uid, specific, measure, achievable, relevant, deadline, status,"
                " agreed_by, agreed_on, source_entry_id, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [uid or uuid.uuid4().hex, values["specific"], values["measure"], values["achievable"],
                 values["relevant"], values["deadline"], status, values["agreed_by"], values["agreed_on"],
                 source_entry_id, now, now])
            objective_id = inserted_id(cursor)
            self._record_change(objective_id, status, set_on, f.text(reason, "The reason", limit=2000))
            self._set_links(objective_id, skills, criteria)
        return self.get(objective_id)

    def update(self, objective_id: int, **changes) -> Objective:
        """Change what the objective says (any of the SMART fields, deadline, links, who agreed).

        Status has its own method, :meth:`change_status`, because each change is dated and explained.
        """
        f.unknown_fields(changes, _FIELDS)
        skills = changes.pop("skills", None)
        criteria = changes.pop("criteria", None)
        with self.journal.write():
            current = self.get(objective_id)
            merged = {k: getattr(current, k) for k in _TEXT_FIELDS + ("deadline", "agreed_on")} | changes
            values = self._checked(merged)
            self.db.execute(
                "UPDATE objectives SET specific = ?, measure = ?, achievable = ?, relevant = ?, deadline = ?,"
                " agreed_by = ?, agreed_on = ?, updated_at = ? WHERE id = ?",
                [values["specific"], values["measure"], values["achievable"], values["relevant"],
                 values["deadline"], values["agreed_by"], values["agreed_on"], self.journal.now(), objective_id])
            if skills is not None or criteria is not None:
                self._set_links(objective_id, skills, criteria, replace_existing=True)
        return self.get(objective_id)

    def change_status(self, objective_id: int, status: str, *, reason: str = "", on: date | None = None,
                      agreed_by: str | None = None) -> Objective:
        """Move the objective to ``status`` on ``on`` (default today), recording why."""
        today = self.journal.today()
        on = on or today
        f.day(on, "The date of the change", today=today)
        f.choice(status, OBJECTIVE_STATUSES, "status")
        reason = f.text(reason, "The reason", limit=2000)
        with self.journal.write():
            current = self.get(objective_id)
            self._check_move(current, status, reason, on)
            agreed_by_value, agreed_on_value = current.agreed_by, current.agreed_on
            if agreed_by is not None:
                agreed_by_value = f.text(agreed_by, "Who agreed it", limit=200)
            if status == "agreed":
                if not agreed_by_value:
                    raise InputError("Who agreed it? Give the name of your mentor or manager.")
                agreed_on_value = on
                reason = reason or f"Agreed with {agreed_by_value}"
            elif status == "draft":
                agreed_by_value, agreed_on_value = "", None  # no longer agreed; the history keeps who did
            self.db.execute(
                "UPDATE objectives SET status = ?, agreed_by = ?, agreed_on = ?, updated_at = ? WHERE id = ?",
                [status, agreed_by_value, agreed_on_value.isoformat() if agreed_on_value else None,
                 self.journal.now(), objective_id])
            self._record_change(objective_id, status, on, reason)
        return self.get(objective_id)

    def delete(self, objective_id: int) -> Objective:
        """Remove a draft set by mistake (agreed objectives are dropped instead, with a reason)."""
        with self.journal.write():
            current = self.get(objective_id)
            if current.status != "draft":
                raise InputError(f"Objective {objective_id} is {current.label.lower()}: "
                                 "drop it with a reason instead of deleting it.")
            self.db.execute("DELETE FROM objectives WHERE id = ?", [objective_id])
        return current

    # -- reflections as progress evidence -------------------------------------------------

    def link_entry(self, objective_id: int, entry_id: int) -> None:
        """Link a reflection to the objective as progress evidence (linking twice is harmless)."""
        with self.journal.write():
            self.get(objective_id)
            f.require_live_entry(self.db, entry_id)
            self.db.execute("INSERT OR IGNORE INTO entry_objectives (entry_id, objective_id) VALUES (?, ?)",
                            [entry_id, objective_id])

    def unlink_entry(self, objective_id: int, entry_id: int) -> bool:
        """Remove a link; True if there was one."""
        with self.journal.write():
            self.get(objective_id)
            cursor = self.db.execute("DELETE FROM entry_objectives WHERE entry_id = ? AND objective_id = ?",
                                     [entry_id, objective_id])
        return cursor.rowcount > 0

    def evidence(self, objective_id: int) -> list[EntrySummary]:
        """Reflections linked to the objective (not trashed), newest first."""
        self.get(objective_id)
        from reflect.entries.store import EntryStore

        return EntryStore(self.journal).list(EntryFilter(objective=objective_id), limit=100_000).rows

    def for_entry(self, entry_id: int) -> list[Objective]:
        """The objectives a reflection is linked to."""
        ids = [r[0] for r in self.db.execute(
            "SELECT objective_id FROM entry_objectives WHERE entry_id = ? ORDER BY objective_id", [entry_id])]
        return [self.get(i) for i in ids]

    # -- reading --------------------------------------------------------------------------

    def get(self, objective_id: int) -> Objective:
        """The objective with this id; :class:`NotFoundError` if there is none."""
        rows = self._rows("o.id = ?", [objective_id])
        if not rows:
            raise NotFoundError(f"No objective {objective_id}. (`reflect objective list` shows them.)")
        return rows[0]

    def get_by_uid(self, uid: str) -> Objective | None:
        """The objective with this stable id (used by imports), or None."""
        rows = self._rows("o.uid = ?", [uid])
        return rows[0] if rows else None

    def list(self, status: str | Iterable[str] | None = None, *, skill: str | None = None,
             limit: int | None = None, offset: int = 0) -> list[Objective]:
        """Objectives, open ones first by deadline (none last), then closed ones, newest first.

        ``status`` narrows to one status or several; ``skill`` to those linked to a meta-skill;
        ``limit`` and ``offset`` read one page of that order.
        """
        where, params = self._where(status, skill)
        return self._rows(where, params, page_clause(limit, offset))

    def count(self, status: str | Iterable[str] | None = None, *, skill: str | None = None,
              overdue_on: date | None = None) -> int:
        """How many objectives :meth:`list` would give (only open ones past their deadline on
        ``overdue_on``, when given), counted in SQL."""
        where, params = self._where(status, skill)
        if overdue_on is not None:
            where += f" AND o.status IN ({','.join('?' * len(OPEN_STATUSES))}) AND o.deadline < ?"
            params += [*OPEN_STATUSES, overdue_on.isoformat()]
        return count_rows(self.journal.conn, "objectives o", where, params)

    def position(self, objective_id: int, status: str | Iterable[str] | None = None) -> int | None:
        """Where the objective stands (0 first) in :meth:`list` with the same ``status``, or
        None if it is not in that list."""
        where, params = self._where(status, None)
        return position_of(self.journal.conn, "objectives o", where, _ORDER, params, objective_id, "o.id")

    def _where(self, status: str | Iterable[str] | None, skill: str | None) -> tuple[str, builtins.list]:
        where, params = ["1"], []
        if status is not None:
            wanted = [status] if isinstance(status, str) else builtins.list(status)
            for s in wanted:
                f.choice(s, OBJECTIVE_STATUSES, "status")
            where.append(f"o.status IN ({','.join('?' * len(wanted))})")
            params += wanted
        if skill is not None:
            where.append("o.id IN (SELECT objective_id FROM objective_skills WHERE skill_id = ?)")
            params.append(skill)
        return " AND ".join(where), params

    def overdue(self, today: date | None = None) -> builtins.list[Objective]:
        """Open objectives whose deadline has passed."""
        today = today or self.journal.today()
        return [o for o in self.list(OPEN_STATUSES) if o.is_overdue(today)]

    def history(self, objective_id: int) -> builtins.list[StatusChange]:
        """Every status the objective has had, oldest first (the first is how it was created)."""
        self.get(objective_id)
        return [_change(r) for r in query_dicts(self.journal.conn,
            "SELECT * FROM objective_status_changes WHERE objective_id = ? ORDER BY id", [objective_id])]

    def changes_between(self, start: date, end: date) -> builtins.list[StatusChange]:
        """Status changes of all objectives dated ``start`` to ``end`` inclusive, oldest first."""
        return [_change(r) for r in query_dicts(self.journal.conn,
            "SELECT * FROM objective_status_changes WHERE changed_on BETWEEN ? AND ? ORDER BY changed_on, id",
            [start.isoformat(), end.isoformat()])]

    # -- helpers ---------------------------------------------------------------------------

    def _checked(self, values: dict) -> dict:
        out: dict[str, str | None] = {k: f.text(values.get(k), _NAMES[k], required=(k == "specific"), limit=_LIMITS.get(k, f.MAX_TEXT))
               for k in _TEXT_FIELDS}
        out["deadline"] = f.day(values.get("deadline"), "The deadline")
        out["agreed_on"] = f.day(values.get("agreed_on"), "The date it was agreed", today=self.journal.today())
        return out

    def _check_move(self, current: Objective, status: str, reason: str, on: date) -> None:
        name = f"Objective {current.id}"
        if status == current.status:
            raise InputError(f"{name} is already {current.label.lower()}.")
        if status not in TRANSITIONS[current.status]:
            if current.status == "draft":
                raise InputError(f"{name} is still a draft: mark it agreed first (who agreed it and when).")
            allowed = " or ".join(OBJECTIVE_STATUSES[s].lower() for s in TRANSITIONS[current.status])
            raise InputError(f"{name} is {current.label.lower()}; it can move to {allowed}.")
        if needs_reason(current.status, status) and not reason:
            raise InputError(f"Give a reason for marking {name.lower()} {OBJECTIVE_STATUSES[status].lower()}.")
        last = self.db.execute("SELECT max(changed_on) FROM objective_status_changes WHERE objective_id = ?",
                               [current.id]).fetchone()[0]
        if last and on.isoformat() < last:
            raise InputError(f"The change date {format_short(on)} is before the last change "
                             f"({format_short(date.fromisoformat(last))}).")

    def _record_change(self, objective_id: int, status: str, on: date, reason: str) -> None:
        self.db.execute(
            "INSERT INTO objective_status_changes (objective_id, status, changed_on, reason, created_at)"
            " VALUES (?, ?, ?, ?, ?)", [objective_id, status, on.isoformat(), reason, self.journal.now()])

    def _set_links(self, objective_id: int, skills, criteria, replace_existing: bool = False) -> None:
        for table, column, values in (("objective_skills", "skill_id", skills),
                                      ("objective_criteria", "criterion_id", criteria)):
            if values is None:
                continue
            if replace_existing:
                self.db.execute(f"DELETE FROM {table} WHERE objective_id = ?", [objective_id])
            self.db.conn.executemany(
                f"INSERT OR IGNORE INTO {table} (objective_id, {column}) VALUES (?, ?)",
                [(objective_id, v) for v in dict.fromkeys(values)])

    def _rows(self, where: str, params: builtins.list, page: str = "") -> builtins.list[Objective]:
        rows = builtins.list(query_dicts(self.journal.conn,
            "SELECT o.*, (SELECT c.changed_on FROM objective_status_changes c WHERE c.objective_id = o.id"
            f" ORDER BY c.id LIMIT 1) AS set_on FROM objectives o WHERE {where} ORDER BY {_ORDER}{page}", params))
        links = _links_for(self.journal.conn, [r["id"] for r in rows])
        return [_objective(r, *links[r["id"]]) for r in rows]


_CLOSED = f"o.status IN ({','.join(repr(s) for s in CLOSED_STATUSES)})"
# Open ones first, soonest deadline first; then closed ones, most recently changed first.
_ORDER = f"{_CLOSED}, CASE WHEN {_CLOSED} THEN o.updated_at END DESC, o.deadline IS NULL, o.deadline, o.id"


def _links_for(db, ids: list[int]) -> dict[int, tuple[tuple, tuple]]:
    """Skills and criteria of several objectives in two queries per 500."""
    found: dict[int, tuple[list, list]] = {i: ([], []) for i in ids}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        for slot, (table, column) in enumerate((("objective_skills", "skill_id"),
                                                ("objective_criteria", "criterion_id"))):
            for oid, value in db.execute(
                    f"SELECT objective_id, {column} FROM {table} WHERE objective_id IN ({marks})"
                    f" ORDER BY {column}", chunk):
                found[oid][slot].append(value)
    return {i: (tuple(s), tuple(c)) for i, (s, c) in found.items()}


def _objective(row: dict, skills: tuple, criteria: tuple) -> Objective:
    return Objective(
        id=row["id"], uid=row["uid"], specific=row["specific"],
        set_on=f.stored_day(row["set_on"]) or date.fromisoformat(row["created_at"][:10]),
        measure=row["measure"], achievable=row["achievable"], relevant=row["relevant"],
        deadline=f.stored_day(row["deadline"]), status=row["status"], agreed_by=row["agreed_by"],
        agreed_on=f.stored_day(row["agreed_on"]), source_entry_id=row["source_entry_id"],
        skills=skills, criteria=criteria, created_at=row["created_at"], updated_at=row["updated_at"])


def _change(row: dict) -> StatusChange:
    return StatusChange(id=row["id"], objective_id=row["objective_id"], status=row["status"],
                        changed_on=date.fromisoformat(row["changed_on"]), reason=row["reason"],
                        created_at=row["created_at"])
