"""Reviews, the home countdown, self-assessment and the logs in the app."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import TextArea

from reflect.review.prep import complete_review
from reflect.tui.commands import APP_COMMANDS
from reflect.tui.screens.assessment import AssessmentHistory, AssessmentScreen
from reflect.tui.dialogs.common import ConfirmLeave, HelpScreen
from reflect.tui.dialogs.form import ConfirmDialog
from reflect.tui.dialogs.logs import FeedbackDoneDialog, TrainingDoneDialog
from reflect.tui.screens.review import ReviewScreen
from reflect.tui.widgets.review_line import ReviewLine

from .conftest import settle


def home_line(app) -> str:
    return app.screen.query_one(ReviewLine).render().plain


@pytest.mark.parametrize(("start", "expected"), [
    (None, "Set your review date: ctrl+p → Review schedule"),
    ("2026-12-08", "Next review Tue 8 Dec 2026 — in 14 days"),
    ("2026-11-25", "Next review Wed 25 Nov 2026 — tomorrow"),
    ("2026-11-24", "Review today (Tue 24 Nov 2026)"),
    ("2026-11-21", "Review overdue by 3 days (due Sat 21 Nov 2026): r prepares it"),
], ids=["unset", "future", "tomorrow", "today", "overdue"])
async def test_home_shows_the_review_countdown(make, journal, start, expected):
    journal.settings.set("review_start", start)
    app = make()
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        assert home_line(app) == expected


async def test_home_shows_what_is_overdue(make, journal):
    objective = journal.objectives.add(specific="Handle complaints")
    journal.activities.add(objective_id=objective.id, title="Shadow Sam", due=date(2026, 11, 20))
    journal.training.add(name="Fire safety", due=date(2026, 11, 1))
    app = make()
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        assert home_line(app).endswith("· Overdue: 1 activity, 1 training")


async def test_narrow_home_keeps_the_overdue_part_in_view(make, journal):
    journal.settings.set("review_start", "2026-12-08")
    journal.training.add(name="Fire safety", due=date(2026, 11, 1))
    journal.training.add(name="Manual handling", due=date(2026, 11, 2))
    app = make()
    async with app.run_test(size=(60, 24)) as pilot:
        await settle(pilot)
        assert home_line(app) == "Review Tue 8 Dec — in 14 days · Overdue: 2 training"


async def test_home_countdown_follows_a_schedule_set_in_the_app(make, journal):
    app = make()
    async with app.run_test(size=(120, 30)) as pilot:
        app.show("schedule")
        await settle(pilot)
        await pilot.press(*"8/12/2026", "ctrl+s")
        await settle(pilot)
        assert home_line(app) == "Next review Tue 8 Dec 2026 — in 14 days"
    assert journal.settings.get("review_start") == "2026-12-08"


async def test_review_notes_are_kept_on_the_draft_as_you_type(make, journal, sample):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("tab", *"Calm", "tab", *"Speaking up")
        await settle(pilot, 0.2)
        draft = journal.reviews.draft()
        assert (draft.strengths, draft.improvements) == ("Calm", "Speaking up")


async def test_review_notes_come_back_when_preparing_again(make, journal, sample):
    journal.reviews.save_draft(next_objectives="Lead a huddle")
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        await settle(pilot)
        assert app.screen.query_one("#next-objectives", TextArea).text == "Lead a huddle"


async def test_completed_review_is_read_only_in_the_app(make, journal, framework, sample):
    review = complete_review(journal, framework, mentor_name="Alex Smith", agreed_on=date(2026, 11, 23),
                             strengths="Calm with complaints")
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        app.show("reviews")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ReviewScreen) and screen.read_only
        assert not screen.query(TextArea)
        text = screen.query_one("#review-content").render().plain
        assert "read-only" in text and "Calm with complaints" in text
        await pilot.press("c")
        await settle(pilot)
        assert app.screen is screen  # nothing to complete
        assert screen.check_action("complete", ()) is False
    assert journal.reviews.get(review.id).strengths == "Calm with complaints"


async def test_complete_dialog_sets_the_proposed_objectives_as_drafts(make, journal, sample):
    journal.reviews.save_draft(next_objectives="Lead a huddle\nCut refund errors to 0")
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("c", *"Alex", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)  # the pack is offered
        await pilot.press("n")
        await settle(pilot)
        assert app.screen.read_only
    assert [o.specific for o in journal.objectives.list()] == ["Lead a huddle", "Cut refund errors to 0"]


async def test_proposed_objectives_keep_their_deadlines_and_can_be_agreed(make, journal, sample):
    from reflect.tui.dialogs.review_pack import ReviewPackDialog

    journal.reviews.save_draft(next_objectives="Lead a huddle by 31/01/2027\nCut refund errors within 6 weeks")
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("c", *"Alex")
        app.screen.query_one("#agree-objectives").value = True
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("y")  # write the pack: its dialog opens on the completed review
        await settle(pilot)
        assert isinstance(app.screen, ReviewPackDialog) and app.screen.review_id is not None
    objectives = sorted(journal.objectives.list(), key=lambda o: o.id)
    assert [(o.deadline, o.status, o.agreed_by, o.agreed_on) for o in objectives] == [
        (date(2027, 1, 31), "agreed", "Alex", date(2026, 11, 24)),
        (date(2027, 1, 5), "agreed", "Alex", date(2026, 11, 24))]


async def test_private_reflections_are_left_out_until_asked(make, journal, sample):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        await settle(pilot)
        assert "Stock count with Priya" not in app.screen.query_one("#review-content").render().plain
        await pilot.press("p")
        await settle(pilot)
        assert "Stock count with Priya" in app.screen.query_one("#review-content").render().plain


async def test_assessment_asks_before_saving_with_skills_unrated(make, journal):
    app = make()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("a", "4", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, AssessmentScreen)
    assert [(r.skill_id, r.rating) for r in journal.assessments.latest().ratings] == [("focus", 4)]


async def test_assessment_note_is_saved_with_its_rating(make, journal):
    app = make()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("a", "n", *"calm at the till", "enter", "3", "ctrl+s", "y")
        await settle(pilot)
    rating = journal.assessments.latest().rating_for("focus")
    assert (rating.rating, rating.note) == (3, "calm at the till")


async def test_assessment_shows_each_skills_trend(make, journal):
    journal.assessments.add(ratings={"focus": 2}, assessed_on=date(2026, 9, 1))
    journal.assessments.add(ratings={"focus": 4}, assessed_on=date(2026, 11, 1))
    app = make()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("a")
        await settle(pilot)
        row = app.screen.query_one("#skill-ratings").get_option("focus").prompt.plain
    assert "past 2 4 ↑" in row


async def test_leaving_an_unsaved_assessment_asks(make):
    app = make()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("a", "4", "escape")
        assert isinstance(app.screen, ConfirmLeave)


async def test_assessment_history_lists_every_assessment(make, journal):
    journal.assessments.add(ratings={"focus": 2}, assessed_on=date(2026, 9, 1), strengths=["focus"])
    app = make()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("a", "h")
        await settle(pilot)
        assert isinstance(app.screen, AssessmentHistory)
        table = app.screen.query_one("#history-table").render().plain
    assert "01/09" in table and "2+" in table


async def test_feedback_done_asks_what_was_done(make, journal):
    feedback = journal.feedback.add(received_on=date(2026, 11, 20), source_kind="manager", said="Speak up")
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        app.show("feedback")
        await settle(pilot)
        await pilot.press("space")
        assert isinstance(app.screen, FeedbackDoneDialog)
        await pilot.press(*"Spoke at the huddle", "ctrl+s")
        await settle(pilot)
    done = journal.feedback.get(feedback.id)
    assert (done.done, done.action, done.done_on) == (True, "Spoke at the huddle", date(2026, 11, 24))


async def test_training_completed_with_its_certificate(make, journal):
    training = journal.training.add(name="Fire safety", due=date(2026, 11, 1))
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        app.show("training")
        await settle(pilot)
        assert "due 01/11/2026 OVERDUE" in app.screen.query_one("#log").get_option(str(training.id)).prompt.plain
        await pilot.press("space")
        assert isinstance(app.screen, TrainingDoneDialog)
        await pilot.press(*"FS-2291", "ctrl+s")
        await settle(pilot)
    done = journal.training.get(training.id)
    assert (done.completed_on, done.certificate_ref) == (date(2026, 11, 24), "FS-2291")


async def test_training_logged_from_the_app(make, journal):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        app.show("training")
        await settle(pilot)
        await pilot.press("n", *"Fire safety", "tab", "tab", *"31/12", "ctrl+s")
        await settle(pilot)
    [training] = journal.training.list()
    assert (training.name, training.due) == ("Fire safety", date(2026, 12, 31))


def test_palette_offers_every_review_screen():
    titles = {c.title for c in APP_COMMANDS}
    assert {"Objectives", "Self-assessment", "Feedback log", "Training log", "Prepare review",
            "Review schedule"} <= titles


async def test_help_on_the_journal_lists_the_review_keys(make):
    app = make()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        keys = dict(app.screen.keys)
    assert {"o", "a", "r"} <= set(keys)


async def test_assessment_rates_another_frameworks_skills(journal, tiny_framework, clock):
    from reflect.tui.factory import make_app

    app = make_app(journal, tiny_framework, clock=clock, blink=False, catch_bugs=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("a", "5", "4", "3", "ctrl+s")
        await settle(pilot)
    ratings = {r.skill_id: r.rating for r in journal.assessments.latest().ratings}
    assert ratings == {"kneading": 5, "decorating": 4, "patience": 3}
