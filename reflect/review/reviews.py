"""Performance reviews: one draft being prepared, then completed records that never change.

The apprentice's own words (strengths, improvement needs, proposed next objectives) can be
saved on the draft before the meeting. Completing it records the mentor's name and the
agreed date and stores a JSON snapshot of everything assembled for it
(:func:`reflect.review.prep.complete_review` does that). A completed review is read-only:
this store refuses changes with :class:`ReviewLockedError`, and a trigger in the database
refuses them even from other tools.
"""

from __future__ import annotations

import builtins
import json
import sqlite3
import uuid
from datetime import date, timedelta
from typing import TYPE_CHECKING

from reflect.review import fields as f
from reflect.dates import format_short
from reflect.errors import InputError, NotFoundError, ReflectError
from reflect.review.models import Review
from reflect.store.db import inserted_id, query_dicts

if TYPE_CHECKING:
    import sqlite_utils

    from reflect.store.db import JournalDB

_TEXT_FIELDS = ("strengths", "improvements", "next_objectives", "mentor_name", "questions")
_NAMES = {"strengths": "The strengths", "improvements": "The improvement needs", "questions": "The questions",
          "next_objectives": "The proposed objectives", "mentor_name": "The mentor's name"}


class ReviewLockedError(ReflectError):
    """Someone tried to change or delete a completed review."""

    def __init__(self, review: Review):
        when = format_short(review.agreed_on) if review.agreed_on else "earlier"
        super().__init__(f"Review {review.id} was completed on {when} and is read-only; "
                         "prepare a new review instead.")
        self.review = review


class ReviewStore:
    """Performance reviews of one journal. Reach it as ``journal.reviews``."""

    def __init__(self, journal: "JournalDB"):
        self.journal = journal

    @property
    def db(self) -> "sqlite_utils.Database":
        """sqlite-utils on the journal, made on first use (reading needs only ``journal.conn``)."""
        return self.journal.db

    # -- the draft ------------------------------------------------------------------------

    def draft(self) -> Review | None:
        """The review being prepared, if any."""
        rows = self._rows("status = 'draft'", [])
        return rows[0] if rows else None

    def save_draft(self, **changes) -> Review:
        """Save the apprentice's notes on the review being prepared (created if there is none).

        Accepts ``strengths``, ``improvements``, ``next_objectives``, ``mentor_name``, ``questions`` (text)
        and ``agreed_on`` (planned meeting date); fields not given are kept.
        """
        f.unknown_fields(changes, _TEXT_FIELDS + ("agreed_on",))
        with self.journal.write():
            current = self.draft()
            if current is None:
                today = self.journal.today()
                start = min(self.next_period_start() or today, today)
                cursor = self.db.execute(
                    "INSERT INTO reviews (uid, period_start, period_end, created_at, updated_at)"
                    " VALUES (?, ?, ?, ?, ?)",
                    [uuid.uuid4().hex, start.isoformat(), today.isoformat(), self.journal.now(), self.journal.now()])
                current = self.get(inserted_id(cursor))
            return self.update(current.id, **changes)

    def update(self, review_id: int, **changes) -> Review:
        """Change a draft's text fields or planned date; a completed review refuses."""
        f.unknown_fields(changes, _TEXT_FIELDS + ("agreed_on",))
        with self.journal.write():
            current = self._editable(review_id)
            values = {k: f.text(changes.get(k, getattr(current, k)), _NAMES[k], limit=200 if k == "mentor_name"
                                 else f.MAX_TEXT) for k in _TEXT_FIELDS}
            agreed_on = f.day(changes.get("agreed_on", current.agreed_on), "The review date")
            self._write("UPDATE reviews SET strengths = ?, improvements = ?, next_objectives = ?, mentor_name = ?,"
                        " questions = ?, agreed_on = ?, updated_at = ? WHERE id = ?",
                        [*values.values(), agreed_on, self.journal.now(), review_id], current)
        return self.get(review_id)

    def delete(self, review_id: int) -> Review:
        """Throw away a draft (a completed review is kept for good)."""
        with self.journal.write():
            current = self._editable(review_id)
            self._write("DELETE FROM reviews WHERE id = ?", [review_id], current)
        return current

    def complete(self, *, mentor_name: str, agreed_on: date, period_start: date, period_end: date,
                 snapshot: dict, strengths: str | None = None, improvements: str | None = None,
                 next_objectives: str | None = None) -> Review:
        """Complete the draft (made now if there is none) and freeze it with ``snapshot``.

        Text fields not given keep what the draft had. Usually called through
        :func:`reflect.review.prep.complete_review`, which assembles the snapshot.
        """
        today = self.journal.today()
        mentor = f.text(mentor_name, "The mentor's name", required=True, limit=200)
        agreed = f.day(agreed_on, "The review date", today=today, required=True)
        if period_start > period_end:
            raise InputError(f"The review period starts ({format_short(period_start)}) after it ends "
                             f"({format_short(period_end)}).")
        with self.journal.write():
            last = self.last_completed()
            if last is not None and last.agreed_on is not None and agreed_on <= last.agreed_on:
                raise InputError(f"The review date {format_short(agreed_on)} is not after the last review "
                                 f"({format_short(last.agreed_on)}).")
            given = {"strengths": strengths, "improvements": improvements, "next_objectives": next_objectives}
            draft = self.save_draft(**{k: v for k, v in given.items() if v is not None})
            self._write(
                "UPDATE reviews SET status = 'completed', mentor_name = ?, agreed_on = ?, period_start = ?,"
                " period_end = ?, snapshot = ?, completed_at = ?, updated_at = ? WHERE id = ?",
                [mentor, agreed, period_start.isoformat(), period_end.isoformat(),
                 json.dumps(snapshot, ensure_ascii=False, default=str), self.journal.now(), self.journal.now(),
                 draft.id], draft)
        return self.get(draft.id)

    # -- reading --------------------------------------------------------------------------

    def get(self, review_id: int) -> Review:
        """The review with this id; :class:`NotFoundError` if there is none."""
        rows = self._rows("id = ?", [review_id])
        if not rows:
            raise NotFoundError(f"No review {review_id}. (`reflect review list` shows them.)")
        return rows[0]

    def get_by_uid(self, uid: str) -> Review | None:
        rows = self._rows("uid = ?", [uid])
        return rows[0] if rows else None

    def list(self, *, completed: bool | None = None) -> list[Review]:
        """Reviews newest first (the draft, if any, at the top)."""
        where = {None: "1", True: "status = 'completed'", False: "status = 'draft'"}[completed]
        return self._rows(where, [])

    def last_completed(self) -> Review | None:
        """The most recent completed review, or None."""
        rows = self._rows("status = 'completed'", [], limit=1)
        return rows[0] if rows else None

    def next_period_start(self) -> date | None:
        """The day after the last completed review's period, or None before the first review."""
        last = self.last_completed()
        return last.period_end + timedelta(days=1) if last else None

    # -- helpers ---------------------------------------------------------------------------

    def _editable(self, review_id: int) -> Review:
        current = self.get(review_id)
        if current.read_only:
            raise ReviewLockedError(current)
        return current

    def _write(self, sql: str, params: builtins.list, review: Review) -> None:
        try:
            self.db.execute(sql, params)
        except sqlite3.IntegrityError as error:
            if "read-only" in str(error):  # the trigger: completed by another window meanwhile
                raise ReviewLockedError(self.get(review.id)) from None
            raise

    def _rows(self, where: str, params: builtins.list, limit: int = -1) -> builtins.list[Review]:
        rows = query_dicts(
            self.journal.conn,
            f"SELECT * FROM reviews WHERE {where} ORDER BY status = 'completed', agreed_on DESC, id DESC LIMIT ?",
            params + [limit])
        return [_review(r) for r in rows]


def _review(row: dict) -> Review:
    return Review(
        id=row["id"], uid=row["uid"], period_start=date.fromisoformat(row["period_start"]),
        period_end=date.fromisoformat(row["period_end"]), status=row["status"], strengths=row["strengths"],
        improvements=row["improvements"], next_objectives=row["next_objectives"], mentor_name=row["mentor_name"],
        questions=row.get("questions") or "",
        agreed_on=f.stored_day(row["agreed_on"]), snapshot=json.loads(row["snapshot"]) if row["snapshot"] else None,
        completed_at=row["completed_at"], created_at=row["created_at"], updated_at=row["updated_at"])
