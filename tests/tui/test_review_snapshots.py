"""Screenshots of the review-workflow screens at 80x24 and 120x40 (see test_snapshots.py for how
to update them). Tiny fixed records, a fixed clock (Tue 24 Nov 2026) and no cursor blink."""

from __future__ import annotations

from datetime import date

import pytest

from reflect.review.prep import complete_review
from reflect.tui.screens.objective_editor import ADVICE_DELAY

from .test_snapshots import SIZES, keys


@pytest.fixture
def records(journal, framework, sample):
    """One of each: an assessment, a completed review, an objective with an overdue activity and
    evidence, a draft objective, feedback and training (one overdue)."""
    journal.assessments.add(ratings={"focus": 3, "leadership": 2, "communication": 4}, assessed_on=date(2026, 9, 1),
                            improve=["leadership"])
    complete_review(journal, framework, mentor_name="Morag Boyd", agreed_on=date(2026, 9, 15),
                    strengths="Calm at the tills")
    journal.settings.set("review_interval", "12 weeks")
    objective = journal.objectives.add(
        specific="Handle 3 complaint emails on my own", measure="3 replies signed off by Morag",
        achievable="Morag checks my drafts on Tuesdays", relevant="Complaints are part of my role",
        deadline=date(2026, 12, 22), skills=["communication", "feeling"], criteria=["INSCS016.P12"],
        status="agreed", agreed_by="Morag Boyd", set_on=date(2026, 11, 2))
    journal.objectives.change_status(objective.id, "in-progress", on=date(2026, 11, 3), reason="First one sent")
    journal.activities.add(objective_id=objective.id, title="Shadow Sam on the returns desk", kind="shadowing",
                           due=date(2026, 11, 20))
    journal.activities.add(objective_id=objective.id, title="Read the complaints procedure", kind="reading",
                           completed_on=date(2026, 11, 10))
    journal.objectives.link_entry(objective.id, sample[0].id)
    journal.objectives.add(specific="Improve my leadership")
    journal.feedback.add(received_on=date(2026, 11, 20), source_kind="manager", source_name="Craig",
                         said="Speak up more in huddles", action="One idea per huddle", objective_id=objective.id)
    journal.feedback.add(received_on=date(2026, 10, 2), source_kind="customer", said="Lovely service",
                         done_on=date(2026, 10, 3), action="Told the team")
    journal.training.add(name="Fire safety", provider="Store HR", due=date(2026, 11, 1))
    journal.training.add(name="Data protection", completed_on=date(2026, 7, 9), certificate_ref="DP-31877")
    return objective


@pytest.mark.parametrize("size", SIZES)
def test_home_with_review_countdown(snap_compare, make, records, size):
    assert snap_compare(make(), terminal_size=size, run_before=keys())


@pytest.mark.parametrize("size", SIZES)
def test_objectives(snap_compare, make, records, size):
    assert snap_compare(make(), terminal_size=size, run_before=keys("o"))


@pytest.mark.parametrize("size", SIZES)
def test_objective_editor_with_advice(snap_compare, make, records, size):
    run = keys("o", "n", *"Try to get better at huddles", wait=ADVICE_DELAY + 0.2)
    assert snap_compare(make(), terminal_size=size, run_before=run)


@pytest.mark.parametrize("size", SIZES)
def test_objective_detail(snap_compare, make, records, size):
    assert snap_compare(make(), terminal_size=size, run_before=keys("o", "enter"))


def test_status_dialog(snap_compare, make, records):
    assert snap_compare(make(), terminal_size=(80, 24), run_before=keys("o", "s"))


@pytest.mark.parametrize("size", SIZES)
def test_self_assessment(snap_compare, make, records, size):
    assert snap_compare(make(), terminal_size=size, run_before=keys("a", "4", "2", "up", "s"))


def test_feedback_log(snap_compare, make, records):
    async def run(pilot):
        pilot.app.show("feedback")
        await keys()(pilot)
    assert snap_compare(make(), terminal_size=(80, 24), run_before=run)


def test_training_log(snap_compare, make, records):
    async def run(pilot):
        pilot.app.show("training")
        await keys()(pilot)
    assert snap_compare(make(), terminal_size=(80, 24), run_before=run)


@pytest.mark.parametrize("size", SIZES)
def test_prepare_review(snap_compare, make, records, size):
    assert snap_compare(make(), terminal_size=size, run_before=keys("r", wait=0.3))


def test_complete_review_dialog(snap_compare, make, records):
    assert snap_compare(make(), terminal_size=(80, 24), run_before=keys("r", "tab", *"Lead a huddle", "escape", "c",
                                                                        wait=0.3))


def test_completed_review(snap_compare, make, records):
    assert snap_compare(make(), terminal_size=(80, 24), run_before=keys("r", "h", "enter", wait=0.3))


def test_review_schedule(snap_compare, make, records):
    async def run(pilot):
        pilot.app.show("schedule")
        await keys(*"8/12/2026")(pilot)
    assert snap_compare(make(), terminal_size=(80, 24), run_before=run)


def test_activities_footer(snap_compare, make, sample, journal):
    """Every objective's activities; the footer fits 80 columns with Help and Quit."""
    from datetime import date

    objective = journal.objectives.add(specific="Lead the Monday huddle", deadline=date(2027, 1, 31))
    journal.activities.add(objective_id=objective.id, title="Shadow Sam on a huddle", due=date(2026, 11, 20))
    journal.activities.add(objective_id=objective.id, title="Read the huddle notes", due=date(2026, 12, 4))
    assert snap_compare(make(), terminal_size=(80, 24), run_before=keys("f4", "v"))


def test_feedback_item_footer(snap_compare, make, journal):
    """A feedback item in full; the footer fits 80 columns with Help and Quit."""
    from datetime import date

    journal.feedback.add(received_on=date(2026, 11, 19), source_kind="customer", source_name="Mrs Reid",
                         said="You were patient with my refund and explained every step. " * 3, action="Keep it up")
    assert snap_compare(make(), terminal_size=(80, 24), run_before=keys("f5", "enter"))
