"""The whole of issue 17's journey in the app, as an apprentice does it: record a witness
testimony, attach the photo the witness signed, tag the criterion it shows, see the gap close
on the dashboard, and send the bundle (Markdown, HTML and the photo) to the mentor."""

from __future__ import annotations

import zipfile

from markdown_it import MarkdownIt
from textual.widgets import OptionList

from reflect.tui.dialogs.attach import AttachDialog
from reflect.tui.dialogs.common import TemplateChooser
from reflect.tui.dialogs.criteria_picker import CriteriaPicker
from reflect.tui.dialogs.evidence import EvidenceDetailsDialog
from reflect.tui.dialogs.export import ExportDialog, PersonalDataFound
from reflect.tui.screens.editor import EditorScreen
from reflect.tui.screens.entry_detail import EntryDetailScreen
from reflect.tui.screens.journal import JournalScreen
from reflect.tui.widgets.unit_progress import UnitProgress
from tests.attachments import samples

from .conftest import from_palette, wait_until
from .dashboard_helpers import loaded

GAP = "INSCS009.P8"
PHOTO = samples.png(64, 48, (250, 240, 200))


def _criterion(summary, cid):
    return next(c for u in summary.criteria.units for c in u.criteria if c.id == cid)


def _unit_row(dashboard, code: str) -> str:
    """The dashboard's progress row for a unit, as shown ("... 3/12 evidenced, 9 gaps")."""
    rows = dashboard.query_one(UnitProgress)
    return next(str(o.prompt) for o in rows.options if code in str(o.prompt))


async def _back_to_journal(app, pilot) -> None:
    await pilot.press("escape")
    await wait_until(pilot, lambda: isinstance(app.screen, JournalScreen), "the journal")


async def test_witness_testimony_with_a_photo_closes_the_gap_and_goes_in_the_bundle(make, journal, tmp_path):
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "signed-statement.png").write_bytes(PHOTO)
    app = make()
    async with app.run_test(size=(110, 40), notifications=True) as pilot:
        # The dashboard shows the criterion as a gap.
        await pilot.press("g")
        before = await loaded(app, pilot)
        assert _criterion(before.summary, GAP).status == "gap"
        unit_before = _unit_row(before, "INSCS009")
        await _back_to_journal(app, pilot)

        # Record the witness testimony from its template, naming the witness.
        await pilot.press("t")
        await wait_until(pilot, lambda: isinstance(app.screen, TemplateChooser), "the template chooser")
        options = app.screen.query_one("#templates", OptionList)
        options.highlighted = options.get_option_index("kind:witness")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, EditorScreen), "the editor")
        editor = app.screen
        await pilot.press("ctrl+o")
        await wait_until(pilot, lambda: isinstance(app.screen, EvidenceDetailsDialog), "the witness form")
        await pilot.press(*"Amy Reid", "enter", *"Team leader", "enter", *"my line manager", "enter",
                          "enter", "tab", *"23/11/2026", "ctrl+s")
        await wait_until(pilot, lambda: app.screen is editor, "back in the editor")
        await pilot.press(*"Calm at the till", "enter", *"She saw me calm a customer who had waited.")

        # Tag the criterion it shows, and save.
        await pilot.press("ctrl+r")
        await wait_until(pilot, lambda: isinstance(app.screen, CriteriaPicker), "the criteria picker")
        await pilot.press(*GAP, "down", "space", "enter")
        await wait_until(pilot, lambda: app.screen is editor, "back in the editor")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: editor.entry is not None, "the testimony saved")
        saved = editor.entry
        await _back_to_journal(app, pilot)

        # Attach the photo of the signed statement to it.
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, EntryDetailScreen), "the testimony's page")
        assert app.screen.entry_id == saved.id
        await pilot.press("a")
        await wait_until(pilot, lambda: isinstance(app.screen, AttachDialog), "the attach dialog")
        box = app.screen.query_one("#path")
        typed = f"{tmp_path}/photos/sig"
        await pilot.press(*typed)
        await wait_until(pilot, lambda: box._suggestion not in ("", typed), "the completed name")
        await pilot.press("right", "enter")
        await wait_until(pilot, lambda: journal.attachments.list(saved.id), "the photo attached")
        [photo] = journal.attachments.list(saved.id)
        assert (photo.name, photo.media_type) == ("signed-statement.png", "image/png")
        await wait_until(pilot, lambda: isinstance(app.screen, EntryDetailScreen), "back on the testimony")
        await _back_to_journal(app, pilot)

        # The gap has closed, by a witness testimony, and the unit's row counts one gap fewer.
        await pilot.press("g")
        after = await loaded(app, pilot)
        covered = _criterion(after.summary, GAP)
        assert covered.status == "ok" and covered.by_kind == {"witness": 1}
        unit_after = _unit_row(after, "INSCS009")
        assert unit_after != unit_before
        gaps = {u.code: u.tally.gaps for u in after.summary.criteria.units}
        gaps_before = {u.code: u.tally.gaps for u in before.summary.criteria.units}
        assert gaps["INSCS009"] == gaps_before["INSCS009"] - 1
        assert f", {gaps['INSCS009']} gap" in unit_after
        await _back_to_journal(app, pilot)

        # Export the bundle for the mentor from the command palette.
        await from_palette(pilot, "export", "Export")
        await wait_until(pilot, lambda: isinstance(app.screen, ExportDialog), "the export dialog")
        app.screen.query_one("#kind").value = "bundle"
        app.screen.query_one("#folder").value = str(tmp_path / "for-mentor")
        await pilot.press("ctrl+s")

        def written() -> list:
            folder = tmp_path / "for-mentor"
            return list(folder.glob("*.zip")) if folder.exists() else []

        await wait_until(pilot, lambda: written() or isinstance(app.screen, PersonalDataFound),
                         "the bundle, or the question about personal data")
        if isinstance(app.screen, PersonalDataFound):  # the witness's name may count as personal data
            await pilot.press("w")
        await wait_until(pilot, written, "the bundle written")

    [bundle] = written()
    with zipfile.ZipFile(bundle) as archive:
        names = archive.namelist()
        [markdown_name] = [n for n in names if n.endswith(".md")]
        assert [n for n in names if n.endswith(".html")]
        [photo_name] = [n for n in names if n.endswith("signed-statement.png")]
        assert archive.read(photo_name) == PHOTO
        markdown = archive.read(markdown_name).decode("utf-8")
        html = next(archive.read(n).decode("utf-8") for n in names if n.endswith(".html"))
    assert "Amy Reid" in html and 'alt="signed-statement.png"' in html

    tokens = MarkdownIt("commonmark").parse(markdown)
    text = [t.content for t in tokens if t.type == "inline"]
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert "Tue 24 Nov 2026 — Calm at the till" in headings  # the testimony's date, with its title
    for wanted in ("**Kind:** Witness testimony", "**Witness:** Amy Reid", "**Role:** Team leader",
                   "**Confirmed by the witness:** yes, on 23/11/2026"):
        assert wanted in text, text
    images = [child.attrGet("src") for t in tokens for child in (t.children or []) if child.type == "image"]
    links = [child.attrGet("href") for t in tokens for child in (t.children or []) if child.type == "link_open"]
    assert any(target and target.endswith("signed-statement.png") for target in images + links)
