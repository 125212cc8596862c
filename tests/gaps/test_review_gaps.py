"""Loose ends before the review: activities, objectives, feedback, training, days to go."""

from datetime import date

from reflect.review.loose_ends import review_gaps
from tests.gaps.conftest import (
    TODAY,
    add_activity,
    add_feedback,
    add_objective,
    add_training,
    days_ago,
)


def test_an_empty_journal_has_no_loose_ends(journal):
    r = review_gaps(journal, TODAY)
    assert r.count == 0 and r.next_review is None and r.days_to_review is None


def test_activity_due_before_today_and_not_done_is_overdue(journal):
    objective = add_objective(journal)
    late = add_activity(journal, objective, "Shadow a supervisor", due=days_ago(1))
    add_activity(journal, objective, "Due today", due=TODAY)
    add_activity(journal, objective, "Done", due=days_ago(5), completed_on=days_ago(6))
    add_activity(journal, objective, "No date")
    r = review_gaps(journal, TODAY)
    assert [(a.id, a.title, a.objective_id) for a in r.overdue_activities] == [(late, "Shadow a supervisor", objective)]
    assert r.overdue_activities[0].days_late(TODAY) == 1


def test_activities_of_closed_objectives_are_not_chased(journal):
    dropped = add_objective(journal, "Old aim", status="dropped")
    add_activity(journal, dropped, due=days_ago(10))
    assert review_gaps(journal, TODAY).overdue_activities == ()


def test_open_objectives_past_their_deadline_oldest_first(journal):
    newer = add_objective(journal, "B", status="in-progress", deadline=days_ago(2))
    older = add_objective(journal, "A", status="draft", deadline=days_ago(20))
    add_objective(journal, "C", status="achieved", deadline=days_ago(30))
    add_objective(journal, "D", status="agreed", deadline=TODAY)
    r = review_gaps(journal, TODAY)
    assert [o.id for o in r.overdue_objectives] == [older, newer]


def test_feedback_with_no_action_and_not_done(journal):
    waiting = add_feedback(journal, "Speak up in huddles", received_on=days_ago(4))
    add_feedback(journal, "Well done", action="Keep it up")
    add_feedback(journal, "Thanks", done=True)
    add_feedback(journal, "Blank action", action="   ", received_on=days_ago(1))
    r = review_gaps(journal, TODAY)
    assert [f.id for f in r.feedback_without_action][0] == waiting
    assert len(r.feedback_without_action) == 2


def test_training_not_completed_dated_first(journal):
    undated = add_training(journal, "Manual handling")
    late = add_training(journal, "Fire safety", due=days_ago(3))
    add_training(journal, "First aid", due=days_ago(30), completed_on=days_ago(31))
    r = review_gaps(journal, TODAY)
    assert [t.id for t in r.training_not_done] == [late, undated]
    assert [t.id for t in r.training_overdue] == [late]


def test_days_to_next_review_from_the_schedule(journal):
    journal.settings.set("review_start", "2026-09-01")  # every 12 weeks: next is 24 Nov 2026
    r = review_gaps(journal, date(2026, 11, 20))
    assert (r.next_review, r.days_to_review, r.previous_review) == (date(2026, 11, 24), 4, date(2026, 9, 1))


def test_review_today_is_zero_days_away(journal):
    journal.settings.set("review_start", "2026-09-01")
    assert review_gaps(journal, TODAY).days_to_review == 0


def test_monthly_interval(journal):
    journal.settings.set("review_start", "2026-01-31")
    journal.settings.set("review_interval", "3 months")
    assert review_gaps(journal, TODAY).next_review == date(2027, 1, 31)
