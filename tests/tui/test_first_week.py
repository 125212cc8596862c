"""A profile and a first week: the profile form saves everything in one go (exports use the
name), and the home screen's getting-started line says what is left until it is all done."""

from __future__ import annotations

from datetime import date

from textual.widgets import Static

from reflect.progress.getting_started import getting_started
from reflect.review.profile import load_profile
from reflect.tui.dialogs.profile import ProfileDialog
from reflect.tui.widgets.getting_started import GettingStartedLine

from .test_navigation import until


async def test_profile_form_saves_name_employer_mentor_and_schedule(make, journal):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.screen.query(GettingStartedLine))
        await pilot.press("p")
        await until(pilot, lambda: isinstance(app.screen, ProfileDialog))
        await pilot.press(*"Jamie Reid", "enter", *"Harbour Travel", "enter", *"Alex Smith", "enter",
                          *"1/9/2026", "enter", *"5/1/2027", "enter", "ctrl+u", *"fortnightly", "ctrl+s")
        await until(pilot, lambda: not isinstance(app.screen, ProfileDialog))
    profile = load_profile(journal)
    assert (profile.name, profile.employer, profile.mentor, profile.start_date, profile.review_start,
            profile.review_interval) == ("Jamie Reid", "Harbour Travel", "Alex Smith", date(2026, 9, 1),
                                         date(2027, 1, 5), "2 weeks")
    assert journal.settings.get("apprentice_name") == "Jamie Reid"  # what exports print


async def test_getting_started_shows_what_is_left_then_goes(make, journal, framework):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        line = app.screen.query_one(GettingStartedLine)
        await until(pilot, lambda: line.steps)
        assert line.display and str(line.render()).startswith("Getting started 0/5: p Your name")
        assert "[ ] Write your first reflection" in str(app.screen.query_one("#empty", Static).render())
        # Do everything the list asks, then come back to the journal.
        journal.settings.set("apprentice_name", "Jamie")
        journal.settings.set("review_start", "2027-01-05")
        for unit in framework.optional_units[:framework.min_optional_units]:
            journal.settings.choose_unit(unit.code)
        journal.entries.add(day=date(2026, 11, 20), title="First", body="Words")
        journal.assessments.add(ratings={s.id: 3 for s in framework.meta_skills})
        await pilot.press("f3")
        await until(pilot, lambda: type(app.screen).__name__ == "DashboardScreen")
        await pilot.press("f2")
        await until(pilot, lambda: type(app.screen).__name__ == "JournalScreen")
        line = app.screen.query_one(GettingStartedLine)
        await until(pilot, lambda: all(s.done for s in line.steps) and line.steps)
        assert not line.display
    assert all(step.done for step in getting_started(journal, framework))


async def test_the_lines_follow_what_another_reflect_wrote(make, journal, journal_path, clock):
    from reflect.journal import open_journal

    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        line = app.screen.query_one(GettingStartedLine)
        await until(pilot, lambda: line.steps and app.screen.prompt is not None)  # every line worked out
        assert str(line.render()).startswith("Getting started 0/5")
        with open_journal(journal_path, clock=clock) as elsewhere:  # as `reflect profile` would
            elsewhere.settings.set("apprentice_name", "Jamie")
        await pilot.press("f3")
        await until(pilot, lambda: type(app.screen).__name__ == "DashboardScreen")
        await pilot.press("f2")
        await until(pilot, lambda: type(app.screen).__name__ == "JournalScreen")
        line = app.screen.query_one(GettingStartedLine)
        await until(pilot, lambda: str(line.render()).startswith("Getting started 1/5"))


async def test_units_are_chosen_in_the_profile(make, journal, framework):
    from reflect.tui.dialogs.units_picker import UnitsPicker

    first, second = framework.optional_units[:2]
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.screen.query(GettingStartedLine))
        await pilot.press("p")
        await until(pilot, lambda: isinstance(app.screen, ProfileDialog))
        await pilot.press(*["enter"] * 6)  # name, employer, mentor, started, first review, every: on to the units
        await until(pilot, lambda: app.screen.focused is not None and app.screen.focused.id == "units")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, UnitsPicker))
        await pilot.press("space", "down", "space", "enter")
        await until(pilot, lambda: isinstance(app.screen, ProfileDialog)
                    and str(app.screen.query_one("#units").label).startswith("2 chosen"))
        assert journal.settings.chosen_units() == []  # nothing saved until the form is
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not isinstance(app.screen, ProfileDialog))
    assert set(journal.settings.chosen_units()) == {first.code, second.code}
    assert set(load_profile(journal).units) == {first.code, second.code}


async def test_escape_in_the_units_picker_keeps_the_units(make, journal, framework):
    from reflect.tui.dialogs.units_picker import UnitsPicker

    kept = framework.optional_units[0].code
    journal.settings.choose_unit(kept)
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.screen.query(GettingStartedLine))
        await pilot.press("p")
        await until(pilot, lambda: isinstance(app.screen, ProfileDialog))
        app.screen.query_one("#units").focus()
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, UnitsPicker))
        await pilot.press("space", "escape")  # unticked, then cancelled
        await until(pilot, lambda: isinstance(app.screen, ProfileDialog))
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not isinstance(app.screen, ProfileDialog))
    assert journal.settings.chosen_units() == [kept]
