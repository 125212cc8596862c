"""The objective editor keeps what is typed as a draft, as the reflection editor does: a
crash or a closed terminal loses nothing, and the next start offers the words back."""

from __future__ import annotations

from datetime import date

from textual.widgets import Input, TextArea

from reflect.tui.dialogs.common import ConfirmLeave, RecoverDraft
from reflect.tui.screens.objective_editor import ObjectiveEditorScreen

from .conftest import settle


async def type_new_objective(pilot, app, text: str = "Handle 3 complaint emails a week") -> None:
    app.push_screen(ObjectiveEditorScreen())
    await settle(pilot)
    await pilot.press(*text)
    await settle(pilot, 0.2)  # past the autosave delay


async def test_what_is_typed_is_kept_as_an_objective_draft(make, journal):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await type_new_objective(pilot, app)
        [draft] = journal.drafts.pending()
        assert (draft.kind, draft.objective_id) == ("objective", None)
        assert draft.data["form"]["specific"] == "Handle 3 complaint emails a week"
    assert journal.objectives.list() == []


async def test_after_a_crash_the_next_start_offers_the_objective_back(make, journal):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await type_new_objective(pilot, app)
    again = make()
    async with again.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(again.screen, RecoverDraft)
        assert "new objective" in str(again.screen.query_one("#drafts").get_option_at_index(0).prompt)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(again.screen, ObjectiveEditorScreen)
        assert again.screen.query_one("#specific", TextArea).text == "Handle 3 complaint emails a week"
        await pilot.press("ctrl+s")
        await settle(pilot)
    [objective] = journal.objectives.list()
    assert objective.specific == "Handle 3 complaint emails a week"
    assert journal.drafts.pending() == []


async def test_saving_the_objective_removes_its_draft(make, journal):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await type_new_objective(pilot, app)
        assert journal.drafts.pending()
        await pilot.press("ctrl+s")
        await settle(pilot, 0.2)
        assert journal.drafts.pending() == []
        await pilot.press("escape")
        await settle(pilot)
    assert journal.drafts.pending() == []


async def test_leaving_and_discarding_removes_the_draft(make, journal):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await type_new_objective(pilot, app)
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmLeave)
        await pilot.press("d")
        await settle(pilot)
        assert not isinstance(app.screen, ObjectiveEditorScreen)
    assert journal.drafts.pending() == []
    assert journal.objectives.list() == []


async def test_opening_an_objective_restores_its_unsaved_changes(make, journal):
    objective = journal.objectives.add(specific="Lead the Monday huddle", set_on=date(2026, 11, 2))
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(ObjectiveEditorScreen(objective.id))
        await settle(pilot)
        app.screen.query_one("#measure", Input).focus()
        await pilot.press(*"4 huddles led")
        await settle(pilot, 0.2)
    [draft] = journal.drafts.pending()
    assert draft.objective_id == objective.id

    again = make()
    async with again.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("escape")  # not now: the list of unsaved work waits
        again.push_screen(ObjectiveEditorScreen(objective.id))
        await settle(pilot)
        assert again.screen.query_one("#measure", Input).value == "4 huddles led"
        assert again.screen.dirty


async def test_the_draft_of_a_deleted_objective_opens_as_a_new_one(make, journal):
    objective = journal.objectives.add(specific="Lead the Monday huddle", set_on=date(2026, 11, 2))
    journal.drafts.save({"kind": "objective", "objective_id": objective.id,
                         "form": {"specific": "Lead the Monday and Friday huddles"}})
    journal.objectives.delete(objective.id)
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ObjectiveEditorScreen)
        assert app.screen.objective is None
        await pilot.press("ctrl+s")
        await settle(pilot)
    [saved] = journal.objectives.list()
    assert saved.specific == "Lead the Monday and Friday huddles"
