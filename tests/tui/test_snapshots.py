"""Screenshots of every screen at 80x24 and 120x40, compared with the accepted ones in
__snapshots__/ (update with `pytest --snapshot-update` after checking the report).

Deterministic: fixed clock and sample data, no cursor blink, waits long enough for the
debounced search and preview."""

from __future__ import annotations

import pytest

from .conftest import search_shown, wait_until

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


def coach_caught_up(app) -> bool:
    """Whether the editor's coach has looked at what is typed now (its panel is up to date)."""
    from reflect.tui.screens.editor import EditorScreen

    editor = next((s for s in app.screen_stack if isinstance(s, EditorScreen)), None)
    return editor is not None and editor.check is not None and editor._coach_timer is None


def keys(*presses: str, wait: float = 0.1, until=None):
    """A run_before that presses keys and then lets timers and rendering settle (or, with
    ``until``, waits for that state of the app)."""
    async def run(pilot):
        await pilot.pause()
        await pilot.press(*presses)
        if until is not None:
            await wait_until(pilot, lambda: until(pilot.app), "the screen to settle")
        else:
            await pilot.pause(wait)
        # Whatever the timers started (workers computing numbers, animations) must be done, so
        # a busy machine shows the same screen as a quiet one.
        await pilot.app.workers.wait_for_complete()
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
    return run


@pytest.mark.parametrize("size", SIZES)
def test_journal(snap_compare, make, sample, size):
    assert snap_compare(make(), terminal_size=size, run_before=keys())


@pytest.mark.parametrize("size", SIZES)
def test_journal_empty(snap_compare, make, size):
    assert snap_compare(make(), terminal_size=size, run_before=keys())


@pytest.mark.parametrize("size", SIZES)
def test_journal_search(snap_compare, make, sample, size):
    assert snap_compare(make(), terminal_size=size, run_before=keys("slash", *"refund", until=search_shown))


@pytest.mark.parametrize("size", SIZES)
def test_editor_from_template(snap_compare, make, sample, size):
    run = keys("t", "enter", *"Refund for a broken kettle", "tab", *"He was angry; I listened first.",
               until=coach_caught_up)
    assert snap_compare(make(), terminal_size=size, run_before=run)


@pytest.mark.parametrize("size", SIZES)
def test_skill_picker(snap_compare, make, size):
    assert snap_compare(make(), terminal_size=size, run_before=keys("n", "ctrl+g", "down", "space"))


@pytest.mark.parametrize("size", SIZES)
def test_criteria_picker(snap_compare, make, size):
    assert snap_compare(make(), terminal_size=size, run_before=keys("n", "ctrl+r", *"refund", "down", "space"))


@pytest.mark.parametrize("size", SIZES)
def test_entry_detail(snap_compare, make, sample, size):
    assert snap_compare(make(), terminal_size=size, run_before=keys("enter"))


@pytest.mark.parametrize("size", SIZES)
def test_framework_browser(snap_compare, make, sample, size):
    assert snap_compare(make(), terminal_size=size, run_before=keys("f", "down", "down", "down"))


@pytest.mark.parametrize("size", SIZES)
def test_evidence(snap_compare, make, sample, size):
    assert snap_compare(make(), terminal_size=size, run_before=keys("f", "enter", "enter"))


@pytest.mark.parametrize("size", SIZES)
def test_recover_draft(snap_compare, make, journal, size):
    journal.drafts.save({"day": "24/11/2026", "title": "Half-written", "body": "Words"})
    assert snap_compare(make(), terminal_size=size, run_before=keys())


@pytest.mark.parametrize("size", SIZES)
def test_confirm_leave(snap_compare, make, size):
    assert snap_compare(make(), terminal_size=size, run_before=keys("n", *"Unsaved", "escape", until=coach_caught_up))


@pytest.mark.parametrize("size", SIZES)
def test_help(snap_compare, make, sample, size):
    assert snap_compare(make(), terminal_size=size, run_before=keys("question_mark"))


@pytest.mark.parametrize("screen", ["journal", "editor"])
def test_light_theme(snap_compare, make, journal, sample, screen):
    journal.settings.set("theme", "textual-light")
    run = keys() if screen == "journal" else keys("t", "enter", *"Light and calm", until=coach_caught_up)
    assert snap_compare(make(), terminal_size=(80, 24), run_before=run)


@pytest.mark.parametrize("size", SIZES)
def test_area_bar_on_objectives(snap_compare, make, sample, size):
    """The main areas on top, the current one highlighted (F4 from the journal)."""
    assert snap_compare(make(), terminal_size=size, run_before=keys("f4"))


def test_journal_footer_filtered_with_undo(snap_compare, make, sample):
    """The fullest journal footer (undo and a filter on) still shows Help and Quit at 80 columns."""
    async def run(pilot):
        from dataclasses import replace

        from reflect.tui.widgets.filter_bar import FilterBar

        await pilot.pause()
        await pilot.press("d", "y")
        await pilot.pause()
        bar = pilot.app.screen.query_one(FilterBar)
        bar.filters = replace(bar.filters, private=False)
        await pilot.pause(0.1)
        await pilot.pause()
    assert snap_compare(make(), terminal_size=(80, 24), run_before=run)


def test_editor_footer_while_typing(snap_compare, make):
    """In the editor ? types, so the footer offers F1 for help and ctrl+q to quit."""
    assert snap_compare(make(), terminal_size=(80, 24), run_before=keys("n", "tab", "tab", "tab", *"Words"))
