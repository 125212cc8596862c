"""Numbers about the journal as a whole: how much, how often, how long, which meta-skills.

All sums are done by SQLite; word counts use a tiny SQL function (whitespace-separated words,
as a person would count them) so no entry is ever loaded into Python.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from reflect.activity_stats import current_streak_weeks, longest_streak_weeks
from reflect.evidence import (
    Target,
    day_or_none,
    evidence_where,
    iso,
    narrowed,
    open_evidence,
)
from reflect.models import EntryFilter

if TYPE_CHECKING:
    from reflect.journal import Journal
    from reflect.standards import Framework


@dataclass(frozen=True)
class MonthCount:
    """Reflections in one calendar month (``month`` is "YYYY-MM")."""

    month: str
    count: int
    target: Target

    def to_json(self) -> dict[str, Any]:
        return {"month": self.month, "count": self.count}


@dataclass(frozen=True)
class JournalStats:
    """Totals for the entries in scope (live ones; trashed entries are only counted apart)."""

    today: date
    entries: int
    private: int
    trashed: int
    first_day: date | None
    last_day: date | None
    active_days: int  # days with at least one reflection
    words: int
    minutes: int  # time spent, where recorded
    timed_entries: int  # entries with a time spent
    average_confidence: float | None
    models: dict[str, int]  # reflective model -> entries
    skills: dict[str, int]  # meta-skill id -> entries (framework order, zeros included)
    criteria_cited: int  # distinct criteria cited
    months: tuple[MonthCount, ...]  # oldest first, months with entries only
    current_streak_weeks: int
    longest_streak_weeks: int

    @property
    def weeks_spanned(self) -> int:
        """Weeks from the first reflection to today (at least 1 once there is one)."""
        if self.first_day is None:
            return 0
        return max(1, ((self.today - self.first_day).days + 7) // 7)

    @property
    def per_week(self) -> float:
        return self.entries / self.weeks_spanned if self.weeks_spanned else 0.0

    def to_json(self) -> dict[str, Any]:
        return {"date": self.today.isoformat(), "entries": self.entries, "private": self.private,
                "trashed": self.trashed, "first": iso(self.first_day), "last": iso(self.last_day),
                "active_days": self.active_days, "words": self.words, "minutes": self.minutes,
                "timed_entries": self.timed_entries,
                "average_confidence": round(self.average_confidence, 2) if self.average_confidence else None,
                "per_week": round(self.per_week, 2), "models": dict(self.models), "meta_skills": dict(self.skills),
                "criteria_cited": self.criteria_cited, "months": [m.to_json() for m in self.months],
                "current_streak_weeks": self.current_streak_weeks,
                "longest_streak_weeks": self.longest_streak_weeks}


def _words(text: str | None) -> int:
    return len(text.split()) if text else 0


def journal_stats(journal: "Journal", framework: "Framework", *, today: date | None = None,
                  entry_filter: EntryFilter | None = None, include_private: bool = True) -> JournalStats:
    """Totals, words, time, streaks and per-month and per-skill counts.

    Counting words reads every entry's text inside SQLite, so this takes longer than the gap
    summary on a big journal (about half a second for 100,000 entries).
    """
    today = today or journal.today()
    db = journal.db
    db.conn.create_function("reflect_words", 1, _words, deterministic=True)
    with open_evidence(journal, entry_filter, include_private) as evidence:
        base = evidence.filters
        where, params = evidence_where(base)
        (entries, private, first, last, words, minutes, timed, confidence) = db.execute(
            "SELECT count(*), sum(e.private), min(e.day), max(e.day),"
            " sum(reflect_words(e.title) + reflect_words(e.body)), sum(e.minutes), count(e.minutes),"
            f" avg(e.confidence) FROM entries e WHERE {where}", params).fetchone()
        # Separately: grouping the pass above would make SQLite sort every entry's text.
        models = dict(db.execute(
            f"SELECT e.model, count(*) FROM entries e WHERE {where} GROUP BY e.model"
            " ORDER BY count(*) DESC, e.model", params))
        tagged = dict(db.execute(
            f"SELECT es.skill_id, count(*) FROM entry_skills es JOIN {evidence.table} l ON l.id = es.entry_id"
            " GROUP BY es.skill_id"))
        (cited,) = db.execute(
            "SELECT count(DISTINCT ec.criterion_id) FROM entry_criteria ec"
            f" JOIN {evidence.table} l ON l.id = ec.entry_id").fetchone()
        per_month = db.execute(
            f"SELECT substr(day, 1, 7) AS month, count(*), count(DISTINCT day) FROM {evidence.table}"
            " GROUP BY month ORDER BY month").fetchall()
        months = tuple(
            MonthCount(month, n, Target("entries", None, narrowed(
                base, day_from=date.fromisoformat(month + "-01"), day_to=_month_end(month))))
            for month, n, _ in per_month)
        days = sum(d for _, _, d in per_month)
        current = current_streak_weeks(journal, today, entry_filter=base)
        longest = longest_streak_weeks(journal, today, entry_filter=base)
    trashed = db.execute("SELECT count(*) FROM entries WHERE deleted_at IS NOT NULL").fetchone()[0]
    skills = {s.id: tagged.pop(s.id, 0) for s in framework.meta_skills} | tagged
    return JournalStats(
        today=today, entries=entries, private=private or 0, trashed=trashed,
        first_day=day_or_none(first), last_day=day_or_none(last), active_days=days, words=words or 0,
        minutes=minutes or 0, timed_entries=timed, average_confidence=confidence,
        models=models, skills=skills, criteria_cited=cited, months=months,
        current_streak_weeks=current, longest_streak_weeks=longest,
    )


def _month_end(month: str) -> date:
    year, number = int(month[:4]), int(month[5:7])
    following = date(year + (number == 12), number % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1)
