"""Shared by the dashboard tests: a small hand-made journal and a way to open the dashboard and
wait for its numbers (they are computed in a worker thread)."""

from __future__ import annotations

from datetime import date

from reflect.tui.screens.dashboard import DashboardScreen

SIZE = (100, 40)


def fill(journal):
    """A few weeks of reflections, one stale, two on one day, and a low self-rating.

    Today (the fixed clock) is Tue 24 Nov 2026.
    """
    add = journal.entries.add
    add(day=date(2026, 7, 1), title="Old news about the tills", skills=["initiative"],
        criteria=["INSCS009.P4"])  # stale by November
    add(day=date(2026, 10, 28), title="Queue at the bureau", skills=["focus", "adaptability"],
        criteria=["INSCS009.P1", "INSCS009.P3"])
    add(day=date(2026, 11, 5), title="Learned the returns screen", skills=["curiosity"],
        criteria=["SDS0223.P1"])
    add(day=date(2026, 11, 20), title="Calmed a customer", skills=["communication", "feeling"],
        criteria=["INSCS009.P1"])
    add(day=date(2026, 11, 20), title="Stock count with Priya", skills=["collaboration"], private=True)
    add(day=date(2026, 11, 23), title="Huddle", skills=["communication"], criteria=["INSCS016.P12"])
    journal.settings.choose_unit("INSCS016")
    journal.assessments.add(ratings={"leadership": 2, "focus": 4}, assessed_on=date(2026, 11, 2))


async def open_dashboard(app, pilot) -> DashboardScreen:
    """Press g on the journal and wait until the dashboard shows its numbers."""
    await pilot.press("g")
    return await loaded(app, pilot)


async def loaded(app, pilot) -> DashboardScreen:
    """Wait for the dashboard's worker and the redraw after it."""
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, DashboardScreen)
    assert screen.summary is not None
    return screen


async def highlight(pilot, section, wanted, limit: int = 60) -> None:
    """Focus ``section`` (tab) and press down until its highlighted row's target is ``wanted``."""
    while not section.has_focus:
        await pilot.press("tab")
    for _ in range(limit):
        target = section.target
        if target is not None and (target.kind, target.id) == wanted:
            return
        await pilot.press("down")
    raise AssertionError(f"no row for {wanted}")


def plain(widget) -> str:
    """Every row of a section list, as text."""
    return "\n".join(str(option.prompt) for option in widget.options)
