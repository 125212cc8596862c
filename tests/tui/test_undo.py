"""Undo in the app (reflect/tui/undo.py): u brings back the latest delete first, whatever its kind
and wherever it was deleted, and says so when a reflection can no longer come back."""

from __future__ import annotations

from reflect.attachments.store import NewFile
from reflect.tui.screens.entry_detail import EntryDetailScreen
from reflect.tui.screens.journal import JournalScreen
from reflect.tui.widgets.entry_list import EntryList

from .conftest import from_palette, wait_until


def messages(app) -> list[str]:
    return [n.message for n in app._notifications]


async def test_undo_brings_back_the_latest_delete_first_whatever_its_kind(make, journal, sample):
    app = make()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await wait_until(pilot, lambda: app.screen.query(EntryList) and app.screen.query_one(EntryList).entry_id,
                         "the journal's list")
        deleted = app.screen.query_one(EntryList).entry_id
        await pilot.press("d")
        await wait_until(pilot, lambda: journal.entries.get(deleted, include_trashed=True).in_trash, "the trash")
        kept = app.screen.query_one(EntryList).entry_id
        assert kept is not None and kept != deleted
        journal.attachments.add(kept, [NewFile("rota.txt", b"Saturday: tills")])
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, EntryDetailScreen), "the reflection's page")
        await pilot.press("x")
        await wait_until(pilot, lambda: not journal.attachments.list(kept), "the file detached")
        assert len(app.undo.deleted) == 2

        await pilot.press("u")  # the file, detached last, comes back first
        await wait_until(pilot, lambda: journal.attachments.list(kept), "the file back")
        assert journal.entries.get(deleted, include_trashed=True).in_trash

        await pilot.press("u")  # then the reflection, though its list is not on screen
        await wait_until(pilot, lambda: not journal.entries.get(deleted, include_trashed=True).in_trash,
                         "the reflection back")
        assert app.undo.deleted == [] and not app.check_action("undo_delete", ())
        assert app.last_saved_id == deleted  # highlighted once the journal is back on screen
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, JournalScreen)
                         and app.screen.query_one(EntryList).entry_id == deleted, "the journal on it")


async def test_undo_after_the_trash_was_emptied_says_the_reflection_is_gone(make, journal, sample):
    app = make()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await wait_until(pilot, lambda: app.screen.query(EntryList) and app.screen.query_one(EntryList).entry_id,
                         "the journal's list")
        await pilot.press("d")
        await wait_until(pilot, lambda: app.undo.deleted, "the delete remembered")
        assert journal.entries.empty_trash() == 1  # another reflect emptied it meanwhile
        await pilot.press("u")
        await wait_until(pilot, lambda: any("removed for good" in m for m in messages(app)), "the warning")
        assert app.undo.deleted == [] and isinstance(app.screen, JournalScreen)
    assert journal.entries.count() == len(sample) - 1


async def test_file_commands_away_from_a_reflection_say_where_its_files_are(make, sample):
    app = make()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, JournalScreen), "the journal")
        await from_palette(pilot, "detach", "Detach a file")
        await wait_until(pilot, lambda: any("Open a reflection first" in m for m in messages(app)), "the hint")
        assert isinstance(app.screen, JournalScreen) and app.undo.deleted == []
