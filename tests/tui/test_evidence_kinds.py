"""Kinds of evidence in the app: write a witness testimony from its template, name the witness,
tag a criterion and see the gap close on the dashboard; the list, the detail view, the kind
filter, the editor's kinds and the framework browser's "own reflections only"."""

from __future__ import annotations

from datetime import date

from textual.widgets import Button, OptionList

from reflect.entries.models import EntryFilter, Witness
from reflect.tui.dialogs.common import TemplateChooser
from reflect.tui.dialogs.criteria_picker import CriteriaPicker
from reflect.tui.dialogs.evidence import EvidenceDetailsDialog
from reflect.tui.screens.editor import EditorScreen
from reflect.tui.screens.framework_browser import FrameworkBrowserScreen
from reflect.tui.screens.journal import JournalScreen
from reflect.tui.widgets.entry_list import EntryList
from reflect.tui.widgets.filter_bar import Chip, FilterBar

from .conftest import wait_until
from .dashboard_helpers import loaded

GAP = "INSCS009.P8"


def _criterion(summary, cid):
    return next(c for u in summary.criteria.units for c in u.criteria if c.id == cid)


async def _choose_template(pilot, app, option_id: str) -> None:
    chooser = app.screen
    assert isinstance(chooser, TemplateChooser)
    options = chooser.query_one("#templates", OptionList)
    options.highlighted = options.get_option_index(option_id)
    await pilot.press("enter")


async def test_a_witness_testimony_closes_a_gap_on_the_dashboard(make, journal):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("g")
        before = await loaded(app, pilot)
        assert _criterion(before.summary, GAP).status == "gap"
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, JournalScreen), "the journal")

        await pilot.press("t")
        await wait_until(pilot, lambda: isinstance(app.screen, TemplateChooser), "the template chooser")
        await _choose_template(pilot, app, "kind:witness")
        await wait_until(pilot, lambda: isinstance(app.screen, EditorScreen), "the editor")
        editor = app.screen
        assert editor.kind == "witness" and "What the witness saw" in editor.current_state().body
        # Naming the witness comes first: the form asks.
        await pilot.press("ctrl+o")
        await wait_until(pilot, lambda: isinstance(app.screen, EvidenceDetailsDialog), "the witness form")
        await pilot.press(*"Amy Reid", "enter", *"Team leader", "enter", *"my line manager", "enter",
                          "enter", "tab", *"23/11/2026", "ctrl+s")  # the day ticks "confirmed" itself
        await wait_until(pilot, lambda: app.screen is editor, "back in the editor")
        await pilot.press(*"Calm at the till", "enter", *"Amy saw me calm a customer who had waited.")
        await pilot.press("ctrl+r")
        await wait_until(pilot, lambda: isinstance(app.screen, CriteriaPicker), "the criteria picker")
        await pilot.press(*GAP, "down", "space", "enter")
        await wait_until(pilot, lambda: app.screen is editor, "back in the editor")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: editor.entry is not None, "the testimony saved")
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, JournalScreen), "the journal")

        await pilot.press("g")
        after = await loaded(app, pilot)
        covered = _criterion(after.summary, GAP)
        assert covered.status == "ok" and covered.by_kind == {"witness": 1}
    [entry] = journal.entries.list(EntryFilter(kinds=("witness",))).rows
    saved = journal.entries.get(entry.id)
    assert saved.title == "Calm at the till" and saved.criteria == (GAP,)
    assert saved.witness == Witness("Amy Reid", "Team leader", "my line manager", "", True, date(2026, 11, 23))


async def test_choosing_witness_in_the_editor_asks_who_and_a_reflection_needs_nobody(make, journal):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n")
        await wait_until(pilot, lambda: isinstance(app.screen, EditorScreen), "the editor")
        editor = app.screen
        assert str(editor.query_one("#kind", Button).label).startswith("Reflection")
        assert not editor.query_one("#pick-details").display
        editor.query_one("#kind", Button).press()
        await wait_until(pilot, lambda: isinstance(app.screen, TemplateChooser), "the chooser")
        await _choose_template(pilot, app, "kind:observation")
        await wait_until(pilot, lambda: isinstance(app.screen, EvidenceDetailsDialog), "the observer form")
        await pilot.press(*"Jo Bell (assessor)", "ctrl+s")
        await wait_until(pilot, lambda: app.screen is editor, "back in the editor")
        assert editor.details.observer == "Jo Bell (assessor)"
        assert str(editor.query_one("#kind", Button).label).startswith("Observation")
        await pilot.press(*"Observed at the tills", "ctrl+s")
        await wait_until(pilot, lambda: editor.entry is not None, "saved")
        assert editor.entry.kind == "observation" and editor.entry.observer == "Jo Bell (assessor)"


async def test_a_witness_testimony_without_a_name_is_not_saved_and_nothing_is_lost(make, journal):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n")
        await wait_until(pilot, lambda: isinstance(app.screen, EditorScreen), "the editor")
        editor = app.screen
        await pilot.press("ctrl+t")
        await wait_until(pilot, lambda: isinstance(app.screen, TemplateChooser), "the chooser")
        await _choose_template(pilot, app, "kind:witness")
        await wait_until(pilot, lambda: isinstance(app.screen, EvidenceDetailsDialog), "the witness form")
        await pilot.press("ctrl+s")  # no name: the form stays open
        assert isinstance(app.screen, EvidenceDetailsDialog)
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is editor, "back in the editor")
        await pilot.press(*"Seen by someone", "ctrl+s")
        await pilot.pause()
        assert editor.entry is None and journal.entries.count() == 0
        await wait_until(pilot, lambda: journal.drafts.pending(), "the draft kept")
        assert journal.drafts.pending()[0].data["kind"] == "witness"


async def test_list_rows_show_the_kind_and_the_chip_filters_by_it(make, journal):
    journal.entries.add(day=date(2026, 11, 20), title="My own words")
    journal.entries.add(day=date(2026, 11, 21), title="Amy saw it", kind="witness", witness=Witness(name="Amy"))
    journal.entries.add(day=date(2026, 11, 22), title="Talked it through", kind="discussion", participants="Jo")
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        entries = app.screen.query_one(EntryList)
        await wait_until(pilot, lambda: entries.option_count, "the list")
        rows = [str(option.prompt) for option in entries.options]  # newest first
        assert rows[1].splitlines()[1].strip().startswith("witness")
        assert rows[0].splitlines()[1].strip().startswith("discussion")
        assert not rows[2].splitlines()[1].strip().startswith(("witness", "reflection"))
        app.screen.query_one("#chip-kinds", Chip).action_press()
        bar = app.screen.query_one(FilterBar)
        await wait_until(pilot, lambda: bar.filters.kinds == ("witness",), "the kind filter")
        await wait_until(pilot, lambda: entries.option_count == 1, "only the witness testimony")
        assert entries.entry_id == journal.entries.list(EntryFilter(kinds=("witness",))).rows[0].id


async def test_the_framework_browser_shows_evidence_by_kind_and_own_only(make, journal):
    journal.entries.add(day=date(2026, 11, 20), title="Mine", criteria=["INSCS009.P1", "INSCS009.P2"])
    journal.entries.add(day=date(2026, 11, 21), title="Seen", criteria=["INSCS009.P2"], kind="witness",
                        witness=Witness(name="Amy"))
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(FrameworkBrowserScreen(unit="INSCS009"))
        await wait_until(pilot, lambda: isinstance(app.screen, FrameworkBrowserScreen), "the browser")
        criteria = app.screen.query_one("#criteria-list", OptionList)
        await wait_until(pilot, lambda: criteria.option_count, "the criteria")

        def shown() -> dict[str, str]:
            return {o.id: str(o.prompt) for o in criteria.options if o.id}

        assert "1 reflection, 1 witness testimony" in shown()["INSCS009.P2"]
        assert "own only" in shown()["INSCS009.P1"] and "own only" not in shown()["INSCS009.P2"]
        await pilot.press("o")
        await wait_until(pilot, lambda: set(shown()) == {"INSCS009.P1"}, "only P1 listed")
        await pilot.press("o")
        await wait_until(pilot, lambda: len(shown()) > 2, "every criterion again")


def test_a_draft_keeps_the_kind_and_the_witness(journal):
    from reflect.tui.editor_state import EditorState

    entry = journal.entries.add(day=date(2026, 11, 20), title="Seen", kind="witness",
                                witness=Witness("Amy", "Lead", "boss", "x@y.z", True, date(2026, 11, 21)),
                                observer="kept from before")
    state = EditorState.from_entry(entry)
    again = EditorState.from_draft(state.to_draft(), date(2026, 11, 24))
    assert again == state
    fields = again.entry_fields(date(2026, 11, 24))
    assert (fields["kind"], fields["witness"], fields["observer"]) == ("witness", entry.witness, "kept from before")
    odd = EditorState.from_draft({"kind": "anecdote", "witness": ["not", "a", "record"]}, date(2026, 11, 24))
    assert odd.kind == "reflection" and odd.witness is None


async def test_the_coach_asks_a_witness_testimony_its_own_questions(make, journal):
    from textual.widgets import Static

    from reflect.tui.widgets.coach_panel import CoachPanel

    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n")
        await wait_until(pilot, lambda: isinstance(app.screen, EditorScreen), "the editor")
        editor = app.screen
        panel = editor.query_one(CoachPanel)
        assert "descriptive" in str(panel.border_title)
        await pilot.press("ctrl+t")
        await wait_until(pilot, lambda: isinstance(app.screen, TemplateChooser), "the chooser")
        await _choose_template(pilot, app, "kind:witness")
        await wait_until(pilot, lambda: isinstance(app.screen, EvidenceDetailsDialog), "the witness form")
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is editor, "back in the editor")
        await wait_until(pilot, lambda: "witness testimony" in str(panel.border_title), "the coach on the kind")
        text = str(panel.query_one("#coach-text", Static).render())
        assert "What did the witness see you do?" in text and "how it felt" not in text
