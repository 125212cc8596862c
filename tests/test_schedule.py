"""Review schedule: weekly rules, month ends, past and future starts."""

from datetime import date

import pytest

from reflect.errors import InputError
from reflect.review.schedule import (
    Interval,
    next_review,
    parse_interval,
    previous_review,
    review_dates,
)

TWELVE_WEEKS = Interval(12, "weeks")
THREE_MONTHS = Interval(3, "months")


@pytest.mark.parametrize("text,expected", [
    ("12 weeks", Interval(12, "weeks")), ("12w", Interval(12, "weeks")), ("12", Interval(12, "weeks")),
    (12, Interval(12, "weeks")), ("3 months", Interval(3, "months")), ("1 month", Interval(1, "months")),
    ("3M", Interval(3, "months")),
])
def test_parse_interval(text, expected):
    assert parse_interval(text) == expected


@pytest.mark.parametrize("text", ["", "soon", "0 weeks", "200 weeks", "30 months", "-3 weeks", "3 fortnights"])
def test_parse_interval_refuses_nonsense(text):
    with pytest.raises(InputError):
        parse_interval(text)


def test_interval_reads_back_as_text():
    assert str(Interval(1, "months")) == "1 month"
    assert parse_interval(str(TWELVE_WEEKS)) == TWELVE_WEEKS


def test_weekly_dates_from_start():
    assert review_dates(date(2026, 1, 5), TWELVE_WEEKS, date(2026, 12, 31)) == [
        date(2026, 1, 5), date(2026, 3, 30), date(2026, 6, 22), date(2026, 9, 14), date(2026, 12, 7)]


def test_monthly_dates_from_month_end_clamp_without_drifting():
    assert review_dates(date(2026, 1, 31), THREE_MONTHS, date(2027, 1, 31)) == [
        date(2026, 1, 31), date(2026, 4, 30), date(2026, 7, 31), date(2026, 10, 31), date(2027, 1, 31)]


def test_monthly_from_29_february_keeps_the_29th_when_it_exists():
    dates = review_dates(date(2028, 2, 29), Interval(12, "months"), date(2032, 3, 1))
    assert dates == [date(2028, 2, 29), date(2029, 2, 28), date(2030, 2, 28), date(2031, 2, 28), date(2032, 2, 29)]


def test_next_review_with_start_in_future_is_start():
    assert next_review(date(2027, 1, 4), TWELVE_WEEKS, date(2026, 11, 24)) == date(2027, 1, 4)


def test_next_review_with_past_start():
    assert next_review(date(2026, 1, 5), TWELVE_WEEKS, date(2026, 11, 24)) == date(2026, 12, 7)


def test_next_review_on_review_day_is_today():
    assert next_review(date(2026, 1, 5), TWELVE_WEEKS, date(2026, 9, 14)) == date(2026, 9, 14)


def test_next_review_monthly_at_month_end():
    assert next_review(date(2026, 1, 31), THREE_MONTHS, date(2026, 5, 1)) == date(2026, 7, 31)
    assert next_review(date(2026, 1, 31), THREE_MONTHS, date(2026, 4, 30)) == date(2026, 4, 30)


def test_next_review_years_after_start():
    assert next_review(date(2020, 3, 31), Interval(1, "months"), date(2026, 11, 24)) == date(2026, 11, 30)


def test_previous_review():
    assert previous_review(date(2026, 1, 5), TWELVE_WEEKS, date(2026, 11, 24)) == date(2026, 9, 14)
    assert previous_review(date(2026, 1, 5), TWELVE_WEEKS, date(2026, 1, 5)) is None


@pytest.mark.parametrize("words, count, unit", [
    ("weekly", 1, "weeks"), ("fortnightly", 2, "weeks"), ("every fortnight", 2, "weeks"),
    ("Monthly", 1, "months"), ("quarterly", 3, "months"), ("once a quarter", 3, "months"),
])
def test_intervals_in_words(words, count, unit):
    from reflect.review.schedule import Interval, parse_interval

    assert parse_interval(words) == Interval(count, unit)
