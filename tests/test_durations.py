"""The one reader of time spent (``dates.parse_minutes``) and the two ways reflect writes time
(``format_duration`` exactly, ``format_hours`` for totals): what people type, and round trips."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reflect.dates import MAX_MINUTES, MAX_RECORD_MINUTES, format_duration, format_hours, parse_minutes
from reflect.errors import InputError


@pytest.mark.parametrize("text, minutes", [
    ("90", 90), ("90m", 90), ("1.5h", 90), ("1h30", 90), ("1h30m", 90), ("1h 30m", 90), ("1 h 30 min", 90),
    ("12.5 hours", 750), ("45 minutes", 45), ("1 hour", 60), ("200 hours", 12000), ("100h 59m", 6059),
])
def test_forms_people_type_for_an_activity_or_training(text, minutes):
    assert parse_minutes(text, MAX_RECORD_MINUTES) == minutes


@pytest.mark.parametrize("text", ["201h", "12001", "1000 hours", "1.5.h", "h30", "90 secs", "ninety", "1h 30h"])
def test_nonsense_and_too_long_are_refused_for_records(text):
    with pytest.raises(InputError) as error:
        parse_minutes(text, MAX_RECORD_MINUTES)
    assert "\n" not in str(error.value)


def test_a_reflection_keeps_its_one_day_limit():
    assert parse_minutes("24h") == MAX_MINUTES
    with pytest.raises(InputError, match="between 1 minute and 24 hours"):
        parse_minutes("25h")
    with pytest.raises(InputError, match="between 1 minute and 200 hours"):
        parse_minutes("201h", MAX_RECORD_MINUTES)


@pytest.mark.parametrize("minutes, text", [
    (0, "0 hours"), (1, "1 minute"), (45, "45 minutes"), (59, "59 minutes"), (60, "1 hour"), (90, "1.5 hours"),
    (360, "6 hours"), (750, "12.5 hours"), (61, "1 hour"), (100, "1.7 hours"),
])
def test_hours_for_people(minutes, text):
    assert format_hours(minutes) == text


@given(st.integers(min_value=1, max_value=MAX_RECORD_MINUTES))
def test_format_duration_reads_back_exactly(minutes):
    assert parse_minutes(format_duration(minutes), MAX_RECORD_MINUTES) == minutes


@given(st.integers(min_value=1, max_value=MAX_MINUTES))
def test_a_reflection_s_time_box_reads_back_exactly(minutes):
    assert parse_minutes(format_duration(minutes)) == minutes


@given(st.integers(min_value=1, max_value=MAX_RECORD_MINUTES))
def test_hours_for_people_read_back_to_within_the_rounding(minutes):
    # One decimal place of an hour is 6 minutes: at most 3 either way.
    assert abs(parse_minutes(format_hours(minutes), MAX_RECORD_MINUTES) - minutes) <= 3


@given(st.integers(min_value=1, max_value=199), st.integers(min_value=0, max_value=59))
def test_hours_and_minutes_typed_together(hours, minutes):
    total = hours * 60 + minutes
    for text in (f"{hours}h{minutes}", f"{hours}h{minutes}m", f"{hours}h {minutes}m",
                 f"{hours} hours and {minutes} minutes"):
        assert parse_minutes(text, MAX_RECORD_MINUTES) == total
