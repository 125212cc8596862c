"""Screenshots of the dashboard and what it drills into, at 80x24 and 120x40 (update with
`pytest --snapshot-update` after checking the report). Fixed clock, tiny fixed data."""

from __future__ import annotations

import pytest

from reflect.tui.screens.dashboard import DashboardScreen

from .conftest import wait_until
from .dashboard_helpers import fill

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


def keys(*presses: str):
    """A run_before that opens the dashboard, waits for its numbers, then presses keys."""
    async def run(pilot):
        await pilot.pause()
        await pilot.press("g")
        # The numbers come from a worker the screen starts once shown: wait for them, not time.
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, DashboardScreen)
                         and pilot.app.screen.summary is not None, "the dashboard's numbers")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press(*presses)
        await pilot.app.workers.wait_for_complete()
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
    return run


@pytest.mark.parametrize("size", SIZES)
def test_dashboard(snap_compare, make, journal, size):
    fill(journal)
    assert snap_compare(make(), terminal_size=size, run_before=keys())


@pytest.mark.parametrize("size", SIZES)
def test_dashboard_skills(snap_compare, make, journal, size):
    fill(journal)
    assert snap_compare(make(), terminal_size=size, run_before=keys("tab", "tab", "tab", "down", "down"))


def test_dashboard_heatmap(snap_compare, make, journal):
    fill(journal)
    assert snap_compare(make(), terminal_size=(80, 24), run_before=keys("tab", "tab", "left", "down", "down", "down"))


def test_dashboard_empty(snap_compare, make):
    assert snap_compare(make(), terminal_size=(80, 24), run_before=keys())


def test_dashboard_light(snap_compare, make, journal):
    fill(journal)
    journal.settings.set("theme", "textual-light")
    assert snap_compare(make(), terminal_size=(120, 40), run_before=keys())


@pytest.mark.parametrize("size", SIZES)
def test_filtered_reflections(snap_compare, make, journal, size):
    fill(journal)
    assert snap_compare(make(), terminal_size=size, run_before=keys("tab", "tab", "tab", "enter"))
