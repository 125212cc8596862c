"""Learning time: the time spent on reflections, development activities and mandatory
training, summed per week and per review period.

A reflection's time counts on its day; an activity's or a piece of training's on the day it
was completed (one still open counts nowhere yet: its time counts when it is done). Weeks
run Monday to Sunday. The review period is the one the project uses everywhere: from the day
after the last completed review's period (:func:`review_period_start`), or since the journal
began before the first review. The sums come from :mod:`reflect.progress.counts`, the one
counting path (the running totals answer for reflections over the whole journal).

Private reflections: the apprentice's own views (`reflect stats`, the dashboard) count their
time; anything written for someone else counts it only when it includes private reflections
(``include_private``), so a total never hints at reflections the reader cannot see.
Activities and training have no private flag: they always count.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from reflect.dates import day_or_none, format_hours
from reflect.entries.models import EntryFilter
from reflect.jsonable import Record
from reflect.progress import counts
from reflect.progress.counts import week_start

if TYPE_CHECKING:
    from reflect.journal import Journal


@dataclass(frozen=True)
class LearningTime(Record):
    """Minutes of learning from ``start`` to ``end`` (None: open on that side), by source."""

    start: date | None
    end: date | None
    reflections: int
    activities: int
    training: int

    @property
    def total(self) -> int:
        return self.reflections + self.activities + self.training

    def sentence(self, when: str = "this period") -> str:
        """"12.5 hours of learning this period, of which training 6 hours"."""
        text = f"{format_hours(self.total)} of learning {when}"
        if self.training and self.training != self.total:
            text += f", of which training {format_hours(self.training)}"
        elif self.training:
            text += ", all of it training"
        return text

    def split(self) -> str:
        """"reflections 4.5 hours, activities 2 hours, training 6 hours" (sources with time only)."""
        parts = [(name, n) for name, n in (("reflections", self.reflections), ("activities", self.activities),
                                           ("training", self.training)) if n]
        return ", ".join(f"{name} {format_hours(n)}" for name, n in parts)

    def json_shape(self) -> dict:
        return {"start": self.start, "end": self.end, "minutes": self.total, "reflections": self.reflections,
                "activities": self.activities, "training": self.training}

    @classmethod
    def from_json(cls, data: dict) -> "LearningTime":
        """The record back from its JSON form (a completed review's snapshot keeps it), so
        what is read back is phrased as it was shown."""
        return cls(day_or_none(data.get("start")), day_or_none(data.get("end")),
                   reflections=data.get("reflections") or 0, activities=data.get("activities") or 0,
                   training=data.get("training") or 0)


@dataclass(frozen=True)
class WeekTime(Record):
    """Minutes of learning in the week starting Monday ``start``, by source."""

    start: date
    reflections: int
    activities: int
    training: int

    @property
    def total(self) -> int:
        return self.reflections + self.activities + self.training

    def json_shape(self) -> dict:
        return {"week_start": self.start, "minutes": self.total, "reflections": self.reflections,
                "activities": self.activities, "training": self.training}


@dataclass(frozen=True)
class LearningSummary(Record):
    """What `reflect stats` shows: this review period, the whole span asked for, recent weeks."""

    period: LearningTime
    total: LearningTime
    weeks: tuple[WeekTime, ...]

    def json_shape(self) -> dict:
        return {"period": self.period, "total": self.total, "weeks": self.weeks}


def review_period_start(journal: "Journal") -> date | None:
    """The first day of the current review period: the day after the last completed review's
    period (as `reflect review prepare` and the review pack start), or None before the first
    review (the period then runs from the start of the journal).

    Read with the plain connection (the review store would load sqlite-utils on the reading
    commands' path); the same review as ``journal.reviews.last_completed()``.
    """
    row = journal.conn.execute("SELECT period_end FROM reviews WHERE status = 'completed'"
                               " ORDER BY agreed_on DESC, id DESC LIMIT 1").fetchone()
    end = day_or_none(row[0]) if row else None
    return end + timedelta(days=1) if end else None


def learning_time(journal: "Journal", start: date | None = None, end: date | None = None, *,
                  include_private: bool = True) -> LearningTime:
    """Minutes of learning from ``start`` to ``end`` inclusive (None: open on that side)."""
    base = EntryFilter(date_from=start, date_to=end, private=None if include_private else False)
    records = {table: sum(counts.record_minutes_by_day(journal, table, start, end).values())
               for table in counts.TIMED_RECORDS}
    return LearningTime(start, end, reflections=counts.reflection_minutes(journal, base),
                        activities=records["activities"], training=records["training"])


def weekly_learning_time(journal: "Journal", today: date, weeks: int = 12, *, include_private: bool = True,
                         start: date | None = None, end: date | None = None) -> tuple[WeekTime, ...]:
    """Minutes of learning per week for the last ``weeks`` weeks, oldest first, the last being
    the current (maybe partial) week; only days from ``start`` to ``end`` count, if given."""
    first = week_start(today) - timedelta(weeks=weeks - 1)
    last = first + timedelta(weeks=weeks, days=-1)
    low, high = max(first, start) if start else first, min(last, end) if end else last
    per_source: list[dict[date, int]] = [{}, {}, {}]  # reflections, activities, training: minutes per Monday
    if low <= high:
        base = EntryFilter(date_from=low, date_to=high, private=None if include_private else False)
        days = [counts.reflection_minutes_by_day(journal, base),
                *(counts.record_minutes_by_day(journal, table, low, high) for table in counts.TIMED_RECORDS)]
        for by_week, by_day in zip(per_source, days):
            for day, n in by_day.items():
                by_week[week_start(day)] = by_week.get(week_start(day), 0) + n
    result = []
    for k in range(weeks):
        monday = first + timedelta(weeks=k)
        result.append(WeekTime(monday, *(source.get(monday, 0) for source in per_source)))
    return tuple(result)


def learning_summary(journal: "Journal", today: date, weeks: int = 12, *, include_private: bool = True,
                     start: date | None = None, end: date | None = None) -> LearningSummary:
    """The current review period up to ``today`` (whatever ``start`` and ``end`` say), the span
    ``start`` to ``end`` (the whole journal by default) and the last ``weeks`` weeks within that span."""
    return LearningSummary(
        period=learning_time(journal, review_period_start(journal), today, include_private=include_private),
        total=learning_time(journal, start, end, include_private=include_private),
        weeks=weekly_learning_time(journal, today, weeks, include_private=include_private, start=start, end=end))
