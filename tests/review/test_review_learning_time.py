"""The period's learning time in a review: `reflect review prepare` (text and --json), a
completed review's snapshot and `reflect review show`, counted and phrased as the dashboard
does (reflect.progress.learning_time), with a private reflection's time only when private
reflections are included. Run in-process as a person runs them."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from reflect.review.prep import complete_review, prepare_review
from reflect.review.text import render_review
from tests.test_cli_entries import Reflect


@pytest.fixture
def reflect(tmp_path) -> Reflect:
    return Reflect(tmp_path)


def _fill(reflect: Reflect, day: date) -> None:
    """4.5 hours of reflections (45 minutes more in a private one), 2 hours of activities and
    6 hours of training on ``day``; and time before the period that must not count."""
    when = day.isoformat()
    reflect.ok("add", "--no-advice", "--time", "4h30", "--date", when, "Till training with Sam")
    reflect.ok("add", "--no-advice", "--time", "45m", "--private", "--date", when, "Worried about the rota")
    reflect.ok("objective", "add", "Handle complaints calmly")
    reflect.ok("activity", "add", "1", "Shadow Sam", "--done", when, "--time", "2h")
    reflect.ok("training", "add", "Fire safety", "--completed", when, "--time", "6h")


def test_review_prepare_says_the_periods_learning_time_like_the_dashboard(reflect):
    today = date.today()
    _fill(reflect, today)
    # Time before the period (it starts on --from) counts nowhere in it.
    reflect.ok("add", "--no-advice", "--time", "3h", "--date", (today - timedelta(days=40)).isoformat(), "Old")
    start = (today - timedelta(days=7)).isoformat()
    text = reflect.ok("review", "prepare", "--from", start)
    assert "12.5 hours of learning this period, of which training 6 hours." in text.splitlines()
    with_private = reflect.ok("review", "prepare", "--from", start, "--include-private")
    assert "13.2 hours of learning this period, of which training 6 hours." in with_private.splitlines()

    data = reflect.json("review", "prepare", "--from", start)
    assert data["learning_time"] == {"start": start, "end": today.isoformat(), "minutes": 750, "reflections": 270,
                                     "activities": 120, "training": 360}
    assert reflect.json("review", "prepare", "--from", start, "--include-private")["learning_time"]["reflections"] == 315


def test_review_prepare_says_nothing_of_learning_time_without_any(reflect):
    reflect.ok("add", "--no-advice", "Served the queue")
    text = reflect.ok("review", "prepare")
    assert "of learning" not in text
    assert reflect.json("review", "prepare")["learning_time"]["minutes"] == 0


def test_a_completed_review_keeps_its_learning_time(reflect):
    today = date.today()
    _fill(reflect, today)
    reflect.ok("review", "complete", "--mentor", "Alex Smith", "--agreed", "today")
    # Time recorded after the review does not change what was agreed.
    reflect.ok("training", "add", "Manual handling", "--completed", "today", "--time", "1h")
    assert "12.5 hours of learning this period, of which training 6 hours." in reflect.ok("review", "show", "1")
    assert reflect.json("review", "show", "1")["snapshot"]["learning_time"]["minutes"] == 750


def test_learning_time_of_the_prepared_review_is_the_period_s(journal, clock):
    today = journal.today()
    journal.entries.add(day=today, title="Refund", minutes=90)
    journal.entries.add(day=today, title="Private", minutes=30, private=True)
    journal.entries.add(day=today - timedelta(days=3), title="Before the period", minutes=600)
    journal.training.add(name="Fire safety", completed_on=today, minutes=60)
    journal.training.add(name="Still open", minutes=500)  # not done: counts nowhere yet
    prepared = prepare_review(journal, start=today - timedelta(days=1))
    learning = prepared.learning_time
    assert (learning.start, learning.end, learning.reflections, learning.training) == (
        today - timedelta(days=1), today, 90, 60)
    assert prepare_review(journal, start=today - timedelta(days=1), include_private=True).learning_time.reflections == 120
    assert "2.5 hours of learning this period, of which training 1 hour." in render_review(prepared.to_json())


def test_a_review_kept_before_learning_time_was_counted_still_reads(journal, clock):
    journal.entries.add(day=journal.today(), title="Refund", minutes=90)
    review = complete_review(journal, mentor_name="Alex Smith", agreed_on=journal.today())
    old = {k: v for k, v in review.snapshot.items() if k != "learning_time"}
    text = render_review(old, review)
    assert "of learning" not in text
    assert "1.5 hours of learning this period." in render_review(review.snapshot, review)
