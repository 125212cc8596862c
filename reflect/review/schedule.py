"""The performance-review schedule: a start date and an interval (default every 12 weeks).

Weekly intervals use dateutil's ``rrule``. Monthly ones ("every 3 months") are offsets from
the *original* start with ``relativedelta``, never added one after another: from 31 January,
three months on is 30 April and six months on is 31 July (adding cumulatively would drift to
the 30th for ever after, and ``rrule`` would skip months that have no 31st).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from dateutil.relativedelta import relativedelta
from dateutil.rrule import WEEKLY, rrule

from reflect.jsonable import Record
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


#: Intervals said in words.
_INTERVAL_WORDS = {
    "weekly": Interval(1, "weeks"), "week": Interval(1, "weeks"),
    "fortnightly": Interval(2, "weeks"), "fortnight": Interval(2, "weeks"),
    "monthly": Interval(1, "months"), "month": Interval(1, "months"),
    "quarterly": Interval(3, "months"), "quarter": Interval(3, "months"),
}


def parse_interval(text: str | int) -> Interval:
    """Read "12 weeks", "12w", "3 months", "3m", a bare number of weeks, or one of the words
    people use: weekly, fortnightly, monthly, quarterly (also "every fortnight", "a quarter")."""
    if isinstance(text, int):
        text = str(text)
    word = re.sub(r"^\s*(every|each|once\s+a|a|an)\s+", "", text.strip().lower())
    if word in _INTERVAL_WORDS:
        return _INTERVAL_WORDS[word]
    match = re.fullmatch(r"\s*(\d{1,3})\s*(w|wk|wks|weeks?|m|mo|mos|months?)?\s*", text, re.IGNORECASE)
    if not match:
        raise InputError(f'Can\'t read the review interval "{text}". Try 12 weeks, 3 months, fortnightly '
                         'or quarterly.')
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
        after = rule.after(datetime.combine(today, datetime.min.time()), inc=True)
        assert after is not None  # the rule has no end, so there is always a next one
        return after.date()
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


@dataclass(frozen=True)
class ReviewSchedule(Record):
    """Where the apprentice stands in the review cycle (for the home screen's countdown).

    ``start`` is the configured first review (``review_start``); without one, the schedule
    runs from the last completed review. ``next_date`` skips a slot already covered by a
    review held early (within half an interval before it). ``overdue`` means a scheduled
    review has passed with no completed review for it.
    """

    interval: Interval
    start: date | None = None
    next_date: date | None = None
    days_until: int | None = None
    previous_date: date | None = None
    last_review: date | None = None
    overdue: bool = False

    @property
    def is_set(self) -> bool:
        return self.next_date is not None

    @property
    def countdown(self) -> str:
        """One plain line: "Next review in 13 days (Mon 7 Dec 2026)", "Next review today", ..."""
        from reflect.dates import format_long

        if self.next_date is None:
            return "No review date set yet."
        when = format_long(self.next_date)
        if self.days_until == 0:
            text = f"Next review today ({when})"
        elif self.days_until == 1:
            text = f"Next review tomorrow ({when})"
        else:
            text = f"Next review in {self.days_until} days ({when})"
        if self.overdue and self.previous_date:
            text += f"; the review due {format_long(self.previous_date)} has not been recorded"
        return text + "."

    def json_shape(self) -> dict:
        return {"interval": str(self.interval), "start": self.start, "next_date": self.next_date,
                "days_until": self.days_until, "previous_date": self.previous_date,
                "last_review": self.last_review, "overdue": self.overdue, "countdown": self.countdown}



def grace_days(interval: Interval) -> int:
    """How early a review may be held and still count for its slot: half an interval."""
    return interval.count * (7 if interval.unit == "weeks" else 30) // 2


def build_schedule(interval: Interval, today: date, start: date | None = None,
                   last_review: date | None = None) -> ReviewSchedule:
    """The schedule from a configured ``start`` (or, without one, from ``last_review``)."""
    done_through: date | None
    if start is None:
        if last_review is None:
            return ReviewSchedule(interval, last_review=last_review)
        # Reviews every interval from the last one; that one itself is done.
        start, done_through = last_review, last_review
    else:
        done_through = last_review
    grace = timedelta(days=grace_days(interval))
    upcoming = next_review(start, interval, today)
    while done_through is not None and done_through >= upcoming - grace:
        upcoming = next_review(start, interval, upcoming + timedelta(days=1))
    previous = previous_review(start, interval, today)
    overdue = previous is not None and (last_review is None or last_review < previous - grace)
    return ReviewSchedule(interval, start=start, next_date=upcoming, days_until=(upcoming - today).days,
                          previous_date=previous, last_review=last_review, overdue=overdue)


def review_schedule(journal, today: date | None = None) -> ReviewSchedule:
    """The journal's review schedule as of ``today`` (default the journal's today)."""
    today = today or journal.today()
    interval = parse_interval(journal.settings.get("review_interval") or DEFAULT_INTERVAL)
    start_setting = journal.settings.get("review_start")
    start = date.fromisoformat(start_setting) if start_setting else None
    last = journal.reviews.last_completed()
    return build_schedule(interval, today, start, last.agreed_on if last else None)
