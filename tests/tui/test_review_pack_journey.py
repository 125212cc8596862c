"""The mentor loop in the app: complete a review, write its pack, the mentor fills it in and
sends it back, it is imported, and the review shows the mentor's comments and ratings."""

from __future__ import annotations

from datetime import date

from reflect.importers.feedback import import_feedback
from reflect.tui.dialogs.review_pack import ReviewPackDialog
from reflect.tui.dialogs.form import ConfirmDialog
from reflect.tui.screens.review import CompleteReviewDialog, ReviewScreen

from .conftest import settle


def mentor_fills_in(text: str, objective_uid: str) -> str:
    """What the mentor types: a comment on the objective and the record of the meeting."""
    hint = f"<!-- reflect:comments objective={objective_uid} -->\n*Mentor: write your comments on this objective under this line.*\n"
    assert hint in text
    text = text.replace(hint, hint + "\nGood start: ask Priya to watch you once.\n")
    text = text.replace("<!-- reflect:record-field comments -->\n\n",
                        "<!-- reflect:record-field comments -->\n\nCalm and careful with customers.\n\n")
    text = text.replace("- Focus (focus): self 4 Confident; mentor: ", "- Focus (focus): self 4 Confident; mentor: 3")
    return text.replace("<!-- reflect:record-field actions -->\n\n- \n",
                        "<!-- reflect:record-field actions -->\n\n- Lead one huddle item\n")


async def test_complete_export_import_and_see_the_mentors_words(make, journal, framework, sample, tmp_path):
    journal.assessments.add(ratings={"focus": 4, "communication": 3}, assessed_on=date(2026, 11, 22))
    objective = journal.objectives.add(specific="Handle three complaints on my own by January")
    app = make()
    opened: list[str] = []
    app.open_url = lambda url, **kw: opened.append(url)  # no real browser in a test
    async with app.run_test(size=(110, 34), notifications=True) as pilot:
        # Complete the review with the mentor: the app offers its pack.
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("c")
        assert isinstance(app.screen, CompleteReviewDialog)
        await pilot.press(*"Alex Smith", "ctrl+s")  # enter would only move to the next field
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)  # the pack is offered at once; e does it too
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen) and app.screen.read_only
        review = journal.reviews.last_completed()
        assert any("Press e for its review pack" in n.message for n in app._notifications)

        # Its pack, as Markdown for the mentor to write in: the path is shown.
        await pilot.press("e")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ReviewPackDialog) and dialog.review_id == review.id
        dialog.query_one("#pack-folder").value = str(tmp_path)
        await pilot.press("ctrl+s")
        await settle(pilot)
        [written] = list(tmp_path.glob("*.md"))
        assert written.name.startswith(f"review-{review.id}-")
        assert any(str(written) in n.message for n in app._notifications)
        assert opened == []  # Markdown is not opened in a browser

        # And as printable HTML, opened in the browser.
        await pilot.press("e")
        await settle(pilot)
        app.screen.query_one("#pack-folder").value = str(tmp_path)
        app.screen.query_one("#pack-format").value = "html"
        await pilot.press("ctrl+s")
        await settle(pilot)
        [page] = list(tmp_path.glob("*.html"))
        assert opened == [page.resolve().as_uri()]

        # The mentor sends the file back; it is imported (as `reflect import-feedback` does).
        back = tmp_path / "back-from-alex.md"
        back.write_text(mentor_fills_in(written.read_text(), objective.uid))
        result = import_feedback(journal, back, framework=framework)
        assert [c.text for c in result.added] == ["Good start: ask Priya to watch you once."]
        assert result.record.review_id == review.id

        # The completed review now shows the mentor's comments and ratings.
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("r", "h", "enter")
        await settle(pilot, 0.2)
        screen = app.screen
        assert isinstance(screen, ReviewScreen) and screen.review.id == review.id
        text = screen.query_one("#review-content").render().plain
        # And preparing the next review shows it too, beside the latest self-ratings.
        await pilot.press("escape", "escape")
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot, 0.2)
        preparing = app.screen.query_one("#review-content").render().plain
        # The self-assessment screen shows the mentor's rating beside your trend.
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        focus_row = str(app.screen._row("focus"))
    assert "RECORD OF THE LAST REVIEW (24/11/2026)" in preparing
    assert focus_row.rstrip().endswith("mentor 3")
    assert "Focus: mentor 3 Developing; self 4 Confident" in preparing
    assert "RECORD OF THE MEETING" in text
    assert "Calm and careful with customers." in text
    assert "Focus: mentor 3 Developing; self 4 Confident" in text
    assert "Lead one huddle item" in text
    assert [o.specific for o in journal.objectives.list() if o.status == "draft"].count("Lead one huddle item") == 1
