"""Learning time: time spent on reflections, activities and training, summed per week (Monday
to Sunday) and per review period, on fresh journals with known answers."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

import pytest

from reflect.errors import InputError
from reflect.journal import open_journal
from reflect.progress import counts
from reflect.progress.learning_time import (
    learning_summary,
    learning_time,
    review_period_start,
    weekly_learning_time,
)
from reflect.entries.models import EntryFilter
from reflect.store import migrations
from tests.conftest import FakeClock
from tests.gaps.conftest import TODAY, add_entry

MONDAY = date(2026, 11, 23)  # TODAY's week (TODAY is Tuesday 24 November 2026)
SUNDAY_BEFORE = MONDAY - timedelta(days=1)


def _objective(journal) -> int:
    return journal.objectives.add(specific="Handle complaints calmly").id


def test_a_week_runs_monday_to_sunday(journal):
    add_entry(journal, SUNDAY_BEFORE, minutes=30)
    add_entry(journal, MONDAY, minutes=45)
    add_entry(journal, TODAY, minutes=15)
    weeks = weekly_learning_time(journal, TODAY, weeks=2)
    assert [(w.start, w.reflections) for w in weeks] == [(MONDAY - timedelta(weeks=1), 30), (MONDAY, 60)]


def test_each_source_counts_in_its_own_column_on_its_own_day(journal):
    objective = _objective(journal)
    add_entry(journal, MONDAY, minutes=20)
    journal.activities.add(objective_id=objective, title="Shadow Sam", completed_on=SUNDAY_BEFORE, minutes=120)
    journal.training.add(name="Fire safety", completed_on=MONDAY, minutes=90)
    last, this = weekly_learning_time(journal, TODAY, weeks=2)
    assert (last.reflections, last.activities, last.training, last.total) == (0, 120, 0, 120)
    assert (this.reflections, this.activities, this.training, this.total) == (20, 0, 90, 110)


def test_items_without_time_count_nothing_and_open_ones_count_when_done(journal, clock):
    objective = _objective(journal)
    add_entry(journal, MONDAY)  # no time
    journal.activities.add(objective_id=objective, title="No time given", completed_on=MONDAY)
    planned = journal.activities.add(objective_id=objective, title="Read the policy", minutes=40)  # still open
    training = journal.training.add(name="Manual handling", minutes=60)  # still to do
    assert learning_time(journal).total == 0
    journal.activities.complete(planned.id, on=TODAY)
    journal.training.complete(training.id, on=TODAY)
    spent = learning_time(journal)
    assert (spent.reflections, spent.activities, spent.training) == (0, 40, 60)
    assert weekly_learning_time(journal, TODAY, weeks=1)[0].total == 100


def test_trashed_reflections_do_not_count(journal):
    add_entry(journal, MONDAY, minutes=30, trashed=True)
    add_entry(journal, MONDAY, minutes=10)
    assert learning_time(journal).reflections == 10
    assert weekly_learning_time(journal, TODAY, weeks=1)[0].reflections == 10


def test_private_reflections_count_only_when_included(journal):
    add_entry(journal, MONDAY, minutes=30, private=True)
    add_entry(journal, MONDAY, minutes=10)
    assert learning_time(journal).reflections == 40
    assert learning_time(journal, include_private=False).reflections == 10
    assert weekly_learning_time(journal, TODAY, weeks=1, include_private=False)[0].reflections == 10


def _complete_review(journal, start: date, end: date) -> None:
    journal.reviews.complete(mentor_name="Alex", agreed_on=end, period_start=start, period_end=end, snapshot={})


def test_the_review_period_starts_the_day_after_the_last_review(journal):
    assert review_period_start(journal) is None
    _complete_review(journal, date(2026, 8, 1), date(2026, 9, 30))
    _complete_review(journal, date(2026, 10, 1), date(2026, 11, 10))
    assert review_period_start(journal) == date(2026, 11, 11)
    # The same day `reflect review prepare` starts its period on.
    assert review_period_start(journal) == journal.reviews.next_period_start()


def test_period_boundaries(journal):
    objective = _objective(journal)
    _complete_review(journal, date(2026, 10, 1), date(2026, 11, 10))
    add_entry(journal, date(2026, 11, 10), minutes=100)  # the last day of the previous period
    add_entry(journal, date(2026, 11, 11), minutes=30)  # the first day of this one
    journal.activities.add(objective_id=objective, title="Before", completed_on=date(2026, 11, 10), minutes=200)
    journal.activities.add(objective_id=objective, title="After", completed_on=date(2026, 11, 11), minutes=45)
    journal.training.add(name="On the last day", completed_on=TODAY, minutes=60)
    summary = learning_summary(journal, TODAY, weeks=4)
    assert summary.period.start == date(2026, 11, 11)
    assert (summary.period.reflections, summary.period.activities, summary.period.training) == (30, 45, 60)
    assert summary.total.total == 100 + 30 + 200 + 45 + 60
    # A span given (stats --from/--to) bounds the total and the weeks, never the review period.
    narrow = learning_summary(journal, TODAY, weeks=4, start=date(2026, 11, 11), end=date(2026, 11, 11))
    assert narrow.total.total == 30 + 45
    assert sum(w.total for w in narrow.weeks) == 30 + 45
    assert narrow.period == summary.period


def test_the_running_totals_and_a_recount_agree(journal):
    """Spans holding every reflection are answered from the running totals; others are summed
    from the entries: both must give what the rows say."""
    for k, minutes in enumerate([30, None, 45, 90, None, 15]):
        add_entry(journal, date(2026, 10, 1) + timedelta(days=9 * k), minutes=minutes,
                  private=k == 3, trashed=k == 5)
    live = journal.conn.execute("SELECT day, minutes, private FROM entries WHERE deleted_at IS NULL").fetchall()

    def recount(start=None, end=None, private=None):
        return sum(m or 0 for day, m, p in live if (start is None or day >= start.isoformat())
                   and (end is None or day <= end.isoformat()) and (private is None or p == private))

    spans = [(None, None), (date(2026, 1, 1), None), (None, date(2027, 1, 1)), (date(2026, 10, 1), date(2026, 11, 15)),
             (date(2026, 10, 5), None), (date(2026, 10, 19), date(2026, 10, 28))]
    for start, end in spans:
        for private in (None, False, True):
            base = EntryFilter(date_from=start, date_to=end, private=private)
            assert counts.reflection_minutes(journal, base) == recount(start, end, private), (start, end, private)


def test_summary_json_is_iso_and_whole_minutes(journal):
    add_entry(journal, MONDAY, minutes=90)
    data = learning_summary(journal, TODAY, weeks=2).to_json()
    assert data["total"] == {"start": None, "end": None, "minutes": 90, "reflections": 90, "activities": 0,
                             "training": 0}
    assert data["weeks"][-1] == {"week_start": "2026-11-23", "minutes": 90, "reflections": 90, "activities": 0,
                                 "training": 0}


def test_sentence_for_people(journal):
    objective = _objective(journal)
    add_entry(journal, MONDAY, minutes=270)
    journal.activities.add(objective_id=objective, title="Shadow", completed_on=MONDAY, minutes=120)
    journal.training.add(name="Fire safety", completed_on=MONDAY, minutes=360)
    spent = learning_time(journal)
    assert spent.sentence() == "12.5 hours of learning this period, of which training 6 hours"
    assert spent.split() == "reflections 4.5 hours, activities 2 hours, training 6 hours"


# -- the stores ---------------------------------------------------------------------------------


def test_activity_time_is_kept_changed_and_cleared(journal):
    objective = _objective(journal)
    activity = journal.activities.add(objective_id=objective, title="Shadow Sam", minutes=90)
    assert journal.activities.get(activity.id).minutes == 90
    assert journal.activities.update(activity.id, minutes=30).minutes == 30
    assert journal.activities.update(activity.id, title="Shadow Priya").minutes == 30  # other changes keep it
    assert journal.activities.update(activity.id, minutes=None).minutes is None
    assert journal.activities.complete(activity.id, minutes=75).minutes == 75


def test_training_time_is_kept_and_set_on_completion(journal):
    training = journal.training.add(name="Fire safety")
    assert training.minutes is None
    done = journal.training.complete(training.id, certificate_ref="FS-1", minutes=180)
    assert (done.minutes, done.certificate_ref) == (180, "FS-1")
    assert journal.training.reopen(training.id).minutes == 180  # reopening keeps the time


@pytest.mark.parametrize("bad", [0, -5, 200 * 60 + 1, True, 1.5, "90"])
def test_stores_refuse_impossible_times(journal, bad):
    objective = _objective(journal)
    with pytest.raises(InputError, match="between 1 minute and 200 hours"):
        journal.activities.add(objective_id=objective, title="Shadow", minutes=bad)
    with pytest.raises(InputError, match="between 1 minute and 200 hours"):
        journal.training.add(name="Fire safety", minutes=bad)
    assert journal.activities.list() == [] and journal.training.list() == []


def test_the_database_refuses_a_time_of_zero(journal):
    objective = _objective(journal)
    activity = journal.activities.add(objective_id=objective, title="Shadow")
    with pytest.raises(sqlite3.IntegrityError):
        journal.conn.execute("UPDATE activities SET minutes = 0 WHERE id = ?", [activity.id])


def test_an_older_journal_gains_time_columns_and_keeps_its_rows(tmp_path):
    """A journal at the step before this one: activities and training kept, with no time."""
    import sqlite_utils

    step = next(i for i, s in enumerate(migrations.MIGRATIONS) if s.__name__ == "_v6_learning_time")
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    db = sqlite_utils.Database(conn, execute_plugins=False)
    for earlier in migrations.MIGRATIONS[:step]:
        earlier(db)
    conn.execute(f"PRAGMA user_version = {step}")
    conn.execute("INSERT INTO objectives (uid, specific, created_at, updated_at) VALUES ('o', 'Calm', 'c', 'u')")
    conn.execute("INSERT INTO activities (objective_id, title, completed_on, created_at, updated_at)"
                 " VALUES (1, 'Shadow', '2026-11-20', 'c', 'u')")
    conn.execute("INSERT INTO training (name, completed_on, created_at, updated_at)"
                 " VALUES ('Fire safety', '2026-11-21', 'c', 'u')")
    conn.close()
    with open_journal(path, clock=FakeClock()) as journal:
        assert journal.schema_version == migrations.CURRENT_VERSION
        assert [(a.title, a.minutes) for a in journal.activities.list()] == [("Shadow", None)]
        assert [(t.name, t.minutes) for t in journal.training.list()] == [("Fire safety", None)]
        assert learning_time(journal).total == 0
