"""The review store: the draft, completing, and completed reviews staying read-only."""

import sqlite3
from datetime import date

import pytest

from reflect.errors import InputError
from reflect.review.reviews import ReviewLockedError
from tests.review.conftest import TODAY


def complete(journal, agreed_on=TODAY, **kw):
    fields = dict(mentor_name="Alex Smith", agreed_on=agreed_on, period_start=date(2026, 9, 1),
                  period_end=agreed_on, snapshot={"kept": True}) | kw
    return journal.reviews.complete(**fields)


def test_save_draft_creates_one_draft_and_keeps_adding_to_it(journal):
    first = journal.reviews.save_draft(strengths="Calm with complaints")
    second = journal.reviews.save_draft(next_objectives="Lead a huddle\n- Cut refund errors")
    assert first.id == second.id and journal.reviews.draft().id == first.id
    assert (second.strengths, second.status, second.read_only) == ("Calm with complaints", "draft", False)
    assert second.proposed_objectives == ["Lead a huddle", "Cut refund errors"]


def test_complete_freezes_the_draft_with_its_notes(journal):
    journal.reviews.save_draft(strengths="Calm", improvements="Speaking up")
    review = complete(journal, next_objectives="Lead a huddle")
    assert (review.status, review.mentor_name, review.agreed_on) == ("completed", "Alex Smith", TODAY)
    assert (review.strengths, review.improvements, review.next_objectives) == ("Calm", "Speaking up", "Lead a huddle")
    assert review.snapshot == {"kept": True} and review.read_only
    assert journal.reviews.draft() is None
    assert journal.reviews.last_completed() == review
    assert journal.reviews.next_period_start() == date(2026, 11, 25)


def test_completed_review_refuses_changes_and_deletion(journal):
    review = complete(journal)
    with pytest.raises(ReviewLockedError, match=r"Review 1 was completed on 24/11/2026 and is read-only"):
        journal.reviews.update(review.id, strengths="rewritten")
    with pytest.raises(ReviewLockedError):
        journal.reviews.delete(review.id)
    assert journal.reviews.get(review.id) == review


def test_database_itself_refuses_changing_a_completed_review(journal):
    complete(journal)
    with pytest.raises(sqlite3.IntegrityError, match="read-only"):
        journal.db.execute("UPDATE reviews SET strengths = 'x'")


def test_complete_needs_mentor_and_a_date_not_in_the_future(journal):
    with pytest.raises(InputError, match="mentor's name can't be empty"):
        complete(journal, mentor_name=" ")
    with pytest.raises(InputError, match="can't be in the future"):
        complete(journal, agreed_on=date(2026, 12, 1))
    assert journal.reviews.list() == []


def test_a_review_must_come_after_the_last_one(journal):
    complete(journal, agreed_on=date(2026, 11, 1))
    with pytest.raises(InputError, match="not after the last review"):
        complete(journal, agreed_on=date(2026, 10, 1), period_start=date(2026, 9, 1))


def test_draft_can_be_thrown_away(journal):
    draft = journal.reviews.save_draft(strengths="x")
    journal.reviews.delete(draft.id)
    assert journal.reviews.list() == []


def test_list_newest_first_with_the_draft_on_top(journal):
    one = complete(journal, agreed_on=date(2026, 10, 1))
    two = complete(journal, period_start=date(2026, 10, 2))
    draft = journal.reviews.save_draft(strengths="x")
    assert [r.id for r in journal.reviews.list()] == [draft.id, two.id, one.id]
    assert [r.id for r in journal.reviews.list(completed=True)] == [two.id, one.id]
