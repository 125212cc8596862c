"""Every part of the dashboard drills down to what lies behind it (Pilot, keys and clicks)."""

from __future__ import annotations

from datetime import date

from reflect.progress.summary import gap_summary
from reflect.entries.models import EntryFilter
from reflect.tui.screens.dashboard import DashboardScreen
from reflect.tui.screens.entries import EntriesScreen
from reflect.tui.screens.framework_browser import EvidenceScreen, FrameworkBrowserScreen
from reflect.tui.widgets.heatmap import ActivityHeatmap
from reflect.tui.widgets.skill_bars import SkillBars
from reflect.tui.widgets.suggestions import NextSteps
from reflect.tui.widgets.unit_progress import UnitProgress

from .conftest import settle
from .dashboard_helpers import SIZE, fill, highlight, open_dashboard


async def test_drills_down_from_a_gap_to_its_criterion(make, journal, framework):
    fill(journal)
    expected = gap_summary(journal, framework).criteria.unit("INSCS009").gap_ids[0]
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_dashboard(app, pilot)
        await highlight(pilot, screen.query_one(NextSteps), ("unit", "INSCS009"))
        assert "INSCS009" in str(screen.query_one(NextSteps).highlighted_option.prompt)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, FrameworkBrowserScreen)
        await pilot.press("enter")  # on the unit's first gap
        await settle(pilot)
        assert isinstance(app.screen, EvidenceScreen)
        assert app.screen.criterion_id == expected
        assert app.screen.query_one("#no-evidence").display
        text = str(app.screen.query_one("#criterion-text").render())
        assert framework.criterion(expected).text in text


async def test_a_unit_row_opens_the_framework_at_its_first_gap(make, journal, framework):
    fill(journal)
    expected = gap_summary(journal, framework).criteria.unit("SDS0223").gap_ids[0]
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_dashboard(app, pilot)
        await highlight(pilot, screen.query_one(UnitProgress), ("unit", "SDS0223"))
        await pilot.press("enter")
        await settle(pilot)
        browser = app.screen
        assert isinstance(browser, FrameworkBrowserScreen)
        criteria = browser.query_one("#criteria-list")
        assert criteria.has_focus
        assert criteria.highlighted_option.id == expected


async def test_a_skill_bar_lists_the_reflections_tagged_with_it(make, journal):
    fill(journal)
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_dashboard(app, pilot)
        await highlight(pilot, screen.query_one(SkillBars), ("skill", "communication"))
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, EntriesScreen)
        assert app.screen.filters == EntryFilter(skills=("communication",))
        expected = [e.id for e in journal.entries.list(EntryFilter(skills=("communication",))).rows]
        assert app.screen.shown_ids == expected and len(expected) == 2
        assert "Reflections tagged Communication" in str(app.screen.query_one("#filtered-heading").render())


async def test_heatmap_day_drills_down_to_that_days_reflections(make, journal):
    fill(journal)
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_dashboard(app, pilot)
        heatmap = screen.query_one(ActivityHeatmap)
        heatmap.focus()
        await pilot.press("end", "left", "down", "down", "down")  # today (Tue) -> last week's Friday
        assert "2 reflections on Fri 20 Nov 2026" in heatmap.render().plain
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, EntriesScreen)
        day = date(2026, 11, 20)
        assert app.screen.filters == EntryFilter(date_from=day, date_to=day)
        assert len(app.screen.shown_ids) == 2


async def test_the_units_criteria_say_which_evidence_is_stale(make, journal):
    fill(journal)  # INSCS009.P4 last cited on 1 July: stale by 24 November
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_dashboard(app, pilot)
        await highlight(pilot, screen.query_one(UnitProgress), ("unit", "INSCS009"))
        await pilot.press("enter")
        await settle(pilot)
        criteria = app.screen.query_one("#criteria-list")
        rows = {o.id: str(o.prompt).splitlines()[0] for o in criteria.options if o.id}
    # Every one of these rests on the apprentice's own reflections alone ("own only").
    assert rows["INSCS009.P4"].endswith("1 reflection · latest 01/07/2026 · stale · own only")
    assert rows["INSCS009.P1"].endswith("2 reflections · latest 20/11/2026 · own only")
    assert rows["INSCS009.P2"].endswith("no evidence yet")


async def test_a_double_click_on_a_day_opens_it(make, journal):
    fill(journal)
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_dashboard(app, pilot)
        heatmap = screen.query_one(ActivityHeatmap)
        heatmap.scroll_visible(animate=False)
        await settle(pilot)
        column = heatmap.weeks - 2  # last week; Friday is row 4, below the month names
        offset = (heatmap.gutter.left + 3 + 2 * column, heatmap.gutter.top + 1 + 4)
        await pilot.click(heatmap, offset=offset, times=2)
        await settle(pilot)
        assert isinstance(app.screen, EntriesScreen)
        assert app.screen.filters.date_from == date(2026, 11, 20)


async def test_an_overdue_objective_opens_its_page(make, journal):
    from reflect.tui.screens.objective_detail import ObjectiveDetailScreen

    fill(journal)
    objective = journal.objectives.add(specific="Complete the bureau de change compliance course",
                                       deadline=date(2026, 11, 1), set_on=date(2026, 10, 1))
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_dashboard(app, pilot)
        await highlight(pilot, screen.query_one(NextSteps), ("objective", objective.id))
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ObjectiveDetailScreen)
        assert app.screen.objective_id == objective.id


async def test_feedback_without_action_opens_that_feedback(make, journal):
    from reflect.tui.screens.feedback_detail import FeedbackDetailScreen

    fill(journal)
    item = journal.feedback.add(received_on=date(2026, 11, 20), source_kind="manager", said="Slow down at the till")
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_dashboard(app, pilot)
        await highlight(pilot, screen.query_one(NextSteps), ("feedback", item.id))
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, FeedbackDetailScreen) and app.screen.feedback_id == item.id
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen


async def test_an_overdue_activity_opens_with_it_highlighted(make, journal):
    from reflect.tui.screens.activities import ActivitiesScreen

    fill(journal)
    objective = journal.objectives.add(specific="Lead the huddle", deadline=date(2027, 1, 31))
    journal.activities.add(objective_id=objective.id, title="Read the notes", due=date(2026, 12, 20))
    late = journal.activities.add(objective_id=objective.id, title="Shadow Sam", due=date(2026, 11, 2))
    journal.activities.add(objective_id=objective.id, title="Ask Priya", due=date(2026, 11, 10))
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_dashboard(app, pilot)
        await highlight(pilot, screen.query_one(NextSteps), ("activity", late.id))
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ActivitiesScreen) and app.screen.record_id == late.id
        await pilot.press("escape")
        await settle(pilot)
        # A link to a row further down opens on that row too.
        later = journal.activities.list(done=False)[-1]
        app.show("activities", highlight=later.id)
        await settle(pilot)
        assert app.screen.record_id == later.id != late.id