"""Learning time in the app: the dashboard's summary line and the review being prepared say
it, the activity and training forms take the time spent like their other boxes (enter moves
on, ctrl+s saves, a time that can't be read keeps the form open with nothing lost), and the
editor clears a reflection's time when its box is emptied."""

from __future__ import annotations

from datetime import date

from textual.widgets import Input, Static

from reflect.tui.dialogs.logs import TrainingDialog
from reflect.tui.dialogs.objectives import ActivityDialog
from reflect.tui.screens.editor import EditorScreen
from reflect.tui.screens.review import ReviewScreen

from .conftest import wait_until
from .dashboard_helpers import SIZE, fill, open_dashboard


async def test_dashboard_shows_learning_time_this_period(make, journal):
    fill(journal)  # today (the fixed clock) is Tue 24 Nov 2026
    journal.entries.add(day=date(2026, 11, 23), title="Till training", minutes=270)
    objective = journal.objectives.add(specific="Handle complaints calmly")
    journal.activities.add(objective_id=objective.id, title="Shadow Sam", completed_on=date(2026, 11, 20),
                           minutes=120)
    journal.training.add(name="Fire safety", completed_on=date(2026, 11, 23), minutes=360)
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_dashboard(app, pilot)
        line = str(screen.query_one("#dash-summary", Static).render())
        assert "12.5 hours of learning this period, of which training 6 hours" in line
        assert screen.activity is not None and screen.activity.learning.total == 750


async def test_dashboard_says_nothing_of_learning_time_without_any(make, journal):
    fill(journal)
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_dashboard(app, pilot)
        assert "of learning" not in str(screen.query_one("#dash-summary", Static).render())


async def test_training_form_takes_the_time_enter_moves_on_and_ctrl_s_saves(make, journal):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f5", "t")  # the review area, then its training log
        await wait_until(pilot, lambda: type(app.screen).__name__ == "TrainingScreen", "the training log")
        await pilot.press("n")
        await wait_until(pilot, lambda: isinstance(app.screen, TrainingDialog), "the training form")
        await pilot.press(*"Fire safety")
        app.set_focus(app.screen.query_one("#time", Input))
        await pilot.press(*"banana", "ctrl+s")  # can't be read: the form stays, nothing saved
        await pilot.pause()
        assert isinstance(app.screen, TrainingDialog) and journal.training.list() == []
        time_box = app.screen.query_one("#time", Input)
        assert time_box.value == "banana"  # nothing typed is lost
        app.set_focus(time_box)
        await pilot.press("home", "ctrl+k", *"1h30", "enter")
        await wait_until(pilot, lambda: app.focused is not time_box, "enter to move on from the time box")
        assert journal.training.list() == []  # enter never saves
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: journal.training.list(), "the training saved")
        await wait_until(pilot, lambda: "1 h 30 min" in "\n".join(
            str(o.prompt) for o in app.screen.query_one("#log").options), "the time shown in the log")
    [training] = journal.training.list()
    assert (training.name, training.minutes) == ("Fire safety", 90)


async def test_activity_form_shows_and_changes_the_time(make, journal):
    objective = journal.objectives.add(specific="Handle complaints calmly")
    activity = journal.activities.add(objective_id=objective.id, title="Shadow Sam", minutes=45)
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(ActivityDialog(objective.id, activity))
        await wait_until(pilot, lambda: isinstance(app.screen, ActivityDialog), "the activity form")
        time_box = app.screen.query_one("#time", Input)
        assert time_box.value == "45 min"
        app.set_focus(time_box)
        await pilot.press("home", "ctrl+k", *"1.5h", "ctrl+s")
        await wait_until(pilot, lambda: journal.activities.get(activity.id).minutes == 90, "the time changed")


async def test_review_being_prepared_says_the_periods_learning_time(make, journal):
    journal.entries.add(day=date(2026, 11, 23), title="Till training", minutes=270)
    journal.entries.add(day=date(2026, 11, 23), title="Worried about the rota", minutes=45, private=True)
    objective = journal.objectives.add(specific="Handle complaints calmly")
    journal.activities.add(objective_id=objective.id, title="Shadow Sam", completed_on=date(2026, 11, 20),
                           minutes=120)
    journal.training.add(name="Fire safety", completed_on=date(2026, 11, 23), minutes=360)
    app = make()

    def shown() -> str:
        return str(app.screen.query_one("#review-content", Static).render())

    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("r")
        await wait_until(pilot, lambda: isinstance(app.screen, ReviewScreen) and app.screen.prepared is not None,
                         "the review prepared")
        screen = app.screen
        assert "12.5 hours of learning this period, of which training 6 hours." in shown()
        await pilot.press("p")  # private reflections too: their time counts as well
        await wait_until(pilot, lambda: screen.prepared.include_private, "the review prepared again")
        assert "13.2 hours of learning this period, of which training 6 hours." in shown()
        assert screen.prepared.learning_time.total == 795


async def test_editor_clears_a_reflections_time_when_its_box_is_emptied(make, journal):
    entry = journal.entries.add(day=date(2026, 11, 23), title="Till training", body="Learnt the refunds.",
                                minutes=90)
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await app.push_screen(EditorScreen(entry=entry))
        time_box = app.screen.query_one("#time", Input)
        assert time_box.value == "1 h 30 min"
        # The editor opens in the text; then to the time box, as shift+tab from the title goes.
        await wait_until(pilot, lambda: app.focused is app.screen.query_one("#body"), "the editor ready")
        app.set_focus(time_box)
        await wait_until(pilot, lambda: app.focused is time_box, "the time box focused")
        await pilot.press("home", "ctrl+k")
        await wait_until(pilot, lambda: str(app.screen.query_one("#time-feedback").render()) == "",
                         "the emptied box read")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: journal.entries.get(entry.id).minutes is None, "the time cleared")
    saved = journal.entries.get(entry.id)
    assert (saved.title, saved.body) == ("Till training", "Learnt the refunds.")
