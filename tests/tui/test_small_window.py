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


def _inside(outer, widget) -> bool:
    """Whether the whole of ``widget`` shows within ``outer`` (a screen, a dialog): not cut."""
    return outer.region.contains_region(widget.region) and widget.region.area > 0


@pytest.mark.parametrize(("kind", "size", "controls"), [
    ("reflection", (60, 20), ("#pick-skills", "#pick-criteria", "#private", "#confidence")),
    ("reflection", (80, 24), ("#pick-skills", "#pick-criteria", "#private", "#confidence")),
    ("witness", (60, 20), ("#pick-details", "#pick-skills", "#pick-criteria", "#confidence")),
])
async def test_every_control_under_the_writing_shows_whole(make, kind, size, controls):
    app = make()
    async with app.run_test(size=size) as pilot:
        app.push_screen(EditorScreen(kind=kind))
        await wait_until(pilot, lambda: isinstance(app.screen, EditorScreen), "the editor")
        await pilot.pause()
        for name in controls:
            assert _inside(app.screen, app.screen.query_one(name)), name


async def test_the_profile_form_shows_every_field_and_its_hint_at_60x20(make):
    from reflect.tui.dialogs.profile import ProfileDialog

    app = make()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("p")
        await wait_until(pilot, lambda: isinstance(app.screen, ProfileDialog), "the profile form")
        await pilot.pause()
        dialog = app.screen.query_one(".dialog")  # taller than the window: it would scroll, cutting rows
        for widget in [*app.screen.query(".form-grid > *"), app.screen.query_one(".form-hint")]:
            assert _inside(dialog, widget), widget


async def test_the_objective_form_leaves_room_for_who_agreed_it_at_60_columns(make):
    from reflect.tui.screens.objective_editor import ObjectiveEditorScreen

    app = make()
    async with app.run_test(size=(60, 20)) as pilot:
        app.push_screen(ObjectiveEditorScreen())
        await wait_until(pilot, lambda: isinstance(app.screen, ObjectiveEditorScreen), "the objective form")
        await pilot.pause()
        assert app.screen.query_one("#agreed-by").region.width >= 12  # it had 4


async def test_completing_a_review_shows_its_choices_whole_at_60x20(make, sample):
    from textual.widgets import Checkbox

    from reflect.tui.screens.review import CompleteReviewDialog

    app = make()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("f6")
        await wait_until(pilot, lambda: type(app.screen).__name__ == "ReviewScreen", "the review screen")
        await pilot.press("c")
        await wait_until(pilot, lambda: isinstance(app.screen, CompleteReviewDialog), "the completion form")
        await pilot.pause()
        for box in app.screen.query(Checkbox):  # a checkbox's label is cut, never wrapped
            assert box.get_content_width(app.size, app.size) <= box.content_region.width, box.label


async def test_a_forms_time_box_takes_its_row_not_the_editors_width(make):
    from reflect.tui.dialogs.logs import TrainingDialog

    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(TrainingDialog())
        await wait_until(pilot, lambda: isinstance(app.screen, TrainingDialog), "the training form")
        await pilot.pause()
        box = app.screen.query_one("#time")
        assert box.region.width >= len(box.placeholder)  # "optional: 45m, 1.5h, 1h30" shows whole


@pytest.mark.parametrize("size", [(60, 20), (80, 24)])
async def test_the_export_form_shows_its_private_choice_whole(make, size):
    from textual.widgets import Checkbox

    from reflect.tui.dialogs.export import ExportDialog

    app = make()
    async with app.run_test(size=size) as pilot:
        app.push_screen(ExportDialog())
        await wait_until(pilot, lambda: isinstance(app.screen, ExportDialog), "the export form")
        await pilot.pause()
        box = app.screen.query_one("#private", Checkbox)
        assert box.get_content_width(app.size, app.size) <= box.content_region.width
