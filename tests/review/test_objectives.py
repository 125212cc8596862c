"""The objective store: fields, links, every status change and which moves are allowed."""

from datetime import date, timedelta

import pytest

from reflect.errors import InputError, NotFoundError
from reflect.review.objectives import TRANSITIONS, needs_reason
from reflect.review.models import OBJECTIVE_STATUSES
from tests.review.conftest import TODAY


def test_add_keeps_every_smart_field_and_link(journal):
    o = journal.objectives.add(specific="  Handle 3 complaints  ", measure="3 logged", achievable="Sam helps",
                               relevant="Half my job", deadline=date(2027, 1, 31), skills=["focus", "focus"],
                               criteria=["INSCS009.P2"])
    assert (o.specific, o.measure, o.achievable, o.relevant) == ("Handle 3 complaints", "3 logged", "Sam helps",
                                                                 "Half my job")
    assert (o.deadline, o.skills, o.criteria, o.status, o.set_on) == (date(2027, 1, 31), ("focus",),
                                                                      ("INSCS009.P2",), "draft", TODAY)
    assert journal.objectives.get(o.id) == o
    assert journal.objectives.get_by_uid(o.uid) == o


def test_first_history_record_is_the_creation_status(objective, journal):
    o = objective(status="agreed", set_on=date(2026, 11, 2), reason="Set at induction")
    [first] = journal.objectives.history(o.id)
    assert (first.status, first.changed_on, first.reason) == ("agreed", date(2026, 11, 2), "Set at induction")
    assert o.set_on == date(2026, 11, 2)
    assert (o.agreed_by, o.agreed_on) == ("Alex Smith", date(2026, 11, 2))


def test_add_needs_what_you_will_do(journal):
    with pytest.raises(InputError, match="can't be empty"):
        journal.objectives.add(specific="   ")


def test_add_agreed_needs_who_agreed(journal):
    with pytest.raises(InputError, match="Who agreed it"):
        journal.objectives.add(specific="Handle 3 complaints", status="agreed")


def test_add_cannot_start_closed(journal):
    with pytest.raises(InputError, match="starting status"):
        journal.objectives.add(specific="Handle 3 complaints", status="achieved")


def test_add_with_a_missing_source_entry_writes_nothing(journal):
    with pytest.raises(NotFoundError, match="No entry 9"):
        journal.objectives.add(specific="Handle 3 complaints", source_entry_id=9)
    assert journal.objectives.list() == []


def test_update_changes_fields_and_replaces_links(objective, journal):
    o = objective(skills=["focus"], criteria=["A.P1"])
    updated = journal.objectives.update(o.id, measure="3 logged", deadline=date(2027, 2, 1), skills=["integrity"])
    assert (updated.measure, updated.deadline, updated.skills, updated.criteria) == (
        "3 logged", date(2027, 2, 1), ("integrity",), ("A.P1",))
    assert journal.objectives.update(o.id, deadline=None).deadline is None


def test_update_does_not_touch_status(objective, journal):
    o = objective()
    with pytest.raises(TypeError):
        journal.objectives.update(o.id, status="achieved")


@pytest.mark.parametrize("old,new", [(o, n) for o, targets in TRANSITIONS.items() for n in targets])
def test_every_allowed_move_is_recorded_with_date_and_reason(journal, old, new):
    o = journal.objectives.add(specific="Handle 3 complaints", status="agreed" if old != "draft" else "draft",
                               agreed_by="Alex", set_on=date(2026, 11, 1))
    path = {"draft": [], "agreed": [], "in-progress": ["in-progress"], "achieved": ["achieved"],
            "not-achieved": ["not-achieved"], "dropped": ["dropped"]}[old]
    for step in path:
        journal.objectives.change_status(o.id, step, reason="setting up", on=date(2026, 11, 10))
    moved = journal.objectives.change_status(o.id, new, reason="because", on=date(2026, 11, 20), agreed_by="Alex")
    last = journal.objectives.history(o.id)[-1]
    assert moved.status == new
    assert (last.status, last.changed_on) == (new, date(2026, 11, 20))
    assert last.reason in ("because",)


FORBIDDEN = [(o, n) for o in OBJECTIVE_STATUSES for n in OBJECTIVE_STATUSES if n not in TRANSITIONS[o] and n != o]


@pytest.mark.parametrize("old,new", FORBIDDEN)
def test_moves_not_in_the_table_are_refused_and_change_nothing(journal, old, new):
    o = journal.objectives.add(specific="Handle 3 complaints", status="agreed" if old != "draft" else "draft",
                               agreed_by="Alex")
    if old not in ("draft", "agreed"):
        journal.objectives.change_status(o.id, old, reason="setting up")
    before = journal.objectives.history(o.id)
    with pytest.raises(InputError):
        journal.objectives.change_status(o.id, new, reason="because", agreed_by="Alex")
    assert journal.objectives.get(o.id).status == old
    assert journal.objectives.history(o.id) == before


def test_draft_cannot_be_achieved_before_it_is_agreed(objective, journal):
    with pytest.raises(InputError, match="still a draft: mark it agreed first"):
        journal.objectives.change_status(objective().id, "achieved")


def test_same_status_again_is_refused(objective, journal):
    with pytest.raises(InputError, match="already draft"):
        journal.objectives.change_status(objective().id, "draft", reason="x")


@pytest.mark.parametrize("old,new", [("agreed", "dropped"), ("agreed", "not-achieved"), ("agreed", "draft"),
                                     ("achieved", "in-progress")])
def test_closing_reopening_and_going_back_need_a_reason(old, new):
    assert needs_reason(old, new)


@pytest.mark.parametrize("old,new", [("draft", "agreed"), ("agreed", "in-progress"), ("in-progress", "achieved")])
def test_moving_forward_needs_no_reason(old, new):
    assert not needs_reason(old, new)


def test_dropping_without_a_reason_is_refused(objective, journal):
    o = objective(status="agreed")
    with pytest.raises(InputError, match="Give a reason"):
        journal.objectives.change_status(o.id, "dropped")
    assert journal.objectives.get(o.id).status == "agreed"


def test_agreeing_records_who_and_when(objective, journal):
    o = journal.objectives.change_status(objective(set_on=date(2026, 11, 1)).id, "agreed", agreed_by="Alex Smith",
                                         on=date(2026, 11, 20))
    assert (o.agreed_by, o.agreed_on) == ("Alex Smith", date(2026, 11, 20))
    assert journal.objectives.history(o.id)[-1].reason == "Agreed with Alex Smith"


def test_agreeing_without_a_name_is_refused(objective, journal):
    with pytest.raises(InputError, match="Who agreed it"):
        journal.objectives.change_status(objective().id, "agreed")


def test_back_to_draft_clears_the_agreement_but_history_keeps_it(objective, journal):
    o = objective(status="agreed")
    o = journal.objectives.change_status(o.id, "draft", reason="Rewriting it")
    assert (o.agreed_by, o.agreed_on) == ("", None)
    assert journal.objectives.history(o.id)[0].reason == ""
    assert o.status == "draft"


def test_change_dated_in_the_future_is_refused(objective, journal):
    with pytest.raises(InputError, match="can't be in the future"):
        journal.objectives.change_status(objective().id, "agreed", agreed_by="A", on=TODAY + timedelta(days=1))


def test_change_dated_before_the_last_change_is_refused(objective, journal):
    o = objective(set_on=date(2026, 11, 10))
    with pytest.raises(InputError, match="before the last change"):
        journal.objectives.change_status(o.id, "agreed", agreed_by="A", on=date(2026, 11, 9))


def test_unknown_status_is_refused(objective, journal):
    with pytest.raises(InputError, match='Unknown status "done"'):
        journal.objectives.change_status(objective().id, "done")


def test_list_puts_open_first_by_deadline_then_closed(objective, journal):
    late = objective("Late one", deadline=date(2027, 3, 1))
    soon = objective("Soon one", deadline=date(2026, 12, 1))
    none = objective("No deadline")
    done = objective("Done one", status="agreed", deadline=date(2026, 12, 2))
    journal.objectives.change_status(done.id, "achieved")
    assert [o.id for o in journal.objectives.list()] == [soon.id, late.id, none.id, done.id]
    assert [o.id for o in journal.objectives.list("achieved")] == [done.id]
    assert [o.id for o in journal.objectives.list(["draft"], skill=None)] == [soon.id, late.id, none.id]


def test_list_by_skill(objective, journal):
    focus = objective(skills=["focus"])
    objective(skills=["integrity"])
    assert [o.id for o in journal.objectives.list(skill="focus")] == [focus.id]


def test_overdue_lists_open_objectives_past_their_deadline(objective, journal):
    late = objective(deadline=date(2026, 11, 1))
    objective(deadline=date(2026, 12, 1))
    closed = objective(status="agreed", deadline=date(2026, 11, 1))
    journal.objectives.change_status(closed.id, "dropped", reason="Moved team")
    assert [o.id for o in journal.objectives.overdue()] == [late.id]
    assert late.is_overdue(TODAY) and not late.is_overdue(date(2026, 11, 1))


def test_reflections_link_as_evidence(objective, journal):
    o = objective()
    entry = journal.entries.add(day=TODAY, title="Refund")
    journal.objectives.link_entry(o.id, entry.id)
    journal.objectives.link_entry(o.id, entry.id)  # twice is harmless
    assert [e.id for e in journal.objectives.evidence(o.id)] == [entry.id]
    assert [x.id for x in journal.objectives.for_entry(entry.id)] == [o.id]
    assert journal.objectives.unlink_entry(o.id, entry.id) is True
    assert journal.objectives.evidence(o.id) == []


def test_linking_a_trashed_entry_is_refused(objective, journal):
    entry = journal.entries.add(day=TODAY, title="Refund")
    journal.entries.delete(entry.id)
    with pytest.raises(NotFoundError, match="in the trash"):
        journal.objectives.link_entry(objective().id, entry.id)


def test_delete_only_drafts(objective, journal):
    draft = objective()
    journal.objectives.delete(draft.id)
    with pytest.raises(NotFoundError):
        journal.objectives.get(draft.id)
    agreed = objective(status="agreed")
    with pytest.raises(InputError, match="drop it with a reason"):
        journal.objectives.delete(agreed.id)


def test_missing_objective_is_a_clear_not_found(journal):
    with pytest.raises(NotFoundError, match="No objective 42"):
        journal.objectives.get(42)
    assert journal.objectives.get_by_uid("nope") is None


def test_objective_detail_gathers_everything_for_one_screen(objective, journal, tiny_framework):
    from reflect.review.objective_detail import objective_detail

    o = objective("Knead 20 loaves", status="agreed", deadline=date(2026, 11, 1), skills=["kneading"])
    entry = journal.entries.add(day=TODAY, title="Dough day")
    journal.objectives.link_entry(o.id, entry.id)
    late = journal.activities.add(objective_id=o.id, title="Watch Sam", due=date(2026, 11, 1))
    journal.feedback.add(received_on=TODAY, source_kind="mentor", said="Good", objective_id=o.id)
    detail = objective_detail(journal, o.id, tiny_framework)
    assert [e.id for e in detail.evidence] == [entry.id] and [f.said for f in detail.feedback] == ["Good"]
    assert detail.overdue and detail.overdue_activities == {late.id}
    # "Knead" is a verb of the tiny framework's criteria, so only these remain.
    assert [a.code for a in detail.advice] == ["no-achievable", "no-relevant", "past-deadline"]
    assert detail.to_json()["activities"][0]["overdue"] is True
