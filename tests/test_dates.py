"""Tests for reflect.dates: UK day-first input, display formats and time spent."""

import subprocess
import sys
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reflect.dates import (
    format_long,
    format_short,
    from_iso,
    parse_day,
    parse_minutes,
    to_iso,
)
from reflect.errors import InputError, ReflectError

TODAY = date(2026, 11, 24)  # a Tuesday
EXAMPLE = "Try 24/11/2026"

in_range = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ISO and year first: never swapped, whatever day-first says
        ("2026-02-01", date(2026, 2, 1)),
        ("2026-12-01", date(2026, 12, 1)),
        ("2026-11-24", date(2026, 11, 24)),
        ("2026-2-1", date(2026, 2, 1)),
        ("2026/02/01", date(2026, 2, 1)),
        ("2026.02.01", date(2026, 2, 1)),
        # UK numeric, day first
        ("24/11/2026", date(2026, 11, 24)),
        ("24/11/26", date(2026, 11, 24)),
        ("24-11-2026", date(2026, 11, 24)),
        ("24.11.2026", date(2026, 11, 24)),
        ("1/2/2026", date(2026, 2, 1)),
        ("01/02/2026", date(2026, 2, 1)),
        ("24/11", date(2026, 11, 24)),
        ("1/2", date(2026, 2, 1)),
        ("24/11/99", date(1999, 11, 24)),
        ("24/11/76", date(1976, 11, 24)),
        ("24/11/75", date(2075, 11, 24)),
        # words
        ("24 Nov", date(2026, 11, 24)),
        ("24 nov", date(2026, 11, 24)),
        ("24 NOVEMBER", date(2026, 11, 24)),
        ("24 November 2026", date(2026, 11, 24)),
        ("24th November", date(2026, 11, 24)),
        ("1st of March", date(2026, 3, 1)),
        ("2nd feb 2027", date(2027, 2, 2)),
        ("3rd Sept 2026", date(2026, 9, 3)),
        ("Nov 24 2026", date(2026, 11, 24)),
        ("November 24th, 2026", date(2026, 11, 24)),
        ("nov. 24", date(2026, 11, 24)),
        ("24 Nov 26", date(2026, 11, 24)),
        ("24-Nov-2026", date(2026, 11, 24)),
        ("2026 Nov 24", date(2026, 11, 24)),
        ("Tue 24 Nov 2026", date(2026, 11, 24)),
        ("Tuesday, 24th of November 2026", date(2026, 11, 24)),
        ("tue 24/11/2026", date(2026, 11, 24)),
        ("May 5", date(2026, 5, 5)),
        # relative to TODAY (Tuesday 24 Nov 2026)
        ("today", date(2026, 11, 24)),
        ("yesterday", date(2026, 11, 23)),
        ("tomorrow", date(2026, 11, 25)),
        ("0 days ago", date(2026, 11, 24)),
        ("1 day ago", date(2026, 11, 23)),
        ("3 days ago", date(2026, 11, 21)),
        ("a day ago", date(2026, 11, 23)),
        ("a week ago", date(2026, 11, 17)),
        ("one week ago", date(2026, 11, 17)),
        ("2 weeks ago", date(2026, 11, 10)),
        ("a month ago", date(2026, 10, 24)),
        ("a year ago", date(2025, 11, 24)),
        ("last friday", date(2026, 11, 20)),
        ("last fri", date(2026, 11, 20)),
        ("friday", date(2026, 11, 20)),
        ("Monday", date(2026, 11, 23)),
        ("tuesday", date(2026, 11, 24)),  # a bare weekday includes today
        ("last tuesday", date(2026, 11, 17)),  # "last" never does
        ("wednesday", date(2026, 11, 18)),
        ("last wednesday", date(2026, 11, 18)),
        ("sun", date(2026, 11, 22)),
        # case and surrounding or repeated whitespace
        ("  Last   FRIDAY \n", date(2026, 11, 20)),
        ("\t24/11/2026 ", date(2026, 11, 24)),
        # leap days
        ("29/02/2028", date(2028, 2, 29)),
        ("29 Feb 2028", date(2028, 2, 29)),
        ("2028-02-29", date(2028, 2, 29)),
        ("2000-02-29", date(2000, 2, 29)),
    ],
)
def test_parse_day_accepts(text, expected):
    assert parse_day(text, today=TODAY) == expected


@pytest.mark.parametrize(
    "text",
    [
        "02/13/2026",  # American order: month 13 is impossible day first
        "12/25/2026",
        "13/13/2026",
        "31/02/2026",
        "32/01/2026",
        "29/02/2027",
        "29 Feb 2027",
        "2027-02-29",
        "2026-13-01",
        "2026-02-30",
        "0/1/2026",
        "24/11/1899",  # typo guard on years
        "24/11/2101",
        "1850-01-01",
        "24/11/0026",
        "24/11/202",
        "24/11-2026",  # mixed separators
        "24112026",  # ambiguous run of digits
        "20261124",
        "5",
        "24",
        "hello 5",
        "hello",
        "Nov",
        "Nov 2026",
        "24 Nov 10am",
        "24 Nov 2026 10:30",
        "1/2 Nov",
        "on 31 24 mar",
        "- 24 nov",
        "ma 5",
        "24 Nov 0",
        "24 Nov 5",
        "Mon 24 Nov 2026",  # 24 Nov 2026 is a Tuesday
        "Mon Tue 24 Nov 2026",
        "this monday",
        "next friday",
        "last",
        "days ago",
        "-3 days ago",
        "3 days",
        "9999 years ago",
        "2026-11-24T10:00",
        "'; DROP TABLE entries; --",
        "*",
        "٢٤/١١/٢٠٢٦",  # digits from other scripts are not read as numbers
    ],
)
def test_parse_day_rejects(text):
    with pytest.raises(InputError):
        parse_day(text, today=TODAY)


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_parse_day_empty_is_an_input_error(text):
    with pytest.raises(InputError, match="enter a date"):
        parse_day(text, today=TODAY)


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("32/01/2026", "January 2026 has no day 32"),
        ("02/13/2026", "no month 13"),
        ("29/02/2027", "February 2027 has no day 29"),
        ("24/11/1850", "between 1900 and 2100"),
        ("Mon 24 Nov 2026", "24 Nov 2026 is a Tuesday"),
        ("hello 5", '"hello" is not a month'),
        ("nonsense", ""),
    ],
)
def test_date_error_messages_quote_the_text_and_give_examples(text, detail):
    with pytest.raises(InputError) as caught:
        parse_day(text, today=TODAY)
    message = str(caught.value)
    assert f'"{text}"' in message
    assert detail in message
    assert EXAMPLE in message
    assert "\n" not in message
    assert isinstance(caught.value, ReflectError) and isinstance(caught.value, ValueError)


def test_date_error_message_stays_one_short_line_for_odd_input():
    with pytest.raises(InputError) as caught:
        parse_day("bad\ndate\x00" + "x" * 200, today=TODAY)
    message = str(caught.value)
    assert "\n" not in message and "\x00" not in message
    assert len(message) < 160


def test_today_defaults_to_the_real_today():
    before = date.today()
    result = parse_day("today")
    assert before <= result <= date.today()


def test_two_digit_years_follow_the_injected_today():
    # The nearest year ending in the digits: 1950 is 40 years from 1990, 2050 is 24 from 2026.
    assert parse_day("1/1/50", today=date(1990, 6, 1)) == date(1950, 1, 1)
    assert parse_day("1 Jan 50", today=date(1990, 6, 1)) == date(1950, 1, 1)
    assert parse_day("1/1/50", today=TODAY) == date(2050, 1, 1)


def test_day_month_without_year_uses_the_year_of_today():
    assert parse_day("29/02", today=date(2028, 1, 1)) == date(2028, 2, 29)
    with pytest.raises(InputError):
        parse_day("29/02", today=date(2027, 1, 1))


@pytest.mark.parametrize(
    ("d", "long", "short", "iso"),
    [
        (date(2026, 11, 24), "Tue 24 Nov 2026", "24/11/2026", "2026-11-24"),
        (date(2026, 2, 1), "Sun 1 Feb 2026", "01/02/2026", "2026-02-01"),
        (date(2028, 2, 29), "Tue 29 Feb 2028", "29/02/2028", "2028-02-29"),
        (date(1900, 1, 1), "Mon 1 Jan 1900", "01/01/1900", "1900-01-01"),
    ],
)
def test_formats(d, long, short, iso):
    assert format_long(d) == long
    assert format_short(d) == short
    assert to_iso(d) == iso
    assert from_iso(iso) == d
    assert parse_day(long, today=TODAY) == d
    assert parse_day(short, today=TODAY) == d


@pytest.mark.parametrize(
    "text",
    ["", "2026-2-1", "24/11/2026", "2026-02-30", "2026-11-24 ", " 2026-11-24",
     "2026-11-24T00:00", "20261124", "2026-W48-2", "٢٠٢٦-١١-٢٤", None],
)
def test_from_iso_is_strict(text):
    with pytest.raises(InputError):
        from_iso(text)


@given(in_range)
def test_display_and_storage_forms_round_trip(d):
    assert parse_day(format_short(d), today=TODAY) == d
    assert parse_day(to_iso(d), today=TODAY) == d
    assert parse_day(format_long(d), today=TODAY) == d
    assert from_iso(to_iso(d)) == d


@given(in_range.filter(lambda d: date(1901, 1, 1) <= d <= date(2100, 12, 1)))
def test_relative_days_match_calendar_arithmetic(today):
    assert parse_day("yesterday", today=today) == today - timedelta(days=1)
    assert parse_day("tomorrow", today=today) == today + timedelta(days=1)
    assert parse_day("3 weeks ago", today=today) == today - timedelta(weeks=3)
    bare = parse_day("friday", today=today)
    last = parse_day("last friday", today=today)
    assert bare.weekday() == last.weekday() == 4
    assert 0 <= (today - bare).days <= 6
    assert 1 <= (today - last).days <= 7


@given(st.text())
def test_any_text_gives_a_date_or_an_input_error(text):
    for parse in (lambda: parse_day(text, today=TODAY), lambda: parse_minutes(text)):
        try:
            result = parse()
        except InputError:
            continue
        assert isinstance(result, (date, int))


_DATEISH = st.lists(
    st.sampled_from(["24", "11", "2026", "26", "02", "13", "31", "29", "0", "/", "-", ".", ",",
                     " ", "nov", "feb", "sept", "of", "th", "tue", "fri", "last", "ago",
                     "days", "a", "week", "10", "am", ":"]),
    max_size=7,
).map("".join)


@given(_DATEISH)
def test_date_like_text_gives_a_date_in_range_or_an_input_error(text):
    try:
        result = parse_day(text, today=TODAY)
    except InputError:
        return
    assert date(1900, 1, 1) <= result <= date(2100, 12, 31)


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("45", 45),
        ("45m", 45),
        ("45 m", 45),
        ("45 min", 45),
        ("45 mins", 45),
        ("90 minutes", 90),
        ("1 minute", 1),
        ("1h", 60),
        ("1 hr", 60),
        ("1h30", 90),
        ("1h 30m", 90),
        ("1 h 30 min", 90),
        ("1 hour and 30 minutes", 90),
        ("1 hour, 30 minutes", 90),
        ("1.5h", 90),
        ("0.25 hours", 15),
        ("2 hours", 120),
        ("2 HOURS", 120),
        ("1:30", 90),
        ("0:45", 45),
        ("24h", 1440),
        ("1440", 1440),
        ("  45  ", 45),
    ],
)
def test_parse_minutes_accepts(text, minutes):
    assert parse_minutes(text) == minutes


@pytest.mark.parametrize(
    "text",
    ["", "  ", "0", "0m", "0h", "-5", "-1h", "1441", "25h", "24h 1m", "1.5", "45.5m", "1h 90m",
     "1.5h 30m", "1:75", "abc", "h", "m", "and 30", "1h m", "1,5h", "forty", "1 day", "1e3"],
)
def test_parse_minutes_rejects(text):
    with pytest.raises(InputError):
        parse_minutes(text)


def test_parse_minutes_messages():
    with pytest.raises(InputError, match=r'"abc".*Try 45'):
        parse_minutes("abc")
    with pytest.raises(InputError, match=r'"1441" must be between 1 minute and 24 hours'):
        parse_minutes("1441")


def test_module_does_not_import_textual():
    code = "import sys, reflect.dates; assert 'textual' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)
