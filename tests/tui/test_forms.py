"""Forms behave as people expect: focus on the first field, enter moves on (never saves), ctrl+s
saves; the feedback item read in full; every objective's activities on one screen."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import Input, Static

from reflect.tui.dialogs.logs import FeedbackDialog

from .test_navigation import records, until  # noqa: F401 - records is a fixture


async def test_feedback_form_starts_on_received_and_enter_never_saves(make, journal):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f5")
        await until(pilot, lambda: type(app.screen).__name__ == "FeedbackScreen")
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, FeedbackDialog))
        assert app.focused.id == "received" or app.focused.parent.id == "received"
        # The trap from the issue: a date, tab, then enter.
        await pilot.press("home", "ctrl+k", *"yesterday", "tab", "enter")
        await pilot.pause()
        assert isinstance(app.screen, FeedbackDialog) and journal.feedback.list() == []
        app.set_focus(app.screen.query_one("#said", Input))
        await pilot.press(*"Lovely with the queue", "enter", *"Keep it up")
        await until(pilot, lambda: app.screen.query_one("#action", Input).value == "Keep it up")
        assert journal.feedback.list() == []
        await pilot.press("ctrl+s")
        await until(pilot, lambda: journal.feedback.list())
    [feedback] = journal.feedback.list()
    assert (feedback.received_on, feedback.said, feedback.action) == (date(2026, 11, 23), "Lovely with the queue",
                                                                      "Keep it up")


async def test_enter_in_the_title_goes_on_to_the_reflection(make, journal):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await until(pilot, lambda: type(app.screen).__name__ == "EditorScreen")
        # Typed in one burst: the words after enter must land in the body, not the title.
        await pilot.press(*"Till queue", "enter", *"It went well.")
        await until(pilot, lambda: app.screen.query_one("#body").text.strip() == "It went well.")
        assert app.screen.query_one("#title", Input).value == "Till queue"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: journal.entries.count() == 1)


async def test_feedback_read_in_full_with_what_it_links(make, journal, records):
    long_text = "Great with the queue. " * 12 + "The last words."
    journal.feedback.update(1, received_on=date(2026, 11, 19), source_kind="customer", source_name="",
                            said=long_text, action="Keep calm", objective_id=records.id, entry_id=None)
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f5", "enter")
        await until(pilot, lambda: type(app.screen).__name__ == "FeedbackDetailScreen")
        page = str(app.screen.query_one("#feedback-text", Static).render())
        assert "The last words." in page and "Keep calm" in page and "Lead the Monday huddle" in page
        await pilot.press("o")
        await until(pilot, lambda: type(app.screen).__name__ == "ObjectiveDetailScreen")


async def test_activities_across_objectives_add_and_complete(make, journal, records):
    other = journal.objectives.add(specific="Learn the returns policy")
    journal.activities.add(objective_id=other.id, title="Read the returns policy", due=date(2026, 12, 5))
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f4", "v")
        await until(pilot, lambda: type(app.screen).__name__ == "ActivitiesScreen")
        rows = [str(o.prompt) for o in app.screen.query_one("#log").options]
        text = "\n".join(rows)
        assert text.index("OVERDUE") < text.index("Shadow Sam") < text.index("TO DO") < text.index("Read the returns")
        assert "for #1 Lead the Monday huddle" in text
        await pilot.press("space")  # the highlighted (overdue) one is done
        await until(pilot, lambda: journal.activities.list(done=True))
        assert [a.title for a in journal.activities.list(done=True)] == ["Shadow Sam on a huddle"]
        await pilot.press("a")
        await until(pilot, lambda: type(app.screen).__name__ == "ObjectivePicker")
        await pilot.press("down", "enter")
        await until(pilot, lambda: type(app.screen).__name__ == "ActivityDialog")
        await pilot.press(*"Ask Sam for the policy", "ctrl+s")
        await until(pilot, lambda: len(journal.activities.list()) == 3)
    added = [a for a in journal.activities.list() if a.title == "Ask Sam for the policy"]
    assert added[0].objective_id == other.id
