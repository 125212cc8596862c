"""The editor's kind of evidence (reflect.tui.evidence_kind) and what its tag line says
(reflect.tui.editor_tags): who a kind names, a reflective model making the item a reflection
again, words already written kept when the kind changes, and ctrl+o on a reflection."""

from __future__ import annotations

from textual.widgets import Button, Label, TextArea

from reflect.entries.models import Witness
from reflect.tui.dialogs.common import TemplateChooser
from reflect.tui.dialogs.evidence import EvidenceDetails, EvidenceDetailsDialog
from reflect.tui.screens.editor import EditorScreen

from .conftest import wait_until


def test_the_details_say_who_each_kind_names_or_what_is_missing():
    amy = EvidenceDetails(Witness(name="Amy Reid", role="Team leader"), observer="Jo Bell", participants="")
    assert amy.summary("witness") == "Witness: Amy Reid, Team leader, not yet confirmed"
    assert amy.summary("observation") == "Observed by: Jo Bell"
    assert amy.summary("discussion") == "Taking part: nobody named yet (ctrl+o)"
    assert EvidenceDetails().summary("witness") == "no witness named yet (ctrl+o)"
    assert amy.summary("reflection") == "" and amy.summary("product") == ""
    assert amy.names_someone("witness") and amy.names_someone("observation")
    assert not amy.names_someone("discussion") and not amy.names_someone("reflection")


async def _editor(app, pilot) -> EditorScreen:
    await pilot.press("n")
    await wait_until(pilot, lambda: isinstance(app.screen, EditorScreen), "the editor")
    return app.screen


async def test_a_model_makes_a_witness_testimony_a_reflection_again_and_keeps_the_words(make, journal):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await _editor(app, pilot)
        body = editor.query_one("#body", TextArea)
        await pilot.press(*"Busy day", "enter", *"My own words first.")
        await wait_until(pilot, lambda: "My own words first." in body.text, "the words typed")
        editor.set_kind("witness")  # the body was written in: it is kept, and the form asks who
        await wait_until(pilot, lambda: isinstance(app.screen, EvidenceDetailsDialog), "the witness form")
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is editor, "back in the editor")
        assert editor.kind == "witness" and body.text.startswith("My own words first.")
        assert "no witness named yet (ctrl+o)" in str(editor.query_one("#tags", Label).render())
        assert editor.query_one("#pick-details", Button).display
        assert str(editor.query_one("#kind", Button).label).startswith("Witness testimony")

        await pilot.press("ctrl+t")
        await wait_until(pilot, lambda: isinstance(app.screen, TemplateChooser), "the chooser")
        app.screen.dismiss("gibbs")
        await wait_until(pilot, lambda: editor.kind == "reflection", "a reflection again")
        assert editor.model == "gibbs" and str(editor.query_one("#kind", Button).label).startswith("Reflection")
        assert body.text.startswith("My own words first.\n\n## Description")
        assert not editor.query_one("#pick-details", Button).display
        assert "witness" not in str(editor.query_one("#tags", Label).render()).lower()
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: editor.entry is not None, "saved")
        assert editor.entry.kind == "reflection" and editor.entry.model == "gibbs"


async def test_who_on_a_reflection_says_how_to_name_someone(make, journal):
    app = make()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        editor = await _editor(app, pilot)
        await pilot.press("ctrl+o")
        await wait_until(pilot, lambda: app._notifications, "the notice")
        assert "choose witness testimony, observation or discussion" in next(iter(app._notifications)).message
        assert app.screen is editor and editor.kind == "reflection"
