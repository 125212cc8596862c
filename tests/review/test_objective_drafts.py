"""A reflection's action section becomes a draft objective in one step."""

from datetime import date

import pytest

from reflect.errors import InputError
from reflect.review.objective_drafts import objective_from_entry
from reflect.entries.templates import template_body
from tests.review.conftest import TODAY

ACTIONS = {"gibbs": "Action plan", "driscoll": "Now what?", "kolb": "Active experimentation", "star": "Reflection"}


@pytest.mark.parametrize("model,heading", ACTIONS.items())
def test_each_model_action_section_becomes_the_objective(journal, model, heading):
    body = template_body(model).replace(f"## {heading}\n\n", f"## {heading}\n\nHandle the next 3 refunds alone\n")
    entry = journal.entries.add(day=TODAY, title="Refund", body=body, model=model, skills=["focus", "integrity"],
                                criteria=["INSCS009.P2"])
    o = objective_from_entry(journal, entry.id)
    assert o.specific == "Handle the next 3 refunds alone"
    assert (o.status, o.source_entry_id, o.skills) == ("draft", entry.id, ("focus", "integrity"))
    assert [e.id for e in journal.objectives.evidence(o.id)] == [entry.id]
    assert journal.objectives.history(o.id)[0].reason == f"Drafted from entry {entry.id}: Refund"


def test_bullets_become_one_line_and_a_deadline_in_the_text_is_used(journal):
    body = "## Now what?\n\n- Ask Sam to show me refunds\n- Do 3 on my own\n  with Sam watching by 31/01/2027\n"
    entry = journal.entries.add(day=TODAY, title="Refund", body=body, model="driscoll")
    o = objective_from_entry(journal, entry.id)
    assert o.specific == "Ask Sam to show me refunds; Do 3 on my own with Sam watching by 31/01/2027"
    assert o.deadline == date(2027, 1, 31)


def test_free_writing_with_an_action_heading_works(journal):
    entry = journal.entries.add(day=TODAY, title="Refund", body="Busy day.\n\n## Action plan\nLead the huddle")
    assert objective_from_entry(journal, entry.id).specific == "Lead the huddle"


def test_entry_without_an_action_section_is_refused_and_nothing_is_added(journal):
    entry = journal.entries.add(day=TODAY, title="Refund", body=template_body("gibbs"), model="gibbs")
    with pytest.raises(InputError, match="nothing under"):
        objective_from_entry(journal, entry.id)
    assert journal.objectives.list() == []


def test_given_text_overrides_the_section(journal):
    entry = journal.entries.add(day=TODAY, title="Refund", body="no sections")
    assert objective_from_entry(journal, entry.id, specific="Handle 3 refunds").specific == "Handle 3 refunds"
