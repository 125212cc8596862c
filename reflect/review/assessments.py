"""Self-assessments: the meta-skills rated 1-5 (see :data:`~reflect.review.models.RATING_SCALE`).

Every assessment is kept, so each skill's trend is visible over time. A rating can carry a
note and be marked a *strength* or an *improvement need*. An assessment need not rate every
skill (people sometimes rate only the ones they worked on); the command line and the app
ask for all of them.
"""

from __future__ import annotations

import builtins
from datetime import date
from typing import TYPE_CHECKING, Iterable, Mapping

from reflect.review import fields as f
from reflect.errors import InputError, NotFoundError
from reflect.review.models import Assessment, Rating, RatingChange, TrendPoint
from reflect.store.db import inserted_id, query_dicts

if TYPE_CHECKING:
    import sqlite_utils

    from reflect.store.db import JournalDB

FOCUS = ("strength", "improve")


class AssessmentStore:
    """Self-assessments of one journal. Reach it as ``journal.assessments``."""

    def __init__(self, journal: "JournalDB"):
        self.journal = journal

    @property
    def db(self) -> "sqlite_utils.Database":
        """sqlite-utils on the journal, made on first use (reading needs only ``journal.conn``)."""
        return self.journal.db

    def add(self, *, ratings: Mapping[str, int], assessed_on: date | None = None,
            notes: Mapping[str, str] | None = None, strengths: Iterable[str] = (),
            improve: Iterable[str] = (), note: str = "", review_id: int | None = None) -> Assessment:
        """Record a self-assessment (dated today unless ``assessed_on``) and return it.

        ``ratings`` maps skill ids to 1-5; ``notes`` adds a note to some of them; ``strengths``
        and ``improve`` mark rated skills as strengths or improvement needs.
        """
        today = self.journal.today()
        assessed = f.day(assessed_on or today, "The assessment date", today=today)
        rows = _rating_rows(ratings, notes or {}, set(strengths), set(improve))
        overall = f.text(note, "The note")
        with self.journal.write():
            f.require_row(self.db, "reviews", review_id, f"No review {review_id}.")
            assessment_id = inserted_id(self.db.table("assessments").insert(
                {"assessed_on": assessed, "note": overall, "review_id": review_id,
                 "created_at": self.journal.now()}))
            self.db.table("assessment_ratings").insert_all(
                {"assessment_id": assessment_id, "skill_id": skill, "rating": rating, "note": text, "focus": focus}
                for skill, rating, text, focus in rows)
        return self.get(assessment_id)

    def delete(self, assessment_id: int) -> Assessment:
        """Remove an assessment recorded by mistake."""
        with self.journal.write():
            current = self.get(assessment_id)
            self.db.execute("DELETE FROM assessments WHERE id = ?", [assessment_id])
        return current

    def attach_to_review(self, assessment_id: int, review_id: int) -> None:
        """Mark an assessment as the one a review was based on."""
        with self.journal.write():
            self.get(assessment_id)
            self.db.execute("UPDATE assessments SET review_id = ? WHERE id = ?", [review_id, assessment_id])

    def get(self, assessment_id: int) -> Assessment:
        """The assessment with this id; :class:`NotFoundError` if there is none."""
        found = self._load("id = ?", [assessment_id])
        if not found:
            raise NotFoundError(f"No self-assessment {assessment_id}. (`reflect assess history` lists them.)")
        return found[0]

    def list(self, *, date_from: date | None = None, date_to: date | None = None) -> list[Assessment]:
        """Assessments newest first, optionally between two dates (inclusive)."""
        where, params = ["1"], []
        if date_from is not None:
            where.append("assessed_on >= ?")
            params.append(date_from.isoformat())
        if date_to is not None:
            where.append("assessed_on <= ?")
            params.append(date_to.isoformat())
        return self._load(" AND ".join(where), params)

    def latest(self, on_or_before: date | None = None) -> Assessment | None:
        """The most recent assessment (up to a day, if given), or None."""
        where, params = ("assessed_on <= ?", [on_or_before.isoformat()]) if on_or_before else ("1", [])
        found = self._load(where, params, limit=1)  # one, not every assessment ever made
        return found[0] if found else None

    def previous(self, assessment: Assessment) -> Assessment | None:
        """The assessment just before ``assessment``, or None."""
        found = self._load("(assessed_on < ? OR (assessed_on = ? AND id < ?))",
                           [assessment.assessed_on.isoformat(), assessment.assessed_on.isoformat(), assessment.id],
                           limit=1)
        return found[0] if found else None

    def trend(self, skill_id: str) -> builtins.list[TrendPoint]:
        """One skill's ratings over time, oldest first."""
        return self.trends().get(skill_id, [])

    def trends(self) -> dict[str, builtins.list[TrendPoint]]:
        """Every rated skill's ratings over time, oldest first."""
        result: dict[str, list[TrendPoint]] = {}
        for skill, aid, day, rating in self.db.execute(
                "SELECT r.skill_id, a.id, a.assessed_on, r.rating FROM assessment_ratings r"
                " JOIN assessments a ON a.id = r.assessment_id ORDER BY a.assessed_on, a.id"):
            result.setdefault(skill, []).append(TrendPoint(aid, date.fromisoformat(day), rating))
        return result

    def _load(self, where: str, params: builtins.list, limit: int = -1) -> builtins.list[Assessment]:
        conn = self.journal.conn
        rows = query_dicts(conn, f"SELECT * FROM assessments WHERE {where} ORDER BY assessed_on DESC, id DESC LIMIT ?",
                           params + [limit])
        ratings: dict[int, list[Rating]] = {r["id"]: [] for r in rows}
        ids = list(ratings)
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            for r in query_dicts(
                    conn, f"SELECT * FROM assessment_ratings WHERE assessment_id IN ({','.join('?' * len(chunk))})"
                    " ORDER BY skill_id", chunk):
                ratings[r["assessment_id"]].append(Rating(r["skill_id"], r["rating"], r["note"], r["focus"]))
        return [Assessment(id=r["id"], assessed_on=date.fromisoformat(r["assessed_on"]),
                           ratings=tuple(ratings[r["id"]]), note=r["note"], review_id=r["review_id"],
                           created_at=r["created_at"]) for r in rows]


def compare(current: Assessment | None, previous: Assessment | None,
            order: Iterable[str] = ()) -> list[RatingChange]:
    """Each skill rated in either assessment: its rating before and now.

    Skills come in ``order`` (e.g. the framework's) first, then any others by id.
    """
    before = {r.skill_id: r.rating for r in previous.ratings} if previous else {}
    after = {r.skill_id: r.rating for r in current.ratings} if current else {}
    rated = set(before) | set(after)
    ordered = [s for s in dict.fromkeys(order) if s in rated] + sorted(rated - set(order))
    return [RatingChange(s, before.get(s), after.get(s)) for s in ordered]


def _rating_rows(ratings: Mapping[str, int], notes: Mapping[str, str], strengths: set, improve: set) -> list[tuple]:
    if not ratings:
        raise InputError("Rate at least one meta-skill (1 to 5).")
    for skill, rating in ratings.items():
        if not (isinstance(rating, int) and not isinstance(rating, bool) and 1 <= rating <= 5):
            raise InputError(f"Rate {skill} from 1 to 5, not {rating}.")
    both = strengths & improve
    if both:
        raise InputError(f"{sorted(both)[0]} can't be both a strength and an improvement need.")
    noted = {skill for skill, text in notes.items() if (text or "").strip()}
    for skill in sorted((strengths | improve | noted) - set(ratings)):
        raise InputError(f"Rate {skill} too if you mark it or add a note to it.")
    return [(skill, rating, f.text(notes.get(skill), f"The note on {skill}", limit=2000),
             "strength" if skill in strengths else "improve" if skill in improve else None)
            for skill, rating in ratings.items()]
