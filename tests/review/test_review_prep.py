"""Preparing a review: every section assembled from the period since the last review."""

import json
from datetime import date

import pytest

from reflect.errors import InputError
from reflect.review.overdue import overdue
from reflect.review.prep import complete_review, prepare_review, review_period
from reflect.review.text import render_review
from tests.review.conftest import TODAY


@pytest.fixture
def busy(journal, objective):
    """A journal with something of every kind, some before 1 Oct 2026 (the last review's end)."""
    journal.entries.add(day=date(2026, 9, 20), title="Old", skills=["kneading"], criteria=["BAKE01.P1"])
    journal.reviews.complete(mentor_name="Alex", agreed_on=date(2026, 10, 1), period_start=date(2026, 7, 1),
                             period_end=date(2026, 10, 1), snapshot={})
    e1 = journal.entries.add(day=date(2026, 10, 5), title="Rush", skills=["kneading", "patience"],
                             criteria=["BAKE01.P1", "BAKE01.P2"])
    journal.entries.add(day=date(2026, 11, 1), title="Quiet day")
    journal.entries.add(day=date(2026, 11, 2), title="Secret", private=True, skills=["patience"],
                        criteria=["SERVE02.P1"])
    o = objective("Serve 3 customers alone", status="agreed", set_on=date(2026, 9, 1), deadline=date(2026, 11, 20))
    journal.objectives.change_status(o.id, "in-progress", on=date(2026, 10, 10))
    journal.objectives.link_entry(o.id, e1.id)
    done = objective("Weigh flour", status="agreed", set_on=date(2026, 8, 1))
    journal.objectives.change_status(done.id, "achieved", on=date(2026, 9, 1))  # closed before the period
    journal.activities.add(objective_id=o.id, title="Watch Sam", due=date(2026, 11, 1))
    finished = journal.activities.add(objective_id=o.id, title="Read the allergens list")
    journal.activities.complete(finished.id, date(2026, 10, 20))
    journal.feedback.add(received_on=date(2026, 9, 15), source_kind="mentor", said="Old and open")
    journal.feedback.add(received_on=date(2026, 10, 12), source_kind="customer", said="Lovely bread", action="Thank")
    journal.training.add(name="Fire safety", due=date(2026, 11, 1))
    journal.training.add(name="Food hygiene", completed_on=date(2026, 10, 3))
    journal.assessments.add(ratings={"kneading": 2, "patience": 3}, assessed_on=date(2026, 9, 1))
    journal.assessments.add(ratings={"kneading": 4, "patience": 3}, strengths=["kneading"], improve=["patience"])
    return journal


def test_period_runs_from_after_the_last_review_to_today(busy):
    assert review_period(busy) == (date(2026, 10, 2), TODAY)


def test_first_period_starts_at_the_first_record(journal):
    journal.entries.add(day=date(2026, 3, 4), title="First day")
    assert review_period(journal) == (date(2026, 3, 4), TODAY)


def test_period_that_would_end_before_it_starts_is_refused(journal):
    with pytest.raises(InputError, match="after it ends"):
        review_period(journal, start=date(2026, 12, 1), end=date(2026, 11, 1))


def test_reflections_by_skill_leave_out_private_ones(busy, tiny_framework):
    p = prepare_review(busy, tiny_framework)
    groups = {g.name: [e.title for e in g.entries] for g in p.reflections_by_skill}
    assert groups == {"Kneading": ["Rush"], "Patience": ["Rush"], "No meta-skill": ["Quiet day"]}
    assert (p.reflection_count, p.private_count) == (2, 1)


def test_private_reflections_on_request(busy, tiny_framework):
    p = prepare_review(busy, tiny_framework, include_private=True)
    assert (p.reflection_count, p.private_count) == (3, 0)


def test_criteria_newly_evidenced_only(busy, tiny_framework):
    p = prepare_review(busy, tiny_framework)
    found = {c.criterion_id: ([e.id for e in c.entries], c.text) for c in p.criteria_newly_evidenced}
    # BAKE01.P1 was evidenced before the period; SERVE02.P1 only privately: listing it would
    # tell a reader what the private reflection is about, so it appears only when asked for.
    assert found == {"BAKE01.P2": ([2], "knead the dough for the right time")}
    with_private = prepare_review(busy, tiny_framework, include_private=True)
    assert {c.criterion_id: len(c.entries) for c in with_private.criteria_newly_evidenced} == {
        "BAKE01.P2": 1, "SERVE02.P1": 1}


def test_objectives_open_or_changed_in_the_period(busy):
    p = prepare_review(busy)
    [progress] = p.objectives
    assert progress.objective.specific == "Serve 3 customers alone"
    assert [c.status for c in progress.changes] == ["in-progress"]
    assert [e.title for e in progress.evidence] == ["Rush"]
    assert [a.title for a in progress.activities] == ["Watch Sam", "Read the allergens list"]
    assert progress.overdue


def test_activities_feedback_and_training(busy):
    p = prepare_review(busy)
    assert [a.title for a in p.activities_done] == ["Read the allergens list"]
    assert [a.title for a in p.activities_overdue] == ["Watch Sam"]
    assert [f.said for f in p.feedback] == ["Lovely bread"]
    assert [f.said for f in p.feedback_still_open] == ["Old and open"]
    assert [t.name for t in p.training_completed] == ["Food hygiene"]
    assert [t.name for t in p.training_outstanding] == ["Fire safety"]


def test_latest_self_assessment_against_the_previous(busy, tiny_framework):
    a = prepare_review(busy, tiny_framework).assessment
    assert a.in_period and a.latest.assessed_on == TODAY and a.previous.assessed_on == date(2026, 9, 1)
    assert [(c.skill_name, c.before, c.after) for c in a.changes] == [("Kneading", 2, 4), ("Patience", 3, 3)]
    assert prepare_review(busy, tiny_framework).suggested_strengths == ("Kneading",)


def test_reminders_say_what_to_sort_out(busy):
    reminders = prepare_review(busy).reminders
    assert "1 development activity is overdue: complete it or agree a new date." in reminders
    assert "1 piece of feedback has no action yet: say what you will do about it." in reminders
    assert "1 piece of mandatory training is overdue." in reminders
    assert not any("Rate your meta-skills" in r for r in reminders)


def test_no_self_assessment_in_the_period_is_a_reminder(journal):
    journal.entries.add(day=TODAY, title="x")
    assert "Rate your meta-skills before the review: the self-assessment is step one." in prepare_review(journal).reminders


def test_gaps_are_left_for_reflect_gaps(busy):
    assert prepare_review(busy).gaps is None


def test_json_form_is_plain_json(busy, tiny_framework):
    data = json.loads(json.dumps(prepare_review(busy, tiny_framework).to_json()))
    assert data["period_start"] == "2026-10-02"
    assert data["schedule"]["countdown"].startswith("Next review")
    assert "snapshot" not in data["previous_review"]


def test_prepare_writes_nothing(busy):
    before = busy.db.execute("SELECT total_changes()").fetchone()[0]
    prepare_review(busy)
    assert busy.db.execute("SELECT total_changes()").fetchone()[0] == before


def test_complete_freezes_a_snapshot_later_edits_do_not_change(busy, tiny_framework):
    review = complete_review(busy, tiny_framework, mentor_name="Alex", agreed_on=TODAY, strengths="Calm",
                             next_objectives="Lead a huddle\nCut waste by 10%", draft_objectives=True)
    snapshot = review.snapshot
    busy.entries.update(2, title="Renamed later")
    assert busy.reviews.get(review.id).snapshot == snapshot
    assert "Rush" in render_review(snapshot, review)
    assert [o.specific for o in busy.objectives.list("draft")] == ["Lead a huddle", "Cut waste by 10%"]
    assert busy.assessments.latest().review_id == review.id
    assert (review.period_start, review.period_end) == (date(2026, 10, 2), TODAY)


def test_failed_completion_leaves_no_draft_objectives(busy):
    with pytest.raises(InputError):
        complete_review(busy, mentor_name="", agreed_on=TODAY, next_objectives="Lead a huddle", draft_objectives=True)
    assert busy.objectives.list("draft") == []
    assert busy.reviews.draft() is None


def test_overdue_summary_for_the_home_screen(busy):
    late = overdue(busy)
    assert (len(late.objectives), len(late.activities), len(late.training)) == (1, 1, 1)
    assert late.summary == "Overdue: 1 objective, 1 activity, 1 training."


def test_prepared_review_includes_current_gaps_over_shown_reflections_only(journal, framework):
    journal.entries.add(day=date(2026, 11, 2), title="public", criteria=["INSCS009.P1"])
    journal.entries.add(day=date(2026, 11, 3), title="private", criteria=["INSCS009.P2"], private=True)
    prepared = prepare_review(journal, framework, start=date(2026, 11, 1), end=date(2026, 11, 24))
    unit = prepared.gaps.criteria.unit("INSCS009")
    statuses = {c.id: c.status for c in unit.criteria}
    assert statuses["INSCS009.P1"] == "ok"
    assert statuses["INSCS009.P2"] == "gap"  # evidenced only privately: not in the mentor's view
    with_private = prepare_review(journal, framework, start=date(2026, 11, 1), end=date(2026, 11, 24),
                                  include_private=True)
    assert {c.id: c.status for c in with_private.gaps.criteria.unit("INSCS009").criteria}["INSCS009.P2"] == "ok"


def test_review_text_has_a_current_gaps_section(journal, framework):
    journal.entries.add(day=date(2026, 11, 2), title="t", skills=["focus"])
    text = render_review(prepare_review(journal, framework, start=date(2026, 11, 1), end=date(2026, 11, 24)).to_json())
    gaps = text.split("## Current gaps")[1].split("##")[0]
    assert "Criteria evidenced: 0 of" in gaps
    assert "- Leadership: no reflections" in gaps
