"""The performance-review schedule: a start date and an interval (default every 12 weeks).

Weekly intervals use dateutil's ``rrule``. Monthly ones ("every 3 months") are offsets from
the *original* start with ``relativedelta``, never added one after another: from 31 January,
three months on is 30 April and six months on is 31 July (adding cumulatively would drift to
the 30th for ever after, and ``rrule`` would skip months that have no 31st).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from dateutil.relativedelta import relativedelta
from dateutil.rrule import WEEKLY, rrule

from reflect.errors import InputError

DEFAULT_INTERVAL = "12 weeks"


@dataclass(frozen=True)
class Interval:
    """How often reviews happen: ``count`` weeks or months."""

    count: int
    unit: str  # "weeks" or "months"

    def __str__(self) -> str:
        unit = self.unit if self.count != 1 else self.unit[:-1]
        return f"{self.count} {unit}"


def parse_interval(text: str | int) -> Interval:
    """Read "12 weeks", "12w", "3 months", "3m" or a bare number of weeks."""
    if isinstance(text, int):
        text = str(text)
    match = re.fullmatch(r"\s*(\d{1,3})\s*(w|wk|wks|weeks?|m|mo|mos|months?)?\s*", text, re.IGNORECASE)
    if not match:
        raise InputError(f'Can\'t read the review interval "{text}". Try 12 weeks or 3 months.')
    count = int(match.group(1))
    unit = "months" if (match.group(2) or "w").lower().startswith("m") else "weeks"
    limit = 104 if unit == "weeks" else 24
    if not 1 <= count <= limit:
        raise InputError(f"A review interval of 1 to {limit} {unit}, please.")
    return Interval(count, unit)


def review_dates(start: date, interval: Interval, until: date) -> list[date]:
    """Every scheduled review from ``start`` up to and including ``until``."""
    if until < start:
        return []
    if interval.unit == "weeks":
        rule = rrule(WEEKLY, interval=interval.count, dtstart=datetime.combine(start, datetime.min.time()),
                     until=datetime.combine(until, datetime.min.time()))
        return [d.date() for d in rule]
    dates, k = [], 0
    while (d := start + relativedelta(months=interval.count * k)) <= until:
        dates.append(d)
        k += 1
    return dates


def next_review(start: date, interval: Interval, today: date) -> date:
    """The first scheduled review on or after ``today`` (the start itself if still ahead)."""
    if today <= start:
        return start
    if interval.unit == "weeks":
        rule = rrule(WEEKLY, interval=interval.count, dtstart=datetime.combine(start, datetime.min.time()))
        return rule.after(datetime.combine(today, datetime.min.time()), inc=True).date()
    # Estimate how many intervals have passed, then step to the first one not in the past.
    months = (today.year - start.year) * 12 + today.month - start.month
    k = max(0, months // interval.count - 1)
    while (d := start + relativedelta(months=interval.count * k)) < today:
        k += 1
    return d


def previous_review(start: date, interval: Interval, today: date) -> date | None:
    """The last scheduled review strictly before ``today``, or None if none has fallen due."""
    past = review_dates(start, interval, today)
    past = [d for d in past if d < today]
    return past[-1] if past else None
