"""Finding your way: the main areas are on every screen and one key away, every footer fits
80 columns with Help and Quit in it, and help is one key away everywhere (F1 in the editors)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest

from reflect.tui.actions import ACTIONS, AREAS, area_actions
from reflect.tui.commands import APP_COMMANDS, palette_help
from reflect.tui.dialogs.common import HelpScreen
from reflect.tui.screens import SCREENS
from reflect.tui.widgets.area_bar import AreaBar

from reflect.tui.widgets.filter_bar import FilterBar

from .footer_check import footer_keys, footer_problems


async def until(pilot, condition, tries: int = 200) -> None:
    """Let the app run until ``condition()`` holds (fails the test if it never does)."""
    for _ in range(tries):
        if condition():
            return
        await pilot.pause()
    assert condition(), "the app never reached the expected state"


def bar_text(app) -> str:
    return str(app.screen.query_one(AreaBar).render())


@pytest.fixture
def records(journal, sample):
    """One of each review record, so every screen has something to show."""
    objective = journal.objectives.add(specific="Lead the Monday huddle", measure="Mentor watches one",
                                       deadline=date(2027, 1, 31))
    journal.activities.add(objective_id=objective.id, title="Shadow Sam on a huddle", due=date(2026, 11, 20))
    journal.feedback.add(received_on=date(2026, 11, 19), source_kind="customer", said="Great with the queue")
    journal.training.add(name="Fire safety", due=date(2026, 12, 31))
    return objective


# Each screen, and how to get there from the journal.
OPENINGS = {
    "journal": [],
    "journal search": ["slash", *"till"],
    "editor title": ["n"],
    "editor body": ["n", "tab", "tab", "tab", *"Some words"],
    "reflection": ["enter"],
    "progress": ["f3"],
    "framework": ["f"],
    "objectives": ["f4"],
    "objective": ["f4", "enter"],
    "objective editor": ["f4", "e"],
    "feedback": ["f5"],
    "feedback item": ["f5", "enter"],
    "training": ["f5", "t"],
    "activities": ["f4", "v"],
    "review": ["f6"],
    "assessment": ["a"],
}


@pytest.mark.parametrize("size", [(80, 24), (60, 20)], ids=["80x24", "60x20"])
@pytest.mark.parametrize("where", list(OPENINGS))
async def test_every_footer_fits_with_help_and_quit(make, records, where, size):
    app = make()
    async with app.run_test(size=size) as pilot:
        await until(pilot, lambda: app.screen.query(AreaBar))
        first = app.screen
        await pilot.press(*OPENINGS[where])
        await until(pilot, lambda: not OPENINGS[where] or app.screen is not first or app.focused is not None)
        # The footer is drawn once the screen's keys are known.
        await until(pilot, lambda: footer_keys(app) and all(right > 0 for _, _, right in footer_keys(app)))
        assert footer_problems(app, width=size[0]) == []


async def test_footer_with_a_filter_and_undo_still_fits(make, records, journal, sample):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.screen.query(AreaBar))
        await pilot.press("d", "y")
        await until(pilot, lambda: app.undo.deleted)
        bar = app.screen.query_one(FilterBar)
        bar.filters = replace(bar.filters, private=False)
        await until(pilot, lambda: {"Undo", "Clear"} <= {what for _, what, right in footer_keys(app) if right})
        assert footer_problems(app) == []


@pytest.mark.parametrize("area, key, screen", [(a.name, row.key, a.screen) for a, row in zip(AREAS, area_actions())])
async def test_each_area_is_one_key_from_the_editor_and_nothing_typed_is_lost(make, records, area, key, screen):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.screen.query(AreaBar))
        await pilot.press("n")
        await until(pilot, lambda: type(app.screen).__name__ == "EditorScreen")
        editor = app.screen
        app.set_focus(editor.query_one("#title"))
        await pilot.press(*"Till queue")
        await pilot.press(key)
        if area == "journal":
            # Home would close the editor: it asks about the unsaved words instead.
            await until(pilot, lambda: type(app.screen).__name__ == "ConfirmLeave")
            await pilot.press("escape")
            await until(pilot, lambda: app.screen is editor)
            return
        await until(pilot, lambda: isinstance(app.screen, SCREENS[screen]))
        assert marked(app) == f"▌{key.upper()} {row_label(area)}"
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is editor)
        assert editor.query_one("#title").value == "Till queue"


def row_label(area: str) -> str:
    return next(r.label for a, r in zip(AREAS, area_actions()) if a.name == area)


def marked(app) -> str:
    """The highlighted area's label in the area bar."""
    bar = app.screen.query_one(AreaBar)
    content = bar.render()
    return "▌" + "".join(content.plain[span.start:span.end] for span in content.spans
                         if "reverse" in str(span.style)).strip()


async def test_areas_switch_without_piling_screens_up(make, records):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.screen.query(AreaBar))
        for key in ("f3", "f4", "f5", "f6", "f4", "f3"):
            await pilot.press(key)
            await pilot.pause()
        await until(pilot, lambda: type(app.screen).__name__ == "DashboardScreen")
        assert len(app.screen_stack) == 2
        assert marked(app) == "▌F3 Progress"
        await pilot.press("f4", "enter")
        await until(pilot, lambda: type(app.screen).__name__ == "ObjectiveDetailScreen")
        assert marked(app) == "▌F4 Objectives"
        await pilot.press("f2")
        await until(pilot, lambda: type(app.screen).__name__ == "JournalScreen")
        assert len(app.screen_stack) == 1 and marked(app) == "▌F2 Journal"


@pytest.mark.parametrize("key", ["f1", "question_mark"])
async def test_help_from_the_journal(make, records, key):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.screen.query(AreaBar))
        await pilot.press(key)
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        keys = dict(app.screen.keys)
    assert keys["F3"].startswith("Progress") and keys["n"] == ACTIONS["new_entry"].help


async def test_f1_gives_help_in_the_editor_where_question_mark_types(make):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.screen.query(AreaBar))
        await pilot.press("n")
        await until(pilot, lambda: type(app.screen).__name__ == "EditorScreen")
        app.set_focus(app.screen.query_one("#title"))
        await pilot.press("question_mark")
        await pilot.pause()
        assert app.screen.query_one("#title").value == "?"
        assert ("F1", "Help") in {(k, w) for k, w, _ in footer_keys(app)}
        await pilot.press("f1")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert "^s" in dict(app.screen.keys)


def test_palette_and_keys_come_from_one_table():
    for command in APP_COMMANDS:
        # Key hints are added from the table, never typed into the help text.
        assert not re.search(r"\(\S{1,6}\)$", command.help), command.name
        if command.key:
            assert palette_help(command).endswith(f"({command.key_hint})")
    screens_binding = {}
    for name, kind in SCREENS.items():
        for binding in getattr(kind, "BINDINGS", []):
            if isinstance(binding, tuple):
                continue
            for row in ACTIONS.values():
                if binding.action == f"app.{row.action}":
                    assert (binding.key, binding.tooltip) == (row.key, row.help), (name, row.name)
                    screens_binding.setdefault(row.name, set()).add(name)
    assert "journal" in screens_binding["new_entry"]


def test_areas_have_keys_and_palette_entries():
    rows = area_actions()
    assert [r.key for r in rows] == ["f2", "f3", "f4", "f5", "f6"]
    assert all(r in APP_COMMANDS for r in rows)
