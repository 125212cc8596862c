"""The review workflow end to end, by keys (issue 5): self-assess, set an objective the SMART
check improves, plan an activity, log feedback, prepare and complete a review."""

from __future__ import annotations

from textual.widgets import TextArea

from reflect.tui.screens.assessment import AssessmentScreen
from reflect.tui.screens.journal import JournalScreen
from reflect.tui.dialogs.logs import FeedbackDialog
from reflect.tui.screens.logs import FeedbackScreen
from reflect.tui.screens.objective_detail import ObjectiveDetailScreen
from reflect.tui.dialogs.objectives import ActivityDialog
from reflect.tui.screens.objective_editor import ADVICE_DELAY, ObjectiveEditorScreen
from reflect.tui.screens.objectives import ObjectivesScreen
from reflect.tui.screens.review import CompleteReviewDialog, ReviewScreen

from .conftest import settle


async def codes(pilot, app) -> set[str]:
    await settle(pilot, ADVICE_DELAY + 0.1)
    return {a.code for a in app.screen.advice}


async def palette(pilot, command: str) -> None:
    await pilot.press("ctrl+p", *command)
    await settle(pilot, 0.3)
    await pilot.press("enter")
    await settle(pilot)


async def test_self_assess_set_an_objective_plan_log_prepare_and_complete_a_review(make, journal, sample):
    app = make()
    async with app.run_test(size=(100, 32)) as pilot:
        # 1. Self-assessment: every skill rated (each key moves on), Focus marked a strength.
        await pilot.press("a")
        assert isinstance(app.screen, AssessmentScreen)
        await pilot.press(*"443342322343")
        await pilot.press("home", "s", "ctrl+s")
        await settle(pilot)
        await pilot.press("escape")
        assert isinstance(app.screen, JournalScreen)

        # 2. An objective: vague at first, then SMART as the check advises.
        await pilot.press("o")
        assert isinstance(app.screen, ObjectivesScreen)
        await pilot.press("n")
        assert isinstance(app.screen, ObjectiveEditorScreen)
        vague = "Get better"
        await pilot.press(*vague)
        assert {"vague-word", "no-measure", "no-deadline", "not-linked"} <= await codes(pilot, app)
        await pilot.press(*["backspace"] * len(vague), *"Handle 3 complaints")
        await pilot.press("tab", *"3 signed off", "tab", *"Morag helps", "tab", *"My role", "tab", *"in 6 weeks")
        await pilot.press("ctrl+g", "space", "enter")  # Focus
        assert await codes(pilot, app) == set()
        await pilot.press("ctrl+s", "escape")
        await settle(pilot)
        assert isinstance(app.screen, ObjectivesScreen)

        # 3. An activity under it, from its page.
        await pilot.press("enter")
        assert isinstance(app.screen, ObjectiveDetailScreen)
        await pilot.press("a")
        assert isinstance(app.screen, ActivityDialog)
        await pilot.press(*"Shadow Sam", "tab", "tab", *"friday", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ObjectiveDetailScreen)
        await pilot.press("escape", "escape")

        # 4. Feedback, from the palette.
        await palette(pilot, "Feedback log")
        assert isinstance(app.screen, FeedbackScreen)
        await pilot.press("n")
        assert isinstance(app.screen, FeedbackDialog)
        await pilot.press("tab", "tab", "tab", *"Speak up", "tab", *"One idea", "ctrl+s")  # after received, from, name
        await settle(pilot)
        await pilot.press("escape")

        # 5. Prepare the review, write a note, complete it with the mentor.
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("tab", *"Calm")
        await settle(pilot, 0.2)
        await pilot.press("escape", "c")
        assert isinstance(app.screen, CompleteReviewDialog)
        await pilot.press(*"Alex", "ctrl+s")
        await settle(pilot)
        await pilot.press("n")  # the review pack is offered; not now
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen) and app.screen.read_only
        assert not app.screen.query(TextArea)

    assessment = journal.assessments.latest()
    assert len(assessment.ratings) == 12 and assessment.strengths == ("focus",)
    [objective] = journal.objectives.list()
    assert objective.specific == "Handle 3 complaints" and objective.skills == ("focus",)
    assert objective.deadline is not None
    [activity] = journal.activities.list(objective_id=objective.id)
    assert activity.title == "Shadow Sam" and activity.due is not None
    [feedback] = journal.feedback.list()
    assert (feedback.said, feedback.action) == ("Speak up", "One idea")
    review = journal.reviews.last_completed()
    assert review.mentor_name == "Alex" and review.strengths == "Calm"
    assert review.agreed_on == journal.today() and journal.reviews.draft() is None
