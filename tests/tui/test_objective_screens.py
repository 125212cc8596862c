"""Objectives in the app: the SMART check as you type, saving, statuses, activities, links."""

from __future__ import annotations

from datetime import date

from textual.widgets import Input, Select

from reflect.tui.dialogs.common import ConfirmLeave
from reflect.tui.screens.entry_detail import EntryDetailScreen
from reflect.tui.screens.objective_detail import ObjectiveDetailScreen
from reflect.tui.dialogs.objectives import ObjectivePicker, StatusDialog
from reflect.tui.screens.objective_editor import ADVICE_DELAY, ObjectiveEditorScreen
from reflect.tui.screens.objectives import ObjectivesScreen

from .conftest import settle
from .test_app_behaviour import messages


async def advice(pilot, app) -> set[str]:
    await settle(pilot, ADVICE_DELAY + 0.1)
    return {a.code for a in app.screen.advice}


def agreed_objective(journal, **fields):
    values = dict(specific="Handle 3 complaints on my own", status="agreed", agreed_by="Morag",
                  set_on=date(2026, 11, 2))
    return journal.objectives.add(**(values | fields))


async def open_editor(pilot, app, objective_id=None):
    app.push_screen(ObjectiveEditorScreen(objective_id))
    await settle(pilot)


async def test_smart_advice_appears_as_you_type_and_goes_when_fixed(make):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_editor(pilot, app)
        await pilot.press(*"Improve")
        assert "vague-word" in await advice(pilot, app)
        await pilot.press(*["backspace"] * 7, *"Handle 3 complaints")
        assert "vague-word" not in await advice(pilot, app)
        assert "no-measure" not in await advice(pilot, app)


async def test_advice_is_shown_in_words_beside_the_form(make):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_editor(pilot, app)
        await pilot.press(*"Try to learn the tills")
        await settle(pilot, ADVICE_DELAY + 0.1)
        text = str(app.screen.query_one("#smart-advice").render())
    assert "‘try to’ leaves room not to" in text


async def test_advice_never_stops_a_save(make, journal):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_editor(pilot, app)
        await pilot.press(*"Improve", "ctrl+s")
        await settle(pilot)
        assert app.screen.advice
    [objective] = journal.objectives.list()
    assert (objective.specific, objective.status) == ("Improve", "draft")


async def test_deadline_box_shows_the_day_it_means(make):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_editor(pilot, app)
        app.screen.query_one("#deadline", Input).focus()
        await pilot.press(*"within 6 weeks")
        await settle(pilot)
        shown = str(app.screen.query_one("#deadline-feedback").render())
    assert shown == "Tue 5 Jan 2027 (in 42 days)"


async def test_unreadable_deadline_stops_the_save_and_keeps_the_text(make, journal):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_editor(pilot, app)
        await pilot.press(*"Handle 3 complaints")
        app.screen.query_one("#deadline", Input).focus()
        await pilot.press(*"soonish", "ctrl+s")
        await settle(pilot)
        assert any("Can't read the deadline" in m for m in messages(app))
        assert app.screen.query_one("#deadline", Input).value == "soonish"
    assert journal.objectives.list() == []


async def test_deadline_written_in_the_text_is_used_when_the_box_is_empty(make, journal):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_editor(pilot, app)
        await pilot.press(*"Handle 3 complaints by 31/01/2027", "ctrl+s")
        await settle(pilot)
    assert journal.objectives.list()[0].deadline == date(2027, 1, 31)


async def test_leaving_with_unsaved_changes_asks_and_discard_saves_nothing(make, journal):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_editor(pilot, app)
        await pilot.press(*"Handle 3 complaints", "escape")
        assert isinstance(app.screen, ConfirmLeave)
        await pilot.press("d")
        await settle(pilot)
        assert not isinstance(app.screen, ObjectiveEditorScreen)
    assert journal.objectives.list() == []


async def test_leaving_with_unsaved_changes_can_save_them(make, journal):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_editor(pilot, app)
        await pilot.press(*"Handle 3 complaints", "escape", "s")
        await settle(pilot)
    assert journal.objectives.list()[0].specific == "Handle 3 complaints"


async def test_quitting_with_an_unsaved_objective_asks_first(make):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_editor(pilot, app)
        await pilot.press(*"Handle", "ctrl+q")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmLeave) and app.is_running


async def test_saying_who_agreed_a_draft_marks_it_agreed(make, journal):
    draft = journal.objectives.add(specific="Lead a huddle")
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_editor(pilot, app, draft.id)
        app.screen.query_one("#agreed-by", Input).focus()
        await pilot.press(*"Morag Boyd", "ctrl+s")
        await settle(pilot)
    objective = journal.objectives.get(draft.id)
    assert (objective.status, objective.agreed_by, objective.agreed_on) == ("agreed", "Morag Boyd", date(2026, 11, 24))


async def test_status_change_records_its_date_and_reason(make, journal):
    objective = agreed_objective(journal)
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        app.show("objectives")
        await settle(pilot)
        await pilot.press("s")
        assert isinstance(app.screen, StatusDialog)
        app.screen.query_one("#status", Select).value = "dropped"
        app.screen.query_one("#reason", Input).focus()
        await pilot.press(*"The complaints desk closed", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ObjectivesScreen)
    last = journal.objectives.history(objective.id)[-1]
    assert (last.status, last.reason, last.changed_on) == ("dropped", "The complaints desk closed", date(2026, 11, 24))


async def test_status_dialog_stays_open_when_a_reason_is_missing(make, journal):
    objective = agreed_objective(journal)
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(StatusDialog(objective))
        await settle(pilot)
        app.screen.query_one("#status", Select).value = "not-achieved"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, StatusDialog)
        assert any("Give a reason" in m for m in messages(app))
    assert journal.objectives.get(objective.id).status == "agreed"


async def test_overdue_activity_stands_out_on_the_objective_page(make, journal):
    objective = agreed_objective(journal, deadline=date(2027, 1, 31))
    journal.activities.add(objective_id=objective.id, title="Shadow Sam", due=date(2026, 11, 20))
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        app.show("objective", objective_id=objective.id)
        await settle(pilot)
        rows = [o.prompt.plain for o in app.screen.query_one("#objective-items").options]
    assert rows[0] == "ACTIVITIES (1), 1 OVERDUE"
    assert "due 20/11/2026 OVERDUE by 4 days" in rows[1]


async def test_space_marks_the_highlighted_activity_done(make, journal):
    objective = agreed_objective(journal)
    activity = journal.activities.add(objective_id=objective.id, title="Shadow Sam")
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        app.show("objective", objective_id=objective.id)
        await settle(pilot)
        await pilot.press("space")
        await settle(pilot)
    assert journal.activities.get(activity.id).completed_on == date(2026, 11, 24)


async def test_objective_page_links_a_reflection_as_evidence(make, journal, sample):
    objective = agreed_objective(journal)
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        app.show("objective", objective_id=objective.id)
        await settle(pilot)
        await pilot.press("l", "down", "enter")  # the newest reflection
        await settle(pilot)
        assert isinstance(app.screen, ObjectiveDetailScreen)
    assert [e.id for e in journal.objectives.evidence(objective.id)] == [sample[0].id]


async def test_reflection_action_plan_becomes_a_draft_objective_in_one_step(make, journal):
    body = "## What?\n\nShouting.\n\n## Now what?\n\nAsk Morag to watch me handle one by 31/01/2027\n"
    entry = journal.entries.add(day=date(2026, 11, 23), title="Angry customer", model="driscoll", body=body,
                                skills=["feeling"])
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_entry(entry.id)
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        assert isinstance(app.screen, ObjectiveEditorScreen)
    [objective] = journal.objectives.list()
    assert objective.specific == "Ask Morag to watch me handle one by 31/01/2027"
    assert objective.status == "draft" and objective.deadline == date(2027, 1, 31)
    assert [e.id for e in journal.objectives.evidence(objective.id)] == [entry.id]


async def test_reflection_without_an_action_plan_says_so(make, journal, sample):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_entry(sample[2].id)
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        assert isinstance(app.screen, EntryDetailScreen)
        assert any("nothing under" in m for m in messages(app))


async def test_reflection_is_linked_to_an_objective_and_its_page_says_so(make, journal, sample):
    objective = agreed_objective(journal)
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_entry(sample[0].id)
        await settle(pilot)
        await pilot.press("l")
        assert isinstance(app.screen, ObjectivePicker)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, EntryDetailScreen)
        page = app.screen.query_one("#entry-text").source
    assert [e.id for e in journal.objectives.evidence(objective.id)] == [sample[0].id]
    assert f"#{objective.id} Handle 3 complaints on my own (agreed)" in page


async def test_only_drafts_can_be_deleted_from_the_list(make, journal):
    agreed_objective(journal)
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        app.show("objectives")
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, ObjectivesScreen)
        assert any("drop it with a reason" in m for m in messages(app))
    assert len(journal.objectives.list()) == 1


async def test_objectives_list_is_empty_with_a_hint(make):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("o")
        await settle(pilot)
        assert app.screen.query_one("#objectives-empty").display
        assert "Press n to set your first" in str(app.screen.query_one("#objectives-empty").render())


async def test_smart_check_knows_another_frameworks_verbs(journal, tiny_framework, clock):
    from reflect.tui.factory import make_app

    app = make_app(journal, tiny_framework, clock=clock, blink=False, catch_bugs=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_editor(pilot, app)
        await pilot.press(*"Knead 20 loaves a day")
        assert "no-action-verb" not in await advice(pilot, app)
