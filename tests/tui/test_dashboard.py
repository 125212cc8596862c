"""The progress dashboard, driven by keys through Textual's Pilot: what it shows matches the
gap summary, and it follows changes to the journal (drilling down: test_dashboard_drilldown)."""

from __future__ import annotations

from datetime import date

from textual.widgets import Static

from reflect.progress.summary import gap_summary
from reflect.tui.commands import APP_COMMANDS
from reflect.tui.factory import make_app
from reflect.tui.screens.dashboard import DashboardScreen
from reflect.tui.widgets.heatmap import ActivityHeatmap
from reflect.tui.widgets.skill_bars import SkillBars
from reflect.tui.widgets.suggestions import NextSteps
from reflect.tui.widgets.unit_progress import UnitProgress

from .conftest import settle
from .dashboard_helpers import SIZE, fill, highlight, loaded, open_dashboard, plain


async def test_heatmap_shades_each_day_by_its_count(make, journal):
    fill(journal)  # two on Fri 20 Nov, one on Mon 23 Nov, none on Sat 21 Nov
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_dashboard(app, pilot)
        heatmap = screen.query_one(ActivityHeatmap)
        lines = heatmap.render().plain.splitlines()
        rows = {line[:2]: line[3:] for line in lines[1:8]}
        last_week, this_week = -4, -2  # columns are "x " pairs; this week is the last column
        assert rows["Fr"][last_week] == "▒"  # 2 reflections
        assert rows["Sa"][last_week] == "·"
        assert rows["Mo"][this_week] == "░"  # 1 reflection
        assert rows["Tu"][this_week] == "·"  # today, nothing yet


async def test_heatmap_weekly_row_counts_the_week(make, journal):
    fill(journal)
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_dashboard(app, pilot)
        heatmap = screen.query_one(ActivityHeatmap)
        heatmap.focus()
        await pilot.press("end", "left", *["down"] * 7)  # past Sunday to the week itself
        assert "2 reflections in the week of Mon 16 Nov 2026" in heatmap.render().plain


async def test_heatmap_jumps_with_letters_where_home_and_end_do_not_reach_it(make, journal):
    # macOS Terminal keeps home and end for scrolling its window: b and t do the same jumps.
    fill(journal)
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_dashboard(app, pilot)
        heatmap = screen.query_one(ActivityHeatmap)
        heatmap.focus()
        await pilot.press("end")
        today = heatmap.cursor
        assert today != (0, 0)
        await pilot.press("b")
        assert heatmap.cursor == (0, 0)
        await pilot.press("t")
        assert heatmap.cursor == today


async def test_unit_progress_matches_the_gap_summary(make, journal, framework):
    fill(journal)
    units = gap_summary(journal, framework).criteria.units
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_dashboard(app, pilot)
        rows = [str(o.prompt) for o in screen.query_one(UnitProgress).options]
    assert [row.split()[1] for row in rows] == [u.code for u in units]  # most missing first
    for row, unit in zip(rows, units):
        assert f"{unit.tally.evidenced}/{unit.tally.total} evidenced" in row
        assert (f"{unit.tally.stale} stale" in row) == bool(unit.tally.stale)
    inscs009 = rows[[u.code for u in units].index("INSCS009")]
    assert "3/44 evidenced, 1 stale, 41 gaps" in inscs009


async def test_the_optional_unit_shortfall_is_shown_plainly(make, journal):
    fill(journal)
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_dashboard(app, pilot)
        shortfall = screen.query_one("#plan-shortfall", Static)
        assert shortfall.display
        assert "You have chosen 1 optional unit; the framework needs at least 8." in str(shortfall.render())


async def test_no_shortfall_once_enough_units_are_chosen(make, journal, framework):
    fill(journal)
    for unit in framework.optional_units[:8]:
        journal.settings.choose_unit(unit.code)
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_dashboard(app, pilot)
        assert not screen.query_one("#plan-shortfall").display


async def test_an_empty_journal_shows_a_helpful_empty_state(make):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_dashboard(app, pilot)
        assert screen.query_one("#dash-empty").display
        assert "Press n to write your first" in str(screen.query_one("#dash-empty").render())
        for part in ("#units-section", "#heatmap", "#skill-bars"):
            assert not screen.query_one(part).display
        assert screen.query_one(NextSteps).display  # choosing units is still worth doing


async def test_numbers_follow_a_reflection_written_meanwhile(make, journal):
    fill(journal)
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_dashboard(app, pilot)
        before = screen.summary.skills.entries
        await highlight(pilot, screen.query_one(SkillBars), ("skill", "focus"))
        await pilot.press("enter")
        await settle(pilot)
        journal.entries.add(day=date(2026, 11, 24), title="Written elsewhere", skills=["focus"])
        await pilot.press("escape")
        screen = await loaded(app, pilot)
        assert screen.summary.skills.entries == before + 1
        assert screen.query_one(SkillBars).has_focus  # back where you were


async def test_more_next_steps_are_one_enter_away(make, journal, framework):
    fill(journal)
    for n in range(3):  # overdue feedback and training make plenty of suggestions
        journal.feedback.add(said=f"Feedback {n}", source_kind="mentor", received_on=date(2026, 11, 10))
    everything = gap_summary(journal, framework, suggestion_limit=None).suggestions
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_dashboard(app, pilot)
        steps = screen.query_one(NextSteps)
        assert len(everything) > 6 and steps.option_count == 7  # six and "+ N more"
        assert f"+ {len(everything) - 6} more" in plain(steps)
        await pilot.press("end", "enter")
        assert steps.option_count == len(everything)
        assert isinstance(app.screen, DashboardScreen)


async def test_escape_goes_back_to_the_journal(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await open_dashboard(app, pilot)
        await pilot.press("escape")
        assert type(app.screen).__name__ == "JournalScreen"


async def test_the_palette_offers_the_dashboard(make):
    assert any(c.action == "area('progress')" and c.title == "Progress dashboard" for c in APP_COMMANDS)
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p", *"Progress dash")
        await settle(pilot, 0.2)
        await pilot.press("enter")
        await loaded(app, pilot)


async def test_works_with_another_framework(journal, tiny_framework, clock):
    journal.entries.add(day=date(2026, 11, 20), title="Tiny", skills=[tiny_framework.meta_skills[0].id])
    app = make_app(journal, tiny_framework, clock=clock, blink=False, catch_bugs=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_dashboard(app, pilot)
        names = plain(screen.query_one(SkillBars))
        assert all(s.name[:17] in names for s in tiny_framework.meta_skills)
        codes = [u.code for u in tiny_framework.mandatory_units]
        assert all(code in plain(screen.query_one(UnitProgress)) for code in codes)


async def test_help_on_the_journal_lists_g(make):
    from reflect.tui.dialogs.common import HelpScreen

    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        assert any(key == "g" for key, _ in app.screen.keys)


async def test_coming_back_without_changes_keeps_the_numbers(make, journal):
    fill(journal)
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_dashboard(app, pilot)
        shown = screen.summary
        await highlight(pilot, screen.query_one(SkillBars), ("skill", "focus"))
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen and screen.summary is shown  # not computed again


async def test_a_change_made_by_another_window_is_seen_on_coming_back(make, journal, journal_path, clock):
    from reflect.journal import open_journal

    fill(journal)
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_dashboard(app, pilot)
        before = screen.summary.skills.entries
        await highlight(pilot, screen.query_one(SkillBars), ("skill", "focus"))
        await pilot.press("enter")
        await settle(pilot)
        with open_journal(journal_path, clock=clock) as other:
            other.entries.add(day=date(2026, 11, 24), title="From the command line")
        await pilot.press("escape")
        screen = await loaded(app, pilot)
        assert screen.summary.skills.entries == before + 1


async def test_a_journal_that_cannot_be_read_is_reported_not_fatal(make, monkeypatch):
    from reflect.errors import JournalError
    from reflect.tui.screens import dashboard

    def broken(app):
        raise JournalError("The journal is busy.")
    monkeypatch.setattr(dashboard, "compute", broken)
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g")
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert any("The journal is busy." in n.message for n in app._notifications)
        assert not app.screen.query_one("#dashboard").loading
