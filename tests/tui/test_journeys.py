"""The main journeys, driven by keys through Textual's Pilot."""

from __future__ import annotations

from reflect.tui.dialogs.common import ConfirmLeave, RecoverDraft, TemplateChooser
from reflect.tui.screens.editor import EditorScreen
from reflect.tui.screens.entry_detail import EntryDetailScreen
from reflect.tui.screens.journal import JournalScreen
from reflect.tui.dialogs.criteria_picker import CriteriaPicker
from reflect.tui.dialogs.skill_picker import SkillPicker

from .conftest import listed_ids, search_shown, settle, wait_until


async def test_write_from_template_tag_save_and_see_it_listed(make, journal):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("t")
        assert isinstance(app.screen, TemplateChooser)
        await pilot.press("enter")  # Gibbs is first
        assert isinstance(app.screen, EditorScreen)
        await pilot.press(*"Handled a refund calmly")
        await pilot.press("ctrl+g")
        assert isinstance(app.screen, SkillPicker)
        await pilot.press("space", "down", "down", "down", "down", "space", "enter")  # Focus, Communication (headers are skipped)
        await pilot.press("ctrl+r")
        assert isinstance(app.screen, CriteriaPicker)
        await pilot.press(*"INSCS016.P12", "down", "space", "enter")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("escape")
        assert isinstance(app.screen, JournalScreen)
        saved = journal.entries.get(listed_ids(app)[0])
    assert saved.title == "Handled a refund calmly"
    assert saved.model == "gibbs" and "## Description" in saved.body
    assert set(saved.skills) == {"focus", "communication"}
    assert saved.criteria == ("INSCS016.P12",)
    assert journal.drafts.pending() == []


async def test_search_as_you_type_finds_by_body_words(make, sample):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", *"kett")
        # Under load the search may run on "ke" first: wait for the results of all four letters.
        await wait_until(pilot, lambda: search_shown(app) and app.screen.query_one("#search").value == "kett"
                         and listed_ids(app) == [sample[0].id], "the search results for kett")


async def test_filter_by_meta_skill_chip(make, sample):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.click("#chip-skills")
        assert isinstance(app.screen, SkillPicker)
        await pilot.press("down", "down", "space", "enter")  # Adaptability
        await settle(pilot)
        assert listed_ids(app) == [sample[2].id]
        await pilot.press("x")  # clear filters
        await settle(pilot)
        assert len(listed_ids(app)) == 3


async def test_a_chip_whose_filter_is_on_opens_again_to_change_it(make, sample):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.click("#chip-skills")
        await wait_until(pilot, lambda: isinstance(app.screen, SkillPicker), "the picker")
        await pilot.press("down", "down", "space", "enter")  # Adaptability
        await wait_until(pilot, lambda: listed_ids(app) == [sample[2].id], "the filtered list")
        chip = app.screen.query_one("#chip-skills")
        assert chip.has_class("-on")
        await pilot.click("#chip-skills")  # a Textual button ignored this while it looked pressed
        await wait_until(pilot, lambda: isinstance(app.screen, SkillPicker), "the picker again")
        await pilot.press("escape")
        chip.focus()
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, SkillPicker), "the picker from the keyboard")


async def test_private_chip_cycles_only_then_hidden(make, sample):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.click("#chip-private")
        await settle(pilot)
        assert listed_ids(app) == [sample[1].id]
        assert app.screen.query_one("#chip-private").has_class("-on")  # shows that it filters
        await pilot.click("#chip-private")
        await settle(pilot)
        assert sample[1].id not in listed_ids(app)


async def test_edit_changes_the_entry(make, journal, sample):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("e")
        assert isinstance(app.screen, EditorScreen)
        await pilot.press("shift+tab", "end", *" (again)", "ctrl+s", "escape")  # body has focus; title is above
        await settle(pilot)
        assert isinstance(app.screen, JournalScreen)
    edited = journal.entries.get(sample[0].id)
    assert edited.title.endswith("(again)") and edited.revision == 2


async def test_delete_then_undo(make, journal, sample):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("d")
        await settle(pilot)
        assert sample[0].id not in listed_ids(app)
        assert journal.entries.get(sample[0].id, include_trashed=True).in_trash
        await pilot.press("u")
        await settle(pilot)
        assert listed_ids(app)[0] == sample[0].id
    assert not journal.entries.get(sample[0].id).in_trash


async def test_open_entry_detail_and_duplicate(make, journal, sample):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, EntryDetailScreen)
        await pilot.press("c")
        assert isinstance(app.screen, EditorScreen)
    assert journal.entries.count() == 4


async def test_unsaved_draft_is_offered_back_after_a_crash(make, journal):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n", *"Lost child", "tab", *"Found her mum at the tills.")
        await settle(pilot, 0.2)
        # What a killed terminal leaves behind: the autosaved draft, no entry.
        [draft] = journal.drafts.pending()
        assert draft.data["body"] == "Found her mum at the tills."
    assert journal.entries.count() == 0

    again = make()
    async with again.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(again.screen, RecoverDraft)
        await pilot.press("enter")
        assert isinstance(again.screen, EditorScreen)
        await pilot.press("ctrl+s")
        await settle(pilot)
    [entry] = journal.entries.list().rows
    assert entry.title == "Lost child"
    assert journal.drafts.pending() == []


async def test_leaving_with_unsaved_changes_asks_and_can_keep_editing(make, journal):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n", *"Half a thought", "escape")
        assert isinstance(app.screen, ConfirmLeave)
        await pilot.press("escape")
        assert isinstance(app.screen, EditorScreen)
        await pilot.press("escape", "d")
        await settle(pilot)
        assert isinstance(app.screen, JournalScreen)
    assert journal.entries.count() == 0
    assert journal.drafts.pending() == []


async def test_leaving_and_choosing_save_saves(make, journal):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n", *"Worth keeping", "escape", "s")
        await settle(pilot)
        assert isinstance(app.screen, JournalScreen)
    assert [e.title for e in journal.entries.list().rows] == ["Worth keeping"]


async def test_leaving_without_changes_does_not_ask(make):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n", "escape")
        assert isinstance(app.screen, JournalScreen)


async def test_ctrl_s_saves_and_keeps_editing(make, journal):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n", *"Kept going", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, EditorScreen) and not app.screen.dirty
        await pilot.press(*" further", "ctrl+s")
        await settle(pilot)
    [entry] = journal.entries.list().rows
    assert entry.title == "Kept going further"


async def test_saving_over_a_change_made_elsewhere_keeps_both(make, journal, sample):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("e", *" Then I apologised.")
        journal.entries.update(sample[0].id, title="Changed in another window")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert any("changed elsewhere" in str(n.message) for n in app._notifications)
    titles = {e.title for e in journal.entries.list().rows}
    assert "Changed in another window" in titles
    assert f"{sample[0].title} (conflicting copy)" in titles


async def test_reopening_an_entry_restores_its_unsaved_changes(make, journal, sample):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("e", *" Unsaved thought.")
        await settle(pilot, 0.2)
        app.screen.close()  # as if the editor went away without asking (e.g. a crash)
        await settle(pilot)
        await pilot.press("e")
        assert app.screen.query_one("#body").text.endswith("Unsaved thought.")


async def test_opening_an_entry_and_leaving_asks_nothing_and_changes_nothing(make, journal, sample):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("e")
        await settle(pilot)
        await pilot.press("escape")
        assert isinstance(app.screen, JournalScreen)
    assert journal.entries.get(sample[0].id).revision == 1
    assert journal.drafts.pending() == []
