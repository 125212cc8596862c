"""Review fixes: the self-assessment just saved stays on screen (it showed "0 of 12 rated")."""

from __future__ import annotations

from reflect.tui.screens.assessment import AssessmentScreen

from .test_navigation import until


async def test_saved_self_assessment_is_shown_after_saving(make, journal):
    app = make()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, AssessmentScreen))
        screen = app.screen
        await pilot.press(*"443342322343", "ctrl+s")
        await until(pilot, lambda: journal.assessments.latest() is not None)
        listing = screen.query_one("#skill-ratings")
        await until(pilot, lambda: "saved" in str(listing.border_title))
        assert str(listing.border_title) == "12 of 12 rated · saved 24/11/2026"
        assert not screen.dirty
        await pilot.press("home", "5")  # a change after saving is unsaved again
        await until(pilot, lambda: screen.dirty)
        assert "unsaved" in str(listing.border_title)
    assert len(journal.assessments.latest().ratings) == 12


async def test_heatmap_month_names_never_stick_out_past_the_grid(make, journal, clock):
    """A month starting in the last week (2 Dec: the week of 30 Nov) wrapped the month row."""
    from datetime import datetime, timezone

    from reflect.tui.widgets.heatmap import CELL, LABEL_WIDTH, ActivityHeatmap

    from .dashboard_helpers import fill, open_dashboard

    fill(journal)
    clock.now = datetime(2026, 12, 2, 10, 0, tzinfo=timezone.utc)
    app = make()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_dashboard(app, pilot)
        heatmap = screen.query_one(ActivityHeatmap)
        await until(pilot, lambda: heatmap.activity is not None)
        months = heatmap._month_line().plain
        assert len(months) <= LABEL_WIDTH + CELL * heatmap.weeks
        assert "Nov" in months
