"""The feedback log, including the contract the mentor-feedback importer builds on."""

from datetime import date

import pytest

from reflect.errors import InputError, NotFoundError
from tests.review.conftest import TODAY


def test_add_with_the_contract_signature(objective, journal):
    o = objective()
    entry = journal.entries.add(day=TODAY, title="Refund")
    fb = journal.feedback.add(received_on=date(2026, 11, 20), source_kind="mentor", said="Calm tone",
                              source_name="Alex", action="Keep it up", objective_id=o.id, entry_id=entry.id,
                              import_key="mentor-2026-11-20-1")
    assert (fb.received_on, fb.source_kind, fb.said, fb.source_name, fb.action, fb.objective_id, fb.entry_id,
            fb.import_key, fb.done) == (date(2026, 11, 20), "mentor", "Calm tone", "Alex", "Keep it up", o.id,
                                        entry.id, "mentor-2026-11-20-1", False)
    assert journal.feedback.get_by_import_key("mentor-2026-11-20-1") == fb
    assert journal.feedback.get_by_import_key("other") is None


def test_same_import_key_twice_is_refused(journal):
    journal.feedback.add(received_on=TODAY, source_kind="mentor", said="x", import_key="k1")
    with pytest.raises(InputError, match="already in the journal"):
        journal.feedback.add(received_on=TODAY, source_kind="mentor", said="y", import_key="k1")
    assert len(journal.feedback.list()) == 1


@pytest.mark.parametrize("fields,message", [
    ({"said": " "}, "can't be empty"),
    ({"source_kind": "boss"}, 'Unknown source of feedback "boss"'),
    ({"received_on": date(2026, 12, 1)}, "can't be in the future"),
    ({"objective_id": 5}, "No objective 5"),
    ({"entry_id": 5}, "No entry 5"),
])
def test_bad_feedback_is_refused(journal, fields, message):
    with pytest.raises((InputError, NotFoundError), match=message):
        journal.feedback.add(**({"received_on": TODAY, "source_kind": "mentor", "said": "x"} | fields))
    assert journal.feedback.list() == []


def test_source_reads_well(journal):
    fb = journal.feedback.add(received_on=TODAY, source_kind="customer", said="Thanks")
    assert fb.source == "Customer"
    assert journal.feedback.update(fb.id, source_name="Mrs Reid").source == "Customer (Mrs Reid)"


def test_mark_done_needs_an_action(journal):
    fb = journal.feedback.add(received_on=TODAY, source_kind="manager", said="Speak up in huddles")
    with pytest.raises(InputError, match="Say what you did"):
        journal.feedback.mark_done(fb.id)
    done = journal.feedback.mark_done(fb.id, action="Brought one idea to each huddle", on=TODAY)
    assert (done.done, done.done_on, done.action) == (True, TODAY, "Brought one idea to each huddle")
    undone = journal.feedback.mark_done(fb.id, done=False)
    assert (undone.done, undone.done_on) == (False, None)


def test_list_filters(objective, journal):
    o = objective()
    old = journal.feedback.add(received_on=date(2026, 10, 1), source_kind="mentor", said="a", objective_id=o.id)
    new = journal.feedback.add(received_on=date(2026, 11, 20), source_kind="customer", said="b", action="c",
                               done_on=TODAY)
    assert [f.id for f in journal.feedback.list()] == [new.id, old.id]
    assert [f.id for f in journal.feedback.list(source_kind="mentor")] == [old.id]
    assert [f.id for f in journal.feedback.list(objective_id=o.id)] == [old.id]
    assert [f.id for f in journal.feedback.list(date_from=date(2026, 11, 1))] == [new.id]
    assert [f.id for f in journal.feedback.list(date_to=date(2026, 11, 1))] == [old.id]
    assert [f.id for f in journal.feedback.list(done=False)] == [old.id]


def test_deleting_a_linked_objective_keeps_the_feedback(objective, journal):
    o = objective()
    fb = journal.feedback.add(received_on=TODAY, source_kind="mentor", said="a", objective_id=o.id)
    journal.objectives.delete(o.id)
    assert journal.feedback.get(fb.id).objective_id is None


def test_delete(journal):
    fb = journal.feedback.add(received_on=TODAY, source_kind="mentor", said="a")
    journal.feedback.delete(fb.id)
    with pytest.raises(NotFoundError, match="No feedback"):
        journal.feedback.get(fb.id)
