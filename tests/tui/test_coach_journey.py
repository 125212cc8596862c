"""The reflection coach in the app: advice as you write, suggested tags first in the pickers,
personal data marked, listed before an export and redacted in it, and today's question."""

from __future__ import annotations

from reflect.importers.export_reader import ExportReader
from reflect.tui.dialogs.criteria_picker import SUGGESTED, CriteriaPicker
from reflect.tui.dialogs.export import PersonalDataFound
from reflect.tui.dialogs.skill_picker import SkillPicker
from reflect.tui.screens.editor import EditorScreen
from reflect.tui.screens.journal import JournalScreen
from reflect.tui.widgets.markdown_area import personal_highlights

from .conftest import wait_until
from .test_export_from_app import open_export

FIRST = ("A customer came in with a kettle that had stopped working. She wanted a refund but had no "
         "receipt. She gave me her number, 07700 900123, so we could call her back. I found the sale on "
         "the till system and processed the refund.")
MORE = (" I felt nervous because I had never done a refund without a receipt. I learnt that the system "
        "can find a sale from the bank card. Next time I will check the system first because it is quicker.")


async def coach_looked(pilot, editor) -> None:
    """Wait until the coach has looked at what is typed now."""
    await wait_until(pilot, lambda: editor.check is not None and editor._coach_timer is None, "the coach")


def codes(screen) -> set[str]:
    return {a.code for a in screen.check.advice}


async def test_write_follow_the_advice_accept_suggestions_export_redacted(make, journal, tmp_path):
    app = make()
    async with app.run_test(size=(110, 40), notifications=True) as pilot:
        await pilot.press("n")
        editor = app.screen
        assert isinstance(editor, EditorScreen)
        await pilot.press(*"Refund", "tab", *"A customer came in")
        body = editor.query_one("#body")
        body.insert(FIRST.removeprefix("A customer came in"))  # the rest as if pasted: typing it all is slow
        await coach_looked(pilot, editor)
        # The coach: a phone number to take out, a description only, nothing tagged.
        assert [(f.kind, f.text) for f in editor.check.personal_data] == [("phone", "07700 900123")]
        assert {"description-only", "not-tagged"} <= codes(editor)
        assert editor.check.depth.level == "descriptive"
        panel = str(editor.query_one("#coach-text").render())
        assert "07700 900123" in panel and "a phone number: remove it or write 'the customer'" in panel
        # Follow the advice: how it felt, what was learnt, what next.
        await pilot.press(*" I felt")
        body.insert(MORE.removeprefix(" I felt"))
        await coach_looked(pilot, editor)
        assert "description-only" not in codes(editor)
        assert editor.check.depth.level != "descriptive"
        # Accept the suggestions: they come first in each picker.
        await pilot.press("ctrl+r")
        picker = app.screen
        assert isinstance(picker, CriteriaPicker)
        options = picker.query_one("#criteria").options
        assert options[1].id.startswith(SUGGESTED + "SDS0354.")
        suggested_criterion = options[1].id.removeprefix(SUGGESTED)
        await pilot.press("down", "space", "enter")
        await pilot.press("ctrl+g")
        assert isinstance(app.screen, SkillPicker)
        suggested_skill = app.screen.query_one("#skills").options[1].id.removeprefix(SUGGESTED)
        await pilot.press("space", "enter")
        await coach_looked(pilot, editor)
        assert "not-tagged" not in codes(editor)
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: editor.entry is not None, "the save")
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, JournalScreen), "the journal")
        # Export: the personal data is listed first; redact it.
        dialog = await open_export(app, pilot, tmp_path / "out")
        dialog.query_one("#kind").value = "reflections"
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, PersonalDataFound), "the personal-data listing")
        await pilot.press("r")
        await wait_until(pilot, lambda: (tmp_path / "out").exists() and any((tmp_path / "out").iterdir()), "the file")
        [written] = list((tmp_path / "out").iterdir())
    (saved,) = journal.entries.iter_entries()
    assert saved.criteria == (suggested_criterion,) and saved.skills == (suggested_skill,)
    assert "07700 900123" in saved.body  # the journal keeps what was written
    text = written.read_text(encoding="utf-8")
    assert "07700" not in text and "[phone]" in text
    with open(written, encoding="utf-8") as stream:
        (item,) = list(ExportReader(stream, str(written)))
    assert item.data["criteria"] == [suggested_criterion]


async def test_export_as_written_keeps_the_number_but_masks_cards(make, journal, tmp_path):
    from datetime import date

    journal.entries.add(day=date(2026, 11, 20), title="Card", body="Paid with 4111 1111 1111 1111, ring 07700 900123.")
    app = make()
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        dialog = await open_export(app, pilot, tmp_path)
        dialog.query_one("#kind").value = "reflections"
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, PersonalDataFound), "the personal-data listing")
        listing = str(app.screen.query_one("#personal-data-list Static").render())
        assert "•••• 1111" in listing and "07700 900123" in listing and "4111 1111" not in listing
        await pilot.press("w")
        await wait_until(pilot, lambda: any(p.suffix == ".md" for p in tmp_path.iterdir()), "the file")
    [written] = [p for p in tmp_path.iterdir() if p.suffix == ".md"]
    text = written.read_text(encoding="utf-8")
    assert "07700 900123" in text and "4111" not in text and "[card]" in text


async def test_todays_question_starts_a_tagged_reflection(make, journal, framework):
    app = make()
    async with app.run_test(size=(100, 32)) as pilot:
        screen = app.screen
        await wait_until(pilot, lambda: isinstance(screen, JournalScreen) and screen.prompt is not None,
                         "today's question")
        assert screen.prompt.question in str(screen.query_one("#today-question").render())
        await pilot.press("w")
        editor = app.screen
        assert isinstance(editor, EditorScreen)
        prompt = screen.prompt
        assert editor.query_one("#body").text.startswith(f"> {prompt.question}")
        assert editor.skills == ((prompt.skill,) if prompt.skill else ())
        assert editor.criteria == ((prompt.criterion,) if prompt.criterion else ())


def test_personal_data_is_marked_in_the_editor():
    line = "She gave me 07700 900123 and Mr Kipling cakes"
    marks = personal_highlights(line)
    assert marks == [(12, 24, "personal")]
