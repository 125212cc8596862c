"""Smaller behaviours of the app: errors, quitting, the palette, the framework, paging, themes."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from reflect.tui.dialogs.common import ConfirmLeave, HelpScreen
from reflect.tui.screens.editor import EditorScreen
from reflect.tui.screens.framework_browser import EvidenceScreen, FrameworkBrowserScreen
from reflect.tui.screens.journal import JournalScreen
from reflect.tui.widgets.entry_list import PAGE_SIZE, EntryList

from .conftest import listed_ids, settle, wait_until


def bulk_entries(journal, count: int) -> None:
    """Many entries at once, straight into the table (the store's add is one transaction each)."""
    start = date(2026, 11, 24)
    with journal.write():
        journal.db.conn.executemany(
            "INSERT INTO entries (uid, day, title, body, created_at, updated_at) VALUES (?, ?, ?, '', ?, ?)",
            [(uuid.uuid4().hex, (start - timedelta(days=i)).isoformat(), f"Entry {i}",
              "2026-11-24T10:00:00Z", "2026-11-24T10:00:00Z") for i in range(count)])


def messages(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_empty_journal_says_how_to_start(make):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "press n to write your first" in str(app.screen.query_one("#empty").render())


async def test_list_loads_a_page_at_a_time(make, journal):
    bulk_entries(journal, PAGE_SIZE * 2 + 50)
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        entries = app.screen.query_one(EntryList)
        assert entries.option_count == PAGE_SIZE
        await pilot.press("end")
        await settle(pilot)
        assert entries.option_count > PAGE_SIZE
        for _ in range(3):
            await pilot.press("end")
            await settle(pilot)
        assert entries.option_count == PAGE_SIZE * 2 + 50
        assert len(set(listed_ids(app))) == PAGE_SIZE * 2 + 50


async def test_bad_date_is_a_notification_and_the_draft_is_kept(make, journal):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n", *"Odd date", "shift+tab", "shift+tab", "ctrl+a", "ctrl+k", *"31/02/2026", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, EditorScreen)
        assert any("has no day 31" in m for m in messages(app))
    assert journal.entries.count() == 0
    assert journal.drafts.pending()[0].data["title"] == "Odd date"


async def test_unexpected_error_while_saving_keeps_the_draft_and_the_app(make, journal, monkeypatch):
    def broken(**fields):
        raise RuntimeError("disk on fire")

    app = make(catch_bugs=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n", *"Precious words")
        monkeypatch.setattr(journal.entries, "add", broken)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, EditorScreen)
        assert any("disk on fire" in m for m in messages(app))
        assert app.is_running
    assert journal.drafts.pending()[0].data["title"] == "Precious words"


async def test_quitting_with_unsaved_changes_asks_first(make, journal):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n", *"Nearly lost", "ctrl+q")
        assert isinstance(app.screen, ConfirmLeave)
        await pilot.press("s")
        # Wait for the save and the exit (a busy machine may need more than a couple of turns).
        for _ in range(200):
            if not app.is_running or journal.entries.count():
                break
            await pilot.pause()
    assert [e.title for e in journal.entries.list().rows] == ["Nearly lost"]


async def test_q_quits_at_once_when_nothing_is_unsaved(make):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("q")
        await settle(pilot)
        assert not app.is_running


async def test_command_palette_opens_the_framework(make):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p", *"browse fram")
        await settle(pilot, 0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, FrameworkBrowserScreen)


async def test_framework_browser_chooses_optional_units(make, journal):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f")
        await settle(pilot)
        await pilot.press("down", "down")  # past the two mandatory units, to the first optional one
        await pilot.press("space")
        await settle(pilot)
    first_optional = app.framework.optional_units[0].code
    assert first_optional in journal.settings.chosen_units()


async def test_framework_browser_shows_evidence_for_a_criterion(make, sample):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f")
        await settle(pilot)
        await pilot.press("enter", "enter")  # INSCS009 -> its first criterion, P1
        await settle(pilot)
        assert isinstance(app.screen, EvidenceScreen)
        assert listed_ids(app) == [sample[2].id]


async def test_theme_switch_is_remembered(make, journal):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await app.run_action("toggle_theme")
        await settle(pilot)
    assert journal.settings.get("theme") == "textual-light"
    again = make()
    assert again.theme == "textual-light"


async def test_help_lists_the_keys_of_the_screen(make, sample):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        assert ("n", "Write a new reflection") in app.screen.keys
        await pilot.press("escape")
        assert isinstance(app.screen, JournalScreen)


async def test_markup_like_text_is_shown_as_typed(make, journal):
    app = make()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.press("n", *"Fixed the a[/b] till", "ctrl+s")
        await settle(pilot, 0.2)  # the "Saved" toast quotes the title
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("slash", *"[/x] nothing", "enter")
        await settle(pilot, 0.3)
        assert "[/x] nothing" in str(app.screen.query_one("#empty").render())
        assert app.is_running
    assert journal.entries.list().rows[0].title == "Fixed the a[/b] till"


async def test_time_spent_is_saved_in_minutes(make, journal):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n", *"Till training", "shift+tab", *"1h 30", "ctrl+s")
        await settle(pilot)
        assert str(app.screen.query_one("#time-feedback").render()) == "1 h 30 min"
    [entry] = journal.entries.list().rows
    assert journal.entries.get(entry.id).minutes == 90


async def test_unreadable_time_spent_is_a_notification_not_a_loss(make, journal):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n", *"Till training", "shift+tab", *"ages", "ctrl+s")
        await settle(pilot)
        assert any("time spent" in m.lower() for m in messages(app))
        # The draft is written a moment after the last key (the autosave): wait for it, not the clock.
        await wait_until(pilot, lambda: [d.data.get("time") for d in journal.drafts.pending()] == ["ages"],
                         "the draft with the time as typed")
    assert journal.entries.count() == 0


async def test_badges_follow_the_framework_order(make, journal):
    journal.entries.add(day=date(2026, 11, 24), title="Order", skills=["leadership", "focus", "integrity"])
    app = make()
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        row = app.screen.query_one(EntryList).get_option_at_index(0).prompt.plain
    assert "Focus · Integrity · Leadership" in row
