"""Nothing hidden or lost by a key: the private mark survives a narrow list, the criteria
picker ticks only what was searched for, lists do not wrap round into another item, every
delete can be undone, and recovered words are discarded only when you say so."""

from __future__ import annotations

from datetime import date

import pytest

from reflect.tui.dialogs.criteria_picker import CriteriaPicker
from reflect.tui.dialogs.form import ConfirmDialog
from reflect.tui.widgets.entry_list import EntryList

from .test_navigation import records, until  # noqa: F401 - records is a fixture


async def test_private_mark_starts_a_line_at_80_columns(make, sample):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.screen.query(EntryList) and app.screen.query_one(EntryList).option_count)
        listing = app.screen.query_one(EntryList)
        private = listing.get_option(str(sample[1].id)).prompt.plain.splitlines()
        public = listing.get_option(str(sample[0].id)).prompt.plain.splitlines()
    assert private[1].startswith("  private") and listing.size.width < len(private[0]) + 20
    assert "private" not in "\n".join(public)


async def test_criteria_picker_ticks_what_was_typed_in_one_burst(make, framework):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await until(pilot, lambda: type(app.screen).__name__ == "EditorScreen")
        await pilot.press("ctrl+r")
        await until(pilot, lambda: isinstance(app.screen, CriteriaPicker))
        picker = app.screen
        await pilot.press(*"INSCS009 P6", "down", "space")
        await until(pilot, lambda: picker.selected)
        assert picker.selected == ["INSCS009.P6"]
        # A busy terminal: the box changes and down, space follow before the box's change
        # message is handled (all in one go, no pause between).
        await pilot.press("space")  # untick
        box = picker.query_one("#criteria-search")
        box.value = "INSCS009 P7"
        picker.action_to_list()
        picker.action_toggle()
        assert picker.selected == ["INSCS009.P7"]


async def test_up_from_the_first_row_stays_there(make, journal, records):
    journal.feedback.add(received_on=date(2026, 11, 10), source_kind="manager", said="Older one")
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f5")
        await until(pilot, lambda: type(app.screen).__name__ == "FeedbackScreen")
        first = app.screen.record_id
        await pilot.press("up", "up")
        await pilot.pause()
        assert app.screen.record_id == first
        await pilot.press("end", "down")
        await pilot.pause()
        assert app.screen.record_id != first


@pytest.mark.parametrize("screen_keys, table", [
    (["f5"], "feedback"),
    (["f5", "t"], "training"),
    (["f4", "v"], "activities"),
])
async def test_every_delete_can_be_undone(make, journal, records, screen_keys, table):
    before = journal.conn.execute(f"SELECT * FROM {table}").fetchall()
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*screen_keys)
        await until(pilot, lambda: getattr(app.screen, "record_id", None) is not None)
        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")
        await until(pilot, lambda: not journal.conn.execute(f"SELECT * FROM {table}").fetchall())
        await pilot.press("u")
        await until(pilot, lambda: journal.conn.execute(f"SELECT * FROM {table}").fetchall())
    assert journal.conn.execute(f"SELECT * FROM {table}").fetchall() == before


async def test_deleting_a_draft_objective_can_be_undone_with_its_links(make, journal, sample):
    objective = journal.objectives.add(specific="Lead the huddle", skills=["focus"])
    journal.objectives.link_entry(objective.id, sample[0].id)
    journal.activities.add(objective_id=objective.id, title="Shadow Sam")
    feedback = journal.feedback.add(received_on=date(2026, 11, 19), source_kind="manager", said="Go for it",
                                    objective_id=objective.id)
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4")
        await until(pilot, lambda: type(app.screen).__name__ == "ObjectivesScreen")
        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")
        await until(pilot, lambda: not journal.objectives.list())
        assert journal.feedback.get(feedback.id).objective_id is None
        await pilot.press("u")
        await until(pilot, lambda: journal.objectives.list())
    back = journal.objectives.get(objective.id)
    assert back.skills == ("focus",) or list(back.skills) == ["focus"]
    assert [o.id for o in journal.objectives.for_entry(sample[0].id)] == [objective.id]
    assert [a.title for a in journal.activities.list(objective_id=objective.id)] == ["Shadow Sam"]
    assert journal.feedback.get(feedback.id).objective_id == objective.id


async def test_discarding_recovered_words_asks_first(make, journal):
    journal.drafts.save({"day": "24/11/2026", "title": "Half-written", "body": "Words I care about"})
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: type(app.screen).__name__ == "RecoverDraft")
        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("n")
        await until(pilot, lambda: type(app.screen).__name__ == "RecoverDraft")
        assert journal.drafts.pending()
        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")
        await until(pilot, lambda: not journal.drafts.pending())
