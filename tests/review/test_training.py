"""The mandatory training log."""

from datetime import date

import pytest

from reflect.errors import InputError, NotFoundError
from tests.review.conftest import TODAY


def test_add_to_do_and_complete_with_certificate(journal):
    t = journal.training.add(name="Fire safety", provider="Store HR", due=date(2026, 12, 31))
    assert (t.name, t.provider, t.due, t.done) == ("Fire safety", "Store HR", date(2026, 12, 31), False)
    done = journal.training.complete(t.id, date(2026, 11, 20), certificate_ref="FS-2291")
    assert (done.completed_on, done.certificate_ref) == (date(2026, 11, 20), "FS-2291")
    with pytest.raises(InputError, match="already completed"):
        journal.training.complete(t.id)


def test_add_already_completed(journal):
    t = journal.training.add(name="Food hygiene", completed_on=date(2026, 11, 3), certificate_ref="FH-104")
    assert t.done and t.certificate_ref == "FH-104"


@pytest.mark.parametrize("fields,message", [({"name": ""}, "can't be empty"),
                                            ({"completed_on": date(2027, 1, 1)}, "can't be in the future")])
def test_bad_training_is_refused(journal, fields, message):
    with pytest.raises(InputError, match=message):
        journal.training.add(**({"name": "Fire safety"} | fields))


def test_overdue_and_lists(journal):
    late = journal.training.add(name="Manual handling", due=date(2026, 11, 1))
    soon = journal.training.add(name="Fire safety", due=date(2026, 12, 1))
    done = journal.training.add(name="Food hygiene", due=date(2026, 10, 1), completed_on=TODAY)
    assert [t.id for t in journal.training.overdue()] == [late.id]
    assert [t.id for t in journal.training.list(done=False)] == [late.id, soon.id]
    assert [t.id for t in journal.training.list(done=True)] == [done.id]
    assert [t.id for t in journal.training.completed_between(TODAY, TODAY)] == [done.id]


def test_update_reopen_delete(journal):
    t = journal.training.add(name="Fire safety", completed_on=TODAY)
    assert journal.training.update(t.id, due=date(2027, 1, 1), provider="HR").provider == "HR"
    assert journal.training.reopen(t.id).completed_on is None
    journal.training.delete(t.id)
    with pytest.raises(NotFoundError, match="No training"):
        journal.training.get(t.id)
