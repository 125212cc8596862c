"""Calendar heatmap, weekly counts, runs of weeks and journal totals."""

from datetime import date, timedelta

from reflect.progress.activity import (
    activity_calendar,
    current_streak_weeks,
    longest_streak_weeks,
    week_start,
    weekly_counts,
)
from reflect.progress.stats import journal_stats
from tests.gaps.conftest import TODAY, add_entry, days_ago

MONDAY = date(2026, 11, 23)  # TODAY's week


def test_week_starts_on_monday():
    assert week_start(TODAY) == MONDAY
    assert week_start(MONDAY) == MONDAY


def test_calendar_covers_whole_weeks_up_to_today(journal):
    cal = activity_calendar(journal, TODAY, weeks=26)
    assert cal.start == MONDAY - timedelta(weeks=25)
    assert cal.end == TODAY
    assert len(cal.days) == 25 * 7 + 2


def test_calendar_counts_live_entries_per_day(journal):
    add_entry(journal, days_ago(1))
    add_entry(journal, days_ago(1), private=True)
    add_entry(journal, days_ago(1), trashed=True)
    add_entry(journal, days_ago(400))  # before the calendar
    cal = activity_calendar(journal, TODAY)
    counts = {d.day: d.count for d in cal.days if d.count}
    assert counts == {days_ago(1): 2}
    assert (cal.busiest, cal.active_days) == (2, 1)


def test_calendar_day_drills_down_to_that_days_entries(journal):
    add_entry(journal, days_ago(1))
    add_entry(journal, days_ago(2))
    day = next(d for d in activity_calendar(journal, TODAY).days if d.day == days_ago(1))
    assert journal.entries.count(day.target.entries) == 1


def test_weekly_counts_oldest_first_ending_this_week(journal):
    add_entry(journal, TODAY)
    add_entry(journal, MONDAY - timedelta(days=1))  # Sunday: last week
    add_entry(journal, MONDAY - timedelta(days=7))  # Monday of last week
    weeks = weekly_counts(journal, TODAY, weeks=3)
    assert [(w.start, w.count) for w in weeks] == [
        (MONDAY - timedelta(weeks=2), 0), (MONDAY - timedelta(weeks=1), 2), (MONDAY, 1)]


def test_streak_counts_consecutive_weeks_up_to_this_week(journal):
    for weeks_back in (0, 1, 2, 4):
        add_entry(journal, MONDAY - timedelta(weeks=weeks_back))
    assert current_streak_weeks(journal, TODAY) == 3


def test_streak_is_kept_while_this_week_is_still_empty(journal):
    for weeks_back in (1, 2):
        add_entry(journal, MONDAY - timedelta(weeks=weeks_back))
    assert current_streak_weeks(journal, TODAY) == 2


def test_streak_is_broken_by_an_empty_last_week(journal):
    add_entry(journal, MONDAY - timedelta(weeks=2))
    assert current_streak_weeks(journal, TODAY) == 0


def test_streak_ignores_trashed_entries(journal):
    add_entry(journal, TODAY)
    add_entry(journal, MONDAY - timedelta(weeks=1), trashed=True)
    add_entry(journal, MONDAY - timedelta(weeks=2))
    assert current_streak_weeks(journal, TODAY) == 1


def test_longest_streak(journal):
    for weeks_back in (0, 5, 6, 7, 8, 20):
        add_entry(journal, MONDAY - timedelta(weeks=weeks_back))
    assert longest_streak_weeks(journal, TODAY) == 4


def test_stats_totals(journal, tiny_framework):
    add_entry(journal, days_ago(3), title="Busy day", body="Served  the\nqueue well.", minutes=30,
              confidence=4, skills=["kneading"], criteria=["BAKE01.P1"])
    add_entry(journal, days_ago(40), title="Quiet", private=True, minutes=15, confidence=2,
              criteria=["BAKE01.P1", "ICE03.P1"])
    add_entry(journal, days_ago(1), title="Gone", body="lots of words here", trashed=True)
    s = journal_stats(journal, tiny_framework, today=TODAY)
    assert (s.entries, s.private, s.trashed) == (2, 1, 1)
    assert s.words == 2 + 4 + 1
    assert (s.minutes, s.timed_entries, s.average_confidence) == (45, 2, 3.0)
    assert (s.first_day, s.last_day, s.active_days) == (days_ago(40), days_ago(3), 2)
    assert s.skills == {"kneading": 1, "decorating": 0, "patience": 0}
    assert s.criteria_cited == 2
    assert [(m.month, m.count) for m in s.months] == [("2026-10", 1), ("2026-11", 1)]


def test_stats_month_drills_down_to_the_whole_month(journal, tiny_framework):
    add_entry(journal, date(2026, 10, 1))
    add_entry(journal, date(2026, 10, 31))
    add_entry(journal, date(2026, 11, 1))
    month = journal_stats(journal, tiny_framework, today=TODAY).months[0]
    assert journal.entries.count(month.target.entries) == month.count == 2


def test_stats_of_an_empty_journal(journal, tiny_framework):
    s = journal_stats(journal, tiny_framework, today=TODAY)
    assert (s.entries, s.words, s.first_day, s.per_week, s.current_streak_weeks) == (0, 0, None, 0.0, 0)
