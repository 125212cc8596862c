"""Numbers about the journal as a whole: how much, how often, how long, which meta-skills.

For the whole journal every number comes from the running totals kept as entries are written
(:mod:`reflect.progress.counts`); a period is counted by SQLite from its entries, using the word count
stored with each one, so no entry is ever loaded into Python.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from reflect.progress import counts as tallies
from reflect.progress.activity import current_streak_weeks, longest_streak_weeks
from reflect.dates import day_or_none, iso
from reflect.entries.models import Target
from reflect.progress.evidence import (
    evidence_filter,
    evidence_where,
    narrowed,
    open_evidence,
    read_snapshot,
)
from reflect.entries.models import EntryFilter

if TYPE_CHECKING:
    from reflect.journal import Journal
    from reflect.framework.standards import Framework


@dataclass(frozen=True)
class MonthCount:
    """Reflections in one calendar month (``month`` is "YYYY-MM")."""

    month: str
    count: int
    scope: EntryFilter  # the entries the statistics count

    @property
    def target(self) -> Target:
        """The month's entries (made when asked: a long journal has thousands of months)."""
        return Target("entries", None, narrowed(self.scope, day_from=date.fromisoformat(self.month + "-01"),
                                                day_to=_month_end(self.month)))

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


@dataclass(frozen=True)
class _Counted:
    """What the two ways of counting (running totals, or entry by entry) both give."""

    entries: int
    private: int
    first: date | None
    last: date | None
    active_days: int
    words: int
    minutes: int
    timed: int
    confidence: float | None
    models: dict[str, int]
    tagged: dict[str, int]  # meta-skill id -> entries
    cited: int
    months: list[tuple[str, int]]


def journal_stats(journal: "Journal", framework: "Framework", *, today: date | None = None,
                  entry_filter: EntryFilter | None = None, include_private: bool = True) -> JournalStats:
    """Totals, words, time, streaks and per-month and per-skill counts.

    The whole journal (private entries or not) is read from the running totals
    (:mod:`reflect.progress.counts`): a few hundred rows however long the journal. A narrower
    filter (a period) counts its entries one by one, words from the count stored with each.
    """
    today = today or journal.today()
    base = evidence_filter(entry_filter, include_private)
    with read_snapshot(journal):
        counted = _from_tallies(journal, base) if tallies.covers(base) else _from_entries(journal, base)
        current = current_streak_weeks(journal, today, entry_filter=base)
        longest = longest_streak_weeks(journal, today, entry_filter=base)
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
        longest_streak_weeks=longest,
    )


def _from_tallies(journal: "Journal", base: EntryFilter) -> _Counted:
    conn, private = journal.conn, base.private
    sums = tallies.totals(conn, private)
    active, first, last = tallies.days(conn, private)
    tagged: dict[str, int] = {}
    for skills, (n, _) in tallies.skill_sets(conn, private).items():
        for skill in skills:
            tagged[skill] = tagged.get(skill, 0) + n
    return _Counted(
        entries=sums.entries, private=sums.private, first=first, last=last, active_days=active,
        words=sums.words, minutes=sums.minutes, timed=sums.timed, confidence=sums.average_confidence,
        models=sums.models, tagged=dict(sorted(tagged.items())), cited=tallies.criteria_cited(conn, private),
        months=tallies.months(conn, private),
    )


def _from_entries(journal: "Journal", base: EntryFilter) -> _Counted:
    conn = journal.conn
    with open_evidence(journal, base) as evidence:
        where, params = evidence_where(base)
        (entries, private, first, last, words, unknown, minutes, timed, confidence) = conn.execute(
            "SELECT count(*), sum(e.private), min(e.day), max(e.day), sum(e.words), count(*) - count(e.words),"
            f" sum(e.minutes), count(e.minutes), avg(e.confidence) FROM entries e WHERE {where}", params).fetchone()
        # Entries written or changed by another tool may lack a right stored count.
        words = (words or 0) + tallies.words_not_stored(conn, where, params, unknown=bool(unknown))
        # Separately: grouping the pass above would make SQLite sort every entry's text.
        models = dict(conn.execute(
            f"SELECT e.model, count(*) FROM entries e WHERE {where} GROUP BY e.model"
            " ORDER BY count(*) DESC, e.model", params))
        tagged = dict(conn.execute(
            f"SELECT es.skill_id, count(*) FROM entry_skills es JOIN {evidence.table} l ON l.id = es.entry_id"
            " GROUP BY es.skill_id"))
        (cited,) = conn.execute(
            "SELECT count(DISTINCT ec.criterion_id) FROM entry_criteria ec"
            f" JOIN {evidence.table} l ON l.id = ec.entry_id").fetchone()
        per_month = conn.execute(
            f"SELECT substr(day, 1, 7) AS month, count(*), count(DISTINCT day) FROM {evidence.table}"
            " GROUP BY month ORDER BY month").fetchall()
    return _Counted(
        entries=entries, private=private or 0, first=day_or_none(first), last=day_or_none(last),
        active_days=sum(d for _, _, d in per_month), words=words or 0, minutes=minutes or 0, timed=timed,
        confidence=confidence, models=models, tagged=tagged, cited=cited,
        months=[(month, n) for month, n, _ in per_month],
    )


def _month_end(month: str) -> date:
    year, number = int(month[:4]), int(month[5:7])
    following = date(year + (number == 12), number % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1)
