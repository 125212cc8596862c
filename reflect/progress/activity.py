"""How regularly the apprentice reflects: a calendar of days, counts per week, and runs of
weeks with at least one reflection. Weeks start on Monday (UK).

Each query reads only the days in range through the live-entries-by-day index; runs of weeks
come from :mod:`reflect.progress.counts` (the running totals of weeks for the whole journal, and
otherwise one week at a time back to the first empty week).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from reflect.jsonable import Record
from reflect.progress import counts
from reflect.progress.counts import week_start
from reflect.entries.models import Target
from reflect.progress.evidence import evidence_filter, evidence_where, narrowed
from reflect.entries.models import EntryFilter

if TYPE_CHECKING:
    from reflect.journal import Journal



@dataclass(frozen=True)
class DayCount(Record):
    """Reflections on one day (a heatmap cell)."""

    day: date
    count: int
    target: Target  # the entries of that day

    def json_shape(self) -> dict:
        return {"date": self.day, "count": self.count}


@dataclass(frozen=True)
class WeekCount(Record):
    """Reflections in the week starting ``start`` (a sparkline point)."""

    start: date
    count: int
    target: Target

    def json_shape(self) -> dict:
        return {"week_start": self.start, "count": self.count}


@dataclass(frozen=True)
class ActivityCalendar(Record):
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

    def json_shape(self) -> dict:
        return {"start": self.start, "end": self.end,
                "days": self.days}


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


def current_streak_weeks(journal: "Journal", today: date | None = None, *,
                         entry_filter: EntryFilter | None = None, include_private: bool = True) -> int:
    """The run of consecutive weeks with at least one reflection, up to this week.

    A week still in progress does not break the run: with nothing yet this week, the run
    counts back from last week (there is still time to keep it going).
    """
    today = today or journal.today()
    return counts.current_run_weeks(journal, evidence_filter(entry_filter, include_private), today)


def longest_streak_weeks(journal: "Journal", today: date | None = None, *,
                         entry_filter: EntryFilter | None = None, include_private: bool = True) -> int:
    """The longest run of consecutive weeks with at least one reflection, ever (up to today)."""
    today = today or journal.today()
    base = evidence_filter(entry_filter, include_private)
    best = run = 0
    previous = None
    for week in counts.weeks_back(journal, base, today):
        run = run + 1 if previous is not None and week == previous - 1 else 1
        if run > best:
            best = run
        previous = week
    return best
