"""Reading the dates and durations people type; writing dates the way reflect shows them.

People in the UK write dates day first; the journal stores ISO 8601 (``2026-11-24``).
:func:`parse_day` accepts, case-insensitively and ignoring surrounding spaces:

* year first (ISO): ``2026-11-24``, ``2026-2-1``, ``2026/11/24`` -- always year, month, day;
* day first: ``24/11/2026``, ``24/11/26``, ``24-11-2026``, ``24.11.2026``, ``24/11`` (this year);
* words: ``24 Nov``, ``24th November 2026``, ``Nov 24 2026``, ``Tue 24 Nov 2026``;
* relative: ``today``, ``yesterday``, ``tomorrow``, ``3 days ago``, ``a week ago``,
  ``2 months ago``, ``last friday`` (strictly before today) and ``friday`` (the most
  recent Friday, *today included*: a journal is written about days already lived).

Rules that keep it from guessing:

* Nothing goes through ``dateutil.parser``: with ``dayfirst=True`` it swaps ISO dates
  (dateutil issue 268), quietly reads ``02/13/2026`` as 13 February, fills missing parts
  from today and, even with ``fuzzy=False``, takes ``on 31 24 mar`` as 24 March 2031.
  reflect matches a few fixed shapes instead, so a number that cannot be a month is an
  error, not a hint. dateutil's ``relativedelta`` does the calendar arithmetic.
* Year-first (four digits) is tried before day-first, so ISO input is never swapped.
* A month name is any start of one from three letters (``nov``, ``sept``, ``november``).
* A weekday name given with a date must agree with it (``Mon 24 Nov 2026`` is an error).
* Two-digit years mean the year nearest today ending in those digits (``26`` -> 2026,
  ``99`` -> 1999 in 2026, as dateutil's window but anchored on ``today``); all-digit runs
  like ``24112026`` are refused as ambiguous.
* Years outside 1900-2100 are refused as typos.

Every failure is an :class:`~reflect.errors.InputError` whose message quotes the text.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from reflect.errors import InputError

MIN_YEAR, MAX_YEAR = 1900, 2100
MAX_MINUTES = 24 * 60  # a reflection is about one day
#: Time spent on a development activity or a piece of training may run over days (a course).
MAX_RECORD_MINUTES = 200 * 60

# English names on purpose: strftime's %a/%b follow the locale, and the display must parse back.
_DAY_ABBR = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun",
               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July",
                "August", "September", "October", "November", "December")
_WEEKDAY_WORDS = {
    "mon": 0, "monday": 0, "tue": 1, "tues": 1, "tuesday": 1, "wed": 2, "weds": 2,
    "wednesday": 2, "thu": 3, "thur": 3, "thurs": 3, "thursday": 3, "fri": 4, "friday": 4,
    "sat": 5, "saturday": 5, "sun": 6, "sunday": 6,
}
_WD = "|".join(sorted(_WEEKDAY_WORDS, key=len, reverse=True))

# re.ASCII throughout: \d would otherwise accept digits from other scripts.
_A = re.ASCII
_YEAR_FIRST = re.compile(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})", _A)
_DAY_FIRST = re.compile(r"(\d{1,2})([-/.])(\d{1,2})(?:\2(\d{2}|\d{4}))?", _A)
_STRICT_ISO = re.compile(r"\d{4}-\d{2}-\d{2}", _A)
_AGO = re.compile(r"(an?|one|\d{1,4}) (day|week|month|year)s? ago", _A)
_WEEKDAY = re.compile(rf"(last )?({_WD})", _A)
_WEEKDAY_IN_DATE = re.compile(rf"\b({_WD})\b,?", _A)
_SEPARATORS = re.compile(r"[ ,./-]", _A)
_DAY, _MONTH = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?", r"(?P<month>[a-z]{3,9})"
_WORD_SHAPES = tuple(re.compile(shape, _A) for shape in (
    rf"{_DAY} (?:of )?{_MONTH}(?: (?P<year>\d{{4}}|\d{{2}}))?",  # 24th of Nov 2026
    rf"{_MONTH} {_DAY}(?: (?P<year>\d{{4}}|\d{{2}}))?",  # Nov 24 2026
    rf"(?P<year>\d{{4}}) {_MONTH} {_DAY}",  # 2026 Nov 24
))
_RELATIVE_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1}

_DATE_EXAMPLES = "Try 24/11/2026, 24 Nov, yesterday, 3 days ago or last friday."
_TIME_EXAMPLES = "Try 45, 45m, 1h30, 1.5h or 2 hours."


def _shown(text: str) -> str:
    """The user's text made safe for a one-line message."""
    clean = "".join(ch if ch.isprintable() else "?" for ch in text.strip())
    return clean if len(clean) <= 40 else clean[:39] + "…"


def _date_error(text: str, why: str = "") -> InputError:
    return InputError(f'Can\'t read the date "{_shown(text)}"{why}. {_DATE_EXAMPLES}')


def _two_digit_year(yy: int, this_year: int) -> int:
    """The year ending in ``yy`` nearest ``this_year``, a tie going to the past (as dateutil)."""
    year = this_year // 100 * 100 + yy
    if year - this_year >= 50:
        return year - 100
    if this_year - year > 50:
        return year + 100
    return year


def _make_date(text: str, year: int, month: int, day: int) -> date:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise _date_error(text, f": the year must be between {MIN_YEAR} and {MAX_YEAR}")
    if not 1 <= month <= 12:
        raise _date_error(text, f": there is no month {month}")
    try:
        return date(year, month, day)
    except ValueError:
        raise _date_error(text, f": {_MONTH_NAMES[month - 1]} {year} has no day {day}") from None


def _relative(s: str, today: date) -> date | None:
    # Imported here: showing dates (every listing) needs none of dateutil, only reading them.
    from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta

    if s in _RELATIVE_DAYS:
        return today + relativedelta(days=_RELATIVE_DAYS[s])
    if m := _AGO.fullmatch(s):
        n = 1 if m[1] in ("a", "an", "one") else int(m[1])
        step: dict[str, Any] = {m[2] + "s": n}
        return today - relativedelta(**step)
    if m := _WEEKDAY.fullmatch(s):
        wanted = (MO, TU, WE, TH, FR, SA, SU)[_WEEKDAY_WORDS[m[2]]](-1)
        # weekday(-1) counts today itself, so "last" first steps back a day.
        return today + relativedelta(days=-1 if m[1] else 0, weekday=wanted)
    return None


def _month_number(word: str) -> int | None:
    # Any start of a month name from three letters on: "nov", "sept", "febr", "november".
    if len(word) >= 3:
        for number, name in enumerate(_MONTH_NAMES, start=1):
            if name.lower().startswith(word):
                return number
    return None


def _from_words(text: str, s: str, today: date) -> date:
    """Read a date written with a month name: ``24 Nov``, ``24th of November 2026``, ..."""
    m = None
    # Separators may join the parts ("24-nov-2026") but not dangle ("- 24 nov").
    if s[0].isalnum() and (s[-1].isalnum() or s[-1] == "."):
        s = " ".join(_SEPARATORS.sub(" ", s).split())
        m = next(filter(None, (shape.fullmatch(s) for shape in _WORD_SHAPES)), None)
    if m is None:
        raise _date_error(text)
    month = _month_number(m["month"])
    if month is None:
        raise _date_error(text, f': "{m["month"]}" is not a month')
    year = m["year"]
    if year is None:
        year = today.year
    elif len(year) == 2:
        year = _two_digit_year(int(year), today.year)
    return _make_date(text, int(year), month, int(m["day"]))


def parse_day(text: str, today: date | None = None) -> date:
    """Read a day typed by a person (see the module docstring for the accepted forms).

    ``today`` anchors relative dates, the year of ``24/11`` and two-digit years; it defaults
    to ``date.today()``. Raises :class:`InputError` for anything else.
    """
    if today is None:
        today = date.today()
    s = " ".join(text.lower().split())
    if not s:
        raise InputError(f"Please enter a date. {_DATE_EXAMPLES}")
    try:
        if (found := _relative(s, today)) is not None:
            if not MIN_YEAR <= found.year <= MAX_YEAR:
                raise _date_error(text, ": that is too far away")
            return found
        weekday_words = _WEEKDAY_IN_DATE.findall(s)
        if len(weekday_words) > 1:
            raise _date_error(text, ": it names more than one weekday")
        s = _WEEKDAY_IN_DATE.sub(" ", s).strip(" ,")
        if m := _YEAR_FIRST.fullmatch(s):
            found = _make_date(text, int(m[1]), int(m[3]), int(m[4]))
        elif m := _DAY_FIRST.fullmatch(s):
            if int(m[3]) > 12:
                raise _date_error(text, f": there is no month {int(m[3])} (dates go day first)")
            year = today.year if m[4] is None else int(m[4])
            if m[4] is not None and len(m[4]) == 2:
                year = _two_digit_year(year, today.year)
            found = _make_date(text, year, int(m[3]), int(m[1]))
        elif re.search("[a-z]", s):
            found = _from_words(text, s, today)
        else:
            raise _date_error(text)
    except InputError:
        raise
    except (ValueError, OverflowError) as error:
        # Only relativedelta arithmetic can get here, stepping outside date's range.
        raise _date_error(text) from error
    if weekday_words and _WEEKDAY_WORDS[weekday_words[0]] != found.weekday():
        raise _date_error(text, f": {format_long(found)[4:]} is a {_DAY_NAMES[found.weekday()]}")
    return found


def format_long(d: date) -> str:
    """The display form, e.g. ``Tue 24 Nov 2026`` (English whatever the locale)."""
    return f"{_DAY_ABBR[d.weekday()]} {d.day} {_MONTH_ABBR[d.month - 1]} {d.year}"


def format_short(d: date) -> str:
    """The compact UK form, e.g. ``24/11/2026``."""
    return f"{d.day:02d}/{d.month:02d}/{d.year:04d}"


def to_iso(d: date) -> str:
    """The storage form, e.g. ``2026-11-24``."""
    return d.isoformat()


def from_iso(s: object) -> date:
    """Read exactly ``YYYY-MM-DD`` (as stored); raise :class:`InputError` for anything else."""
    if isinstance(s, str) and _STRICT_ISO.fullmatch(s):
        try:
            return date.fromisoformat(s)
        except ValueError:
            pass
    raise InputError(f'"{_shown(str(s))}" is not a stored date (expected YYYY-MM-DD).')


_MINUTES = r"(?P<minutes>\d{1,4}) ?(?:minutes?|mins?|m)?"
_DURATIONS = tuple(re.compile(shape, _A) for shape in (
    _MINUTES,  # 45, 45m, 90 minutes
    r"(?P<hours>\d{1,3}(?:\.\d{1,2})?) ?(?:hours?|hrs?|h)(?:(?: and)? ?" + _MINUTES + ")?",
    r"(?P<hours>\d{1,2}):(?P<minutes>[0-5]\d)",  # 1:30
))


def parse_minutes(text: str, limit: int = MAX_MINUTES) -> int:
    """Read time spent as whole minutes, 1 to ``limit`` (default 24 hours).

    The one reader of durations: `reflect add --time`, `reflect activity ... --time`,
    `reflect training ... --time` and the app's time boxes all use it. Accepts ``45``,
    ``45m``, ``45 min``, ``90 minutes``, ``1h``, ``1h30``, ``1h30m``, ``1h 30m``,
    ``1 hour and 30 minutes``, ``1.5h``, ``2 hours``, ``12.5 hours`` and ``1:30``, so also
    what :func:`format_duration` and :func:`format_hours` write. A bare number is minutes;
    with hours, minutes must be under 60. Raises :class:`InputError` otherwise.
    """
    from fractions import Fraction

    s = " ".join(text.lower().split()).replace(", ", " ")
    if not s:
        raise InputError(f"Please enter the time spent. {_TIME_EXAMPLES}")
    m = next(filter(None, (shape.fullmatch(s) for shape in _DURATIONS)), None)
    hours = Fraction(m.groupdict().get("hours") or 0) if m else Fraction(0)
    minutes = int(m["minutes"] or 0) if m else 0
    # "1h 90m" and "1.5h 30m" are more likely typos than meant.
    if m is None or (hours and (minutes >= 60 or (minutes and hours.denominator != 1))):
        raise InputError(f'Can\'t read the time spent "{_shown(text)}". {_TIME_EXAMPLES}')
    total = round(hours * 60) + minutes
    if not 1 <= total <= limit:
        raise InputError(
            f'Time spent "{_shown(text)}" must be between 1 minute and {limit // 60} hours.')
    return total


def format_duration(minutes: int) -> str:
    """Exact time spent, as a time box and an export show it: ``45 min``, ``1 h``, ``2 h 15 min``
    (:func:`parse_minutes` reads it back)."""
    hours, mins = divmod(minutes, 60)
    if not hours:
        return f"{mins} min"
    return f"{hours} h" + (f" {mins} min" if mins else "")


def format_hours(minutes: int) -> str:
    """A total of time for people: ``45 minutes`` under an hour, else hours to one decimal
    place (``1 hour``, ``12.5 hours``, ``6 hours``); ``0 hours`` for none."""
    if minutes <= 0:
        return "0 hours"
    if minutes < 60:
        return f"{minutes} minute{'' if minutes == 1 else 's'}"
    hours = f"{minutes / 60:.1f}".removesuffix(".0")
    return f"{hours} hour{'' if hours == '1' else 's'}"


def day_or_none(value: str | None) -> date | None:
    """A stored ISO day as a date (None stays None)."""
    return date.fromisoformat(value) if value else None



def later(a: date | None, b: date | None) -> date | None:
    """The later of two days, either of which may be missing."""
    return max(a, b) if a and b else a or b
