"""Fixtures for the app's tests: an app factory on a real journal with a fixed clock, and
a few sample reflections. Everything is deterministic: fixed clock, no cursor blink."""

from __future__ import annotations

import time
from datetime import date

import pytest

from reflect.tui.factory import make_app

DAY = date(2026, 11, 23)


@pytest.fixture(autouse=True)
def uk_winter_time(monkeypatch):
    """Local time is UTC (as in the UK in November) so dates and times on screen never depend
    on the machine running the tests."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def make(journal, framework, clock):
    """Build the app on the test journal (``catch_bugs=False`` so bugs fail tests)."""
    def build(**options):
        options.setdefault("blink", False)
        options.setdefault("catch_bugs", False)
        options.setdefault("autosave_delay", 0.05)
        app = make_app(journal, framework, clock=clock, **options)
        # Scrolling to the focused row is animated; a test's screen must not depend on how far
        # an animation got when it was taken (as with TEXTUAL_ANIMATIONS=none).
        app.animation_level = "none"
        return app
    return build


@pytest.fixture
def sample(journal):
    """Three reflections, one private, with tags and criteria; returns them newest first."""
    entries = journal.entries
    first = entries.add(day=date(2026, 11, 18), title="First day on the tills", body="Nervous but fine.",
                        skills=["adaptability"], criteria=["INSCS009.P1"])
    private = entries.add(day=date(2026, 11, 20), title="Stock count with Priya",
                          body="Counted the back room with Priya.", private=True)
    angry = entries.add(
        day=DAY, title="Calmed an angry customer at the returns desk", model="driscoll", confidence=3,
        body="## What?\n\n> What happened?\n\nA customer shouted about a **refund** for a kettle.\n\n"
             "## So what?\n\nI kept calm and *listened*.\n\n- asked questions\n- offered options\n",
        skills=["focus", "communication", "feeling"], criteria=["INSCS016.P12", "SDS0417.P3"])
    journal.settings.choose_unit("INSCS016")
    return [angry, private, first]


async def settle(pilot, seconds: float = 0.0):
    """Let timers (search delay, autosave) run and the screen catch up."""
    await pilot.pause(seconds) if seconds else await pilot.pause()
    await pilot.pause()


async def wait_until(pilot, condition, what: str, patience: float = 15.0) -> None:
    """Let the app run until ``condition()`` holds. This waits on the app's state: a slow machine
    only makes it wait longer, and the test fails (naming ``what``) only if the state never comes."""
    import time

    deadline = time.monotonic() + patience
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        await pilot.pause(0.01)
    await pilot.pause()


def search_shown(app) -> bool:
    """Whether the journal screen lists the results of what its search box says now (not of
    the first letters typed, shown while the rest was still coming on a busy machine)."""
    from reflect.tui.widgets.entry_list import EntryList

    screen = app.screen
    typed = screen.query_one("#search").value
    return (screen.query_one(EntryList).border_title == "Best matches" and screen.shown_for is not None
            and screen.shown_for.text == typed)


def listed_ids(app) -> list[int]:
    """Entry ids shown on the journal screen, in order."""
    from reflect.tui.widgets.entry_list import EntryList

    entries = app.screen.query_one(EntryList)
    return [int(o.id) for o in entries.options]


async def from_palette(pilot, typed: str, command: str) -> None:
    """Open the command palette, type ``typed`` and run the highlighted command once it is the
    one whose name starts with ``command`` (the palette's search runs as you type)."""
    from textual.command import CommandList, CommandPalette

    app = pilot.app
    await pilot.press("ctrl+p")
    await wait_until(pilot, lambda: isinstance(app.screen, CommandPalette), "the command palette")
    await pilot.press(*typed)
    results = app.screen.query_one(CommandList)
    await wait_until(pilot, lambda: results.highlighted is not None and str(
        results.get_option_at_index(results.highlighted).prompt).startswith(command), f"{command} offered")
    await pilot.press("enter")
