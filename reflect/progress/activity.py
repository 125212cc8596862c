"""How regularly the apprentice reflects: a calendar of days, counts per week, and runs of
weeks with at least one reflection. Weeks start on Monday (UK).

Each query reads only the days in range through the live-entries-by-day index; runs of weeks
come from the running totals of weeks for the whole journal (:mod:`reflect.progress.counts`), and
otherwise probe one week at a time back to the first empty week.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Iterator

from reflect.progress import counts as tallies
from reflect.entries.models import Target
from reflect.progress.evidence import evidence_filter, evidence_where, narrowed
from reflect.entries.models import EntryFilter

if TYPE_CHECKING:
    from reflect.journal import Journal


def week_start(day: date) -> date:
    """The Monday of ``day``'s week."""
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True)
class DayCount:
    """Reflections on one day (a heatmap cell)."""

    day: date
    count: int
    target: Target  # the entries of that day

    def to_json(self) -> dict[str, Any]:
        return {"date": self.day.isoformat(), "count": self.count}


@dataclass(frozen=True)
class WeekCount:
    """Reflections in the week starting ``start`` (a sparkline point)."""

    start: date
    count: int
    target: Target

    def to_json(self) -> dict[str, Any]:
        return {"week_start": self.start.isoformat(), "count": self.count}


@dataclass(frozen=True)
class ActivityCalendar:
    """Every day from the Monday ``weeks`` weeks back up to ``today``, zeros included."""

    start: date
    end: date
    days: tuple[DayCount, ...]

    @property
    def busiest(self) -> int:
        return max((d.count for d in self.days), default=0)

    @property
    def active_days(self) -> int:
        return sum(1 for d in self.days if d.count)

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start.isoformat(), "end": self.end.isoformat(),
                "days": [d.to_json() for d in self.days]}


def _day_counts(journal: "Journal", base: EntryFilter, start: date, end: date) -> dict[str, int]:
    where, params = evidence_where(base)
    return dict(journal.conn.execute(
        f"SELECT e.day, count(*) FROM entries e WHERE {where} AND e.day >= ? AND e.day <= ? GROUP BY e.day",
        [*params, start.isoformat(), end.isoformat()]))


def activity_calendar(journal: "Journal", today: date | None = None, weeks: int = 26, *,
                      entry_filter: EntryFilter | None = None, include_private: bool = True) -> ActivityCalendar:
    """Reflections per day for a heatmap: the last ``weeks`` whole weeks up to today."""
    today = today or journal.today()
    base = evidence_filter(entry_filter, include_private)
    start = week_start(today) - timedelta(weeks=weeks - 1)
    counts = _day_counts(journal, base, start, today)
    days = []
    day = start
    while day <= today:
        days.append(DayCount(day, counts.get(day.isoformat(), 0),
                             Target("entries", None, narrowed(base, day_from=day, day_to=day))))
        day += timedelta(days=1)
    return ActivityCalendar(start, today, tuple(days))


def weekly_counts(journal: "Journal", today: date | None = None, weeks: int = 26, *,
                  entry_filter: EntryFilter | None = None, include_private: bool = True) -> tuple[WeekCount, ...]:
    """Reflections per week, oldest first, the last being the current (maybe partial) week."""
    today = today or journal.today()
    base = evidence_filter(entry_filter, include_private)
    first = week_start(today) - timedelta(weeks=weeks - 1)
    per_week: dict[date, int] = {}
    for day, n in _day_counts(journal, base, first, today).items():
        monday = week_start(date.fromisoformat(day))
        per_week[monday] = per_week.get(monday, 0) + n
    result = []
    for k in range(weeks):
        monday = first + timedelta(weeks=k)
        sunday = monday + timedelta(days=6)
        result.append(WeekCount(monday, per_week.get(monday, 0),
                                Target("entries", None, narrowed(base, day_from=monday, day_to=sunday))))
    return tuple(result)


def _active_weeks_back(journal: "Journal", base: EntryFilter, today: date) -> Iterator[date]:
    """Mondays of weeks with a reflection, newest first, read lazily from the day index."""
    where, params = evidence_where(base)
    cursor = journal.conn.execute(
        f"SELECT DISTINCT e.day FROM entries e WHERE {where} AND e.day <= ? ORDER BY e.day DESC",
        [*params, today.isoformat()])
    last = None
    for (day,) in cursor:
        monday = week_start(date.fromisoformat(day))
        if monday != last:
            last = monday
            yield monday


def _tallied_weeks_back(journal: "Journal", base: EntryFilter, today: date) -> Iterator[int]:
    """Numbers of the weeks with a reflection up to today, newest first, from the running totals.

    Those count every day of a week; this week counts only if it has a reflection by today.
    """
    this_week = tallies.week_number(today)
    where, params = evidence_where(base)
    (started,) = journal.conn.execute(
        f"SELECT EXISTS (SELECT 1 FROM entries e WHERE {where} AND e.day >= ? AND e.day <= ?)",
        [*params, week_start(today).isoformat(), today.isoformat()]).fetchone()
    if started:
        yield this_week
    yield from tallies.weeks_back(journal.conn, base.private, this_week - 1)


def current_streak_weeks(journal: "Journal", today: date | None = None, *,
                         entry_filter: EntryFilter | None = None, include_private: bool = True) -> int:
    """The run of consecutive weeks with at least one reflection, up to this week.

    A week still in progress does not break the run: with nothing yet this week, the run
    counts back from last week (there is still time to keep it going).
    """
    today = today or journal.today()
    base = evidence_filter(entry_filter, include_private)
    this_week = week_start(today)
    if tallies.covers(base):
        current = tallies.week_number(today)
        run, expected = 0, current
        for week in tallies.weeks_back(journal.conn, base.private, current):
            if run == 0 and week == current - 1:
                expected = week  # nothing yet this week: the run may end last week
            if week != expected:
                break
            run, expected = run + 1, expected - 1
        return run
    where, params = evidence_where(base)
    in_week = (f"EXISTS (SELECT 1 FROM entries e WHERE {where}"
               " AND e.day >= w.monday AND e.day <= date(w.monday, '+6 days'))")
    (started,) = journal.conn.execute(
        f"SELECT {in_week} FROM (SELECT ? AS monday) w", [*params, this_week.isoformat()]).fetchone()
    start = this_week if started else this_week - timedelta(weeks=1)
    # Step back a week at a time while the week has a reflection: one index probe per week,
    # so a long run costs little and nothing before it is read.
    (run,) = journal.conn.execute(
        "WITH RECURSIVE w(monday) AS (SELECT ? UNION ALL"
        f" SELECT date(w.monday, '-7 days') FROM w WHERE {in_week})"
        " SELECT count(*) - 1 FROM w", [start.isoformat(), *params]).fetchone()
    return run


def longest_streak_weeks(journal: "Journal", today: date | None = None, *,
                         entry_filter: EntryFilter | None = None, include_private: bool = True) -> int:
    """The longest run of consecutive weeks with at least one reflection, ever (up to today)."""
    today = today or journal.today()
    base = evidence_filter(entry_filter, include_private)
    best = run = 0
    previous = None
    for week in (_tallied_weeks_back(journal, base, today) if tallies.covers(base)
                 else map(tallies.week_number, _active_weeks_back(journal, base, today))):
        run = run + 1 if previous is not None and week == previous - 1 else 1
        if run > best:
            best = run
        previous = week
    return best
