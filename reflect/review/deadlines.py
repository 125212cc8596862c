"""Finding the deadline in what people write about an objective.

Recognised, case-insensitively, relative to the day the objective is set:

* a date after by / before / until / on / due / no later than: ``by 31/01/2027``,
  ``by 31 Jan``, ``before Friday`` (the next Friday), ``by tomorrow``; a date without a year
  that would fall before the objective was set means next year's;
* a span: ``within 6 weeks``, ``in two months``, ``over the next 10 days``;
* the end of something: ``by the end of the month``, ``by end of next week``,
  ``by the end of March``;
* the review: ``before my next review`` (its date when the schedule is known).

Nothing here raises on any text: what cannot be read is simply not a deadline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from dateutil.relativedelta import SU, relativedelta

from reflect.dates import parse_day
from reflect.errors import InputError


@dataclass(frozen=True)
class DeadlineHint:
    """A deadline found in text: the words, the date (None for "my next review" with no
    schedule) and where the words are (``text[start:end]``)."""

    phrase: str
    day: date | None
    start: int
    end: int


_I = re.IGNORECASE
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december")
_MONTH_RE = "|".join(m[:3] + f"(?:{m[3:]})?" if len(m) > 3 else m for m in _MONTHS) + "|sept"
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_BY = r"(?:by|before|until|till|no\s+later\s+than)"

_REVIEW = re.compile(rf"\b(?:{_BY}|at|for|ahead\s+of)\s+(?:my\s+|the\s+|our\s+)?next\s+"
                     r"(?:progress\s+|performance\s+)?review\b", _I)
_WITHIN = re.compile(rf"\b(?:within|in|over)\s+(?:the\s+next\s+)?(\d{{1,3}}|{'|'.join(_NUMBERS)})\s+"
                     r"(day|week|month|year)s?\b", _I)
_END_OF = re.compile(rf"\b{_BY}\s+(?:the\s+)?end\s+of\s+(?:(this|the|next)\s+)?(week|month|year)\b", _I)
_END_OF_MONTH = re.compile(rf"\b{_BY}\s+(?:the\s+)?end\s+of\s+({_MONTH_RE})\b(?:\s+(\d{{4}})\b)?", _I)
_DATE_LEAD = re.compile(rf"\b(?:{_BY}|on|due(?:\s+by)?|deadline:?)\s+(?:the\s+)?", _I)
_NOT_AHEAD = re.compile(r"\b(?:today|yesterday|ago|last)\b", _I)
_HAS_YEAR = re.compile(r"\b\d{4}\b|^\d{1,2}[-/.]\d{1,2}[-/.]\d{2}$")
_TRAILING = ".,;:!?)"


def find_deadline(text: str, set_on: date, next_review: date | None = None) -> DeadlineHint | None:
    """The first deadline phrase in ``text``, or None."""
    if not text:
        return None
    found = [hint for hint in (_review(text, next_review), _within(text, set_on), _end_of(text, set_on),
                               _end_of_month(text, set_on), _dated(text, set_on)) if hint]
    return min(found, key=lambda h: h.start) if found else None


def read_deadline(text: str, set_on: date, next_review: date | None = None) -> DeadlineHint | None:
    """What was typed in a deadline box: a date ("31/01/2027", "friday") or a phrase
    ("within 6 weeks", "end of the month", "next review"). None if it cannot be read."""
    text = " ".join((text or "").split())
    if not text:
        return None
    day = _read_date(text, set_on)
    if day is not None:
        return DeadlineHint(text, day, 0, len(text))
    hint, added = find_deadline(text, set_on, next_review), 0
    if hint is None:  # "end of month" alone reads as "by end of month"
        hint, added = find_deadline(f"by {text}", set_on, next_review), len("by ")
    if hint is None or len(hint.phrase) < len(text.rstrip(_TRAILING)) - 3:
        return None  # only part of it made sense: better to ask than to guess
    if added:  # where the words are in what was typed, not in "by ..."
        start, end = max(0, hint.start - added), hint.end - added
        hint = replace(hint, phrase=" ".join(text[start:end].split()), start=start, end=end)
    return hint


def _hint(match: re.Match, day: date | None) -> DeadlineHint:
    return DeadlineHint(" ".join(match.group(0).split()), day, match.start(), match.end())


def _review(text: str, next_review: date | None) -> DeadlineHint | None:
    match = _REVIEW.search(text)
    return _hint(match, next_review) if match else None


def _within(text: str, set_on: date) -> DeadlineHint | None:
    match = _WITHIN.search(text)
    if not match:
        return None
    number = match.group(1).lower()
    count = int(number) if number.isdigit() else _NUMBERS[number]
    step: dict[str, Any] = {match.group(2).lower() + "s": count}
    return _safe(match, lambda: set_on + relativedelta(**step))


def _end_of(text: str, set_on: date) -> DeadlineHint | None:
    match = _END_OF.search(text)
    if not match:
        return None
    ahead = 1 if (match.group(1) or "").lower() == "next" else 0
    unit = match.group(2).lower()
    if unit == "week":
        return _safe(match, lambda: set_on + relativedelta(weeks=ahead, weekday=SU(+1)))
    if unit == "month":
        return _safe(match, lambda: set_on + relativedelta(months=ahead, day=31))
    return _safe(match, lambda: date(set_on.year + ahead, 12, 31))


def _end_of_month(text: str, set_on: date) -> DeadlineHint | None:
    match = _END_OF_MONTH.search(text)
    if not match:
        return None
    word = match.group(1).lower()
    month = next(i for i, m in enumerate(_MONTHS, start=1) if m.startswith(word[:3]))
    if match.group(2):
        return _safe(match, lambda: date(int(match.group(2)), month, 1) + relativedelta(day=31))

    def month_end() -> date:
        end = date(set_on.year, month, 1) + relativedelta(day=31)
        return end if end >= set_on else end + relativedelta(years=1, day=31)
    return _safe(match, month_end)


def _dated(text: str, set_on: date) -> DeadlineHint | None:
    for lead in _DATE_LEAD.finditer(text):
        tail = text[lead.end():]
        words = list(re.finditer(r"\S+", tail))[:5]
        for count in range(len(words), 0, -1):
            end = words[count - 1].end()
            candidate = tail[:end].rstrip(_TRAILING)
            day = _read_date(candidate, set_on)
            if day is not None:
                stop = lead.end() + len(candidate)
                return DeadlineHint(" ".join(text[lead.start():stop].split()), day, lead.start(), stop)
    return None


def _read_date(text: str, set_on: date) -> date | None:
    """A date meant to lie ahead of ``set_on``; None when ``text`` is not one."""
    s = " ".join(text.lower().split())
    if not s or _NOT_AHEAD.search(s):
        return None
    try:
        if s == "tomorrow":
            return set_on + relativedelta(days=1)
        weekday = s.removeprefix("next ").removeprefix("this ")
        if weekday in _WEEKDAYS or weekday in (w[:3] for w in _WEEKDAYS):
            index = next(i for i, w in enumerate(_WEEKDAYS) if w.startswith(weekday))
            return set_on + relativedelta(days=1 + (index - set_on.weekday() - 1) % 7)
        if not re.search(r"\d", s):
            return None  # "by then", "on time": words alone are never a date here
        day = parse_day(s, today=set_on)
        if day < set_on and not _HAS_YEAR.search(s):
            day += relativedelta(years=1)
        return day
    except (InputError, ValueError, OverflowError):
        return None


def _safe(match: re.Match, compute) -> DeadlineHint | None:
    try:
        return _hint(match, compute())
    except (ValueError, OverflowError):
        return None
