"""Objectives, feedback and training read a page at a time: the pages put together are the whole
list in its order, the counts are the lists' lengths and a record's position is its place in
the list (what the app's long lists rely on to show only the rows on screen)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from reflect.review.models import CLOSED_STATUSES, OPEN_STATUSES

TODAY = date(2026, 11, 24)  # the test journal's fixed clock


def paged(read, size: int) -> list:
    """Every record, read ``size`` at a time until a page comes back short."""
    records, offset = [], 0
    while True:
        page = read(limit=size, offset=offset)
        records += page
        if len(page) < size:
            return records
        offset += size


def add_objectives(journal, count: int = 53) -> list:
    objectives = []
    for n in range(count):
        # Deadlines repeat and some are missing, so the order needs its tie-breaks.
        deadline = None if n % 7 == 0 else TODAY + timedelta(days=(n % 5) * 10 - 20)
        objective = journal.objectives.add(specific=f"Objective {n}", deadline=deadline)
        if n % 3 == 0:
            objective = journal.objectives.change_status(objective.id, "dropped", reason="Moved to the tills")
        objectives.append(objective)
    return objectives


@pytest.mark.parametrize("status", [OPEN_STATUSES, CLOSED_STATUSES, None])
def test_objective_pages_make_the_whole_list_in_order(journal, status):
    add_objectives(journal)
    whole = journal.objectives.list(status)
    assert [o.id for o in paged(lambda **page: journal.objectives.list(status, **page), 10)] == [o.id for o in whole]
    assert journal.objectives.count(status) == len(whole)
    assert [journal.objectives.position(o.id, status) for o in whole] == list(range(len(whole)))


def test_objective_counts_overdue_and_positions_only_in_their_own_list(journal):
    objectives = add_objectives(journal)
    late = [o for o in journal.objectives.list(OPEN_STATUSES) if o.is_overdue(TODAY)]
    assert late  # the fixture has some, so the count can be wrong
    assert journal.objectives.count(OPEN_STATUSES, overdue_on=TODAY) == len(late)
    dropped = next(o for o in objectives if o.status == "dropped")
    assert journal.objectives.position(dropped.id, OPEN_STATUSES) is None
    assert journal.objectives.list(OPEN_STATUSES, limit=5, offset=10_000) == []


@pytest.mark.parametrize("done", [False, True, None])
def test_feedback_pages_make_the_whole_list_in_order(journal, done):
    for n in range(45):
        item = journal.feedback.add(received_on=TODAY - timedelta(days=n // 3), source_kind="customer",
                                    said=f"Item {n}")
        if n % 4 == 0:
            journal.feedback.mark_done(item.id, action="Said thanks")
    whole = journal.feedback.list(done=done)
    assert [f.id for f in paged(lambda **page: journal.feedback.list(done=done, **page), 7)] == [f.id for f in whole]
    assert journal.feedback.count(done=done) == len(whole)
    assert [journal.feedback.position(f.id, done=done) for f in whole] == list(range(len(whole)))


@pytest.mark.parametrize("done", [False, True, None])
def test_training_pages_make_the_whole_list_in_order(journal, done):
    for n in range(30):
        due = None if n % 6 == 0 else TODAY + timedelta(days=n % 4 * 15 - 30)
        journal.training.add(name=f"Course {n}", due=due,
                             completed_on=TODAY - timedelta(days=n) if n % 5 == 0 else None)
    whole = journal.training.list(done=done)
    assert [t.id for t in paged(lambda **page: journal.training.list(done=done, **page), 4)] == [t.id for t in whole]
    assert journal.training.count(done=done) == len(whole)
    assert [journal.training.position(t.id, done=done) for t in whole] == list(range(len(whole)))
    late = [t for t in journal.training.list(done=False) if t.is_overdue(TODAY)]
    assert late and journal.training.count(overdue_on=TODAY) == len(late)
