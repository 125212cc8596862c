"""Keys typed the moment the editor opens (a fast typist, a slow machine) land where they
should: before the first frame is drawn, the cursor is already where typing continues."""

from __future__ import annotations

from textual.widgets import TextArea

from tests.tui.conftest import wait_until
from reflect.tui.screens.editor import EditorScreen


async def test_editing_an_entry_puts_the_cursor_at_the_end_before_the_first_frame(make, sample):
    app = make()
    async with app.run_test(size=(100, 30)):
        await app.push_screen(EditorScreen(entry=sample[0]))  # mounted; nothing drawn yet
        body = app.screen.query_one("#body", TextArea)
        assert body.cursor_location == body.document.end


async def test_text_typed_before_the_first_frame_goes_at_the_end(make, sample):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await app.push_screen(EditorScreen(entry=sample[1]))
        app.screen.query_one("#body", TextArea).insert(" More.")  # where a key would type it
        await pilot.pause()
        body = app.screen.query_one("#body", TextArea)
        assert body.text == sample[1].body + " More."
        assert body.cursor_location == body.document.end


async def test_keys_queued_before_ctrl_s_are_in_the_save(make, sample, journal):
    # A busy app reads a burst of keys at once: ctrl+s must wait for the words typed before it.
    from textual import events

    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await app.push_screen(EditorScreen(entry=sample[1]))
        await pilot.pause()
        for char in " More.":
            app.post_message(events.Key("space" if char == " " else char, char))
        app.post_message(events.Key("ctrl+s", None))
        await wait_until(pilot, lambda: not app.screen.dirty, "the save")
    assert journal.entries.get(sample[1].id).body == sample[1].body + " More."


async def test_ctrl_s_saves_from_every_field_of_the_editor(make, sample, journal):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await app.push_screen(EditorScreen(entry=sample[1]))
        await pilot.pause()
        editor = app.screen
        fields = ["#day", "#title", "#body", "#pick-skills", "#pick-criteria", "#private", "#confidence"]
        for n, field in enumerate(fields):
            editor.query_one("#title").value = f"Saved from {field}"
            editor.query_one(field).focus()
            await pilot.pause()
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert journal.entries.get(sample[1].id).title == f"Saved from {field}", field
