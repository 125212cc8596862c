"""The app in a browser tab (`reflect serve`): keys the browser keeps, and exports as downloads.

The app cannot tell a browser from a terminal except through ``App.is_web`` (textual-serve's
driver); these tests set it, as that driver would, and drive the app with Pilot.
"""

from __future__ import annotations

import pytest
from textual.app import App
from textual.widgets._footer import FooterKey

from reflect.tui.dialogs.common import TemplateChooser
from reflect.tui.screens.editor import EditorScreen

from .conftest import settle
from .test_export_from_app import open_export


def footer_keys(app, action: str) -> list[str]:
    """The keys the footer shows for ``action``."""
    return [key.key for key in app.screen.query(FooterKey) if key.action == action]


@pytest.fixture
def in_browser(monkeypatch):
    monkeypatch.setattr(App, "is_web", property(lambda self: True))


async def test_in_a_browser_the_template_key_is_alt_t_and_shown_so(make, in_browser):
    app = make()
    async with app.run_test(size=(110, 32)) as pilot:
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, EditorScreen)
        assert footer_keys(app, "template") == ["alt+t"]
        await pilot.press("alt+t")
        await settle(pilot)
        assert isinstance(app.screen, TemplateChooser)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("ctrl+t")  # still there where a browser lets it through
        await settle(pilot)
        assert isinstance(app.screen, TemplateChooser)


async def test_in_a_terminal_alt_t_does_nothing_and_ctrl_t_is_shown(make):
    app = make()
    async with app.run_test(size=(110, 32)) as pilot:
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("alt+t")
        await settle(pilot)
        assert isinstance(app.screen, EditorScreen)
        assert footer_keys(app, "template") == ["ctrl+t"]


async def test_in_a_browser_an_export_is_written_and_offered_as_a_download(make, sample, tmp_path, in_browser):
    app = make()
    offered = []
    app.deliver_binary = lambda path, **options: offered.append(path)
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        dialog = await open_export(app, pilot, tmp_path / "out")
        dialog.query_one("#kind").value = "reflections"
        await pilot.press("ctrl+s")
        await settle(pilot)
        [written] = list((tmp_path / "out").iterdir())
        messages = [n.message for n in app._notifications]
    assert offered == [written]
    assert any(str(written) in m and "download" in m for m in messages), messages


async def test_words_typed_just_before_the_app_is_told_to_exit_are_kept_as_a_draft(make, journal):
    # A closed browser tab exits its app at once, often within the autosave delay.
    app = make(autosave_delay=60)
    async with app.run_test(size=(110, 32)) as pilot:
        await pilot.press("n")
        await settle(pilot)
        await pilot.press(*"Half a thought", "tab", *"The customer was upset")
        await settle(pilot)
        assert journal.drafts.pending() == []  # not yet: the autosave is a minute away
        app.exit()
        await settle(pilot)
    [draft] = journal.drafts.pending()
    assert (draft.data["title"], draft.data["body"]) == ("Half a thought", "The customer was upset")


async def test_writing_discarded_on_quit_is_not_kept(make, journal):
    app = make(autosave_delay=60)
    async with app.run_test(size=(110, 32)) as pilot:
        await pilot.press("n")
        await settle(pilot)
        await pilot.press(*"Never mind")
        await settle(pilot)
        await pilot.press("ctrl+q")
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
    assert journal.drafts.pending() == []
