"""The review countdown: rrule weekly slots, month ends, past starts, early and missed reviews."""

from datetime import date

import pytest

from reflect.review.schedule import Interval, build_schedule, review_schedule
from tests.review.conftest import TODAY

TWELVE_WEEKS = Interval(12, "weeks")
THREE_MONTHS = Interval(3, "months")


def test_no_schedule_and_no_review_is_not_set():
    schedule = build_schedule(TWELVE_WEEKS, TODAY)
    assert (schedule.is_set, schedule.next_date, schedule.countdown) == (False, None, "No review date set yet.")


def test_future_start_counts_down_to_it():
    schedule = build_schedule(TWELVE_WEEKS, TODAY, start=date(2026, 12, 7))
    assert (schedule.next_date, schedule.days_until, schedule.previous_date) == (date(2026, 12, 7), 13, None)
    assert schedule.countdown == "Next review in 13 days (Mon 7 Dec 2026)."


def test_past_start_steps_in_whole_intervals_from_the_start():
    schedule = build_schedule(TWELVE_WEEKS, TODAY, start=date(2026, 1, 5), last_review=date(2026, 9, 14))
    assert (schedule.next_date, schedule.previous_date, schedule.overdue) == (date(2026, 12, 7),
                                                                             date(2026, 9, 14), False)


def test_missed_review_is_overdue():
    schedule = build_schedule(TWELVE_WEEKS, TODAY, start=date(2026, 1, 5), last_review=date(2026, 6, 22))
    assert schedule.overdue
    assert schedule.countdown.endswith("the review due Mon 14 Sep 2026 has not been recorded.")


def test_never_reviewed_with_a_past_start_is_overdue():
    assert build_schedule(TWELVE_WEEKS, TODAY, start=date(2026, 1, 5)).overdue


def test_review_held_early_covers_its_slot():
    # Slot on 7 Dec; the review happened on 1 Dec: the next one is the slot after.
    schedule = build_schedule(TWELVE_WEEKS, date(2026, 12, 2), start=date(2026, 1, 5), last_review=date(2026, 12, 1))
    assert schedule.next_date == date(2027, 3, 1)


def test_review_day_itself_after_the_review_points_to_the_next_slot():
    schedule = build_schedule(TWELVE_WEEKS, date(2026, 12, 7), start=date(2026, 1, 5), last_review=date(2026, 12, 7))
    assert schedule.next_date == date(2027, 3, 1)


def test_review_day_before_the_review_is_today():
    schedule = build_schedule(TWELVE_WEEKS, date(2026, 12, 7), start=date(2026, 1, 5), last_review=date(2026, 9, 14))
    assert (schedule.days_until, schedule.countdown) == (0, "Next review today (Mon 7 Dec 2026).")


def test_tomorrow():
    assert build_schedule(TWELVE_WEEKS, date(2026, 12, 6), start=date(2026, 12, 7)).countdown == \
        "Next review tomorrow (Mon 7 Dec 2026)."


@pytest.mark.parametrize("today,expected", [
    (date(2026, 2, 1), date(2026, 4, 30)),
    (date(2026, 5, 1), date(2026, 7, 31)),
    (date(2026, 8, 1), date(2026, 10, 31)),
    (date(2027, 1, 31), date(2027, 1, 31)),
])
def test_monthly_from_a_month_end_stays_on_month_ends(today, expected):
    assert build_schedule(THREE_MONTHS, today, start=date(2026, 1, 31)).next_date == expected


def test_yearly_from_29_february():
    schedule = build_schedule(Interval(12, "months"), date(2029, 1, 1), start=date(2028, 2, 29),
                              last_review=date(2028, 2, 29))
    assert schedule.next_date == date(2029, 2, 28)


def test_without_a_start_the_schedule_runs_from_the_last_review():
    schedule = build_schedule(TWELVE_WEEKS, TODAY, last_review=date(2026, 11, 1))
    assert (schedule.start, schedule.next_date, schedule.overdue) == (date(2026, 11, 1), date(2027, 1, 24), False)
    assert build_schedule(TWELVE_WEEKS, date(2027, 2, 1), last_review=date(2026, 11, 1)).overdue


def test_from_the_journal_settings(journal):
    journal.settings.set("review_start", "2026-01-31")
    journal.settings.set("review_interval", "3 months")
    schedule = review_schedule(journal)
    assert (schedule.interval, schedule.next_date, schedule.days_until) == (THREE_MONTHS, date(2027, 1, 31), 68)
    assert schedule.to_json()["next_date"] == "2027-01-31"


def test_from_the_journal_defaults_to_twelve_weeks_after_the_last_review(journal):
    journal.reviews.complete(mentor_name="Alex", agreed_on=date(2026, 11, 2), period_start=date(2026, 9, 1),
                             period_end=date(2026, 11, 2), snapshot={})
    assert review_schedule(journal).next_date == date(2027, 1, 25)
