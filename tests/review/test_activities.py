"""Development activities: plan, complete, reopen, overdue."""

from datetime import date

import pytest

from reflect.errors import InputError, NotFoundError
from tests.review.conftest import TODAY


def test_add_and_get(objective, journal):
    o = objective()
    a = journal.activities.add(objective_id=o.id, title=" Shadow Sam ", kind="shadowing", due=date(2026, 12, 1),
                               notes="returns desk")
    assert (a.objective_id, a.title, a.kind, a.due, a.notes, a.done) == (o.id, "Shadow Sam", "shadowing",
                                                                         date(2026, 12, 1), "returns desk", False)
    assert journal.activities.get(a.id) == a


@pytest.mark.parametrize("fields,message", [
    ({"title": ""}, "can't be empty"),
    ({"kind": "juggling"}, 'Unknown kind of activity "juggling"'),
    ({"objective_id": 99}, "No objective 99"),
    ({"completed_on": date(2027, 1, 1)}, "can't be in the future"),
])
def test_bad_activities_are_refused(objective, journal, fields, message):
    values = {"objective_id": objective().id, "title": "Shadow Sam"} | fields
    with pytest.raises((InputError, NotFoundError), match=message):
        journal.activities.add(**values)
    assert journal.activities.list() == []


def test_complete_and_reopen(objective, journal):
    a = journal.activities.add(objective_id=objective().id, title="Read the policy")
    done = journal.activities.complete(a.id, date(2026, 11, 20))
    assert done.completed_on == date(2026, 11, 20) and done.done
    with pytest.raises(InputError, match="already done"):
        journal.activities.complete(a.id)
    assert journal.activities.reopen(a.id).completed_on is None
    with pytest.raises(InputError, match="not done yet"):
        journal.activities.reopen(a.id)


def test_complete_defaults_to_today(objective, journal):
    a = journal.activities.add(objective_id=objective().id, title="Read the policy")
    assert journal.activities.complete(a.id).completed_on == TODAY


def test_overdue_only_open_activities_of_open_objectives(objective, journal):
    o = objective()
    late = journal.activities.add(objective_id=o.id, title="Late", due=date(2026, 11, 1))
    journal.activities.add(objective_id=o.id, title="Not yet due", due=date(2026, 12, 1))
    journal.activities.add(objective_id=o.id, title="No due date")
    done = journal.activities.add(objective_id=o.id, title="Done", due=date(2026, 11, 1))
    journal.activities.complete(done.id)
    closed = objective(status="agreed")
    journal.activities.add(objective_id=closed.id, title="Moot", due=date(2026, 11, 1))
    journal.objectives.change_status(closed.id, "dropped", reason="Moved team")
    assert [a.id for a in journal.activities.overdue()] == [late.id]
    assert late.is_overdue(TODAY) and late.days_overdue(TODAY) == 23


def test_list_filters_and_orders(objective, journal):
    one, two = objective(), objective()
    a = journal.activities.add(objective_id=one.id, title="A", due=date(2026, 12, 5))
    b = journal.activities.add(objective_id=one.id, title="B", due=date(2026, 12, 1))
    c = journal.activities.add(objective_id=two.id, title="C")
    journal.activities.complete(c.id)
    assert [x.id for x in journal.activities.list()] == [b.id, a.id, c.id]
    assert [x.id for x in journal.activities.list(objective_id=one.id)] == [b.id, a.id]
    assert [x.id for x in journal.activities.list(done=True)] == [c.id]
    assert [x.id for x in journal.activities.completed_between(TODAY, TODAY)] == [c.id]


def test_update_and_delete(objective, journal):
    one, two = objective(), objective()
    a = journal.activities.add(objective_id=one.id, title="A", due=date(2026, 12, 5))
    changed = journal.activities.update(a.id, title="B", due=None, objective_id=two.id, kind="reading")
    assert (changed.title, changed.due, changed.objective_id, changed.kind) == ("B", None, two.id, "reading")
    journal.activities.delete(a.id)
    with pytest.raises(NotFoundError, match="No activity"):
        journal.activities.get(a.id)


def test_deleting_an_objective_deletes_its_activities(objective, journal):
    o = objective()
    a = journal.activities.add(objective_id=o.id, title="A")
    journal.objectives.delete(o.id)
    with pytest.raises(NotFoundError):
        journal.activities.get(a.id)
