"""A small window (60x20): the editor keeps room to write."""

from __future__ import annotations

import pytest
from textual.widgets import TextArea

from reflect.tui.screens.editor import EditorScreen

from .conftest import wait_until


@pytest.mark.parametrize(("size", "lines"), [((60, 20), 5), ((80, 24), 5)])
async def test_the_editor_leaves_lines_to_write_in(make, size, lines):
    app = make()
    async with app.run_test(size=size) as pilot:
        await pilot.press("n")
        await wait_until(pilot, lambda: isinstance(app.screen, EditorScreen), "the editor")
        body = app.screen.query_one("#body", TextArea)
        assert body.content_region.height >= lines


async def test_a_short_window_gives_the_coach_less_room(make):
    app = make()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("n")
        await wait_until(pilot, lambda: isinstance(app.screen, EditorScreen), "the editor")
        assert app.screen.query_one("#coach").outer_size.height < 7
        await pilot.resize_terminal(80, 24)
        await wait_until(pilot, lambda: app.screen.query_one("#coach").outer_size.height == 7, "the full coach")
