"""Numbers about the journal as a whole: how much, how often, how long, which meta-skills.

For the whole journal every number comes from the running totals kept as entries are written
(through :mod:`reflect.progress.counts`); a period is counted by SQLite from its entries, using the word count
stored with each one, so no entry is ever loaded into Python.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from reflect.jsonable import Record
from reflect.progress.activity import current_streak_weeks, longest_streak_weeks
from reflect.entries.models import Target
from reflect.progress.evidence import (
    evidence_filter,
    narrowed,
    read_snapshot,
)
from reflect.progress import counts
from reflect.entries.models import EntryFilter

if TYPE_CHECKING:
    from reflect.journal import Journal
    from reflect.framework.standards import Framework


@dataclass(frozen=True)
class MonthCount(Record):
    """Reflections in one calendar month (``month`` is "YYYY-MM")."""

    month: str
    count: int
    scope: EntryFilter  # the entries the statistics count

    @property
    def target(self) -> Target:
        """The month's entries (made when asked: a long journal has thousands of months)."""
        return Target("entries", None, narrowed(self.scope, day_from=date.fromisoformat(self.month + "-01"),
                                                day_to=_month_end(self.month)))

    def json_shape(self) -> dict:
        return {"month": self.month, "count": self.count}


@dataclass(frozen=True)
class JournalStats(Record):
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
    #: Entries per kind of evidence (reflection, witness, ...), kinds with none left out.
    kinds: dict[str, int] = field(default_factory=dict)

    @property
    def weeks_spanned(self) -> int:
        """Weeks from the first reflection to today (at least 1 once there is one)."""
        if self.first_day is None:
            return 0
        return max(1, ((self.today - self.first_day).days + 7) // 7)

    @property
    def per_week(self) -> float:
        return self.entries / self.weeks_spanned if self.weeks_spanned else 0.0

    def json_shape(self) -> dict:
        return {"date": self.today, "entries": self.entries, "private": self.private,
                "trashed": self.trashed, "first": self.first_day, "last": self.last_day,
                "active_days": self.active_days, "words": self.words, "minutes": self.minutes,
                "timed_entries": self.timed_entries,
                "average_confidence": round(self.average_confidence, 2) if self.average_confidence else None,
                "per_week": round(self.per_week, 2), "models": dict(self.models), "meta_skills": dict(self.skills),
                "criteria_cited": self.criteria_cited, "months": self.months,
                "current_streak_weeks": self.current_streak_weeks,
                "longest_streak_weeks": self.longest_streak_weeks, "by_kind": dict(self.kinds)}


def journal_stats(journal: "Journal", framework: "Framework", *, today: date | None = None,
                  entry_filter: EntryFilter | None = None, include_private: bool = True) -> JournalStats:
    """Totals, words, time, streaks and per-month and per-skill counts.

    The whole journal (private entries or not) is read from the running totals
    (through :mod:`reflect.progress.counts`): a few hundred rows however long the journal. A narrower
    filter (a period) counts its entries one by one, words from the count stored with each.
    """
    today = today or journal.today()
    base = evidence_filter(entry_filter, include_private)
    with read_snapshot(journal):
        counted = counts.totals(journal, base)
        current = current_streak_weeks(journal, today, entry_filter=base)
        longest = longest_streak_weeks(journal, today, entry_filter=base)
        kinds = counts.per_kind(journal, base)
        (trashed,) = journal.conn.execute("SELECT count(*) FROM entries WHERE deleted_at IS NOT NULL").fetchone()
    tagged = dict(counted.tagged)
    skills = {s.id: tagged.pop(s.id, 0) for s in framework.meta_skills} | tagged
    months = tuple(MonthCount(month, n, base) for month, n in counted.months)
    return JournalStats(
        today=today, entries=counted.entries, private=counted.private, trashed=trashed,
        first_day=counted.first, last_day=counted.last, active_days=counted.active_days,
        words=counted.words, minutes=counted.minutes, timed_entries=counted.timed,
        average_confidence=counted.confidence, models=counted.models, skills=skills,
        criteria_cited=counted.cited, months=months, current_streak_weeks=current,
        longest_streak_weeks=longest, kinds=kinds,
    )


def _month_end(month: str) -> date:
    year, number = int(month[:4]), int(month[5:7])
    following = date(year + (number == 12), number % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1)
